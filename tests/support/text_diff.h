// Text for failure messages: a block of output shown indented, and a line diff of two outputs.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gilsim::testsupport {

// The lines of `text` without their '\n'; a last line without one is marked
// "\ (no newline at end)".
std::vector<std::string> splitLines(const std::string& text);

// Each line as "    | LINE\n", at most maxChars of the text, "    (empty)\n" for none.
std::string indentBlock(const std::string& text, std::size_t maxChars = 6000);

// A line diff (longest common subsequence) of expected and actual, as hunks with three lines of
// context, headed "  --- EXPECTEDLABEL" and "  +++ ACTUALLABEL".
std::string lineDiff(const std::string& expected, const std::string& actual,
                     std::string_view expectedLabel = "expected",
                     std::string_view actualLabel = "actual");

}  // namespace gilsim::testsupport
