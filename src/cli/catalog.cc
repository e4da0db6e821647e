// `solipraxis catalog list|show|search`: browse the practice catalog from the terminal.
// Without --org it needs no database: `search` runs the in-memory search (catalog/search.h).
// With --org SLUG it opens the store: `list` shows the org's catalog (own entries included,
// hidden ones left out, in the org's order) and `search` runs the database's full-text search
// over it, as the web does.
// Exit 0 on success, 2 for an unknown id, phase, kind, language, format or org, 3 when the
// catalog itself cannot be loaded.
#include <functional>
#include <iostream>
#include <memory>
#include <string>

#include "catalog/json.h"
#include "catalog/load.h"
#include "catalog/search.h"
#include "cli/commands.h"
#include "cli/store_cli.h"
#include "core/text_field.h"
#include "store/catalog.h"
#include "store/orgs.h"
#include "store/store.h"
#include "web/handlers/catalog/catalog_store.h"

namespace solipraxis::cli {

namespace {

namespace cat = solipraxis::catalog;

struct Options {
  std::string phase;
  std::string kind;
  std::string lang = "de";
  std::string format = "text";
  std::string id;
  std::string query;
  std::string org;
};

struct Parsed {
  int phase = 0;
  bool has_kind = false;
  cat::Kind kind = cat::Kind::kQuestion;
  cat::Lang lang = cat::Lang::kDe;
  bool json = false;
};

int usage(const std::string& message) {
  std::cerr << "solipraxis catalog: " << message << "\n";
  return kExitUsage;
}

int parse_options(const cat::Catalog& c, const Options& o, Parsed& p) {
  // --phase accepts 1..n, I..IV, "selection" or "phase.selection".
  if (!o.phase.empty() && (p.phase = c.phase_number(o.phase)) == 0)
    return usage("unknown phase \"" + o.phase + "\" (use 1-" + std::to_string(c.phases.size()) +
                 ")");
  if (!o.kind.empty()) {
    if (!cat::parse_kind(o.kind, p.kind))
      return usage("unknown kind \"" + o.kind +
                   "\" (use question, approach, resource, box, principle, method or phase)");
    p.has_kind = true;
  }
  if (!cat::parse_lang(o.lang, p.lang)) return usage("unknown language \"" + o.lang + "\" (use de or en)");
  if (o.format != "text" && o.format != "json")
    return usage("unknown format \"" + o.format + "\" (use text or json)");
  p.json = o.format == "json";
  return kExitOk;
}

// At most `max` code points, with an ellipsis when cut; newlines become spaces.
std::string one_line(const std::string& s, size_t max = 160) {
  std::string out;
  size_t points = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char ch = s[i];
    if ((ch & 0xC0) != 0x80 && ++points > max) {
      out += "…";
      break;
    }
    out += ch == '\n' ? ' ' : static_cast<char>(ch);
  }
  return out;
}

std::string phase_label(const cat::Item& it) {
  std::string out;
  for (int ph : it.phases) out += (out.empty() ? "" : ",") + cat::roman_numeral(ph);
  return out.empty() ? "-" : out;
}

void print_items(const std::vector<const cat::Item*>& items, const Parsed& p,
                 const std::vector<double>* scores = nullptr) {
  if (p.json) {
    nlohmann::json a = nlohmann::json::array();
    for (size_t i = 0; i < items.size(); ++i) {
      nlohmann::json j = cat::item_json(*items[i], p.lang);
      if (scores) j["score"] = (*scores)[i];
      a.push_back(std::move(j));
    }
    std::cout << a.dump(2) << "\n";
    return;
  }
  for (const cat::Item* it : items) {
    std::string line = it->title.get(p.lang);
    if (it->kind != cat::Kind::kPrinciple && it->kind != cat::Kind::kPhase) {
      if (!line.empty()) line += ": ";
      line += it->text.get(p.lang);
    }
    std::cout << it->id << "  " << phase_label(*it) << "  " << one_line(line) << "\n";
  }
}

void print_text(const std::string& label, const cat::Text& t, cat::Lang lang) {
  if (!t.empty()) std::cout << label << t.get(lang) << "\n";
}

void print_method(const cat::Method& m, cat::Lang lang) {
  bool de = lang == cat::Lang::kDe;
  print_text("", m.context, lang);
  for (auto [label, t] :
       {std::pair{de ? "Ziel: " : "Goal: ", &m.goal}, std::pair{"", &m.intro},
        std::pair{de ? "Zielgruppe: " : "Audience: ", &m.audience},
        std::pair{de ? "Teilnehmende: " : "Participants: ", &m.participants},
        std::pair{de ? "Dauer: " : "Duration: ", &m.duration},
        std::pair{de ? "Voraussetzung: " : "Prerequisite: ", &m.prerequisite},
        std::pair{de ? "Vorbereitung: " : "Preparation: ", &m.preparation},
        std::pair{"", &m.note}})
    print_text(label, *t, lang);
  for (const cat::Step& s : m.steps) {
    std::cout << "\n" << s.id << "  " << s.title.get(lang);
    if (s.duration.max)
      std::cout << " (" << s.duration.min
                << (s.duration.max != s.duration.min ? "-" + std::to_string(s.duration.max) : "")
                << " min)";
    if (s.stage == 2) std::cout << " [+" << m.followup_after_days << " d]";
    std::cout << "\n";
    print_text("  ", s.note, lang);
    for (const cat::Prompt& q : s.prompts)
      std::cout << "  - " << q.text.get(lang)
                << (q.hint.empty() ? "" : " " + q.hint.get(lang)) << "\n";
    for (const cat::Option& o : s.options) std::cout << "  * " << o.label.get(lang) << "\n";
  }
  for (const cat::Scale& s : m.scales) {
    std::cout << s.label.get(lang) << ":";
    for (const cat::Option& l : s.levels) std::cout << " " << l.label.get(lang);
    std::cout << "\n";
  }
  for (const cat::Option& a : m.attributes) std::cout << "- " << a.label.get(lang) << "\n";
  if (!m.template_id.empty()) std::cout << (de ? "Vorlage: " : "Template: ") << m.template_id << "\n";
}

void print_detail(const cat::Catalog& c, const cat::Item& it, cat::Lang lang) {
  std::cout << it.id << " (" << cat::kind_name(it.kind) << ", " << phase_label(it) << ")\n";
  if (!it.title.empty()) std::cout << it.title.get(lang) << "\n";
  const cat::Source* src = nullptr;
  if (const cat::Entry* e = c.entry(it.id)) {
    src = &e->source;
    if (e->kind == cat::Kind::kResource) print_text("", e->category, lang);
    if (!e->author.empty()) std::cout << e->author << "\n";
    std::cout << "\n" << e->text.get(lang) << "\n";
    for (const cat::BoxItem& b : e->items)
      std::cout << "- " << b.title.get(lang) << ": " << b.text.get(lang) << "\n";
    if (!e->url.empty()) std::cout << e->url << "\n";
    for (const std::string& pid : e->principles)
      std::cout << (lang == cat::Lang::kDe ? "Prinzip " : "Principle ") << c.principle(pid)->number << ": "
                << c.principle(pid)->name.get(lang) << "\n";
  } else if (const cat::Phase* ph = c.phase(it.id)) {
    src = &ph->source;
    std::cout << ph->lead_question.get(lang) << "\n";
    for (const cat::Text& d : ph->description) std::cout << "\n" << d.get(lang) << "\n";
  } else if (const cat::Principle* pr = c.principle(it.id)) {
    src = &pr->source;
    std::cout << "\n" << pr->explanation.get(lang) << "\n";
  } else if (const cat::Method* m = c.method(it.id)) {
    src = &m->source;
    std::cout << "\n";
    print_method(*m, lang);
  }
  if (src && !src->from_paper())
    std::cout << (lang == cat::Lang::kDe ? "\nQuelle: " : "\nSource: ") << src->note << "\n";
  else if (src)
    std::cout << (lang == cat::Lang::kDe ? "\nQuelle: " : "\nSource: ") << src->section
              << (lang == cat::Lang::kDe ? ", S. " : ", p. ") << src->page << "\n";
}

int with_catalog_set(Context& ctx, const std::function<int(const cat::CatalogSet&)>& f) {
  std::string dir = cat::find_catalog_dir(ctx.catalog_dir, ctx.exe_path);
  auto set = cat::load_catalog_dir(dir);
  if (!set) {
    std::cerr << "solipraxis catalog: " << set.error().detail << "\n";
    return kExitUsage;
  }
  return f(*set);
}

int with_catalog(Context& ctx, const std::function<int(const cat::Catalog&)>& f) {
  return with_catalog_set(ctx, [&](const cat::CatalogSet& set) { return f(set.current()); });
}

namespace store_view = web::handlers::catalog_store;

// The org's catalog from the store: --org SLUG.
struct OrgContext {
  std::unique_ptr<store::Store> store;
  store::Org org;
  store_view::OrgCatalogView view;
};

// `search` fills the store's search rows for the loaded catalog versions first (a
// write the first time), so it opens the store for writing; `list` only reads.
enum class OrgAccess { kRead, kSearch };

int with_org(Context& ctx, const std::string& slug, OrgAccess access,
             const std::function<int(OrgContext&)>& f) {
  core::SystemClock clock;
  OrgContext oc;
  oc.store = access == OrgAccess::kRead ? open_store_for_reading(ctx, clock)
                                        : open_store_or_report(ctx, clock);
  if (!oc.store) return ctx.exit_code;
  auto org = oc.store->orgs().org_by_slug(slug);
  if (!org) return report(org.error());
  oc.org = *org;
  auto view = store_view::load_org_catalog(*oc.store, oc.org.id);
  if (!view) return report(view.error());
  oc.view = std::move(view).value();
  return f(oc);
}

void add_common(CLI::App* cmd, Options& o, bool filters) {
  if (filters) {
    cmd->add_option("--phase", o.phase, "Only this phase: 1-4 (I Entwicklung, II Auswahl, "
                                         "III Einsatz, IV Evaluation)");
    cmd->add_option("--kind", o.kind,
                    "Only this kind: question, approach, resource, box, principle, method, phase");
  }
  if (filters)
    cmd->add_option("--org", o.org,
                    "The catalog of this organisation (slug): its own entries included, hidden "
                    "ones left out, in its order; needs the store (--data-dir/--database)");
  cmd->add_option("--lang", o.lang, "Language of the output: de (default) or en");
  cmd->add_option("--format", o.format, "text (default) or json");
}

}  // namespace

void add_catalog_commands(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<Options>();
  CLI::App* catalog = app.add_subcommand(
      "catalog", "Browse the practice catalog: phases, questions, approaches, resources, methods");
  catalog->require_subcommand(1);

  CLI::App* list = catalog->add_subcommand("list", "List catalog entries");
  add_common(list, *opts, true);
  list->callback([&ctx, opts] {
    ctx.exit_code = with_catalog(ctx, [&](const cat::Catalog& c) {
      Parsed p;
      if (int rc = parse_options(c, *opts, p)) return rc;
      const cat::Kind* kind = p.has_kind ? &p.kind : nullptr;
      if (opts->org.empty()) {
        print_items(c.list(p.phase, kind), p);
        return kExitOk;
      }
      return with_org(ctx, opts->org, OrgAccess::kRead, [&](OrgContext& oc) {
        print_items(store_view::org_list(c, oc.view, p.phase, kind), p);
        return kExitOk;
      });
    });
  });

  CLI::App* show = catalog->add_subcommand("show", "Show one entry in full");
  show->add_option("id", opts->id, "Entry id, e.g. q.selection.07")->required();
  add_common(show, *opts, false);
  show->callback([&ctx, opts] {
    ctx.exit_code = with_catalog(ctx, [&](const cat::Catalog& c) {
      Parsed p;
      if (int rc = parse_options(c, *opts, p)) return rc;
      const std::string* owner = c.owner_of(opts->id);  // nested ids show their method
      const cat::Item* it = owner ? c.find(*owner) : nullptr;
      if (!it) return usage("unknown id \"" + opts->id + "\"");
      if (p.json) std::cout << cat::detail_json(c, it->id).dump(2) << "\n";
      else print_detail(c, *it, p.lang);
      return kExitOk;
    });
  });

  CLI::App* search = catalog->add_subcommand("search", "Full-text search (word prefixes)");
  search->add_option("text", opts->query, "Search words")->required();
  add_common(search, *opts, true);
  search->callback([&ctx, opts] {
    if (core::is_blank(opts->query)) {
      ctx.exit_code = usage("the search text is empty; give at least one word");
      return;
    }
    ctx.exit_code = with_catalog_set(ctx, [&](const cat::CatalogSet& set) {
      const cat::Catalog& c = set.current();
      Parsed p;
      if (int rc = parse_options(c, *opts, p)) return rc;
      if (!opts->org.empty()) {
        return with_org(ctx, opts->org, OrgAccess::kSearch, [&](OrgContext& oc) {
          store::CatalogQuery q;
          q.text = opts->query;
          q.lang = cat::lang_name(p.lang);
          q.phase = p.phase;
          if (p.has_kind) q.kind = cat::kind_name(p.kind);
          auto found = store_view::search(*oc.store, set, c, q, oc.org.id, &oc.view);
          if (!found) return report(found.error());
          std::vector<const cat::Item*> items;
          std::vector<double> scores;
          for (const auto& h : *found) {
            items.push_back(h.item);
            scores.push_back(h.score);
          }
          print_items(items, p, &scores);
          return kExitOk;
        });
      }
      cat::SearchOptions so;
      so.lang = p.lang;
      so.phase = p.phase;
      so.kind = p.has_kind ? &p.kind : nullptr;
      std::vector<const cat::Item*> items;
      std::vector<double> scores;
      for (const cat::Hit& h : cat::search(c, opts->query, so)) {
        items.push_back(h.item);
        scores.push_back(h.score);
      }
      print_items(items, p, &scores);
      return kExitOk;
    });
  });
}

}  // namespace solipraxis::cli
