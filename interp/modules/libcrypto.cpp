#include "interp/modules/libcrypto.h"

#include <dlfcn.h>

#include <initializer_list>

namespace gilsim {

namespace {

// Opened once per process; a static's initialization is thread-safe. RTLD_LOCAL: nothing else
// in gilsim (or in an extension module) binds to this copy's symbols.
void* openLibcrypto() {
  for (const char* name : {"libcrypto.so.3", "libcrypto.so"})
    if (void* library = ::dlopen(name, RTLD_NOW | RTLD_LOCAL)) return library;
  return nullptr;
}

}  // namespace

void* libcryptoSymbol(const char* name) {
  static void* const library = openLibcrypto();
  return library ? ::dlsym(library, name) : nullptr;
}

}  // namespace gilsim
