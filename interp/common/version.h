// The gilsim version, shown by --version and sys.version.
#pragma once

namespace gilsim {
inline constexpr const char* kGilsimVersion = "0.1.0";
}
