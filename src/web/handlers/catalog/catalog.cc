// The "Praxis" pages (see catalog.h). Catalog text comes from the data in the request's
// language; labels come from web/i18n (keys "catalog.*"). Everything goes through {{x}}.
#include "web/handlers/catalog/catalog.h"

#include "web/handlers/catalog/catalog_common.h"
#include "web/handlers/catalog/catalog_store.h"
#include "web/i18n.h"
#include "web/page.h"

namespace solipraxis::web::handlers {

namespace {

using namespace catalog_common;

std::string roman(int n) { return cat::roman_numeral(n); }

std::string fmt(const Services& s, const Request& req, std::string_view key,
                const std::map<std::string, std::string, std::less<>>& args) {
  return format_message(tr(s, req, key), args);
}

mstch::array texts(const std::vector<cat::Text>& v, cat::Lang lang) {
  mstch::array out;
  for (const cat::Text& t : v) out.push_back(t.get(lang));
  return out;
}

std::string source_line(const Services& s, const Request& req, const cat::Source& src) {
  if (!src.from_paper()) return tr(s, req, "catalog.source_added");
  return fmt(s, req, "catalog.source", {{"page", std::to_string(src.page)}});
}

// Common data of every Praxis page: version, attribution, the phase navigation.
mstch::map base(const Services& s, const Request& req, const cat::Catalog& c,
                const std::string& title, int current_phase) {
  cat::Lang lang = lang_of(req);
  mstch::array phases;
  for (const cat::Phase& p : c.phases)
    phases.push_back(mstch::map{{"number", p.number},
                                {"roman", roman(p.number)},
                                {"title", p.title.get(lang)},
                                {"url", "/praxis/phase/" + std::to_string(p.number)},
                                {"current", p.number == current_phase}});
  return mstch::map{
      {"title", title},
      {"nav_phases", phases},
      {"attribution", c.attribution.get(lang)},
      {"version_line", fmt(s, req, "catalog.version", {{"n", std::to_string(c.version)}})},
  };
}

Response unavailable(Services& s, Request& req) {
  return error_response(s, req, 503, "error.catalog.unavailable");
}

mstch::map entry_view(const Services& s, const Request& req, const cat::Entry& e) {
  cat::Lang lang = lang_of(req);
  mstch::map m{{"id", e.id},
               {"title", e.title.get(lang)},
               {"text", e.text.get(lang)},
               {"source", source_line(s, req, e.source)},
               {"added", !e.source.from_paper()}};
  if (e.kind == cat::Kind::kResource) {
    m.emplace("category", e.category.get(lang));
    m.emplace("url", e.url);
    m.emplace("has_url", !e.url.empty());
  }
  if (e.kind == cat::Kind::kBox) {
    m.emplace("author", e.author);
    m.emplace("has_author", !e.author.empty());
    m.emplace("paragraphs", texts(e.paragraphs, lang));
    mstch::array items;
    for (const cat::BoxItem& b : e.items)
      items.push_back(mstch::map{{"title", b.title.get(lang)}, {"text", b.text.get(lang)}});
    m.emplace("has_items", !items.empty());
    m.emplace("items", items);
  }
  return m;
}

mstch::array entries_view(const Services& s, const Request& req,
                          const std::vector<const cat::Entry*>& v) {
  mstch::array out;
  for (const cat::Entry* e : v) out.push_back(entry_view(s, req, *e));
  return out;
}

std::string minutes_text(const Services& s, const Request& req, const cat::Minutes& m) {
  if (m.max == 0) return {};
  if (m.min == m.max) return fmt(s, req, "catalog.methods.minutes", {{"n", std::to_string(m.min)}});
  return fmt(s, req, "catalog.methods.minutes_range",
             {{"min", std::to_string(m.min)}, {"max", std::to_string(m.max)}});
}

mstch::array options_view(const std::vector<cat::Option>& v, cat::Lang lang) {
  mstch::array out;
  for (const cat::Option& o : v) out.push_back(mstch::map{{"id", o.id}, {"label", o.label.get(lang)}});
  return out;
}

mstch::map method_view(const Services& s, const Request& req, const cat::Catalog& c,
                       const cat::Method& m) {
  cat::Lang lang = lang_of(req);
  mstch::array facts;
  for (auto [key, t] : {std::pair{"catalog.methods.goal", &m.goal},
                        std::pair{"catalog.methods.audience", &m.audience},
                        std::pair{"catalog.methods.participants", &m.participants},
                        std::pair{"catalog.methods.duration", &m.duration},
                        std::pair{"catalog.methods.prerequisite", &m.prerequisite},
                        std::pair{"catalog.methods.preparation", &m.preparation}})
    if (!t->empty()) facts.push_back(mstch::map{{"label", tr(s, req, key)}, {"value", t->get(lang)}});
  mstch::array steps;
  for (const cat::Step& st : m.steps) {
    mstch::array prompts;
    for (const cat::Prompt& p : st.prompts)
      prompts.push_back(mstch::map{{"id", p.id},
                                   {"text", p.text.get(lang)},
                                   {"hint", p.hint.get(lang)},
                                   {"has_hint", !p.hint.empty()}});
    std::string note = st.note.get(lang);
    if (st.stage == 2)
      note = fmt(s, req, "catalog.methods.followup", {{"n", std::to_string(m.followup_after_days)}}) +
             (note.empty() ? "" : " " + note);
    steps.push_back(mstch::map{{"id", st.id},
                               {"title", st.title.get(lang)},
                               {"duration", minutes_text(s, req, st.duration)},
                               {"has_duration", st.duration.max > 0},
                               {"optional", st.optional},
                               {"note", note},
                               {"has_note", !note.empty()},
                               {"prompts", prompts},
                               {"has_prompts", !prompts.empty()},
                               {"options", options_view(st.options, lang)},
                               {"has_options", !st.options.empty()}});
  }
  mstch::map view{{"id", m.id},
                  {"title", m.title.get(lang)},
                  {"context", m.context.get(lang)},
                  {"intro", m.intro.get(lang)},
                  {"note", m.note.get(lang)},
                  {"credit", m.credit.get(lang)},
                  {"facts", facts},
                  {"has_facts", !facts.empty()},
                  {"template_title", std::string()},
                  {"has_matrix", false},
                  {"steps", steps},
                  {"has_steps", !m.steps.empty()},
                  {"attributes", options_view(m.attributes, lang)},
                  {"has_attributes", !m.attributes.empty()},
                  {"source", source_line(s, req, m.source)}};
  if (const cat::Method* t = c.method(m.template_id)) {
    view["template_title"] = t->title.get(lang);
    view.emplace("template_url", "#" + t->id);
  }
  // The risk matrix as a table: rows likelihood (high first), columns impact.
  if (m.scales.size() == 2) {
    const cat::Scale& rows = m.scales[0];
    const cat::Scale& cols = m.scales[1];
    mstch::array body;
    for (auto it = rows.levels.rbegin(); it != rows.levels.rend(); ++it) {
      mstch::array cells;
      for (const cat::Option& col : cols.levels)
        cells.push_back(mstch::map{{"level", col.id}});
      body.push_back(mstch::map{{"label", it->label.get(lang)}, {"cells", cells}});
    }
    view.emplace("matrix", mstch::map{{"rows_label", rows.label.get(lang)},
                                      {"cols_label", cols.label.get(lang)},
                                      {"cols", options_view(cols.levels, lang)},
                                      {"rows", body}});
    view["has_matrix"] = true;
  }
  return view;
}

}  // namespace

Response praxis_overview(Services& s, Request& req) {
  if (!s.catalog) return unavailable(s, req);
  const cat::Catalog& c = s.catalog->current();
  cat::Lang lang = lang_of(req);
  mstch::map data = base(s, req, c, tr(s, req, "catalog.title"), 0);
  mstch::array phases;
  for (const cat::Phase& p : c.phases) {
    const std::string n = std::to_string(p.number);
    phases.push_back(mstch::map{
        {"number", p.number},
        {"roman", roman(p.number)},
        {"title", p.title.get(lang)},
        {"lead_question", p.lead_question.get(lang)},
        {"summary", p.description.empty() ? std::string() : p.description.front().get(lang)},
        {"url", "/praxis/phase/" + n},
        {"counts", fmt(s, req, "catalog.phase.counts",
                       {{"questions", std::to_string(c.questions_of(p.number).size())},
                        {"approaches", std::to_string(c.approaches_of(p.number).size())},
                        {"resources", std::to_string(c.resources_of(p.number).size())}})}});
  }
  data.emplace("phases", phases);
  return render(s, req, "pages/praxis", std::move(data));
}

Response praxis_phase(Services& s, Request& req) {
  if (!s.catalog) return unavailable(s, req);
  const cat::Catalog& c = s.catalog->current();
  const std::string n = req.param("n");
  const cat::Phase* p = nullptr;
  for (const cat::Phase& ph : c.phases)
    if (std::to_string(ph.number) == n) p = &ph;
  if (!p) return error_response(s, req, 404, "error.catalog.unknown_phase");
  cat::Lang lang = lang_of(req);
  mstch::map data = base(s, req, c, p->title.get(lang), p->number);
  data.emplace("roman", roman(p->number));
  data.emplace("phase_title", p->title.get(lang));
  data.emplace("lead_question", p->lead_question.get(lang));
  data.emplace("description", texts(p->description, lang));
  data.emplace("phase_source", source_line(s, req, p->source));

  // Questions, in lists where the paper has several (phase III: 1 and 2).
  std::vector<const cat::Entry*> qs = c.questions_of(p->number);
  mstch::array lists;
  int max_list = 0;
  for (const cat::Entry* q : qs) max_list = std::max(max_list, q->list);
  for (int l = (max_list ? 1 : 0); l <= max_list; ++l) {
    std::vector<const cat::Entry*> in;
    for (const cat::Entry* q : qs)
      if (q->list == l) in.push_back(q);
    lists.push_back(mstch::map{
        {"heading", max_list ? fmt(s, req, "catalog.questions.list", {{"n", std::to_string(l)}})
                             : std::string()},
        {"has_heading", max_list > 0},
        {"questions", entries_view(s, req, in)}});
  }
  data.emplace("question_lists", lists);
  data.emplace("approaches", entries_view(s, req, c.approaches_of(p->number)));
  mstch::array resources = entries_view(s, req, c.resources_of(p->number));
  data.emplace("has_resources", !resources.empty());
  data.emplace("resources", resources);
  mstch::array boxes = entries_view(s, req, c.boxes_of(p->number));
  data.emplace("has_boxes", !boxes.empty());
  data.emplace("boxes", boxes);
  mstch::array methods;
  for (const cat::Method* m : c.methods_of(p->number))
    methods.push_back(mstch::map{{"title", m->title.get(lang)}, {"url", "/praxis/methods#" + m->id}});
  data.emplace("has_methods", !methods.empty());
  data.emplace("methods", methods);
  if (const cat::Phase* prev = c.phase_by_number(p->number - 1))
    data.emplace("prev", mstch::map{{"url", "/praxis/phase/" + std::to_string(prev->number)},
                                    {"title", prev->title.get(lang)}});
  if (const cat::Phase* next = c.phase_by_number(p->number + 1))
    data.emplace("next", mstch::map{{"url", "/praxis/phase/" + std::to_string(next->number)},
                                    {"title", next->title.get(lang)}});
  return render(s, req, "pages/praxis_phase", std::move(data));
}

Response praxis_principles(Services& s, Request& req) {
  if (!s.catalog) return unavailable(s, req);
  const cat::Catalog& c = s.catalog->current();
  cat::Lang lang = lang_of(req);
  mstch::map data = base(s, req, c, tr(s, req, "catalog.principles.title"), 0);
  mstch::array list;
  for (const cat::Principle& p : c.principles)
    list.push_back(mstch::map{{"id", p.id},
                              {"number", p.number},
                              {"name", p.name.get(lang)},
                              {"explanation", p.explanation.get(lang)}});
  data.emplace("principles", list);
  return render(s, req, "pages/praxis_principles", std::move(data));
}

Response praxis_methods(Services& s, Request& req) {
  if (!s.catalog) return unavailable(s, req);
  const cat::Catalog& c = s.catalog->current();
  mstch::map data = base(s, req, c, tr(s, req, "catalog.methods.title"), 0);
  mstch::array list;
  for (const cat::Method& m : c.methods) list.push_back(method_view(s, req, c, m));
  data.emplace("methods", list);
  return render(s, req, "pages/praxis_methods", std::move(data));
}

Response praxis_search(Services& s, Request& req) {
  if (!s.catalog) return unavailable(s, req);
  const cat::Catalog& c = s.catalog->current();
  cat::Lang lang = lang_of(req);
  Filters f;
  std::string key;
  if (!parse_filters(c, req, f, key)) return error_response(s, req, 400, key);
  const std::string q = req.query.value("q");
  mstch::map data = base(s, req, c, tr(s, req, "catalog.search.title"), 0);
  data.emplace("q", q);
  data.emplace("hide_nav_search", true);
  mstch::array phase_opts;
  for (const cat::Phase& p : c.phases)
    phase_opts.push_back(mstch::map{{"value", std::to_string(p.number)},
                                    {"label", roman(p.number) + " " + p.title.get(lang)},
                                    {"selected", f.phase == p.number}});
  data.emplace("phase_options", phase_opts);
  mstch::array kind_opts;
  for (cat::Kind k : {cat::Kind::kQuestion, cat::Kind::kApproach, cat::Kind::kResource,
                      cat::Kind::kBox, cat::Kind::kPrinciple, cat::Kind::kMethod})
    kind_opts.push_back(mstch::map{{"value", std::string(cat::kind_name(k))},
                                   {"label", tr(s, req, std::string("catalog.kind.") + cat::kind_name(k))},
                                   {"selected", f.has_kind && f.kind == k}});
  data.emplace("kind_options", kind_opts);
  bool searched = q.find_first_not_of(" \t") != std::string::npos;
  data.emplace("searched", searched);
  if (searched) {
    auto found = catalog_store::search(s.store, *s.catalog, c, store_query(req, q, f));
    if (!found) return error_response(s, req, found.error());
    data.emplace("results", result_views(s, req, *found, q, ""));
    data.emplace("has_results", !found->empty());
    data.emplace("summary", fmt(s, req, "catalog.search.results",
                                {{"n", std::to_string(found->size())}, {"q", q}}));
  }
  return render(s, req, "pages/praxis_search", std::move(data));
}

}  // namespace solipraxis::web::handlers
