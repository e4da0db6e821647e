#include "text/org_terms.h"

#include <algorithm>

#include "text/lexicon_de.h"
#include "text/rules.h"

namespace solipraxis::text {

namespace {

// Endings a text word may add to a term word or to its base (Kind -> Kindes,
// Flüchtling -> Flüchtlinge, refugee -> refugees). Not "er": Arbeit is no Arbeiter.
constexpr std::string_view kEndings[] = {"", "e", "en", "n", "s", "es", "ns", "nen"};
// Endings removed from a term word to find its base, longest first.
constexpr std::string_view kStripped[] = {"en", "es", "e", "n", "s"};
constexpr std::size_t kKeyBytes = 4;

std::string key_of(std::string_view lowered) {
  return std::string(lowered.substr(0, std::min(kKeyBytes, lowered.size())));
}

bool has_ending(std::string_view word, std::string_view base) {
  if (base.empty() || !word.starts_with(base)) return false;
  const std::string_view rest = word.substr(base.size());
  return std::find(std::begin(kEndings), std::end(kEndings), rest) != std::end(kEndings);
}

std::vector<std::string> lowered_words(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : tokenize(text))
    if (t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber) out.push_back(lower_all(t.text(text)));
  return out;
}

}  // namespace

std::string inflection_base(std::string_view lowered) {
  for (std::string_view e : kStripped) {
    if (lowered.size() >= e.size() + 4 && lowered.ends_with(e))
      return std::string(lowered.substr(0, lowered.size() - e.size()));
  }
  return {};
}

OrgTermMatcher::OrgTermMatcher(const std::vector<OrgTerm>& terms) {
  for (const OrgTerm& t : terms) {
    Prepared p{&t, lowered_words(t.term), {}};
    if (p.words.empty()) continue;
    for (const auto& w : p.words) p.bases.push_back(inflection_base(w));
    terms_.push_back(std::move(p));
  }
  // Longer terms first, so "illegale Einwanderer" wins over "Einwanderer".
  std::stable_sort(terms_.begin(), terms_.end(), [](const Prepared& a, const Prepared& b) {
    return a.words.size() > b.words.size();
  });
  for (std::size_t i = 0; i < terms_.size(); ++i) {
    if (terms_[i].words[0].size() < kKeyBytes)
      short_heads_.push_back(i);
    else
      by_head_.emplace(key_of(terms_[i].words[0]), i);
  }
}

bool OrgTermMatcher::word_matches(std::string_view lowered, const Prepared& p,
                                  std::size_t k) const {
  return has_ending(lowered, p.words[k]) || has_ending(lowered, p.bases[k]);
}

std::size_t OrgTermMatcher::check(const SentenceContext& s) const {
  if (terms_.empty()) return 0;
  const auto& toks = s.tokens;
  auto is_word = [&](std::size_t i) {
    return i < toks.size() && (toks[i].kind == TokenKind::kWord || toks[i].kind == TokenKind::kNumber);
  };
  std::vector<std::string> lowered(toks.size());
  auto low = [&](std::size_t i) -> const std::string& {
    if (lowered[i].empty()) lowered[i] = lower_all(toks[i].text(s.input));
    return lowered[i];
  };
  std::size_t found = 0;
  for (std::size_t i = 0; i < toks.size(); ++i) {
    if (!is_word(i)) continue;
    const std::string& first = low(i);
    const Prepared* best = nullptr;
    auto consider = [&](std::size_t index) {
      const Prepared& p = terms_[index];
      if (best && best->words.size() >= p.words.size()) return;
      bool ok = true;
      for (std::size_t k = 0; ok && k < p.words.size(); ++k)
        ok = is_word(i + k) && word_matches(low(i + k), p, k);
      if (ok) best = &p;
    };
    if (first.size() >= kKeyBytes) {
      auto range = by_head_.equal_range(key_of(first));
      for (auto it = range.first; it != range.second; ++it) consider(it->second);
    }
    for (std::size_t index : short_heads_) consider(index);
    if (!best) continue;
    const std::size_t last = i + best->words.size() - 1;
    Finding f;
    f.start = toks[i].start;
    f.end = toks[last].end;
    f.rule = kRuleOrgTerm;
    f.severity = Severity::kWarning;
    const std::string_view found_text = s.input.substr(f.start, f.end - f.start);
    if (!best->term->message.empty()) {
      f.message = best->term->message;
    } else if (s.lang == Lang::kGerman) {
      f.message = format_message("Ihre Organisation möchte „{}“ nicht verwenden.", {found_text});
    } else {
      f.message = format_message("Your organisation avoids \u201C{}\u201D.", {found_text});
    }
    f.suggestions = best->term->suggestions;
    s.out->push_back(std::move(f));
    ++found;
    i = last;
  }
  return found;
}

}  // namespace solipraxis::text
