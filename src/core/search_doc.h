// A document for the practice catalog's full-text index: one catalog entry in one language.
// The catalog builds them (catalog/search_docs.h), the Store indexes and searches them
// (Store::index_catalog, search_catalog); neither has to know the other.
#pragma once

#include <string>
#include <vector>

namespace solipraxis::core {

struct SearchDoc {
  std::string entry_id;     // "q.selection.07", "r.selection.model-cards", "own.12"
  std::string kind;         // "question", "approach", "resource", "box", "principle", "method"
  std::vector<int> phases;  // 1..4; empty for principles
  std::string lang;         // "de" or "en"
  std::string title;        // name or title; weighs more than text
  std::string text;         // everything else that should be found
};

}  // namespace solipraxis::core
