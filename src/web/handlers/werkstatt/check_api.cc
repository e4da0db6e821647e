#include "web/handlers/werkstatt/check_api.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "store/checker.h"
#include "store/checker_terms.h"
#include "store/common.h"
#include "store/orgs.h"
#include "store/store.h"
#include "text/readability.h"
#include "text/report_json.h"
#include "text/utf8.h"
#include "web/handlers/account/api.h"
#include "web/handlers/werkstatt/check_common.h"
#include "web/json.h"
#include "web/page.h"

namespace solipraxis::web::handlers {

using nlohmann::json;

namespace {

core::Error bad(std::string key, std::string detail) {
  return core::Error{core::ErrorCode::kInvalidInput, std::move(key), std::move(detail)};
}

struct ApiCheck {
  std::string text;
  text::CheckOptions options;
  bool stats = false;
};

// Reads a boolean option; absent keeps `*out`.
core::Status read_flag(const json& body, const char* name, bool* out) {
  auto it = body.find(name);
  if (it == body.end()) return {};
  if (!it->is_boolean()) return bad("error.check.option_invalid", std::string(name) + " must be a boolean");
  *out = it->get<bool>();
  return {};
}

core::Result<ApiCheck> parse_check(const json& body, text::CheckOptions base) {
  if (!body.is_object()) return bad("error.http.bad_request", "the body must be a JSON object");
  ApiCheck out;
  out.options = std::move(base);
  auto text = body.find("text");
  if (text == body.end() || !text->is_string()) return bad("error.check.text_required", "text must be a string");
  out.text = text->get<std::string>();
  if (auto lang = body.find("lang"); lang != body.end()) {
    if (!lang->is_string()) return bad("error.check.lang_invalid", "lang must be de, en or auto");
    const auto code = lang->get<std::string>();
    if (code == "auto") {
      out.options.lang.reset();
    } else if (auto l = text::parse_lang(code)) {
      out.options.lang = *l;
    } else {
      return bad("error.check.lang_invalid", "lang must be de, en or auto");
    }
  }
  if (auto style = body.find("style"); style != body.end()) {
    auto s = style->is_string() ? text::parse_style(style->get<std::string>()) : std::nullopt;
    if (!s) return bad("error.check.style_invalid", "style must be colon, star, pair or neutral");
    out.options.style = *s;
  }
  for (auto [name, flag] : {std::pair{"prompt", &out.options.prompt},
                            std::pair{"plain", &out.options.plain},
                            std::pair{"inclusive", &out.options.inclusive},
                            std::pair{"stats", &out.stats}}) {
    if (auto st = read_flag(body, name, flag); !st) return st.error();
  }
  return out;
}

// An expected failure as the API error shape, the message with its details filled in.
Response check_failure(auth::Auth& auth, const Request& req, const core::Error& e, int status) {
  return Response::error(status, core::error_code_name(e.code),
                         check_error_message(auth.services(), req, e, kMaxApiCheckBytes));
}

Response check_with(auth::Auth& auth, Request& req, text::CheckOptions base) {
  auto body = parse_json_body(req);
  if (!body) {
    // nlohmann rejects ill-formed UTF-8; say where it is (a byte offset into
    // the body), as the CLI does for its input.
    if (body.error().key == "error.http.bad_json") {
      if (auto offset = text::find_invalid_utf8(req.body)) {
        return check_failure(auth, req, invalid_utf8_error(*offset), 400);
      }
    }
    return auth.error(req, json_body_status(body.error()), body.error().key);
  }
  auto in = parse_check(*body, std::move(base));
  if (!in) return check_failure(auth, req, in.error(), 400);
  auto slot = enter_check(auth.services());
  if (!slot) return checker_busy(auth.services(), req);
  auto report = run_check(in->text, in->options, kMaxApiCheckBytes);
  if (!report) return check_failure(auth, req, report.error(), http_status(report.error().code));
  const std::size_t total = report->findings.size();
  const std::size_t shown = std::min(total, kMaxApiFindings);
  json findings = json::array();
  for (std::size_t i = 0; i < shown; ++i) {
    findings.push_back(text::finding_json(report->findings[i], in->text, ""));
  }
  json out{{"lang", text::lang_code(report->lang)},
           {"findings", std::move(findings)},
           {"findings_total", total},
           {"truncated", shown < total}};
  if (in->stats) out["stats"] = text::stats_json(text::readability(in->text, report->lang), report->lang, "");
  return Response::json(out);
}

json settings_json(const store::CheckerSettings& s) {
  return {{"role", s.role},
          {"values", s.values},
          {"sector", s.sector},
          {"style", s.style},
          {"accepted_words", s.accepted_words},
          {"org_terms", store::checker_terms_json(s.org_terms)},
          {"updated_at", s.updated_at == 0 ? json(nullptr) : json(iso8601(s.updated_at))}};
}

// Absent members take their defaults, except org_terms: absent keeps `stored_terms`,
// so that a client that does not know the terms yet cannot erase them.
core::Result<store::CheckerSettings> parse_settings(const json& body,
                                                    std::vector<store::CheckerTerm> stored_terms) {
  if (!body.is_object()) return bad("error.http.bad_request", "the body must be a JSON object");
  store::CheckerSettings s;
  s.org_terms = std::move(stored_terms);
  if (auto it = body.find("org_terms"); it != body.end()) {
    auto terms = store::checker_terms_from_json(*it);
    if (!terms) {
      return bad("error.api.field_type",
                 "org_terms must be an array of {term: string, suggestions: [string], message: "
                 "string}");
    }
    s.org_terms = std::move(*terms);
  }
  for (auto [name, field] : {std::pair{"role", &s.role}, std::pair{"values", &s.values},
                             std::pair{"sector", &s.sector}}) {
    auto it = body.find(name);
    if (it == body.end()) continue;
    if (!it->is_string()) return bad("error.api.field_type", std::string(name) + " must be a string");
    *field = it->get<std::string>();
  }
  if (auto it = body.find("style"); it != body.end()) {
    if (!it->is_string()) return bad("error.api.field_type", "style must be a string");
    s.style = it->get<std::string>();
  }
  if (auto it = body.find("accepted_words"); it != body.end()) {
    if (!it->is_array()) return bad("error.api.field_type", "accepted_words must be an array");
    for (const auto& w : *it) {
      if (!w.is_string()) return bad("error.api.field_type", "accepted words must be strings");
      s.accepted_words.push_back(w.get<std::string>());
    }
  }
  return s;
}

}  // namespace

Response api_check(auth::Auth& auth, Request& req) {
  auto p = auth.require_user(req);
  if (!p) return p.response();
  return check_with(auth, req, text::CheckOptions{});
}

Response api_org_check(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"));
  if (!m) return m.response();
  auto settings = auth.services().store.checker().checker_settings(m->org.id);
  if (!settings) return error_response(auth.services(), req, settings.error());
  return check_with(auth, req, options_for(*settings));
}

Response api_checker_settings(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"));
  if (!m) return m.response();
  auto settings = auth.services().store.checker().checker_settings(m->org.id);
  if (!settings) return error_response(auth.services(), req, settings.error());
  return Response::json(settings_json(*settings));
}

Response api_put_checker_settings(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"), store::Role::kEditor);
  if (!m) return m.response();
  auto body = parse_json_body(req);
  if (!body) return auth.error(req, json_body_status(body.error()), body.error().key);
  auto stored = auth.services().store.checker().checker_settings(m->org.id);
  if (!stored) return error_response(auth.services(), req, stored.error());
  auto wanted = parse_settings(*body, std::move(stored->org_terms));
  if (!wanted) return error_response(auth.services(), req, wanted.error());
  auto saved = auth.services().store.checker().set_checker_settings(m->org.id, *wanted,
                                                          store::Actor{m->user.id, "api"});
  if (!saved) return error_response(auth.services(), req, saved.error());
  return Response::json(settings_json(*saved));
}

}  // namespace solipraxis::web::handlers
