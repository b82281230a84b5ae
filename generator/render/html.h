// Escaping for the places a value lands in: HTML text and attributes, XML (SVG, Atom, sitemap).
#ifndef DVK_RENDER_HTML_H_
#define DVK_RENDER_HTML_H_

#include <string>
#include <string_view>

namespace dvk {

// Escapes & < > " ' for HTML text, attribute values and XML.
std::string EscapeHtml(std::string_view s);

}  // namespace dvk

#endif  // DVK_RENDER_HTML_H_
