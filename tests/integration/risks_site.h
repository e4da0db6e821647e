// What the risk matrix's HTTP tests share: org "acme" with an editor, a
// member and a tool, personas in acme and one in org "other", and a helper
// that places a risk straight in the store.
#pragma once

#include <string>

#include "core/persona.h"
#include "core/risk.h"
#include "core/tool.h"
#include "store/personas.h"
#include "store/risks.h"
#include "store/tools.h"
#include "web_fixture.h"

namespace solipraxis::web {

class RisksSite : public ::testing::Test {
 protected:
  void SetUp() override {
    editor_ = srv_.user("eda@example.org", "acme", store::Role::kEditor);
    member_ = srv_.user("mo@example.org", "acme", store::Role::kMember);
    outsider_ = srv_.user("olga@example.org", "other", store::Role::kOwner);
    acme_ = srv_.org("acme");
    core::Tool t;
    t.name = "Termin-Bot";
    tool_ = srv_.store().tools().create_tool(acme_.id, t, kActor).value();
    tool_url_ = "/o/acme/tools/" + std::to_string(tool_.id.value);
    aylin_ = persona(acme_.id, "Aylin, 34", core::Use::kLikely);
    karl_ = persona(acme_.id, "Karl, 78", core::Use::kCannot);
    foreign_ = persona(srv_.org("other").id, "Fremde Persona", core::Use::kLikely);
  }

  core::Persona persona(store::OrgId org, const std::string& name, core::Use use) {
    core::Persona p;
    p.name = name;
    p.use = use;
    return srv_.store().personas().create(org, p, kActor).value();
  }

  core::Risk place(core::Level likelihood, core::Level impact, const std::string& what,
                   core::RiskState state = core::RiskState::kOpen, std::string mitigation = "") {
    core::Risk r;
    r.tool = tool_.id;
    r.description = what;
    r.group = "Menschen ohne Konto";
    r.likelihood = likelihood;
    r.impact = impact;
    r.state = state;
    r.mitigation = std::move(mitigation);
    auto made = srv_.store().risks().create(acme_.id, r, kActor);
    EXPECT_TRUE(made) << (made ? "" : made.error().detail);
    return *made;
  }

  Browser signed_in(const store::User& u, const std::string& lang = "de") {
    Browser b(srv_.port(), lang);
    EXPECT_EQ(b.sign_in(u.email).status, 303);
    return b;
  }

  static std::string risk_url(const core::Risk& r) {
    return "/o/acme/risks/" + std::to_string(r.id.value);
  }

  std::size_t stored_risks() { return srv_.store().risks().list(acme_.id, {}).value().size(); }

  inline static const store::Actor kActor{std::nullopt, "test"};
  AuthServer srv_;
  store::User editor_, member_, outsider_;
  store::Org acme_;
  core::Tool tool_;
  std::string tool_url_;
  core::Persona aylin_, karl_, foreign_;
};

}  // namespace solipraxis::web
