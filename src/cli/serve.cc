// `solipraxis serve`: opens the store (creating and migrating it on first
// start), loads web/ (templates, static files, messages) and serves HTTP until
// SIGINT/SIGTERM, then finishes requests in flight and exits 0. A store, web
// directory, address or --public-url problem at start: one line on stderr, exit 2.
#include <csignal>
#include <fcntl.h>
#include <cerrno>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "catalog/load.h"
#include "cli/commands.h"
#include "cli/store_cli.h"
#include "store/migrations.h"
#include "store/secrets.h"
#include "store/store.h"
#include "web/app.h"
#include "web/handlers/catalog/catalog_store.h"
#include "web/public_url.h"
#include "web/server.h"

namespace solipraxis::cli {

namespace {

struct ServeOptions {
  std::string listen = "127.0.0.1:8080";
  std::string web_dir;
  std::size_t max_body = 1024 * 1024;
  web::auth::AuthOptions auth;  // --trust-proxy, session lifetimes
  std::string public_url;       // --public-url: base of absolute links ("" = Host header)
  std::string link_key_file;    // --link-key-file ("" = <data-dir>/link.key)
  bool read_only = false;       // --read-only: serve a store that is not to be written
};

// The key that seals open invitation links (store::seal), read from `path`, or
// made there on first start (mode 0600, never overwritten). It stays outside the
// database: a copy of the database alone opens no invitation (docs/deploy.md).
core::Result<std::string> link_key(const std::string& path) {
  auto bad = [&](std::string why) {
    return core::make_error(core::ErrorCode::kInvalidInput, "error.store.internal",
                            "link key " + path + ": " + why + " (--link-key-file)");
  };
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    const auto dir = std::filesystem::path(path).parent_path();
    if (!dir.empty()) std::filesystem::create_directories(dir, ec);
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd >= 0) {
      const std::string key = store::random_token() + "\n";
      const bool ok = ::write(fd, key.data(), key.size()) == static_cast<ssize_t>(key.size());
      ::close(fd);
      if (!ok) return bad("cannot write it");
    } else if (errno != EEXIST) {
      return bad("cannot create it");
    }
  }
  std::ifstream in(path);
  std::string key;
  if (!in || !std::getline(in, key)) return bad("cannot read it");
  if (!store::valid_key(key)) return bad("not a key made by solipraxis");
  return key;
}

// "host:port" ("[v6]:port") the server listens on.
std::string authority_of(const web::ServerOptions& opts, std::uint16_t port) {
  const bool v6 = opts.host.find(':') != std::string::npos;
  return (v6 ? "[" + opts.host + "]" : opts.host) + ":" + std::to_string(port);
}

int serve(Context& ctx, const ServeOptions& o) {
  web::ServerOptions sopts;
  if (auto st = web::parse_listen(o.listen, sopts); !st) return report(st.error());
  sopts.max_body = o.max_body;
  std::string public_url;
  if (!o.public_url.empty()) {
    auto parsed = web::parse_public_url(o.public_url);
    if (!parsed) return report(parsed.error());
    public_url = std::move(parsed).value();
  }

  core::SystemClock clock;
  store::StoreConfig config = ctx.store_config(!o.read_only);
  config.read_only = o.read_only;
  auto opened = store::open_store(config, clock);
  // A store that cannot be written would fail every save later, with nobody
  // told; refuse to start unless read-only is what the operator asked for.
  core::Status writable = opened && !o.read_only ? (*opened)->check_writable() : core::ok_status();
  const core::Error* fault = !opened ? &opened.error() : !writable ? &writable.error() : nullptr;
  if (fault != nullptr && fault->key == store::kStoreReadOnly) {
    std::cerr << "solipraxis: cannot write to the database " << store::database_shown(config)
              << " (" << fault->detail
              << "); fix its permissions or mount, or start with --read-only to serve it for "
                 "reading only\n";
    return kExitUsage;
  }
  if (fault != nullptr) return report(*fault);
  std::unique_ptr<store::Store> store = std::move(opened).value();

  // The practice catalog is checked at start: an invalid one stops here, naming file and entry.
  const std::string catalog_dir = catalog::find_catalog_dir(ctx.catalog_dir, ctx.exe_path);
  auto catalog = catalog::load_catalog_dir(catalog_dir);
  if (!catalog) {
    std::cerr << "solipraxis: cannot load the practice catalog from " << catalog_dir << ": "
              << catalog.error().detail << " (use --catalog-dir or SOLIPRAXIS_CATALOG_DIR)\n";
    return kExitUsage;
  }

  web::auth::AuthOptions auth = o.auth;
  auto key = link_key(o.link_key_file.empty()
                          ? (std::filesystem::path(ctx.data_dir) / "link.key").string()
                          : o.link_key_file);
  if (!key) return report(key.error());
  auth.link_key = std::move(key).value();

  const std::string web_dir = web::locate_web_dir(o.web_dir);
  auto app = web::WebApp::create(web_dir, *store, clock, auth);
  if (!app) {
    std::cerr << "solipraxis: cannot load the web files from " << web_dir << ": "
              << app.error().detail << " (use --web-dir or SOLIPRAXIS_WEB_DIR)\n";
    return kExitUsage;
  }

  (*app)->services().catalog = &catalog.value();
  (*app)->services().public_url = public_url;
  // The database's full-text index follows the loaded catalog (a no-op when nothing changed;
  // read-only, the index stays as it is).
  if (!o.read_only) {
    if (auto st = web::handlers::catalog_store::index_catalogs(*store, *catalog); !st)
      return report(st.error());
  }

  // A peer that went away (a browser, or PostgreSQL restarting under a pooled
  // connection) must cost one failed write, not the process: SIGPIPE's default
  // is to end it without a word.
  std::signal(SIGPIPE, SIG_IGN);
  web::Server server(sopts, **app);
  if (auto st = server.listen(); !st) return report(st.error());
  server.stop_on_signals();
  (*app)->services().listen_authority = authority_of(sopts, server.port());
  std::cout << "solipraxis serves http://" << authority_of(sopts, server.port()) << "/ ("
            << store->engine() << ": " << store::database_shown(ctx.store_config()) << ")\n";
  if (!public_url.empty()) std::cout << "Public links use " << public_url << "/\n";
  if (o.read_only) std::cout << "Read-only: every change is refused (--read-only).\n";
  std::cout << "First account: solipraxis user create --email you@example.org --name \"Your Name\" "
               "--org my-org --org-name \"My Organisation\"\n"
            << "Stop with Ctrl+C." << std::endl;
  server.run();
  return kExitOk;
}

}  // namespace

void add_serve_command(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<ServeOptions>();
  auto* cmd = app.add_subcommand("serve", "Run the web application (default http://127.0.0.1:8080/)");
  cmd->add_option("--listen", o->listen, "HOST:PORT to listen on (default 127.0.0.1:8080)")
      ->envname("SOLIPRAXIS_LISTEN");
  cmd->add_option("--public-url", o->public_url,
                  "Base URL of the links in feeds and invitations, e.g. https://register.example.org "
                  "(http/https, no query). Without it: the request's Host header if valid, else "
                  "the listen address")
      ->envname("SOLIPRAXIS_PUBLIC_URL");
  cmd->add_option("--link-key-file", o->link_key_file,
                  "File with the key that keeps open invitation links readable for owners "
                  "(made on first start; default DATA-DIR/link.key; every instance of one "
                  "database needs the same file)")
      ->envname("SOLIPRAXIS_LINK_KEY_FILE");
  cmd->add_option("--web-dir", o->web_dir,
                  "Directory with templates/, static/ and i18n/ (default: web/ beside the "
                  "binary's directory, else ./web; env SOLIPRAXIS_WEB_DIR)");
  cmd->add_option("--max-body", o->max_body, "Largest accepted request body in bytes (default 1 MiB)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 30));
  cmd->add_flag("--trust-proxy", o->auth.trust_proxy,
               "Behind a TLS reverse proxy: trust its X-Forwarded-Proto (Secure cookies) and "
               "X-Forwarded-For (sign-in rate limit). Never without such a proxy")
      ->envname("SOLIPRAXIS_TRUST_PROXY");
  cmd->add_flag("--read-only", o->read_only,
               "Serve a store that must not be written (a read-only copy or mount): pages and "
               "the API read, every change is refused with a message. Without it the server "
               "refuses to start on a store it cannot write");
  cmd->add_option("--session-idle", o->auth.session.idle_timeout,
                  "Seconds without a request before a sign-in ends (default 28800 = 8 h)")
      ->check(CLI::Range(std::int64_t{60}, std::int64_t{30} * 24 * 3600));
  cmd->add_option("--session-max", o->auth.session.absolute_timeout,
                  "Seconds after sign-in before it ends in any case (default 604800 = 7 days)")
      ->check(CLI::Range(std::int64_t{60}, std::int64_t{90} * 24 * 3600));
  cmd->callback([&ctx, o] { ctx.exit_code = serve(ctx, *o); });
}

}  // namespace solipraxis::cli
