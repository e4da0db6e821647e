#include "web/handlers/audit/audit.h"

#include "store/audit_facts.h"
#include "store/paging.h"
#include "store/store.h"
#include "web/handlers/audit/audit_view.h"
#include "web/handlers/site/dashboard.h"
#include "web/handlers/common/paging.h"
#include "web/handlers/tools/tools_api.h"
#include "web/page.h"

namespace solipraxis::web::handlers {

namespace {

constexpr int kEntriesPerPage = 50;

mstch::array kind_options(const Services& s, const Request& req, const std::string& selected) {
  mstch::array out;
  out.push_back(mstch::map{{"value", std::string()},
                           {"label", tr(s, req, "audit.filter.all")},
                           {"selected", selected.empty()}});
  for (std::string_view k : store::kAuditKinds) {
    const std::string kind(k);
    out.push_back(mstch::map{{"value", kind},
                             {"label", tr(s, req, "audit.kind." + kind)},
                             {"selected", kind == selected}});
  }
  return out;
}

core::Error unknown_kind() {
  return core::make_error(core::ErrorCode::kInvalidInput, "error.http.bad_request",
                          "kind: " + store::audit_kinds_list());
}

}  // namespace

Response audit_page(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"), audit_view::kReadRole);
  if (!m) return m.response();
  Services& s = auth.services();
  const std::string kind = req.query.value("kind");
  const auto filter = store::audit_kind_filter(kind);
  if (!filter) return error_response(s, req, unknown_kind());
  const std::string cursor = req.query.value("cursor");
  auto page = s.store.audit().audit_log(m->org.id, *filter, store::PageRequest{kEntriesPerPage, cursor});
  if (!page) return error_response(s, req, page.error());

  store::AuditNames names(s.store.users());
  audit_view::ToolNames tools(s.store, m->org.id);
  mstch::array rows;
  for (const auto& e : page->items) {
    rows.push_back(audit_view::entry_data(s, req, *m, e, names, tools));
  }
  const std::string base = "/o/" + m->org.slug + "/audit";
  const std::string kind_query = kind.empty() ? "" : "kind=" + percent_encode(kind);
  mstch::map data = org_page_data(s, req, *m);
  data.emplace("title", tr(s, req, "audit.title"));
  data.emplace("entries", rows);
  data.emplace("has_entries", !rows.empty());
  data.emplace("filtered", !kind.empty());
  data.emplace("kinds", kind_options(s, req, kind));
  if (!kind.empty()) data.emplace("kind_label", tr(s, req, "audit.kind." + kind));
  data.emplace("paged", !page->next.empty() || !cursor.empty());
  if (!page->next.empty()) {
    data.emplace("next_url", base + "?" + kind_query + (kind_query.empty() ? "" : "&") +
                                 "cursor=" + percent_encode(page->next));
  }
  if (!cursor.empty()) data.emplace("first_url", base + (kind.empty() ? "" : "?" + kind_query));
  return render(s, req, "pages/audit", std::move(data));
}

Response api_audit(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"), audit_view::kReadRole);
  if (!m) return m.response();
  const Services& s = auth.services();
  const auto filter = store::audit_kind_filter(req.query.value("kind"));
  if (!filter) return api_failure(s, req, unknown_kind());
  auto page = page_request(req);
  if (!page) return api_failure(s, req, page.error());
  auto entries = s.store.audit().audit_log(m->org.id, *filter, *page);
  if (!entries) return api_failure(s, req, entries.error());
  store::AuditNames names(s.store.users());
  return page_response(*entries, [&](const store::AuditEntry& e) {
    return audit_view::entry_json(s, req, e, names);
  });
}

}  // namespace solipraxis::web::handlers
