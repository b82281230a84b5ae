// Charts drawn at build time as inline SVG: no script needed, crisp in print, each with a title,
// a description and its data as a table for screen readers.
#ifndef DVK_RENDER_CHARTS_H_
#define DVK_RENDER_CHARTS_H_

#include <optional>
#include <string>
#include <vector>

namespace dvk {

struct ChartRow {
  std::string label;
  double value = 0;
  double max = 0;                // the bar's full length; 0 = the chart's max
  std::string value_text;        // shown at the end of the bar (keep it short)
  std::string table_text;        // shown in the table; empty = value_text
  std::optional<double> target;  // a marker on the bar (same unit as value)
  std::string target_text;       // shown in the table
  std::string color;             // "#rrggbb"; empty = theme colour
};

struct Chart {
  std::string id;  // unique on the page, [a-z0-9-]
  std::string title;
  std::string description;
  std::string label_header;  // table column headers
  std::string value_header;
  std::string target_header;  // empty = no target column
  std::string target_legend;  // what the dashed mark means, shown above the bars; empty = header
  std::vector<ChartRow> rows;
};

// Horizontal bars, one row per item, label above its bar (long labels wrap onto two lines).
std::string BarChart(const Chart& chart);
// Vertical columns, e.g. models per year; rows in order left to right.
std::string ColumnChart(const Chart& chart);
// Horizontal bars drawn with HTML boxes instead of SVG, for paged media (the compendium): a
// paged-media engine lays text out far faster in HTML than in SVG, and the bars stay vector.
// The rows' labels, values and the target marker as in BarChart; the description is printed
// under the title.
std::string PrintBarChart(const Chart& chart);

}  // namespace dvk

#endif  // DVK_RENDER_CHARTS_H_
