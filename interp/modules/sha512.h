// SHA-512 for random.seed of str and bytes (CPython's "version 2" seeding), from OpenSSL's
// libcrypto, opened on first use: linked in, libcrypto cost every start-up (statically, 2.6 MB of
// tables and page faults; as a shared library, its symbol resolution), and most scripts never
// seed with a string.
#pragma once

#include <string>
#include <string_view>

namespace gilsim {

// The 64-byte digest of data. Raises RuntimeError naming libcrypto if it cannot be loaded.
std::string sha512Digest(std::string_view data);

}  // namespace gilsim
