#include "tools/test_report.h"

#include <fmt/format.h>

namespace gilsim::cli {

namespace {

std::string details(const CellOutcome& outcome) {
  std::string text = outcome.message;
  if (!outcome.lastLines.empty()) {
    text += "\nlast lines of output:";
    for (const std::string& line : outcome.lastLines)
      text += "\n" + line;
  }
  if (!outcome.keptTrace.empty()) text += "\ntrace: " + outcome.keptTrace;
  return text;
}

}  // namespace

std::string formatCell(const ReportEntry& entry) {
  const CellOutcome& o = entry.outcome;
  std::string line =
      fmt::format("{:<5} {} [{}]", verdictName(o.verdict), entry.scenario, entry.label);
  if (o.verdict != Verdict::Skip) line += fmt::format(" {:.2f}s", o.seconds);
  if (o.verdict == Verdict::Pass) return line + "\n";
  if (o.verdict == Verdict::Skip || o.verdict == Verdict::ExpectedFail)
    return line + "  (" + o.message + ")\n";
  std::string text = details(o);
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    line += "\n      " + text.substr(start, end == std::string::npos ? end : end - start);
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return line + "\n";
}

std::string formatSummary(const std::vector<ReportEntry>& entries, double seconds) {
  size_t count[6] = {};
  for (const ReportEntry& e : entries)
    ++count[static_cast<int>(e.outcome.verdict)];
  return fmt::format(
      "{} cell{}: {} passed, {} failed, {} error{}, {} xfailed, {} xpassed, {} skipped in "
      "{:.1f}s\n",
      entries.size(), entries.size() == 1 ? "" : "s", count[static_cast<int>(Verdict::Pass)],
      count[static_cast<int>(Verdict::Fail)], count[static_cast<int>(Verdict::Error)],
      count[static_cast<int>(Verdict::Error)] == 1 ? "" : "s",
      count[static_cast<int>(Verdict::ExpectedFail)],
      count[static_cast<int>(Verdict::UnexpectedPass)], count[static_cast<int>(Verdict::Skip)],
      seconds);
}

std::string xmlEscape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (unsigned char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      case '\n':
      case '\t':
        out += static_cast<char>(c);
        break;
      case '\r':
        out += "&#13;";
        break;
      default:
        // XML 1.0 has no way to write the other control characters.
        if (c < 0x20)
          out += '?';
        else
          out += static_cast<char>(c);
    }
  }
  return out;
}

std::string junitXml(const std::vector<ReportEntry>& entries, double seconds) {
  size_t failures = 0, errors = 0, skipped = 0;
  for (const ReportEntry& e : entries) {
    Verdict v = e.outcome.verdict;
    failures += v == Verdict::Fail || v == Verdict::UnexpectedPass;
    errors += v == Verdict::Error;
    skipped += v == Verdict::Skip || v == Verdict::ExpectedFail;
  }
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  xml += fmt::format(
      "<testsuites tests=\"{0}\" failures=\"{1}\" errors=\"{2}\" skipped=\"{3}\" "
      "time=\"{4:.3f}\">\n"
      "  <testsuite name=\"gilsim test\" tests=\"{0}\" failures=\"{1}\" errors=\"{2}\" "
      "skipped=\"{3}\" time=\"{4:.3f}\">\n",
      entries.size(), failures, errors, skipped, seconds);
  for (const ReportEntry& e : entries) {
    const CellOutcome& o = e.outcome;
    xml += fmt::format("    <testcase classname=\"{}\" name=\"{}\" time=\"{:.3f}\"",
                       xmlEscape(e.scenario), xmlEscape(e.label), o.seconds);
    const char* element = nullptr;
    switch (o.verdict) {
      case Verdict::Pass:
        break;
      case Verdict::Fail:
      case Verdict::UnexpectedPass:
        element = "failure";
        break;
      case Verdict::Error:
        element = "error";
        break;
      case Verdict::ExpectedFail:
      case Verdict::Skip:
        element = "skipped";
        break;
    }
    if (!element) {
      xml += "/>\n";
      continue;
    }
    std::string firstLine = o.message.substr(0, o.message.find('\n'));
    xml += fmt::format(">\n      <{} message=\"{}\">{}</{}>\n    </testcase>\n", element,
                       xmlEscape(std::string(verdictName(o.verdict)) + ": " + firstLine),
                       xmlEscape(details(o)), element);
  }
  xml += "  </testsuite>\n</testsuites>\n";
  return xml;
}

}  // namespace gilsim::cli
