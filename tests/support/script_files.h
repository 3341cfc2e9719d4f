// Python script files for the script-driven tests: finding them, reading them, their header
// comments, and test names made from their file names.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gilsim::testsupport {

// The whole file, bytes as they are; nullopt if it cannot be read.
std::optional<std::string> readFile(const std::filesystem::path& path);

// File names (not paths) of the regular files in `dir` for which keep(name) is true, sorted.
// A folder that cannot be read gives none.
std::vector<std::string> listFiles(const std::filesystem::path& dir,
                                   const std::function<bool(const std::string&)>& keep);

// The header of a script: the run of comment lines (blank lines allowed) at its top, before any
// code. Returns the comment lines, trailing blanks and '\r' removed.
std::vector<std::string> headerCommentLines(const std::string& source);

// A GoogleTest parameter name from a script file name: its stem, with every character other than
// [A-Za-z0-9_] replaced by '_'; "unnamed" if that leaves nothing.
std::string testNameForScript(const std::string& fileName);

}  // namespace gilsim::testsupport
