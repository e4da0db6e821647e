// SqlStore: the org's checker settings (one row per org; absent = defaults).
#include <algorithm>
#include <nlohmann/json.hpp>

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
  return out;
}

json summary(const CheckerSettings& s) {
  return json{{"role", s.role},
              {"values", s.values},
              {"sector", s.sector},
              {"style", s.style},
              {"accepted_words", s.accepted_words}};
}

Result<CheckerSettings> load(Tx& tx, OrgId org) {
  auto rows = tx.query(
      "SELECT role, org_values, sector, style, accepted_words, updated_at "
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
  return s;
}

}  // namespace

Result<CheckerSettings> SqlStore::checker_settings(OrgId org) {
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

Result<CheckerSettings> SqlStore::set_checker_settings(OrgId org, const CheckerSettings& settings,
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
                        now};
    auto n = before->updated_at == 0
                 ? tx.exec(
                       "INSERT INTO checker_settings (org_id, role, org_values, sector, style, "
                       "accepted_words, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                       params)
                 : tx.exec(
                       "UPDATE checker_settings SET role = $2, org_values = $3, sector = $4, "
                       "style = $5, accepted_words = $6, updated_at = $7 WHERE org_id = $1",
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
