// `solipraxis token create --email E [--name N]`: a new API token for scripts
// and tests. Only its hash is stored; the token is printed once, alone on the
// last line of stdout.
#include <iostream>

#include "cli/commands.h"
#include "cli/store_cli.h"
#include "store/secrets.h"
#include "store/store.h"
#include "store/users.h"

namespace solipraxis::cli {

namespace {

int create_token(Context& ctx, const std::string& email, const std::string& name) {
  core::SystemClock clock;
  auto st = open_store_or_report(ctx, clock);
  if (!st) return ctx.exit_code;
  auto user = st->users().user_by_email(email);
  if (!user) {
    if (user.error().code == core::ErrorCode::kNotFound) {
      return report(core::make_error(core::ErrorCode::kNotFound, "error.user.not_found",
                                     "no account with the e-mail " + email));
    }
    return report(user.error());
  }
  const std::string token = store::random_token();
  auto made = st->users().create_token(user->id, name, store::hash_token(token));
  if (!made) return report(made.error());
  std::cout << "API token \"" << made->name << "\" (id " << made->id.value << ") for "
            << user->email << ". It is shown only now; store it safely:\n"
            << token << "\n";
  return kExitOk;
}

}  // namespace

void add_token_command(CLI::App& app, Context& ctx) {
  auto* token = app.add_subcommand("token", "Manage API tokens");
  token->require_subcommand(1);
  auto email = std::make_shared<std::string>();
  auto name = std::make_shared<std::string>("cli");
  auto* create = token->add_subcommand(
      "create", "Create an API token for an account; prints it alone on the last line");
  create->add_option("--email", *email, "E-mail address of the account")->required();
  create->add_option("--name", *name, "A name to recognise the token by (default: cli)");
  create->callback([&ctx, email, name] { ctx.exit_code = create_token(ctx, *email, *name); });
}

}  // namespace solipraxis::cli
