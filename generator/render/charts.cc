#include "render/charts.h"

#include <algorithm>
#include <cstdio>

#include "render/html.h"

namespace dvk {
namespace {

// Colours as presentation attributes, so the charts look right where no style sheet reaches
// them (a paged-media engine, a feed reader); the theme's CSS still overrides them.
const char kBar[] = "#2b6cb0";

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string s = buf;
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s;
}

// Counts code points, the closest cheap measure of width for Vietnamese text.
size_t Length(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

// Splits a label into lines of at most `width` code points at spaces; at most two lines, the
// second ending in "…" when cut.
std::vector<std::string> Wrap(const std::string& text, size_t width) {
  std::vector<std::string> lines;
  std::string line;
  size_t start = 0;
  while (start <= text.size()) {
    size_t space = text.find(' ', start);
    std::string word =
        text.substr(start, space == std::string::npos ? std::string::npos : space - start);
    if (!line.empty() && Length(line) + 1 + Length(word) > width) {
      lines.push_back(line);
      line.clear();
      if (lines.size() == 2) break;
    }
    line += (line.empty() ? "" : " ") + word;
    if (space == std::string::npos) break;
    start = space + 1;
  }
  if (!line.empty() && lines.size() < 2) lines.push_back(line);
  if (lines.size() == 2) {
    std::string joined = lines[0] + " " + lines[1];
    if (Length(joined) < Length(text)) lines[1] += "…";
  }
  return lines;
}

std::string Header(const Chart& c, int width, int height) {
  std::string id = EscapeHtml(c.id);
  return "<figure class=\"chart\" id=\"" + id + "\"><figcaption>" + EscapeHtml(c.title) +
         "</figcaption><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " +
         std::to_string(width) + " " + std::to_string(height) + "\" width=\"" +
         std::to_string(width) + "\" height=\"" + std::to_string(height) +
         "\" font-family=\"Noto Sans, DejaVu Sans, sans-serif\" font-size=\"14\" role=\"img\" "
         "aria-labelledby=\"" +
         id + "-t " + id + "-d\"><title id=\"" + id + "-t\">" + EscapeHtml(c.title) +
         "</title><desc id=\"" + id + "-d\">" + EscapeHtml(c.description) + "</desc>";
}

std::string DataTable(const Chart& c) {
  std::string out =
      "<details class=\"chart-data\"><summary>Bảng số liệu</summary><table><caption>" +
      EscapeHtml(c.title) + "</caption><thead><tr><th scope=\"col\">" + EscapeHtml(c.label_header) +
      "</th><th scope=\"col\">" + EscapeHtml(c.value_header) + "</th>";
  if (!c.target_header.empty()) out += "<th scope=\"col\">" + EscapeHtml(c.target_header) + "</th>";
  out += "</tr></thead><tbody>";
  for (const ChartRow& r : c.rows) {
    out += "<tr><th scope=\"row\">" + EscapeHtml(r.label) + "</th><td>" +
           EscapeHtml(r.table_text.empty() ? r.value_text : r.table_text) + "</td>";
    if (!c.target_header.empty()) out += "<td>" + EscapeHtml(r.target_text) + "</td>";
    out += "</tr>";
  }
  return out + "</tbody></table></details>";
}

}  // namespace

// Laid out for a phone: 360 units wide with 14-unit text (the theme sets 15), so that at 360 CSS
// px the text stays above 12 px; wider screens show it somewhat larger (the theme caps the width).
std::string BarChart(const Chart& c) {
  const int width = 360, left = 2, bar_width = 272, bar_height = 16, line_height = 20;
  double chart_max = 0;
  bool targets = false;
  for (const ChartRow& r : c.rows) {
    chart_max = std::max({chart_max, r.value, r.target.value_or(0)});
    targets |= r.target.has_value();
  }
  if (chart_max <= 0) chart_max = 1;
  std::string body;
  int y = 8;
  if (targets) {
    // The legend of the dashed mark, on screen and not only in the description.
    y += line_height;
    body +=
        "<line class=\"target\" stroke=\"#8c1d18\" stroke-width=\"2\" stroke-dasharray=\"5 3\" "
        "x1=\"" +
        std::to_string(left + 6) + "\" x2=\"" + std::to_string(left + 6) + "\" y1=\"" +
        std::to_string(y - 15) + "\" y2=\"" + std::to_string(y + 1) + "\"/>";
    body += "<text class=\"legend\" fill=\"#555e69\" x=\"" + std::to_string(left + 16) + "\" y=\"" +
            std::to_string(y - 2) + "\">Vạch đứt: " +
            EscapeHtml(!c.target_legend.empty()  ? c.target_legend
                       : c.target_header.empty() ? std::string("mức cần đạt")
                                                 : c.target_header) +
            "</text>";
    y += 6;
  }
  for (const ChartRow& r : c.rows) {
    std::vector<std::string> lines = Wrap(r.label, 40);
    for (const std::string& l : lines) {
      y += line_height;
      body += "<text class=\"label\" fill=\"#24292f\" x=\"" + std::to_string(left) + "\" y=\"" +
              std::to_string(y - 6) + "\">" + EscapeHtml(l) + "</text>";
    }
    double max = r.max > 0 ? r.max : chart_max;
    double w = std::clamp(r.value / max, 0.0, 1.0) * bar_width;
    std::string color = " fill=\"" + EscapeHtml(r.color.empty() ? kBar : r.color) + "\"";
    body += "<rect class=\"track\" fill=\"#e2e7ee\" x=\"" + std::to_string(left) + "\" y=\"" +
            std::to_string(y) + "\" width=\"" + std::to_string(bar_width) + "\" height=\"" +
            std::to_string(bar_height) + "\" rx=\"3\"/>";
    body += "<rect class=\"bar\"" + color + " x=\"" + std::to_string(left) + "\" y=\"" +
            std::to_string(y) + "\" width=\"" + Num(w) + "\" height=\"" +
            std::to_string(bar_height) + "\" rx=\"3\"/>";
    if (r.target) {
      double tx = left + std::clamp(*r.target / max, 0.0, 1.0) * bar_width;
      body +=
          "<line class=\"target\" stroke=\"#8c1d18\" stroke-width=\"2\" "
          "stroke-dasharray=\"5 3\" x1=\"" +
          Num(tx) + "\" x2=\"" + Num(tx) + "\" y1=\"" + std::to_string(y - 3) + "\" y2=\"" +
          std::to_string(y + bar_height + 3) + "\"/>";
    }
    body += "<text class=\"value\" fill=\"#16191d\" font-weight=\"700\" x=\"" +
            std::to_string(left + bar_width + 6) + "\" y=\"" + std::to_string(y + 13) + "\">" +
            EscapeHtml(r.value_text) + "</text>";
    y += bar_height + 12;
  }
  int height = y + 4;
  return Header(c, width, height) + body + "</svg>" + DataTable(c) + "</figure>";
}

std::string ColumnChart(const Chart& c) {
  const int width = 360, height = 200, top = 24, bottom = 36, left = 4, right = 4;
  double max = 0;
  for (const ChartRow& r : c.rows) max = std::max(max, r.value);
  if (max <= 0) max = 1;
  std::string body;
  size_t n = std::max<size_t>(c.rows.size(), 1);
  double slot = double(width - left - right) / n;
  double bar = std::min(slot * 0.6, 72.0);
  int plot = height - top - bottom;
  body += "<line class=\"axis\" stroke=\"#d7dce2\" x1=\"" + std::to_string(left) + "\" x2=\"" +
          std::to_string(width - right) + "\" y1=\"" + std::to_string(top + plot) + "\" y2=\"" +
          std::to_string(top + plot) + "\"/>";
  for (size_t i = 0; i < c.rows.size(); ++i) {
    const ChartRow& r = c.rows[i];
    double h = r.value / max * plot;
    double x = left + slot * i + (slot - bar) / 2;
    double cx = left + slot * i + slot / 2;
    std::string color = " fill=\"" + EscapeHtml(r.color.empty() ? kBar : r.color) + "\"";
    body += "<rect class=\"bar\"" + color + " x=\"" + Num(x) + "\" y=\"" + Num(top + plot - h) +
            "\" width=\"" + Num(bar) + "\" height=\"" + Num(h) + "\" rx=\"3\"/>";
    body +=
        "<text class=\"value\" fill=\"#16191d\" font-weight=\"700\" text-anchor=\"middle\" x=\"" +
        Num(cx) + "\" y=\"" + Num(top + plot - h - 6) + "\">" + EscapeHtml(r.value_text) +
        "</text>";
    body += "<text class=\"label\" fill=\"#24292f\" text-anchor=\"middle\" x=\"" + Num(cx) +
            "\" y=\"" + std::to_string(top + plot + 20) + "\">" + EscapeHtml(r.label) + "</text>";
  }
  return Header(c, width, height) + body + "</svg>" + DataTable(c) + "</figure>";
}

std::string PrintBarChart(const Chart& c) {
  double chart_max = 0;
  for (const ChartRow& r : c.rows) chart_max = std::max({chart_max, r.value, r.target.value_or(0)});
  if (chart_max <= 0) chart_max = 1;
  std::string out = "<figure class=\"pchart\" id=\"" + EscapeHtml(c.id) + "\"><figcaption>" +
                    EscapeHtml(c.title) + "</figcaption><div class=\"pchart-rows\">";
  for (const ChartRow& r : c.rows) {
    double max = r.max > 0 ? r.max : chart_max;
    std::string color = EscapeHtml(r.color.empty() ? kBar : r.color);
    out += "<div class=\"pchart-row\"><span class=\"pchart-label\">" + EscapeHtml(r.label) +
           "</span><span class=\"pchart-track\"><span class=\"pchart-bar\" style=\"width:" +
           Num(std::clamp(r.value / max, 0.0, 1.0) * 100) + "%;background-color:" + color +
           "\"></span>";
    if (r.target)
      out += "<span class=\"pchart-target\" style=\"left:" +
             Num(std::clamp(*r.target / max, 0.0, 1.0) * 100) + "%\"></span>";
    out += "</span><span class=\"pchart-value\">" + EscapeHtml(r.value_text) + "</span></div>";
  }
  out += "</div>";
  if (!c.description.empty())
    out += "<p class=\"pchart-note\">" + EscapeHtml(c.description) + "</p>";
  return out + "</figure>";
}

}  // namespace dvk
