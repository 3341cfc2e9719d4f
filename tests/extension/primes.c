/* An example gilsim extension module in C: counts primes below a limit by trial division, with
 * the GIL released (count_primes) or held (count_primes_holding). Built by tests/CMakeLists.txt
 * as primes.so; tests/extension/use_primes.py imports it from the same folder.
 *
 *   cc -O2 -shared -fPIC -I include tests/extension/primes.c -o primes.so
 */
#include <gilsim/extension.h>

static int64_t count_primes_below(int64_t limit) {
  int64_t count = 0;
  for (int64_t n = 2; n < limit; ++n) {
    int prime = 1;
    for (int64_t d = 2; d * d <= n; ++d) {
      if (n % d == 0) {
        prime = 0;
        break;
      }
    }
    count += prime;
  }
  return count;
}

static int read_limit(gilsim_call* call, int64_t* limit) {
  const gilsim_api* api = gilsim_call_api(call);
  if (api->arg_count(call) != 1) {
    api->raise_error(call, GILSIM_TYPE_ERROR, "count_primes() takes exactly one argument");
    return -1;
  }
  if (api->arg_int(call, 0, limit) != 0) return -1;
  if (*limit < 0) {
    api->raise_error(call, GILSIM_VALUE_ERROR, "limit must not be negative");
    return -1;
  }
  return 0;
}

static void count_primes(gilsim_call* call) {
  const gilsim_api* api = gilsim_call_api(call);
  int64_t limit;
  if (read_limit(call, &limit) != 0) return;
  api->release_gil(call); /* pure C from here: other Python threads run meanwhile */
  int64_t count = count_primes_below(limit);
  api->acquire_gil(call);
  api->return_int(call, count);
}

static void count_primes_holding(gilsim_call* call) {
  int64_t limit;
  if (read_limit(call, &limit) != 0) return;
  gilsim_call_api(call)->return_int(call, count_primes_below(limit));
}

static void describe(gilsim_call* call) {
  static const char text[] = "primes: an example gilsim extension";
  gilsim_call_api(call)->return_str(call, text, sizeof text - 1);
}

GILSIM_EXTENSION_INIT(primes) {
  if (api->abi_version != GILSIM_EXTENSION_ABI_VERSION) return -1;
  api->add_function(module, "count_primes", count_primes);
  api->add_function(module, "count_primes_holding", count_primes_holding);
  api->add_function(module, "describe", describe);
  return 0;
}
