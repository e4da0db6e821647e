// Files under web/static, read into memory once at start and served under
// /static/<relative path>. Lookups go through a map of known files, so no
// request can reach outside the directory (no traversal by construction).
// Each file carries a content type and a strong ETag (hash of its bytes).
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "core/result.h"

namespace solipraxis::web {

struct StaticFile {
  std::string body;
  std::string content_type;
  std::string etag;  // quoted, e.g. "\"5f1c...\""
};

class StaticFiles {
 public:
  // Reads regular files below `dir`, skipping dot files; an absent dir is an error.
  static core::Result<StaticFiles> load(const std::string& dir);
  const StaticFile* find(std::string_view relative_path) const;
  std::size_t size() const { return files_.size(); }

 private:
  std::map<std::string, StaticFile, std::less<>> files_;
};

std::string content_type_for(std::string_view path);

}  // namespace solipraxis::web
