#include "web/static_files.h"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace solipraxis::web {

namespace fs = std::filesystem;

namespace {

std::string etag_of(std::string_view bytes) {
  std::uint64_t h = 1469598103934665603ULL;  // FNV-1a, 64 bit
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "\"%016llx-%zx\"", static_cast<unsigned long long>(h),
                bytes.size());
  return buf;
}

}  // namespace

std::string content_type_for(std::string_view path) {
  static const std::map<std::string_view, std::string_view> kTypes = {
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".json", "application/json"},
      {".webmanifest", "application/manifest+json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
      {".html", "text/html; charset=utf-8"},
      {".pdf", "application/pdf"},
  };
  const auto dot = path.rfind('.');
  if (dot != std::string_view::npos) {
    auto it = kTypes.find(path.substr(dot));
    if (it != kTypes.end()) return std::string(it->second);
  }
  return "application/octet-stream";
}

core::Result<StaticFiles> StaticFiles::load(const std::string& dir) {
  StaticFiles out;
  std::error_code ec;
  const fs::path root(dir);
  if (!fs::is_directory(root, ec)) {
    return core::make_error(core::ErrorCode::kUnavailable, "error.static.missing",
                            "no static directory " + dir);
  }
  for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.starts_with(".")) {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file()) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    StaticFile f;
    f.body = ss.str();
    const std::string rel = fs::relative(it->path(), root).generic_string();
    f.content_type = content_type_for(rel);
    f.etag = etag_of(f.body);
    out.files_.emplace(rel, std::move(f));
  }
  if (ec) {
    return core::make_error(core::ErrorCode::kUnavailable, "error.static.missing",
                            "cannot read " + dir + ": " + ec.message());
  }
  return out;
}

const StaticFile* StaticFiles::find(std::string_view relative_path) const {
  auto it = files_.find(relative_path);
  return it == files_.end() ? nullptr : &it->second;
}

}  // namespace solipraxis::web
