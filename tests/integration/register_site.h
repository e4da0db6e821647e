// The tool register's member pages over real HTTP: an org "acme" with its owner
// signed in (Register) and the fields of a decide-form step. Shared by
// tools_web_test.cc (the tool record) and tools_decide_web_test.cc (decisions).
#pragma once

#include <regex>
#include <string>
#include <utility>
#include <vector>

#include "store/common.h"
#include "store/orgs.h"
#include "store/store.h"
#include "store/tools.h"
#include "web_fixture.h"

namespace solipraxis::web {

using Fields = std::vector<std::pair<std::string, std::string>>;

// An org "acme" with an owner signed in, a catalog for principle names.
class Register {
 public:
  Register() : b(srv.port()) {
    srv.load_catalog();
    srv.user("ada@example.org", "acme", store::Role::kOwner);
    EXPECT_EQ(b.sign_in("ada@example.org").status, 303);
  }
  core::OrgId org() { return srv.org("acme").id; }
  core::Tool tool(std::int64_t id) { return srv.store().tools().tool(org(), core::ToolId(id)).value(); }

  // Records a tool through the form; returns its id (0 on failure).
  std::int64_t create(Fields fields) {
    b.open("/o/acme/tools/new");
    auto r = b.post("/o/acme/tools", std::move(fields));
    EXPECT_EQ(r.status, 303) << r.body;
    static const std::regex re(R"(/o/acme/tools/(\d+)\?saved=created)");
    std::smatch m;
    const std::string loc = r.header("Location");
    return std::regex_search(loc, m, re) ? std::stoll(m[1].str()) : 0;
  }
  testing::HttpResponse decide(std::int64_t id, Fields fields, bool with_version = true) {
    const std::string url = "/o/acme/tools/" + std::to_string(id) + "/decide";
    b.open(url);
    if (with_version) fields.emplace_back("version", std::to_string(tool(id).version));
    return b.post(url, std::move(fields));
  }
  std::int64_t red_line(const std::string& text) {
    return srv.store().tools().create_red_line(org(), text, store::Actor{std::nullopt, "test"})->id.value;
  }

  AuthServer srv;
  Browser b;
};

inline Fields step(const std::string& kind, Fields extra = {}) {
  Fields f{{"kind", kind}, {"rationale", "Weil es so besser ist."}, {"decided_by", "Vorstand"},
           {"decided_on", "2026-01-01"}};
  for (auto& e : extra) f.push_back(std::move(e));
  return f;
}

}  // namespace solipraxis::web
