#include "web/templates.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/html.h"
#include "web/http.h"

namespace solipraxis::web {

namespace fs = std::filesystem;
using core::ErrorCode;
using core::make_error;

namespace {

void install_escape() {
  mstch::config::escape = [](const std::string& s) { return core::html_escape(s); };
}

}  // namespace

core::Result<Templates> Templates::load(const std::string& dir) {
  std::map<std::string, std::string> sources;
  std::error_code ec;
  const fs::path root(dir);
  for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file() || it->path().extension() != ".mustache") continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string name = fs::relative(it->path(), root).replace_extension().generic_string();
    sources.emplace(std::move(name), ss.str());
  }
  if (ec || sources.empty()) {
    return make_error(ErrorCode::kUnavailable, "error.templates.missing",
                      "no templates in " + dir + (ec ? ": " + ec.message() : ""));
  }
  return from_map(std::move(sources));
}

Templates Templates::from_map(std::map<std::string, std::string> sources) {
  install_escape();
  Templates t;
  t.sources_ = std::move(sources);
  return t;
}

core::Result<std::string> Templates::render(std::string_view name,
                                            const mstch::node& context) const {
  auto it = sources_.find(std::string(name));
  if (it == sources_.end()) {
    return make_error(ErrorCode::kNotFound, "error.templates.missing",
                      "no template " + std::string(name));
  }
  return mstch::render(it->second, context, sources_);
}

}  // namespace solipraxis::web
