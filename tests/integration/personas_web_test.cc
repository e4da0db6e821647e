// The persona pages over real HTTP (issue 24): an editor builds the library
// (the form keeps input next to every problem, a stale second tab is refused
// with the input kept, shipped examples are copied by checkbox), attaches
// personas to a tool and reads the coverage check, and deletes a persona that a
// risk names only by detaching it explicitly. Members read; nothing of another
// org can be attached.
#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "core/persona.h"
#include "core/risk.h"
#include "core/tool.h"
#include "store/common.h"
#include "store/personas.h"
#include "store/risks.h"
#include "store/store.h"
#include "store/tools.h"
#include "web_fixture.h"

namespace solipraxis::web {
namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;
const store::Actor kTest{std::nullopt, "test"};

class PersonasWeb : public ::testing::Test {
 protected:
  void SetUp() override {
    srv_.user("ed@example.org", "acme", store::Role::kEditor);
    srv_.user("mo@example.org", "acme", store::Role::kMember);
    srv_.user("eve@example.org", "other", store::Role::kOwner);
    core::Tool t;
    t.name = "Termin-Bot";
    tool_ = srv_.store().tools().create_tool(org().id, t, kTest).value();
    tool_url_ = "/o/acme/tools/" + std::to_string(tool_.id.value);
  }

  store::Org org() { return srv_.org("acme"); }
  Browser signed_in(const std::string& email, const std::string& lang = "de") {
    Browser b(srv_.port(), lang);
    EXPECT_EQ(b.sign_in(email).status, 303);
    return b;
  }
  core::Persona persona(const std::string& name, core::Use use = core::Use::kLikely,
                        const std::string& org_slug = "acme") {
    core::Persona p;
    p.name = name;
    p.use = use;
    return srv_.store().personas().create(srv_.org(org_slug).id, p, kTest).value();
  }
  std::size_t library_size() { return srv_.store().personas().list(org().id).value().size(); }
  static std::string version_in(const std::string& html) {
    static const std::regex re(R"re(name="version" value="(\d+)")re");
    std::smatch m;
    return std::regex_search(html, m, re) ? m[1].str() : "";
  }

  AuthServer srv_;
  core::Tool tool_;
  std::string tool_url_;
};

Fields valid_form() {
  return {{"name", "Erika, 78"},   {"story", "Lebt allein im Dorf."}, {"age", "78"},
          {"gender", "woman"},     {"gender_text", ""},               {"place", "rural"},
          {"origin", "Deutschland"}, {"languages", "de"},             {"tags", "lebt allein"},
          {"digital_skills", "low"}, {"device", "none"},              {"connectivity", "unstable"},
          {"use", "cannot"},       {"languages", "tr"},               {"languages_other", "vi"}};
}

TEST_F(PersonasWeb, AnEditorCreatesAPersonaAndEveryProblemStaysNextToItsFieldWithTheInput) {
  Browser b = signed_in("ed@example.org");
  auto library = b.open("/o/acme/personas");
  ASSERT_EQ(library.status, 200);
  EXPECT_TRUE(contains(library.body, "Ihre Organisation hat noch keine Personas.")) << "empty state";
  EXPECT_TRUE(contains(library.body, "href=\"/o/acme/personas\">Personas</a>")) << "org navigation";
  ASSERT_EQ(b.open("/o/acme/personas/new").status, 200);

  Fields bad = valid_form();
  bad[0].second = "";            // name
  bad[2].second = "achtzig";     // age
  bad.back().second = "Deutsch!";  // other languages
  bad[3].second = "self_described";  // without her own word
  auto r = b.post("/o/acme/personas", bad);
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(contains(r.body, "id=\"persona-name-error\""));
  EXPECT_TRUE(contains(r.body, "Bitte geben Sie der Persona einen Namen."));
  EXPECT_TRUE(contains(r.body, "id=\"persona-age-error\""));
  EXPECT_TRUE(contains(r.body, "value=\"achtzig\"")) << "the typed age is kept";
  EXPECT_TRUE(contains(r.body, "id=\"persona-languages-error\""));
  EXPECT_TRUE(contains(r.body, "name=\"languages_other\" value=\"Deutsch!\""));
  EXPECT_TRUE(contains(r.body, "name=\"languages\" value=\"tr\" checked")) << "the boxes are kept";
  EXPECT_TRUE(contains(r.body, "id=\"persona-gender_text-error\""));
  EXPECT_TRUE(contains(r.body, ">Lebt allein im Dorf.</textarea>")) << "the story is kept";
  EXPECT_TRUE(contains(r.body, "<option value=\"cannot\" selected>")) << "the choice is kept";
  EXPECT_EQ(library_size(), 0u) << "nothing saved";

  // The language switch sends the form as it is and shows it again in English, unsaved.
  EXPECT_TRUE(contains(r.body, R"(<button type="submit" form="persona-form" name="switch_lang" value="en")"));
  Fields switched = valid_form();
  switched.emplace_back("switch_lang", "en");
  auto sw = b.post("/o/acme/personas", switched);
  EXPECT_EQ(sw.status, 200);
  EXPECT_TRUE(contains(sw.body, "<html lang=\"en\">"));
  EXPECT_TRUE(contains(sw.body, "value=\"Erika, 78\""));
  EXPECT_EQ(library_size(), 0u) << "the switch saves nothing";
  b.get("/lang?to=de&back=/");  // back to German for the rest

  Browser en = signed_in("ed@example.org", "en");
  en.open("/o/acme/personas/new");
  auto r_en = en.post("/o/acme/personas", bad);
  EXPECT_EQ(r_en.status, 422);
  EXPECT_TRUE(contains(r_en.body, "Please give the persona a name.")) << "in the person's language";

  r = b.post("/o/acme/personas", valid_form());
  ASSERT_EQ(r.status, 303) << r.body;
  auto page = b.follow(r);
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "<h1>Erika, 78</h1>"));
  EXPECT_TRUE(contains(page.body, "Die Persona ist gespeichert."));
  EXPECT_TRUE(contains(page.body, "<dd>auf dem Land</dd>"));
  EXPECT_TRUE(contains(page.body, "<dd>kann nicht</dd>"));
  EXPECT_TRUE(contains(page.body, "<dd>Deutsch, Türkisch, vi</dd>")) << "names for the boxes' languages";
  EXPECT_TRUE(contains(page.body, "Diese Persona ist noch keinem Werkzeug zugeordnet."));
  library = b.open("/o/acme/personas");
  EXPECT_TRUE(contains(library.body, "Wohnort: auf dem Land; Herkunft: Deutschland")) << library.body;
  EXPECT_EQ(library_size(), 1u);
}

TEST_F(PersonasWeb, AStaleSecondTabIsRefusedWithTheInputKeptAndTheSavedPersonaShown) {
  const core::Persona p = persona("Aylin, 34");
  const std::string url = "/o/acme/personas/" + std::to_string(p.id.value);
  Browser b = signed_in("ed@example.org");
  auto edit = b.open(url + "/edit");
  ASSERT_EQ(edit.status, 200);
  const std::string version = version_in(edit.body);
  ASSERT_EQ(version, "1");
  core::Persona other = p;
  other.name = "Aylin, 35";
  ASSERT_TRUE(srv_.store().personas().update(org().id, other, 1, kTest));

  Fields mine = valid_form();
  mine[0].second = "Aylin, 34, Pflegekraft";
  mine.emplace_back("version", version);
  auto r = b.post(url, mine);
  EXPECT_EQ(r.status, 409);
  EXPECT_TRUE(contains(r.body, "Jemand hat diese Persona gespeichert"));
  EXPECT_TRUE(contains(r.body, "value=\"Aylin, 34, Pflegekraft\"")) << "the input is kept";
  EXPECT_TRUE(contains(r.body, "<dd>Aylin, 35</dd>")) << "what is saved now is shown";
  EXPECT_EQ(srv_.store().personas().get(org().id, p.id)->name, "Aylin, 35") << "nothing overwritten";
  EXPECT_EQ(version_in(r.body), "2") << "saving again replaces what the person has now seen";

  mine.back().second = version_in(r.body);
  r = b.post(url, mine);
  EXPECT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(srv_.store().personas().get(org().id, p.id)->name, "Aylin, 34, Pflegekraft");
}

TEST_F(PersonasWeb, ChosenExamplesAreCopiedIntoTheLibraryAndABadChoiceCopiesNothing) {
  Browser b = signed_in("ed@example.org");
  auto library = b.open("/o/acme/personas");
  EXPECT_TRUE(contains(library.body, "name=\"example\" value=\"ex.erika\""));
  EXPECT_TRUE(contains(library.body, "<span class=\"tag\">Beispiel</span>")) << "marked as examples";

  auto r = b.post("/o/acme/personas/examples", {});
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(contains(r.body, "Bitte wählen Sie mindestens ein Beispiel aus."));
  r = b.post("/o/acme/personas/examples", {{"example", "ex.erika"}, {"example", "ex.nobody"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(contains(r.body, "Dieses Beispiel gibt es nicht."));
  EXPECT_TRUE(contains(r.body, "value=\"ex.erika\" aria-describedby=\"persona-example-ex-erika-about\" checked"))
      << "the choice is kept";
  EXPECT_EQ(library_size(), 0u);

  r = b.post("/o/acme/personas/examples", {{"example", "ex.erika"}, {"example", "ex.guenter"}});
  ASSERT_EQ(r.status, 303) << r.body;
  library = b.follow(r);
  EXPECT_TRUE(contains(library.body, "Die Beispiele sind jetzt in Ihrer Bibliothek."));
  EXPECT_TRUE(contains(library.body, ">Erika, 78</a>"));
  EXPECT_TRUE(contains(library.body, "schon übernommen"));
  const auto copied = srv_.store().personas().list(org().id).value();
  ASSERT_EQ(copied.size(), 2u);
  EXPECT_EQ(copied.front().example_id, "ex.erika") << "copied, to adapt";

  Browser mo = signed_in("mo@example.org");
  auto read = mo.open("/o/acme/personas");
  EXPECT_EQ(read.status, 200);
  EXPECT_FALSE(contains(read.body, "name=\"example\"")) << "members read, editors copy";
  EXPECT_EQ(mo.post("/o/acme/personas/examples", {{"example", "ex.erika"}}).status, 403);
}

TEST_F(PersonasWeb, AttachingShowsTheCoverageGapsAsSentencesAndAnotherOrgsPersonaIsRefused) {
  const core::Persona erika = persona("Erika, 78", core::Use::kCannot);
  const core::Persona jonas = persona("Jonas, 19");
  const core::Persona eves = persona("Fremd", core::Use::kLikely, "other");
  Browser b = signed_in("ed@example.org");
  auto page = b.open(tool_url_ + "/personas");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "<h1>Personas für Termin-Bot</h1>"));
  EXPECT_TRUE(contains(page.body, "<li>Diesem Werkzeug ist noch keine Persona zugeordnet.</li>"));
  EXPECT_TRUE(contains(page.body, "Erdachte Personas ersetzen keine echte Beteiligung."));
  EXPECT_TRUE(contains(page.body, "<option value=\"" + std::to_string(jonas.id.value) + "\">"));
  auto tool_page = b.open(tool_url_);
  EXPECT_TRUE(contains(tool_page.body, "Zugeordnete Personas: 0. Lücken in der Abdeckung: 1."));

  page = b.open(tool_url_ + "/personas");
  auto r = b.post(tool_url_ + "/personas", {{"persona", std::to_string(jonas.id.value)}});
  ASSERT_EQ(r.status, 303);
  page = b.follow(r);
  EXPECT_TRUE(contains(page.body, "Die Persona ist dem Werkzeug zugeordnet."));
  EXPECT_TRUE(contains(page.body, "<li>Niemand, der das Werkzeug nicht nutzen kann.</li>"));
  EXPECT_TRUE(contains(page.body, "<li>Niemand ohne Smartphone.</li>"));

  r = b.post(tool_url_ + "/personas", {{"persona", std::to_string(erika.id.value)}});
  ASSERT_EQ(r.status, 303);
  page = b.follow(r);
  EXPECT_FALSE(contains(page.body, "Niemand, der das Werkzeug nicht nutzen kann.")) << page.body;
  EXPECT_FALSE(contains(page.body, "<li>Niemand, der das Werkzeug nicht nutzen will oder kann.</li>"));
  tool_page = b.open(tool_url_);
  EXPECT_TRUE(contains(tool_page.body, "Zugeordnete Personas: 2."));
  auto erika_page = b.open("/o/acme/personas/" + std::to_string(erika.id.value));
  EXPECT_TRUE(contains(erika_page.body, "href=\"" + tool_url_ + "/personas\">Termin-Bot</a>"));

  // Nothing of another org: not found, said on the page, nothing attached.
  b.open(tool_url_ + "/personas");
  r = b.post(tool_url_ + "/personas", {{"persona", std::to_string(eves.id.value)}});
  EXPECT_EQ(r.status, 404);
  EXPECT_TRUE(contains(r.body, "Diese Persona gibt es in Ihrer Organisation nicht (mehr)."));
  r = b.post(tool_url_ + "/personas", {{"persona", ""}});
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(contains(r.body, "Bitte wählen Sie eine Persona aus."));
  EXPECT_EQ(srv_.store().personas().of_tool(org().id, tool_.id)->size(), 2u);

  r = b.post(tool_url_ + "/personas/" + std::to_string(erika.id.value) + "/detach", {});
  ASSERT_EQ(r.status, 303);
  page = b.follow(r);
  EXPECT_TRUE(contains(page.body, "Die Persona ist vom Werkzeug gelöst."));
  EXPECT_TRUE(contains(page.body, "<li>Niemand, der das Werkzeug nicht nutzen kann.</li>"));
  EXPECT_EQ(srv_.store().personas().of_tool(org().id, tool_.id)->size(), 1u);
}

TEST_F(PersonasWeb, DeletingAPersonaThatARiskNamesIsRefusedUntilDetachedExplicitly) {
  const core::Persona erika = persona("Erika, 78", core::Use::kCannot);
  core::Risk risk;
  risk.tool = tool_.id;
  risk.description = "Erika erreicht niemanden mehr am Telefon.";
  risk.personas = {erika.id};
  risk.affected = core::Affected::kNonUsers;
  const auto stored_risk = srv_.store().risks().create(org().id, risk, kTest);
  ASSERT_TRUE(stored_risk) << stored_risk.error().detail;
  const std::string url = "/o/acme/personas/" + std::to_string(erika.id.value);

  Browser b = signed_in("ed@example.org");
  auto page = b.open(url);
  EXPECT_TRUE(contains(page.body, "Erika erreicht niemanden mehr am Telefon.")) << "risks naming it";
  const std::string risk_url = "/o/acme/risks/" + std::to_string(stored_risk->id.value);
  EXPECT_TRUE(contains(page.body, "href=\"" + risk_url + "\"")) << "linked to the risk";
  EXPECT_EQ(b.get(risk_url).status, 200) << "a link that leads somewhere";
  auto confirm = b.open(url + "/delete");
  ASSERT_EQ(confirm.status, 200);
  EXPECT_TRUE(contains(confirm.body, "Diese Risiken nennen die Persona:"));
  EXPECT_TRUE(contains(confirm.body, "Erika erreicht niemanden mehr am Telefon."));
  EXPECT_TRUE(contains(confirm.body, "Von diesen Risiken lösen und löschen"));

  auto r = b.post(url + "/delete", {});  // without the explicit choice
  EXPECT_EQ(r.status, 409);
  EXPECT_TRUE(contains(r.body, "Risiken nennen diese Persona noch."));
  EXPECT_TRUE(srv_.store().personas().get(org().id, erika.id)) << "still there";

  r = b.post(url + "/delete", {{"detach_from_risks", "1"}});
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_TRUE(contains(b.follow(r).body, "Die Persona ist gelöscht."));
  EXPECT_FALSE(srv_.store().personas().get(org().id, erika.id));
  const auto kept = srv_.store().risks().get(org().id, stored_risk->id);
  ASSERT_TRUE(kept);
  EXPECT_EQ(kept->group, "Erika, 78") << "the risk still says whom it is about";

  const core::Persona jonas = persona("Jonas, 19");
  const std::string jonas_url = "/o/acme/personas/" + std::to_string(jonas.id.value);
  confirm = b.open(jonas_url + "/delete");
  EXPECT_TRUE(contains(confirm.body, "Möchten Sie die Persona „Jonas, 19“ löschen?"));
  EXPECT_FALSE(contains(confirm.body, "detach_from_risks")) << "a simple confirmation";
  EXPECT_EQ(b.post(jonas_url + "/delete", {}).status, 303);
  EXPECT_EQ(library_size(), 0u);
}

TEST_F(PersonasWeb, TheChangeLogAndTheToolsHistoryNameWhatHappenedToPersonas) {
  srv_.user("own@example.org", "acme", store::Role::kOwner);
  Browser b = signed_in("ed@example.org");
  b.open("/o/acme/personas/new");
  auto r = b.post("/o/acme/personas", valid_form());
  ASSERT_EQ(r.status, 303);
  const std::string url = r.header("Location").substr(0, r.header("Location").find('?'));
  const std::string id = url.substr(url.rfind('/') + 1);
  b.open(tool_url_ + "/personas");
  ASSERT_EQ(b.post(tool_url_ + "/personas", {{"persona", id}}).status, 303);

  auto history = b.open(tool_url_);
  EXPECT_TRUE(contains(history.body, "Persona dem Werkzeug zugeordnet")) << "not the raw action";
  Browser owner = signed_in("own@example.org");
  auto log = owner.open("/o/acme/audit?kind=personas");
  ASSERT_EQ(log.status, 200);
  EXPECT_TRUE(contains(log.body, "Persona angelegt"));
  EXPECT_TRUE(contains(log.body, "Erika, 78"));
  EXPECT_FALSE(contains(log.body, "Werkzeug erfasst")) << "only the personas kind";
}

}  // namespace
}  // namespace solipraxis::web
