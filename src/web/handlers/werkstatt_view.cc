#include "web/handlers/werkstatt_view.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "text/readability.h"
#include "web/i18n.h"
#include "web/page.h"

namespace solipraxis::web::handlers {

namespace {

std::string_view kind_of(std::string_view rule) {
  if (rule.starts_with("inclusive.")) return "inclusive";
  if (rule.starts_with("context.")) return "context";
  return "plain";
}

mstch::array refs_ending_at(const std::vector<text::Finding>& findings, std::size_t at) {
  mstch::array refs;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    if (findings[i].end == at) refs.push_back(mstch::map{{"n", std::to_string(i + 1)}});
  }
  return refs;
}

std::string number(const Request& req, double v, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string out = buf;
  if (req.lang == "de") std::replace(out.begin(), out.end(), '.', ',');
  return out;
}

// Flesch-Amstad and Flesch reading ease share the 0-100 scale and its bands.
std::string_view flesch_band(double v) {
  if (v >= 90) return "check.stats.band.very_easy";
  if (v >= 80) return "check.stats.band.easy";
  if (v >= 70) return "check.stats.band.fairly_easy";
  if (v >= 60) return "check.stats.band.standard";
  if (v >= 50) return "check.stats.band.fairly_hard";
  if (v >= 30) return "check.stats.band.hard";
  return "check.stats.band.very_hard";
}

std::string_view lix_band(double v) {
  if (v < 35) return "check.stats.band.easy";
  if (v < 45) return "check.stats.band.standard";
  if (v < 55) return "check.stats.band.hard";
  return "check.stats.band.very_hard";
}

}  // namespace

mstch::array marked_segments(std::string_view input, const std::vector<text::Finding>& findings) {
  std::vector<std::size_t> cuts{0, input.size()};
  for (const auto& f : findings) {
    cuts.push_back(std::min<std::size_t>(f.start, input.size()));
    cuts.push_back(std::min<std::size_t>(f.end, input.size()));
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  mstch::array out;
  if (auto refs = refs_ending_at(findings, 0); !refs.empty()) {
    out.push_back(mstch::map{{"text", std::string()}, {"mark", false}, {"refs", refs}});
  }
  for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
    const std::size_t a = cuts[i], b = cuts[i + 1];
    std::string_view kind;
    for (const auto& f : findings) {
      if (f.start <= a && f.end >= b && f.start < f.end) {
        const auto k = kind_of(f.rule);
        if (kind.empty() || k == "inclusive") kind = k;
      }
    }
    out.push_back(mstch::map{{"text", std::string(input.substr(a, b - a))},
                             {"mark", !kind.empty()},
                             {"kind", std::string(kind)},
                             {"refs", refs_ending_at(findings, b)}});
  }
  return out;
}

mstch::array finding_items(const Services& s, const Request& req, std::string_view input,
                           const std::vector<text::Finding>& findings) {
  mstch::array out;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const auto& f = findings[i];
    mstch::array suggestions;
    for (std::size_t k = 0; k < f.suggestions.size(); ++k) {
      suggestions.push_back(mstch::map{
          {"label", f.suggestions[k]},
          {"value", std::to_string(f.start) + "-" + std::to_string(f.end) + "-" + std::to_string(k)}});
    }
    const std::string rule(f.rule);
    out.push_back(mstch::map{
        {"n", std::to_string(i + 1)},
        {"rule", rule},
        {"kind", std::string(kind_of(f.rule))},
        {"rule_label", tr(s, req, "check.rule." + rule)},
        {"severity", tr(s, req, "check.severity." + std::string(text::severity_name(f.severity)))},
        {"message", f.message},
        {"text", std::string(input.substr(f.start, f.end - f.start))},
        {"line", std::to_string(f.line)},
        {"column", std::to_string(f.column)},
        {"has_suggestions", !suggestions.empty()},
        {"suggestions", suggestions},
    });
  }
  return out;
}

std::optional<ApplyChoice> parse_apply(std::string_view value) {
  ApplyChoice c;
  const char* p = value.data();
  const char* end = value.data() + value.size();
  auto read = [&](auto* out, bool last) {
    auto [ptr, ec] = std::from_chars(p, end, *out);
    if (ec != std::errc{}) return false;
    if (last) return ptr == end;
    if (ptr == end || *ptr != '-') return false;
    p = ptr + 1;
    return true;
  };
  if (!read(&c.start, false) || !read(&c.end, false) || !read(&c.index, true)) return std::nullopt;
  if (c.end < c.start) return std::nullopt;
  return c;
}

std::string apply_suggestion(std::string_view input, const text::Finding& f, std::size_t index) {
  const std::string& with = f.suggestions.at(index);
  std::string out(input.substr(0, f.start));
  if (f.start == f.end && !out.empty()) {
    const char last = out.back();
    if (last != ' ' && last != '\n') out += (last == '.' || last == '!' || last == '?') ? " " : "\n";
  }
  out += with;
  out += input.substr(f.end);
  return out;
}

mstch::map stats_view(const Services& s, const Request& req, std::string_view input, text::Lang lang) {
  const auto st = text::readability(input, lang);
  const std::map<std::string, std::string, std::less<>> counts{
      {"sentences", std::to_string(st.sentences)},
      {"words", std::to_string(st.words)},
      {"asl", number(req, st.asl, 1)},
      {"asw", number(req, st.asw, 2)},
      {"long_words", std::to_string(st.long_words)}};
  mstch::array rows;
  auto row = [&](std::string_view label_key, double value, std::string_view explain_key,
                 std::string_view band_key) {
    std::string explanation = tr(s, req, explain_key);
    if (!band_key.empty()) explanation = tr(s, req, band_key) + " " + explanation;
    rows.push_back(mstch::map{{"label", tr(s, req, label_key)},
                              {"value", number(req, value, 1)},
                              {"explanation", explanation}});
  };
  if (lang == text::Lang::kGerman) {
    row("check.stats.flesch_amstad", st.flesch_amstad, "check.stats.flesch_explain",
        flesch_band(st.flesch_amstad));
    row("check.stats.wstf", st.wstf[0], "check.stats.wstf_explain", "");
  } else {
    row("check.stats.flesch_ease", st.flesch_reading_ease, "check.stats.flesch_explain",
        flesch_band(st.flesch_reading_ease));
  }
  row("check.stats.lix", st.lix, "check.stats.lix_explain", lix_band(st.lix));
  return mstch::map{{"has_words", st.words > 0},
                    {"summary", format_message(tr(s, req, "check.stats.summary"), counts)},
                    {"rows", rows}};
}

}  // namespace solipraxis::web::handlers
