#include "catalog/load.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "catalog/parse.h"

namespace solipraxis::catalog {

namespace fs = std::filesystem;

namespace {

core::Error invalid(std::string detail) {
  return core::make_error(core::ErrorCode::kInvalidInput, "error.catalog.invalid",
                          std::move(detail));
}

// "v12" -> 12; 0 when the name is not a version directory.
int version_of(std::string_view name) {
  if (name.size() < 2 || name[0] != 'v') return 0;
  int v = 0;
  for (char ch : name.substr(1)) {
    if (ch < '0' || ch > '9' || v > 100000) return 0;
    v = v * 10 + (ch - '0');
  }
  return v;
}

bool read_file(const fs::path& p, std::string& out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  out = s.str();
  return true;
}

}  // namespace

std::vector<std::string> published_ids(std::string_view text) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    if (!line.empty() && line.front() != '#') out.emplace_back(line);
    pos = end + 1;
  }
  return out;
}

core::Result<CatalogSet> parse_catalog_set(const std::map<std::string, std::string>& files) {
  std::map<int, VersionFiles> by_version;
  std::map<int, std::string> labels;
  for (const auto& [path, content] : files) {
    size_t slash = path.find('/');
    if (slash == std::string::npos) continue;
    int v = version_of(std::string_view(path).substr(0, slash));
    if (v == 0) continue;
    by_version[v].emplace(path.substr(slash + 1), content);
    labels[v] = path.substr(0, slash);
  }
  if (by_version.empty()) return invalid("no version directory (v1/, v2/ ...) found");
  CatalogSet set;
  for (auto& [v, vfiles] : by_version) {
    auto c = parse_catalog(vfiles, labels[v]);
    if (!c) return c.error();
    if (c->version != v)
      return invalid(labels[v] + "/catalog.json: version is " + std::to_string(c->version) +
                     ", expected " + std::to_string(v) + " (the directory name)");
    set.add(std::move(c).value());
  }
  if (auto it = files.find("published-ids.txt"); it != files.end()) {
    const Catalog& cur = set.current();
    for (const std::string& id : published_ids(it->second))
      if (!cur.contains(id))
        return invalid("v" + std::to_string(cur.version) + ": " + id +
                       ": published id is missing (listed in published-ids.txt; ids must never "
                       "disappear)");
  }
  return set;
}

core::Result<CatalogSet> load_catalog_dir(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return invalid(dir + ": catalog directory not found");
  std::map<std::string, std::string> files;
  for (const auto& sub : fs::directory_iterator(dir, ec)) {
    std::string name = sub.path().filename().string();
    if (!sub.is_directory() || version_of(name) == 0) continue;
    for (const char* f : kCatalogFiles) {
      std::string content;
      if (read_file(sub.path() / f, content)) files.emplace(name + "/" + f, std::move(content));
    }
    // a version directory without catalog.json is still reported by the parser
    files.emplace(name + "/.dir", "");
  }
  if (ec) return invalid(dir + ": " + ec.message());
  std::string ids;
  if (read_file(fs::path(dir) / "published-ids.txt", ids)) files.emplace("published-ids.txt", ids);
  return parse_catalog_set(files);
}

std::string find_catalog_dir(std::string_view explicit_dir, std::string_view exe_path) {
  if (!explicit_dir.empty()) return std::string(explicit_dir);
  if (const char* env = std::getenv("SOLIPRAXIS_CATALOG_DIR"); env && *env) return env;
  std::error_code ec;
  if (!exe_path.empty()) {
    fs::path exe = fs::weakly_canonical(fs::path(exe_path), ec);
    if (ec) exe = fs::path(exe_path);
    for (const char* rel : {"../data/catalog", "../../data/catalog"}) {
      fs::path p = exe.parent_path() / rel;
      if (fs::is_directory(p, ec)) return p.lexically_normal().string();
    }
  }
  return "data/catalog";
}

}  // namespace solipraxis::catalog
