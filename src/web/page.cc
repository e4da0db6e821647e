#include "web/page.h"

#include "web/auth/layout.h"
#include "web/auth/login.h"

#include <spdlog/spdlog.h>

namespace solipraxis::web {

const std::string& tr(const Services& s, const Request& req, std::string_view key) {
  return s.i18n.t(req.lang, key);
}

namespace {

// The fields a language switch re-submits: the form the person sent (without
// secrets and without an earlier switch) and the page's own `lang_fields`.
mstch::array resubmitted_fields(const Request& req, const mstch::map& data) {
  mstch::array fields;
  for (auto& [name, value] : auth::draft_fields(req)) {
    if (name == kSwitchLangField) continue;
    fields.push_back(mstch::map{{"name", std::move(name)}, {"value", std::move(value)}});
  }
  if (auto it = data.find("lang_fields"); it != data.end()) {
    if (const auto* extra = boost::get<mstch::array>(&it->second)) {
      fields.insert(fields.end(), extra->begin(), extra->end());
    }
  }
  return fields;
}

// The id of the page's form that the language switch submits, or "".
std::string switch_form_of(const mstch::map& data) {
  auto it = data.find("switch_form");
  if (it == data.end()) return {};
  const auto* id = boost::get<std::string>(&it->second);
  return id ? *id : std::string();
}

// The language switch, without JavaScript. On a page with a form being filled
// in (`switch_form`: its id), each language is a button of that form: it sends
// what is typed right now, and the form's handler shows it again in the other
// language without saving (Request::language_switch). Elsewhere, on a page
// reached by GET, links that come back to the same page. On a page that
// answers a POST (a result, a form shown again with its errors) a link would
// GET a POST-only address and lose what the person sees, so each language is
// a small form that sends the same input again to the same address in that
// language (see middleware.h).
mstch::array language_links(const Services& s, const Request& req, const mstch::map& data) {
  const std::string form_id = switch_form_of(data);
  const bool resubmit = form_id.empty() && req.method == "POST" && !req.is_api();
  const std::string back = percent_encode(req.target.empty() ? "/" : req.target);
  mstch::array fields = resubmit ? resubmitted_fields(req, data) : mstch::array{};
  mstch::array out;
  for (const auto& code : s.i18n.languages()) {
    out.push_back(mstch::map{
        {"code", code},
        {"label", s.i18n.t(code, "layout.lang.name")},
        {"url", "/lang?to=" + code + "&back=" + back},
        {"current", code == req.lang},
        {"resubmit", resubmit},
        {"form_switch", !form_id.empty()},
        {"form_id", form_id},
        {"action", req.target},
        {"fields", fields},
        {"switch_field", std::string(kSwitchLangField)},
    });
  }
  return out;
}

// A minimal page for when templates themselves fail; no user data in it.
Response bare_error(int status) {
  return Response::html("<!doctype html><html><head><meta charset=\"utf-8\"><title>" +
                            std::to_string(status) + "</title></head><body><h1>" +
                            std::to_string(status) + " " + reason_phrase(status) +
                            "</h1></body></html>",
                        status);
}

// Errors are JSON, never HTML: under /api/, and for the documents programs fetch
// (a path ending in .json, .atom or .ics), as /api/openapi.json promises. A request
// rejected before its target was decoded has no path: then the raw target decides.
bool wants_json_errors(const Request& req) {
  const std::string_view target = req.target;
  const std::string_view path = req.path.empty() ? target.substr(0, target.find('?')) : req.path;
  return req.is_api() || path.ends_with(".json") || path.ends_with(".atom") ||
         path.ends_with(".ics");
}

}  // namespace

Response render(const Services& s, const Request& req, std::string_view name, mstch::map data,
                int status) {
  mstch::map ctx = std::move(data);
  ctx.emplace("lang", req.lang);
  ctx.emplace("title", s.i18n.t(req.lang, "layout.app_name"));  // emplace keeps the handler's
  ctx.emplace("csrf_token", req.csrf_token);
  ctx.emplace("path", req.path);
  ctx.emplace("back", req.target);
  ctx.emplace("languages", language_links(s, req, ctx));
  ctx.emplace("account", auth::layout_data(s, req));  // header: signed in as, orgs, sign-out
  const mstch::node page = std::move(ctx);
  auto html = s.templates.render(name, {&s.i18n.template_scope(req.lang), &page}, req.lang);
  if (!html) {
    spdlog::error("render {}: {}", name, html.error().detail);
    return bare_error(500);
  }
  return Response::html(std::move(html.value()), status);
}

std::string_view error_key_for(int status) {
  switch (status) {
    case 400: return "error.http.bad_request";
    case 401: return "error.http.unauthorized";
    case 403: return "error.http.forbidden";
    case 404: return "error.http.not_found";
    case 405: return "error.http.method_not_allowed";
    case 408: return "error.http.timeout";
    case 409: return "error.http.conflict";
    case 413: return "error.http.too_large";
    case 415: return "error.http.unsupported_media_type";
    case 429: return "error.http.rate_limited";
    case 431: return "error.http.headers_too_large";
    case 503: return "error.http.unavailable";
    default: return status >= 500 ? "error.http.internal" : "error.http.bad_request";
  }
}

std::string_view error_code_for(int status) {
  switch (status) {
    case 400: return "invalid_input";
    case 401: return "unauthorized";
    case 403: return "forbidden";
    case 404: return "not_found";
    case 405: return "method_not_allowed";
    case 408: return "timeout";
    case 409: return "conflict";
    case 413: return "too_large";
    case 415: return "unsupported_media_type";
    case 429: return "rate_limited";
    case 431: return "headers_too_large";
    case 503: return "unavailable";
    default: return status >= 500 ? "internal" : "invalid_input";
  }
}

Response error_response(const Services& s, const Request& req, int status,
                        std::string_view message_key, std::string_view code) {
  if (message_key.empty()) message_key = error_key_for(status);
  if (code.empty()) code = error_code_for(status);
  const std::string& message = s.i18n.t(req.lang, message_key);
  if (wants_json_errors(req)) return Response::error(status, code, message);
  mstch::map data{
      {"title", s.i18n.t(req.lang, std::string("error.http.title"))},
      {"status", status},
      {"message", message},
  };
  if (!s.templates.has("pages/error")) return bare_error(status);
  return render(s, req, "pages/error", std::move(data), status);
}

Response attachment(std::string body, std::string_view type, const std::string& filename) {
  Response res = Response::text(std::move(body));
  res.headers.set("Content-Type", type);
  res.headers.set("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  return res;
}

Response error_response(const Services& s, const Request& req, const core::Error& error) {
  const int status = http_status(error.code);
  if (status >= 500) spdlog::error("{} {}: {}", req.method, req.path, error.detail);
  return error_response(s, req, status, error.key, core::error_code_name(error.code));
}

}  // namespace solipraxis::web
