#include "web/qr.h"

#include <qrencode.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace solipraxis::web {
namespace {

const std::string kJoinUrl = "https://praxis.example.org/join/ABCD2345";

// The dark modules the path draws, as (x, y) in SVG units (quiet zone included).
std::set<std::pair<int, int>> drawn(const std::string& svg) {
  const auto d_at = svg.find(" d=\"");
  EXPECT_NE(d_at, std::string::npos);
  const std::string d = svg.substr(d_at + 4, svg.find('"', d_at + 4) - d_at - 4);
  std::set<std::pair<int, int>> out;
  const std::regex run(R"(M(\d+) (\d+)h(\d+)v1h-(\d+)z)");
  std::size_t covered = 0;
  for (auto it = std::sregex_iterator(d.begin(), d.end(), run); it != std::sregex_iterator();
       ++it) {
    const int x = std::stoi((*it)[1]), y = std::stoi((*it)[2]), n = std::stoi((*it)[3]);
    EXPECT_EQ((*it)[3], (*it)[4]);
    for (int i = 0; i < n; ++i) EXPECT_TRUE(out.emplace(x + i, y).second) << "drawn twice";
    covered += static_cast<std::size_t>(it->length());
  }
  EXPECT_EQ(covered, d.size()) << "the path holds only runs";
  return out;
}

// Every tag closes in order, attributes are quoted, text holds no raw < or &.
bool well_formed(const std::string& xml) {
  std::vector<std::string> open;
  const std::regex token(R"(<(/?)([a-z]+)((?:\s+[a-zA-Z:-]+="[^"<&]*")*)\s*(/?)>|([^<]+))");
  std::size_t pos = 0;
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), token); it != std::sregex_iterator();
       ++it) {
    if (static_cast<std::size_t>(it->position()) != pos) return false;
    pos += static_cast<std::size_t>(it->length());
    const auto& m = *it;
    if (m[5].matched) {
      if (open.empty() ||
          !std::regex_match(m[5].str(), std::regex(R"(([^&]|&(amp|lt|gt|quot|#\d+);)*)")))
        return false;
      continue;
    }
    if (m[1].length() > 0) {
      if (open.empty() || open.back() != m[2]) return false;
      open.pop_back();
    } else if (m[4].length() == 0) {
      open.push_back(m[2]);
    }
  }
  return pos == xml.size() && open.empty();
}

TEST(Qr, MatrixHasTheSizeTheStandardGivesForTheText) {
  // 40 bytes at level M need version 3 (capacity 42 bytes): 29 modules a side.
  const auto m = qr_matrix(kJoinUrl);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->width, 29);
  // The top-left finder pattern: a dark ring of 7, a light ring of 5, a dark 3x3 core.
  for (int i = 0; i < 7; ++i) {
    EXPECT_TRUE(m->at(i, 0) && m->at(i, 6) && m->at(0, i) && m->at(6, i));
  }
  for (int i = 1; i < 6; ++i)
    EXPECT_FALSE(m->at(i, 1) || m->at(1, i) || m->at(i, 5) || m->at(5, i));
  EXPECT_TRUE(m->at(2, 2) && m->at(4, 4) && m->at(3, 3));
}

TEST(Qr, SvgDrawsExactlyTheDarkModulesOfLibqrencodeWithAQuietZone) {
  const auto svg = qr_svg(kJoinUrl, "QR-Code zum Beitreten", "join-qr-title");
  ASSERT_TRUE(svg);
  QRcode* code = QRcode_encodeString8bit(kJoinUrl.c_str(), 0, QR_ECLEVEL_M);
  ASSERT_NE(code, nullptr);
  std::set<std::pair<int, int>> expected;
  for (int y = 0; y < code->width; ++y) {
    for (int x = 0; x < code->width; ++x) {
      if (code->data[y * code->width + x] & 1) expected.emplace(x + 4, y + 4);
    }
  }
  const int side = code->width + 8;
  QRcode_free(code);
  EXPECT_EQ(drawn(*svg), expected);
  EXPECT_NE(svg->find("viewBox=\"0 0 " + std::to_string(side) + " " + std::to_string(side) + "\""),
            std::string::npos);
  // <svg>, <title>, </title>, <rect/>, <path/>, </svg>: one path, not a rect per module.
  EXPECT_EQ(std::count(svg->begin(), svg->end(), '<'), 6);
}

TEST(Qr, SvgIsWellFormedNamedByItsEscapedTitleAndHasNoStyleOrScript) {
  const auto svg = qr_svg(kJoinUrl, "Code <\"A&B\"> für Sie", "qr-1");
  ASSERT_TRUE(svg);
  EXPECT_TRUE(well_formed(*svg)) << *svg;
  EXPECT_TRUE(svg->starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
  EXPECT_NE(svg->find("role=\"img\" aria-labelledby=\"qr-1\""), std::string::npos);
  EXPECT_NE(svg->find("<title id=\"qr-1\">Code &lt;&quot;A&amp;B&quot;&gt; für Sie</title>"),
            std::string::npos);
  EXPECT_EQ(svg->find("style"), std::string::npos);
  EXPECT_EQ(svg->find("script"), std::string::npos);
  EXPECT_EQ(svg->find(" width=\"100"), std::string::npos);
  EXPECT_EQ(svg->find("<svg width"), std::string::npos);     // no fixed size: CSS scales it
  EXPECT_FALSE(well_formed("<svg><title>a</svg></title>"));  // the checker itself checks
  EXPECT_FALSE(well_formed("<svg><title>a & b</title></svg>"));
}

TEST(Qr, TextTooLongForAQrCodeIsInvalidInput) {
  const auto svg = qr_svg(std::string(4000, 'a'), "t", "id");
  ASSERT_FALSE(svg);
  EXPECT_EQ(svg.error().code, core::ErrorCode::kInvalidInput);
}

}  // namespace
}  // namespace solipraxis::web
