// Store contract for the invariants of a write, proved by injecting the fault
// (fault_db.h) rather than hoping for it:
//   - every change to org data and its audit row are one transaction: when the
//     audit insert fails, the change is not there either, and the caller hears
//     of the failure;
//   - two phase transitions of the same tool racing from the same version
//     leave exactly one decision, and the tool's phase is the one it records.
#include <gtest/gtest.h>

#include <algorithm>
#include <barrier>
#include <functional>
#include <thread>

#include "core/transition.h"
#include "store/audit.h"
#include "store/catalog.h"
#include "store/checker.h"
#include "store/common.h"
#include "store/orgs.h"
#include "store/store.h"
#include "store/tools.h"
#include "store/users.h"
#include "store_fixture.h"

namespace solipraxis::store::testing {
namespace {

template <typename T>
core::Status status_of(const Result<T>& r) {
  if (r) return {};
  return r.error();
}

core::Tool sample_tool(const std::string& name) {
  core::Tool t;
  t.name = name;
  t.purpose = "Briefe in einfache Sprache übertragen";
  return t;
}

core::TransitionRequest request(core::DecisionKind kind) {
  core::TransitionRequest r;
  r.kind = kind;
  r.rationale = "Im Team abgewogen.";
  r.principles = {{1, "Nutzen und Kosten abgewogen"}};
  r.decided_by = "Team Beratung";
  r.decided_on = *core::Date::parse("2026-01-01");
  return r;
}

class WriteFaults : public StoreContract {
 protected:
  void SetUp() override {
    StoreContract::SetUp();
    if (HasFatalFailure()) return;
    org_ = make_org("verein");
    owner_ = make_user("owner@example.org");
    ASSERT_OK(store_->orgs().add_member(org_.id, owner_.id, Role::kOwner, actor_));
  }
  Store& store() { return *store_; }

  // One audited write: `prepare` makes what it needs through the normal store
  // and returns the write itself, to be run on the faulty store.
  using Write = std::function<core::Status(Store&)>;
  struct AuditedWrite {
    std::string name;
    std::function<Write()> prepare;
  };
  std::vector<AuditedWrite> audited_writes();

  Org org_;
  User owner_;
};

std::vector<WriteFaults::AuditedWrite> WriteFaults::audited_writes() {
  const OrgId org = org_.id;
  const Actor a = actor_;
  auto tool = [this, org, a] {
    return store().tools().create_tool(org, sample_tool("Werkzeug"), a).value();
  };
  auto member = [this, org, a] {
    static int n = 0;
    User u = make_user("m" + std::to_string(++n) + "@example.org");
    EXPECT_TRUE(store().orgs().add_member(org, u.id, Role::kMember, a).has_value());
    return u;
  };
  auto invite = [this, org] {
    Invite inv;
    inv.token_hash = hash_token(random_token());
    inv.created_by = owner_.id;
    inv.expires_at = clock_.now() + 86400;
    return store().orgs().create_invite(org, inv, actor_).value();
  };
  auto entry = [] {
    OrgCatalogEntry e;
    e.text_de = "Wen fragen wir vorher?";
    return e;
  };
  return {
      {"create_tool", [=] { return Write([=](Store& s) {
         return status_of(s.tools().create_tool(org, sample_tool("Neu"), a)); }); }},
      {"update_tool", [=] { auto t = tool(); t.purpose = "Anders"; return Write([=](Store& s) {
         return status_of(s.tools().update_tool(org, t, t.version, a)); }); }},
      {"transition_tool", [=] { auto t = tool(); return Write([=](Store& s) {
         return status_of(s.tools().transition_tool(org, t.id, request(core::DecisionKind::kExplore),
                                            t.version, a)); }); }},
      {"add_member", [=, this] { User u = make_user("new@example.org"); return Write([=](Store& s) {
         return s.orgs().add_member(org, u.id, Role::kEditor, a); }); }},
      {"set_member_role", [=] { User u = member(); return Write([=](Store& s) {
         return s.orgs().set_member_role(org, u.id, Role::kEditor, a); }); }},
      {"remove_member", [=] { User u = member(); return Write([=](Store& s) {
         return s.orgs().remove_member(org, u.id, a); }); }},
      {"create_invite", [=, this] { return Write([=, this](Store& s) {
         Invite inv;
         inv.token_hash = hash_token(random_token());
         inv.created_by = owner_.id;
         inv.expires_at = clock_.now() + 86400;
         return status_of(s.orgs().create_invite(org, inv, a)); }); }},
      {"revoke_invite", [=] { auto inv = invite(); return Write([=](Store& s) {
         return s.orgs().revoke_invite(org, inv.id, a); }); }},
      {"set_checker_settings", [=] { return Write([=](Store& s) {
         CheckerSettings cs;
         cs.role = "Beratungsstelle";
         return status_of(s.checker().set_checker_settings(org, cs, a)); }); }},
      {"create_red_line", [=] { return Write([=](Store& s) {
         return status_of(s.tools().create_red_line(org, "Keine Gesichtserkennung", a)); }); }},
      {"update_red_line", [=, this] {
         auto l = store().tools().create_red_line(org, "Alt", a).value(); l.text = "Neu";
         return Write([=](Store& s) { return status_of(s.tools().update_red_line(org, l, a)); }); }},
      {"delete_red_line", [=, this] {
         auto l = store().tools().create_red_line(org, "Weg damit", a).value();
         return Write([=](Store& s) { return s.tools().delete_red_line(org, l.id, a); }); }},
      {"set_review_interval_months", [=] { return Write([=](Store& s) {
         return s.tools().set_review_interval_months(org, 6, a); }); }},
      {"create_org_catalog_entry", [=] { return Write([=](Store& s) {
         return status_of(s.catalog().create_org_catalog_entry(org, entry(), a)); }); }},
      {"update_org_catalog_entry", [=, this] {
         auto e = store().catalog().create_org_catalog_entry(org, entry(), a).value(); e.text_de = "Neu?";
         return Write([=](Store& s) { return status_of(s.catalog().update_org_catalog_entry(org, e, a)); }); }},
      {"delete_org_catalog_entry", [=, this] {
         auto e = store().catalog().create_org_catalog_entry(org, entry(), a).value();
         return Write([=](Store& s) { return s.catalog().delete_org_catalog_entry(org, e.id, a); }); }},
      {"set_catalog_entry_hidden", [=] { return Write([=](Store& s) {
         return s.catalog().set_catalog_entry_hidden(org, "q.development.01", true, a); }); }},
      {"set_catalog_order", [=, this] {
         auto e = store().catalog().create_org_catalog_entry(org, entry(), a).value();
         return Write([=](Store& s) {
           return s.catalog().set_catalog_order(org, 1, "question", {e.entry_id()}, a); }); }},
      {"set_review_feed", [=] { return Write([=](Store& s) {
         return status_of(s.tools().set_review_feed(org, hash_token(random_token()), a)); }); }},
      {"delete_review_feed", [=, this] {
         EXPECT_TRUE(store().tools().set_review_feed(org, hash_token(random_token()), a).has_value());
         return Write([=](Store& s) { return s.tools().delete_review_feed(org, a); }); }},
  };
}

TEST_P(WriteFaults, AFailingAuditInsertRollsTheWholeChangeBack) {
  auto plan = std::make_shared<FaultPlan>();
  auto faulty = open_with_faults(plan);
  ASSERT_NE(faulty, nullptr);
  for (const auto& w : audited_writes()) {
    SCOPED_TRACE(w.name);
    Write write = w.prepare();
    const std::string before = dump_all();
    const int injected = plan->injected();
    plan->fail_nth("INSERT INTO audit_log");
    const auto st = write(*faulty);
    plan->disarm();
    ASSERT_EQ(plan->injected(), injected + 1) << "the write never reached its audit insert";
    EXPECT_FALSE(st.has_value()) << "the failed audit insert was ignored";
    EXPECT_EQ(dump_all(), before) << "the change stayed without its audit row";
    // The same write without the fault succeeds: the refusal above was the audit's.
    const auto again = write(*faulty);
    EXPECT_TRUE(again.has_value()) << again.error().detail;
    EXPECT_NE(dump_all(), before);
  }
}

TEST_P(WriteFaults, AFailingPhaseUpdateLeavesNoDecision) {
  // A transition inserts its decision, then moves the tool: when the move fails,
  // the decision must not stay behind.
  auto plan = std::make_shared<FaultPlan>();
  auto faulty = open_with_faults(plan);
  ASSERT_NE(faulty, nullptr);
  auto t = store().tools().create_tool(org_.id, sample_tool("Werkzeug"), actor_).value();
  const std::string before = dump_all();
  plan->fail_nth("UPDATE tools");
  auto moved =
      faulty->tools().transition_tool(org_.id, t.id, request(core::DecisionKind::kExplore), t.version,
                              actor_);
  EXPECT_FALSE(moved.has_value());
  EXPECT_EQ(plan->injected(), 1);
  EXPECT_EQ(dump_all(), before) << "a decision without its phase change stayed";
}

TEST_P(WriteFaults, TwoRacingTransitionsLeaveExactlyOneDecision) {
  // Two servers on the same database, each with its own connections.
  auto second = open();
  ASSERT_TRUE(second.has_value()) << second.error().detail;
  Store* stores[2] = {store_.get(), second->get()};
  const core::DecisionKind kinds[2] = {core::DecisionKind::kExplore, core::DecisionKind::kReject};
  constexpr int kRounds = 20;
  for (int round = 0; round < kRounds; ++round) {
    auto t = store().tools().create_tool(org_.id, sample_tool("Werkzeug " + std::to_string(round)),
                                 actor_).value();
    std::barrier start(2);
    Result<ToolTransition> results[2] = {core::make_error(core::ErrorCode::kInternal, "unset"),
                                         core::make_error(core::ErrorCode::kInternal, "unset")};
    std::vector<std::thread> threads;
    for (int i = 0; i < 2; ++i) {
      threads.emplace_back([&, i] {
        start.arrive_and_wait();
        // Both start from the version the page showed, as two people submitting at once.
        results[i] = stores[i]->tools().transition_tool(org_.id, t.id, request(kinds[i]), t.version,
                                                actor_);
      });
    }
    for (auto& th : threads) th.join();
    const int succeeded = (results[0] ? 1 : 0) + (results[1] ? 1 : 0);
    EXPECT_EQ(succeeded, 1) << "round " << round;
    for (const auto& r : results) {
      if (!r) {
        EXPECT_NE(r.error().code, core::ErrorCode::kInternal) << r.error().detail;
      }
    }
    auto decisions = store().tools().decisions(org_.id, t.id);
    ASSERT_TRUE(decisions.has_value());
    ASSERT_EQ(decisions->size(), 1u) << "round " << round;
    auto now = store().tools().tool(org_.id, t.id).value();
    EXPECT_EQ(now.phase, decisions->front().to) << "round " << round;
    EXPECT_EQ(now.version, t.version + 1);
    const auto entries = audit(org_.id);
    EXPECT_EQ(std::count_if(entries.begin(), entries.end(),
                            [&](const AuditEntry& e) {
                              return e.action == "tool.transition" &&
                                     e.entity_id == std::to_string(t.id.value);
                            }),
              1);
  }
}

INSTANTIATE_TEST_SUITE_P(sqlite, WriteFaults, ::testing::Values("sqlite"),
                         [](const auto& info) { return info.param; });
INSTANTIATE_TEST_SUITE_P(postgresql, WriteFaults, ::testing::Values("postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace solipraxis::store::testing
