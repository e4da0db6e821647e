// Contract: an org's checker settings are its own (another org never sees
// them), are validated before any write, and every save is audited.
#include <nlohmann/json.hpp>

#include "store/audit.h"
#include "store/checker.h"
#include "store/orgs.h"
#include "store/store.h"
#include "store_fixture.h"

namespace solipraxis::store::testing {
namespace {

CheckerSettings sample() {
  CheckerSettings s;
  s.role = "  Beratungsstelle für Geflüchtete ";
  s.values = "Solidarität,\nTeilhabe";
  s.sector = "Soziale Arbeit";
  s.style = "star";
  s.accepted_words = {"Träger", " Anbieter ", "Träger", ""};
  return s;
}

TEST_P(StoreContract, CheckerSettingsDefaultUntilSaved) {
  Org org = make_org("verein");
  auto s = store_->checker().checker_settings(org.id);
  ASSERT_OK(s);
  EXPECT_EQ(s->updated_at, 0);
  EXPECT_EQ(s->style, "colon");
  EXPECT_TRUE(s->accepted_words.empty());
  EXPECT_TRUE(s->role.empty());
  EXPECT_ERR(store_->checker().checker_settings(OrgId(999999)), kNotFound);
}

TEST_P(StoreContract, CheckerSettingsAreSavedNormalisedAndPerOrg) {
  clock_.set(1'800'000'000);
  Org a = make_org("verein-a");
  Org b = make_org("verein-b");
  auto saved = store_->checker().set_checker_settings(a.id, sample(), actor_);
  ASSERT_OK(saved);
  auto s = store_->checker().checker_settings(a.id);
  ASSERT_OK(s);
  EXPECT_EQ(s->role, "Beratungsstelle für Geflüchtete");
  EXPECT_EQ(s->values, "Solidarität,\nTeilhabe");
  EXPECT_EQ(s->sector, "Soziale Arbeit");
  EXPECT_EQ(s->style, "star");
  EXPECT_EQ(s->accepted_words, (std::vector<std::string>{"Anbieter", "Träger"}));
  EXPECT_EQ(s->updated_at, 1'800'000'000);
  EXPECT_EQ(saved->accepted_words, s->accepted_words);

  // The other org still has the defaults.
  auto other = store_->checker().checker_settings(b.id);
  ASSERT_OK(other);
  EXPECT_EQ(other->updated_at, 0);
  EXPECT_TRUE(other->accepted_words.empty());

  // A second save replaces the first.
  CheckerSettings next = *s;
  next.accepted_words = {"Kunde"};
  next.style = "neutral";
  ASSERT_OK(store_->checker().set_checker_settings(a.id, next, actor_));
  s = store_->checker().checker_settings(a.id);
  EXPECT_EQ(s->accepted_words, (std::vector<std::string>{"Kunde"}));
  EXPECT_EQ(s->style, "neutral");
  EXPECT_EQ(count_raw("SELECT COUNT(*) FROM checker_settings"), 1);
}

TEST_P(StoreContract, CheckerSettingsSavesAreAudited) {
  Org org = make_org("verein");
  const auto before = audit(org.id).size();
  ASSERT_OK(store_->checker().set_checker_settings(org.id, sample(), actor_));
  CheckerSettings next = sample();
  next.style = "pair";
  ASSERT_OK(store_->checker().set_checker_settings(org.id, next, actor_));
  auto entries = audit(org.id);
  ASSERT_EQ(entries.size(), before + 2);
  const AuditEntry& first = entries.at(1);
  const AuditEntry& second = entries.at(0);
  EXPECT_EQ(first.action, "checker.settings");
  EXPECT_EQ(first.entity, "checker_settings");
  EXPECT_TRUE(first.before.empty());
  EXPECT_EQ(nlohmann::json::parse(first.after)["style"], "star");
  EXPECT_EQ(nlohmann::json::parse(second.before)["style"], "star");
  EXPECT_EQ(nlohmann::json::parse(second.after)["style"], "pair");
  EXPECT_EQ(nlohmann::json::parse(second.after)["accepted_words"].size(), 2u);
}

TEST_P(StoreContract, InvalidCheckerSettingsChangeNothing) {
  Org org = make_org("verein");
  ASSERT_OK(store_->checker().set_checker_settings(org.id, sample(), actor_));
  const auto audited = audit(org.id).size();
  std::vector<CheckerSettings> bad(5, sample());
  bad[0].style = "gender";
  bad[1].role = std::string(kMaxCheckerContextChars + 1, 'a');
  bad[2].values = "bad \xff utf-8";
  bad[3].accepted_words = {"zwei\x01wörter"};
  bad[4].accepted_words.clear();
  for (std::size_t i = 0; i <= kMaxAcceptedWords; ++i) {
    bad[4].accepted_words.push_back("w" + std::to_string(i));
  }
  for (const auto& s : bad) EXPECT_ERR(store_->checker().set_checker_settings(org.id, s, actor_), kInvalidInput);
  EXPECT_ERR(store_->checker().set_checker_settings(OrgId(999999), sample(), actor_), kNotFound);
  auto s = store_->checker().checker_settings(org.id);
  EXPECT_EQ(s->style, "star");
  EXPECT_EQ(s->accepted_words, (std::vector<std::string>{"Anbieter", "Träger"}));
  EXPECT_EQ(audit(org.id).size(), audited);
}

CheckerSettings with_terms() {
  CheckerSettings s;
  s.org_terms = {{" Flüchtlinge ", {" Geflüchtete", "", "Menschen mit Fluchterfahrung"},
                  "Wir schreiben „Geflüchtete“. "},
                 {"", {}, ""},  // an empty row of the form: dropped
                 {"Asylant", {}, ""}};
  return s;
}

TEST_P(StoreContract, OrgTermsAreSavedTrimmedInOrderAndPerOrg) {
  Org a = make_org("verein-a");
  Org b = make_org("verein-b");
  auto saved = store_->checker().set_checker_settings(a.id, with_terms(), actor_);
  ASSERT_OK(saved);
  const std::vector<CheckerTerm> want{
      {"Flüchtlinge", {"Geflüchtete", "Menschen mit Fluchterfahrung"},
       "Wir schreiben „Geflüchtete“."},
      {"Asylant", {}, ""}};
  EXPECT_EQ(saved->org_terms, want);
  auto s = store_->checker().checker_settings(a.id);
  ASSERT_OK(s);
  EXPECT_EQ(s->org_terms, want);
  auto other = store_->checker().checker_settings(b.id);
  ASSERT_OK(other);
  EXPECT_TRUE(other->org_terms.empty()) << "another org never sees them";

  CheckerSettings next = *s;
  next.org_terms.clear();
  ASSERT_OK(store_->checker().set_checker_settings(a.id, next, actor_));
  EXPECT_TRUE(store_->checker().checker_settings(a.id)->org_terms.empty()) << "saving none removes them";
}

TEST_P(StoreContract, OrgTermsAreAudited) {
  Org org = make_org("verein");
  ASSERT_OK(store_->checker().set_checker_settings(org.id, with_terms(), actor_));
  CheckerSettings next = with_terms();
  next.org_terms.resize(1);
  ASSERT_OK(store_->checker().set_checker_settings(org.id, next, actor_));
  auto entries = audit(org.id);
  ASSERT_GE(entries.size(), 2u);
  const auto before = nlohmann::json::parse(entries.at(0).before)["org_terms"];
  const auto after = nlohmann::json::parse(entries.at(0).after)["org_terms"];
  ASSERT_EQ(before.size(), 2u);
  EXPECT_EQ(before[1]["term"], "Asylant");
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0]["term"], "Flüchtlinge");
  EXPECT_EQ(after[0]["suggestions"][1], "Menschen mit Fluchterfahrung");
  EXPECT_EQ(after[0]["message"], "Wir schreiben „Geflüchtete“.");
}

TEST_P(StoreContract, InvalidOrgTermsChangeNothing) {
  Org org = make_org("verein");
  ASSERT_OK(store_->checker().set_checker_settings(org.id, with_terms(), actor_));
  const auto stored = store_->checker().checker_settings(org.id)->org_terms;
  const auto audited = audit(org.id).size();
  const std::string long_text(kMaxOrgTermChars + 1, 'x');
  const std::pair<std::vector<CheckerTerm>, const char*> bad[] = {
      {{{"", {"Geflüchtete"}, ""}}, "error.checker.term_missing"},
      {{{long_text, {}, ""}}, "error.checker.term_invalid"},
      {{{"Wort\x01", {}, ""}}, "error.checker.term_invalid"},
      {{{"Wort \xff", {}, ""}}, "error.checker.term_invalid"},
      {{{"Wort", {long_text}, ""}}, "error.checker.term_invalid"},
      {{{"Wort", {"a", "b", "c", "d", "e", "f"}, ""}}, "error.checker.term_invalid"},
      {{{"Wort", {}, std::string(kMaxTermMessageChars + 1, 'x')}}, "error.checker.term_invalid"},
      {{{"Wort", {}, "zwei\nZeilen"}}, "error.checker.term_invalid"},
      {{{"Ärzte", {}, ""}, {"ärzte", {}, ""}}, "error.checker.term_duplicate"},
      {{{"Wort", {}, ""}, {"", {}, ""}, {"WORT", {}, ""}}, "error.checker.term_duplicate"},
  };
  for (const auto& [terms, key] : bad) {
    CheckerSettings s;
    s.org_terms = terms;
    auto r = store_->checker().set_checker_settings(org.id, s, actor_);
    ASSERT_FALSE(r.has_value()) << terms.front().term;
    EXPECT_EQ(r.error().code, core::ErrorCode::kInvalidInput);
    EXPECT_EQ(r.error().key, key) << r.error().detail;
    EXPECT_TRUE(r.error().detail.starts_with("org_terms[" + std::to_string(terms.size() - 1) + "]"))
        << r.error().detail;
  }
  CheckerSettings many;
  for (std::size_t i = 0; i <= kMaxOrgTerms; ++i) many.org_terms.push_back({"w" + std::to_string(i), {}, ""});
  auto r = store_->checker().set_checker_settings(org.id, many, actor_);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().key, "error.checker.too_many_terms");
  many.org_terms.pop_back();
  EXPECT_EQ(audit(org.id).size(), audited);
  EXPECT_EQ(store_->checker().checker_settings(org.id)->org_terms, stored) << "nothing changed";
  ASSERT_OK(store_->checker().set_checker_settings(org.id, many, actor_));  // exactly the limit is fine
}

}  // namespace
}  // namespace solipraxis::store::testing
