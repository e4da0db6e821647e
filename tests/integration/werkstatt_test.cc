// The Prompt-Werkstatt pages over real HTTP, without JavaScript: check a text
// (findings marked in place and linked to the numbered list), accept a
// suggestion, compose a prompt from the org's context, and the settings page
// (members read, editors save, validation keeps what was typed).
#include <utility>

#include <gtest/gtest.h>

#include <array>
#include <regex>

#include "store/checker.h"
#include "store/common.h"
#include "store/orgs.h"
#include "store/store.h"
#include "web_fixture.h"

namespace solipraxis::web {
namespace {

constexpr const char* kThanks = "Wir danken allen Unterstützern für ihre Hilfe.";

// The value of the first "accept" button (start-end-index).
std::string first_apply(const std::string& html) {
  static const std::regex re(R"re(name="apply" value="([0-9]+-[0-9]+-[0-9]+)")re");
  std::smatch m;
  return std::regex_search(html, m, re) ? m[1].str() : std::string();
}

std::string textarea(const std::string& html, const std::string& id) {
  const std::regex re("<textarea id=\"" + id + "\"[^>]*>\n?([^<]*)</textarea>");
  std::smatch m;
  return std::regex_search(html, m, re) ? m[1].str() : std::string("<missing>");
}

struct Werkstatt : ::testing::Test {
  AuthServer srv;
  Browser b{srv.port()};
  void SetUp() override {
    srv.user("ada@example.org", "acme", store::Role::kMember);
    ASSERT_EQ(b.sign_in("ada@example.org").status, 303);
  }
  HttpResponse check(std::vector<std::pair<std::string, std::string>> fields) {
    b.open("/o/acme/werkstatt");
    return b.post("/o/acme/werkstatt/check", std::move(fields));
  }
};

TEST_F(Werkstatt, ThePageSaysItCallsNoAiAndIsLinkedFromTheDashboard) {
  EXPECT_TRUE(contains(b.open("/o/acme").body, "href=\"/o/acme/werkstatt\""));
  auto page = b.open("/o/acme/werkstatt");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "solipraxis ruft kein KI-Modell auf"));
  EXPECT_TRUE(contains(page.body, "action=\"/o/acme/werkstatt/check#werkstatt-result\""));
  EXPECT_TRUE(contains(page.body, "action=\"/o/acme/werkstatt/compose#werkstatt-composed-block\""));
  srv.org("other");
  EXPECT_EQ(b.get("/o/other/werkstatt").status, 404);
  Browser anon(srv.port());
  EXPECT_EQ(anon.get("/o/acme/werkstatt").status, 303) << "to the sign-in page";
}

TEST_F(Werkstatt, SpeaksEnglishToAnEnglishBrowserAndChecksEnglishText) {
  Browser en(srv.port(), "en");
  ASSERT_EQ(en.sign_in("ada@example.org").status, 303);
  auto page = en.open("/o/acme/werkstatt");
  EXPECT_TRUE(contains(page.body, "solipraxis calls no AI model"));
  auto r = en.post("/o/acme/werkstatt/check",
                   {{"text", "The chairman thanked the firemen."}, {"inclusive", "1"}});
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(contains(r.body, "Checked as English"));
  EXPECT_TRUE(contains(r.body, "Gendered term"));
  EXPECT_TRUE(contains(r.body, "<mark class=\"check-mark check-mark-inclusive\">chairman</mark>"));
  EXPECT_TRUE(contains(en.open("/o/acme/werkstatt/settings").body, "Accepted words"));
}

TEST_F(Werkstatt, MarksFindingsInPlaceLinkedBothWaysAndKeepsTheText) {
  const std::string text = std::string("Liebe Freunde,\r\n") + kThanks;
  auto r = check({{"text", text}, {"lang", "de"}, {"inclusive", "1"}, {"plain", "1"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(contains(r.body, "<mark class=\"check-mark check-mark-inclusive\">allen Unterstützern</mark>"))
      << r.body;
  EXPECT_TRUE(contains(r.body, "<mark class=\"check-mark check-mark-inclusive\">Freunde</mark>"));
  // Mark 1 links to finding 1 and back.
  EXPECT_TRUE(contains(r.body, "id=\"mark-1\" href=\"#finding-1\""));
  EXPECT_TRUE(contains(r.body, "<li id=\"finding-1\""));
  EXPECT_TRUE(contains(r.body, "href=\"#mark-1\""));
  EXPECT_TRUE(contains(r.body, "Generisches Maskulinum")) << "the rule in words";
  EXPECT_TRUE(contains(r.body, "Unterstützer:innen")) << "a suggestion in the colon style";
  EXPECT_EQ(textarea(r.body, "werkstatt-text"), "Liebe Freunde,\r\n" + std::string(kThanks))
      << "line breaks survive the form";
  // Readability figures say in words what they measure, not only their names.
  EXPECT_TRUE(contains(r.body, "Wie leicht sich der Text lesen lässt (Flesch-Wert)"));
  EXPECT_TRUE(contains(r.body, "Gut lesbar ab Schulklasse (Wiener Sachtextformel)"));
  EXPECT_TRUE(contains(r.body, "Satzlänge und lange Wörter (LIX)"));
}

// Issue 22: "Übernehmen" replaces the whole noun phrase, declined, in one step.
TEST_F(Werkstatt, AcceptingASuggestionReplacesTheWholeNounPhrase) {
  const std::string text = "Jeder Teilnehmer erhält eine Urkunde.";
  auto r = check({{"text", text}, {"lang", "de"}, {"inclusive", "1"}});
  EXPECT_TRUE(contains(r.body, "<mark class=\"check-mark check-mark-inclusive\">Jeder Teilnehmer</mark>"));
  EXPECT_FALSE(contains(r.body, "Passen Sie auch")) << "the button changes the determiner itself";
  const std::string apply = first_apply(r.body);
  auto applied = b.post("/o/acme/werkstatt/check",
                        {{"text", text}, {"lang", "de"}, {"inclusive", "1"}, {"apply", apply}});
  EXPECT_EQ(textarea(applied.body, "werkstatt-text"), "Jede:r Teilnehmer:in erhält eine Urkunde.");
  // Dative: the pair form first.
  auto dative = check({{"text", "Die Kasse liegt bei unserem Kassenwart."}, {"lang", "de"}, {"inclusive", "1"}});
  auto done = b.post("/o/acme/werkstatt/check", {{"text", "Die Kasse liegt bei unserem Kassenwart."},
                                                 {"lang", "de"}, {"inclusive", "1"}, {"apply", first_apply(dative.body)}});
  EXPECT_EQ(textarea(done.body, "werkstatt-text"),
            "Die Kasse liegt bei unserer Kassenwartin oder unserem Kassenwart.");
}

TEST_F(Werkstatt, AnOpenReadingOffersBothReadingsLabelled) {
  auto r = check({{"text", "Wir sehen den Kunden morgen."}, {"lang", "de"}, {"inclusive", "1"}});
  EXPECT_TRUE(contains(r.body, "<span class=\"check-reading\">Wenn eine Person gemeint ist:</span> "
                               "<span class=\"check-suggestion\">den:die Kund:in</span>")) << r.body;
  EXPECT_TRUE(contains(r.body, "<span class=\"check-reading\">Wenn mehrere Personen gemeint sind:</span> "
                               "<span class=\"check-suggestion\">den Kund:innen</span>"));
}

// Issue 22: one verdict, computed from the findings listed: a hard text is a
// finding, so the page never says "gut so" next to "schwer zu lesen".
TEST_F(Werkstatt, HardToReadIsAListedFindingAndTheVerdictFollows) {
  const std::string hard =
      "Die Geschäftsstelle koordiniert die verwaltungstechnische Abwicklung sämtlicher "
      "Förderanträge, insbesondere hinsichtlich der Dokumentationspflichten gegenüber den "
      "Fördermittelstellen, sowie die ordnungsgemäße Verwendungsnachweisführung einschließlich "
      "der Berichterstattung an die zuständigen Aufsichtsbehörden und Gremien der Organisation.";
  auto r = check({{"text", hard}, {"lang", "de"}, {"plain", "1"}});
  EXPECT_TRUE(contains(r.body, "Schwer zu lesen")) << "the rule in words";
  EXPECT_TRUE(contains(r.body, "plain.readability"));
  EXPECT_FALSE(contains(r.body, "Der Text ist gut so"));
  // Without the plain-language check there is no readability verdict either.
  auto inclusive_only = check({{"text", hard}, {"lang", "de"}, {"inclusive", "1"}});
  EXPECT_TRUE(contains(inclusive_only.body, "Der Text ist gut so")) << inclusive_only.body;
  EXPECT_FALSE(contains(inclusive_only.body, "zu lesen.")) << "no band that contradicts it";
}

TEST_F(Werkstatt, AcceptingASuggestionRewritesTheTextAndChecksAgain) {
  auto r = check({{"text", kThanks}, {"inclusive", "1"}, {"plain", "1"}});
  const std::string apply = first_apply(r.body);
  ASSERT_FALSE(apply.empty()) << r.body;
  auto applied = b.post("/o/acme/werkstatt/check",
                        {{"text", kThanks}, {"inclusive", "1"}, {"plain", "1"}, {"apply", apply}});
  ASSERT_EQ(applied.status, 200);
  EXPECT_EQ(textarea(applied.body, "werkstatt-text"),
            "Wir danken allen Unterstützer:innen für ihre Hilfe.");
  EXPECT_TRUE(contains(applied.body, "Vorschlag übernommen"));
  EXPECT_TRUE(contains(applied.body, "Keine Hinweise")) << applied.body;

  // The text changed in between: nothing is replaced, the new text is checked.
  auto stale = b.post("/o/acme/werkstatt/check",
                      {{"text", "Hallo. " + std::string(kThanks)}, {"inclusive", "1"}, {"apply", apply}});
  EXPECT_EQ(stale.status, 200);
  EXPECT_TRUE(contains(stale.body, "passt nicht mehr zum Text"));
  EXPECT_EQ(textarea(stale.body, "werkstatt-text"), "Hallo. " + std::string(kThanks));
}

TEST_F(Werkstatt, OptionsSwitchChecksAndTheOrgsAcceptedWordsApply) {
  auto off = check({{"text", kThanks}, {"plain", "1"}});
  EXPECT_TRUE(contains(off.body, "Keine Hinweise")) << "inclusive unticked";
  store::CheckerSettings st;
  st.accepted_words = {"Unterstützern"};
  ASSERT_TRUE(srv.store().checker().set_checker_settings(srv.org("acme").id, st, store::Actor{std::nullopt, "t"}));
  auto accepted = check({{"text", kThanks}, {"inclusive", "1"}});
  EXPECT_TRUE(contains(accepted.body, "Keine Hinweise"));
}

TEST_F(Werkstatt, NoCheckTickedSaysSoInsteadOfPraisingTheText) {
  auto none = check({{"text", kThanks}});
  ASSERT_EQ(none.status, 200);
  EXPECT_TRUE(contains(none.body, "Sie haben keine Prüfung ausgewählt")) << none.body;
  EXPECT_FALSE(contains(none.body, "Der Text ist gut so"));
  Browser en(srv.port(), "en");
  ASSERT_EQ(en.sign_in("ada@example.org").status, 303);
  en.open("/o/acme/werkstatt");
  auto r = en.post("/o/acme/werkstatt/check", {{"text", "The chairman spoke."}});
  EXPECT_TRUE(contains(r.body, "You have not chosen a check"));
  // One ticked check without findings still says the text is fine.
  auto fine = check({{"text", "Wir danken allen für ihre Hilfe."}, {"inclusive", "1"}});
  EXPECT_TRUE(contains(fine.body, "Der Text ist gut so"));
  EXPECT_FALSE(contains(fine.body, "keine Prüfung ausgewählt"));
}

TEST_F(Werkstatt, TooLargeTextsAreRefusedWithTheReason) {
  auto r = check({{"text", std::string(100 * 1024 + 1, 'a')}, {"inclusive", "1"}});
  EXPECT_EQ(r.status, 413);
  EXPECT_TRUE(contains(r.body, "höchstens 100 KB")) << r.body.substr(0, 2000);
}

TEST_F(Werkstatt, ComposesAPromptFromTheOrgsContextAndChecksIt) {
  store::CheckerSettings st;
  st.role = "ein Verein der Nachbarschaftshilfe";
  st.values = "Solidarität, Teilhabe";
  st.sector = "Soziale Arbeit";
  ASSERT_TRUE(srv.store().checker().set_checker_settings(srv.org("acme").id, st, store::Actor{std::nullopt, "t"}));
  auto page = b.open("/o/acme/werkstatt");
  EXPECT_TRUE(contains(page.body, ">\nein Verein der Nachbarschaftshilfe</textarea>")) << "prefilled";
  auto r = b.post("/o/acme/werkstatt/compose",
                  {{"task", "Schreibe einen Aufruf für unser Sommerfest."},
                   {"audience", "Familien im Stadtteil"}, {"level", ""},
                   {"role", st.role}, {"values", st.values}, {"sector", st.sector},
                   {"lang", "de"}, {"stereotypes", "1"}});
  ASSERT_EQ(r.status, 200) << r.body;
  const std::string prompt = textarea(r.body, "werkstatt-composed");
  EXPECT_TRUE(contains(prompt, "Wir sind ein Verein der Nachbarschaftshilfe.")) << prompt;
  EXPECT_TRUE(contains(prompt, "Familien im Stadtteil"));
  EXPECT_TRUE(contains(prompt, "Stereotype"));
  EXPECT_EQ(textarea(r.body, "werkstatt-text"), prompt) << "checked too";
  EXPECT_FALSE(contains(r.body, "context.missing")) << "a full prompt lacks no context";
  // The composer's prompt passes its own check: one verdict, and no band against it.
  EXPECT_TRUE(contains(r.body, "Keine Hinweise. Der Text ist gut so.")) << r.body;
  EXPECT_FALSE(contains(r.body, "chwer zu lesen")) << r.body;

  auto bare = b.post("/o/acme/werkstatt/compose", {{"task", "Schreibe einen Aufruf."}, {"lang", "de"}});
  EXPECT_TRUE(contains(bare.body, "context.missing-role")) << "no context given, the check says so";
  EXPECT_TRUE(contains(bare.body, "context.missing-bias-check"));
}

TEST_F(Werkstatt, AMultiLineTextPostedAfterExpiryIsKeptThroughSignIn) {
  b.open("/o/acme/werkstatt");
  srv.clock().advance(9 * 3600);
  const std::string text = "Liebe Freunde,\r\n" + std::string(kThanks);
  auto r = b.post("/o/acme/werkstatt/check", {{"text", text}, {"inclusive", "1"}});
  ASSERT_EQ(r.status, 401) << r.body.substr(0, 500);
  EXPECT_TRUE(contains(r.body, "name=\"draft.text\""));
  b.set_csrf(csrf_in(r.body));
  auto resumed = b.post("/login", {{"email", "ada@example.org"}, {"password", kPassword},
                                   {"next", "/o/acme/werkstatt/check"}, {"draft.text", text},
                                   {"draft.inclusive", "1"}});
  ASSERT_EQ(resumed.status, 200) << "line breaks in a draft do not break the sign-in";
  EXPECT_TRUE(contains(resumed.body, "action=\"/o/acme/werkstatt/check\""));
  b.set_csrf(csrf_in(resumed.body));
  auto checked = b.post("/o/acme/werkstatt/check", {{"text", text}, {"inclusive", "1"}});
  EXPECT_EQ(checked.status, 200);
  EXPECT_EQ(textarea(checked.body, "werkstatt-text"), text);
}

TEST_F(Werkstatt, MembersSeeTheSettingsEditorsSaveThem) {
  auto ro = b.open("/o/acme/werkstatt/settings");
  ASSERT_EQ(ro.status, 200);
  EXPECT_FALSE(contains(ro.body, "action=\"/o/acme/werkstatt/settings\""));
  EXPECT_EQ(b.post("/o/acme/werkstatt/settings", {{"role", "x"}, {"style", "colon"}}).status, 403);

  srv.user("eve@example.org", "acme", store::Role::kEditor);
  Browser e(srv.port());
  ASSERT_EQ(e.sign_in("eve@example.org").status, 303);
  auto form = e.open("/o/acme/werkstatt/settings");
  EXPECT_TRUE(contains(form.body, "action=\"/o/acme/werkstatt/settings\""));
  auto saved = e.post("/o/acme/werkstatt/settings",
                      {{"role", "ein Verein"}, {"values", "Solidarität"}, {"sector", "Bildung"},
                       {"style", "pair"}, {"accepted_words", "Unterstützern\r\n\r\n Becker \r\n"}});
  ASSERT_EQ(saved.status, 303) << saved.body;
  auto st = srv.store().checker().checker_settings(srv.org("acme").id);
  ASSERT_TRUE(st);
  EXPECT_EQ(st->role, "ein Verein");
  EXPECT_EQ(st->style, "pair");
  EXPECT_EQ(st->accepted_words, (std::vector<std::string>{"Becker", "Unterstützern"}));
  auto after = e.open(saved.header("Location"));
  EXPECT_TRUE(contains(after.body, "Einstellungen gespeichert"));
  EXPECT_TRUE(contains(after.body, "Becker\nUnterstützern"));

  auto bad = e.post("/o/acme/werkstatt/settings",
                    {{"role", "ein anderer Verein"}, {"style", "pair"},
                     {"accepted_words", std::string(81, 'x')}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(contains(bad.body, "höchstens 80 Zeichen"));
  EXPECT_TRUE(contains(bad.body, "aria-invalid=\"true\""));
  EXPECT_TRUE(contains(bad.body, ">\nein anderer Verein</textarea>")) << "what was typed stays";
  EXPECT_EQ(srv.store().checker().checker_settings(srv.org("acme").id)->role, "ein Verein") << "unchanged";

  auto ro2 = b.open("/o/acme/werkstatt/settings");
  EXPECT_TRUE(contains(ro2.body, "ein Verein"));
  EXPECT_TRUE(contains(ro2.body, "<li>Becker</li>"));
}

// The settings form's fields as an editor sends them: context, style, no
// accepted words, then one row per {term, suggestions, message} and two blank rows.
std::vector<std::pair<std::string, std::string>> settings_form(
    const std::vector<std::array<std::string, 3>>& rows) {
  std::vector<std::pair<std::string, std::string>> f{
      {"role", "ein Verein"}, {"values", ""}, {"sector", ""}, {"style", "colon"}, {"accepted_words", ""}};
  auto all = rows;
  all.push_back({"", "", ""});
  all.push_back({"", "", ""});
  for (const auto& r : all) {
    f.emplace_back("term", r[0]);
    f.emplace_back("suggestions", r[1]);
    f.emplace_back("message", r[2]);
  }
  return f;
}

TEST_F(Werkstatt, EditorsListTermsToAvoidAndTheWerkstattFlagsThem) {
  srv.user("eve@example.org", "acme", store::Role::kEditor);
  Browser e(srv.port());
  ASSERT_EQ(e.sign_in("eve@example.org").status, 303);
  auto form = e.open("/o/acme/werkstatt/settings");
  EXPECT_TRUE(contains(form.body, "Begriffe, die wir vermeiden"));
  EXPECT_TRUE(contains(form.body, "<label for=\"term-0-term\">Begriff</label>")) << "blank rows to add";
  EXPECT_EQ(b.post("/o/acme/werkstatt/settings",
                   settings_form({{"Flüchtlinge", "Geflüchtete", ""}})).status, 403)
      << "members cannot change them";

  auto saved = e.post("/o/acme/werkstatt/settings",
                      settings_form({{" Flüchtlinge ", "Geflüchtete;  Menschen mit Fluchterfahrung ;",
                                      "Wir schreiben „Geflüchtete“."}}));
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 3000);
  auto st = srv.store().checker().checker_settings(srv.org("acme").id);
  ASSERT_TRUE(st);
  ASSERT_EQ(st->org_terms.size(), 1u);
  EXPECT_EQ(st->org_terms[0].term, "Flüchtlinge");
  EXPECT_EQ(st->org_terms[0].suggestions,
            (std::vector<std::string>{"Geflüchtete", "Menschen mit Fluchterfahrung"}));
  auto again = e.open(saved.header("Location"));
  EXPECT_TRUE(contains(again.body, "value=\"Geflüchtete; Menschen mit Fluchterfahrung\""));
  EXPECT_TRUE(contains(again.body, "id=\"term-0-remove\""));

  auto checked = check({{"text", "Wir beraten Flüchtlinge."}, {"inclusive", "1"}});
  ASSERT_EQ(checked.status, 200);
  EXPECT_TRUE(contains(checked.body, "Wir schreiben „Geflüchtete“.")) << checked.body.substr(0, 4000);
  EXPECT_TRUE(contains(checked.body, "Menschen mit Fluchterfahrung"));
  EXPECT_TRUE(contains(checked.body, "<mark"));

  auto ro = b.open("/o/acme/werkstatt/settings");
  EXPECT_TRUE(contains(ro.body, "<strong>Flüchtlinge</strong>, besser: Geflüchtete; Menschen mit Fluchterfahrung"))
      << "members read them";
  EXPECT_FALSE(contains(ro.body, "name=\"term\""));

  // Ticking "remove" removes the term.
  auto fields = settings_form({{"Flüchtlinge", "Geflüchtete", ""}});
  fields.emplace_back("remove", "0");
  ASSERT_EQ(e.post("/o/acme/werkstatt/settings", fields).status, 303);
  EXPECT_TRUE(srv.store().checker().checker_settings(srv.org("acme").id)->org_terms.empty());
}

TEST_F(Werkstatt, ARefusedTermIsShownAtItsRowWithWhatWasTyped) {
  srv.user("eve@example.org", "acme", store::Role::kEditor);
  Browser e(srv.port());
  ASSERT_EQ(e.sign_in("eve@example.org").status, 303);
  e.open("/o/acme/werkstatt/settings");
  ASSERT_EQ(e.post("/o/acme/werkstatt/settings", settings_form({{"Asylant", "", ""}})).status, 303);
  e.open("/o/acme/werkstatt/settings");
  const std::string long_suggestion(81, 'x');
  auto bad = e.post("/o/acme/werkstatt/settings",
                    settings_form({{"Asylant", "Asylsuchende", ""}, {"Flüchtlinge", long_suggestion, ""}}));
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(contains(bad.body, "Begriff 2: Ein Begriff und jeder Vorschlag")) << bad.body.substr(0, 3000);
  EXPECT_TRUE(contains(bad.body, "aria-describedby=\"terms-suggestions-hint term-1-error\" aria-invalid=\"true\""));
  EXPECT_TRUE(contains(bad.body, "<p class=\"error-message\" id=\"term-1-error\">"));
  EXPECT_TRUE(contains(bad.body, "value=\"" + long_suggestion + "\"")) << "what was typed stays";
  EXPECT_TRUE(contains(bad.body, "value=\"Asylsuchende\""));

  auto twice = e.post("/o/acme/werkstatt/settings",
                      settings_form({{"Asylant", "", ""}, {"ASYLANT", "", ""}}));
  EXPECT_EQ(twice.status, 400);
  EXPECT_TRUE(contains(twice.body, "Begriff 2: Dieser Begriff steht schon weiter oben"));
  EXPECT_TRUE(contains(twice.body, "aria-invalid=\"true\" aria-describedby=\"term-1-error\""));

  auto st = srv.store().checker().checker_settings(srv.org("acme").id);
  ASSERT_EQ(st->org_terms.size(), 1u);
  EXPECT_EQ(st->org_terms[0], (store::CheckerTerm{"Asylant", {}, ""})) << "unchanged";
}

}  // namespace
}  // namespace solipraxis::web
