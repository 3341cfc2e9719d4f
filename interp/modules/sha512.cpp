#include "interp/modules/sha512.h"

#include <dlfcn.h>
#include <openssl/sha.h>

#include "interp/objects/errors.h"

namespace gilsim {

namespace {

using Sha512Function = decltype(&::SHA512);

// Opened once per process; a static's initialization is thread-safe. RTLD_LOCAL: nothing else
// in gilsim (or in an extension module) binds to this copy's symbols.
Sha512Function loadSha512() {
  for (const char* name : {"libcrypto.so.3", "libcrypto.so"}) {
    if (void* library = ::dlopen(name, RTLD_NOW | RTLD_LOCAL))
      if (void* symbol = ::dlsym(library, "SHA512"))
        return reinterpret_cast<Sha512Function>(symbol);
  }
  return nullptr;
}

}  // namespace

std::string sha512Digest(std::string_view data) {
  static const Sha512Function sha512 = loadSha512();
  if (sha512 == nullptr)
    raiseRuntimeError("SHA-512 is unavailable: OpenSSL's libcrypto.so.3 could not be loaded");
  unsigned char digest[SHA512_DIGEST_LENGTH];
  sha512(reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest);
  return std::string(reinterpret_cast<const char*>(digest), sizeof digest);
}

}  // namespace gilsim
