// Red lines and the review interval of the register (see tools.h). Members
// read; editors and owners add, reword, deactivate and delete lines and set the
// interval. A line a decision confirmed cannot be deleted or reworded (the
// store says so with "tools.error.red_line_in_use"); it can be deactivated, and
// the refusal links to the form for a new line.
#include <charconv>
#include <utility>

#include "core/red_line.h"
#include "core/review.h"
#include "store/store.h"
#include "store/tools.h"
#include "web/handlers/common/params.h"
#include "web/handlers/site/dashboard.h"
#include "web/handlers/tools/tool_views.h"
#include "web/handlers/tools/tools.h"
#include "web/page.h"

namespace solipraxis::web::handlers {

using namespace tool_views;

namespace {

std::string red_lines_url(const auth::Membership& m) { return "/o/" + m.org.slug + "/red-lines"; }

struct SettingsView {
  std::string notice_key{};
  std::string line_error_key{};      // the add form
  std::string line_text{};           // kept after a refused add
  std::string interval_error_key{};
  std::string interval_value{};      // kept after a refused change
  int status = 200;
};

Response render_settings(const Services& s, const Request& req, const auth::Membership& m,
                         const SettingsView& v) {
  auto lines = s.store.tools().red_lines(m.org.id);
  if (!lines) return error_response(s, req, lines.error());
  auto months = s.store.tools().review_interval_months(m.org.id);
  if (!months) return error_response(s, req, months.error());
  mstch::array rows;
  for (const auto& l : *lines) {
    const std::string id = std::to_string(l.id.value);
    rows.push_back(mstch::map{
        {"id", id},
        {"text", l.text},
        {"active", l.active},
        {"status_label", tr(s, req, l.active ? "tools.red_lines.active" : "tools.red_lines.inactive")},
        {"edit_url", red_lines_url(m) + "/" + id + "/edit"},
        {"delete_url", red_lines_url(m) + "/" + id + "/delete"},
    });
  }
  mstch::map data = org_page_data(s, req, m);
  data.emplace("title", tr(s, req, "tools.red_lines.title"));
  data.emplace("lines", rows);
  data.emplace("has_lines", !rows.empty());
  data.emplace("can_edit", m.role >= kWriteRole);
  data.emplace("line_text", v.line_text);
  data.emplace("session_query", session_query(req));
  data.emplace("interval", v.interval_value.empty() ? std::to_string(*months) : v.interval_value);
  data.emplace("interval_min", std::to_string(core::kReviewMonthsMin));
  data.emplace("interval_max", std::to_string(core::kReviewMonthsMax));
  if (!v.notice_key.empty()) data.emplace("notice", tr(s, req, v.notice_key));
  if (!v.line_error_key.empty()) data.emplace("line_error", tr(s, req, v.line_error_key));
  if (!v.interval_error_key.empty()) data.emplace("interval_error", tr(s, req, v.interval_error_key));
  return render(s, req, "pages/red_lines", std::move(data), v.status);
}

// The red line named by {id} in the caller's org.
core::Result<core::RedLine> line_of_request(const Services& s, const Request& req,
                                            const auth::Membership& m) {
  const auto id = parse_id(req.param("id"));
  auto lines = s.store.tools().red_lines(m.org.id);
  if (!lines) return lines.error();
  for (const auto& l : *lines) {
    if (id && l.id.value == *id) return l;
  }
  return core::make_error(core::ErrorCode::kNotFound, "tools.error.red_line_not_found", "no line");
}

Response render_line_page(const Services& s, const Request& req, const auth::Membership& m,
                          const core::RedLine& line, std::string_view page,
                          const std::string& error_key, int status) {
  mstch::map data = org_page_data(s, req, m);
  const std::string id = std::to_string(line.id.value);
  data.emplace("title", tr(s, req, page == "pages/red_line_edit" ? "tools.red_lines.edit_title"
                                                                 : "tools.red_lines.delete_title"));
  data.emplace("line", mstch::map{{"id", id},
                                  {"text", line.text},
                                  {"active", line.active},
                                  {"url", red_lines_url(m) + "/" + id},
                                  {"delete_url", red_lines_url(m) + "/" + id + "/delete"}});
  data.emplace("back_url", red_lines_url(m));
  if (!error_key.empty()) data.emplace("error", tr(s, req, error_key));
  // A confirmed line keeps its meaning: point to the form for a new one.
  if (error_key == "tools.error.red_line_in_use") {
    data.emplace("new_line_url", red_lines_url(m) + "#red-lines-add");
  }
  return render(s, req, page, std::move(data), status);
}

// GET of the edit page or the delete confirmation, for editors and owners.
Response line_page(auth::Auth& auth, Request& req, std::string_view page) {
  auto m = auth.require_member(req, req.param("org"), kWriteRole);
  if (!m) return m.response();
  Services& s = auth.services();
  auto line = line_of_request(s, req, *m);
  if (!line) return error_response(s, req, line.error());
  return render_line_page(s, req, *m, *line, page, "", 200);
}

std::string notice_for(std::string_view saved) {
  if (saved == "added") return "tools.red_lines.saved.added";
  if (saved == "updated") return "tools.red_lines.saved.updated";
  if (saved == "deleted") return "tools.red_lines.saved.deleted";
  if (saved == "interval") return "tools.red_lines.saved.interval";
  return {};
}

}  // namespace

Response red_lines_page(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"));
  if (!m) return m.response();
  // ?text= fills the add form (a link from a finished reflection); nothing is saved by it.
  return render_settings(auth.services(), req, *m,
                         SettingsView{.notice_key = notice_for(req.query.value("saved")),
                                      .line_text = req.query.value("text")});
}

Response red_line_create(auth::Auth& auth, Request& req) {
  return editor_form(auth, req, [&](const auth::Membership& m, const Params& form) {
    Services& s = auth.services();
    const std::string text = form.value("text");
    auto created = s.store.tools().create_red_line(m.org.id, text, web_actor(m));
    if (!created) {
      if (is_page_error(created.error())) return error_response(s, req, created.error());
      return render_settings(s, req, m,
                             SettingsView{.line_error_key = created.error().key,
                                          .line_text = text,
                                          .status = http_status(created.error().code)});
    }
    if (auto back = session_return(m, req, "red_line"); !back.empty()) return Response::redirect(back);
    return Response::redirect(red_lines_url(m) + "?saved=added");
  });
}

Response red_line_edit_page(auth::Auth& auth, Request& req) {
  return line_page(auth, req, "pages/red_line_edit");
}

Response red_line_update(auth::Auth& auth, Request& req) {
  return editor_form(auth, req, [&](const auth::Membership& m, const Params& form) {
    Services& s = auth.services();
    auto line = line_of_request(s, req, m);
    if (!line) return error_response(s, req, line.error());
    core::RedLine changed = *line;
    changed.text = form.value("text");
    changed.active = form.has("active");
    auto saved = s.store.tools().update_red_line(m.org.id, changed, web_actor(m));
    if (!saved) {
      if (is_page_error(saved.error())) return error_response(s, req, saved.error());
      return render_line_page(s, req, m, changed, "pages/red_line_edit", saved.error().key,
                              http_status(saved.error().code));
    }
    return Response::redirect(red_lines_url(m) + "?saved=updated");
  });
}

Response red_line_delete_page(auth::Auth& auth, Request& req) {
  return line_page(auth, req, "pages/red_line_delete");
}

Response red_line_delete(auth::Auth& auth, Request& req) {
  return editor_form(auth, req, [&](const auth::Membership& m, const Params&) {
    Services& s = auth.services();
    auto line = line_of_request(s, req, m);
    if (!line) return error_response(s, req, line.error());
    if (auto st = s.store.tools().delete_red_line(m.org.id, line->id, web_actor(m)); !st) {
      if (is_page_error(st.error())) return error_response(s, req, st.error());
      return render_line_page(s, req, m, *line, "pages/red_line_delete", st.error().key,
                              http_status(st.error().code));
    }
    return Response::redirect(red_lines_url(m) + "?saved=deleted");
  });
}

Response review_interval_update(auth::Auth& auth, Request& req) {
  return editor_form(auth, req, [&](const auth::Membership& m, const Params& form) {
    Services& s = auth.services();
    const std::string raw = form.value("months");
    int months = 0;
    auto [ptr, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), months);
    core::Status st = (ec != std::errc{} || ptr != raw.data() + raw.size())
                          ? core::validate_review_interval(0)
                          : s.store.tools().set_review_interval_months(m.org.id, months, web_actor(m));
    if (!st) {
      if (is_page_error(st.error())) return error_response(s, req, st.error());
      return render_settings(s, req, m,
                             SettingsView{.interval_error_key = st.error().key,
                                          .interval_value = raw,
                                          .status = http_status(st.error().code)});
    }
    return Response::redirect(red_lines_url(m) + "?saved=interval");
  });
}

}  // namespace solipraxis::web::handlers
