// Cross-checks of a parsed catalog. Field-level checks (types, both languages) happen while
// parsing; here: id uniqueness across all files and nesting levels, references, and the few
// rules that span entries (phase numbers 1..n, principle numbers 1..n).
#include <set>
#include <string>

#include "catalog/parse.h"

namespace solipraxis::catalog {

namespace {

class Checker {
 public:
  Checker(const Catalog& c, std::string_view label) : c_(c), label_(label) {}

  void fail(const char* file, const std::string& id, const std::string& message) {
    if (errors_.size() < 5)
      errors_.push_back(std::string(label_) + "/" + file + ": " + (id.empty() ? "" : id + ": ") +
                        message);
    ++count_;
  }

  void unique(const char* file, const std::string& owner, const std::string& id) {
    if (id.empty()) return;
    if (!ids_.insert(id).second) fail(file, owner, "duplicate id \"" + id + "\"");
  }

  void collect_ids() {
    for (const Phase& p : c_.phases) unique("phases.json", p.id, p.id);
    for (const Entry& e : c_.questions) unique("questions.json", e.id, e.id);
    for (const Entry& e : c_.approaches) unique("approaches.json", e.id, e.id);
    for (const Entry& e : c_.resources) unique("resources.json", e.id, e.id);
    for (const Entry& e : c_.boxes) unique("boxes.json", e.id, e.id);
    for (const Principle& p : c_.principles) unique("principles.json", p.id, p.id);
    for (const Method& m : c_.methods) {
      const char* f = "methods.json";
      unique(f, m.id, m.id);
      for (const Step& s : m.steps) {
        unique(f, m.id, s.id);
        for (const Prompt& p : s.prompts) {
          unique(f, m.id, p.id);
          for (const Option& o : p.choices) unique(f, m.id, o.id);
        }
        for (const Option& o : s.options) unique(f, m.id, o.id);
      }
      for (const Scale& s : m.scales) {
        unique(f, m.id, s.id);
        for (const Option& o : s.levels) unique(f, m.id, o.id);
      }
      for (const Option& o : m.attributes) unique(f, m.id, o.id);
    }
  }

  void phase_ref(const char* file, const std::string& owner, const std::string& id) {
    if (!c_.phase(id)) fail(file, owner, "unknown phase \"" + id + "\"");
  }
  void principle_refs(const char* file, const Entry& e) {
    for (const std::string& p : e.principles)
      if (!c_.principle(p)) fail(file, e.id, "unknown principle \"" + p + "\"");
  }
  void any_refs(const std::string& owner, const std::vector<std::string>& ids) {
    for (const std::string& id : ids)
      if (!ids_.count(id)) fail("methods.json", owner, "unknown related id \"" + id + "\"");
  }

  void entries(const char* file, const std::vector<Entry>& v) {
    for (const Entry& e : v) {
      phase_ref(file, e.id, e.phase_id);
      principle_refs(file, e);
      if (e.kind == Kind::kQuestion && e.list < 0) fail(file, e.id, "list must be 0, 1 or 2");
      if (!e.url.empty() && e.url.rfind("https://", 0) != 0 && e.url.rfind("http://", 0) != 0)
        fail(file, e.id, "url must start with https:// or http://");
    }
  }

  void numbering() {
    for (size_t i = 0; i < c_.phases.size(); ++i)
      if (c_.phases[i].number != static_cast<int>(i) + 1)
        fail("phases.json", c_.phases[i].id, "phases must be numbered 1, 2, ... in order");
    for (size_t i = 0; i < c_.principles.size(); ++i)
      if (c_.principles[i].number != static_cast<int>(i) + 1)
        fail("principles.json", c_.principles[i].id,
             "principles must be numbered 1, 2, ... in order");
  }

  void methods() {
    for (const Method& m : c_.methods) {
      for (const std::string& ph : m.phase_ids) phase_ref("methods.json", m.id, ph);
      if (!m.template_id.empty() && !c_.method(m.template_id))
        fail("methods.json", m.id, "unknown template \"" + m.template_id + "\"");
      any_refs(m.id, m.related);
      for (const Step& s : m.steps) {
        any_refs(m.id, s.related);
        for (const Option& o : s.options) any_refs(m.id, o.related);
        if (s.stage < 1 || s.stage > 2) fail("methods.json", s.id, "stage must be 1 or 2");
      }
    }
  }

  core::Status result() const {
    if (errors_.empty()) return core::ok_status();
    std::string detail;
    for (const std::string& e : errors_) detail += (detail.empty() ? "" : "; ") + e;
    if (count_ > errors_.size())
      detail += "; and " + std::to_string(count_ - errors_.size()) + " more";
    return core::make_error(core::ErrorCode::kInvalidInput, "error.catalog.invalid", detail);
  }

 private:
  const Catalog& c_;
  std::string_view label_;
  std::set<std::string> ids_;
  std::vector<std::string> errors_;
  size_t count_ = 0;
};

}  // namespace

core::Status validate_catalog(const Catalog& c, std::string_view label) {
  Checker k{c, label};
  k.collect_ids();
  k.numbering();
  k.entries("questions.json", c.questions);
  k.entries("approaches.json", c.approaches);
  k.entries("resources.json", c.resources);
  k.entries("boxes.json", c.boxes);
  k.methods();
  return k.result();
}

}  // namespace solipraxis::catalog
