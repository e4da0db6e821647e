#include "web/templates.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace solipraxis::web {

namespace fs = std::filesystem;
using core::ErrorCode;
using core::make_error;

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
  return from_map(sources);
}

core::Result<Templates> Templates::from_map(const std::map<std::string, std::string>& sources) {
  Templates t;
  for (const auto& [name, source] : sources) {
    auto nodes = mustache::parse(source);
    if (!nodes) {
      return make_error(ErrorCode::kInvalidInput, "error.templates.invalid",
                        "template " + name + ", " + nodes.error().detail);
    }
    t.parsed_.emplace(name, std::move(nodes.value()));
  }
  return t;
}

void Templates::bind_messages(const I18n& i18n) {
  bound_.clear();
  for (const auto& lang : i18n.languages()) {
    mustache::Partials& bound = bound_[lang];
    for (const auto& [name, nodes] : parsed_) {
      bound.emplace(name, mustache::bind(nodes, i18n.template_scope(lang)));
    }
  }
}

core::Result<std::string> Templates::render(std::string_view name,
                                            std::vector<const mstch::node*> scopes,
                                            std::string_view lang) const {
  const auto bound = bound_.find(lang);
  const mustache::Partials& templates = bound == bound_.end() ? parsed_ : bound->second;
  const auto it = templates.find(name);
  if (it == templates.end()) {
    return make_error(ErrorCode::kNotFound, "error.templates.missing",
                      "no template " + std::string(name));
  }
  std::string out;
  out.reserve(16 * 1024);
  mustache::render(it->second, templates, scopes, out);
  return out;
}

}  // namespace solipraxis::web
