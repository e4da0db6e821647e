// JSON -> Catalog. The schema is documented in data/catalog/README.md; unknown keys are
// rejected so that a typo in a hand-edited file ("principels") fails loudly at start.
#include "catalog/parse.h"

#include <initializer_list>
#include <utility>

#include <nlohmann/json.hpp>

namespace solipraxis::catalog {

namespace {

using nlohmann::json;

constexpr size_t kMaxReported = 5;

// Collects errors with their location; the first few become one Error.
class Parser {
 public:
  explicit Parser(std::string label) : label_(std::move(label)) {}

  void at(std::string file, std::string id = {}) {
    file_ = std::move(file);
    id_ = std::move(id);
  }
  void set_id(std::string id) { id_ = std::move(id); }
  const std::string& id() const { return id_; }

  void fail(const std::string& message) {
    std::string where = label_.empty() ? file_ : label_ + "/" + file_;
    errors_.push_back(where + ": " + (id_.empty() ? "" : id_ + ": ") + message);
  }
  bool ok() const { return errors_.empty(); }

  core::Error error() const {
    std::string detail;
    for (size_t i = 0; i < errors_.size() && i < kMaxReported; ++i) {
      if (i) detail += "; ";
      detail += errors_[i];
    }
    if (errors_.size() > kMaxReported)
      detail += "; and " + std::to_string(errors_.size() - kMaxReported) + " more";
    return core::make_error(core::ErrorCode::kInvalidInput, "error.catalog.invalid", detail);
  }

  // Rejects keys outside `allowed` (a typo would otherwise silently drop data).
  void keys(const json& o, std::initializer_list<const char*> allowed) {
    for (auto it = o.begin(); it != o.end(); ++it) {
      bool known = false;
      for (const char* k : allowed) known = known || it.key() == k;
      if (!known) fail("unknown field \"" + it.key() + "\"");
    }
  }

  const json* field(const json& o, const char* key, bool required) {
    auto it = o.find(key);
    if (it == o.end() || it->is_null()) {
      if (required) fail(std::string(key) + " is missing");
      return nullptr;
    }
    return &*it;
  }

  std::string str(const json& o, const char* key, bool required = true) {
    const json* v = field(o, key, required);
    if (!v) return {};
    if (!v->is_string()) {
      fail(std::string(key) + " must be a string");
      return {};
    }
    std::string s = v->get<std::string>();
    if (required && s.empty()) fail(std::string(key) + " is empty");
    return s;
  }

  int integer(const json& o, const char* key, bool required = true) {
    const json* v = field(o, key, required);
    if (!v) return 0;
    if (!v->is_number_integer()) {
      fail(std::string(key) + " must be an integer");
      return 0;
    }
    return v->get<int>();
  }

  bool boolean(const json& o, const char* key) {
    const json* v = field(o, key, false);
    if (!v) return false;
    if (!v->is_boolean()) {
      fail(std::string(key) + " must be true or false");
      return false;
    }
    return v->get<bool>();
  }

  // {"de": "...", "en": "..."}; both must be non-empty strings when the field is present.
  Text text(const json& o, const char* key, bool required = true) {
    const json* v = field(o, key, required);
    if (!v) return {};
    return text_value(*v, key);
  }

  Text text_value(const json& v, const std::string& what) {
    Text t;
    if (!v.is_object()) {
      fail(what + " must be an object with \"de\" and \"en\"");
      return t;
    }
    keys(v, {"de", "en"});
    for (auto [lang, dst] : {std::pair{"de", &t.de}, std::pair{"en", &t.en}}) {
      auto it = v.find(lang);
      if (it == v.end() || !it->is_string() || it->get<std::string>().empty()) {
        fail(what + "." + lang + " is missing");
        continue;
      }
      *dst = it->get<std::string>();
    }
    return t;
  }

  const json* array(const json& o, const char* key, bool required = false) {
    const json* v = field(o, key, required);
    if (v && !v->is_array()) {
      fail(std::string(key) + " must be an array");
      return nullptr;
    }
    return v;
  }

  std::vector<std::string> strings(const json& o, const char* key) {
    std::vector<std::string> out;
    const json* a = array(o, key);
    if (!a) return out;
    for (const json& v : *a) {
      if (v.is_string()) out.push_back(v.get<std::string>());
      else fail(std::string(key) + " must hold strings");
    }
    return out;
  }

  std::vector<Text> texts(const json& o, const char* key, bool required) {
    std::vector<Text> out;
    const json* a = array(o, key, required);
    if (!a) return out;
    for (size_t i = 0; i < a->size(); ++i)
      out.push_back(text_value((*a)[i], std::string(key) + "[" + std::to_string(i) + "]"));
    if (required && out.empty()) fail(std::string(key) + " is empty");
    return out;
  }

  Source source(const json& o) {
    Source s;
    const json* v = field(o, "source", true);
    if (!v) return s;
    if (!v->is_object()) {
      fail("source must be an object");
      return s;
    }
    keys(*v, {"origin", "section", "page", "page_end", "note"});
    if (const std::string o = str(*v, "origin", false); !o.empty()) s.origin = o;
    s.section = str(*v, "section");
    s.note = str(*v, "note", false);
    if (s.origin == "solipraxis") {
      // Added by solipraxis, not from the paper: no page, and the note says where it is from.
      if (v->contains("page")) fail("source.page must be absent when origin is solipraxis");
      if (s.note.empty()) fail("source.note is required when origin is solipraxis");
      return s;
    }
    if (s.origin != "paper") fail("source.origin must be paper or solipraxis");
    s.page = integer(*v, "page");
    s.page_end = integer(*v, "page_end", false);
    if (s.page <= 0) fail("source.page must be positive");
    return s;
  }

  std::vector<Reference> references(const json& o) {
    std::vector<Reference> out;
    const json* a = array(o, "references");
    if (!a) return out;
    for (const json& r : *a) {
      if (!r.is_object()) {
        fail("references must hold objects");
        continue;
      }
      keys(r, {"note", "text", "url"});
      out.push_back(Reference{integer(r, "note", false), str(r, "text"), str(r, "url", false)});
    }
    return out;
  }

  Option option(const json& o, const char* label_key) {
    Option opt;
    if (!o.is_object()) {
      fail("options must be objects");
      return opt;
    }
    keys(o, {"id", label_key, "related"});
    opt.id = str(o, "id");
    opt.label = text(o, label_key);
    opt.related = strings(o, "related");
    return opt;
  }

  std::vector<Option> options(const json& o, const char* key, const char* label_key = "label") {
    std::vector<Option> out;
    const json* a = array(o, key);
    if (!a) return out;
    for (const json& v : *a) out.push_back(option(v, label_key));
    return out;
  }

  Minutes minutes(const json& o, const char* key) {
    Minutes m;
    const json* v = field(o, key, false);
    if (!v) return m;
    if (!v->is_object()) {
      fail(std::string(key) + " must be {\"min\", \"max\"}");
      return m;
    }
    keys(*v, {"min", "max"});
    m.min = integer(*v, "min");
    m.max = integer(*v, "max");
    if (m.min <= 0 || m.max < m.min) fail(std::string(key) + " needs 0 < min <= max");
    return m;
  }

 private:
  std::string label_;
  std::string file_;
  std::string id_;
  std::vector<std::string> errors_;
};

// Parses `file`, which must be an object holding the array `key`; calls each(element).
template <typename F>
void for_each_in(Parser& p, const VersionFiles& files, const char* file, const char* key, F each) {
  p.at(file);
  auto it = files.find(file);
  if (it == files.end()) {
    p.fail("file is missing");
    return;
  }
  json doc;
  try {
    doc = json::parse(it->second);
  } catch (const json::parse_error& e) {
    p.fail(std::string("malformed JSON: ") + e.what());
    return;
  }
  if (!doc.is_object() || !doc.contains(key) || !doc[key].is_array()) {
    p.fail(std::string("expected an object with the array \"") + key + "\"");
    return;
  }
  p.keys(doc, {key});
  for (const json& e : doc[key]) {
    p.at(file);
    if (!e.is_object()) {
      p.fail("every element must be an object");
      continue;
    }
    if (auto id = e.find("id"); id != e.end() && id->is_string()) p.set_id(id->get<std::string>());
    each(e);
  }
}

Entry entry_common(Parser& p, const json& e, Kind kind) {
  Entry out;
  out.kind = kind;
  out.id = p.str(e, "id");
  out.phase_id = p.str(e, "phase");
  out.principles = p.strings(e, "principles");
  out.references = p.references(e);
  out.source = p.source(e);
  return out;
}

void parse_header(Parser& p, const VersionFiles& files, Catalog& c) {
  p.at("catalog.json");
  auto it = files.find("catalog.json");
  if (it == files.end()) return p.fail("file is missing");
  json doc;
  try {
    doc = json::parse(it->second);
  } catch (const json::parse_error& e) {
    return p.fail(std::string("malformed JSON: ") + e.what());
  }
  if (!doc.is_object()) return p.fail("expected an object");
  p.keys(doc, {"version", "released", "title", "source", "attribution"});
  c.version = p.integer(doc, "version");
  if (c.version <= 0) p.fail("version must be a positive integer");
  c.released = p.str(doc, "released", false);
  c.title = p.text(doc, "title");
  c.attribution = p.text(doc, "attribution");
  if (const json* s = p.field(doc, "source", true); s && s->is_object()) {
    p.keys(*s, {"title", "type", "series", "publisher", "date", "url"});
    c.paper = PaperSource{p.str(*s, "title"), p.str(*s, "type", false), p.str(*s, "series", false),
                          p.str(*s, "publisher"), p.str(*s, "date"), p.str(*s, "url", false)};
  }
}

Step parse_step(Parser& p, const json& s) {
  Step st;
  if (!s.is_object()) {
    p.fail("steps must be objects");
    return st;
  }
  p.keys(s, {"id", "title", "duration_minutes", "stage", "optional", "note", "prompts", "options",
             "related"});
  st.id = p.str(s, "id");
  st.title = p.text(s, "title");
  st.duration = p.minutes(s, "duration_minutes");
  st.stage = p.field(s, "stage", false) ? p.integer(s, "stage") : 1;
  st.optional = p.boolean(s, "optional");
  st.note = p.text(s, "note", false);
  st.options = p.options(s, "options");
  st.related = p.strings(s, "related");
  if (const json* a = p.array(s, "prompts")) {
    for (const json& q : *a) {
      if (!q.is_object()) {
        p.fail("prompts must be objects");
        continue;
      }
      p.keys(q, {"id", "text", "hint", "choices"});
      st.prompts.push_back(
          Prompt{p.str(q, "id"), p.text(q, "text"), p.text(q, "hint", false), p.options(q, "choices")});
    }
  }
  return st;
}

Method parse_method(Parser& p, const json& m) {
  p.keys(m, {"id", "type", "phases", "title", "context", "goal", "intro", "audience",
             "participants", "duration", "duration_minutes", "prerequisite", "preparation", "note",
             "credit", "template", "followup_after_days", "steps", "scales", "attributes",
             "related", "source"});
  Method out;
  out.id = p.str(m, "id");
  out.type = p.str(m, "type");
  out.phase_ids = p.strings(m, "phases");
  out.title = p.text(m, "title");
  for (auto [key, dst] : {std::pair{"context", &out.context}, std::pair{"goal", &out.goal},
                          std::pair{"intro", &out.intro}, std::pair{"audience", &out.audience},
                          std::pair{"participants", &out.participants},
                          std::pair{"duration", &out.duration},
                          std::pair{"prerequisite", &out.prerequisite},
                          std::pair{"preparation", &out.preparation}, std::pair{"note", &out.note},
                          std::pair{"credit", &out.credit}})
    *dst = p.text(m, key, false);
  out.duration_minutes = p.minutes(m, "duration_minutes");
  out.template_id = p.str(m, "template", false);
  out.followup_after_days = p.integer(m, "followup_after_days", false);
  if (const json* a = p.array(m, "steps", true))
    for (const json& s : *a) out.steps.push_back(parse_step(p, s));
  if (const json* a = p.array(m, "scales")) {
    for (const json& s : *a) {
      if (!s.is_object()) {
        p.fail("scales must be objects");
        continue;
      }
      p.keys(s, {"id", "label", "levels"});
      out.scales.push_back(Scale{p.str(s, "id"), p.text(s, "label"), p.options(s, "levels")});
    }
  }
  out.attributes = p.options(m, "attributes");
  out.related = p.strings(m, "related");
  out.source = p.source(m);
  if (out.goal.empty() && out.intro.empty()) p.fail("a method needs a goal or an intro");
  return out;
}

void parse_body(Parser& p, const VersionFiles& files, Catalog& c) {
  for_each_in(p, files, "phases.json", "phases", [&](const json& e) {
    p.keys(e, {"id", "number", "title", "lead_question", "description", "source"});
    c.phases.push_back(Phase{p.str(e, "id"), p.integer(e, "number"), p.text(e, "title"),
                             p.text(e, "lead_question"), p.texts(e, "description", true),
                             p.source(e)});
  });
  for_each_in(p, files, "questions.json", "questions", [&](const json& e) {
    p.keys(e, {"id", "phase", "list", "text", "principles", "references", "source"});
    Entry q = entry_common(p, e, Kind::kQuestion);
    q.list = p.integer(e, "list", false);
    q.text = p.text(e, "text");
    c.questions.push_back(std::move(q));
  });
  for_each_in(p, files, "approaches.json", "approaches", [&](const json& e) {
    p.keys(e, {"id", "phase", "title", "text", "principles", "references", "source"});
    Entry a = entry_common(p, e, Kind::kApproach);
    a.title = p.text(e, "title");
    a.text = p.text(e, "text");
    c.approaches.push_back(std::move(a));
  });
  for_each_in(p, files, "resources.json", "resources", [&](const json& e) {
    p.keys(e, {"id", "phase", "category", "name", "description", "link_label", "url",
               "shared_row", "principles", "references", "source"});
    Entry r = entry_common(p, e, Kind::kResource);
    r.category = p.text(e, "category");
    r.title = p.text(e, "name");
    r.text = p.text(e, "description");
    r.link_label = p.text(e, "link_label", false);
    r.url = p.str(e, "url", false);
    r.shared_row = p.boolean(e, "shared_row");
    c.resources.push_back(std::move(r));
  });
  for_each_in(p, files, "boxes.json", "boxes", [&](const json& e) {
    p.keys(e, {"id", "phase", "title", "author", "paragraphs", "items", "principles",
               "references", "source"});
    Entry b = entry_common(p, e, Kind::kBox);
    b.title = p.text(e, "title");
    b.author = p.str(e, "author", false);
    b.paragraphs = p.texts(e, "paragraphs", true);
    if (const json* a = p.array(e, "items")) {
      for (const json& it : *a) {
        if (!it.is_object()) {
          p.fail("items must be objects");
          continue;
        }
        p.keys(it, {"title", "text"});
        b.items.push_back(BoxItem{p.text(it, "title"), p.text(it, "text")});
      }
    }
    for (const Text& para : b.paragraphs) {
      for (auto [src, dst] : {std::pair{&para.de, &b.text.de}, std::pair{&para.en, &b.text.en}}) {
        if (!dst->empty()) *dst += "\n\n";
        *dst += *src;
      }
    }
    c.boxes.push_back(std::move(b));
  });
  for_each_in(p, files, "principles.json", "principles", [&](const json& e) {
    p.keys(e, {"id", "number", "name", "explanation", "source"});
    c.principles.push_back(Principle{p.str(e, "id"), p.integer(e, "number"), p.text(e, "name"),
                                     p.text(e, "explanation"), p.source(e)});
  });
  for_each_in(p, files, "methods.json", "methods",
              [&](const json& e) { c.methods.push_back(parse_method(p, e)); });
}

}  // namespace

core::Result<Catalog> parse_catalog(const VersionFiles& files, std::string_view label) {
  Parser p{std::string(label)};
  Catalog c;
  parse_header(p, files, c);
  parse_body(p, files, c);
  if (!p.ok()) return p.error();
  // Phase numbers for quick filtering; dangling phase ids are reported by validate_catalog().
  for (auto* list : {&c.questions, &c.approaches, &c.resources, &c.boxes})
    for (Entry& e : *list)
      if (const Phase* ph = c.phase(e.phase_id)) e.phase = ph->number;
  for (Method& m : c.methods)
    for (const std::string& id : m.phase_ids)
      if (const Phase* ph = c.phase(id)) m.phases.push_back(ph->number);
  if (auto st = validate_catalog(c, label); !st) return st.error();
  c.build_index();
  return c;
}

}  // namespace solipraxis::catalog
