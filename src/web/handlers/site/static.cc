#include "web/handlers/site/static.h"

#include "web/page.h"

namespace solipraxis::web::handlers {

namespace {

// If-None-Match may list several tags, or "*".
bool etag_matches(std::string_view header, std::string_view etag) {
  while (!header.empty()) {
    const auto comma = header.find(',');
    std::string_view tag = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (tag == etag || tag == "*") return true;
  }
  return false;
}

}  // namespace

Response static_file(Services& s, Request& req) {
  const StaticFile* file = s.static_files.find(req.param("path"));
  if (!file) return error_response(s, req, 404, {});
  Response res;
  res.headers.set("ETag", file->etag);
  // Not fingerprinted: cache for an hour, then revalidate with the ETag.
  res.headers.set("Cache-Control", "public, max-age=3600");
  if (etag_matches(req.header("If-None-Match"), file->etag)) {
    res.status = 304;
    return res;
  }
  res.headers.set("Content-Type", file->content_type);
  res.body = file->body;
  return res;
}

}  // namespace solipraxis::web::handlers
