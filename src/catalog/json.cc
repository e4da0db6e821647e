#include "catalog/json.h"

namespace solipraxis::catalog {

namespace {

using nlohmann::json;

json text(const Text& t) { return json{{"de", t.de}, {"en", t.en}}; }

void put(json& o, const char* key, const Text& t) {
  if (!t.empty()) o[key] = text(t);
}

json texts(const std::vector<Text>& v) {
  json a = json::array();
  for (const Text& t : v) a.push_back(text(t));
  return a;
}

json source(const Source& s) {
  if (!s.from_paper()) return json{{"origin", s.origin}, {"section", s.section}, {"note", s.note}};
  json o{{"section", s.section}, {"page", s.page}};
  if (s.page_end) o["page_end"] = s.page_end;
  if (!s.note.empty()) o["note"] = s.note;
  return o;
}

json options(const std::vector<Option>& v, const char* label_key = "label") {
  json a = json::array();
  for (const Option& o : v) {
    json j{{"id", o.id}, {label_key, text(o.label)}};
    if (!o.related.empty()) j["related"] = o.related;
    a.push_back(std::move(j));
  }
  return a;
}

json phase(const Phase& p) {
  return json{{"id", p.id},
              {"number", p.number},
              {"title", text(p.title)},
              {"lead_question", text(p.lead_question)},
              {"description", texts(p.description)},
              {"source", source(p.source)}};
}

json entry(const Entry& e) {
  json o{{"id", e.id}, {"phase", e.phase_id}};
  switch (e.kind) {
    case Kind::kQuestion:
      if (e.list) o["list"] = e.list;
      o["text"] = text(e.text);
      break;
    case Kind::kApproach:
      o["title"] = text(e.title);
      o["text"] = text(e.text);
      break;
    case Kind::kResource:
      o["category"] = text(e.category);
      o["name"] = text(e.title);
      o["description"] = text(e.text);
      put(o, "link_label", e.link_label);
      o["url"] = e.url;
      if (e.shared_row) o["shared_row"] = true;
      break;
    case Kind::kBox: {
      o["title"] = text(e.title);
      o["author"] = e.author;
      o["paragraphs"] = texts(e.paragraphs);
      if (!e.items.empty()) {
        json items = json::array();
        for (const BoxItem& b : e.items)
          items.push_back(json{{"title", text(b.title)}, {"text", text(b.text)}});
        o["items"] = std::move(items);
      }
      break;
    }
    default:
      break;
  }
  o["principles"] = e.principles;
  if (!e.references.empty()) {
    json refs = json::array();
    for (const Reference& r : e.references)
      refs.push_back(json{{"note", r.note}, {"text", r.text}, {"url", r.url}});
    o["references"] = std::move(refs);
  }
  o["source"] = source(e.source);
  return o;
}

json principle(const Principle& p) {
  return json{{"id", p.id},
              {"number", p.number},
              {"name", text(p.name)},
              {"explanation", text(p.explanation)},
              {"source", source(p.source)}};
}

json minutes(const Minutes& m) { return json{{"min", m.min}, {"max", m.max}}; }

json step(const Step& s) {
  json o{{"id", s.id}, {"title", text(s.title)}};
  if (s.duration.max) o["duration_minutes"] = minutes(s.duration);
  if (s.stage != 1) o["stage"] = s.stage;
  if (s.optional) o["optional"] = true;
  put(o, "note", s.note);
  json prompts = json::array();
  for (const Prompt& p : s.prompts) {
    json j{{"id", p.id}, {"text", text(p.text)}};
    put(j, "hint", p.hint);
    if (!p.choices.empty()) j["choices"] = options(p.choices);
    prompts.push_back(std::move(j));
  }
  o["prompts"] = std::move(prompts);
  if (!s.options.empty()) o["options"] = options(s.options);
  if (!s.related.empty()) o["related"] = s.related;
  return o;
}

json method(const Method& m) {
  json o{{"id", m.id}, {"type", m.type}, {"phases", m.phase_ids}, {"title", text(m.title)}};
  for (auto [key, t] : {std::pair{"context", &m.context}, std::pair{"goal", &m.goal},
                        std::pair{"intro", &m.intro}, std::pair{"audience", &m.audience},
                        std::pair{"participants", &m.participants},
                        std::pair{"duration", &m.duration},
                        std::pair{"prerequisite", &m.prerequisite},
                        std::pair{"preparation", &m.preparation}, std::pair{"note", &m.note},
                        std::pair{"credit", &m.credit}})
    put(o, key, *t);
  if (m.duration_minutes.max) o["duration_minutes"] = minutes(m.duration_minutes);
  if (!m.template_id.empty()) o["template"] = m.template_id;
  if (m.followup_after_days) o["followup_after_days"] = m.followup_after_days;
  json steps = json::array();
  for (const Step& s : m.steps) steps.push_back(step(s));
  o["steps"] = std::move(steps);
  if (!m.scales.empty()) {
    json scales = json::array();
    for (const Scale& s : m.scales)
      scales.push_back(json{{"id", s.id}, {"label", text(s.label)}, {"levels", options(s.levels)}});
    o["scales"] = std::move(scales);
  }
  if (!m.attributes.empty()) o["attributes"] = options(m.attributes);
  if (!m.related.empty()) o["related"] = m.related;
  o["source"] = source(m.source);
  return o;
}

template <typename T, typename F>
json all(const std::vector<T>& v, F f) {
  json a = json::array();
  for (const T& x : v) a.push_back(f(x));
  return a;
}

}  // namespace

json catalog_json(const Catalog& c) {
  return json{{"version", c.version},
              {"released", c.released},
              {"title", text(c.title)},
              {"attribution", text(c.attribution)},
              {"source",
               {{"title", c.paper.title},
                {"type", c.paper.type},
                {"series", c.paper.series},
                {"publisher", c.paper.publisher},
                {"date", c.paper.date},
                {"url", c.paper.url}}},
              {"phases", all(c.phases, phase)},
              {"questions", all(c.questions, entry)},
              {"approaches", all(c.approaches, entry)},
              {"resources", all(c.resources, entry)},
              {"boxes", all(c.boxes, entry)},
              {"principles", all(c.principles, principle)},
              {"methods", all(c.methods, method)}};
}

json detail_json(const Catalog& c, std::string_view id) {
  const Item* it = c.find(id);
  if (!it) return nullptr;
  json o;
  switch (it->kind) {
    case Kind::kPhase: o = phase(*c.phase(id)); break;
    case Kind::kPrinciple: o = principle(*c.principle(id)); break;
    case Kind::kMethod: o = method(*c.method(id)); break;
    default: o = entry(*c.entry(id)); break;
  }
  o["kind"] = kind_name(it->kind);
  o["version"] = c.version;
  return o;
}

json item_json(const Item& item, Lang lang) {
  json o{{"id", item.id}, {"kind", kind_name(item.kind)}};
  o["phase"] = item.phases.empty() ? json(nullptr) : json(item.phases.front());
  o["phases"] = item.phases;
  if (!item.title.empty()) o["title"] = item.title.get(lang);
  o["text"] = item.text.get(lang);
  return o;
}

}  // namespace solipraxis::catalog
