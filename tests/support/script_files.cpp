#include "support/script_files.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace gilsim::testsupport {

namespace fs = std::filesystem;

std::optional<std::string> readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> listFiles(const fs::path& dir,
                                   const std::function<bool(const std::string&)>& keep) {
  std::vector<std::string> names;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (it->is_regular_file(ec) && keep(name)) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<std::string> headerCommentLines(const std::string& source) {
  std::vector<std::string> comments;
  std::istringstream in(source);
  std::string line;
  while (std::getline(in, line)) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
      line.pop_back();
    if (line.empty()) continue;
    if (line[0] != '#') break;
    comments.push_back(line);
  }
  return comments;
}

std::string testNameForScript(const std::string& fileName) {
  std::string out = fs::path(fileName).stem().string();
  for (char& c : out) {
    const bool ok =
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) c = '_';
  }
  return out.empty() ? std::string("unnamed") : out;
}

}  // namespace gilsim::testsupport
