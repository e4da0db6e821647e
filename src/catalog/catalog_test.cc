// The real catalog in data/catalog/: counts from the white paper, both languages, id stability.
#include "catalog/catalog.h"

#include <fstream>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "catalog/load.h"
#include "catalog/parse.h"

namespace solipraxis::catalog {
namespace {

const std::string kDir = std::string(SOLIPRAXIS_SOURCE_DIR) + "/data/catalog";

const CatalogSet& real_set() {
  static const CatalogSet set = [] {
    auto s = load_catalog_dir(kDir);
    if (!s) {
      ADD_FAILURE() << s.error().detail;
      return CatalogSet{};
    }
    return std::move(s).value();
  }();
  return set;
}

const Catalog& real() { return real_set().current(); }
// The white paper itself: version 1 is the never-edited snapshot of the paper.
const Catalog& paper() { return *real_set().at(1); }

TEST(RealCatalog, LoadsAndHasVersion) {
  ASSERT_FALSE(real_set().empty());
  EXPECT_GE(real().version, 1);
  ASSERT_NE(real_set().at(1), nullptr);
  EXPECT_EQ(real_set().at(1)->version, 1);
}

// Version 2 = version 1 + "Model Cards", which is NOT in the paper and says so in its source.
TEST(RealCatalog, VersionTwoAddsModelCardsMarkedAsNotFromThePaper) {
  ASSERT_NE(real_set().at(2), nullptr);
  EXPECT_EQ(real().version, 2);
  const Catalog& v1 = paper();
  const Catalog& v2 = *real_set().at(2);
  EXPECT_EQ(v1.entry("r.selection.model-cards"), nullptr);
  const Entry* mc = v2.entry("r.selection.model-cards");
  ASSERT_NE(mc, nullptr);
  EXPECT_NE(mc->title.de.find("Model Cards"), std::string::npos);
  EXPECT_EQ(mc->url, "https://arxiv.org/abs/1810.03993");
  EXPECT_FALSE(mc->source.from_paper());
  EXPECT_EQ(mc->source.page, 0);
  EXPECT_NE(mc->source.note.find("Nicht aus dem White Paper"), std::string::npos);
  // Everything else is unchanged and from the paper.
  EXPECT_EQ(v2.all_ids().size(), v1.all_ids().size() + 1);
  EXPECT_EQ(v2.resources_of(2).size(), v1.resources_of(2).size() + 1);
  for (const std::string& id : v1.all_ids()) EXPECT_TRUE(v2.contains(id)) << id;
  for (const auto* list : {&v2.questions, &v2.approaches, &v2.resources, &v2.boxes})
    for (const Entry& e : *list) {
      if (e.id != "r.selection.model-cards") {
        EXPECT_TRUE(e.source.from_paper()) << e.id;
      }
    }
}

TEST(RealCatalog, FourPhasesInOrder) {
  const Catalog& c = real();
  ASSERT_EQ(c.phases.size(), 4u);
  const char* ids[] = {"phase.development", "phase.selection", "phase.deployment",
                       "phase.evaluation"};
  const char* de[] = {"Entwicklung", "Auswahl", "Einsatz", "Evaluation"};
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(c.phases[i].id, ids[i]);
    EXPECT_EQ(c.phases[i].number, i + 1);
    EXPECT_EQ(c.phases[i].title.de, de[i]);
    EXPECT_FALSE(c.phases[i].lead_question.de.empty());
    EXPECT_FALSE(c.phases[i].description.empty());
  }
  EXPECT_EQ(c.phases[1].lead_question.de, "Welche Anwendung wird ausgewählt und wie läuft das ab?");
}

TEST(RealCatalog, FortySixQuestionsByPhase) {
  const Catalog& c = real();
  EXPECT_EQ(c.questions.size(), 46u);
  EXPECT_EQ(c.questions_of(1).size(), 9u);
  EXPECT_EQ(c.questions_of(2).size(), 13u);
  EXPECT_EQ(c.questions_of(3).size(), 12u);
  EXPECT_EQ(c.questions_of(4).size(), 12u);
  int list1 = 0, list2 = 0;
  for (const Entry* q : c.questions_of(3)) {
    list1 += q->list == 1;
    list2 += q->list == 2;
  }
  EXPECT_EQ(list1, 6);
  EXPECT_EQ(list2, 6);
  for (int ph : {1, 2, 4})
    for (const Entry* q : c.questions_of(ph)) EXPECT_EQ(q->list, 0) << q->id;
}

TEST(RealCatalog, QuestionIdsAreStableAndVerbatim) {
  const Catalog& c = real();
  const Entry* q = c.entry("q.selection.07");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->text.de,
            "Welche Chancen eröffnet der mögliche KI-Einsatz, unsere Prozesse kritisch zu prüfen "
            "und gegebenenfalls zu vereinfachen oder zu verbessern?");
  EXPECT_EQ(q->source.page, 16);
  q = c.entry("q.development.01");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->text.de,
            "Wer definiert das Problem, das wir mit KI lösen wollen und wessen Perspektive fehlt?");
  ASSERT_NE(c.entry("q.evaluation.12"), nullptr);
  EXPECT_EQ(c.entry("q.evaluation.13"), nullptr);
}

TEST(RealCatalog, ApproachesResourcesBoxesPresent) {
  const Catalog& c = paper();
  EXPECT_EQ(c.approaches_of(1).size(), 5u);
  EXPECT_EQ(c.approaches_of(2).size(), 4u);
  EXPECT_EQ(c.approaches_of(3).size(), 4u);
  EXPECT_EQ(c.approaches_of(4).size(), 3u);
  // The paper has resource tables for phases I-III (none for IV).
  EXPECT_EQ(c.resources_of(1).size(), 12u);
  EXPECT_EQ(c.resources_of(2).size(), 8u);
  EXPECT_EQ(c.resources_of(3).size(), 13u);
  EXPECT_EQ(c.resources_of(4).size(), 0u);
  for (const Entry& r : c.resources) {
    EXPECT_FALSE(r.category.de.empty()) << r.id;
    EXPECT_FALSE(r.title.de.empty()) << r.id;
    EXPECT_FALSE(r.text.de.empty()) << r.id;
  }
  for (const char* id : {"box.non-use-digitale-gesellschaft", "box.ki-fuer-ein-gutes-altern",
                         "box.participatory-design-employees", "box.solidary-prompts"})
    EXPECT_NE(c.entry(id), nullptr) << id;
  EXPECT_EQ(c.entry("box.solidary-prompts")->items.size(), 3u);
}

TEST(RealCatalog, EightPrinciples) {
  const Catalog& c = real();
  ASSERT_EQ(c.principles.size(), 8u);
  const char* names[] = {"Abwägung der Nutzung", "Menschenzentrierung", "Transparenz",
                         "Teilhabe und Partizipation", "Diskriminierungskritische Haltung",
                         "Verantwortung und Verantwortlichkeit", "Kompetenzen",
                         "Ökologische Nachhaltigkeit"};
  for (int i = 0; i < 8; ++i) {
    EXPECT_EQ(c.principles[i].id, "p." + std::to_string(i + 1));
    EXPECT_EQ(c.principles[i].name.de, names[i]);
  }
}

TEST(RealCatalog, MethodTemplatesHaveTheirStructure) {
  const Catalog& c = real();
  const Method* w = c.method("m.tool-selection-workshop");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->steps.size(), 5u);
  EXPECT_EQ(w->duration_minutes.min, 150);
  EXPECT_EQ(w->duration_minutes.max, 180);
  const Method* r = c.method("m.team-retro");
  ASSERT_NE(r, nullptr);
  ASSERT_EQ(r->steps.size(), 4u);
  EXPECT_EQ(r->steps[2].options.size(), 5u);  // the five focus categories
  const Method* intro = c.method("m.reflection-template-introduction");
  ASSERT_NE(intro, nullptr);
  ASSERT_EQ(intro->steps.size(), 6u);
  EXPECT_EQ(intro->followup_after_days, 7);
  for (size_t i = 0; i < 6; ++i) EXPECT_EQ(intro->steps[i].stage, i < 4 ? 1 : 2);
  const Method* use = c.method("m.reflection-template-use");
  ASSERT_NE(use, nullptr);
  EXPECT_EQ(use->steps.size(), 7u);
  EXPECT_EQ(c.method("m.tool-reflection")->template_id, "m.reflection-template-use");
  const Method* lp = c.method("m.learning-protocol");
  ASSERT_NE(lp, nullptr);
  EXPECT_NE(c.prompt("m.learning-protocol.hypothesis.goal"), nullptr);
  EXPECT_NE(c.prompt("m.learning-protocol.recommendations.do"), nullptr);
  EXPECT_NE(c.prompt("m.learning-protocol.recommendations.dont"), nullptr);
  const Method* rm = c.method("m.vulnerability-risk-matrix");
  ASSERT_NE(rm, nullptr);
  ASSERT_EQ(rm->scales.size(), 2u);
  for (const Scale& s : rm->scales) {
    ASSERT_EQ(s.levels.size(), 3u);
    EXPECT_EQ(s.levels[0].label.de, "Niedrig");
    EXPECT_EQ(s.levels[2].label.de, "Hoch");
  }
  EXPECT_EQ(c.method("m.personas")->attributes.size(), 7u);
}

// Every Text in the catalog has both languages (the parser enforces it; this guards the data).
TEST(RealCatalog, EveryItemHasGermanAndEnglish) {
  for (const Item& it : real().items()) {
    if (it.kind != Kind::kQuestion) {
      EXPECT_FALSE(it.title.de.empty()) << it.id;
      EXPECT_FALSE(it.title.en.empty()) << it.id;
    }
    EXPECT_FALSE(it.text.de.empty()) << it.id;
    EXPECT_FALSE(it.text.en.empty()) << it.id;
  }
  for (const Method& m : real().methods)
    for (const Step& s : m.steps)
      for (const Prompt& p : s.prompts) {
        EXPECT_FALSE(p.text.de.empty()) << p.id;
        EXPECT_FALSE(p.text.en.empty()) << p.id;
      }
}

TEST(RealCatalog, IdsUniqueAndPublishedIdsStillExist) {
  std::vector<std::string> ids = real().all_ids();
  std::set<std::string> unique(ids.begin(), ids.end());
  EXPECT_EQ(unique.size(), ids.size());
  std::ifstream in(kDir + "/published-ids.txt");
  ASSERT_TRUE(in) << "data/catalog/published-ids.txt missing";
  std::stringstream ss;
  ss << in.rdbuf();
  std::vector<std::string> published = published_ids(ss.str());
  EXPECT_GE(published.size(), 200u);
  std::set<std::string> pub(published.begin(), published.end());
  for (const std::string& id : published)
    EXPECT_TRUE(real().contains(id)) << "published id disappeared: " << id;
  // and the list is complete, so that the next removal is caught
  for (const std::string& id : ids)
    EXPECT_TRUE(pub.count(id)) << "id not listed in published-ids.txt: " << id;
}

TEST(RealCatalog, ReferencesResolve) {
  const Catalog& c = real();
  for (const auto* list : {&c.questions, &c.approaches, &c.resources, &c.boxes})
    for (const Entry& e : *list) {
      EXPECT_NE(c.phase(e.phase_id), nullptr) << e.id;
      for (const std::string& p : e.principles) EXPECT_NE(c.principle(p), nullptr) << e.id;
    }
  for (const Method& m : c.methods)
    for (const std::string& p : m.phase_ids) EXPECT_NE(c.phase(p), nullptr) << m.id;
}

TEST(RealCatalog, PhaseReferences) {
  for (const char* ref : {"2", "II", "selection", "phase.selection"})
    EXPECT_EQ(real().phase_number(ref), 2) << ref;
  for (const char* ref : {"", "0", "5", "ii", "Auswahl", "phase."}) EXPECT_EQ(real().phase_number(ref), 0) << ref;
  EXPECT_EQ(roman_numeral(4), "IV");
  EXPECT_EQ(roman_numeral(12), "12");
}

TEST(RealCatalog, ListFiltersByPhaseAndKind) {
  Kind k = Kind::kQuestion;
  EXPECT_EQ(real().list(2, &k).size(), 13u);
  k = Kind::kPrinciple;
  EXPECT_EQ(real().list(0, &k).size(), 8u);
  k = Kind::kMethod;
  EXPECT_EQ(real().list(0, &k).size(), 8u);
}

}  // namespace
}  // namespace solipraxis::catalog
