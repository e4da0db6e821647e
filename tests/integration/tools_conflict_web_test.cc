// Save conflicts and typed dates on the tool form over real HTTP (issue 22,
// items 4 and 5). Two people signed in at once: after a conflict the form is
// merged three ways against the version it was opened at, so saving again
// never wipes a colleague's change; fields both changed ask which value holds.
// A typed impossible date is refused at its field, never stored as "no date".
#include <utility>

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <regex>

#include "register_site.h"
#include "store/common.h"
#include "store/orgs.h"
#include "store/store.h"
#include "store/tool_records.h"
#include "store/tools.h"

namespace solipraxis::web {
namespace {

std::string unescape(std::string s) {
  static const std::pair<const char*, const char*> kEntities[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&#x2F;", "/"},
      {"&#x60;", "`"}, {"&#x3D;", "="}, {"&amp;", "&"}};
  for (const auto& [from, to] : kEntities) {
    for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + 1)) {
      s.replace(pos, std::string_view(from).size(), to);
    }
  }
  return s;
}

std::string attr(const std::string& tag, const std::string& name) {
  const std::regex re("\\s" + name + "=\"([^\"]*)\"");
  std::smatch m;
  return std::regex_search(tag, m, re) ? unescape(m[1].str()) : std::string();
}

// What a browser sends for the first POST form on `page` as it stands: text
// and hidden inputs, ticked boxes and radios, selected options, textareas.
Fields form_fields(const std::string& page) {
  const auto start = page.find("<form class=\"form\" method=\"post\"");
  const std::string form = page.substr(start, page.find("</form>", start) - start);
  Fields out;
  static const std::regex input(R"(<input\b[^>]*>)");
  for (auto it = std::sregex_iterator(form.begin(), form.end(), input);
       it != std::sregex_iterator(); ++it) {
    const std::string tag = it->str();
    const std::string type = attr(tag, "type");
    const bool checkable = type == "radio" || type == "checkbox";
    if (checkable && tag.find(" checked") == std::string::npos) continue;
    out.emplace_back(attr(tag, "name"), attr(tag, "value"));
  }
  static const std::regex area(R"re(<textarea\b[^>]*name="([^"]*)"[^>]*>([^<]*)</textarea>)re");
  for (auto it = std::sregex_iterator(form.begin(), form.end(), area);
       it != std::sregex_iterator(); ++it) {
    out.emplace_back((*it)[1].str(), unescape((*it)[2].str()));
  }
  static const std::regex select(R"re(<select\b[^>]*name="([^"]*)"[^>]*>(.*?)</select>)re");
  static const std::regex selected(R"re(<option value="([^"]*)" selected>)re");
  for (auto it = std::sregex_iterator(form.begin(), form.end(), select);
       it != std::sregex_iterator(); ++it) {
    const std::string options = (*it)[2].str();
    std::smatch m;
    out.emplace_back((*it)[1].str(),
                     std::regex_search(options, m, selected) ? m[1].str() : std::string());
  }
  return out;
}

// `fields` with each named field set to a new value, as typing would.
Fields with(Fields fields, const std::map<std::string, std::string>& typed) {
  for (auto& [name, value] : fields) {
    if (auto it = typed.find(name); it != typed.end()) value = it->second;
  }
  return fields;
}

std::string value_of(const Fields& fields, const std::string& name) {
  for (const auto& [n, v] : fields) {
    if (n == name) return v;
  }
  return "<missing>";
}

// Ada (owner) and Bea (editor), each in her own browser.
struct TwoPeople {
  Register reg;
  Browser bea{reg.srv.port()};
  TwoPeople() {
    reg.srv.user("bea@example.org", "acme", store::Role::kEditor);
    EXPECT_EQ(bea.sign_in("bea@example.org").status, 303);
  }
};

TEST(ToolConflictWeb, SavingAgainAfterAConflictKeepsTheColleaguesChange) {
  TwoPeople p;
  Register& reg = p.reg;
  const auto id = reg.create({{"name", "Suchhilfe"}, {"purpose", "Alt"}, {"cost", "0 Euro"},
                              {"contact", "Ada"}});
  const std::string url = "/o/acme/tools/" + std::to_string(id);
  // Both open the form; Bea saves the cost and the hosting first.
  const Fields ada_form = form_fields(reg.b.open(url + "/edit").body);
  const Fields bea_form = form_fields(p.bea.open(url + "/edit").body);
  ASSERT_EQ(p.bea.post(url, with(bea_form, {{"cost", "50 Euro im Monat"},
                                            {"hosting", "eu_cloud"}})).status, 303);
  // Ada changes only the contact, from the form she opened before.
  auto r = reg.b.post(url, with(ada_form, {{"contact", "Ada Lovelace"}}));
  ASSERT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(reg.tool(id).cost, "50 Euro im Monat") << "nothing overwritten yet";
  // The merged form: Bea's fields show her values, Ada's change stays.
  const Fields merged = form_fields(r.body);
  EXPECT_EQ(value_of(merged, "cost"), "50 Euro im Monat");
  EXPECT_EQ(value_of(merged, "hosting"), "eu_cloud");
  EXPECT_EQ(value_of(merged, "contact"), "Ada Lovelace");
  EXPECT_EQ(value_of(merged, "base.cost"), "50 Euro im Monat");
  EXPECT_TRUE(contains(r.body, "Diese Felder hat nur jemand anderes geändert"));
  EXPECT_TRUE(contains(r.body, R"(<li><a href="#tool-cost">Kosten</a></li>)")) << r.body;
  EXPECT_TRUE(contains(r.body, R"(<p class="changed-note" id="tool-cost-changed"><strong class="changed-marker">geändert von jemand anderem, neuer Stand übernommen</strong>)"));
  EXPECT_FALSE(contains(r.body, R"(id="tool-contact-changed")"));
  EXPECT_FALSE(contains(r.body, "conflict-choice")) << "nothing both changed, nothing to choose";
  // Saving the form as shown keeps both changes.
  auto again = reg.b.post(url, merged);
  ASSERT_EQ(again.status, 303) << again.body;
  const core::Tool saved = reg.tool(id);
  EXPECT_EQ(saved.cost, "50 Euro im Monat");
  EXPECT_EQ(saved.hosting, core::Hosting::kEuCloud);
  EXPECT_EQ(saved.contact, "Ada Lovelace");
}

TEST(ToolConflictWeb, FieldsBothChangedAreChosenSideBySide) {
  TwoPeople p;
  Register& reg = p.reg;
  const auto id = reg.create({{"name", "Suchhilfe"}, {"purpose", "Alt"}, {"cost", "0 Euro"}});
  const std::string url = "/o/acme/tools/" + std::to_string(id);
  const Fields ada_form = form_fields(reg.b.open(url + "/edit").body);
  const Fields bea_form = form_fields(p.bea.open(url + "/edit").body);
  ASSERT_EQ(p.bea.post(url, with(bea_form, {{"purpose", "Von Bea"}, {"cost", "5 Euro"},
                                            {"personal_data", "yes"}})).status, 303);
  // Ada changes purpose and cost too (a textarea comes with CRLF).
  auto r = reg.b.post(url, with(ada_form, {{"purpose", "Von\r\nAda"}, {"cost", "7 Euro"},
                                           {"personal_data", "unknown"}}));
  ASSERT_EQ(r.status, 409);
  EXPECT_TRUE(contains(r.body, "Diese Felder haben Sie beide geändert"));
  EXPECT_TRUE(contains(r.body, R"(<li><a href="#tool-purpose-conflict">Zweck</a></li>)")) << r.body;
  EXPECT_TRUE(contains(r.body, R"(<li><a href="#tool-cost-conflict">Kosten</a></li>)"));
  EXPECT_TRUE(contains(r.body, R"(<li><a href="#tool-personal_data">Personenbezogene Daten</a></li>)"))
      << "personal data: only Bea changed it (Ada kept 'not answered')";
  // Each conflict is a group of two labelled radio buttons, none chosen yet.
  EXPECT_TRUE(contains(r.body, R"(<fieldset class="conflict-choice" id="tool-cost-conflict">)"));
  EXPECT_TRUE(contains(r.body, R"(<input type="radio" id="tool-cost-keep-mine" name="choice.cost" value="mine">)"));
  EXPECT_TRUE(contains(r.body, R"(<label for="tool-cost-keep-mine"><strong>Ihre Eingabe (steht im Feld):</strong> <span class="conflict-value">7 Euro</span></label>)"))
      << r.body;
  EXPECT_TRUE(contains(r.body, R"(<label for="tool-cost-take-theirs"><strong>Von der anderen Person gespeichert:</strong> <span class="conflict-value">5 Euro</span></label>)"));
  Fields merged = form_fields(r.body);
  EXPECT_EQ(value_of(merged, "personal_data"), "yes");
  EXPECT_EQ(value_of(merged, "cost"), "7 Euro") << "the person's input stays in the field";
  // Saving without choosing asks again at the field and stores nothing.
  auto unchosen = reg.b.post(url, merged);
  ASSERT_EQ(unchosen.status, 422) << unchosen.body;
  EXPECT_TRUE(contains(unchosen.body, R"(<li><a href="#tool-cost-keep-mine">Kosten: Bitte wählen Sie, ob Ihre Eingabe oder der Stand der anderen Person gilt.</a></li>)"))
      << unchosen.body;
  EXPECT_TRUE(contains(unchosen.body, R"(id="tool-purpose-conflict")"));
  EXPECT_EQ(reg.tool(id).purpose, "Von Bea");
  // Ada keeps her purpose and takes Bea's cost.
  merged = form_fields(unchosen.body);
  merged.emplace_back("choice.purpose", "mine");
  merged.emplace_back("choice.cost", "theirs");
  auto chosen = reg.b.post(url, merged);
  ASSERT_EQ(chosen.status, 303) << chosen.body;
  const core::Tool saved = reg.tool(id);
  EXPECT_EQ(saved.purpose, "Von\r\nAda") << "kept as sent";
  EXPECT_EQ(saved.cost, "5 Euro");
  EXPECT_EQ(saved.personal_data, core::DataAnswer::kYes);
}

TEST(ToolConflictWeb, AFormWithoutBaseAsksForEveryDifference) {
  Register reg;
  const auto id = reg.create({{"name", "Suchhilfe"}, {"purpose", "Alt"}});
  const std::string url = "/o/acme/tools/" + std::to_string(id);
  reg.b.open(url + "/edit");
  const auto version = std::to_string(reg.tool(id).version);
  core::Tool other = reg.tool(id);
  other.purpose = "Von Bea geändert";
  ASSERT_TRUE(reg.srv.store().tools().update_tool(reg.org(), other, other.version, store::Actor{}));
  // No base.* fields (a form from before they existed): who changed what is unknown.
  auto r = reg.b.post(url, {{"version", version}, {"name", "Suchhilfe"}, {"purpose", "Meine Eingabe"}});
  EXPECT_EQ(r.status, 409);
  EXPECT_TRUE(contains(r.body, "Jemand hat das Werkzeug inzwischen geändert"));
  EXPECT_TRUE(contains(r.body, R"(id="tool-purpose-conflict")"));
  EXPECT_TRUE(contains(r.body, "Meine Eingabe")) << "the person's input is kept";
  EXPECT_EQ(reg.tool(id).purpose, "Von Bea geändert") << "nothing overwritten";
  const auto now = std::to_string(reg.tool(id).version);
  EXPECT_TRUE(contains(r.body, "name=\"version\" value=\"" + now + "\""));
  Fields again = form_fields(r.body);
  again.emplace_back("choice.purpose", "mine");
  ASSERT_EQ(reg.b.post(url, again).status, 303);
  EXPECT_EQ(reg.tool(id).purpose, "Meine Eingabe");
  // A decision against an older version is refused the same way.
  auto stale = reg.decide(id, step("explore", {{"version", version}}), false);
  EXPECT_EQ(stale.status, 409);
  EXPECT_TRUE(contains(stale.body, "Weil es so besser ist."));
  EXPECT_EQ(reg.tool(id).phase, core::Phase::kIdea);
}

TEST(ToolConflictWeb, AConflictThroughADecisionAloneChangesNoField) {
  Register reg;
  const auto id = reg.create({{"name", "Suchhilfe"}});
  const std::string url = "/o/acme/tools/" + std::to_string(id);
  const Fields form = form_fields(reg.b.open(url + "/edit").body);
  ASSERT_EQ(reg.decide(id, step("explore")).status, 303);
  auto r = reg.b.post(url, with(form, {{"contact", "Ada"}}));
  ASSERT_EQ(r.status, 409);
  EXPECT_TRUE(contains(r.body, "Kein Feld hat sich geändert."));
  EXPECT_FALSE(contains(r.body, "geändert von jemand anderem"));
  EXPECT_EQ(value_of(form_fields(r.body), "contact"), "Ada");
}

TEST(ToolConflictWeb, AnImpossibleTypedDateIsRefusedAtItsFieldWithEverythingKept) {
  Register reg;
  auto form = reg.b.open("/o/acme/tools/new");
  EXPECT_TRUE(contains(form.body, R"(<input type="text" id="tool-next_review" name="next_review" value="" autocomplete="off" size="10")"))
      << "a text field: a date picker would send an unreadable day as no day at all";
  EXPECT_TRUE(contains(form.body, "Format: TT.MM.JJJJ, zum Beispiel 30.06.2026."));
  const std::pair<const char*, const char*> cases[] = {
      {"30.02.2026", "Diesen Tag gibt es im Kalender nicht."},
      {"2026-02-30", "Diesen Tag gibt es im Kalender nicht."},
      {"31.04.", "Das Jahr fehlt."},
      {"im März", "Bitte geben Sie das Datum als TT.MM.JJJJ ein"},
  };
  for (const auto& [typed, reason] : cases) {
    auto r = reg.b.post("/o/acme/tools", {{"name", "Kalender"}, {"purpose", "Termine"},
                                          {"next_review", typed}});
    ASSERT_EQ(r.status, 422) << typed;
    EXPECT_TRUE(contains(r.body, std::string(R"(<li><a href="#tool-next_review">Nächste Überprüfung: )") + reason))
        << typed << r.body;
    EXPECT_TRUE(contains(r.body, std::string(R"(name="next_review" value=")") + typed + "\""))
        << "the typed text is kept: " << typed;
    EXPECT_TRUE(contains(r.body, ">Termine</textarea>")) << "every other input is kept";
  }
  EXPECT_TRUE(store::all_tools(reg.srv.store().tools(), reg.org())->empty()) << "nothing stored";
  // German and ISO forms are both read; the edit form shows the German one.
  const auto id = reg.create({{"name", "Kalender"}, {"next_review", "30.06.2026"}});
  EXPECT_EQ(reg.tool(id).next_review->str(), "2026-06-30");
  const auto iso = reg.create({{"name", "ISO"}, {"next_review", "2026-07-01"}});
  EXPECT_EQ(reg.tool(iso).next_review->str(), "2026-07-01");
  const std::string url = "/o/acme/tools/" + std::to_string(id);
  const Fields edit = form_fields(reg.b.open(url + "/edit").body);
  EXPECT_EQ(value_of(edit, "next_review"), "30.06.2026");
  // An edit with an impossible date keeps the stored date.
  auto bad = reg.b.post(url, with(edit, {{"next_review", "31.06.2026"}}));
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(reg.tool(id).next_review->str(), "2026-06-30");
  // Saving the form unchanged keeps the date (the German form is the stored ISO date).
  ASSERT_EQ(reg.b.post(url, edit).status, 303);
  EXPECT_EQ(reg.tool(id).next_review->str(), "2026-06-30");
}

TEST(ToolConflictWeb, TheDecideFormRefusesImpossibleDatesByName) {
  Register reg;
  const auto id = reg.create({{"name", "Kamera"}});
  const std::string url = "/o/acme/tools/" + std::to_string(id) + "/decide";
  auto page = reg.b.open(url);
  EXPECT_TRUE(contains(page.body, R"(<input type="text" id="decide-decided-on" name="decided_on" value="01.01.2026")"))
      << page.body;
  auto r = reg.decide(id, step("explore", {}));
  ASSERT_EQ(r.status, 303);
  // decided_on and next_review of a move to pilot: both refused with the reason.
  Fields f{{"kind", "pilot"}, {"rationale", "Testen"}, {"decided_by", "Vorstand"},
           {"decided_on", "30.02.2026"}, {"next_review", "31.04."}};
  auto bad = reg.decide(id, f);
  ASSERT_EQ(bad.status, 422) << bad.body;
  EXPECT_TRUE(contains(bad.body, R"(<p class="field-error" id="decide-decided-on-error">Diesen Tag gibt es im Kalender nicht.)"))
      << bad.body;
  EXPECT_TRUE(contains(bad.body, R"(<p class="field-error" id="decide-next-review-error">Das Jahr fehlt.)"));
  EXPECT_TRUE(contains(bad.body, R"(value="30.02.2026")"));
  EXPECT_TRUE(contains(bad.body, ">Testen</textarea>"));
  EXPECT_EQ(reg.tool(id).phase, core::Phase::kSelection);
  // An empty decision date says it is needed, not "wrong format".
  f[3].second = "";
  auto empty = reg.decide(id, f);
  EXPECT_TRUE(contains(empty.body, R"(<p class="field-error" id="decide-decided-on-error">Bitte geben Sie das Datum der Entscheidung ein.)"))
      << empty.body;
}

}  // namespace
}  // namespace solipraxis::web
