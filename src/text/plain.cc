// plain.* rules (de, en), per sentence: sentence length, passive voice, nominal
// style and very long words. All are hints (severity info) with plain messages.
#include <string>

#include "text/rules.h"
#include "text/utf8.h"

namespace solipraxis::text {

namespace {

constexpr std::size_t kMaxSentenceWords = 20;
constexpr std::size_t kMaxLetters[] = {20, 17};  // de, en: more letters than this is long
constexpr int kNominalMin = 3;                   // nominal-style nouns per sentence ...
constexpr double kNominalShare = 0.2;            // ... and their share of the words

bool is_wordlike(const Token& t) { return t.kind != TokenKind::kPunct; }

bool lower_ascii(std::string_view w, char* buf, std::size_t cap, std::string_view* out) {
  if (w.size() > cap) return false;
  for (std::size_t i = 0; i < w.size(); ++i)
    buf[i] = (w[i] >= 'A' && w[i] <= 'Z') ? static_cast<char>(w[i] + 32) : w[i];
  *out = std::string_view(buf, w.size());
  return true;
}

template <std::size_t N>
bool one_of(std::string_view w, const std::string_view (&list)[N]) {
  for (auto x : list)
    if (x == w) return true;
  return false;
}

// German Partizip II: gemacht, geschrieben, angeboten, informiert, bearbeitet.
bool german_participle(std::string_view w) {
  if (w.size() < 5 || (w[0] >= 'A' && w[0] <= 'Z')) return false;
  static constexpr std::string_view kInfinitives[] = {
      "gehen", "geben", "gelten", "gewinnen", "genießen", "gestalten", "gehören", "geraten",
      "geschehen", "gelingen", "genügen", "gewähren", "gebrauchen", "gefallen", "gestatten"};
  if (one_of(w, kInfinitives)) return false;
  const bool t_or_en = w.ends_with("t") || w.ends_with("en");
  if (w.ends_with("iert")) return true;
  if (w.starts_with("ge") && t_or_en) return true;
  static constexpr std::string_view kSeparable[] = {
      "ab", "an", "auf", "aus", "bei", "ein", "mit", "nach", "vor", "zu", "zurück", "weiter",
      "fest", "frei", "dar", "her", "hin", "um", "durch", "teil", "statt", "vorbei", "hinzu"};
  for (auto p : kSeparable)
    if (w.starts_with(p) && w.substr(p.size()).starts_with("ge") && t_or_en &&
        w.size() > p.size() + 4)
      return true;
  static constexpr std::string_view kInseparable[] = {"be", "ver", "er", "ent", "zer", "emp",
                                                      "miss", "über", "unter"};
  for (auto p : kInseparable)
    if (w.starts_with(p) && w.ends_with("t") && !w.ends_with("st") && w.size() >= p.size() + 4)
      return true;
  // Strong verbs with an inseparable prefix: the participle's stem vowel differs
  // from the infinitive's (unterschrieben/unterschreiben, überwiesen, besprochen).
  static constexpr std::string_view kStrongEndings[] = {
      "rieben", "iesen", "mieden", "schieden", "sprochen", "brochen", "worfen", "nommen",
      "schlossen", "bunden", "funden", "zogen", "boten"};
  for (auto p : kInseparable) {
    if (!w.starts_with(p)) continue;
    for (auto e : kStrongEndings)
      if (w.ends_with(e) && w.size() >= p.size() + e.size()) return true;
  }
  return false;
}

bool english_participle(std::string_view w) {
  static constexpr std::string_view kIrregular[] = {
      "done", "made", "written", "given", "taken", "seen", "known", "shown", "built", "sent",
      "held", "told", "found", "paid", "chosen", "brought", "bought", "kept", "left", "led",
      "met", "put", "read", "run", "said", "set", "sold", "spent", "taught", "thought", "won",
      "understood", "begun", "broken", "driven", "eaten", "forgotten", "hidden", "spoken",
      "stolen", "thrown", "worn", "drawn", "grown", "born", "caught", "cut", "felt", "heard",
      "hit", "hurt", "lost", "meant", "shut", "struck", "sung", "got", "gotten"};
  if (w.size() >= 4 && w.ends_with("ed")) return true;
  return one_of(w, kIrregular);
}

Finding sentence_finding(const SentenceContext& s, std::string_view rule, std::string message) {
  Finding f;
  f.start = s.tokens.front().start;
  f.end = s.tokens.back().end;
  f.rule = rule;
  f.severity = Severity::kInfo;
  f.message = std::move(message);
  return f;
}

// Token k ends a German clause: punctuation, the end, or a finite verb that
// follows the verb-final group ("werden kann", "worden ist", "werden muss").
bool closes_clause(const SentenceContext& s, std::size_t k) {
  if (k >= s.tokens.size() || s.tokens[k].kind == TokenKind::kPunct) return true;
  static constexpr std::string_view kFinite[] = {"ist", "sind", "war", "waren", "kann", "können",
                                                 "muss", "müssen", "soll", "sollen", "darf",
                                                 "dürfen", "wird", "werden", "sei", "wäre"};
  return one_of(s.tokens[k].text(s.input), kFinite);
}

void check_passive(const SentenceContext& s) {
  const bool de = s.lang == Lang::kGerman;
  static constexpr std::string_view kWerden[] = {"wird", "werden", "wurde", "wurden", "worden",
                                                 "wirst", "werdet", "wurdest", "würde", "würden"};
  static constexpr std::string_view kBe[] = {"am", "is", "are", "was", "were", "be", "been",
                                             "being"};
  const auto& toks = s.tokens;
  for (std::size_t i = 0; i < toks.size(); ++i) {
    if (toks[i].kind != TokenKind::kWord) continue;
    const std::string_view raw = toks[i].text(s.input);
    if (raw.size() < 2 || raw.size() > 7) continue;
    const char c0 = static_cast<char>(raw[0] | 0x20);  // cheap filter before the word lists
    if (de ? c0 != 'w' : (c0 != 'a' && c0 != 'i' && c0 != 'w' && c0 != 'b')) continue;
    char buf[16];
    std::string_view w;
    if (!lower_ascii(raw, buf, sizeof buf, &w)) continue;
    if (!(de ? one_of(w, kWerden) : one_of(w, kBe))) continue;
    // German verb-final clause: the participle stands right before the form of
    // "werden" that closes it ("gelöscht werden.", "verschickt worden ist",
    // ", ob der Zuschuss bewilligt wird.").
    if (de && i > 0 && toks[i - 1].kind == TokenKind::kWord &&
        german_participle(toks[i - 1].text(s.input)) && closes_clause(s, i + 1)) {
      Finding f;
      f.start = toks[i - 1].start;
      f.end = toks[i].end;
      f.rule = kRulePassive;
      f.severity = Severity::kInfo;
      f.message = "Passiv: Wer handelt? Ein Satz im Aktiv ist oft klarer.";
      s.out->push_back(std::move(f));
      return;
    }
    // German: the participle closes the clause (within ~12 tokens, before , ; or the end).
    // English: it follows directly, or after one adverb or "not".
    const std::size_t limit = de ? 12 : 2;
    for (std::size_t j = i + 1; j < toks.size() && j <= i + limit; ++j) {
      const std::string_view t = toks[j].text(s.input);
      if (toks[j].kind == TokenKind::kPunct) {
        if (t == "," || t == ";" || t == ":" || t == "." || t == "!" || t == "?") break;
        continue;
      }
      char b2[40];
      std::string_view p;
      if (!lower_ascii(t, b2, sizeof b2, &p)) continue;
      const bool hit = de ? (german_participle(t)) : english_participle(p);
      if (hit) {
        Finding f;
        f.start = toks[i].start;
        f.end = toks[j].end;
        f.rule = kRulePassive;
        f.severity = Severity::kInfo;
        f.message = de ? "Passiv: Wer handelt? Ein Satz im Aktiv ist oft klarer."
                       : "Passive voice: who acts? An active sentence is often clearer.";
        s.out->push_back(std::move(f));
        return;  // one hint per sentence is enough
      }
      if (!de && !(p.ends_with("ly") || p == "not" || p == "also" || p == "often")) break;
    }
  }
}

bool nominal_word(std::string_view w, bool de) {
  if (w.size() < 6) return false;
  const char last = w.back();  // every suffix below ends in one of these bytes
  if (last != 'g' && last != 'n' && last != 't' && last != 's' && last != 'y' &&
      last != '\xA4')
    return false;
  if (de) {
    static constexpr std::string_view kSuffixes[] = {"ung", "ungen", "heit", "heiten", "keit",
                                                     "keiten", "tion", "tionen", "ität",
                                                     "itäten"};
    for (auto x : kSuffixes)
      if (w.ends_with(x)) return true;
    return false;
  }
  static constexpr std::string_view kSuffixes[] = {"tion", "tions", "sion", "sions", "ment",
                                                   "ments", "ness", "ity", "ities"};
  for (auto x : kSuffixes)
    if (w.ends_with(x)) return true;
  return false;
}

}  // namespace

void check_plain(const SentenceContext& s) {
  const bool de = s.lang == Lang::kGerman;
  std::size_t words = 0;
  int nominal = 0;
  // An enumeration ("solidarity, participation and openness") is a list of
  // names, not nominal style: its nouns count once.
  bool after_nominal = false, separated = false;
  bool in_word = false;
  for (const Token& t : s.tokens) {
    if (t.has(kSpaceBefore)) in_word = false;
    if (!is_wordlike(t)) {
      if (t.text(s.input) == ",") separated = after_nominal;
      else after_nominal = false;
      continue;
    }
    // Words are whitespace-separated: Mitarbeiter:innen counts once.
    if (!in_word) ++words;
    in_word = true;
    if (t.kind != TokenKind::kWord) continue;
    const std::string_view w = t.text(s.input);
    if (w == "und" || w == "oder" || w == "sowie" || w == "and" || w == "or") {
      separated = after_nominal;
      continue;
    }
    const bool is_nominal = nominal_word(w, de);
    if (is_nominal && !(after_nominal && separated)) ++nominal;
    after_nominal = is_nominal;
    separated = false;
    // Very long word: the longest hyphen-separated part counts (bytes >= letters,
    // so short words need no counting).
    if (w.size() <= kMaxLetters[de ? 0 : 1]) continue;
    std::size_t longest = 0, part = 0;
    for (std::size_t k = 0; k < w.size(); ++k) {
      const auto c = static_cast<unsigned char>(w[k]);
      if (c == '-') {
        part = 0;
      } else if (!is_continuation(c)) {
        longest = std::max(longest, ++part);
      }
    }
    if (longest > kMaxLetters[de ? 0 : 1]) {
      Finding f;
      f.start = t.start;
      f.end = t.end;
      f.rule = kRuleLongWord;
      f.severity = Severity::kInfo;
      f.message = de ? format_message("Sehr langes Wort ({} Buchstaben). Teilen Sie es mit "
                                      "Bindestrich, oder umschreiben Sie es.",
                                      {std::to_string(longest)})
                     : format_message("Very long word ({} letters). Consider a shorter one.",
                                      {std::to_string(longest)});
      s.out->push_back(std::move(f));
    }
  }
  if (words > kMaxSentenceWords) {
    const std::string n = std::to_string(words);
    s.out->push_back(sentence_finding(
        s, kRuleSentenceLength,
        de ? format_message("Dieser Satz hat {} Wörter. Sätze mit höchstens 20 Wörtern sind "
                            "leichter zu lesen.",
                            {n})
           : format_message("This sentence has {} words. Sentences of up to 20 words are "
                            "easier to read.",
                            {n})));
  }
  if (nominal >= kNominalMin && nominal >= kNominalShare * static_cast<double>(words)) {
    s.out->push_back(sentence_finding(
        s, kRuleNominalStyle,
        de ? "Nominalstil: viele Wörter auf -ung, -heit, -keit. Verben machen den Satz lebendiger."
           : "Nominal style: many nouns on -tion, -ment, -ness. Verbs make the sentence clearer."));
  }
  check_passive(s);
}

}  // namespace solipraxis::text
