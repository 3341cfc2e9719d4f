// OpenSSL's libcrypto, opened on first use rather than linked: linked in, it cost every start-up
// (statically, 2.6 MB of tables and page faults; as a shared library, its symbol resolution), and
// most scripts never hash. random.seed of a str (sha512.cpp) and hashlib (module_hashlib.cpp)
// call it through here.
#pragma once

namespace gilsim {

// The address of libcrypto's function `name`, or null when the library or the symbol is missing.
void* libcryptoSymbol(const char* name);

// libcryptoSymbol as the function's own type, `decltype(&::NAME)`.
template <class F>
F libcryptoFunction(const char* name) {
  return reinterpret_cast<F>(libcryptoSymbol(name));
}

}  // namespace gilsim
