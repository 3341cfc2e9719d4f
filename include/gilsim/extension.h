/* gilsim/extension.h: write a gilsim extension module in C or C++.
 *
 * An extension is a shared library NAME.so in the script's folder; `import NAME` loads it and
 * calls its init function, which registers the module's functions:
 *
 *     #include <gilsim/extension.h>
 *
 *     static void count_primes(gilsim_call* call) {
 *       const gilsim_api* api = gilsim_call_api(call);   // or keep the pointer from init
 *       int64_t limit;
 *       if (api->arg_int(call, 0, &limit) != 0) return;  // the error is already set
 *       api->release_gil(call);                          // other threads run meanwhile
 *       int64_t n = ...pure C work, touching no gilsim data...;
 *       api->acquire_gil(call);
 *       api->return_int(call, n);
 *     }
 *
 *     GILSIM_EXTENSION_INIT(primes) {
 *       api->add_function(module, "count_primes", count_primes);
 *       return 0;
 *     }
 *
 * Build it with `cc -shared -fPIC -I<gilsim>/include primes.c -o primes.so`.
 *
 * The API never hands out Python objects: arguments are read as C values, results and errors are
 * recorded in the call and turned into Python values after the function returns. So the only rule
 * for releasing the GIL is to call acquire_gil before returning (gilsim takes the lock back
 * itself, and says so on stderr, if a function forgets). While the GIL is released another thread
 * may run Python code; every api function except acquire_gil needs the GIL held.
 *
 * Arguments are positional; a function called with keywords raises TypeError before it runs.
 */
#ifndef GILSIM_EXTENSION_H
#define GILSIM_EXTENSION_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Bumped whenever gilsim_api changes incompatibly (fields appended at the end are compatible);
 * init fails with ImportError on a mismatch. */
#define GILSIM_EXTENSION_ABI_VERSION 1

typedef struct gilsim_call gilsim_call;
typedef struct gilsim_module gilsim_module;
typedef void (*gilsim_function)(gilsim_call* call);

typedef enum gilsim_error_kind {
  GILSIM_TYPE_ERROR,
  GILSIM_VALUE_ERROR,
  GILSIM_RUNTIME_ERROR,
  GILSIM_OS_ERROR,
  GILSIM_OVERFLOW_ERROR
} gilsim_error_kind;

typedef struct gilsim_api {
  int abi_version;

  /* Init only: adds NAME to the module as a function. */
  void (*add_function)(gilsim_module* module, const char* name, gilsim_function function);

  /* Arguments. The getters return 0, or -1 with a TypeError set (wrong type, or no argument i).
   * arg_bytes accepts bytes and str (UTF-8); the data stays valid until the function returns. */
  size_t (*arg_count)(gilsim_call* call);
  int (*arg_int)(gilsim_call* call, size_t i, int64_t* out);
  int (*arg_float)(gilsim_call* call, size_t i, double* out);
  int (*arg_bytes)(gilsim_call* call, size_t i, const char** data, size_t* size);

  /* The result; the last one set wins, and None if none is set. */
  void (*return_none)(gilsim_call* call);
  void (*return_int)(gilsim_call* call, int64_t value);
  void (*return_float)(gilsim_call* call, double value);
  void (*return_str)(gilsim_call* call, const char* utf8, size_t size);
  void (*return_bytes)(gilsim_call* call, const char* data, size_t size);

  /* Makes the call raise KIND(message) when the function returns. */
  void (*raise_error)(gilsim_call* call, gilsim_error_kind kind, const char* message);

  /* Gives the GIL up (other threads run Python meanwhile; the trace shows `cext`) and takes it
   * back. Pairs must not nest. */
  void (*release_gil)(gilsim_call* call);
  void (*acquire_gil)(gilsim_call* call);

  /* The simulated machine (gilsim run --sim), where time is virtual and native work has to say
   * how long it takes. (Appended to version 1: an extension that does not use them is unchanged.)
   *
   * simulated() is nonzero on the simulated machine.
   * charge_time(call, seconds): the work the function does costs `seconds` of one core. Under
   *   --sim the call takes that long, without the GIL if it is released at the time and holding
   *   it otherwise; on the real machine it does nothing. A function that releases the GIL and
   *   charges nothing is charged the CPU time it really used between release_gil and acquire_gil:
   *   measured, so such runs are not reproducible byte for byte. Declare it to make them so.
   * wait(call, seconds): a blocking wait (a real sleep, or virtual time under --sim), with or
   *   without the GIL as the function holds it. A real sleep under --sim would stall the whole
   *   simulated machine without advancing its clock. */
  int (*simulated)(gilsim_call* call);
  void (*charge_time)(gilsim_call* call, double seconds);
  void (*wait)(gilsim_call* call, double seconds);
} gilsim_api;

/* The api table, from inside a function (a call begins with a pointer to it). */
static inline const gilsim_api* gilsim_call_api(gilsim_call* call) {
  return *(const gilsim_api* const*)call;
}

/* The init function: `GILSIM_EXTENSION_INIT(NAME) { ...; return 0; }`; return -1 to fail the
 * import (with an ImportError). */
#define GILSIM_EXTENSION_INIT(name) \
  int gilsim_init_##name(const gilsim_api* api, gilsim_module* module)

#ifdef __cplusplus
}
#endif

#endif /* GILSIM_EXTENSION_H */
