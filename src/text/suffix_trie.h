// A byte trie over reversed keys: finds every key that is a suffix of a word in
// one backward pass (used for compound heads: Software|entwickler). Built once,
// then read-only and safe to share between threads.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace solipraxis::text {

class SuffixTrie {
 public:
  static constexpr std::uint32_t kNone = 0xFFFFFFFF;

  SuffixTrie();
  // Adds key with value; a later insert of the same key keeps the first value.
  void insert(std::string_view key, std::uint32_t value);
  // Call once after the last insert: sorts edges for lookup.
  void freeze();

  struct Match {
    std::uint32_t length;  // bytes of the word's suffix that matched
    std::uint32_t value;
  };
  // Suffix matches of word, longest first; at most max_out. Returns the count.
  int suffixes(std::string_view word, Match* out, int max_out) const;
  // Value of the exact key or kNone.
  std::uint32_t find(std::string_view key) const;

 private:
  struct Edge {
    unsigned char byte;
    std::uint32_t child;
  };
  struct Node {
    std::uint32_t first_edge = 0;
    std::uint32_t edge_count = 0;
    std::uint32_t value = kNone;
  };
  std::uint32_t child(std::uint32_t node, unsigned char byte) const;

  std::vector<Node> nodes_;
  std::vector<Edge> edges_;
  // Build-time adjacency (node, byte, child), compacted by freeze().
  std::vector<std::vector<Edge>> building_;
};

}  // namespace solipraxis::text
