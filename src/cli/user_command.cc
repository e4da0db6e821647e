// `solipraxis user create|list`: accounts from the command line (the first
// owner, scripts, tests).
//
// `user create --email E --org SLUG`:
// - creates the org SLUG if it does not exist (name: --org-name, else SLUG);
// - the first member of an org is always its owner; later ones get --role
//   (default member);
// - if E already has an account, no password is read and the account only
//   joins the org (exit 2 if it is a member already). So the command is safe
//   to re-run and never overwrites a password.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/store_cli.h"
#include "store/common.h"
#include "store/orgs.h"
#include "store/secrets.h"
#include "store/store.h"
#include "store/users.h"
#include "store/validation.h"

namespace solipraxis::cli {

namespace {

struct CreateArgs {
  std::string email;
  std::string org;
  std::string org_name;
  std::string name;
  std::string role;
};

int find_or_create_user(store::Store& st, const CreateArgs& a, store::User& user, bool& created) {
  auto existing = st.users().user_by_email(a.email);
  if (existing) {
    user = *existing;
    created = false;
    return kExitOk;
  }
  if (existing.error().code != core::ErrorCode::kNotFound) return report(existing.error());
  auto email = store::normalize_email(a.email);
  if (!email) return report(email.error());
  if (auto ok = store::validate_user_name(a.name); !ok) return report(ok.error());
  auto password = read_new_password();
  if (!password) return report(password.error());
  auto hash = store::hash_password(*password);
  if (!hash) return report(hash.error());
  auto made = st.users().create_user({*email, a.name, *hash, ""});
  if (!made) return report(made.error());
  user = *made;
  created = true;
  return kExitOk;
}

int create_user(Context& ctx, const CreateArgs& a) {
  std::optional<store::Role> role;
  if (!a.role.empty()) {
    role = store::parse_role(a.role);
    if (!role) return report(core::make_error(core::ErrorCode::kInvalidInput, "",
                                              "--role must be owner, editor or member"));
  }
  if (auto ok = store::validate_slug(a.org); !ok) return report(ok.error());
  if (auto ok = store::validate_org_name(a.org_name.empty() ? a.org : a.org_name); !ok) {
    return report(ok.error());
  }
  core::SystemClock clock;
  auto st = open_store_or_report(ctx, clock);
  if (!st) return ctx.exit_code;
  store::User user;
  bool created = false;
  if (int rc = find_or_create_user(*st, a, user, created); rc != kExitOk) return rc;

  const store::Actor actor{std::nullopt, "cli"};
  auto org = st->orgs().org_by_slug(a.org);
  if (!org && org.error().code == core::ErrorCode::kNotFound) {
    org = st->orgs().create_org(a.org, a.org_name.empty() ? a.org : a.org_name, actor);
  }
  if (!org) return report(org.error());
  auto members = st->orgs().members(org->id);
  if (!members) return report(members.error());
  const store::Role given = members->empty() ? store::Role::kOwner : role.value_or(store::Role::kMember);
  if (auto added = st->orgs().add_member(org->id, user.id, given, actor); !added) {
    return report(added.error());
  }
  std::cout << (created ? "created user " : "existing user ") << user.email << " (id "
            << user.id.value << "), " << store::role_name(given) << " of " << org->slug << "\n";
  return kExitOk;
}

int list_users(Context& ctx, const std::string& format) {
  core::SystemClock clock;
  auto st = open_store_for_reading(ctx, clock);
  if (!st) return ctx.exit_code;
  auto users = st->users().users();
  if (!users) return report(users.error());
  nlohmann::json out = nlohmann::json::array();
  for (const auto& u : *users) {
    auto orgs = st->orgs().orgs_with_roles(u.id);
    if (!orgs) return report(orgs.error());
    nlohmann::json memberships = nlohmann::json::array();
    std::string text_orgs;
    for (const auto& entry : *orgs) {
      const char* role_text = store::role_name(entry.role);
      memberships.push_back({{"org", entry.org.slug}, {"role", role_text}});
      text_orgs += (text_orgs.empty() ? "" : ",") + entry.org.slug + ":" + role_text;
    }
    if (format == "json") {
      out.push_back({{"id", u.id.value}, {"email", u.email}, {"name", u.name}, {"lang", u.lang},
                     {"created_at", u.created_at}, {"orgs", memberships}});
    } else {
      std::cout << u.email << "\t" << u.name << "\t" << text_orgs << "\n";
    }
  }
  if (format == "json") std::cout << out.dump(2) << "\n";
  return kExitOk;
}

}  // namespace

void add_user_command(CLI::App& app, Context& ctx) {
  auto* user = app.add_subcommand("user", "Manage accounts (create, list)");
  user->require_subcommand(1);

  auto args = std::make_shared<CreateArgs>();
  auto* create = user->add_subcommand(
      "create",
      "Create an account and add it to an org (created if missing; its first member becomes "
      "owner). Password: first line of stdin, or prompted twice on a terminal");
  create->add_option("--email", args->email, "E-mail address (sign-in name)")->required();
  create->add_option("--org", args->org, "Org slug, e.g. mein-verein")->required();
  create->add_option("--name", args->name, "Display name");
  create->add_option("--org-name", args->org_name, "Name of a new org (default: the slug)");
  create->add_option("--role", args->role, "owner, editor or member (default member; the "
                                           "first member of an org is always owner)");
  create->callback([&ctx, args] { ctx.exit_code = create_user(ctx, *args); });

  auto format = std::make_shared<std::string>("text");
  auto* list = user->add_subcommand("list", "List accounts with their orgs and roles");
  list->add_option("--format", *format, "text or json")->check(CLI::IsMember({"text", "json"}));
  list->callback([&ctx, format] { ctx.exit_code = list_users(ctx, *format); });
}

}  // namespace solipraxis::cli
