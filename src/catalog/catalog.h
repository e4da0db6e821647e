// The practice catalog: the white paper's phases, reflection questions, approaches, resources,
// boxes, the eight principles and the method templates, in German and English.
// A Catalog is immutable after parse_catalog() built it; every id in it is unique and every
// reference (phase, principle, template, related) resolves. Several versions live in a CatalogSet
// so that data answered against an older version keeps showing that version's wording.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace solipraxis::catalog {

enum class Lang { kDe, kEn };

// "de" / "en"; false for anything else.
bool parse_lang(std::string_view s, Lang& out);
const char* lang_name(Lang lang);

struct Text {
  std::string de;
  std::string en;
  const std::string& get(Lang lang) const { return lang == Lang::kDe ? de : en; }
  bool empty() const { return de.empty() && en.empty(); }
};

enum class Kind { kPhase, kQuestion, kApproach, kResource, kBox, kPrinciple, kMethod };

// "I".."IX" for 1..9, else the decimal number.
std::string roman_numeral(int n);

// "phase", "question", "approach", "resource", "box", "principle", "method".
const char* kind_name(Kind kind);
bool parse_kind(std::string_view s, Kind& out);

// Where an item comes from. Almost everything quotes the white paper (origin "paper", with a
// page). An item solipraxis added that is NOT in the paper has origin "solipraxis", page 0
// and a note saying where it comes from instead.
struct Source {
  std::string origin = "paper";  // "paper" or "solipraxis"
  std::string section;
  int page = 0;
  int page_end = 0;  // 0 when the item fits on one page
  std::string note;
  bool from_paper() const { return origin == "paper"; }
};

struct Reference {  // a footnote of the paper
  int note = 0;
  std::string text;
  std::string url;  // empty when the paper gives none
};

struct Phase {
  std::string id;  // "phase.selection"
  int number = 0;  // 1..4
  Text title;
  Text lead_question;
  std::vector<Text> description;  // paragraphs
  Source source;
};

struct BoxItem {
  Text title;
  Text text;
};

// A question, approach, resource or box. Which fields are set depends on kind:
//   question: text, list (phase III has two lists: 1 and 2; 0 elsewhere)
//   approach: title, text
//   resource: title (the resource's name), text (its description), category, link_label, url
//   box:      title, author, paragraphs, items; text holds the paragraphs joined by blank lines
struct Entry {
  std::string id;
  Kind kind = Kind::kQuestion;
  std::string phase_id;
  int phase = 0;  // number of phase_id, filled in by the parser
  int list = 0;
  Text title;
  Text text;
  Text category;
  Text link_label;
  std::string url;
  bool shared_row = false;  // resource printed in one table row with its neighbours
  std::string author;
  std::vector<Text> paragraphs;
  std::vector<BoxItem> items;
  std::vector<std::string> principles;  // "p.1".."p.8"
  std::vector<Reference> references;
  Source source;
};

struct Principle {
  std::string id;  // "p.3"
  int number = 0;
  Text name;
  Text explanation;  // ours, not a quotation
  Source source;
};

struct Option {
  std::string id;
  Text label;
  std::vector<std::string> related;
};

struct Prompt {
  std::string id;
  Text text;
  Text hint;                    // e.g. "(z. B. Workshop, Kampagne ...)"; may be empty
  std::vector<Option> choices;  // fixed answers, if any
};

struct Minutes {
  int min = 0;
  int max = 0;
};

struct Step {
  std::string id;
  Text title;
  Minutes duration;  // 0/0 when the paper gives none
  int stage = 1;     // templates: 2 = answered in the follow-up (Method::followup_after_days)
  bool optional = false;
  Text note;
  std::vector<Prompt> prompts;
  std::vector<Option> options;  // e.g. the retro's five focus categories
  std::vector<std::string> related;
};

struct Scale {  // an axis of the risk matrix
  std::string id;
  Text label;
  std::vector<Option> levels;  // low, medium, high
};

// type: workshop, retro, individual, protocol, template, matrix, personas.
struct Method {
  std::string id;
  std::string type;
  std::vector<std::string> phase_ids;
  std::vector<int> phases;  // numbers of phase_ids
  Text title;
  Text context;
  Text goal;
  Text intro;
  Text audience;
  Text participants;
  Text duration;
  Minutes duration_minutes;
  Text prerequisite;
  Text preparation;
  Text note;
  Text credit;
  std::string template_id;  // method whose steps this one uses (tool reflection -> template)
  int followup_after_days = 0;
  std::vector<Step> steps;
  std::vector<Scale> scales;
  std::vector<Option> attributes;  // persona attributes
  std::vector<std::string> related;
  Source source;
};

// A flat view of any top-level item, for listing and search.
struct Item {
  std::string id;
  Kind kind = Kind::kQuestion;
  std::vector<int> phases;  // empty for principles
  Text title;               // name or title; empty for questions
  Text text;                // the main text shown in lists
  Text body;                // more searchable text (steps, prompts, category), not shown
};

struct PaperSource {
  std::string title, type, series, publisher, date, url;
};

class Catalog {
 public:
  int version = 0;
  std::string released;
  Text title;
  Text attribution;
  PaperSource paper;
  std::vector<Phase> phases;
  std::vector<Entry> questions;
  std::vector<Entry> approaches;
  std::vector<Entry> resources;
  std::vector<Entry> boxes;
  std::vector<Principle> principles;
  std::vector<Method> methods;

  // Builds items() and the id index; the parser calls it once all vectors are filled.
  void build_index();

  const std::vector<Item>& items() const { return items_; }
  // Top-level items only (entries, phases, principles, methods).
  const Item* find(std::string_view id) const;
  // Any id, nested ones (steps, prompts, options) included; returns the top-level owner id.
  bool contains(std::string_view id) const { return owners_.count(std::string(id)) > 0; }
  const std::string* owner_of(std::string_view id) const;

  const Phase* phase(std::string_view id) const;
  const Phase* phase_by_number(int number) const;
  // A phase given as "2", "II", "selection" or "phase.selection" -> 2; 0 when unknown.
  int phase_number(std::string_view ref) const;
  const Entry* entry(std::string_view id) const;
  const Principle* principle(std::string_view id) const;
  const Method* method(std::string_view id) const;
  const Prompt* prompt(std::string_view id) const;

  std::vector<const Entry*> questions_of(int phase) const;
  std::vector<const Entry*> approaches_of(int phase) const;
  std::vector<const Entry*> resources_of(int phase) const;
  std::vector<const Entry*> boxes_of(int phase) const;
  std::vector<const Method*> methods_of(int phase) const;
  // Items filtered by phase (0 = any) and kind (nullptr = any), in catalog order.
  std::vector<const Item*> list(int phase, const Kind* kind) const;

  // Every id, nested ones included, in catalog order.
  std::vector<std::string> all_ids() const;

 private:
  std::vector<Item> items_;
  std::map<std::string, size_t, std::less<>> item_index_;
  std::map<std::string, std::string, std::less<>> owners_;  // any id -> top-level id
};

// All loaded versions. Versions are complete snapshots (data/catalog/v<N>/); the highest is
// current. A reflection stores the version it was answered against and reads it back via at().
class CatalogSet {
 public:
  void add(Catalog catalog);
  bool empty() const { return versions_.empty(); }
  const Catalog& current() const { return versions_.rbegin()->second; }
  const Catalog* at(int version) const;
  std::vector<int> versions() const;

 private:
  std::map<int, Catalog> versions_;
};

}  // namespace solipraxis::catalog
