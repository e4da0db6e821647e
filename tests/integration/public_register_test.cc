// The public transparency register over HTTP, without login: only tools marked
// public appear (HTML, JSON, Atom), non-use reasons are included, user text is
// escaped, the JSON validates against web/static/public-register.schema.json (with
// Debian's python3-jsonschema) and the Atom feed is well-formed Atom 1.0.
#include <utility>

#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdio>
#include <fstream>

#include <nlohmann/json.hpp>

#include "core/transition.h"
#include "store/common.h"
#include "store/orgs.h"
#include "store/store.h"
#include "store/tools.h"
#include "test_database.h"
#include "web_fixture.h"

namespace solipraxis::web {
namespace {

const store::Actor kActor{std::nullopt, "test"};

class RegisterSite {
 public:
  RegisterSite() : org_(srv_.org("verein")) {}

  core::Tool tool(const std::string& name, bool is_public, const std::string& summary = "",
                  core::DataAnswer personal_data = core::DataAnswer::kUnknown,
                  bool special_categories = false) {
    core::Tool t;
    t.name = name;
    t.personal_data = personal_data;
    t.special_categories = special_categories;
    t.vendor = "Beispiel gGmbH";
    t.purpose = "Briefe verständlich machen";
    t.human_oversight = "Eine Beraterin liest jeden Text.";
    t.is_public = is_public;
    t.public_summary = summary;
    t.links = {"https://example.org/tool"};
    auto created = srv_.store().tools().create_tool(org_.id, t, kActor);
    EXPECT_TRUE(created) << (created ? "" : created.error().detail);
    return *created;
  }
  core::Tool move(const core::Tool& t, core::DecisionKind kind,
                  const std::string& why = "Abgewogen.") {
    core::TransitionRequest r;
    r.kind = kind;
    r.rationale = why;
    r.principles = {{3, "Betroffene gefragt"}};
    r.decided_by = "Vorstand";
    r.decided_on = core::Date::today(srv_.clock());
    auto moved = srv_.store().tools().transition_tool(org_.id, t.id, r, std::nullopt, kActor);
    EXPECT_TRUE(moved) << (moved ? "" : moved.error().detail);
    return moved->tool;
  }
  HttpResponse get(const std::string& target, const std::string& lang = "de") {
    auto r = testing::get(srv_.port(), target, "Accept-Language: " + lang + "\r\n");
    EXPECT_TRUE(r) << target;
    return r ? *r : HttpResponse{};
  }
  AuthServer& server() { return srv_; }
  const store::Org& org() const { return org_; }

 private:
  AuthServer srv_;
  store::Org org_;
};

// Runs python3 (Debian's, with python3-jsonschema) on `script` with `input` as a file argument.
std::pair<int, std::string> python(const std::string& script, const std::string& input) {
  testing::TempDir dir;
  const std::string script_path = dir.path() + "/check.py";
  const std::string input_path = dir.path() + "/input";
  std::ofstream(script_path) << script;
  std::ofstream(input_path, std::ios::binary) << input;
  const std::string cmd = "/usr/bin/python3 " + script_path + " " + input_path + " " +
                          SOLIPRAXIS_SOURCE_DIR + "/web/static/public-register.schema.json 2>&1";
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return {-1, "popen failed"};
  char buf[4096];
  while (std::size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  const int status = pclose(p);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

TEST(PublicRegisterHttp, ShowsOnlyPublicToolsWithNonUseReasonsWithoutLogin) {
  RegisterSite site;
  core::Tool pilot =
      site.tool("Übersetzungshilfe", true, "Hilft beim Schreiben in einfacher Sprache.");
  pilot = site.move(pilot, core::DecisionKind::kExplore);
  pilot = site.move(pilot, core::DecisionKind::kPilot);
  core::Tool rejected =
      site.tool("Chatbot <script>alert(1)</script>", true, "Ein Chatbot für Ratsuchende.");
  site.move(rejected, core::DecisionKind::kReject, "Trainiert mit unseren Beratungsgesprächen.");
  site.tool("Geheimes Werkzeug", false);

  auto page = site.get("/p/verein/register");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(page.header("Content-Type").starts_with("text/html"));
  // The layout can carry a signed-in visitor's data: no shared cache may keep it.
  EXPECT_EQ(page.header("Cache-Control"), "private, no-cache");
  EXPECT_TRUE(contains(page.body, "Übersetzungshilfe"));
  EXPECT_TRUE(contains(page.body, "Hilft beim Schreiben in einfacher Sprache."));
  EXPECT_TRUE(contains(page.body, "Erprobung")) << "status in German";
  EXPECT_TRUE(contains(page.body, "Bewusst nicht eingesetzt"));
  EXPECT_TRUE(contains(page.body, "Trainiert mit unseren Beratungsgesprächen."));
  EXPECT_TRUE(contains(page.body, "Chatbot &lt;script&gt;")) << "user text is escaped";
  EXPECT_FALSE(contains(page.body, "<script>alert(1)"));
  EXPECT_FALSE(contains(page.body, "Geheimes Werkzeug")) << "private tools never appear";
  EXPECT_FALSE(contains(page.body, "Vorstand")) << "who decided stays internal";
  EXPECT_FALSE(contains(page.body, "Abgewogen.")) << "only non-use reasons are public";
  EXPECT_TRUE(contains(page.body, "href=\"/p/verein/register.json\""));
  EXPECT_TRUE(contains(page.body, "href=\"/p/verein/register.atom\""));

  auto en = site.get("/p/verein/register", "en");
  EXPECT_TRUE(contains(en.body, "Decided not to use"));
  EXPECT_TRUE(contains(en.body, "<html lang=\"en\""));
}

TEST(PublicRegisterHttp, EmptyRegisterAndUnknownOrg) {
  RegisterSite site;
  site.tool("Intern", false);
  auto page = site.get("/p/verein/register");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "noch keine Einträge veröffentlicht"));
  EXPECT_FALSE(contains(page.body, "Intern"));
  auto json = site.get("/p/verein/register.json");
  ASSERT_EQ(json.status, 200);
  EXPECT_TRUE(nlohmann::json::parse(json.body)["tools"].empty());
  auto html = site.get("/p/gibt-es-nicht/register");
  EXPECT_EQ(html.status, 404);
  EXPECT_TRUE(html.header("Content-Type").starts_with("text/html")) << "a page for people";
  // The documents for programs answer errors as /api/openapi.json promises: JSON, in the
  // person's language, also for a path no route knows.
  for (const std::string target : {"/p/gibt-es-nicht/register.json", "/p/gibt-es-nicht/register.atom",
                                   "/p/verein/gibt-es-nicht.json", "/api/v1/gibt-es-nicht"}) {
    for (const std::string lang : {"de", "en"}) {
      auto r = site.get(target, lang);
      EXPECT_EQ(r.status, 404) << target;
      EXPECT_TRUE(r.header("Content-Type").starts_with("application/json")) << target;
      const auto body = nlohmann::json::parse(r.body, nullptr, false);
      ASSERT_TRUE(body.is_object()) << target << ": " << r.body;
      EXPECT_EQ(body["error"]["code"], "not_found") << target;
      EXPECT_EQ(body["error"]["message"], lang == "de" ? "Diese Seite gibt es nicht."
                                                       : "This page does not exist.")
          << target;
    }
  }
}

TEST(PublicRegisterHttp, JsonValidatesAgainstTheSchema) {
  RegisterSite site;
  core::Tool used = site.tool("Übersetzungshilfe", true, "Hilft beim Schreiben.",
                              core::DataAnswer::kYes, /*special_categories=*/true);
  used = site.move(used, core::DecisionKind::kExplore);
  used = site.move(used, core::DecisionKind::kPilot);
  site.move(used, core::DecisionKind::kAdopt);
  site.move(site.tool("Chatbot", true, "Ein Chatbot.", core::DataAnswer::kNo),
            core::DecisionKind::kReject, "Zu riskant.");
  site.tool("Idee", true, "Noch offen.");
  site.tool("Privat", false);

  auto r = site.get("/p/verein/register.json");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(r.header("Content-Type").starts_with("application/json"));
  EXPECT_EQ(r.header("Cache-Control"), "public, max-age=60");
  const auto doc = nlohmann::json::parse(r.body);
  ASSERT_EQ(doc["tools"].size(), 3u);
  EXPECT_EQ(doc["tools"][0]["status"], "in_use");
  EXPECT_EQ(doc["tools"][0]["last_review"], "2026-01-01");
  EXPECT_EQ(doc["tools"][0]["next_review"], "2026-07-01");
  EXPECT_EQ(doc["tools"][0]["principles_considered"], nlohmann::json::array({3}));
  EXPECT_EQ(doc["tools"][1]["non_use"]["rationale"], "Zu riskant.");
  EXPECT_TRUE(doc["tools"][2]["non_use"].is_null());
  EXPECT_EQ(doc["organisation"]["register_url"], "http://127.0.0.1/p/verein/register");
  EXPECT_EQ(doc["format_version"], 2);
  EXPECT_EQ(doc["tools"][0]["data"]["personal_data"], "yes");
  EXPECT_EQ(doc["tools"][0]["data"]["special_categories"], true);
  EXPECT_EQ(doc["tools"][1]["data"]["personal_data"], "no");
  EXPECT_EQ(doc["tools"][1]["data"]["special_categories"], false);
  EXPECT_EQ(doc["tools"][2]["data"]["personal_data"], "unknown") << "not answered is not no";
  EXPECT_TRUE(doc["tools"][2]["data"]["special_categories"].is_null());

  const auto [code, out] = python(R"py(
import json, sys
import jsonschema
doc = json.load(open(sys.argv[1], encoding="utf-8"))
schema = json.load(open(sys.argv[2], encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
# Formats ("uri", "date") are only checked with a format checker; "uri" needs
# python3-rfc3987 (scripts/install-deps), so make sure it is really checked.
checker = jsonschema.FormatChecker()
if "uri" not in checker.checkers or "date" not in checker.checkers:
    sys.exit("jsonschema cannot check uri/date formats here (python3-rfc3987 missing?)")
validator = jsonschema.Draft202012Validator(schema, format_checker=checker)
validator.validate(doc)
for what, bad in [
    ("a description over 350 characters", dict(doc, tools=[dict(doc["tools"][0], short_description="x" * 351)])),
    ("a register_url that is no URI", dict(doc, organisation=dict(doc["organisation"], register_url="https://kein link/"))),
    ("a next_review that is no date", dict(doc, tools=[dict(doc["tools"][0], next_review="2026-13-45")])),
    ("personal_data as the old boolean", dict(doc, tools=[dict(doc["tools"][1], data=dict(doc["tools"][1]["data"], personal_data=False))])),
    ("a fourth answer", dict(doc, tools=[dict(doc["tools"][2], data=dict(doc["tools"][2]["data"], personal_data="maybe"))])),
    ("special categories without an answer read as no", dict(doc, tools=[dict(doc["tools"][2], data=dict(doc["tools"][2]["data"], special_categories=False))])),
    ("special categories with personal data no", dict(doc, tools=[dict(doc["tools"][1], data=dict(doc["tools"][1]["data"], special_categories=True))])),
    ("format version 1", dict(doc, format_version=1)),
]:
    try:
        validator.validate(bad)
        sys.exit("the schema accepted " + what)
    except jsonschema.ValidationError:
        pass
print("valid")
)py",
                                  r.body);
  EXPECT_EQ(code, 0) << out;
  EXPECT_TRUE(contains(out, "valid")) << out;
}

// A tool whose personal data nobody has answered says so in every format; it
// is never shown as "no", and "no" only where someone said no.
TEST(PublicRegisterHttp, NotAnsweredYetIsShownAsSuchNeverAsNo) {
  RegisterSite site;
  site.tool("Offen", true, "Noch nicht geprüft.");
  const core::Tool said_no = site.tool("Ohne", true, "Geprüft.", core::DataAnswer::kNo);

  auto page = site.get("/p/verein/register");
  ASSERT_EQ(page.status, 200);
  const auto second = page.body.find("id=\"tool-" + std::to_string(said_no.id.value) + "\"");
  ASSERT_NE(second, std::string::npos);
  const std::string open = page.body.substr(0, second);
  EXPECT_TRUE(contains(open, R"(<dt>Personenbezogene Daten</dt><dd class="register-text">noch nicht geklärt</dd>)"))
      << page.body;
  EXPECT_TRUE(contains(open, R"(<dt>Besondere Kategorien personenbezogener Daten</dt><dd class="register-text">noch nicht geklärt</dd>)"));
  EXPECT_FALSE(contains(open, R"(<dd class="register-text">nein</dd>)")) << open;
  const std::string no = page.body.substr(second);
  EXPECT_TRUE(contains(no, R"(<dt>Personenbezogene Daten</dt><dd class="register-text">nein</dd>)"));
  EXPECT_TRUE(contains(site.get("/p/verein/register", "en").body,
                       R"(<dt>Personal data</dt><dd class="register-text">not answered yet</dd>)"));

  const auto doc = nlohmann::json::parse(site.get("/p/verein/register.json").body);
  EXPECT_EQ(doc["tools"][0]["data"]["personal_data"], "unknown");
  EXPECT_TRUE(doc["tools"][0]["data"]["special_categories"].is_null());
  EXPECT_EQ(doc["tools"][1]["data"]["personal_data"], "no");

  const auto atom = site.get("/p/verein/register.atom");
  EXPECT_TRUE(contains(atom.body, "Personenbezogene Daten: noch nicht geklärt")) << atom.body;
  EXPECT_TRUE(contains(atom.body, "Personenbezogene Daten: nein"));
  EXPECT_TRUE(contains(site.get("/p/verein/register.atom", "en").body,
                       "Personal data: not answered yet"));
}

TEST(PublicRegisterHttp, AtomFeedHasOneEntryPerPublicToolUpdatedAtItsLastChange) {
  RegisterSite site;
  core::Tool a = site.tool("Werkzeug & Co", true, "Kurz <b>fett</b>.");
  site.server().clock().advance(3600);
  site.move(a, core::DecisionKind::kExplore);  // a later change
  site.tool("Privat", false);
  site.tool("Zweites", true, "Noch eins.");

  auto r = site.get("/p/verein/register.atom");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("Content-Type"), "application/atom+xml; charset=utf-8");
  const auto [code, out] = python(R"py(
import sys
import xml.etree.ElementTree as ET
A = "{http://www.w3.org/2005/Atom}"
feed = ET.parse(sys.argv[1]).getroot()
assert feed.tag == A + "feed", feed.tag
for need in ("id", "title", "updated", "author"):
    assert feed.find(A + need) is not None, need
assert any(l.get("rel") == "self" for l in feed.findall(A + "link"))
entries = feed.findall(A + "entry")
print(len(entries))
for e in entries:
    for need in ("id", "title", "updated"):
        assert e.find(A + need) is not None, need
    print(e.find(A + "title").text, "|", e.find(A + "updated").text, "|", e.find(A + "summary").text)
)py",
                                  r.body);
  ASSERT_EQ(code, 0) << out;
  EXPECT_TRUE(out.starts_with("2\n")) << out;
  EXPECT_TRUE(contains(out, "Werkzeug & Co | 2026-01-01T01:00:00Z | Kurz <b>fett</b>.")) << out;
  EXPECT_TRUE(contains(out, "Zweites | 2026-01-01T01:00:00Z")) << out;
  EXPECT_FALSE(contains(out, "Privat")) << out;
}

// GET with exactly this Host header (the test client would send its own).
HttpResponse get_as(std::uint16_t port, const std::string& target, const std::string& host) {
  testing::Connection c(port);
  EXPECT_TRUE(c.send("GET " + target + " HTTP/1.1\r\nHost: " + host +
                     "\r\nAccept-Language: en\r\nConnection: close\r\n\r\n"));
  auto r = c.read();
  EXPECT_TRUE(r) << target;
  return r ? *r : HttpResponse{};
}

TEST(PublicRegisterHttp, OnlyAValidHostHeaderBecomesTheBaseOfFeedLinks) {
  RegisterSite site;
  site.tool("Übersetzer", true, "Kurz.");
  Services& s = site.server().app().services();
  const std::string listen = "127.0.0.1:" + std::to_string(site.server().port());
  s.listen_authority = listen;
  const std::uint16_t port = site.server().port();
  // A syntactically valid host[:port] is used as before.
  auto ok = get_as(port, "/p/verein/register.atom", "register.example.org:8443");
  EXPECT_TRUE(contains(ok.body, "http://register.example.org:8443/p/verein/register")) << ok.body;
  // Anything else falls back to the listen address, in every feed.
  for (const std::string forged :
       {"evil.example/phish", "evil.example?x=1", "user@evil.example", "evil.example:99999",
        "\"><x>evil.example", "evil example"}) {
    for (const char* feed : {"/p/verein/register.atom", "/p/verein/register.json"}) {
      auto r = get_as(port, feed, forged);
      ASSERT_EQ(r.status, 200) << forged << " " << feed;
      EXPECT_FALSE(contains(r.body, "evil")) << forged << " " << feed << ": " << r.body;
      EXPECT_TRUE(contains(r.body, "http://" + listen + "/p/verein/register")) << forged;
    }
  }
}

TEST(PublicRegisterHttp, ServePublicUrlPinsFeedLinksWhateverTheHostHeaderSays) {
  testing::ServerProcess server({"--public-url", "https://register.example.org/"});
  {
    core::SystemClock clock;
    auto st = store::open_store(testing::test_store_config(server.data_dir()), clock);
    ASSERT_TRUE(st) << st.error().detail;
    auto org = (*st)->orgs().create_org("verein", "Verein", kActor);
    ASSERT_TRUE(org) << org.error().detail;
    core::Tool t;
    t.name = "Übersetzer";
    t.is_public = true;
    t.public_summary = "Kurz.";
    ASSERT_TRUE((*st)->tools().create_tool(org->id, t, kActor));
  }
  for (const std::string host : {"evil.example", "evil.example:8080", "127.0.0.1"}) {
    auto atom = get_as(server.port(), "/p/verein/register.atom", host);
    ASSERT_EQ(atom.status, 200) << atom.body;
    EXPECT_TRUE(contains(atom.body, "Übersetzer")) << atom.body;
    EXPECT_TRUE(contains(atom.body, "https://register.example.org/p/verein/register")) << atom.body;
    EXPECT_FALSE(contains(atom.body, "evil")) << host << ": " << atom.body;
    EXPECT_FALSE(contains(atom.body, "http://127.0.0.1")) << host;
    auto json = get_as(server.port(), "/p/verein/register.json", host);
    EXPECT_EQ(nlohmann::json::parse(json.body)["organisation"]["register_url"],
              "https://register.example.org/p/verein/register");
  }
  EXPECT_EQ(server.terminate(), 0);
}

}  // namespace
}  // namespace solipraxis::web
