// Store throughput on SQLite (WAL, synchronous=FULL, so every write pays an
// fsync): the calls every page view makes (session lookup, membership role)
// and typical audited writes. Prints numbers; not a test.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>

#include "core/clock.h"
#include "store/orgs.h"
#include "store/secrets.h"
#include "store/store.h"
#include "store/users.h"

namespace {

using namespace solipraxis;
namespace fs = std::filesystem;

struct Fixture {
  core::FakeClock clock;
  fs::path dir;
  std::unique_ptr<store::Store> st;
  store::Org org;
  store::User user;

  Fixture() {
    std::string templ = (fs::temp_directory_path() / "solipraxis-bench-XXXXXX").string();
    dir = mkdtemp(templ.data());
    st = store::open_store(store::StoreConfig{"", dir.string(), true}, clock).value();
    org = *st->orgs().create_org("bench", "Bench", {std::nullopt, "bench"});
    user = *st->users().create_user({"bench@example.org", "", "$argon2id$x", ""});
    (void)st->orgs().add_member(org.id, user.id, store::Role::kOwner, {std::nullopt, "bench"});
    store::LoginSession s{store::hash_token("s"), user.id, "csrf", 0, 0, clock.now() + 86400};
    (void)st->users().create_session(s);
  }
  ~Fixture() {
    st.reset();
    fs::remove_all(dir);
  }
};

void BM_SessionLookup(benchmark::State& state) {
  Fixture f;
  const std::string hash = store::hash_token("s");
  for (auto _ : state) benchmark::DoNotOptimize(f.st->users().session(hash));
}
BENCHMARK(BM_SessionLookup);

void BM_MemberRole(benchmark::State& state) {
  Fixture f;
  for (auto _ : state) benchmark::DoNotOptimize(f.st->orgs().member_role(f.org.id, f.user.id));
}
BENCHMARK(BM_MemberRole);

void BM_TouchSession(benchmark::State& state) {
  Fixture f;
  const std::string hash = store::hash_token("s");
  for (auto _ : state) benchmark::DoNotOptimize(f.st->users().touch_session(hash));
}
BENCHMARK(BM_TouchSession)->UseRealTime();

void BM_CreateOrgWithAudit(benchmark::State& state) {
  Fixture f;
  int i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        f.st->orgs().create_org("org-" + std::to_string(i++), "Org", {std::nullopt, "bench"}));
  }
}
BENCHMARK(BM_CreateOrgWithAudit)->UseRealTime();

void BM_HashPassword(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(store::hash_password("ein-langes-passwort"));
}
BENCHMARK(BM_HashPassword)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
