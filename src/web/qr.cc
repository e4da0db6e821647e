#include "web/qr.h"

#include <qrencode.h>

#include <memory>
#include <string>

#include "core/html.h"

namespace solipraxis::web {

core::Result<QrMatrix> qr_matrix(std::string_view text) {
  // QRcode_encodeData takes the bytes with their length: no terminating NUL
  // is needed and a NUL inside is encoded, not a cut.
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeData(static_cast<int>(text.size()),
                        reinterpret_cast<const unsigned char*>(text.data()), 0, QR_ECLEVEL_M),
      &QRcode_free);
  if (!code) {
    return core::make_error(
        core::ErrorCode::kInvalidInput, "error.qr.too_long",
        "text of " + std::to_string(text.size()) + " bytes does not fit a QR code");
  }
  QrMatrix m;
  m.width = code->width;
  m.dark.resize(static_cast<std::size_t>(m.width) * static_cast<std::size_t>(m.width));
  for (std::size_t i = 0; i < m.dark.size(); ++i) m.dark[i] = (code->data[i] & 1) != 0;
  return m;
}

core::Result<std::string> qr_svg(std::string_view text, std::string_view title,
                                 std::string_view id) {
  auto m = qr_matrix(text);
  if (!m) return m.error();
  const int size = m->width + 2 * kQrQuietZone;
  const std::string side = std::to_string(size);
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" viewBox=\"0 0 " + side +
                    " " + side + "\" role=\"img\" aria-labelledby=\"";
  core::append_html_escaped(svg, id);
  svg += "\" shape-rendering=\"crispEdges\"><title id=\"";
  core::append_html_escaped(svg, id);
  svg += "\">";
  core::append_html_escaped(svg, title);
  svg += "</title><rect width=\"" + side + "\" height=\"" + side +
         "\" fill=\"#fff\"/><path fill=\"#000\" d=\"";
  // One rectangle per horizontal run of dark modules: "M x y h n v 1 h -n z".
  for (int y = 0; y < m->width; ++y) {
    for (int x = 0; x < m->width;) {
      if (!m->at(x, y)) {
        ++x;
        continue;
      }
      int run = 0;
      while (x + run < m->width && m->at(x + run, y)) ++run;
      const std::string n = std::to_string(run);
      svg += "M" + std::to_string(x + kQrQuietZone) + " " + std::to_string(y + kQrQuietZone) + "h" +
             n + "v1h-" + n + "z";
      x += run;
    }
  }
  svg += "\"/></svg>";
  return svg;
}

}  // namespace solipraxis::web
