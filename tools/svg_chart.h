// A line chart as a standalone SVG document, written by hand: axes with round ticks and labels,
// solid or dashed series with point markers and optional min…max whiskers, a dotted vertical
// marker, and a legend to the right of the plot.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace gilsim::cli {

struct ChartPoint {
  double x = 0;
  double y = 0;
  // A whisker from low to high, drawn when they differ.
  std::optional<double> low, high;
};

struct ChartSeries {
  std::string label;
  std::string color;  // any SVG colour: "#1f77b4"
  bool dashed = false;
  std::vector<ChartPoint> points;
};

struct ChartMarker {
  double x = 0;
  std::string label;
};

struct ChartSpec {
  std::string title;
  std::string subtitle;
  std::string xLabel;
  std::string yLabel;
  bool integerX = true;  // ticks on whole numbers only
  std::optional<ChartMarker> marker;
  // Lines of small print under the legend.
  std::vector<std::string> notes;
  std::vector<ChartSeries> series;
};

std::string renderSvgChart(const ChartSpec& spec);

// Text with &, <, >, " and ' escaped for SVG.
std::string escapeXml(const std::string& text);

}  // namespace gilsim::cli
