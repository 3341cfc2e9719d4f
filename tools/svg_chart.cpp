#include "tools/svg_chart.h"

#include <algorithm>
#include <cmath>

#include "fmt/format.h"
#include "tools/nice_ticks.h"

namespace gilsim::cli {

namespace {

// The canvas, in SVG user units: the plot, with room for the axes' labels on the left and below
// and for the legend on the right.
constexpr double kWidth = 900, kHeight = 520;
constexpr double kLeft = 80, kRight = 280, kTop = 70, kBottom = 70;
constexpr double kPlotWidth = kWidth - kLeft - kRight;
constexpr double kPlotHeight = kHeight - kTop - kBottom;
constexpr const char* kFont = "font-family=\"Helvetica, Arial, sans-serif\"";

std::string number(double value) {
  return fmt::format("{:.2f}", value);
}

std::string tickText(double value, double step) {
  return fmt::format("{:.{}f}", value, decimalsFor(step));
}

}  // namespace

std::string escapeXml(const std::string& text) {
  std::string out;
  for (char c : text) {
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
      default:
        out += c;
    }
  }
  return out;
}

std::string renderSvgChart(const ChartSpec& spec) {
  double maxX = 1, maxY = 0;
  for (const ChartSeries& s : spec.series)
    for (const ChartPoint& p : s.points) {
      maxX = std::max(maxX, p.x);
      maxY = std::max({maxY, p.y, p.high.value_or(0)});
    }
  if (spec.marker) maxX = std::max(maxX, spec.marker->x);
  if (!(maxY > 0) || !std::isfinite(maxY)) maxY = 1;
  double xStep = niceStep(maxX, 10);
  if (spec.integerX) xStep = std::max(1.0, std::round(xStep));
  double xEnd = std::ceil(maxX / xStep) * xStep;
  double yStep = niceStep(maxY * 1.05, 6);
  double yEnd = std::ceil(maxY * 1.05 / yStep) * yStep;
  auto px = [&](double x) { return kLeft + x / xEnd * kPlotWidth; };
  auto py = [&](double y) { return kTop + kPlotHeight - y / yEnd * kPlotHeight; };

  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" "
      "viewBox=\"0 0 {0} {1}\" {2} font-size=\"13\">\n"
      "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n",
      kWidth, kHeight, kFont);
  svg += fmt::format("<text x=\"{}\" y=\"28\" font-size=\"18\" font-weight=\"bold\">{}</text>\n",
                     kLeft, escapeXml(spec.title));
  if (!spec.subtitle.empty())
    svg += fmt::format("<text x=\"{}\" y=\"50\" fill=\"#555\">{}</text>\n", kLeft,
                       escapeXml(spec.subtitle));

  // Grid, ticks and tick labels.
  svg += "<g class=\"axes\" stroke=\"#ddd\">\n";
  for (double y : ticksUpTo(yEnd, yStep))
    svg += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\n", kLeft, number(py(y)),
                       kLeft + kPlotWidth, number(py(y)));
  svg += "</g>\n<g class=\"ticks\" fill=\"#333\">\n";
  for (double y : ticksUpTo(yEnd, yStep))
    svg += fmt::format(
        "<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#333\"/>"
        "<text x=\"{3}\" y=\"{4}\" text-anchor=\"end\">{5}</text>\n",
        kLeft - 5, number(py(y)), kLeft, kLeft - 8, number(py(y) + 4), tickText(y, yStep));
  for (double x : ticksUpTo(xEnd, xStep))
    svg += fmt::format(
        "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#333\"/>"
        "<text x=\"{0}\" y=\"{3}\" text-anchor=\"middle\">{4}</text>\n",
        number(px(x)), kTop + kPlotHeight, kTop + kPlotHeight + 5, kTop + kPlotHeight + 20,
        tickText(x, xStep));
  svg += "</g>\n";
  svg += fmt::format(
      "<g class=\"frame\" stroke=\"#333\" fill=\"none\"><line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" "
      "y2=\"{2}\"/><line x1=\"{0}\" y1=\"{2}\" x2=\"{3}\" y2=\"{2}\"/></g>\n",
      kLeft, kTop, kTop + kPlotHeight, kLeft + kPlotWidth);
  svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
                     kLeft + kPlotWidth / 2, kHeight - 25, escapeXml(spec.xLabel));
  svg += fmt::format(
      "<text transform=\"translate(22 {}) rotate(-90)\" text-anchor=\"middle\">{}</text>\n",
      kTop + kPlotHeight / 2, escapeXml(spec.yLabel));

  if (spec.marker) {
    double x = px(spec.marker->x);
    svg += fmt::format(
        "<g class=\"marker\"><line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#888\" "
        "stroke-dasharray=\"2 4\"/><text x=\"{3}\" y=\"{4}\" fill=\"#666\">{5}</text></g>\n",
        number(x), kTop, kTop + kPlotHeight, number(x + 4), kTop + 14,
        escapeXml(spec.marker->label));
  }

  for (const ChartSeries& s : spec.series) {
    svg += fmt::format("<g class=\"series\" data-label=\"{}\">\n", escapeXml(s.label));
    if (!s.points.empty()) {
      std::string path;
      for (const ChartPoint& p : s.points)
        path += fmt::format("{}{},{}", path.empty() ? "M" : " L", number(px(p.x)), number(py(p.y)));
      svg +=
          fmt::format("<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"{}/>\n", path,
                      s.color, s.dashed ? 1.5 : 2.5, s.dashed ? " stroke-dasharray=\"6 4\"" : "");
    }
    if (!s.dashed) {
      for (const ChartPoint& p : s.points) {
        if (p.low && p.high && *p.high > *p.low)
          svg += fmt::format(
              "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"{3}\" "
              "stroke-width=\"1.5\"/>\n",
              number(px(p.x)), number(py(*p.low)), number(py(*p.high)), s.color);
        svg += fmt::format(
            "<circle cx=\"{}\" cy=\"{}\" r=\"3.5\" fill=\"{}\"><title>{}: {} at {}</title>"
            "</circle>\n",
            number(px(p.x)), number(py(p.y)), s.color, escapeXml(s.label),
            fmt::format("{:.3f}", p.y), fmt::format("{:g}", p.x));
      }
    }
    svg += "</g>\n";
  }

  // The legend, one line per series, to the right of the plot.
  double lx = kLeft + kPlotWidth + 20, ly = kTop + 10;
  svg += "<g class=\"legend\">\n";
  for (const ChartSeries& s : spec.series) {
    svg += fmt::format(
        "<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"{3}\" stroke-width=\"{4}\"{5}/>"
        "<text x=\"{6}\" y=\"{7}\">{8}</text>\n",
        lx, ly, lx + 28, s.color, s.dashed ? 1.5 : 2.5, s.dashed ? " stroke-dasharray=\"6 4\"" : "",
        lx + 36, ly + 4, escapeXml(s.label));
    ly += 22;
  }
  ly += 10;
  for (const std::string& note : spec.notes) {
    svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"#666\">{}</text>\n", lx,
                       ly + 4, escapeXml(note));
    ly += 16;
  }
  svg += "</g>\n</svg>\n";
  return svg;
}

}  // namespace gilsim::cli
