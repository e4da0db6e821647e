// Session JSON and the Markdown report: see report.h.
#include "web/handlers/live/report.h"

#include <algorithm>

#include "core/tool_export.h"

namespace solipraxis::web::handlers::live {

using nlohmann::json;

namespace {

json opt_date(const std::optional<core::Date>& d) { return d ? json(d->str()) : json(nullptr); }

const char* label(const std::string& lang, const char* de, const char* en) {
  return lang == "en" ? en : de;
}

}  // namespace

json session_json(const store::LiveSession& s) {
  json steps = json::array();
  for (std::size_t i = 0; i < s.steps.size(); ++i) {
    const auto& st = s.steps[i];
    json columns = json::array();
    for (const auto& c : st.columns) columns.push_back({{"id", c.id}, {"label", c.label}});
    steps.push_back({{"catalog_id", st.catalog_id},
                     {"title", st.title},
                     {"prompts", st.prompts},
                     {"columns", columns},
                     {"duration_seconds", st.duration_seconds},
                     {"revealed", i < s.revealed.size() && s.revealed[i]},
                     {"notes", i < s.notes.size() ? s.notes[i] : ""}});
  }
  json tools = json::array();
  for (auto t : s.tools) tools.push_back(t.value);
  return json{{"id", s.id},
              {"kind", core::live_kind_name(s.kind)},
              {"method", s.method_id},
              {"catalog_version", s.catalog_version},
              {"title", s.title},
              {"state", core::live_state_name(s.state)},
              {"join_code", s.state == core::LiveState::kEnded ? json(nullptr) : json(s.join_code)},
              {"tools", tools},
              {"vote_budget", s.vote_budget},
              {"hide_cards", s.hide_cards},
              {"current_step", s.current_step},
              {"steps", steps},
              {"review_date", opt_date(s.review_date)},
              {"created_at", s.created_at},
              {"started_at", s.started_at ? json(*s.started_at) : json(nullptr)},
              {"ended_at", s.ended_at ? json(*s.ended_at) : json(nullptr)}};
}

json board_json(const store::LiveBoard& b) {
  json out = session_json(b.session);
  json cards = json::array();
  for (const auto& c : b.cards) {
    cards.push_back({{"id", c.id},
                     {"step", c.step},
                     {"column", c.column},
                     {"hidden", c.hidden},
                     {"text", c.hidden ? json(nullptr) : json(c.text)},
                     {"cluster", c.cluster ? json(*c.cluster) : json(nullptr)},
                     {"votes", c.votes}});
  }
  json clusters = json::array();
  for (const auto& k : b.clusters) clusters.push_back({{"id", k.id}, {"step", k.step}, {"name", k.name}});
  json actions = json::array();
  for (const auto& a : b.actions) {
    actions.push_back({{"id", a.id},
                       {"tool", a.tool.value},
                       {"text", a.text},
                       {"responsible", a.responsible ? json(a.responsible->value) : json(nullptr)},
                       {"due", opt_date(a.due)}});
  }
  out["cards"] = cards;
  out["clusters"] = clusters;
  out["action_items"] = actions;
  out["participants"] = b.participants;
  return out;
}

json decisions_json(const std::vector<ReportDecision>& decisions) {
  json out = json::array();
  for (const auto& d : decisions) {
    out.push_back({{"tool", d.tool}, {"kind", d.kind}, {"rationale", d.rationale}, {"decided_on", d.decided_on}});
  }
  return out;
}

std::string report_markdown(const store::LiveBoard& b, const std::string& org_name,
                            const std::string& lang, const std::vector<ReportDecision>& decisions) {
  const store::LiveSession& s = b.session;
  std::string md = "# " + core::markdown_escape(s.title) + "\n\n";
  md += core::markdown_escape(org_name);
  if (s.review_date) {
    md += std::string(" · ") + label(lang, "Nächste Überprüfung: ", "Next review: ") +
          s.review_date->str();
  }
  md += "\n";
  for (std::size_t i = 0; i < s.steps.size(); ++i) {
    const auto& st = s.steps[i];
    md += "\n## " + std::to_string(i + 1) + ". " + core::markdown_escape(st.title) + "\n";
    for (const auto& p : st.prompts) md += "\n> " + core::markdown_escape(p) + "\n";
    if (i < s.notes.size() && !s.notes[i].empty()) {
      md += std::string("\n**") + label(lang, "Notizen", "Notes") + ":** " +
            core::markdown_escape(s.notes[i]) + "\n";
    }
    for (const auto& col : st.columns) {
      std::vector<const store::LiveCard*> cards;
      for (const auto& c : b.cards)
        if (c.step == static_cast<int>(i) && c.column == col.id && !c.hidden) cards.push_back(&c);
      if (cards.empty()) continue;
      std::stable_sort(cards.begin(), cards.end(),
                       [](auto* x, auto* y) { return x->votes > y->votes; });
      md += "\n### " + core::markdown_escape(col.label) + "\n\n";
      for (const auto* c : cards) {
        md += "- " + core::markdown_escape(c->text);
        for (const auto& k : b.clusters)
          if (c->cluster && k.id == *c->cluster)
            md += std::string(" (") + label(lang, "Gruppe", "group") + ": " + core::markdown_escape(k.name) + ")";
        if (c->votes > 0) {
          md += std::string(" · ") + std::to_string(c->votes) + " " + label(lang, "Punkte", "dots");
        }
        md += "\n";
      }
    }
  }
  if (!decisions.empty()) {
    md += std::string("\n## ") + label(lang, "Entscheidungen", "Decisions") + "\n\n";
    for (const auto& d : decisions) {
      md += "- **" + core::markdown_escape(d.tool) + ":** " + core::markdown_escape(d.kind_label) + " (" +
            d.decided_on + "). " + core::markdown_escape(d.rationale) + "\n";
    }
  }
  md += std::string("\n## ") + label(lang, "Nächste Schritte", "Next steps") + "\n\n";
  if (b.actions.empty()) md += std::string(label(lang, "Keine.", "None.")) + "\n";
  for (const auto& a : b.actions) {
    md += "- " + core::markdown_escape(a.text);
    if (a.due) md += std::string(" (") + label(lang, "bis ", "by ") + a.due->str() + ")";
    md += "\n";
  }
  return md;
}

}  // namespace solipraxis::web::handlers::live
