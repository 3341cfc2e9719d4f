#include "interp/modules/sha512.h"

#include <openssl/sha.h>

#include "interp/modules/libcrypto.h"
#include "interp/objects/errors.h"

namespace gilsim {

std::string sha512Digest(std::string_view data) {
  static const auto sha512 = libcryptoFunction<decltype(&::SHA512)>("SHA512");
  if (sha512 == nullptr)
    raiseRuntimeError("SHA-512 is unavailable: OpenSSL's libcrypto.so.3 could not be loaded");
  unsigned char digest[SHA512_DIGEST_LENGTH];
  sha512(reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest);
  return std::string(reinterpret_cast<const char*>(digest), sizeof digest);
}

}  // namespace gilsim
