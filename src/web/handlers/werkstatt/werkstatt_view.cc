#include "web/handlers/werkstatt/werkstatt_view.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>

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

}  // namespace

// One sweep over the cut points, so a long text with many findings stays linear
// in (cuts + findings) after sorting, not cuts x findings.
mstch::array marked_segments(std::string_view input, const std::vector<text::Finding>& findings) {
  const std::size_t size = input.size();
  struct Edge {
    std::size_t at;
    int delta;  // +1 where a finding starts, -1 where it ends
    int kind;   // 0 inclusive, 1 plain, 2 context: the order in which a mark's kind is chosen
  };
  std::vector<std::size_t> cuts{0, size};
  std::vector<Edge> edges;
  std::map<std::size_t, mstch::array> refs_at;  // finding numbers by the offset they end at
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const auto& f = findings[i];
    const std::size_t start = std::min<std::size_t>(f.start, size);
    const std::size_t end = std::min<std::size_t>(f.end, size);
    cuts.push_back(start);
    cuts.push_back(end);
    refs_at[end].push_back(mstch::map{{"n", std::to_string(i + 1)}});
    if (start < end) {
      const std::string_view k = kind_of(f.rule);
      const int kind = k == "inclusive" ? 0 : k == "plain" ? 1 : 2;
      edges.push_back({start, +1, kind});
      edges.push_back({end, -1, kind});
    }
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  std::sort(edges.begin(), edges.end(), [](const Edge& x, const Edge& y) { return x.at < y.at; });
  auto refs = [&refs_at](std::size_t at) {
    const auto it = refs_at.find(at);
    return it == refs_at.end() ? mstch::array{} : it->second;
  };

  mstch::array out;
  if (auto r = refs(0); !r.empty()) {
    out.push_back(mstch::map{{"text", std::string()}, {"mark", false}, {"refs", r}});
  }
  static constexpr std::string_view kKinds[] = {"inclusive", "plain", "context"};
  int active[3] = {0, 0, 0};  // findings covering the current piece, by kind
  std::size_t next = 0;
  for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
    const std::size_t a = cuts[i], b = cuts[i + 1];
    for (; next < edges.size() && edges[next].at <= a; ++next) {
      active[edges[next].kind] += edges[next].delta;
    }
    std::string_view kind;
    for (int k = 0; k < 3 && kind.empty(); ++k) {
      if (active[k] > 0) kind = kKinds[k];
    }
    out.push_back(mstch::map{{"text", std::string(input.substr(a, b - a))},
                             {"mark", !kind.empty()},
                             {"kind", std::string(kind)},
                             {"refs", refs(b)}});
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
      // Where the sentence leaves the reading open, each suggestion names its own.
      const std::string reading = k < f.suggestion_labels.size() ? f.suggestion_labels[k] : "";
      suggestions.push_back(mstch::map{
          {"label", f.suggestions[k]},
          {"reading", reading},
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
  // A band ("Sehr schwer zu lesen") only where the text is long enough to judge:
  // the same threshold as the plain.readability finding, so the two agree.
  const bool judged = st.words >= text::kReadabilityMinWords;
  auto row = [&](std::string_view label_key, double value, std::string_view explain_key,
                 std::string_view band_key) {
    std::string explanation = tr(s, req, explain_key);
    if (!band_key.empty() && judged) explanation = tr(s, req, band_key) + " " + explanation;
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
  // One band only, the Flesch one that also drives the plain.readability finding:
  // a second scale with its own band could contradict it.
  row("check.stats.lix", st.lix, "check.stats.lix_explain", "");
  return mstch::map{{"has_words", st.words > 0},
                    {"too_short", st.words > 0 && !judged},
                    {"summary", format_message(tr(s, req, "check.stats.summary"), counts)},
                    {"rows", rows}};
}

}  // namespace solipraxis::web::handlers
