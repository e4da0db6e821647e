#include "core/review.h"

#include <array>
#include <regex>
#include <string>

namespace solipraxis::core {

Status validate_review_interval(int months) {
  if (months < kReviewMonthsMin || months > kReviewMonthsMax) {
    return make_error(ErrorCode::kInvalidInput, "tools.error.review_interval_invalid",
                      "review interval must be 1 to 36 months, not " + std::to_string(months));
  }
  return ok_status();
}

Date default_next_review(Date decided_on, int months) { return decided_on.add_months(months); }

const char* review_state_name(ReviewState s) {
  switch (s) {
    case ReviewState::kNone: return "none";
    case ReviewState::kOverdue: return "overdue";
    case ReviewState::kUpcoming: return "upcoming";
    case ReviewState::kScheduled: return "scheduled";
  }
  return "none";
}

ReviewState review_state(Phase phase, std::optional<Date> next_review, Date today,
                         int upcoming_days) {
  if (!requires_review(phase) || !next_review) return ReviewState::kNone;
  if (*next_review < today) return ReviewState::kOverdue;
  if (*next_review - today <= upcoming_days) return ReviewState::kUpcoming;
  return ReviewState::kScheduled;
}

namespace {

// "zwei" -> 2, "3" -> 3; 0 when it is no count we read.
int count_of(const std::string& word) {
  static const std::array<std::pair<const char*, int>, 26> kWords = {{
      {"ein", 1},    {"einem", 1}, {"einer", 1}, {"einen", 1}, {"zwei", 2},   {"drei", 3},
      {"vier", 4},   {"fünf", 5},  {"sechs", 6}, {"sieben", 7}, {"acht", 8},  {"neun", 9},
      {"zehn", 10},  {"elf", 11},  {"zwölf", 12}, {"a", 1},    {"one", 1},   {"two", 2},
      {"three", 3},  {"four", 4},  {"five", 5},  {"six", 6},   {"eight", 8}, {"nine", 9},
      {"ten", 10},   {"twelve", 12}}};
  if (!word.empty() && std::isdigit(static_cast<unsigned char>(word[0]))) {
    return word.size() <= 3 ? std::stoi(word) : 0;
  }
  for (const auto& [w, n] : kWords)
    if (word == w) return n;
  return 0;
}

}  // namespace

std::optional<Date> review_date_in_text(std::string_view text, Date today) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const std::regex kDate(R"((\d{1,2}\.\d{1,2}\.\d{4})|(\d{4}-\d{2}-\d{2}))");
  std::smatch m;
  if (std::regex_search(lower, m, kDate)) {
    if (auto d = Date::parse_typed(m.str())) return *d;
  }
  static const std::regex kIn(
      R"((?:^|[^\w])in\s+(\d{1,3}|[a-zäöüß]+)\s+(tag|tage|tagen|woche|wochen|monat|monate|monaten|jahr|jahren|days?|weeks?|months?|years?)(?![\w]))");
  if (std::regex_search(lower, m, kIn)) {
    const int n = count_of(m[1].str());
    if (n <= 0) return std::nullopt;
    const std::string unit = m[2].str();
    if (unit.starts_with("tag") || unit.starts_with("day")) return today.add_days(n);
    if (unit.starts_with("woche") || unit.starts_with("week")) return today.add_days(7 * n);
    if (unit.starts_with("monat") || unit.starts_with("month")) return today.add_months(n);
    return today.add_months(12 * n);
  }
  return std::nullopt;
}

}  // namespace solipraxis::core
