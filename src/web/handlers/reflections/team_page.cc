// The team view of a round (see pages.h): every respondent's answers per prompt
// side by side, counts for choice prompts. An anonymous round shows nothing
// below core::kAnonymousTeamMinimum respondents and never a name: the store
// gives its answers without user ids, sorted by text.
#include <string>

#include "core/reflection.h"
#include "store/audit_facts.h"
#include "store/store.h"
#include "web/handlers/reflections/pages.h"
#include "web/handlers/reflections/view.h"
#include "web/i18n.h"
#include "web/markdown.h"
#include "web/page.h"

namespace solipraxis::web::handlers::reflections {

namespace {

const catalog::Option* option_of(const FormPrompt& p, const std::string& id) {
  for (const auto& o : p.choices)
    if (o.id == id) return &o;
  return nullptr;
}

// Counts per option in the prompt's order (zero counts too), then any stored
// answer that is no option any more.
mstch::array counts_data(const RoundContext& c, const FormPrompt& p,
                         const std::vector<std::string>& texts) {
  auto tally = core::tally(texts);
  mstch::array out;
  for (const auto& o : p.choices) {
    const auto it = tally.find(o.id);
    out.push_back(mstch::map{{"label", o.label.get(c.lang)},
                             {"count", std::to_string(it == tally.end() ? 0 : it->second)}});
  }
  for (const auto& [text, n] : tally)
    if (!option_of(p, text))
      out.push_back(mstch::map{{"label", text}, {"count", std::to_string(n)}});
  return out;
}

}  // namespace

Response team_page(auth::Auth& auth, Request& req) {
  auto access = load_round(auth, req);
  if (!access.context) return std::move(access.denial);
  const RoundContext& c = *access.context;
  Services& s = auth.services();
  mstch::map data = round_page_data(s, req, c);
  data.emplace("title", tr(s, req, "reflections.team.heading") + " – " + c.form.title.get(c.lang));
  auto view = s.store.reflections().team_view(c.member.org.id, c.round.id);
  if (!view && view.error().code == core::ErrorCode::kForbidden) {
    // Too few people in an anonymous round: the page says why, and shows no count
    // finer than "fewer than three".
    data.emplace("too_few",
                 format_message(tr(s, req, "reflections.team.too_few"),
                                {{"minimum", std::to_string(core::kAnonymousTeamMinimum)}}));
    return render(s, req, "reflections/team", std::move(data));
  }
  if (!view) return error_response(s, req, view.error());
  data.emplace("respondents", format_message(tr(s, req, "reflections.team.respondents"),
                                             {{"count", std::to_string(view->respondents)}}));
  if (auto may = core::check_team_view(c.round.anonymous, view->respondents); !may) {
    data.emplace("too_few",
                 format_message(tr(s, req, "reflections.team.too_few"),
                                {{"minimum", std::to_string(core::kAnonymousTeamMinimum)}}));
    return render(s, req, "reflections/team", std::move(data));
  }
  store::AuditNames names(s.store.users());
  mstch::array sections;
  for (const FormSection& sec : c.form.sections) {
    mstch::array prompts;
    for (const FormPrompt& p : sec.prompts) {
      std::vector<std::string> texts;
      mstch::array answers;
      for (const store::TeamAnswer& a : view->answers) {
        if (a.section_id != sec.id || a.prompt_id != p.id || a.text.empty()) continue;
        texts.push_back(a.text);
        // The answer's Markdown as safe HTML (web/markdown.h); the template prints it
        // with {{{answer_html}}}, the one unescaped name the engine allows.
        mstch::map d{{"answer_html", render_markdown(a.text)}};
        if (!c.round.anonymous && a.user) {
          d.emplace("name",
                    names.name(*a.user).value_or(tr(s, req, "reflections.team.former_member")));
        }

        answers.push_back(std::move(d));
      }
      mstch::map pd{{"text", p.text.get(c.lang)}, {"has_answers", !answers.empty()}};
      if (!p.choices.empty()) {
        pd.emplace("counts", counts_data(c, p, texts));
        pd.emplace("has_counts", true);
      } else {
        pd.emplace("answers", answers);
      }
      prompts.push_back(std::move(pd));
    }
    const bool phase = c.form.template_id.starts_with("phase.");
    sections.push_back(
        mstch::map{{"title", sec.title.get(c.lang)}, {"show_title", !phase}, {"prompts", prompts}});
  }
  data.emplace("sections", sections);
  data.emplace("shown", true);
  data.emplace("export_links",
               mstch::map{{"label", tr(s, req, "reflections.export.team_link")},
                          {"base", round_url(c.member, c.round.id) + "/export"}});
  return render(s, req, "reflections/team", std::move(data));
}

}  // namespace solipraxis::web::handlers::reflections
