// Writing a file whole: the bytes go to a temporary name in the same folder, which is then renamed
// over the target, so that a reader never sees half a file and a failed write leaves none.
#pragma once

#include <string>
#include <string_view>

namespace gilsim::cli {

// Empty on success, else what went wrong ("cannot write out.json: No space left on device").
std::string writeFileAtomically(const std::string& path, std::string_view bytes);

}  // namespace gilsim::cli
