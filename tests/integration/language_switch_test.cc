// Switching the language never loses work (issue 22): on a page that answers a
// POST (a Werkstatt result, a form shown again with its errors, a secret shown
// once) the switch sends the same input again in the other language instead of
// linking to a POST-only address; secrets come back without a second one being
// made; sign-in attempts are not repeated. And a walk over every page a person
// reaches, signed in and out: no link or form on them answers 405.
#include <utility>

#include <gtest/gtest.h>

#include <deque>
#include <set>

#include "core/html.h"
#include "page_walk.h"
#include "store/orgs.h"
#include "store/store.h"
#include "store/tools.h"
#include "store/users.h"
#include "web_fixture.h"

namespace solipraxis::web {
namespace {

using walk::forms_in;
using walk::links_in;
using walk::submit;
using walk::switch_form;

constexpr const char* kText = "Jeder Mitarbeiter soll die Ergebnisse prüfen & melden.";

TEST(LanguageSwitch, TheWerkstattResultComesBackInEnglishWithTheSameText) {
  AuthServer srv;
  srv.user("ada@example.org", "acme", store::Role::kMember);
  Browser b(srv.port());
  ASSERT_EQ(b.sign_in("ada@example.org").status, 303);
  b.open("/o/acme/werkstatt");
  auto de = b.post("/o/acme/werkstatt/check", {{"text", kText}, {"style", "pair"}});
  ASSERT_EQ(de.status, 200);
  EXPECT_FALSE(contains(de.body, "href=\"/lang?to&#61;en")) << "no GET link to a POST-only page";
  auto form = switch_form(de.body, "en");
  ASSERT_TRUE(form) << "the switch is a form that sends the input again";
  EXPECT_EQ(form->action, "/o/acme/werkstatt/check");

  auto en = submit(b, *form);
  ASSERT_EQ(en.status, 200) << en.body;
  EXPECT_TRUE(contains(en.body, "<html lang=\"en\">"));
  EXPECT_TRUE(contains(en.body, core::html_escape(kText))) << "the text is still there";
  EXPECT_TRUE(contains(en.body, "id=\"werkstatt-result\"")) << "and so is the result";
  EXPECT_TRUE(contains(en.body, "value=\"pair\" checked") || contains(en.body, "value=\"pair\" selected"))
      << "the chosen style is kept";
  EXPECT_EQ(b.cookie("lang"), "en") << "the choice holds for the next pages";
  EXPECT_TRUE(contains(b.open("/o/acme").body, "<html lang=\"en\">"));
  // And back, from the English result.
  auto back = switch_form(en.body, "de");
  ASSERT_TRUE(back);
  auto de_again = submit(b, *back);
  EXPECT_EQ(de_again.status, 200);
  EXPECT_TRUE(contains(de_again.body, "<html lang=\"de\">"));
  EXPECT_TRUE(contains(de_again.body, core::html_escape(kText)));
}

TEST(LanguageSwitch, AFormShownAgainWithErrorsKeepsWhatWasTyped) {
  AuthServer srv;
  srv.user("ada@example.org", "acme", store::Role::kEditor);
  Browser b(srv.port());
  ASSERT_EQ(b.sign_in("ada@example.org").status, 303);
  b.open("/o/acme/tools/new");
  auto de = b.post("/o/acme/tools", {{"name", ""}, {"purpose", "Anträge übersetzen"}});
  ASSERT_EQ(de.status, 422);
  // The switch is a button of the tool form: it sends the fields as they are now.
  EXPECT_TRUE(contains(de.body, R"(<button type="submit" form="tool-form" name="switch_lang" value="en")"))
      << de.body;
  auto en = b.post("/o/acme/tools", {{"name", ""}, {"purpose", "Anträge übersetzen"},
                                     {"switch_lang", "en"}});
  EXPECT_EQ(en.status, 422) << "the same input, the same refusal";
  EXPECT_TRUE(contains(en.body, "<html lang=\"en\">"));
  EXPECT_TRUE(contains(en.body, "Anträge übersetzen")) << "what was typed is kept";
  auto tools = srv.store().tools().list_tools(srv.org("acme").id, {}, {});
  ASSERT_TRUE(tools);
  EXPECT_TRUE(tools->items.empty()) << "nothing was stored";
}

TEST(LanguageSwitch, AFailedSignInIsShownAgainWithoutASecondAttempt) {
  AuthServer srv;
  srv.user("ada@example.org", "acme", store::Role::kOwner);
  Browser b(srv.port());
  b.open("/login");
  auto failed = b.post("/login", {{"email", "ada@example.org"}, {"password", "falsch"}});
  ASSERT_EQ(failed.status, 401);
  // More switches than the limit of failed sign-ins (5): none of them counts.
  auto page = failed;
  for (int i = 0; i < 6; ++i) {
    auto form = switch_form(page.body, i % 2 == 0 ? "en" : "de");
    ASSERT_TRUE(form) << i;
    for (const auto& [name, value] : form->fields) EXPECT_NE(name, "password");
    page = submit(b, *form);
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_TRUE(contains(page.body, "value=\"ada@example.org\"")) << "the e-mail is kept";
  }
  EXPECT_EQ(b.sign_in("ada@example.org").status, 303) << "not locked out by switching";
}

TEST(LanguageSwitch, ANewApiTokenIsShownAgainAndNotMadeTwice) {
  AuthServer srv;
  auto ada = srv.user("ada@example.org", "acme", store::Role::kMember);
  Browser b(srv.port());
  ASSERT_EQ(b.sign_in("ada@example.org").status, 303);
  b.open("/account");
  auto de = b.post("/account/tokens", {{"name", "Kalender"}});
  ASSERT_EQ(de.status, 200);
  static const std::regex token_re(R"re(value="([A-Za-z0-9_-]{43})")re");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(de.body, m, token_re));
  const std::string token = m[1].str();
  auto form = switch_form(de.body, "en");
  ASSERT_TRUE(form);
  auto en = submit(b, *form);
  ASSERT_EQ(en.status, 200);
  EXPECT_TRUE(contains(en.body, "<html lang=\"en\">"));
  EXPECT_TRUE(contains(en.body, token)) << "the same token, shown again";
  EXPECT_EQ(srv.store().users().tokens(ada.id)->size(), 1u) << "no second token";
  // Someone else's token (or a made-up one) is not shown by the switch.
  auto other = form->fields;
  for (auto& [name, value] : other) {
    if (name == "shown_token") value = store::random_token();
  }
  auto forged = b.send("POST", "/account/tokens", form_encode(other));
  EXPECT_EQ(forged.status, 303);
}

TEST(LanguageSwitch, TheNewCalendarAddressIsShownAgainAndKeepsWorking) {
  AuthServer srv;
  srv.user("ada@example.org", "acme", store::Role::kEditor);
  Browser b(srv.port());
  ASSERT_EQ(b.sign_in("ada@example.org").status, 303);
  b.open("/o/acme/reviews");
  auto de = b.post("/o/acme/reviews/feed", {});
  ASSERT_EQ(de.status, 200);
  static const std::regex url_re(R"re((/p/acme/reviews/[A-Za-z0-9_-]{43}\.ics))re");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(de.body, m, url_re));
  const std::string feed = m[1].str();
  auto form = switch_form(de.body, "en");
  ASSERT_TRUE(form);
  auto en = submit(b, *form);
  ASSERT_EQ(en.status, 200);
  EXPECT_TRUE(contains(en.body, feed)) << "the same address, shown again";
  EXPECT_EQ(Browser(srv.port()).get(feed).status, 200) << "and not replaced by a new one";
}

// --- the walk: every page a person reaches, and what they can click there ---

class Walk {
 public:
  Walk(AuthServer& srv, Browser& b) : srv_(srv), b_(b) {}

  // Opens `target` (following redirects) and everything reachable from it.
  void from(const std::string& target) {
    queue_.push_back(target);
    while (!queue_.empty() && seen_.size() < kMaxPages) {
      const std::string next = queue_.front();
      queue_.pop_front();
      if (!seen_.insert(next).second) continue;
      std::vector<int> statuses;
      auto r = walk::get_following(b_, next, statuses);
      for (int st : statuses) EXPECT_NE(st, 405) << "GET " << next;
      if (r.header("Content-Type").starts_with("text/html")) scan(next, r.body);
    }
  }

  // Checks a page that answers a POST: its links, forms and language switch.
  void scan(const std::string& where, const std::string& html) {
    for (const auto& href : links_in(html)) {
      if (href.front() == '/' && !seen_.contains(href)) queue_.push_back(href);
    }
    for (const auto& f : forms_in(html)) {
      std::string path = f.action.substr(0, f.action.find_first_of("?#"));
      if (path.empty()) path = where.substr(0, where.find('?'));
      if (f.method == "GET") {
        if (!seen_.contains(path)) queue_.push_back(path);
        continue;
      }
      auto match = srv_.app().router().match("POST", path);
      EXPECT_EQ(match.outcome, Router::Match::kFound) << "form to POST " << path << " on " << where;
      if (f.css_class == "lang-form" && switched_.insert(where).second) {
        auto r = submit(b_, f);
        EXPECT_NE(r.status, 405) << "language switch on " << where;
        EXPECT_LT(r.status, 500) << "language switch on " << where;
      }
    }
  }
  std::size_t pages() const { return seen_.size(); }

 private:
  static constexpr std::size_t kMaxPages = 400;
  AuthServer& srv_;
  Browser& b_;
  std::deque<std::string> queue_;
  std::set<std::string> seen_, switched_;
};

TEST(NoDeadEnds, NoLinkOrFormOnAnyPageAnswers405) {
  AuthServer srv;
  srv.load_catalog();
  srv.user("ada@example.org", "acme", store::Role::kOwner);
  Browser b(srv.port());
  ASSERT_EQ(b.sign_in("ada@example.org").status, 303);
  // Some content, so that tool, red-line and entry pages exist.
  b.open("/o/acme/tools/new");
  ASSERT_EQ(b.post("/o/acme/tools", {{"name", "Übersetzer"}}).status, 303);
  b.open("/o/acme/red-lines");
  ASSERT_EQ(b.post("/o/acme/red-lines", {{"text", "Keine Gesichtserkennung"}}).status, 303);
  b.open("/o/acme/members");
  ASSERT_EQ(b.post("/o/acme/invites", {{"role", "member"}}).status, 303);

  Walk signed_in(srv, b);
  signed_in.from("/o/acme");
  signed_in.from("/account");
  // Pages that answer a POST, as a person reaches them.
  auto post_page = [&](const std::string& page, const std::string& action,
                       std::vector<std::pair<std::string, std::string>> fields) {
    b.open(page);
    auto r = b.post(action, std::move(fields));
    EXPECT_NE(r.status, 405) << action;
    signed_in.scan(action, r.body);
  };
  post_page("/o/acme/werkstatt", "/o/acme/werkstatt/check", {{"text", kText}});
  post_page("/o/acme/werkstatt", "/o/acme/werkstatt/compose", {{"task", "Fasse zusammen."}});
  post_page("/o/acme/tools/new", "/o/acme/tools", {{"name", ""}});
  post_page("/o/acme/red-lines", "/o/acme/red-lines", {{"text", ""}});
  post_page("/account", "/account/tokens", {{"name", "Test"}});
  post_page("/o/acme/reviews", "/o/acme/reviews/feed", {});
  post_page("/account", "/account/password", {{"current_password", "falsch"}});
  signed_in.from("/o/acme");  // the walk goes on from wherever the switches led
  EXPECT_GT(signed_in.pages(), 30u) << "the walk reached the org's pages";

  Browser anon(srv.port());
  Walk signed_out(srv, anon);
  signed_out.from("/");
  signed_out.from("/p/acme/register");
  anon.open("/login");
  auto failed = anon.post("/login", {{"email", "x@example.org"}, {"password", "falsch"}});
  signed_out.scan("/login", failed.body);
  signed_out.from("/praxis");
  EXPECT_GT(signed_out.pages(), 10u);
}

}  // namespace
}  // namespace solipraxis::web
