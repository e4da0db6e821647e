// The solidary prompt checker over HTTP (issue 12): POST /api/v1/check gives the
// same findings as `solipraxis check --format json`; the org endpoint applies
// the org's style and accepted words; limits, invalid UTF-8, bad options and
// auth; the checker-settings API with its roles and validation.
#include <utility>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "store/checker.h"
#include "store/common.h"
#include "store/orgs.h"
#include "store/store.h"
#include "store/users.h"
#include "api_client.h"
#include "web_fixture.h"

namespace solipraxis::web {
namespace {

using nlohmann::json;

constexpr const char* kThanks = "Wir danken allen Unterstützern für ihre Hilfe.";

// A signed-in member with a Bearer token for API calls.
struct ApiCaller {
  std::uint16_t port;
  std::string token;

  HttpResponse call(std::string_view method, std::string_view target, const std::string& body = "",
                    std::string type = "application/json") const {
    std::string headers = "Authorization: Bearer " + token + "\r\nAccept-Language: en\r\n";
    if (!body.empty() || method != "GET") headers += "Content-Type: " + type + "\r\n";
    auto r = testing::request(port, method, target, headers, body);
    EXPECT_TRUE(r) << method << " " << target;
    return r ? *r : HttpResponse{};
  }
  HttpResponse post(std::string_view target, const json& body) const {
    return call("POST", target, body.dump());
  }
};

ApiCaller caller(AuthServer& srv, const std::string& email, store::Role role) {
  auto u = srv.user(email, "acme", role);
  const std::string token = store::random_token();
  EXPECT_TRUE(srv.store().users().create_token(u.id, "t", store::hash_token(token)));
  return ApiCaller{srv.port(), token};
}

// The CLI's findings for the same input, without the "file" member the API leaves out.
json cli_findings(const std::string& input, std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"check", "--format", "json"};
  args.insert(args.end(), extra.begin(), extra.end());
  auto r = testing::run_solipraxis(args, input);
  EXPECT_LE(r.exit_code, 1) << r.out;
  json out = json::parse(r.out);
  json& list = out.is_object() ? out["findings"] : out;
  for (auto& f : list) f.erase("file");
  if (out.is_object())
    for (auto& s : out["stats"]) s.erase("file");
  return out;
}

TEST(CheckApi, FindsTheSameAsTheCli) {
  AuthServer srv;
  auto ada = caller(srv, "ada@example.org", store::Role::kMember);
  auto r = ada.post("/api/v1/check", {{"text", kThanks}, {"lang", "de"}});
  ASSERT_EQ(r.status, 200) << r.body;
  const json body = json::parse(r.body);
  EXPECT_EQ(body["lang"], "de");
  ASSERT_EQ(body["findings"].size(), 1u) << body.dump(2);
  EXPECT_EQ(body["findings"][0]["text"], "allen Unterstützern");
  EXPECT_EQ(body["findings"][0]["rule"], "inclusive.generic-masculine");
  EXPECT_FALSE(body.contains("stats")) << "only when asked";
  EXPECT_EQ(body["findings"], cli_findings(kThanks, {"--lang", "de"}));

  // A longer text with several rules, a prompt, stats and another style.
  const std::string text =
      "Die Mitarbeiter werden gebeten, die Teilnehmer über die Durchführung der "
      "Veranstaltung und die Berücksichtigung der Sicherheitsbestimmungen rechtzeitig, "
      "vollständig und in verständlicher Form zu informieren, bevor sie beginnt.\n"
      "Schreibe einen Text über unser Fest.";
  auto full = ada.post("/api/v1/check", {{"text", text}, {"lang", "auto"}, {"style", "star"},
                                         {"prompt", true}, {"stats", true}});
  ASSERT_EQ(full.status, 200) << full.body;
  const json got = json::parse(full.body);
  const json want = cli_findings(text, {"--style", "star", "--prompt", "--stats"});
  EXPECT_GE(got["findings"].size(), 4u) << got.dump(2);
  EXPECT_EQ(got["findings"], want["findings"]);
  EXPECT_EQ(got["stats"], want["stats"][0]);

  // English, detected.
  const std::string en = "The chairman thanked the firemen and the cleaning ladies for the man-hours.";
  auto english = ada.post("/api/v1/check", {{"text", en}});
  ASSERT_EQ(english.status, 200);
  EXPECT_EQ(json::parse(english.body)["lang"], "en");
  EXPECT_GE(json::parse(english.body)["findings"].size(), 2u) << english.body;
  EXPECT_EQ(json::parse(english.body)["findings"], cli_findings(en));

  // Checks can be switched off.
  auto none = ada.post("/api/v1/check", {{"text", text}, {"inclusive", false}, {"plain", false}});
  ASSERT_EQ(none.status, 200);
  EXPECT_TRUE(json::parse(none.body)["findings"].empty()) << none.body;
}

TEST(CheckApi, NeedsASignedInCallerAndTheCsrfHeaderWithACookie) {
  AuthServer srv;
  srv.user("ada@example.org", "acme", store::Role::kMember);
  const std::string body = json{{"text", kThanks}}.dump();
  auto anon = testing::request(srv.port(), "POST", "/api/v1/check",
                               "Content-Type: application/json\r\n", body);
  ASSERT_TRUE(anon);
  EXPECT_EQ(anon->status, 401);
  EXPECT_EQ(json::parse(anon->body)["error"]["code"], "unauthorized");

  Browser b(srv.port());
  ASSERT_EQ(b.sign_in("ada@example.org").status, 303);
  b.open("/account");
  EXPECT_EQ(b.send("POST", "/api/v1/check", body, "application/json").status, 403);
  auto ok = b.send("POST", "/api/v1/check", body, "application/json",
                   "X-CSRF-Token: " + b.csrf() + "\r\n");
  EXPECT_EQ(ok.status, 200) << ok.body;
}

TEST(CheckApi, RefusesOversizedTextsInvalidUtf8AndBadOptions) {
  AuthServer srv;
  auto ada = caller(srv, "ada@example.org", store::Role::kMember);
  // The API takes 1000 KB (a 1 MB document); the Werkstatt page keeps 100 KB.
  auto big = ada.post("/api/v1/check", {{"text", std::string(1000 * 1024 + 1, 'a')}});
  EXPECT_EQ(big.status, 413);
  EXPECT_EQ(json::parse(big.body)["error"]["code"], "too_large");
  EXPECT_NE(json::parse(big.body)["error"]["message"].get<std::string>().find("1000 KB"),
            std::string::npos) << big.body;
  EXPECT_EQ(ada.post("/api/v1/check", {{"text", std::string(1000 * 1024, 'a')}}).status, 200)
      << "exactly the limit is fine";
  // A body over the server's limit (1 MiB) is refused before the checker: 413 as JSON.
  auto escaped = ada.post("/api/v1/check", {{"text", std::string(600 * 1024, '"')}});
  EXPECT_EQ(escaped.status, 413) << "600 KB of quotes are 1.2 MB of JSON";
  EXPECT_EQ(json::parse(escaped.body)["error"]["code"], "too_large");

  // {"text":"abc\xFF"}: the bad byte is at offset 12 of the body.
  auto bad = ada.call("POST", "/api/v1/check", std::string("{\"text\":\"abc\xFF\"}"));
  EXPECT_EQ(bad.status, 400);
  const std::string message = json::parse(bad.body)["error"]["message"];
  EXPECT_NE(message.find("UTF-8"), std::string::npos) << message;
  EXPECT_NE(message.find("byte 12"), std::string::npos) << message;

  for (const json& wrong : {json{{"text", kThanks}, {"lang", "fr"}},
                            json{{"text", kThanks}, {"style", "slash"}},
                            json{{"text", kThanks}, {"prompt", "yes"}},
                            json{{"text", kThanks}, {"stats", 1}},
                            json{{"text", 42}}, json{{"lang", "de"}}, json::array()}) {
    auto r = ada.post("/api/v1/check", wrong);
    EXPECT_EQ(r.status, 400) << wrong.dump();
    EXPECT_EQ(json::parse(r.body)["error"]["code"], "invalid_input") << r.body;
    EXPECT_FALSE(json::parse(r.body)["error"]["message"].get<std::string>().empty());
  }
  EXPECT_EQ(ada.call("POST", "/api/v1/check", "text=x", "text/plain").status, 415);
  EXPECT_EQ(ada.call("POST", "/api/v1/check", "{\"text\":").status, 400);
}

TEST(CheckApi, TheOrgEndpointUsesTheOrgsStyleAndAcceptedWords) {
  AuthServer srv;
  auto ada = caller(srv, "ada@example.org", store::Role::kMember);
  const auto acme = srv.org("acme");
  store::CheckerSettings st;
  st.style = "star";
  ASSERT_TRUE(srv.store().checker().set_checker_settings(acme.id, st, store::Actor{std::nullopt, "test"}));
  auto starred = ada.post("/api/v1/orgs/acme/check", {{"text", kThanks}});
  ASSERT_EQ(starred.status, 200) << starred.body;
  EXPECT_EQ(json::parse(starred.body)["findings"], cli_findings(kThanks, {"--style", "star"}));
  auto colon = ada.post("/api/v1/orgs/acme/check", {{"text", kThanks}, {"style", "colon"}});
  EXPECT_EQ(json::parse(colon.body)["findings"], cli_findings(kThanks)) << "the request wins";

  st.accepted_words = {"Unterstützern"};
  ASSERT_TRUE(srv.store().checker().set_checker_settings(acme.id, st, store::Actor{std::nullopt, "test"}));
  auto accepted = ada.post("/api/v1/orgs/acme/check", {{"text", kThanks}});
  ASSERT_EQ(accepted.status, 200);
  EXPECT_TRUE(json::parse(accepted.body)["findings"].empty()) << accepted.body;
  auto plain = ada.post("/api/v1/check", {{"text", kThanks}});
  EXPECT_EQ(json::parse(plain.body)["findings"].size(), 1u) << "only the org's own check accepts it";

  srv.org("other");
  EXPECT_EQ(ada.post("/api/v1/orgs/other/check", {{"text", kThanks}}).status, 404);
  EXPECT_EQ(ada.post("/api/v1/orgs/nope/check", {{"text", kThanks}}).status, 404);
}

TEST(CheckerSettingsApi, MembersReadEditorsWriteAndBadInputChangesNothing) {
  AuthServer srv;
  auto member = caller(srv, "bob@example.org", store::Role::kMember);
  auto editor = caller(srv, "eve@example.org", store::Role::kEditor);
  auto fresh = member.call("GET", "/api/v1/orgs/acme/checker-settings");
  ASSERT_EQ(fresh.status, 200) << fresh.body;
  EXPECT_EQ(json::parse(fresh.body),
            (json{{"role", ""}, {"values", ""}, {"sector", ""}, {"style", "colon"},
                  {"accepted_words", json::array()}, {"org_terms", json::array()},
                  {"updated_at", nullptr}}));

  const json wanted{{"role", "  ein Verein der Nachbarschaftshilfe "},
                    {"values", "Solidarität"},
                    {"sector", "Soziale Arbeit"},
                    {"style", "neutral"},
                    {"accepted_words", {"Bürger", "  Becker", "Bürger", ""}}};
  EXPECT_EQ(member.call("PUT", "/api/v1/orgs/acme/checker-settings", wanted.dump()).status, 403);
  auto put = editor.call("PUT", "/api/v1/orgs/acme/checker-settings", wanted.dump());
  ASSERT_EQ(put.status, 200) << put.body;
  const json saved = json::parse(put.body);
  EXPECT_EQ(saved["role"], "ein Verein der Nachbarschaftshilfe") << "trimmed";
  EXPECT_EQ(saved["accepted_words"], (json{"Becker", "Bürger"})) << "trimmed, unique, sorted";
  EXPECT_EQ(saved["style"], "neutral");
  EXPECT_EQ(saved["updated_at"], "2026-01-01T00:00:00Z");
  EXPECT_EQ(json::parse(member.call("GET", "/api/v1/orgs/acme/checker-settings").body), saved);

  std::vector<json> many;
  for (int i = 0; i < 501; ++i) many.push_back("Wort" + std::to_string(i));
  const std::pair<json, const char*> bad[] = {
      {json{{"style", "slash"}}, "Please choose one of the offered forms"},
      {json{{"style", 3}}, "A field has the wrong type"},
      {json{{"role", std::string(1001, 'x')}}, "at most 1000 characters"},
      {json{{"values", 7}}, "A field has the wrong type"},
      {json{{"accepted_words", {std::string(81, 'x')}}}, "at most 80 characters"},
      {json{{"accepted_words", "Bürger"}}, "A field has the wrong type"},
      {json{{"accepted_words", {1}}}, "A field has the wrong type"},
      {json{{"accepted_words", many}}, "At most 500 accepted words"},
      {json::array(), ""}};
  for (const auto& [body, message] : bad) {
    auto r = editor.call("PUT", "/api/v1/orgs/acme/checker-settings", body.dump());
    EXPECT_EQ(r.status, 400) << body.dump().substr(0, 80);
    const std::string got = json::parse(r.body)["error"]["message"];
    EXPECT_NE(got.find(message), std::string::npos) << got;
  }
  EXPECT_EQ(json::parse(member.call("GET", "/api/v1/orgs/acme/checker-settings").body), saved)
      << "nothing changed";
  srv.org("other");
  EXPECT_EQ(editor.call("GET", "/api/v1/orgs/other/checker-settings").status, 404);
  EXPECT_EQ(editor.call("PUT", "/api/v1/orgs/other/checker-settings", wanted.dump()).status, 404);
}

TEST(CheckerSettingsApi, TheOrgsTermsAreStoredAndFlaggedByTheOrgCheckOnly) {
  AuthServer srv;
  auto member = caller(srv, "bob@example.org", store::Role::kMember);
  auto editor = caller(srv, "eve@example.org", store::Role::kEditor);
  const json terms = json::array(
      {{{"term", " Flüchtlinge "}, {"suggestions", {"Geflüchtete", " ", "Menschen mit Fluchterfahrung"}},
        {"message", "Wir schreiben „Geflüchtete“."}},
       {{"term", "Asylant"}}});
  const json body{{"style", "star"}, {"org_terms", terms}};
  EXPECT_EQ(member.call("PUT", "/api/v1/orgs/acme/checker-settings", body.dump()).status, 403);
  auto put = editor.call("PUT", "/api/v1/orgs/acme/checker-settings", body.dump());
  ASSERT_EQ(put.status, 200) << put.body;
  const json want = json::array(
      {{{"term", "Flüchtlinge"}, {"suggestions", {"Geflüchtete", "Menschen mit Fluchterfahrung"}},
        {"message", "Wir schreiben „Geflüchtete“."}},
       {{"term", "Asylant"}, {"suggestions", json::array()}, {"message", ""}}});
  EXPECT_EQ(json::parse(put.body)["org_terms"], want) << "trimmed, in order";
  EXPECT_EQ(json::parse(member.call("GET", "/api/v1/orgs/acme/checker-settings").body)["org_terms"],
            want);

  const std::string text = "Wir beraten Flüchtlinge.";
  auto flagged = member.post("/api/v1/orgs/acme/check", {{"text", text}});
  ASSERT_EQ(flagged.status, 200) << flagged.body;
  const json findings = json::parse(flagged.body)["findings"];
  ASSERT_EQ(findings.size(), 1u) << findings.dump();
  EXPECT_EQ(findings[0]["rule"], "inclusive.org-term");
  EXPECT_EQ(findings[0]["text"], "Flüchtlinge");
  EXPECT_EQ(findings[0]["message"], "Wir schreiben „Geflüchtete“.");
  EXPECT_EQ(findings[0]["suggestions"], want[0]["suggestions"]);
  auto plain = member.post("/api/v1/check", {{"text", text}});
  for (const auto& f : json::parse(plain.body)["findings"]) {
    EXPECT_NE(f["rule"], "inclusive.org-term") << "without the org, no org terms";
  }

  // A PUT without org_terms keeps them; an empty list removes them.
  auto kept = editor.call("PUT", "/api/v1/orgs/acme/checker-settings", json{{"style", "pair"}}.dump());
  ASSERT_EQ(kept.status, 200) << kept.body;
  EXPECT_EQ(json::parse(kept.body)["org_terms"], want);
  EXPECT_EQ(json::parse(kept.body)["style"], "pair");

  json many = json::array();
  for (int i = 0; i < 201; ++i) many.push_back({{"term", "Wort" + std::to_string(i)}});
  const std::pair<json, const char*> bad[] = {
      {json{{"org_terms", "Flüchtlinge"}}, "A field has the wrong type"},
      {json{{"org_terms", {1}}}, "A field has the wrong type"},
      {json{{"org_terms", {{{"term", 1}}}}}, "A field has the wrong type"},
      {json{{"org_terms", {{{"suggestions", {"x"}}}}}}, "A field has the wrong type"},
      {json{{"org_terms", {{{"term", "a"}, {"suggestions", "b"}}}}}, "A field has the wrong type"},
      {json{{"org_terms", {{{"term", "a"}, {"suggestions", {1}}}}}}, "A field has the wrong type"},
      {json{{"org_terms", {{{"term", "a"}, {"message", 2}}}}}, "A field has the wrong type"},
      {json{{"org_terms", {{{"term", ""}, {"suggestions", {"x"}}}}}}, "Please enter the term"},
      {json{{"org_terms", {{{"term", std::string(81, 'x')}}}}}, "at most 80 characters"},
      {json{{"org_terms", {{{"term", "a"}, {"message", std::string(301, 'x')}}}}}, "at most 300"},
      {json{{"org_terms", {{{"term", "Ärzte"}}, {{"term", "ärzte"}}}}}, "only once"},
      {json{{"org_terms", many}}, "At most 200 terms"}};
  for (const auto& [wrong, message] : bad) {
    auto r = editor.call("PUT", "/api/v1/orgs/acme/checker-settings", wrong.dump());
    EXPECT_EQ(r.status, 400) << wrong.dump().substr(0, 80);
    const std::string got = json::parse(r.body)["error"]["message"];
    EXPECT_NE(got.find(message), std::string::npos) << got;
  }
  EXPECT_EQ(json::parse(member.call("GET", "/api/v1/orgs/acme/checker-settings").body)["org_terms"],
            want)
      << "nothing changed";

  auto cleared = editor.call("PUT", "/api/v1/orgs/acme/checker-settings",
                             json{{"org_terms", json::array()}}.dump());
  EXPECT_TRUE(json::parse(cleared.body)["org_terms"].empty());
  for (const auto& f : json::parse(member.post("/api/v1/orgs/acme/check", {{"text", text}}).body)["findings"]) {
    EXPECT_NE(f["rule"], "inclusive.org-term") << "removed";
  }
}

TEST(CheckApi, AnAnswerCarriesAtMostAThousandFindingsAndSaysHowManyThereAre) {
  AuthServer srv;
  auto ada = caller(srv, "ada@example.org", store::Role::kMember);
  std::string text;
  for (int i = 0; i < 2300; ++i) text += "Die Mitarbeiter und die Teilnehmer danken. ";
  ASSERT_LT(text.size(), 102'400u);
  const json all = cli_findings(text, {"--lang", "de"});
  ASSERT_GT(all.size(), 1000u) << "the CLI stays unbounded";

  auto r = ada.post("/api/v1/check", {{"text", text}, {"lang", "de"}});
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 300);
  const json body = json::parse(r.body);
  ASSERT_EQ(body["findings"].size(), 1000u);
  EXPECT_EQ(body["findings_total"], all.size());
  EXPECT_EQ(body["truncated"], true);
  EXPECT_EQ(body["findings"], json(std::vector<json>(all.begin(), all.begin() + 1000)))
      << "the first thousand, in the CLI's order";
  EXPECT_LT(r.body.size(), 500'000u) << "the answer stays small";

  auto few = json::parse(ada.post("/api/v1/check", {{"text", kThanks}, {"lang", "de"}}).body);
  EXPECT_EQ(few["findings_total"], 1);
  EXPECT_EQ(few["truncated"], false);
}

TEST(CheckApi, AOneMegabyteDocumentIsCheckedAndItsAnswerStaysSmall) {
  AuthServer srv;
  auto ada = caller(srv, "ada@example.org", store::Role::kMember);
  const std::string sentence = "Die Mitarbeiter und die Teilnehmer danken. ";
  std::string text;
  while (text.size() + sentence.size() <= 1'000'000) text += sentence;
  ASSERT_GT(text.size(), 999'000u);
  const json all = cli_findings(text, {"--lang", "de"});

  auto r = ada.post("/api/v1/check", {{"text", text}, {"lang", "de"}});
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 300);
  const json body = json::parse(r.body);
  EXPECT_EQ(body["findings"].size(), 1000u);
  EXPECT_EQ(body["findings_total"], all.size()) << "every finding counted, as the CLI finds them";
  EXPECT_EQ(body["truncated"], true);
  EXPECT_LT(r.body.size(), 500'000u) << "the answer stays small";
}

TEST(CheckApi, WhenEveryCheckSlotIsBusyChecksGet503WithRetryAfterAndPagesStayUp) {
  AuthServer srv;
  auto ada = caller(srv, "ada@example.org", store::Role::kMember);
  WorkLimit& limit = *srv.app().services().check_limit;
  std::vector<WorkLimit::Slot> taken;
  while (auto slot = limit.try_enter()) taken.push_back(std::move(*slot));
  ASSERT_EQ(taken.size(), static_cast<std::size_t>(kDefaultMaxChecks));

  auto busy = ada.post("/api/v1/check", {{"text", kThanks}});
  EXPECT_EQ(busy.status, 503) << busy.body;
  EXPECT_EQ(busy.header("Retry-After"), "2");
  EXPECT_EQ(json::parse(busy.body)["error"]["code"], "busy");
  EXPECT_TRUE(contains(busy.body, "Too many checks are running")) << busy.body;
  EXPECT_EQ(ada.post("/api/v1/orgs/acme/check", {{"text", kThanks}}).status, 503);
  EXPECT_EQ(testing::get(srv.port(), "/healthz")->status, 200) << "health is not a check";
  EXPECT_EQ(ada.call("GET", "/api/v1/me").status, 200) << "other calls still answer";

  // The Prompt-Werkstatt page keeps the text in its form.
  Browser b(srv.port());
  ASSERT_EQ(b.sign_in("ada@example.org").status, 303);
  b.open("/o/acme/werkstatt");
  auto page = b.post("/o/acme/werkstatt/check",
                     {{"text", "Unser Text für die Nachbarschaft"}, {"inclusive", "on"}});
  EXPECT_EQ(page.status, 503);
  EXPECT_EQ(page.header("Retry-After"), "2");
  EXPECT_TRUE(contains(page.body, "Gerade laufen zu viele Prüfungen gleichzeitig")) << page.body;
  EXPECT_TRUE(contains(page.body, "Unser Text für die Nachbarschaft")) << "the input is kept";

  taken.clear();
  EXPECT_EQ(ada.post("/api/v1/check", {{"text", kThanks}}).status, 200) << "free again";
  EXPECT_EQ(limit.in_use(), 0) << "every check gives its slot back";
}

TEST(CheckApi, EveryCheckerRouteIsInTheOpenApiDocument) {
  AuthServer srv;
  const auto c = openapi_coverage(srv.port(), srv.app().router(), "check");
  EXPECT_EQ(c.missing, std::vector<std::string>{});
  EXPECT_EQ(c.documented.size(), 4u);
}

}  // namespace
}  // namespace solipraxis::web
