// parse_catalog / parse_catalog_set on small hand-made catalogs: what is accepted, and that every
// rejection names the file and the entry.
#include "catalog/parse.h"

#include <gtest/gtest.h>

namespace solipraxis::catalog {
namespace {

std::string src() { return R"("source": {"section": "S", "page": 1})"; }
std::string txt(const std::string& de, const std::string& en) {
  return R"({"de": ")" + de + R"(", "en": ")" + en + R"("})";
}

VersionFiles minimal(int version = 1, const std::string& question = "Wer fehlt?") {
  VersionFiles f;
  f["catalog.json"] = R"({"version": )" + std::to_string(version) + R"(, "title": )" +
                      txt("T", "T") + R"(, "attribution": )" + txt("A", "A") +
                      R"(, "source": {"title": "WP", "publisher": "D64", "date": "2025-12"}})";
  f["phases.json"] = R"({"phases": [{"id": "phase.selection", "number": 1, "title": )" +
                     txt("Auswahl", "Selection") + R"(, "lead_question": )" + txt("Was?", "What?") +
                     R"(, "description": [)" + txt("D", "D") + "], " + src() + "}]}";
  f["questions.json"] = R"({"questions": [{"id": "q.selection.01", "phase": "phase.selection", "text": )" +
                        txt(question, "Who is missing?") + R"(, "principles": ["p.1"], )" + src() +
                        "}]}";
  f["approaches.json"] = R"({"approaches": []})";
  f["resources.json"] = R"({"resources": [{"id": "r.selection.tarot", "phase": "phase.selection", "category": )" +
                        txt("Planung", "Planning") + R"(, "name": )" + txt("Tarot Cards of Tech", "Tarot Cards of Tech") +
                        R"(, "description": )" + txt("Karten", "Cards") + R"(, "url": "", )" + src() + "}]}";
  f["boxes.json"] = R"({"boxes": []})";
  f["principles.json"] = R"({"principles": [{"id": "p.1", "number": 1, "name": )" +
                         txt("Abwägung der Nutzung", "Weighing up use") + R"(, "explanation": )" +
                         txt("E", "E") + ", " + src() + "}]}";
  f["methods.json"] = R"({"methods": [{"id": "m.x", "type": "retro", "phases": ["phase.selection"], "title": )" +
                      txt("Retro", "Retro") + R"(, "goal": )" + txt("Z", "G") +
                      R"(, "steps": [{"id": "m.x.1", "title": )" + txt("S", "S") +
                      R"(, "prompts": [{"id": "m.x.1.a", "text": )" + txt("F?", "Q?") + R"(}]}], )" +
                      src() + "}]}";
  return f;
}

void replace(std::string& s, const std::string& from, const std::string& to) {
  size_t pos = s.find(from);
  ASSERT_NE(pos, std::string::npos) << from;
  s.replace(pos, from.size(), to);
}

std::string rejected(const VersionFiles& f) {
  auto c = parse_catalog(f, "v1");
  EXPECT_FALSE(c.has_value());
  if (c) return {};
  EXPECT_EQ(c.error().key, "error.catalog.invalid");
  EXPECT_EQ(c.error().code, core::ErrorCode::kInvalidInput);
  return c.error().detail;
}

TEST(ParseCatalog, MinimalCatalogIsValid) {
  auto c = parse_catalog(minimal(), "v1");
  ASSERT_TRUE(c.has_value()) << c.error().detail;
  EXPECT_EQ(c->version, 1);
  ASSERT_EQ(c->questions.size(), 1u);
  EXPECT_EQ(c->questions[0].phase, 1);
  EXPECT_NE(c->find("m.x"), nullptr);
  EXPECT_TRUE(c->contains("m.x.1.a"));
  EXPECT_EQ(*c->owner_of("m.x.1.a"), "m.x");
}

TEST(ParseCatalog, DuplicateIdNamesFileAndId) {
  VersionFiles f = minimal();
  replace(f["resources.json"], "r.selection.tarot", "q.selection.01");
  std::string d = rejected(f);
  EXPECT_NE(d.find("v1/resources.json"), std::string::npos) << d;
  EXPECT_NE(d.find("duplicate id \"q.selection.01\""), std::string::npos) << d;
}

TEST(ParseCatalog, DuplicateNestedIdIsRejected) {
  VersionFiles f = minimal();
  replace(f["methods.json"], "\"m.x.1.a\"", "\"m.x.1\"");
  std::string d = rejected(f);
  EXPECT_NE(d.find("v1/methods.json: m.x: duplicate id \"m.x.1\""), std::string::npos) << d;
}

TEST(ParseCatalog, MissingTranslationNamesFileAndId) {
  VersionFiles f = minimal();
  replace(f["questions.json"], R"("en": "Who is missing?")", R"("en": "")");
  std::string d = rejected(f);
  EXPECT_NE(d.find("v1/questions.json: q.selection.01: text.en is missing"), std::string::npos)
      << d;
}

TEST(ParseCatalog, MissingGermanInNestedPromptIsRejected) {
  VersionFiles f = minimal();
  replace(f["methods.json"], R"({"de": "F?", "en": "Q?"})", R"({"en": "Q?"})");
  std::string d = rejected(f);
  EXPECT_NE(d.find("v1/methods.json: m.x: text.de is missing"), std::string::npos) << d;
}

TEST(ParseCatalog, DanglingPhaseReference) {
  VersionFiles f = minimal();
  replace(f["questions.json"], R"("phase": "phase.selection")", R"("phase": "phase.nowhere")");
  std::string d = rejected(f);
  EXPECT_NE(d.find("v1/questions.json: q.selection.01: unknown phase \"phase.nowhere\""),
            std::string::npos)
      << d;
}

TEST(ParseCatalog, DanglingPrincipleReference) {
  VersionFiles f = minimal();
  replace(f["questions.json"], R"(["p.1"])", R"(["p.9"])");
  std::string d = rejected(f);
  EXPECT_NE(d.find("v1/questions.json: q.selection.01: unknown principle \"p.9\""),
            std::string::npos)
      << d;
}

TEST(ParseCatalog, MalformedJsonNamesTheFile) {
  VersionFiles f = minimal();
  f["boxes.json"] = R"({"boxes": [)";
  std::string d = rejected(f);
  EXPECT_NE(d.find("v1/boxes.json: malformed JSON"), std::string::npos) << d;
}

TEST(ParseCatalog, MissingFileAndRequiredFieldAndUnknownField) {
  VersionFiles f = minimal();
  f.erase("principles.json");
  EXPECT_NE(rejected(f).find("v1/principles.json: file is missing"), std::string::npos);
  f = minimal();
  replace(f["resources.json"], R"("name": )", R"("nmae": )");
  std::string d = rejected(f);
  EXPECT_NE(d.find("v1/resources.json: r.selection.tarot: unknown field \"nmae\""),
            std::string::npos)
      << d;
  EXPECT_NE(d.find("r.selection.tarot: name is missing"), std::string::npos) << d;
}

std::map<std::string, std::string> as_set(const VersionFiles& f, const std::string& dir) {
  std::map<std::string, std::string> out;
  for (const auto& [name, content] : f) out[dir + "/" + name] = content;
  return out;
}

TEST(ParseCatalogSet, OldVersionKeepsItsWording) {
  auto files = as_set(minimal(1, "Wer fehlt?"), "v1");
  for (auto& [k, v] : as_set(minimal(2, "Wessen Perspektive fehlt?"), "v2")) files[k] = v;
  files["published-ids.txt"] = "# comment\nq.selection.01\n\nm.x.1.a\n";
  auto set = parse_catalog_set(files);
  ASSERT_TRUE(set.has_value()) << set.error().detail;
  EXPECT_EQ(set->current().version, 2);
  EXPECT_EQ(set->versions(), (std::vector<int>{1, 2}));
  EXPECT_EQ(set->current().entry("q.selection.01")->text.de, "Wessen Perspektive fehlt?");
  ASSERT_NE(set->at(1), nullptr);
  EXPECT_EQ(set->at(1)->entry("q.selection.01")->text.de, "Wer fehlt?");
  EXPECT_EQ(set->at(3), nullptr);
}

TEST(ParseCatalogSet, PublishedIdMustNotDisappear) {
  auto files = as_set(minimal(), "v1");
  files["published-ids.txt"] = "q.selection.01\nq.selection.02\n";
  auto set = parse_catalog_set(files);
  ASSERT_FALSE(set.has_value());
  EXPECT_NE(set.error().detail.find("q.selection.02: published id is missing"), std::string::npos)
      << set.error().detail;
}

TEST(ParseCatalogSet, VersionMustMatchDirectory) {
  auto set = parse_catalog_set(as_set(minimal(3), "v2"));
  ASSERT_FALSE(set.has_value());
  EXPECT_NE(set.error().detail.find("v2/catalog.json: version is 3, expected 2"),
            std::string::npos)
      << set.error().detail;
  EXPECT_FALSE(parse_catalog_set({}).has_value());
}

TEST(PublishedIds, SkipsCommentsAndBlankLines) {
  EXPECT_EQ(published_ids("# x\n a.b \r\n\nc.d"), (std::vector<std::string>{"a.b", "c.d"}));
}

}  // namespace
}  // namespace solipraxis::catalog

namespace solipraxis::catalog {
namespace {

// An entry solipraxis added (not from the paper) has origin "solipraxis", no page and a note.
TEST(ParseCatalog, SolipraxisOriginNeedsNoteAndNoPage) {
  VersionFiles f = minimal();
  const std::string paper = R"(, "url": "", "source": {"section": "S", "page": 1})";
  replace(f["resources.json"], paper,
          R"(, "url": "", "source": {"origin": "solipraxis", "section": "Ergänzung", "note": "Nicht aus dem White Paper"})");
  auto c = parse_catalog(f, "v1");
  ASSERT_TRUE(c.has_value()) << c.error().detail;
  EXPECT_FALSE(c->resources[0].source.from_paper());
  EXPECT_TRUE(c->questions[0].source.from_paper());

  VersionFiles no_note = minimal();
  replace(no_note["resources.json"], paper,
          R"(, "url": "", "source": {"origin": "solipraxis", "section": "S"})");
  EXPECT_NE(rejected(no_note).find("source.note is required"), std::string::npos);

  VersionFiles page = minimal();
  replace(page["resources.json"], paper,
          R"(, "url": "", "source": {"origin": "solipraxis", "section": "S", "page": 3, "note": "N"})");
  EXPECT_NE(rejected(page).find("source.page must be absent"), std::string::npos);

  VersionFiles other = minimal();
  replace(other["resources.json"], paper,
          R"(, "url": "", "source": {"origin": "blog", "section": "S", "page": 3})");
  EXPECT_NE(rejected(other).find("source.origin must be paper or solipraxis"), std::string::npos);
}

}  // namespace
}  // namespace solipraxis::catalog
