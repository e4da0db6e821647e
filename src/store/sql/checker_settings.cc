// SqlStore: the org's checker settings (one row per org; absent = defaults).
#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>

#include "store/checker_terms.h"
#include "store/sql/rows.h"
#include "store/sql/sql_store.h"
#include "store/validation.h"

namespace solipraxis::store::sql {

using core::ErrorCode;
using core::make_error;
using nlohmann::json;

namespace {

constexpr std::string_view kStyles[] = {"colon", "star", "pair", "neutral"};

bool bad_control(std::string_view text, bool allow_newlines) {
  return std::any_of(text.begin(), text.end(), [&](char c) {
    auto u = static_cast<unsigned char>(c);
    if (allow_newlines && (c == '\n' || c == '\r' || c == '\t')) return false;
    return u < 0x20 || u == 0x7f;
  });
}

std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

Status check_context(std::string_view text, const char* what) {
  const std::size_t n = utf8_length(text);
  if (n == std::string_view::npos || bad_control(text, true)) {
    return make_error(ErrorCode::kInvalidInput, "error.checker.context_invalid",
                      std::string(what) + " contains invalid characters");
  }
  if (n > kMaxCheckerContextChars) {
    return make_error(ErrorCode::kInvalidInput, "error.checker.context_invalid",
                      std::string(what) + " is longer than " +
                          std::to_string(kMaxCheckerContextChars) + " characters");
  }
  return {};
}

// Lower case for "the same term twice": ASCII and the Latin-1 letters (Ä, Ö, Ü,
// É ...), which covers the German and English terms orgs list.
std::string lowered(std::string_view s) {
  std::string out(s);
  for (std::size_t i = 0; i < out.size(); ++i) {
    auto& c = reinterpret_cast<unsigned char&>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<unsigned char>(c + 32);
    } else if (c == 0xC3 && i + 1 < out.size()) {
      auto& next = reinterpret_cast<unsigned char&>(out[i + 1]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97) {  // À..Þ without ×
        next = static_cast<unsigned char>(next + 32);
      }
      ++i;
    }
  }
  return out;
}

bool short_line(std::string_view text, std::size_t max_chars) {
  const std::size_t n = utf8_length(text);
  return n != std::string_view::npos && n <= max_chars && !bad_control(text, false);
}

// The detail names the entry and its field: "org_terms[2].suggestions: ...".
core::Error term_error(std::size_t index, const char* field, std::string key,
                       std::string_view what) {
  return make_error(ErrorCode::kInvalidInput, std::move(key),
                    "org_terms[" + std::to_string(index) + "]." + field + ": " + std::string(what));
}

// One org term trimmed and checked; nullopt for an entry with nothing in it.
Result<std::optional<CheckerTerm>> normalized_term(const CheckerTerm& in, std::size_t index) {
  CheckerTerm out;
  out.term = trim(in.term);
  out.message = trim(in.message);
  for (const std::string& raw : in.suggestions) {
    if (std::string s = trim(raw); !s.empty()) out.suggestions.push_back(std::move(s));
  }
  if (out.term.empty() && out.message.empty() && out.suggestions.empty()) {
    return std::optional<CheckerTerm>{};
  }
  constexpr const char* kKey = "error.checker.term_invalid";
  const std::string chars = " characters";
  if (out.term.empty()) {
    return term_error(index, "term", "error.checker.term_missing", "the term is missing");
  }
  if (!short_line(out.term, kMaxOrgTermChars)) {
    return term_error(index, "term", kKey,
                      "must be one line of at most " + std::to_string(kMaxOrgTermChars) + chars);
  }
  if (out.suggestions.size() > kMaxTermSuggestions) {
    return term_error(index, "suggestions", kKey,
                      "at most " + std::to_string(kMaxTermSuggestions) + " suggestions");
  }
  for (const std::string& sug : out.suggestions) {
    if (!short_line(sug, kMaxOrgTermChars)) {
      return term_error(index, "suggestions", kKey,
                        "each must be one line of at most " + std::to_string(kMaxOrgTermChars) +
                            chars);
    }
  }
  if (!short_line(out.message, kMaxTermMessageChars)) {
    return term_error(index, "message", kKey,
                      "must be one line of at most " + std::to_string(kMaxTermMessageChars) +
                          chars);
  }
  return std::optional<CheckerTerm>(std::move(out));
}

// The org terms trimmed and checked, in order, without empty entries; a term
// listed twice (ignoring case) is refused rather than merged, so that no
// suggestion or message is dropped without the editor seeing it.
Result<std::vector<CheckerTerm>> normalized_terms(const std::vector<CheckerTerm>& in) {
  std::vector<CheckerTerm> out;
  std::vector<std::string> seen;
  for (std::size_t i = 0; i < in.size(); ++i) {
    auto t = normalized_term(in[i], i);
    if (!t) return t.error();
    if (!*t) continue;
    std::string key = lowered((*t)->term);
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
      return term_error(i, "term", "error.checker.term_duplicate", "the term is listed twice");
    }
    if (out.size() == kMaxOrgTerms) {  // refused early: the duplicate search stays small
      return make_error(ErrorCode::kInvalidInput, "error.checker.too_many_terms",
                        "at most " + std::to_string(kMaxOrgTerms) + " org terms");
    }
    seen.push_back(std::move(key));
    out.push_back(std::move(**t));
  }
  return out;
}

// Validates and normalises what a caller wants to store.
Result<CheckerSettings> normalized(const CheckerSettings& in) {
  CheckerSettings out;
  out.role = trim(in.role);
  out.values = trim(in.values);
  out.sector = trim(in.sector);
  if (auto st = check_context(out.role, "role"); !st) return st.error();
  if (auto st = check_context(out.values, "values"); !st) return st.error();
  if (auto st = check_context(out.sector, "sector"); !st) return st.error();
  if (std::find(std::begin(kStyles), std::end(kStyles), in.style) == std::end(kStyles)) {
    return make_error(ErrorCode::kInvalidInput, "error.checker.style_invalid",
                      "style must be colon, star, pair or neutral");
  }
  out.style = in.style;
  for (const std::string& raw : in.accepted_words) {
    std::string w = trim(raw);
    if (w.empty()) continue;
    const std::size_t n = utf8_length(w);
    if (n == std::string_view::npos || bad_control(w, false) || n > kMaxAcceptedWordChars) {
      return make_error(ErrorCode::kInvalidInput, "error.checker.word_invalid",
                        "accepted words must be valid text of at most " +
                            std::to_string(kMaxAcceptedWordChars) + " characters");
    }
    out.accepted_words.push_back(std::move(w));
  }
  std::sort(out.accepted_words.begin(), out.accepted_words.end());
  out.accepted_words.erase(std::unique(out.accepted_words.begin(), out.accepted_words.end()),
                           out.accepted_words.end());
  if (out.accepted_words.size() > kMaxAcceptedWords) {
    return make_error(ErrorCode::kInvalidInput, "error.checker.too_many_words",
                      "at most " + std::to_string(kMaxAcceptedWords) + " accepted words");
  }
  auto terms = normalized_terms(in.org_terms);
  if (!terms) return terms.error();
  out.org_terms = std::move(*terms);
  return out;
}

json summary(const CheckerSettings& s) {
  return json{{"role", s.role},
              {"values", s.values},
              {"sector", s.sector},
              {"style", s.style},
              {"accepted_words", s.accepted_words},
              {"org_terms", checker_terms_json(s.org_terms)}};
}

Result<CheckerSettings> load(Tx& tx, OrgId org) {
  auto rows = tx.query(
      "SELECT role, org_values, sector, style, accepted_words, updated_at, org_terms "
      "FROM checker_settings WHERE org_id = $1",
      {org.value});
  if (!rows) return rows.error();
  CheckerSettings s;
  if (rows->empty()) return s;
  const Row& r = rows->front();
  s.role = r.text(0);
  s.values = r.text(1);
  s.sector = r.text(2);
  s.style = r.text(3);
  const json words = json::parse(r.text(4), nullptr, false);
  if (words.is_array()) {
    for (const auto& w : words) {
      if (w.is_string()) s.accepted_words.push_back(w.get<std::string>());
    }
  }
  s.updated_at = r.int64(5);
  // Written by checker_terms_json after validation; unreadable text reads as none.
  s.org_terms = checker_terms_from_json(json::parse(r.text(6), nullptr, false)).value_or(
      std::vector<CheckerTerm>{});
  return s;
}

}  // namespace

Result<CheckerSettings> SqlChecker::checker_settings(OrgId org) {
  return read_into<CheckerSettings>(*db_, [&](Tx& tx, CheckerSettings& out) -> Status {
    auto exists = tx.query("SELECT 1 FROM orgs WHERE id = $1", {org.value});
    if (!exists) return exists.error();
    if (exists->empty()) return not_found("error.org.not_found", "no such org");
    auto s = load(tx, org);
    if (!s) return s.error();
    out = std::move(*s);
    return {};
  });
}

Result<CheckerSettings> SqlChecker::set_checker_settings(OrgId org, const CheckerSettings& settings,
                                                       const Actor& actor) {
  auto next = normalized(settings);
  if (!next) return next.error();
  const auto now = clock_.now();
  next->updated_at = now;
  return write_into<CheckerSettings>(*db_, [&](Tx& tx, CheckerSettings& out) -> Status {
    if (auto st = lock_org(tx, org); !st) return st;
    auto before = load(tx, org);
    if (!before) return before.error();
    const Params params{org.value,
                        value(next->role),
                        value(next->values),
                        value(next->sector),
                        value(next->style),
                        value(json(next->accepted_words).dump()),
                        now,
                        value(checker_terms_json(next->org_terms).dump())};
    auto n = before->updated_at == 0
                 ? tx.exec(
                       "INSERT INTO checker_settings (org_id, role, org_values, sector, style, "
                       "accepted_words, updated_at, org_terms) "
                       "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                       params)
                 : tx.exec(
                       "UPDATE checker_settings SET role = $2, org_values = $3, sector = $4, "
                       "style = $5, accepted_words = $6, updated_at = $7, org_terms = $8 "
                       "WHERE org_id = $1",
                       params);
    if (!n) return n.error();
    out = *next;
    return write_audit(tx, org, actor, "checker.settings", "checker_settings",
                       std::to_string(org.value),
                       before->updated_at == 0 ? "" : summary(*before).dump(),
                       summary(*next).dump(), now);
  });
}

}  // namespace solipraxis::store::sql
