#include "text/german_grammar.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "text/lexicon_de.h"

namespace solipraxis::text {

namespace {

struct Entry {
  std::string_view word;
  std::uint8_t forms;
  bool weak;
  bool masculine;
};

constexpr std::uint8_t kPlAll = kPlNom | kPlGen | kPlDat | kPlAcc;
constexpr std::uint8_t kPlNA = kPlNom | kPlAcc;

// Sorted by word (byte order). Possessives are generated from their stems below.
constexpr Entry kDeterminers[] = {
    {"acht", kPlAll, false, false},
    {"alle", kPlNA, true, false},
    {"allen", kPlDat, true, false},
    {"aller", kPlGen, true, false},
    {"am", kSgDat, true, true},
    {"beide", kPlNA, true, false},
    {"beiden", kPlDat | kPlNA, true, false},
    {"beider", kPlGen, true, false},
    {"beim", kSgDat, true, true},
    {"dem", kSgDat, true, true},
    {"den", kSgAcc | kPlDat, true, true},
    {"denen", kPlDat, true, false},
    {"der", kSgNom | kPlGen, true, true},
    {"des", kSgGen, true, true},
    {"die", kPlNA, true, false},
    {"diese", kPlNA, true, false},
    {"diesem", kSgDat, true, true},
    {"diesen", kSgAcc | kPlDat, true, true},
    {"dieser", kSgNom | kPlGen, true, true},
    {"dieses", kSgGen, true, true},
    {"drei", kPlAll, false, false},
    {"ein", kSgNom, false, true},
    {"eine", 0, false, false},
    {"einem", kSgDat, false, true},
    {"einen", kSgAcc, false, true},
    {"einer", 0, false, false},
    {"eines", kSgGen, false, true},
    {"einige", kPlNA, false, false},
    {"einigen", kPlDat, false, false},
    {"einiger", kPlGen, false, false},
    {"etliche", kPlNA, false, false},
    {"fünf", kPlAll, false, false},
    {"hundert", kPlAll, false, false},
    {"im", kSgDat, true, true},
    {"jede", 0, false, false},
    {"jedem", kSgDat, true, true},
    {"jeden", kSgAcc, true, true},
    {"jeder", kSgNom, true, true},
    {"jedes", kSgGen, true, true},
    {"jene", kPlNA, true, false},
    {"jenem", kSgDat, true, true},
    {"jenen", kSgAcc | kPlDat, true, true},
    {"jener", kSgNom | kPlGen, true, true},
    {"kein", kSgNom, false, true},
    {"keine", kPlNA, true, false},
    {"keinem", kSgDat, false, true},
    {"keinen", kSgAcc | kPlDat, true, true},
    {"keiner", kPlGen, true, false},
    {"keines", kSgGen, false, true},
    {"manche", kPlNA, true, false},
    {"manchen", kPlDat, true, false},
    {"mancher", kSgNom | kPlGen, true, true},
    {"mehrere", kPlNA, false, false},
    {"mehreren", kPlDat, false, false},
    {"mehrerer", kPlGen, false, false},
    {"neun", kPlAll, false, false},
    {"sechs", kPlAll, false, false},
    {"sieben", kPlAll, false, false},
    {"solche", kPlNA, true, false},
    {"solchen", kSgAcc | kPlDat, true, false},
    {"sämtliche", kPlNA, true, false},
    {"sämtlichen", kPlDat, true, false},
    {"tausend", kPlAll, false, false},
    {"unzählige", kPlNA, false, false},
    {"verschiedene", kPlNA, false, false},
    {"verschiedenen", kPlDat, false, false},
    {"viele", kPlNA, false, false},
    {"vielen", kPlDat, false, false},
    {"vieler", kPlGen, false, false},
    {"vier", kPlAll, false, false},
    {"vom", kSgDat, true, true},
    {"welche", kPlNA, true, false},
    {"welchem", kSgDat, true, true},
    {"welchen", kSgAcc | kPlDat, true, true},
    {"welcher", kSgNom | kPlGen, true, true},
    {"wenige", kPlNA, false, false},
    {"wenigen", kPlDat, false, false},
    {"weniger", kPlGen, false, false},
    {"zahlreiche", kPlNA, false, false},
    {"zahlreichen", kPlDat, false, false},
    {"zehn", kPlAll, false, false},
    {"zum", kSgDat, true, true},
    {"zwanzig", kPlAll, false, false},
    {"zwei", kPlAll, false, false},
    {"zwölf", kPlAll, false, false},
};

constexpr std::array<std::string_view, 7> kPossessiveStems = {"dein", "euer", "ihr", "mein",
                                                             "sein", "unser", "eur"};

// Copies word into buf with an ASCII first letter lowered; false if too long.
bool lowered(std::string_view word, char* buf, std::size_t cap, std::string_view* out) {
  if (word.empty() || word.size() > cap) return false;
  std::memcpy(buf, word.data(), word.size());
  if (buf[0] >= 'A' && buf[0] <= 'Z') buf[0] = static_cast<char>(buf[0] + 32);
  *out = std::string_view(buf, word.size());
  return true;
}

bool possessive(std::string_view w, DeterminerInfo* out) {
  for (std::string_view stem : kPossessiveStems) {
    if (w.substr(0, stem.size()) != stem) continue;
    std::string_view ending = w.substr(stem.size());
    if (stem == "euer" && !ending.empty()) continue;  // eure, euren use "eur"
    if (ending.empty()) {
      *out = {kSgNom, false, true};
    } else if (ending == "e") {
      *out = {kPlNom | kPlAcc, true, false};
    } else if (ending == "en") {
      *out = {kSgAcc | kPlDat, true, true};
    } else if (ending == "em") {
      *out = {kSgDat, true, true};
    } else if (ending == "es") {
      *out = {kSgGen, true, true};
    } else if (ending == "er") {
      *out = {kPlGen, true, false};
    } else {
      continue;
    }
    return true;
  }
  return false;
}

}  // namespace

bool lookup_determiner(std::string_view word, DeterminerInfo* out) {
  char buf[24];
  std::string_view w;
  if (!lowered(word, buf, sizeof buf, &w)) return false;
  auto it = std::lower_bound(std::begin(kDeterminers), std::end(kDeterminers), w,
                             [](const Entry& e, std::string_view k) { return e.word < k; });
  if (it != std::end(kDeterminers) && it->word == w) {
    *out = {it->forms, it->weak, it->masculine};
    return true;
  }
  return possessive(w, out);
}

std::uint8_t preposition_cases(std::string_view word) {
  char buf[16];
  std::string_view w;
  if (!lowered(word, buf, sizeof buf, &w)) return 0;
  static constexpr std::string_view kDative[] = {"aus", "bei", "gegenüber", "mit", "nach",
                                                 "seit", "von", "zu", "zusammen"};
  static constexpr std::string_view kAccusative[] = {"durch", "für", "gegen", "ohne", "um"};
  static constexpr std::string_view kGenitive[] = {"wegen", "trotz", "während", "statt",
                                                   "anstatt", "innerhalb", "außerhalb", "aufgrund",
                                                   "seitens", "zugunsten", "bezüglich"};
  for (auto p : kDative)
    if (p == w) return kSgDat | kPlDat;
  for (auto p : kGenitive)
    if (p == w) return kSgGen | kPlGen;
  for (auto p : kAccusative)
    if (p == w) return kSgAcc | kPlAcc;
  return 0;
}

bool looks_like_adjective(std::string_view w) {
  if (w.size() < 3) return false;
  const auto c = static_cast<unsigned char>(w[0]);
  if (c >= 'A' && c <= 'Z') return false;
  if (!(w.ends_with("e") || w.ends_with("en") || w.ends_with("er") || w.ends_with("es") ||
        w.ends_with("em")))
    return false;
  static constexpr std::string_view kNot[] = {"oder", "aber", "über", "unter", "hinter", "wieder",
                                              "immer", "sowie", "wie", "sie", "eine", "habe",
                                              "werden", "haben", "sollen", "müssen", "können",
                                              "wollen", "dürfen", "sein", "seien", "wegen", "ohne",
                                              "gegen", "neben", "zwischen", "außer", "oben", "unten"};
  for (auto n : kNot)
    if (n == w) return false;
  return true;
}

bool takes_dative(std::string_view w) {
  static constexpr std::string_view kStems[] = {"dank", "helf", "hilf", "half", "geholfen",
                                                "gratulier", "antwort", "begegn", "widersprech",
                                                "widersprich"};
  static constexpr std::string_view kWords[] = {
      "gehöre", "gehört", "gehören", "gehörte", "vertraue", "vertraut", "vertrauen", "schadet",
      "schaden", "nützt", "nützen", "dient", "dienen", "diente", "droht", "drohen", "folgt",
      "folgen", "folgte", "zuhören", "zuzuhören", "zustimmen",
      // giving and telling: someone (dative) gets something (Den Angehörigen geben wir Auskunft)
      "geben", "gebe", "gibt", "gab", "gegeben", "zeigen", "zeigt", "erklären", "erklärt",
      "schicken", "schickt", "senden", "sendet", "sagen", "sagt", "bieten", "bietet",
      "anbieten", "empfehlen", "empfiehlt", "mitteilen", "schreiben", "schreibt"};
  for (auto st : kStems)
    if (w.starts_with(st)) return true;
  for (auto x : kWords)
    if (w == x) return true;
  return false;
}

bool is_degree_adverb(std::string_view w) {
  static constexpr std::string_view kAdverbs[] = {
      "sehr", "ganz", "besonders", "äußerst", "ziemlich", "wirklich", "recht", "echt", "extrem",
      "richtig", "überaus", "eher", "möglichst", "bereits", "noch"};
  for (auto a : kAdverbs)
    if (w == a) return true;
  return false;
}

bool is_conjunction(std::string_view w) {
  return w == "und" || w == "oder" || w == "sowie" || w == "bzw" || w == "/" || w == "&" ||
         w == "beziehungsweise" || w == "or" || w == "and";
}

}  // namespace solipraxis::text
