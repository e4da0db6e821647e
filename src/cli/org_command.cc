// `solipraxis org list [--format text|json]`: every org with its member count.
// `solipraxis org set --org SLUG [--name NAME] [--time-zone ZONE]`: an org's
// display name and time zone, both checked before either is written, audited
// as done by "cli".
#include <iostream>
#include <optional>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/store_cli.h"
#include "store/orgs.h"
#include "store/store.h"
#include "store/validation.h"

namespace solipraxis::cli {

namespace {

int list_orgs(Context& ctx, const std::string& format) {
  core::SystemClock clock;
  auto st = open_store_for_reading(ctx, clock);
  if (!st) return ctx.exit_code;
  auto orgs = st->orgs().orgs();
  if (!orgs) return report(orgs.error());
  nlohmann::json out = nlohmann::json::array();
  for (const auto& o : *orgs) {
    auto members = st->orgs().members(o.id);
    if (!members) return report(members.error());
    if (format == "json") {
      out.push_back({{"id", o.id.value}, {"slug", o.slug}, {"name", o.name},
                     {"time_zone", o.time_zone}, {"created_at", o.created_at},
                     {"members", members->size()}});
    } else {
      std::cout << o.slug << "\t" << o.name << "\t" << o.time_zone << "\t" << members->size()
                << " members\n";
    }
  }
  if (format == "json") std::cout << out.dump(2) << "\n";
  return kExitOk;
}

struct SetArgs {
  std::string org;
  std::optional<std::string> name;
  std::optional<std::string> time_zone;
};

int set_org(Context& ctx, const SetArgs& a) {
  if (!a.name && !a.time_zone) {
    return report(core::make_error(core::ErrorCode::kInvalidInput, "",
                                   "say what to change: --name and/or --time-zone"));
  }
  if (a.name) {
    if (auto ok = store::validate_org_name(*a.name); !ok) return report(ok.error());
  }
  if (a.time_zone) {
    if (auto ok = store::validate_time_zone(*a.time_zone); !ok) return report(ok.error());
  }
  core::SystemClock clock;
  auto st = open_store_or_report(ctx, clock);
  if (!st) return ctx.exit_code;
  auto org = st->orgs().org_by_slug(a.org);
  if (!org) return report(org.error());
  const store::Actor actor{std::nullopt, "cli"};
  if (a.name) {
    if (auto renamed = st->orgs().rename_org(org->id, *a.name, actor); !renamed) {
      return report(renamed.error());
    }
  }
  if (a.time_zone) {
    if (auto ok = st->orgs().set_org_time_zone(org->id, *a.time_zone, actor); !ok) {
      return report(ok.error());
    }
  }
  auto now = st->orgs().org(org->id);
  if (!now) return report(now.error());
  std::cout << now->slug << "\t" << now->name << "\t" << now->time_zone << "\n";
  return kExitOk;
}

}  // namespace

void add_org_command(CLI::App& app, Context& ctx) {
  auto* org = app.add_subcommand("org", "Inspect organisations, change their name or time zone");
  org->require_subcommand(1);
  auto format = std::make_shared<std::string>("text");
  auto* list = org->add_subcommand("list", "List every org with its number of members");
  list->add_option("--format", *format, "text or json")->check(CLI::IsMember({"text", "json"}));
  list->callback([&ctx, format] { ctx.exit_code = list_orgs(ctx, *format); });

  auto args = std::make_shared<SetArgs>();
  auto* set = org->add_subcommand("set", "Change an org's display name or time zone (the slug stays)");
  set->add_option("--org", args->org, "Org slug, e.g. mein-verein")->required();
  set->add_option("--name", args->name, "Display name, 1 to 100 characters");
  set->add_option("--time-zone", args->time_zone,
                  "IANA time zone, e.g. Europe/Berlin (the default) or Europe/Vienna");
  set->callback([&ctx, args] { ctx.exit_code = set_org(ctx, *args); });
}

}  // namespace solipraxis::cli
