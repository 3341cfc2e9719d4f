#include "support/text_diff.h"

#include <algorithm>

namespace gilsim::testsupport {

std::vector<std::string> splitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t nl = text.find('\n', start);
    if (nl == std::string::npos) {
      lines.push_back(text.substr(start) + "\\ (no newline at end)");
      break;
    }
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

std::string indentBlock(const std::string& text, std::size_t maxChars) {
  const std::string shown = text.size() > maxChars ? text.substr(0, maxChars) : text;
  std::string out;
  for (const std::string& l : splitLines(shown))
    out += "    | " + l + "\n";
  if (text.size() > maxChars)
    out += "    | ... (" + std::to_string(text.size() - maxChars) + " more bytes)\n";
  if (text.empty()) out += "    (empty)\n";
  return out;
}

std::string lineDiff(const std::string& expected, const std::string& actual,
                     std::string_view expectedLabel, std::string_view actualLabel) {
  const std::vector<std::string> a = splitLines(expected);
  const std::vector<std::string> b = splitLines(actual);
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  if (n * m > 4'000'000) {
    return "  " + std::string(expectedLabel) + ":\n" + indentBlock(expected) + "  " +
           std::string(actualLabel) + ":\n" + indentBlock(actual);
  }
  // lcs[i][j]: length of the longest common subsequence of a[i...] and b[j...].
  std::vector<std::vector<unsigned>> lcs(n + 1, std::vector<unsigned>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);

  struct Op {
    char tag;  // ' ', '-', '+'
    std::string text;
  };
  std::vector<Op> ops;
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] == b[j]) {
      ops.push_back({' ', a[i]});
      ++i;
      ++j;
    } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
      ops.push_back({'-', a[i]});
      ++i;
    } else {
      ops.push_back({'+', b[j]});
      ++j;
    }
  }
  constexpr std::size_t kContext = 3;
  constexpr std::size_t kMaxLines = 200;
  std::vector<bool> show(ops.size(), false);
  for (std::size_t k = 0; k < ops.size(); ++k) {
    if (ops[k].tag == ' ') continue;
    const std::size_t lo = k >= kContext ? k - kContext : 0;
    const std::size_t hi = std::min(ops.size(), k + kContext + 1);
    for (std::size_t x = lo; x < hi; ++x)
      show[x] = true;
  }
  std::string out =
      "  --- " + std::string(expectedLabel) + "\n  +++ " + std::string(actualLabel) + "\n";
  std::size_t printed = 0;
  bool gap = false;
  for (std::size_t k = 0; k < ops.size(); ++k) {
    if (!show[k]) {
      gap = true;
      continue;
    }
    if (gap) out += "  @@ ...\n";
    gap = false;
    if (++printed > kMaxLines) {
      out += "  ... (diff truncated)\n";
      break;
    }
    out += "  ";
    out += ops[k].tag;
    out += ' ';
    out += ops[k].text;
    out += '\n';
  }
  return out;
}

}  // namespace gilsim::testsupport
