#include "text/suffix_trie.h"

#include <algorithm>

namespace solipraxis::text {

SuffixTrie::SuffixTrie() {
  nodes_.emplace_back();
  building_.emplace_back();
}

void SuffixTrie::insert(std::string_view key, std::uint32_t value) {
  std::uint32_t node = 0;
  for (auto it = key.rbegin(); it != key.rend(); ++it) {
    const auto byte = static_cast<unsigned char>(*it);
    std::uint32_t next = kNone;
    for (const Edge& e : building_[node])
      if (e.byte == byte) next = e.child;
    if (next == kNone) {
      next = static_cast<std::uint32_t>(nodes_.size());
      nodes_.emplace_back();
      building_.emplace_back();
      building_[node].push_back(Edge{byte, next});
    }
    node = next;
  }
  if (nodes_[node].value == kNone) nodes_[node].value = value;
}

void SuffixTrie::freeze() {
  edges_.clear();
  for (std::size_t i = 0; i < nodes_.size(); ++i) {
    auto& list = building_[i];
    std::sort(list.begin(), list.end(), [](const Edge& a, const Edge& b) { return a.byte < b.byte; });
    nodes_[i].first_edge = static_cast<std::uint32_t>(edges_.size());
    nodes_[i].edge_count = static_cast<std::uint32_t>(list.size());
    edges_.insert(edges_.end(), list.begin(), list.end());
  }
  building_.clear();
  building_.shrink_to_fit();
}

std::uint32_t SuffixTrie::child(std::uint32_t node, unsigned char byte) const {
  const Node& n = nodes_[node];
  const Edge* begin = edges_.data() + n.first_edge;
  const Edge* end = begin + n.edge_count;
  if (n.edge_count > 8) {
    const Edge* it = std::lower_bound(begin, end, byte,
                                      [](const Edge& e, unsigned char b) { return e.byte < b; });
    return (it != end && it->byte == byte) ? it->child : kNone;
  }
  for (const Edge* e = begin; e != end; ++e)
    if (e->byte == byte) return e->child;
  return kNone;
}

int SuffixTrie::suffixes(std::string_view word, Match* out, int max_out) const {
  Match found[32];
  int count = 0;
  std::uint32_t node = 0;
  std::uint32_t len = 0;
  for (auto it = word.rbegin(); it != word.rend(); ++it) {
    node = child(node, static_cast<unsigned char>(*it));
    if (node == kNone) break;
    ++len;
    if (nodes_[node].value != kNone && count < 32) found[count++] = Match{len, nodes_[node].value};
  }
  int n = 0;
  for (int i = count - 1; i >= 0 && n < max_out; --i) out[n++] = found[i];
  return n;
}

std::uint32_t SuffixTrie::find(std::string_view key) const {
  std::uint32_t node = 0;
  for (auto it = key.rbegin(); it != key.rend(); ++it) {
    node = child(node, static_cast<unsigned char>(*it));
    if (node == kNone) return kNone;
  }
  return nodes_[node].value;
}

}  // namespace solipraxis::text
