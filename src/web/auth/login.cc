#include "web/auth/login.h"

#include <algorithm>

#include "web/auth/csrf.h"
#include "web/page.h"

namespace solipraxis::web::auth {

std::string safe_next(std::string_view next) {
  if (next.empty() || next.size() > 2000 || !is_local_path(next)) return {};
  // Never come back to the sign-in or sign-out endpoints themselves.
  if (next.starts_with("/login") || next.starts_with("/logout")) return {};
  return std::string(next);
}

namespace {

bool is_secret_field(std::string_view name) {
  return name == kCsrfField || name.find("password") != std::string_view::npos;
}

mstch::array draft_array(const std::vector<std::pair<std::string, std::string>>& drafts,
                         bool with_prefix) {
  mstch::array out;
  for (const auto& [name, value] : drafts) {
    out.push_back(mstch::map{
        {"name", with_prefix ? std::string(kDraftPrefix) + name : name},
        {"value", value},
    });
  }
  return out;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> draft_fields(const Request& req) {
  std::vector<std::pair<std::string, std::string>> out;
  if (!req.header("Content-Type").starts_with("application/x-www-form-urlencoded")) return out;
  auto form = parse_form(req.body);
  if (!form) return out;
  for (const auto& [name, value] : *form) {
    if (is_secret_field(name)) continue;
    if (out.size() >= kMaxDraftFields) break;
    out.emplace_back(name, value);
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> drafts_from_login_form(const Params& form) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [name, value] : form) {
    if (!name.starts_with(kDraftPrefix)) continue;
    std::string field = name.substr(std::string_view(kDraftPrefix).size());
    if (field.empty() || is_secret_field(field)) continue;
    if (out.size() >= kMaxDraftFields) break;
    out.emplace_back(std::move(field), value);
  }
  return out;
}

Response render_login(const Services& s, const Request& req, const LoginView& view) {
  mstch::map data{
      {"title", tr(s, req, "auth.login.title")},
      {"next", view.next},
      {"email", view.email},
      {"drafts", draft_array(view.drafts, true)},
      {"has_drafts", !view.drafts.empty()},
  };
  if (!view.error_key.empty()) {
    std::string message = tr(s, req, view.error_key);
    if (view.retry_after > 0) {
      // "1 seconds" reads wrong, and a second more costs nothing.
      const std::int64_t seconds = std::max<std::int64_t>(2, view.retry_after);
      message = format_message(message, {{"seconds", std::to_string(seconds)}});
    }
    data.emplace("error", message);
  }
  if (!view.notice_key.empty()) data.emplace("notice", tr(s, req, view.notice_key));
  Response res = render(s, req, "pages/login", std::move(data), view.status);
  if (view.retry_after > 0) res.headers.set("Retry-After", std::to_string(view.retry_after));
  return res;
}

Response render_resume(const Services& s, const Request& req, const std::string& next,
                       const std::vector<std::pair<std::string, std::string>>& drafts) {
  mstch::map data{
      {"title", tr(s, req, "auth.resume.title")},
      {"action", next},
      {"drafts", draft_array(drafts, false)},
  };
  return render(s, req, "pages/resume", std::move(data));
}

}  // namespace solipraxis::web::auth
