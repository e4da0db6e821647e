#include "text/lexicon_de.h"

#include <unordered_map>

#include "text/embedded_lexicon.h"

namespace solipraxis::text {

namespace {

bool is_vowel_byte(unsigned char c) {
  switch (c | 0x20) {
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'y': return true;
    default: return false;
  }
}

bool has_vowel(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (is_vowel_byte(c)) return true;
    if (c == 0xC3 && i + 1 < s.size()) {  // ä ö ü Ä Ö Ü
      const auto d = static_cast<unsigned char>(s[i + 1]);
      if (d == 0xA4 || d == 0xB6 || d == 0xBC || d == 0x84 || d == 0x96 || d == 0x9C) return true;
    }
  }
  return false;
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// lower_first into a caller's buffer (at least w.size() bytes), no allocation.
std::string_view lower_first_into(std::string_view w, char* buf) {
  w.copy(buf, w.size());
  if (!w.empty()) {
    const auto c = static_cast<unsigned char>(buf[0]);
    if (c >= 'A' && c <= 'Z') {
      buf[0] = static_cast<char>(c + 32);
    } else if (c == 0xC3 && w.size() > 1) {
      const auto d = static_cast<unsigned char>(buf[1]);
      if (d >= 0x80 && d <= 0x9E && d != 0x97) buf[1] = static_cast<char>(d + 0x20);
    }
  }
  return std::string_view(buf, w.size());
}

// Separable and inseparable verb particles ("mit" is left out: Mitarbeitern).
bool is_verb_particle(std::string_view prefix) {
  char buf[16];
  if (prefix.size() > sizeof buf) return false;
  const std::string_view p = lower_first_into(prefix, buf);
  static constexpr std::string_view kParticles[] = {
      "ver", "be", "er", "ent", "zer", "ge", "miss", "aus", "ein", "nach", "auf", "ab", "an",
      "vor", "zu", "über", "unter", "durch", "um", "wett", "weg", "zurück", "heraus", "hinaus",
      "herab", "hinab", "nachver", "wieder"};
  for (auto k : kParticles)
    if (k == p) return true;
  return false;
}

}  // namespace

std::string lower_first(std::string_view w) {
  std::string out(w);
  if (out.empty()) return out;
  const auto c = static_cast<unsigned char>(out[0]);
  if (c >= 'A' && c <= 'Z') {
    out[0] = static_cast<char>(c + 32);
  } else if (c == 0xC3 && out.size() > 1) {
    const auto d = static_cast<unsigned char>(out[1]);
    if (d >= 0x80 && d <= 0x9E && d != 0x97) out[1] = static_cast<char>(d + 0x20);
  }
  return out;
}

// ASCII letters and Ä Ö Ü lowered throughout (KI-Assistent -> ki-assistent).
std::string lower_all(std::string_view w) {
  std::string out = lower_first(w);
  for (std::size_t i = 1; i < out.size(); ++i) {
    const auto c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c + 32);
    } else if (c == 0xC3 && i + 1 < out.size()) {
      const auto d = static_cast<unsigned char>(out[i + 1]);
      if (d == 0x84 || d == 0x96 || d == 0x9C) out[i + 1] = static_cast<char>(d + 0x20);
      ++i;
    }
  }
  return out;
}

std::string upper_first(std::string_view w) {
  std::string out(w);
  if (out.empty()) return out;
  const auto c = static_cast<unsigned char>(out[0]);
  if (c >= 'a' && c <= 'z') {
    out[0] = static_cast<char>(c - 32);
  } else if (c == 0xC3 && out.size() > 1) {
    const auto d = static_cast<unsigned char>(out[1]);
    if (d >= 0xA0 && d <= 0xBE && d != 0xB7) out[1] = static_cast<char>(d - 0x20);
  }
  return out;
}

const std::string& PersonNoun::masc_form(std::uint8_t bit) const {
  switch (bit) {
    case kSgNom: return lemma;
    case kSgGen: return gen_sg;
    case kSgDat: case kSgAcc: return obl_sg;
    case kPlDat: return pl_dat;
    default: return pl;
  }
}

const GermanLexicon& GermanLexicon::instance() {
  static const GermanLexicon lexicon;
  return lexicon;
}

GermanLexicon::GermanLexicon() {
  load_nouns(lexicon_file("de/person_nouns_hunspell.tsv"), false);
  load_nouns(lexicon_file("de/person_nouns.tsv"), true);
  load_neutral(lexicon_file("de/neutral.tsv"));
  load_exclusions(lexicon_file("de/not_person.txt"));
  load_names(lexicon_file("de/names.tsv"));
  load_adjectival(lexicon_file("de/adjectival_nouns.txt"));
  build_index();
}

// Columns: lemma, gen sg, dat/acc sg, pl, dat pl, feminine, flags (place, nohead).
void GermanLexicon::load_nouns(std::string_view tsv, bool override_existing) {
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < nouns_.size(); ++i) index.emplace(nouns_[i].lemma, i);
  for_each_line(tsv, [&](std::string_view line) {
    std::string_view f[7];
    const int n = split_tabs(line, f, 7);
    if (n < 6) return;
    PersonNoun noun;
    noun.lemma = f[0];
    noun.gen_sg = f[1];
    noun.obl_sg = f[2];
    noun.pl = f[3];
    noun.pl_dat = f[4];
    noun.fem = f[5];
    if (n >= 7) {
      noun.place = f[6].find("place") != std::string_view::npos;
      noun.compound_head = f[6].find("nohead") == std::string_view::npos;
      noun.plural_only = f[6].find("plonly") != std::string_view::npos;
      noun.head_only = f[6].find("headonly") != std::string_view::npos;
    }
    auto it = index.find(noun.lemma);
    if (it != index.end()) {
      if (override_existing) nouns_[it->second] = std::move(noun);
      return;
    }
    index.emplace(noun.lemma, nouns_.size());
    nouns_.push_back(std::move(noun));
  });
}

// Columns: lemma, "adj" + participle stem | "noun" + plural + dative plural.
void GermanLexicon::load_neutral(std::string_view tsv) {
  std::unordered_map<std::string_view, std::size_t> index;
  for (std::size_t i = 0; i < nouns_.size(); ++i) index.emplace(nouns_[i].lemma, i);
  for_each_line(tsv, [&](std::string_view line) {
    std::string_view f[4];
    const int n = split_tabs(line, f, 4);
    if (n < 3) return;
    auto it = index.find(f[0]);
    if (it == index.end()) return;
    PersonNoun& noun = nouns_[it->second];
    if (f[1] == "adj") {
      noun.neutral_adj = f[2];
    } else if (f[1] == "noun" && n == 4) {
      noun.neutral_pl = f[2];
      noun.neutral_pl_dat = f[3];
    }
  });
}

// One word per line (any case). "tonleiter": a word ending so is no person.
// "*ober": that lemma is never the head of a compound. "-herr": drop the lemma.
void GermanLexicon::load_exclusions(std::string_view text) {
  std::unordered_set<std::string> dropped;
  std::uint32_t id = 0;
  for_each_line(text, [&](std::string_view line) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    if (line.empty()) return;
    if (line[0] == '*') {
      blocked_heads_.insert(lower_first(line.substr(1)));
    } else if (line[0] == '-') {
      dropped.insert(lower_first(line.substr(1)));
    } else {
      excluded_.insert(lower_all(line), id++);
    }
  });
  excluded_.freeze();
  std::erase_if(nouns_, [&](const PersonNoun& n) { return dropped.count(lower_first(n.lemma)); });
  for (auto& n : nouns_)
    if (blocked_heads_.count(lower_first(n.lemma))) n.compound_head = false;
}

// Columns: kind (title, male, female, name, surname), word.
void GermanLexicon::load_names(std::string_view tsv) {
  for_each_line(tsv, [&](std::string_view line) {
    std::string_view f[2];
    if (split_tabs(line, f, 2) < 2) return;
    if (f[0] == "title") {
      titles_.insert(f[1]);
    } else if (f[0] == "surname") {
      surnames_.insert(f[1]);
    } else {
      first_names_.insert(f[1]);
      if (f[0] == "male") male_names_.insert(f[1]);
    }
  });
}

void GermanLexicon::load_adjectival(std::string_view text) {
  std::uint32_t id = 0;
  for_each_line(text, [&](std::string_view line) { adjectival_.insert(lower_first(line), id++); });
  adjectival_.freeze();
}

bool GermanLexicon::analyse_adjectival(std::string_view word, AdjectivalAnalysis* out) const {
  if (word.size() < 5 || word.size() > 120) return false;
  char buf[128];
  const std::string_view lowered = lower_first_into(word, buf);
  static constexpr std::string_view kEndings[] = {"en", "er", "e"};
  for (std::string_view ending : kEndings) {
    if (!lowered.ends_with(ending)) continue;
    const std::string_view base = lowered.substr(0, lowered.size() - ending.size());
    SuffixTrie::Match m[4];
    const int n = adjectival_.suffixes(base, m, 4);
    for (int k = 0; k < n; ++k) {
      const std::size_t prefix = base.size() - m[k].length;
      if (prefix > 0) {
        const std::string_view left = word.substr(0, prefix);
        if (code_points(left) < 3 || !has_vowel(left)) continue;
        const auto head_first = static_cast<unsigned char>(word[prefix]);
        if (head_first >= 'A' && head_first <= 'Z') continue;
      }
      *out = AdjectivalAnalysis{ending, static_cast<std::uint32_t>(base.size())};
      return true;
    }
    return false;  // the longest matching ending decides
  }
  return false;
}

void GermanLexicon::build_index() {
  // A form may stand for several cases; collect the bits per lowered form first.
  std::unordered_map<std::string, FormEntry> forms;
  for (std::uint32_t i = 0; i < nouns_.size(); ++i) {
    const PersonNoun& n = nouns_[i];
    const std::pair<const std::string*, std::uint8_t> parts[] = {
        {&n.lemma, kSgNom}, {&n.gen_sg, kSgGen}, {&n.obl_sg, kSgDat | kSgAcc},
        {&n.pl, kPlNom | kPlGen | kPlAcc}, {&n.pl_dat, kPlDat}};
    for (const auto& [form, bits] : parts) {
      if (form->empty() || (n.plural_only && (bits & kSingular))) continue;
      auto [it, inserted] = forms.try_emplace(lower_first(*form), FormEntry{i, 0});
      if (it->second.noun == i) it->second.forms |= bits;
    }
  }
  for (auto& [key, entry] : forms) {
    forms_.insert(key, static_cast<std::uint32_t>(entries_.size()));
    entries_.push_back(entry);
  }
  forms_.freeze();
}

bool GermanLexicon::excluded(std::string_view lowered, std::uint32_t prefix_bytes,
                             const PersonNoun& n) const {
  // Compare against the compound's base form (prefix + lemma) so that one entry
  // ("tonleiter") covers every inflected form (Tonleitern).
  char buf[256];
  const std::string_view prefix = lowered.substr(0, prefix_bytes);
  if (prefix.size() + n.lemma.size() > sizeof buf) return false;
  prefix.copy(buf, prefix.size());
  for (std::size_t i = 0; i < prefix.size(); ++i)  // KI-Assistent: compare acronyms in lower case
    if (buf[i] >= 'A' && buf[i] <= 'Z') buf[i] = static_cast<char>(buf[i] + 32);
  lower_first_into(n.lemma, buf + prefix.size());
  SuffixTrie::Match m[1];
  if (excluded_.suffixes(std::string_view(buf, prefix.size() + n.lemma.size()), m, 1) == 0)
    return false;
  return m[0].length >= n.lemma.size();
}

bool GermanLexicon::analyse(std::string_view full, Analysis* out) const {
  // IT-Berater, Software-Entwickler: the part after the last hyphen is the head;
  // exclusions still see the whole word (KI-Assistent).
  const std::size_t seg = full.rfind('-') == std::string_view::npos ? 0 : full.rfind('-') + 1;
  const std::string_view word = full.substr(seg);
  if (word.size() < 3 || word.size() > 120) return false;
  if (seg > 0) {
    const auto c = static_cast<unsigned char>(word[0]);
    if (!(c >= 'A' && c <= 'Z') && c != 0xC3) return false;
  }
  char buf[128];
  const std::string_view lowered = lower_first_into(word, buf);

  SuffixTrie::Match matches[8];
  const int count = forms_.suffixes(lowered, matches, 8);
  for (int i = 0; i < count; ++i) {
    const FormEntry& e = entries_[matches[i].value];
    const PersonNoun& noun = nouns_[e.noun];
    const auto prefix_bytes = static_cast<std::uint32_t>(word.size() - matches[i].length);
    if (prefix_bytes > 0) {
      // Compound: a head of at least four letters after a left part with a vowel.
      if (!noun.compound_head || code_points(noun.lemma) < 4) continue;
        const std::string_view prefix = word.substr(0, prefix_bytes);
      if (code_points(prefix) < 3 || !has_vowel(prefix)) continue;
      // Verbessern, Ausbürgern, Verringern: a verb particle before an -n form is an infinitive.
      if (is_verb_particle(prefix) && word.back() == 'n') continue;
      const auto head_first = static_cast<unsigned char>(word[prefix_bytes]);
      if (head_first >= 'A' && head_first <= 'Z') continue;  // BürgerInnen-like inner capitals
    }
    // Exclusions see the whole word: prefix before the hyphen plus the compound's left part.
    char whole[256];
    const std::string_view left = full.substr(0, seg + prefix_bytes);
    if (!left.empty()) lower_first_into(left, whole);
    if (excluded(std::string_view(whole, left.size()), static_cast<std::uint32_t>(left.size()),
                 noun))
      continue;
    *out = Analysis{&noun, e.forms, static_cast<std::uint32_t>(seg) + prefix_bytes};
    return true;
  }
  return false;
}

}  // namespace solipraxis::text
