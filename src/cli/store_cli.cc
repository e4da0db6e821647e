#include "cli/store_cli.h"

#include <termios.h>
#include <unistd.h>

#include <charconv>
#include <filesystem>
#include <iostream>

#include "core/password.h"
#include "store/migrations.h"
#include "store/store.h"
#include "store/validation.h"
#include "web/app.h"
#include "web/i18n.h"

namespace solipraxis::cli {

using core::ErrorCode;
using core::make_error;

int report(const core::Error& error) {
  const std::string& raw = error.detail.empty() ? error.key : error.detail;
  std::string line;  // one line: newlines and tabs (libpq uses both) become single spaces
  for (char c : raw) {
    const bool space = c == '\n' || c == '\r' || c == '\t' || c == ' ';
    if (!space) line += c;
    else if (!line.empty() && line.back() != ' ') line += ' ';
  }
  while (!line.empty() && line.back() == ' ') line.pop_back();
  std::cerr << "solipraxis: " << line << "\n";
  return error.code == ErrorCode::kInternal ? kExitFailure : kExitUsage;
}

int fail_usage(const std::string& message) {
  std::cerr << "solipraxis: " << message << "\n";
  return kExitUsage;
}

std::optional<OrgSession> open_org_for_reading(Context& ctx, const std::string& slug,
                                               core::Clock& clock) {
  auto st = open_store_for_reading(ctx, clock);
  if (!st) return std::nullopt;
  auto org = st->orgs().org_by_slug(slug);
  if (!org) {
    ctx.exit_code = fail_usage("no organisation '" + slug + "'");
    return std::nullopt;
  }
  return OrgSession{std::move(st), std::move(*org)};
}

core::Translate translator(const std::string& lang) {
  auto i18n = web::I18n::load((std::filesystem::path(web::locate_web_dir("")) / "i18n").string());
  if (!i18n) return core::english_label;
  return [catalogs = std::make_shared<web::I18n>(std::move(*i18n)), lang](std::string_view key) {
    const std::string& text = catalogs->t(lang, key);
    return text == key ? core::english_label(key) : text;
  };
}

std::optional<std::int64_t> parse_id(const std::string& text) {
  std::int64_t id = 0;
  const char* end = text.data() + text.size();
  auto [p, ec] = std::from_chars(text.data(), end, id);
  if (ec != std::errc{} || p != end || id <= 0) return std::nullopt;
  return id;
}

std::string pad(std::string s, std::size_t width) {
  std::size_t len = 0;
  for (char c : s) len += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  if (len < width) s.append(width - len, ' ');
  return s;
}

namespace {

std::unique_ptr<store::Store> open_or_report(Context& ctx, const store::StoreConfig& config,
                                             core::Clock& clock) {
  auto opened = store::open_store(config, clock);
  if (!opened) {
    ctx.exit_code = report(opened.error());
    return nullptr;
  }
  return std::move(*opened);
}

}  // namespace

std::unique_ptr<store::Store> open_store_or_report(Context& ctx, core::Clock& clock) {
  return open_or_report(ctx, ctx.store_config(), clock);
}

std::unique_ptr<store::Store> open_store_for_reading(Context& ctx, core::Clock& clock) {
  store::StoreConfig config = ctx.store_config(/*migrate=*/false);
  const std::string where = store::database_location(config);
  std::error_code ec;
  if (!store::is_postgres_url(where) && !std::filesystem::exists(where, ec)) {
    // Nothing to read yet: make the empty store as any command would, so a
    // listing on a fresh data directory answers "none" instead of an error.
    return open_store_or_report(ctx, clock);
  }
  config.read_only = true;
  return open_or_report(ctx, config, clock);
}

namespace {

std::string strip_newline(std::string line) {
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  return line;
}

// Reads one line from the terminal with echo off; restores the terminal after.
std::optional<std::string> prompt_hidden(const char* prompt) {
  std::cerr << prompt << std::flush;
  termios old{};
  const bool tty = tcgetattr(STDIN_FILENO, &old) == 0;
  if (tty) {
    termios quiet = old;
    quiet.c_lflag &= static_cast<tcflag_t>(~ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  const bool got = static_cast<bool>(std::getline(std::cin, line));
  if (tty) tcsetattr(STDIN_FILENO, TCSANOW, &old);
  std::cerr << "\n";
  if (!got) return std::nullopt;
  return strip_newline(line);
}


}  // namespace

core::Result<std::string> read_new_password() {
  std::string password;
  if (!isatty(STDIN_FILENO)) {
    if (!std::getline(std::cin, password)) {
      return make_error(ErrorCode::kInvalidInput, "error.password.missing",
                        "no password on standard input (expected it on the first line)");
    }
    password = strip_newline(password);
  } else {
    auto first = prompt_hidden("Password (at least 10 characters): ");
    auto second = first ? prompt_hidden("Repeat the password: ") : std::nullopt;
    if (!first || !second) {
      return make_error(ErrorCode::kInvalidInput, "error.password.missing", "no password given");
    }
    if (*first != *second) {
      return make_error(ErrorCode::kInvalidInput, "error.password.mismatch",
                        "the two passwords differ");
    }
    password = *first;
  }
  if (auto st = core::check_password(password); !st) return st.error();
  return password;
}

}  // namespace solipraxis::cli
