#include "text/german_phrase.h"

#include "text/german_grammar.h"
#include "text/lexicon_de.h"

namespace solipraxis::text {

namespace {

bool capitalised(std::string_view w) { return !w.empty() && lower_first(w) != w; }

std::string with_case_of(std::string_view model, std::string word) {
  return capitalised(model) ? upper_first(word) : word;
}

// Strips the ending of an attributive adjective (neuen -> neu, lieber -> lieb,
// andere -> ander); nullopt for a word without one.
std::optional<std::string> adjective_stem(std::string_view w) {
  for (std::string_view e : {"em", "en", "er", "es", "e"}) {
    if (w.size() >= e.size() + 2 && w.ends_with(e)) return std::string(w.substr(0, w.size() - e.size()));
  }
  return std::nullopt;
}

bool is_contraction(std::string_view w) {
  const std::string l = lower_first(w);
  return l == "zum" || l == "vom" || l == "beim" || l == "im" || l == "am";
}

// Feminine singular adjective ending: die neue, der neuen; strong (no determiner) der: neuer.
std::string feminine_adjective(std::string_view stem, CaseGroup g, bool after_determiner) {
  if (g == CaseGroup::kNomAcc) return std::string(stem) + "e";
  return std::string(stem) + (after_determiner ? "en" : "er");
}

// One word in gender-colon form: ein:e, jede:r, neue:n, der:die.
std::string merge(std::string_view masc, std::string_view fem, std::string_view mark) {
  if (masc == fem) return std::string(masc);
  if (fem.starts_with(masc))
    return std::string(masc) + std::string(mark) + std::string(fem.substr(masc.size()));
  if (masc.starts_with(fem))
    return std::string(fem) + std::string(mark) + std::string(masc.substr(fem.size()));
  // der:die at the start of a sentence, but the polite Ihrem:Ihrer keeps its capital.
  const bool polite = fem.starts_with("Ihr");
  return std::string(masc) + std::string(mark) + (polite ? std::string(fem) : lower_first(fem));
}

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) {
    if (w.empty()) continue;
    if (!out.empty() && w != ",") out += ' ';
    out += w;
  }
  return out;
}

void add(std::vector<std::string>* out, const std::string& s) {
  if (s.empty()) return;
  for (const auto& x : *out)
    if (x == s) return;
  out->push_back(s);
}

}  // namespace

std::optional<std::string> feminine_determiner(std::string_view masc, CaseGroup g) {
  const std::string w = lower_first(masc);
  const bool nom_acc = g == CaseGroup::kNomAcc;
  std::string fem;
  if (w == "zum") fem = "zur";
  else if (w == "vom") fem = "von der";
  else if (w == "beim") fem = "bei der";
  else if (w == "im") fem = "in der";
  else if (w == "am") fem = "an der";
  else if (w == "der" || w == "den" || w == "dem" || w == "des") fem = nom_acc ? "die" : "der";
  if (!fem.empty()) return with_case_of(masc, fem);
  // der-words: dieser, jeder, jener, mancher, welcher, solcher.
  for (std::string_view stem : {"dies", "jed", "jen", "manch", "welch", "solch"}) {
    if (!w.starts_with(stem)) continue;
    const std::string_view end = std::string_view(w).substr(stem.size());
    if (end == "er" || end == "es" || end == "em" || end == "en")
      return with_case_of(masc, std::string(stem) + (nom_acc ? "e" : "er"));
  }
  // ein-words: ein, kein and the possessives (unser, Ihr, euer/eure).
  for (std::string_view stem : {"ein", "kein", "mein", "dein", "sein", "ihr", "unser", "euer", "eur"}) {
    if (!w.starts_with(stem)) continue;
    const std::string_view end = std::string_view(w).substr(stem.size());
    if (!(end.empty() || end == "es" || end == "em" || end == "en")) continue;
    if (stem == "eur" && end.empty()) continue;
    const std::string_view fem_stem = stem == "euer" ? "eur" : stem;
    return with_case_of(masc, std::string(fem_stem) + (nom_acc ? "e" : "er"));
  }
  return std::nullopt;
}

std::vector<std::string> singular_suggestions(const PhraseWords& w, const HeadNoun& head,
                                              CaseGroup g, Style style) {
  std::vector<std::string> fem, colon, star, masc;
  const bool contraction = w.determiner && !w.mods.empty() && is_contraction(w.mods[0]);
  for (std::size_t i = 0; i < w.mods.size(); ++i) {
    const std::string_view m = w.mods[i];
    std::string f;
    if (i == 0 && w.determiner) {
      auto d = feminine_determiner(m, g);
      if (!d) return {};
      f = *d;
    } else if (is_degree_adverb(m) || m == "," || m == "und" || m == "oder") {
      f = std::string(m);
    } else if (auto stem = adjective_stem(lower_first(m))) {
      f = with_case_of(m, feminine_adjective(*stem, g, w.determiner));
    } else {
      return {};  // a word we cannot decline: no guessed form
    }
    fem.push_back(f);
    colon.push_back(merge(m, f, ":"));
    star.push_back(merge(m, f, "*"));
    // The second half of the pair starts lower case ("Jede Teilnehmerin oder jeder
    // Teilnehmer"), except the polite Ihr.
    const bool polite = lower_first(m).starts_with("ihr");
    masc.push_back(i == 0 && w.sentence_start && !polite ? lower_first(m) : std::string(m));
  }
  std::string fem_head;
  std::string colon_head, star_head;
  if (!head.adj_stem.empty()) {
    fem_head = feminine_adjective(head.adj_stem, g, w.determiner);
    colon_head = merge(head.masc, fem_head, ":");
    star_head = merge(head.masc, fem_head, "*");
  } else {
    fem_head = head.fem;
    if (!head.colon_stem.empty()) {
      colon_head = head.colon_stem + ":in";
      star_head = head.colon_stem + "*in";
    }
  }
  if (fem_head.empty()) return {};
  if (w.mods.empty() && capitalised(head.masc)) fem_head = upper_first(fem_head);
  fem.push_back(fem_head);
  masc.push_back(head.masc);
  const std::string pair = join(fem) + " oder " + join(masc);
  std::string colon_form, star_form;
  if (!contraction && !colon_head.empty()) {
    colon.push_back(colon_head);
    star.push_back(star_head);
    colon_form = join(colon);
    star_form = join(star);
  }
  // The gender-colon determiner is awkward in the dative and genitive (dem:der,
  // des:der Antragsteller:in): there the pair comes first.
  const bool awkward = g == CaseGroup::kGenDat;
  std::vector<std::string> out;
  switch (style) {
    case Style::kColon:
      if (!awkward) add(&out, colon_form);
      add(&out, pair);
      add(&out, colon_form);
      break;
    case Style::kStar:
      if (!awkward) add(&out, star_form);
      add(&out, pair);
      add(&out, star_form);
      break;
    case Style::kPair:
      add(&out, pair);
      add(&out, colon_form);
      break;
    case Style::kNeutral:  // no neutral singular: the participle has a gender (der/die Mitarbeitende)
      add(&out, pair);
      break;
  }
  return out;
}

std::vector<std::string> plural_suggestions(const PhraseWords& w, const HeadNoun& head, Style style) {
  std::string prefix;
  for (auto m : w.mods) {
    if (m == "," && !prefix.empty()) prefix.pop_back();
    prefix += std::string(m) + " ";
  }
  auto phrase = [&](const std::string& noun) { return noun.empty() ? noun : prefix + noun; };
  const std::string colon = head.colon_stem.empty() ? "" : phrase(head.colon_stem + ":innen");
  const std::string star = head.colon_stem.empty() ? "" : phrase(head.colon_stem + "*innen");
  const std::string pair = head.fem_pl.empty() ? "" : phrase(head.fem_pl + " und " + head.masc);
  const std::string neutral = phrase(head.neutral_pl);
  std::vector<std::string> out;
  switch (style) {
    case Style::kColon: add(&out, colon); add(&out, pair); add(&out, neutral); break;
    case Style::kStar: add(&out, star); add(&out, pair); add(&out, neutral); break;
    case Style::kPair: add(&out, pair); add(&out, colon); break;
    case Style::kNeutral: add(&out, neutral); add(&out, pair); break;
  }
  return out;
}

}  // namespace solipraxis::text
