// `solipraxis audit list --org ORG [--limit N] [--kind K] [--cursor C]
// [--format text|json]`: the org's change log, newest first, read-only. The
// same entries as GET /api/v1/orgs/{org}/audit (store/audit.h): display names,
// never e-mail addresses. JSON is the API's page shape {"items","next"}; pass
// "next" as --cursor for older entries. Exit 2 with one line on stderr for an
// unknown org or kind, or a bad cursor.
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "cli/store_cli.h"
#include "core/civil_date.h"
#include "core/clock.h"
#include "store/audit_facts.h"
#include "store/orgs.h"
#include "store/paging.h"
#include "store/store.h"
#include "web/json.h"

namespace solipraxis::cli {
namespace {

struct AuditOptions {
  std::string org;
  int limit = 50;
  std::string kind;
  std::string cursor;
  std::string format = "text";
};

// "Ada Owner", "(deleted)" or "(command line)"; "(api)" marks API changes.
std::string who(const store::AuditEntry& e, store::AuditNames& names) {
  std::string out;
  if (e.actor) {
    const auto name = names.name(*e.actor);
    out = !name ? "(deleted)" : name->empty() ? "(no name)" : *name;
  } else {
    out = store::actor_deleted(e) ? "(deleted)" : "(" + e.via + ")";
  }
  if (e.via == "api") out += " (api)";
  return out;
}

std::string object(const store::AuditEntry& e, const store::AuditFacts& f,
                   store::AuditNames& names) {
  std::string out = e.entity + " " + e.entity_id;
  std::string name = f.object_name;
  if (auto person = names.member_name(e)) name = person->empty() ? "(no name)" : *person;
  if (!name.empty()) out += ": " + name;
  if (!f.changed.empty()) {
    std::string fields;
    for (const auto& c : f.changed) fields += (fields.empty() ? "" : ", ") + c;
    out += " (" + fields + ")";
  }
  if (!f.from.empty() || !f.to.empty()) out += " (" + f.from + " -> " + f.to + ")";
  return out;
}

int run_list(Context& ctx, const AuditOptions& opt) {
  const auto filter = store::audit_kind_filter(opt.kind);
  if (!filter) {
    std::cerr << "solipraxis: unknown kind '" << opt.kind
              << "' (" << store::audit_kinds_list() << ")\n";
    return kExitUsage;
  }
  core::SystemClock clock;
  auto st = open_store_for_reading(ctx, clock);
  if (!st) return ctx.exit_code;
  auto org = st->orgs().org_by_slug(opt.org);
  if (!org) {
    std::cerr << "solipraxis: no organisation '" << opt.org << "'\n";
    return kExitUsage;
  }
  auto page = st->audit().audit_log(org->id, *filter, store::PageRequest{opt.limit, opt.cursor});
  if (!page) return report(page.error());
  store::AuditNames names(st->users());
  if (opt.format == "json") {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& e : page->items) {
      items.push_back(store::audit_json(e, store::audit_facts(e), names));
    }
    std::cout << web::list_json(std::move(items), page->next).dump(2) << "\n";
    return kExitOk;
  }
  std::cout << pad("ID", 7) + pad("WHEN", 22) + pad("WHO", 24) + pad("ACTION", 22) + "OBJECT\n";
  for (const auto& e : page->items) {
    std::cout << pad(std::to_string(e.id), 7) + pad(core::utc_timestamp(e.at), 22) +
                     pad(who(e, names), 24) + pad(e.action, 22) +
                     object(e, store::audit_facts(e), names) + "\n";
  }
  if (!page->next.empty()) std::cout << "older entries: --cursor " << page->next << "\n";
  return kExitOk;
}

}  // namespace

void add_audit_command(CLI::App& app, Context& ctx) {
  auto opt = std::make_shared<AuditOptions>();
  auto* audit = app.add_subcommand("audit", "The change log of an organisation (read-only)");
  audit->require_subcommand(1);
  auto* list = audit->add_subcommand("list", "List changes, newest first");
  list->add_option("--org", opt->org, "Organisation slug")->required();
  list->add_option("--limit", opt->limit, "At most N entries (1-200, default 50)")
      ->check(CLI::Range(1, 200));
  list->add_option("--kind", opt->kind, "Only " + store::audit_kinds_list());
  list->add_option("--cursor", opt->cursor, "Continue after the entries shown before");
  list->add_option("--format", opt->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  list->callback([&ctx, opt] { ctx.exit_code = run_list(ctx, *opt); });
}

}  // namespace solipraxis::cli
