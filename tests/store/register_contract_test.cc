// Store contract for the AI tool register (issue 6), run against every engine:
// every (phase, decision kind) pair through transition_tool, the red-line gate,
// optimistic locking, tenant isolation, the non-use list, due reviews and the
// audit trail. A refused change must leave the stored data exactly as it was.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <vector>

#include "core/transition.h"
#include "store/audit.h"
#include "store/orgs.h"
#include "store/paging.h"
#include "store/store.h"
#include "store/tools.h"
#include "store_fixture.h"

namespace solipraxis::store::testing {
namespace {

using core::Date;
using core::DecisionKind;
using core::ErrorCode;
using core::Phase;

// 2026-01-01, the FakeClock's default.
const Date kToday = *Date::parse("2026-01-01");

class RegisterContract : public StoreContract {
 protected:
  void SetUp() override {
    StoreContract::SetUp();
    if (HasFatalFailure()) return;
    auto o = store().orgs().create_org("verein", "Verein für Beratung", actor_);
    ASSERT_TRUE(o.has_value()) << o.error().detail;
    org_ = o->id;
    auto other = store().orgs().create_org("andere", "Andere Organisation", actor_);
    ASSERT_TRUE(other.has_value()) << other.error().detail;
    other_ = other->id;
  }

  core::Tool new_tool(std::string name = "Übersetzungshilfe") {
    core::Tool t;
    t.name = std::move(name);
    t.vendor = "Beispiel gGmbH";
    t.purpose = "Briefe in einfache Sprache übertragen";
    t.hosting = core::Hosting::kEuCloud;
    t.openness = core::Openness::kOpenWeights;
    t.personal_data = core::DataAnswer::kYes;
    t.links = {"https://example.org/tool"};
    return t;
  }

  core::Tool create(OrgId org, core::Tool t) {
    auto created = store().tools().create_tool(org, t, actor_);
    EXPECT_TRUE(created.has_value()) << created.error().key << " " << created.error().detail;
    return created.has_value() ? *created : core::Tool{};
  }

  core::TransitionRequest request(DecisionKind kind) {
    core::TransitionRequest r;
    r.kind = kind;
    r.rationale = "Im Team abgewogen.";
    r.principles = {{1, "Nutzen und Kosten abgewogen"}, {4, "Entscheidung veröffentlicht"}};
    r.decided_by = "Team Beratung";
    r.decided_on = kToday;
    r.recorded_by = std::nullopt;
    for (const auto& l : lines_) r.confirmed_red_lines.push_back(l.id);
    return r;
  }

  Result<ToolTransition> move(OrgId org, core::ToolId id, DecisionKind kind) {
    return store().tools().transition_tool(org, id, request(kind), std::nullopt, actor_);
  }

  // A fresh tool walked from idea to `phase` by allowed decisions.
  core::Tool tool_in(Phase phase) {
    static const std::map<Phase, std::vector<DecisionKind>> kPaths = {
        {Phase::kIdea, {}},
        {Phase::kSelection, {DecisionKind::kExplore}},
        {Phase::kPilot, {DecisionKind::kExplore, DecisionKind::kPilot}},
        {Phase::kInUse, {DecisionKind::kExplore, DecisionKind::kPilot, DecisionKind::kAdopt}},
        {Phase::kEvaluation,
         {DecisionKind::kExplore, DecisionKind::kPilot, DecisionKind::kAdopt,
          DecisionKind::kEvaluate}},
        {Phase::kRetired,
         {DecisionKind::kExplore, DecisionKind::kPilot, DecisionKind::kAdopt,
          DecisionKind::kRetire}},
        {Phase::kRejected, {DecisionKind::kReject}},
    };
    core::Tool t = create(org_, new_tool(std::string("Tool in ") + core::phase_name(phase)));
    for (DecisionKind k : kPaths.at(phase)) {
      auto moved = move(org_, t.id, k);
      EXPECT_TRUE(moved.has_value()) << moved.error().key << " " << moved.error().detail;
      if (moved.has_value()) t = moved->tool;
    }
    EXPECT_EQ(t.phase, phase);
    return t;
  }

  std::size_t decision_count(core::ToolId id) {
    auto d = store().tools().decisions(org_, id);
    EXPECT_TRUE(d.has_value());
    return d.has_value() ? d->size() : 0;
  }

  std::vector<std::string> audit_actions() {
    auto page = store().audit().audit_log(org_, PageRequest{200, ""});
    EXPECT_TRUE(page.has_value());
    std::vector<std::string> out;
    if (page.has_value()) {
      for (const auto& e : page->items) out.push_back(e.action);
    }
    return out;
  }

  void add_red_lines() {
    auto a = store().tools().create_red_line(org_, "Kein Tool, das mit Beratungsgesprächen trainiert.",
                                     actor_);
    ASSERT_TRUE(a.has_value()) << a.error().detail;
    auto b = store().tools().create_red_line(org_, "Keine automatisierten Entscheidungen über Menschen.",
                                     actor_);
    ASSERT_TRUE(b.has_value());
    auto old = store().tools().create_red_line(org_, "Früher: nur Anbieter aus der EU.", actor_);
    ASSERT_TRUE(old.has_value());
    old->active = false;
    ASSERT_TRUE(store().tools().update_red_line(org_, *old, actor_).has_value());
  }

  Store& store() { return *store_; }

  OrgId org_;
  OrgId other_;
  std::vector<core::RedLine> lines_;  // confirmed by request(); empty unless a test fills it
};

TEST_P(RegisterContract, EveryPhaseAndDecisionKindPair) {
  int allowed = 0;
  for (Phase from : core::kAllPhases) {
    for (DecisionKind kind : core::kAllDecisionKinds) {
      SCOPED_TRACE(std::string(core::phase_name(from)) + " / " + core::decision_kind_name(kind));
      const core::Tool before = tool_in(from);
      const std::size_t decisions_before = decision_count(before.id);
      auto expected = core::transition(from, kind);
      auto moved = move(org_, before.id, kind);
      auto stored = store().tools().tool(org_, before.id);
      ASSERT_TRUE(stored.has_value());
      if (!expected) {
        ASSERT_FALSE(moved.has_value());
        EXPECT_EQ(moved.error().code, ErrorCode::kConflict);
        EXPECT_EQ(moved.error().key, "tools.error.transition_not_allowed");
        EXPECT_EQ(stored->phase, from);
        EXPECT_EQ(stored->version, before.version);
        EXPECT_EQ(decision_count(before.id), decisions_before);
        continue;
      }
      ++allowed;
      ASSERT_TRUE(moved.has_value()) << moved.error().key << " " << moved.error().detail;
      EXPECT_EQ(moved->tool.phase, *expected);
      EXPECT_EQ(stored->phase, *expected);
      EXPECT_EQ(stored->version, before.version + 1);
      // Reviewed phases get the default date; selection keeps none; terminal clears.
      EXPECT_EQ(stored->next_review.has_value(), core::requires_review(*expected));
      if (core::requires_review(*expected)) {
        EXPECT_EQ(stored->next_review, kToday.add_months(6));
      }
      auto decisions = store().tools().decisions(org_, before.id);
      ASSERT_TRUE(decisions.has_value());
      ASSERT_EQ(decisions->size(), decisions_before + 1);
      const auto& d = decisions->back();
      EXPECT_EQ(d.id, moved->decision.id);
      EXPECT_EQ(d.kind, kind);
      EXPECT_EQ(d.from, from);
      EXPECT_EQ(d.to, *expected);
      EXPECT_EQ(d.rationale, "Im Team abgewogen.");
      EXPECT_EQ(d.decided_by, "Team Beratung");
      EXPECT_EQ(d.decided_on, kToday);
      ASSERT_EQ(d.principles.size(), 2u);
      EXPECT_EQ(d.principles[0].principle, 1);
      EXPECT_EQ(d.principles[1].how, "Entscheidung veröffentlicht");
    }
  }
  EXPECT_EQ(allowed, 10);
}

TEST_P(RegisterContract, RedLineGateRefusesPilotAndUseUntilEveryActiveLineIsConfirmed) {
  add_red_lines();
  auto lines = store().tools().red_lines(org_);
  ASSERT_TRUE(lines.has_value());
  ASSERT_EQ(lines->size(), 3u);
  const core::Tool t = tool_in(Phase::kSelection);

  // Nothing confirmed, then only the first line: refused, nothing written.
  for (std::size_t confirmed = 0; confirmed < 2; ++confirmed) {
    auto req = request(DecisionKind::kPilot);
    for (std::size_t i = 0; i < confirmed; ++i) req.confirmed_red_lines.push_back((*lines)[i].id);
    auto refused = store().tools().transition_tool(org_, t.id, req, t.version, actor_);
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
    EXPECT_EQ(refused.error().key, "tools.error.red_line_unconfirmed");
    EXPECT_NE(refused.error().detail.find((*lines)[confirmed].text), std::string::npos)
        << "the refusal names the unconfirmed red line";
    auto stored = store().tools().tool(org_, t.id);
    EXPECT_EQ(stored->phase, Phase::kSelection);
    EXPECT_EQ(stored->version, t.version);
    EXPECT_EQ(decision_count(t.id), 1u);
  }

  // The inactive third line need not be confirmed.
  auto req = request(DecisionKind::kPilot);
  req.confirmed_red_lines = {(*lines)[0].id, (*lines)[1].id};
  auto pilot = store().tools().transition_tool(org_, t.id, req, t.version, actor_);
  ASSERT_TRUE(pilot.has_value()) << pilot.error().detail;
  ASSERT_EQ(pilot->decision.red_lines.size(), 2u);
  auto decisions = store().tools().decisions(org_, t.id);
  ASSERT_EQ(decisions->back().red_lines.size(), 2u);
  EXPECT_EQ(decisions->back().red_lines[0].red_line, (*lines)[0].id);
  EXPECT_EQ(decisions->back().red_lines[0].text, (*lines)[0].text);
  // The record reads the tool with the same decisions at once.
  auto record = store().tools().record(org_, t.id);
  ASSERT_TRUE(record.has_value()) << record.error().detail;
  EXPECT_EQ(record->tool.phase, Phase::kPilot);
  EXPECT_EQ(record->tool.version, pilot->tool.version);
  ASSERT_EQ(record->decisions.size(), decisions->size());
  EXPECT_EQ(record->decisions.back().id, decisions->back().id);
  EXPECT_EQ(record->decisions.back().red_lines.size(), 2u);
  EXPECT_EQ(record->decisions.back().principles.size(), decisions->back().principles.size());

  // Adopting is gated as well.
  auto adopt = move(org_, t.id, DecisionKind::kAdopt);
  ASSERT_FALSE(adopt.has_value());
  EXPECT_EQ(adopt.error().key, "tools.error.red_line_unconfirmed");

  // Deciding against the tool never needs a confirmation.
  auto reject = move(org_, t.id, DecisionKind::kReject);
  ASSERT_TRUE(reject.has_value()) << reject.error().detail;
  EXPECT_TRUE(reject->decision.red_lines.empty());

  // A confirmed line is history: it cannot be deleted, only deactivated.
  auto del = store().tools().delete_red_line(org_, (*lines)[0].id, actor_);
  ASSERT_FALSE(del.has_value());
  EXPECT_EQ(del.error().key, "tools.error.red_line_in_use");
  EXPECT_TRUE(store().tools().delete_red_line(org_, (*lines)[2].id, actor_).has_value());
  EXPECT_EQ(store().tools().red_lines(org_)->size(), 2u);
}

TEST_P(RegisterContract, AConfirmedRedLineKeepsItsTextButCanBeDeactivated) {
  add_red_lines();
  auto lines = store().tools().red_lines(org_);
  ASSERT_TRUE(lines.has_value());
  const core::Tool t = tool_in(Phase::kSelection);
  auto req = request(DecisionKind::kPilot);
  req.confirmed_red_lines = {(*lines)[0].id, (*lines)[1].id};
  ASSERT_TRUE(store().tools().transition_tool(org_, t.id, req, t.version, actor_).has_value());
  const auto audit_before = store().audit().audit_log(org_, {200, ""})->items.size();

  core::RedLine reworded = (*lines)[0];
  reworded.text = "Training nur mit Einwilligung.";
  reworded.active = false;
  auto refused = store().tools().update_red_line(org_, reworded, actor_);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
  EXPECT_EQ(refused.error().key, "tools.error.red_line_in_use");
  auto stored = store().tools().red_lines(org_);
  EXPECT_EQ((*stored)[0].text, (*lines)[0].text);
  EXPECT_TRUE((*stored)[0].active) << "nothing changed, not even the flag";
  EXPECT_EQ((*stored)[0].updated_at, (*lines)[0].updated_at);
  EXPECT_EQ(store().audit().audit_log(org_, {200, ""})->items.size(), audit_before);

  // The same text (the store trims it) with another flag is no rewording.
  core::RedLine off = (*lines)[0];
  off.text = "  " + off.text + " ";
  off.active = false;
  auto saved = store().tools().update_red_line(org_, off, actor_);
  ASSERT_TRUE(saved.has_value()) << saved.error().detail;
  EXPECT_FALSE(saved->active);
  EXPECT_EQ(saved->text, (*lines)[0].text);

  // A line no decision confirmed can still be reworded.
  core::RedLine unused = (*lines)[2];
  unused.text = "Nur Anbieter mit Sitz in der EU.";
  auto reworded_unused = store().tools().update_red_line(org_, unused, actor_);
  ASSERT_TRUE(reworded_unused.has_value()) << reworded_unused.error().detail;
  EXPECT_EQ(reworded_unused->text, "Nur Anbieter mit Sitz in der EU.");
}

TEST_P(RegisterContract, RedLineOfAnotherOrgCannotBeConfirmed) {
  auto foreign = store().tools().create_red_line(other_, "Fremde rote Linie", actor_);
  ASSERT_TRUE(foreign.has_value());
  const core::Tool t = tool_in(Phase::kSelection);
  auto req = request(DecisionKind::kPilot);
  req.confirmed_red_lines = {foreign->id};
  auto refused = store().tools().transition_tool(org_, t.id, req, std::nullopt, actor_);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().key, "tools.error.red_line_unknown");
  EXPECT_EQ(store().tools().tool(org_, t.id)->phase, Phase::kSelection);
  // Its own org's lines are unaffected by another org's red lines.
  EXPECT_TRUE(move(org_, t.id, DecisionKind::kPilot).has_value());
}

TEST_P(RegisterContract, DecisionNeedsRationaleAndKnownPrinciples) {
  const core::Tool t = tool_in(Phase::kIdea);
  auto req = request(DecisionKind::kReject);
  req.rationale = "  \n ";
  auto refused = store().tools().transition_tool(org_, t.id, req, std::nullopt, actor_);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(refused.error().key, "tools.error.rationale_required");
  req = request(DecisionKind::kReject);
  req.principles = {{9, "gibt es nicht"}};
  refused = store().tools().transition_tool(org_, t.id, req, std::nullopt, actor_);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().key, "tools.error.principle_unknown");
  EXPECT_EQ(decision_count(t.id), 0u);
  EXPECT_EQ(store().tools().tool(org_, t.id)->phase, Phase::kIdea);
}

TEST_P(RegisterContract, ConcurrentEditGetsAConflictAndLosesNothing) {
  const core::Tool t = create(org_, new_tool());
  EXPECT_EQ(t.version, 1);
  core::Tool alice = t;
  alice.purpose = "Alices Fassung";
  core::Tool bob = t;
  bob.cost = "50 Euro im Monat";
  auto first = store().tools().update_tool(org_, alice, t.version, actor_);
  ASSERT_TRUE(first.has_value()) << first.error().detail;
  EXPECT_EQ(first->version, 2);
  auto second = store().tools().update_tool(org_, bob, t.version, actor_);
  ASSERT_FALSE(second.has_value());
  EXPECT_EQ(second.error().code, ErrorCode::kConflict);
  EXPECT_EQ(second.error().key, "tools.error.stale_version");
  auto stored = store().tools().tool(org_, t.id);
  EXPECT_EQ(stored->purpose, "Alices Fassung");
  EXPECT_EQ(stored->cost, "");
  // A transition against the old version is refused the same way.
  auto moved = store().tools().transition_tool(org_, t.id, request(DecisionKind::kExplore), t.version,
                                       actor_);
  ASSERT_FALSE(moved.has_value());
  EXPECT_EQ(moved.error().key, "tools.error.stale_version");
  EXPECT_EQ(store().tools().tool(org_, t.id)->phase, Phase::kIdea);
}

TEST_P(RegisterContract, UpdateKeepsPhaseAndValidates) {
  const core::Tool t = tool_in(Phase::kPilot);
  core::Tool edit = t;
  edit.phase = Phase::kInUse;  // ignored: phases change only by decisions
  edit.name = "  Neuer Name  ";
  edit.is_public = true;
  edit.public_summary = "Hilft, Briefe verständlich zu schreiben.";
  auto saved = store().tools().update_tool(org_, edit, t.version, actor_);
  ASSERT_TRUE(saved.has_value()) << saved.error().detail;
  EXPECT_EQ(saved->phase, Phase::kPilot);
  EXPECT_EQ(saved->name, "Neuer Name");
  EXPECT_TRUE(saved->is_public);

  edit = *saved;
  edit.name = std::string(101, 'x');
  auto too_long = store().tools().update_tool(org_, edit, saved->version, actor_);
  ASSERT_FALSE(too_long.has_value());
  EXPECT_EQ(too_long.error().key, "tools.error.name_too_long");
  edit = *saved;
  edit.next_review = kToday.add_days(-1);
  auto past = store().tools().update_tool(org_, edit, saved->version, actor_);
  ASSERT_FALSE(past.has_value());
  EXPECT_EQ(past.error().key, "tools.error.next_review_in_past");
  edit = *saved;
  edit.next_review.reset();
  auto none = store().tools().update_tool(org_, edit, saved->version, actor_);
  ASSERT_FALSE(none.has_value());
  EXPECT_EQ(none.error().key, "tools.error.next_review_required");
  EXPECT_EQ(store().tools().tool(org_, t.id)->version, saved->version);
}

TEST_P(RegisterContract, CreateStartsAsIdeaAndRefusesBadInput) {
  core::Tool t = new_tool();
  t.phase = Phase::kInUse;
  t.links = {"javascript:alert(1)"};
  auto bad = store().tools().create_tool(org_, t, actor_);
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(bad.error().key, "tools.error.link_invalid");
  t.links = {};
  t.name = "<script>alert('x')</script>";
  auto created = store().tools().create_tool(org_, t, actor_);
  ASSERT_TRUE(created.has_value()) << created.error().detail;
  EXPECT_EQ(created->phase, Phase::kIdea);
  EXPECT_EQ(created->version, 1);
  EXPECT_EQ(created->name, "<script>alert('x')</script>") << "stored as written, escaped on output";
  EXPECT_EQ(store().tools().list_tools(org_, {}, {})->items.size(), 1u);
}

TEST_P(RegisterContract, OtherOrgsToolsAreNotFound) {
  const core::Tool mine = tool_in(Phase::kIdea);
  auto t = store().tools().tool(other_, mine.id);
  ASSERT_FALSE(t.has_value());
  EXPECT_EQ(t.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store().tools().decisions(other_, mine.id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store().tools().record(other_, mine.id).error().key, "tools.error.not_found");
  EXPECT_EQ(store().tools().record(org_, core::ToolId(999999)).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store().tools().record(org_, mine.id)->tool.name, mine.name);
  EXPECT_EQ(move(other_, mine.id, DecisionKind::kExplore).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store().tools().update_tool(other_, mine, mine.version, actor_).error().code,
            ErrorCode::kNotFound);
  EXPECT_TRUE(store().tools().list_tools(other_, {}, {})->items.empty());
  EXPECT_EQ(store().tools().tool(org_, mine.id)->phase, Phase::kIdea);
}

TEST_P(RegisterContract, ListFiltersAndPages) {
  for (int i = 0; i < 5; ++i) create(org_, new_tool("Tool " + std::to_string(i)));
  const core::Tool rejected = tool_in(Phase::kRejected);
  core::Tool pub = create(org_, new_tool("Öffentlich"));
  pub.is_public = true;
  pub.public_summary = "Steht im Register.";
  ASSERT_TRUE(store().tools().update_tool(org_, pub, pub.version, actor_).has_value());
  create(other_, new_tool("Fremd"));

  std::vector<core::ToolId> seen;
  PageRequest page{3, ""};
  for (int guard = 0; guard < 10; ++guard) {
    auto p = store().tools().list_tools(org_, {}, page);
    ASSERT_TRUE(p.has_value()) << p.error().detail;
    EXPECT_LE(p->items.size(), 3u);
    for (const auto& t : p->items) seen.push_back(t.id);
    if (p->next.empty()) break;
    page.cursor = p->next;
  }
  EXPECT_EQ(seen.size(), 7u);
  EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
  EXPECT_EQ(std::adjacent_find(seen.begin(), seen.end()), seen.end());

  ToolFilter by_phase;
  by_phase.phase = Phase::kRejected;
  auto r = store().tools().list_tools(org_, by_phase, {});
  ASSERT_EQ(r->items.size(), 1u);
  EXPECT_EQ(r->items[0].id, rejected.id);
  ToolFilter public_only;
  public_only.is_public = true;
  auto p = store().tools().list_tools(org_, public_only, {});
  ASSERT_EQ(p->items.size(), 1u);
  EXPECT_EQ(p->items[0].name, "Öffentlich");

  auto bad = store().tools().list_tools(org_, {}, PageRequest{10, "not-a-cursor"});
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidInput);
}

TEST_P(RegisterContract, NonUseListShowsRejectedToolsWithTheirReasons) {
  tool_in(Phase::kInUse);
  const core::Tool a = tool_in(Phase::kPilot);
  auto req = request(DecisionKind::kReject);
  req.rationale = "Das Tool trainiert mit unseren Beratungsgesprächen.";
  req.principles = {{2, "Ratsuchende zuerst"}};
  ASSERT_TRUE(store().tools().transition_tool(org_, a.id, req, std::nullopt, actor_).has_value());
  const core::Tool b = tool_in(Phase::kRejected);
  auto list = store().tools().non_use_tools(org_);
  ASSERT_TRUE(list.has_value()) << list.error().detail;
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].tool.id, b.id) << "newest decision first";
  EXPECT_EQ((*list)[1].tool.id, a.id);
  EXPECT_EQ((*list)[1].decision.kind, DecisionKind::kReject);
  EXPECT_EQ((*list)[1].decision.from, Phase::kPilot);
  EXPECT_EQ((*list)[1].decision.rationale, "Das Tool trainiert mit unseren Beratungsgesprächen.");
  ASSERT_EQ((*list)[1].decision.principles.size(), 1u);
  EXPECT_EQ((*list)[1].decision.principles[0].principle, 2);
  EXPECT_TRUE(store().tools().non_use_tools(other_)->empty());
}

TEST_P(RegisterContract, ReviewsDueAndTheOrgsInterval) {
  ASSERT_TRUE(store().tools().set_review_interval_months(org_, 2, actor_).has_value());
  EXPECT_EQ(*store().tools().review_interval_months(org_), 2);
  auto bad = store().tools().set_review_interval_months(org_, 0, actor_);
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().key, "tools.error.review_interval_invalid");

  const core::Tool soon = tool_in(Phase::kPilot);  // review 2026-03-01
  EXPECT_EQ(soon.next_review, *Date::parse("2026-03-01"));
  const core::Tool later = tool_in(Phase::kSelection);
  auto req = request(DecisionKind::kPilot);
  req.next_review = *Date::parse("2026-06-30");
  ASSERT_TRUE(store().tools().transition_tool(org_, later.id, req, std::nullopt, actor_).has_value());
  tool_in(Phase::kRejected);  // never due

  auto due = store().tools().tools_due_for_review(org_, *Date::parse("2026-03-31"));
  ASSERT_TRUE(due.has_value()) << due.error().detail;
  ASSERT_EQ(due->size(), 1u);
  EXPECT_EQ((*due)[0].id, soon.id);
  due = store().tools().tools_due_for_review(org_, *Date::parse("2026-12-31"));
  ASSERT_EQ(due->size(), 2u);
  EXPECT_EQ((*due)[0].id, soon.id) << "earliest first";
  EXPECT_EQ((*due)[1].id, later.id);
  EXPECT_TRUE(store().tools().tools_due_for_review(other_, *Date::parse("2026-12-31"))->empty());
}

TEST_P(RegisterContract, EveryChangeIsAudited) {
  add_red_lines();
  lines_ = *store().tools().red_lines(org_);
  std::erase_if(lines_, [](const core::RedLine& l) { return !l.active; });
  core::Tool t = create(org_, new_tool());
  t.cost = "kostenlos";
  t = *store().tools().update_tool(org_, t, t.version, actor_);
  ASSERT_TRUE(move(org_, t.id, DecisionKind::kExplore).has_value());
  ASSERT_TRUE(store().tools().set_review_interval_months(org_, 3, actor_).has_value());
  const auto actions = audit_actions();  // newest first
  const std::vector<std::string> expected = {
      "org.review_interval", "tool.transition", "tool.update",     "tool.create",
      "red_line.update",     "red_line.create", "red_line.create", "red_line.create"};
  ASSERT_GE(actions.size(), expected.size());
  EXPECT_EQ(std::vector<std::string>(actions.begin(), actions.begin() + expected.size()), expected);
  // A refused change writes no audit row.
  const auto before = audit_actions().size();
  EXPECT_FALSE(move(org_, t.id, DecisionKind::kAdopt).has_value());
  EXPECT_EQ(audit_actions().size(), before);
}

TEST_P(RegisterContract, EveryAllowedTransitionIsGatedExactlyWhenItLeadsToPilotOrUse) {
  add_red_lines();
  lines_ = *store().tools().red_lines(org_);
  std::erase_if(lines_, [](const core::RedLine& l) { return !l.active; });
  ASSERT_EQ(lines_.size(), 2u);
  int gated = 0;
  for (Phase from : core::kAllPhases) {
    for (DecisionKind kind : core::kAllDecisionKinds) {
      auto to = core::transition(from, kind);
      if (!to) continue;
      SCOPED_TRACE(std::string(core::phase_name(from)) + " / " + core::decision_kind_name(kind));
      const core::Tool before = tool_in(from);
      const std::size_t decisions_before = decision_count(before.id);
      auto unconfirmed = request(kind);
      unconfirmed.confirmed_red_lines.clear();
      auto first = store().tools().transition_tool(org_, before.id, unconfirmed, before.version, actor_);
      const bool needs_gate = *to == Phase::kPilot || *to == Phase::kInUse;
      if (needs_gate) {
        ++gated;
        ASSERT_FALSE(first.has_value());
        EXPECT_EQ(first.error().code, ErrorCode::kConflict);
        EXPECT_EQ(first.error().key, "tools.error.red_line_unconfirmed");
        auto stored = store().tools().tool(org_, before.id);
        EXPECT_EQ(stored->phase, from);
        EXPECT_EQ(stored->version, before.version);
        EXPECT_EQ(decision_count(before.id), decisions_before);
        auto confirmed = store().tools().transition_tool(org_, before.id, request(kind), before.version, actor_);
        ASSERT_TRUE(confirmed.has_value()) << confirmed.error().detail;
        EXPECT_EQ(confirmed->tool.phase, *to);
        ASSERT_EQ(confirmed->decision.red_lines.size(), 2u);
        EXPECT_EQ(store().tools().decisions(org_, before.id)->back().red_lines.size(), 2u);
      } else {
        ASSERT_TRUE(first.has_value()) << first.error().detail;
        EXPECT_EQ(first->tool.phase, *to);
        EXPECT_TRUE(first->decision.red_lines.empty()) << "nothing to confirm, nothing recorded";
      }
    }
  }
  EXPECT_EQ(gated, 3) << "selection->pilot, pilot->in_use, evaluation->in_use";
}

TEST_P(RegisterContract, TransitionWithANextReviewInThePastChangesNothing) {
  const core::Tool t = tool_in(Phase::kSelection);
  auto req = request(DecisionKind::kPilot);
  req.next_review = kToday.add_days(-1);
  auto refused = store().tools().transition_tool(org_, t.id, req, t.version, actor_);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(refused.error().key, "tools.error.next_review_in_past");
  auto stored = store().tools().tool(org_, t.id);
  EXPECT_EQ(stored->phase, Phase::kSelection);
  EXPECT_EQ(stored->version, t.version);
  EXPECT_FALSE(stored->next_review.has_value());
  EXPECT_EQ(decision_count(t.id), 1u);
  req.next_review = kToday;  // today itself is allowed
  auto moved = store().tools().transition_tool(org_, t.id, req, t.version, actor_);
  ASSERT_TRUE(moved.has_value()) << moved.error().detail;
  EXPECT_EQ(moved->tool.next_review, kToday);
}

TEST_P(RegisterContract, BackdatedDecisionsSortByTheirDayAndAreNotOverdue) {
  core::Tool t = create(org_, new_tool());
  auto explore = request(DecisionKind::kExplore);
  explore.decided_on = *Date::parse("2025-11-20");
  auto first = store().tools().transition_tool(org_, t.id, explore, std::nullopt, actor_);
  ASSERT_TRUE(first.has_value()) << first.error().detail;
  auto pilot = request(DecisionKind::kPilot);
  pilot.decided_on = *Date::parse("2001-01-01");  // recorded later, taken earlier
  auto second = store().tools().transition_tool(org_, t.id, pilot, std::nullopt, actor_);
  ASSERT_TRUE(second.has_value()) << second.error().detail;
  EXPECT_EQ(second->tool.next_review->str(), "2026-07-01") << "six months from today";
  auto d = store().tools().decisions(org_, t.id);
  ASSERT_TRUE(d.has_value());
  ASSERT_EQ(d->size(), 2u);
  EXPECT_EQ((*d)[0].kind, DecisionKind::kPilot);
  EXPECT_EQ((*d)[0].decided_on.str(), "2001-01-01");
  EXPECT_EQ((*d)[1].kind, DecisionKind::kExplore);
}

INSTANTIATE_TEST_SUITE_P(sqlite, RegisterContract, ::testing::Values("sqlite"),
                         [](const auto& info) { return info.param; });
INSTANTIATE_TEST_SUITE_P(postgresql, RegisterContract, ::testing::Values("postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace solipraxis::store::testing
