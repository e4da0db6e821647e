// inclusive.gendered-term and inclusive.othering (en): phrases from
// data/lexicon/en/{gendered,othering}.tsv matched case-insensitively on word
// tokens, with neutral suggestions. Capitalised terms after a capitalised word
// are names (George Foreman, Crazy Horse) and are skipped.
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "text/embedded_lexicon.h"
#include "text/lexicon_de.h"
#include "text/rules.h"

namespace solipraxis::text {

namespace {

struct Phrase {
  std::vector<std::string> words;  // lower case
  std::string_view rule;
  std::vector<std::string> suggestions;
  bool group = false;      // "the disabled": only when no noun follows
  bool condition = false;  // "suffers from": extend over the condition
};

class EnglishLexicon {
 public:
  static const EnglishLexicon& instance() {
    static const EnglishLexicon lex;
    return lex;
  }
  const std::vector<std::uint32_t>* starting_with(std::string_view word) const {
    auto it = by_first_.find(word);
    return it == by_first_.end() ? nullptr : &it->second;
  }
  const Phrase& phrase(std::uint32_t i) const { return phrases_[i]; }
  bool is_condition(std::string_view w) const { return conditions_.count(std::string(w)) > 0; }

 private:
  EnglishLexicon() {
    load(lexicon_file("en/gendered.tsv"), kRuleGenderedTerm);
    load(lexicon_file("en/othering.tsv"), kRuleOthering);
    for_each_line(lexicon_file("en/conditions.txt"),
                  [&](std::string_view line) { conditions_.emplace(line); });
    // Index after loading: the keys view strings owned by phrases_.
    for (std::uint32_t i = 0; i < phrases_.size(); ++i)
      by_first_[phrases_[i].words[0]].push_back(i);
  }
  void load(std::string_view tsv, std::string_view rule) {
    for_each_line(tsv, [&](std::string_view line) {
      std::string_view f[3];
      const int n = split_tabs(line, f, 3);
      if (n < 2) return;
      Phrase p;
      p.rule = rule;
      std::string_view term = f[0];
      while (!term.empty()) {
        const auto sp = term.find(' ');
        p.words.emplace_back(term.substr(0, sp));
        term = sp == std::string_view::npos ? std::string_view{} : term.substr(sp + 1);
      }
      std::string_view sug = f[1];
      while (!sug.empty()) {
        const auto bar = sug.find('|');
        p.suggestions.emplace_back(sug.substr(0, bar));
        sug = bar == std::string_view::npos ? std::string_view{} : sug.substr(bar + 1);
      }
      if (n == 3) {
        p.group = f[2].find("group") != std::string_view::npos;
        p.condition = f[2].find("condition") != std::string_view::npos;
      }
      phrases_.push_back(std::move(p));
    });
  }

  std::vector<Phrase> phrases_;
  std::unordered_map<std::string_view, std::vector<std::uint32_t>> by_first_;
  std::unordered_set<std::string> conditions_;
};

// ASCII lower case copy into buf; false when the word is too long to be a term.
bool lower_word(std::string_view w, char* buf, std::size_t cap, std::string_view* out) {
  if (w.size() > cap) return false;
  for (std::size_t i = 0; i < w.size(); ++i)
    buf[i] = (w[i] >= 'A' && w[i] <= 'Z') ? static_cast<char>(w[i] + 32) : w[i];
  *out = std::string_view(buf, w.size());
  return true;
}

// Words after "the disabled" that show it is used as a noun (a group label).
// The token without a possessive 's (chairman's -> chairman).
std::string_view without_possessive(std::string_view w) {
  if (w.size() > 2 && w.ends_with("'s")) return w.substr(0, w.size() - 2);
  if (w.size() > 4 && w.ends_with("\xE2\x80\x99s")) return w.substr(0, w.size() - 4);
  return w;
}

// Besides function words, verbs in the plural present ("the disabled find work").
bool group_follower(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "are", "were", "is", "was", "have", "has", "had", "and", "or", "in", "of", "to", "who",
      "can", "could", "will", "would", "should", "must", "may", "need", "deserve", "often",
      "still", "also", "do", "did", "face", "get", "like", "from", "at", "on", "for", "with",
      "find", "want", "live", "work", "receive", "use", "struggle", "experience", "remain",
      "lack", "say", "feel", "become", "know", "seek", "rely", "depend", "make", "take",
      "come", "go", "see", "pay", "earn", "vote", "suffer", "benefit", "enjoy", "join"};
  for (auto k : kWords)
    if (k == w) return true;
  return false;
}

// Words that qualify a condition but are none on their own ("suffers from a lack").
bool condition_modifier(std::string_view w) {
  return w == "a" || w == "an" || w == "chronic" || w == "long" || w == "severe" || w == "mental";
}

bool name_context_word(std::string_view w) {
  static constexpr std::string_view kWords[] = {"The", "A", "An", "Our", "Your", "Their", "His",
                                                "Her", "Its", "This", "That", "Every", "Each",
                                                "Any", "Dear", "My", "We", "I", "You", "No"};
  for (auto k : kWords)
    if (k == w) return true;
  return false;
}

// Title case in mid-sentence marks the title of a work: every word of the term
// capitalised ("the novel Normal People"), or a capitalised word, a small
// lower-case word and the capitalised term ("Death of a Salesman").
bool in_title(const SentenceContext& s, std::size_t first, std::size_t last) {
  const auto& toks = s.tokens;
  if (first == 0 || toks[first - 1].kind != TokenKind::kWord) return false;
  for (std::size_t k = first; k <= last; ++k)
    if (!toks[k].has(kCapitalized)) return false;
  if (last > first) return true;
  std::size_t k = first;
  while (k > 1 && toks[k - 1].kind == TokenKind::kWord && !toks[k - 1].has(kCapitalized)) {
    const std::string_view w = toks[k - 1].text(s.input);
    if (w != "of" && w != "a" && w != "an" && w != "the" && w != "and") return false;
    --k;
  }
  return k < first && k >= 2 && toks[k - 1].kind == TokenKind::kWord &&
         toks[k - 1].has(kCapitalized);
}

}  // namespace

void check_english_terms(const SentenceContext& s) {
  const auto& lex = EnglishLexicon::instance();
  const auto& toks = s.tokens;
  char buf[32];
  for (std::size_t i = 0; i < toks.size(); ++i) {
    if (toks[i].kind != TokenKind::kWord) continue;
    std::string_view first;
    if (!lower_word(without_possessive(toks[i].text(s.input)), buf, sizeof buf, &first)) continue;
    const auto* candidates = lex.starting_with(first);
    if (candidates == nullptr) continue;
    for (std::uint32_t idx : *candidates) {
      const Phrase& p = lex.phrase(idx);
      // Match the remaining words on consecutive word tokens.
      std::size_t j = i + 1;
      bool ok = true;
      for (std::size_t w = 1; w < p.words.size(); ++w, ++j) {
        char b2[32];
        std::string_view lw;
        if (j >= toks.size() || toks[j].kind != TokenKind::kWord ||
            !lower_word(without_possessive(toks[j].text(s.input)), b2, sizeof b2, &lw) ||
            lw != p.words[w]) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      std::size_t last = j - 1;  // index of the phrase's last token
      // Names: George Foreman, Crazy Horse.
      const Token& head = toks[last];
      if (head.has(kCapitalized) && i > 0 && toks[i - 1].kind == TokenKind::kWord &&
          toks[i - 1].has(kCapitalized) && !name_context_word(toks[i - 1].text(s.input)))
        continue;
      if (head.has(kCapitalized) && p.words.size() == 1 && last + 1 < toks.size() &&
          toks[last + 1].kind == TokenKind::kWord && toks[last + 1].has(kCapitalized) &&
          !GermanLexicon::instance().is_first_name(toks[last + 1].text(s.input)))
        continue;  // a name (Foreman Grill), but a title before a first name is a finding
      if (in_title(s, i, last)) continue;
      if (p.group && j < toks.size() && toks[j].kind == TokenKind::kWord) {
        char b3[32];
        std::string_view next;
        if (!lower_word(toks[j].text(s.input), b3, sizeof b3, &next) || !group_follower(next))
          continue;
      }
      if (p.condition) {
        std::size_t k = j, end = j;  // end: after the last condition word that is no modifier
        while (k < toks.size() && k < j + 3 && toks[k].kind == TokenKind::kWord) {
          char b4[32];
          std::string_view w;
          if (!lower_word(toks[k].text(s.input), b4, sizeof b4, &w) || !lex.is_condition(w)) break;
          ++k;
          if (!condition_modifier(w)) end = k;
        }
        k = end;
        if (k == j) continue;  // "suffers from delays", "from a lack": no person's condition
        last = k - 1;
      }
      Finding f;
      f.start = toks[i].start;
      f.end = toks[last].start +
              static_cast<std::uint32_t>(without_possessive(toks[last].text(s.input)).size());
      f.rule = p.rule;
      f.severity = Severity::kWarning;
      const std::string_view text = s.input.substr(f.start, f.end - f.start);
      f.message = p.rule == kRuleGenderedTerm
                      ? format_message("\"{}\" is a gendered term; a neutral word includes everyone.",
                                       {text})
                      : format_message("\"{}\" can hurt or exclude people; describe people as "
                                       "they describe themselves.",
                                       {text});
      f.suggestions = p.suggestions;
      if (p.condition && last >= j)
        for (auto& sug : f.suggestions) {
          sug += ' ';
          sug += s.input.substr(toks[j].start, toks[last].end - toks[j].start);
        }
      s.out->push_back(std::move(f));
      i = last;
      break;
    }
  }
}

}  // namespace solipraxis::text
