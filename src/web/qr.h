// QR codes as inline SVG, made on the server with libqrencode, so the join link
// on the facilitator's screen needs no script and no image request. The SVG is
// one <path> of the dark modules on a light square with a quiet zone of 4, has
// a viewBox and no size (CSS scales it), and is named by its <title> for screen
// readers; it has no style attribute or script (the CSP forbids both).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace solipraxis::web {

inline constexpr int kQrQuietZone = 4;  // modules of light margin the standard asks for

// The modules of `text`'s QR code (byte mode, error correction level M),
// row by row, true = dark; invalid_input when the text does not fit a QR code.
struct QrMatrix {
  int width = 0;           // modules per side, without the quiet zone
  std::vector<bool> dark;  // width * width, row-major
  bool at(int x, int y) const { return dark[static_cast<std::size_t>(y * width + x)]; }
};
core::Result<QrMatrix> qr_matrix(std::string_view text);

// <svg ... role="img" aria-labelledby="ID"><title id="ID">title</title>...</svg>
// for `text`. `title` is escaped; `id` must be unique in the page and is used as
// given (a fixed name chosen by the caller, e.g. "join-qr-title").
core::Result<std::string> qr_svg(std::string_view text, std::string_view title,
                                 std::string_view id);

}  // namespace solipraxis::web
