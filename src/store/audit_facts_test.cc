#include "store/audit_facts.h"

#include <gtest/gtest.h>

namespace solipraxis::store {
namespace {

AuditEntry entry(std::string action, std::string entity, std::string before, std::string after) {
  AuditEntry e;
  e.action = std::move(action);
  e.entity = std::move(entity);
  e.entity_id = "7";
  e.before = std::move(before);
  e.after = std::move(after);
  return e;
}

TEST(AuditFactsTest, KindsCoverEveryAuditedEntity) {
  for (const char* entity : {"tool", "red_line", "catalog_entry", "catalog_order", "membership",
                             "invite", "org", "checker_settings", "review_feed",
                             "reflection_round", "reflection", "persona", "risk"}) {
    EXPECT_FALSE(audit_kind(entity).empty()) << entity;
  }
  EXPECT_EQ(audit_kind("membership"), "members");
  EXPECT_EQ(audit_kind_filter("catalog")->entities,
            (std::vector<std::string>{"catalog_entry", "catalog_order"}));
  EXPECT_EQ(audit_kind_filter("reflections")->entities,
            (std::vector<std::string>{"reflection_round", "reflection"}));
  EXPECT_EQ(audit_kind("persona"), "personas");
  EXPECT_EQ(audit_kind("risk"), "risks");
  EXPECT_TRUE(audit_kind_filter("")->entities.empty());
  EXPECT_FALSE(audit_kind_filter("passwords").has_value());
}

TEST(AuditFactsTest, ARiskRowIsNamedAsTheMatrixLabelsIt) {
  AuditEntry e = entry("risk.update", "risk", "",
                       R"({"tool":3,"likelihood":"high","impact":"high","state":"open","version":2})");
  e.entity_id = "12";
  EXPECT_EQ(audit_facts(e).object_name, "R12");
}

TEST(AuditFactsTest, APersonaRowIsNamedByThePersona) {
  EXPECT_EQ(audit_facts(entry("persona.create", "persona", "",
                              R"({"name":"Erika, 78","use":"cannot","version":1})"))
                .object_name,
            "Erika, 78");
}

TEST(AuditFactsTest, ToolEditsNameTheirChangedFields) {
  auto f = audit_facts(entry("tool.update", "tool", R"({"name":"A","version":1})",
                             R"({"name":"B","version":2,"changed":["name","cost"]})"));
  EXPECT_EQ(f.object_name, "B");
  EXPECT_EQ(f.changed, (std::vector<std::string>{"name", "cost"}));
  // Rows written before "changed" existed: what the summaries show.
  f = audit_facts(entry("tool.update", "tool", R"({"name":"A","public":false,"next_review":""})",
                        R"({"name":"A","public":true,"next_review":""})"));
  EXPECT_EQ(f.changed, (std::vector<std::string>{"public"}));
}

TEST(AuditFactsTest, TransitionsRolesAndIntervalsKeepFromAndTo) {
  auto f = audit_facts(entry("tool.transition", "tool", R"({"name":"A","phase":"idea"})",
                             R"({"name":"A","phase":"pilot","kind":"pilot","decision":3})"));
  EXPECT_EQ(f.from, "idea");
  EXPECT_EQ(f.to, "pilot");
  EXPECT_EQ(f.decision_kind, "pilot");
  f = audit_facts(entry("member.role", "membership", R"({"role":"member"})", R"({"role":"editor"})"));
  EXPECT_EQ(f.from, "member");
  EXPECT_EQ(f.to, "editor");
  f = audit_facts(entry("org.review_interval", "org", R"({"review_interval_months":6})",
                        R"({"review_interval_months":3})"));
  EXPECT_EQ(f.from, "6");
  EXPECT_EQ(f.to, "3");
}

TEST(AuditFactsTest, NeverTakesPeoplesAddressesAsNames) {
  auto f = audit_facts(entry("member.add", "membership", "",
                             R"({"user":"m@example.org","role":"member"})"));
  EXPECT_EQ(f.object_name, "");
  f = audit_facts(entry("invite.create", "invite", "", R"({"email":"m@example.org"})"));
  EXPECT_EQ(f.object_name, "");
}

TEST(AuditFactsTest, LongTextsAreShortenedAndBrokenSummariesIgnored) {
  const std::string long_text(100, 'x');
  auto f = audit_facts(entry("red_line.delete", "red_line", R"({"text":")" + long_text + R"("})", ""));
  EXPECT_EQ(f.object_name, std::string(80, 'x') + "…");
  f = audit_facts(entry("catalog.entry.create", "catalog_entry", "",
                        R"({"title_de":"","text_de":"Wen betrifft das?"})"));
  EXPECT_EQ(f.object_name, "Wen betrifft das?");
  f = audit_facts(entry("tool.update", "tool", "{kaputt", "[1]"));
  EXPECT_EQ(f.object_name, "");
  EXPECT_TRUE(f.changed.empty());
}

}  // namespace
}  // namespace solipraxis::store
