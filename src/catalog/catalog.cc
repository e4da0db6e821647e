#include "catalog/catalog.h"

#include <algorithm>

namespace solipraxis::catalog {

namespace {

struct KindName {
  Kind kind;
  const char* name;
};
constexpr KindName kKindNames[] = {
    {Kind::kPhase, "phase"},   {Kind::kQuestion, "question"},   {Kind::kApproach, "approach"},
    {Kind::kResource, "resource"}, {Kind::kBox, "box"}, {Kind::kPrinciple, "principle"},
    {Kind::kMethod, "method"},
};

void append(Text& to, const Text& t) {
  for (Lang lang : {Lang::kDe, Lang::kEn}) {
    const std::string& s = t.get(lang);
    if (s.empty()) continue;
    std::string& dst = lang == Lang::kDe ? to.de : to.en;
    if (!dst.empty()) dst += "\n";
    dst += s;
  }
}

Item item_of(const Entry& e) {
  Item it{e.id, e.kind, {e.phase}, e.title, e.text, {}};
  append(it.body, e.category);
  for (const BoxItem& b : e.items) {
    append(it.body, b.title);
    append(it.body, b.text);
  }
  return it;
}

Item item_of(const Method& m) {
  Item it{m.id, Kind::kMethod, m.phases, m.title, {}, {}};
  it.text = !m.goal.empty() ? m.goal : m.intro;
  for (const Text* t : {&m.context, &m.intro, &m.audience, &m.preparation, &m.prerequisite})
    if (t != &it.text) append(it.body, *t);
  for (const Step& s : m.steps) {
    append(it.body, s.title);
    for (const Prompt& p : s.prompts) append(it.body, p.text);
    for (const Option& o : s.options) append(it.body, o.label);
  }
  for (const Option& o : m.attributes) append(it.body, o.label);
  for (const Scale& s : m.scales) append(it.body, s.label);
  return it;
}

template <typename T>
const T* find_in(const std::vector<T>& v, std::string_view id) {
  for (const T& x : v)
    if (x.id == id) return &x;
  return nullptr;
}

std::vector<const Entry*> of_phase(const std::vector<Entry>& v, int phase) {
  std::vector<const Entry*> out;
  for (const Entry& e : v)
    if (e.phase == phase) out.push_back(&e);
  return out;
}

}  // namespace

std::string roman_numeral(int n) {
  static const char* const kRoman[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
  return n >= 1 && n <= 9 ? kRoman[n - 1] : std::to_string(n);
}

bool parse_lang(std::string_view s, Lang& out) {
  if (s == "de") out = Lang::kDe;
  else if (s == "en") out = Lang::kEn;
  else return false;
  return true;
}

const char* lang_name(Lang lang) { return lang == Lang::kDe ? "de" : "en"; }

const char* kind_name(Kind kind) {
  for (const KindName& k : kKindNames)
    if (k.kind == kind) return k.name;
  return "?";
}

bool parse_kind(std::string_view s, Kind& out) {
  for (const KindName& k : kKindNames) {
    if (s == k.name) {
      out = k.kind;
      return true;
    }
  }
  return false;
}

void Catalog::build_index() {
  items_.clear();
  item_index_.clear();
  owners_.clear();
  auto add = [&](Item it) {
    item_index_.emplace(it.id, items_.size());
    owners_.emplace(it.id, it.id);
    items_.push_back(std::move(it));
  };
  for (const Phase& p : phases) {
    Item it{p.id, Kind::kPhase, {p.number}, p.title, p.lead_question, {}};
    for (const Text& d : p.description) append(it.body, d);
    add(std::move(it));
  }
  for (const auto* list : {&questions, &approaches, &resources, &boxes})
    for (const Entry& e : *list) add(item_of(e));
  for (const Principle& p : principles) add(Item{p.id, Kind::kPrinciple, {}, p.name, p.explanation, {}});
  for (const Method& m : methods) {
    add(item_of(m));
    auto own = [&](const std::string& id) { owners_.emplace(id, m.id); };
    for (const Step& s : m.steps) {
      own(s.id);
      for (const Prompt& p : s.prompts) {
        own(p.id);
        for (const Option& c : p.choices) own(c.id);
      }
      for (const Option& o : s.options) own(o.id);
    }
    for (const Scale& s : m.scales) {
      own(s.id);
      for (const Option& l : s.levels) own(l.id);
    }
    for (const Option& a : m.attributes) own(a.id);
  }
}

const Item* Catalog::find(std::string_view id) const {
  auto it = item_index_.find(id);
  return it == item_index_.end() ? nullptr : &items_[it->second];
}

const std::string* Catalog::owner_of(std::string_view id) const {
  auto it = owners_.find(id);
  return it == owners_.end() ? nullptr : &it->second;
}

const Phase* Catalog::phase(std::string_view id) const { return find_in(phases, id); }

const Phase* Catalog::phase_by_number(int number) const {
  for (const Phase& p : phases)
    if (p.number == number) return &p;
  return nullptr;
}

int Catalog::phase_number(std::string_view ref) const {
  for (const Phase& p : phases) {
    std::string_view slug = std::string_view(p.id).substr(p.id.find('.') + 1);
    if (ref == std::to_string(p.number) || ref == p.id || ref == slug || ref == roman_numeral(p.number))
      return p.number;
  }
  return 0;
}

const Entry* Catalog::entry(std::string_view id) const {
  for (const auto* list : {&questions, &approaches, &resources, &boxes})
    if (const Entry* e = find_in(*list, id)) return e;
  return nullptr;
}

const Principle* Catalog::principle(std::string_view id) const { return find_in(principles, id); }
const Method* Catalog::method(std::string_view id) const { return find_in(methods, id); }

const Prompt* Catalog::prompt(std::string_view id) const {
  const std::string* owner = owner_of(id);
  const Method* m = owner ? method(*owner) : nullptr;
  if (!m) return nullptr;
  for (const Step& s : m->steps)
    for (const Prompt& p : s.prompts)
      if (p.id == id) return &p;
  return nullptr;
}

std::vector<const Entry*> Catalog::questions_of(int phase) const { return of_phase(questions, phase); }
std::vector<const Entry*> Catalog::approaches_of(int phase) const { return of_phase(approaches, phase); }
std::vector<const Entry*> Catalog::resources_of(int phase) const { return of_phase(resources, phase); }
std::vector<const Entry*> Catalog::boxes_of(int phase) const { return of_phase(boxes, phase); }

std::vector<const Method*> Catalog::methods_of(int phase) const {
  std::vector<const Method*> out;
  for (const Method& m : methods)
    if (std::find(m.phases.begin(), m.phases.end(), phase) != m.phases.end()) out.push_back(&m);
  return out;
}

std::vector<const Item*> Catalog::list(int phase, const Kind* kind) const {
  std::vector<const Item*> out;
  for (const Item& it : items_) {
    if (kind && it.kind != *kind) continue;
    if (phase != 0 && std::find(it.phases.begin(), it.phases.end(), phase) == it.phases.end())
      continue;
    out.push_back(&it);
  }
  return out;
}

std::vector<std::string> Catalog::all_ids() const {
  std::vector<std::string> out;
  for (const Item& it : items_) {
    out.push_back(it.id);
    if (it.kind != Kind::kMethod) continue;
    // nested ids in document order
    const Method* m = method(it.id);
    for (const Step& s : m->steps) {
      out.push_back(s.id);
      for (const Prompt& p : s.prompts) {
        out.push_back(p.id);
        for (const Option& c : p.choices) out.push_back(c.id);
      }
      for (const Option& o : s.options) out.push_back(o.id);
    }
    for (const Scale& s : m->scales) {
      out.push_back(s.id);
      for (const Option& l : s.levels) out.push_back(l.id);
    }
    for (const Option& a : m->attributes) out.push_back(a.id);
  }
  return out;
}

void CatalogSet::add(Catalog catalog) {
  int v = catalog.version;
  versions_.insert_or_assign(v, std::move(catalog));
}

const Catalog* CatalogSet::at(int version) const {
  auto it = versions_.find(version);
  return it == versions_.end() ? nullptr : &it->second;
}

std::vector<int> CatalogSet::versions() const {
  std::vector<int> out;
  for (const auto& [v, c] : versions_) out.push_back(v);
  return out;
}

}  // namespace solipraxis::catalog
