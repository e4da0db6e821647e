// The decide page (see tools.h): one form for every allowed next step of a
// tool, deliberate non-use included. It shows every problem next to its field
// with the input kept, and refuses a move to pilot or in use until each active
// red line is confirmed (the store enforces the same gate).
#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "core/review.h"
#include "core/text_field.h"
#include "store/store.h"
#include "store/tools.h"
#include "web/handlers/common/params.h"
#include "web/handlers/site/dashboard.h"
#include "web/handlers/tools/tool_views.h"
#include "web/handlers/tools/tools.h"
#include "web/page.h"
#include "web/time_zone.h"

namespace solipraxis::web::handlers {

using namespace tool_views;

namespace {

using Errors = std::map<std::string, std::string, std::less<>>;  // field -> message key

std::string principle_field(int n) { return "principle_" + std::to_string(n); }

struct DecideState {
  Params form{};                         // what the person entered (empty: defaults)
  Params prefill{};                      // a fresh form's rationale and next_review from a link
                                         // (a finished reflection); nothing is saved by it
  Errors errors{};                       // field -> message key
  std::set<std::int64_t> unconfirmed{};  // red lines to highlight
  std::string error_key{};               // a message above the form
  int status = 200;
};

bool any_target_needs_red_lines(core::Phase from) {
  return std::ranges::any_of(core::decisions_from(from), [from](core::DecisionKind k) {
    auto to = core::transition(from, k);
    return to && core::requires_red_line_check(*to);
  });
}

Response render_decide(const Services& s, const Request& req, const auth::Membership& m,
                       const core::Tool& tool, const DecideState& st) {
  const core::Date today = today_in(s.clock, m.org.time_zone);
  auto message = [&](const std::string& field) {
    auto it = st.errors.find(field);
    return it == st.errors.end() ? std::string() : tr(s, req, it->second);
  };
  const bool fresh = st.form.empty();
  const std::string chosen = st.form.value("kind");
  mstch::array kinds;
  for (core::DecisionKind k : core::decisions_from(tool.phase)) {
    const std::string name = core::decision_kind_name(k);
    const core::Phase to = core::transition(tool.phase, k).value();
    kinds.push_back(mstch::map{
        {"value", name},
        {"id", "decide-kind-" + name},
        {"label", kind_label(s, req, k)},
        {"to_label", phase_label(s, req, to)},
        {"hint", tr(s, req, "tools.decide.kind_hint." + name)},
        {"checked", chosen == name},
        {"is_reject", k == core::DecisionKind::kReject},
    });
  }
  std::set<std::string> checked_lines;
  for (const auto& id : st.form.all("red_line")) checked_lines.insert(id);
  mstch::array lines;
  if (auto org_lines = s.store.tools().red_lines(m.org.id)) {
    for (const auto& l : *org_lines) {
      if (!l.active) continue;
      const std::string id = std::to_string(l.id.value);
      lines.push_back(mstch::map{{"id", id},
                                 {"text", l.text},
                                 {"checked", checked_lines.contains(id)},
                                 {"unconfirmed", st.unconfirmed.contains(l.id.value)}});
    }
  }
  mstch::array principles;
  for (int n = 1; n <= core::kPrincipleCount; ++n) {
    const std::string field = principle_field(n);
    // Both the box and its text name the messages that concern them.
    std::string describedby = st.errors.contains(field) ? "decide-" + field + "-error" : "";
    if (st.errors.contains("principles")) {
      describedby += (describedby.empty() ? "" : " ") + std::string("decide-principles-error");
    }
    principles.push_back(mstch::map{{"number", std::to_string(n)},
                                    {"field", field},
                                    {"name", principle_name(s, req, n)},
                                    {"checked", st.form.has(field)},
                                    {"how", st.form.value(field + "_how")},
                                    {"error", message(field)},
                                    {"has_error", st.errors.contains(field)},
                                    {"has_describedby", !describedby.empty()},
                                    {"describedby", describedby}});
  }
  auto interval = s.store.tools().review_interval_months(m.org.id);
  const int months = interval ? *interval : core::kDefaultReviewMonths;
  // Prefilled with the display name only: an e-mail address never goes into a record
  // (someone without a name types who decided, e.g. "Vorstand").
  const std::string& user_name = m.user.name;

  mstch::map data = org_page_data(s, req, m);
  data.emplace("title", tr(s, req, "tools.decide.title") + ": " + tool.name);
  data.emplace("switch_form", std::string("decide-form"));  // the language switch keeps the input
  data.emplace("session_query", session_query(req));
  data.emplace("tool", tool_data(s, req, m, tool));
  data.emplace("kinds", kinds);
  data.emplace("has_kinds", !kinds.empty());
  data.emplace("kind_error", message("kind"));
  data.emplace("rationale", fresh ? st.prefill.value("rationale") : st.form.value("rationale"));
  data.emplace("rationale_error", message("rationale"));
  data.emplace("decided_by", fresh ? user_name : st.form.value("decided_by"));
  data.emplace("decided_by_error", message("decided_by"));
  data.emplace("decided_on", fresh ? (req.lang == "de" ? today.dotted() : today.str())
                                   : st.form.value("decided_on"));
  data.emplace("decided_on_error", message("decided_on"));
  data.emplace("principles", principles);
  data.emplace("principles_error", message("principles"));
  data.emplace("show_red_lines", any_target_needs_red_lines(tool.phase));
  data.emplace("red_lines", lines);
  data.emplace("has_red_lines", !lines.empty());
  data.emplace("red_lines_error", message("red_lines"));
  // Empty unless typed: the store then sets the default interval from today,
  // which is what the field's hint promises.
  data.emplace("next_review",
               fresh ? st.prefill.value("next_review") : st.form.value("next_review"));
  data.emplace("next_review_error", message("next_review"));
  data.emplace("review_months", std::to_string(months));
  data.emplace("version", std::to_string(tool.version));
  if (!st.error_key.empty()) data.emplace("error", tr(s, req, st.error_key));
  data.emplace("has_errors", !st.errors.empty() || !st.error_key.empty());
  return render(s, req, "pages/tool_decide", std::move(data), st.status);
}

// Checks the form against the tool's phase and the org's red lines; fills
// `st.errors` and returns the request for the store.
core::TransitionRequest request_of(const Services& s, const auth::Membership& m,
                                   const core::Tool& tool, DecideState& st) {
  const Params& f = st.form;
  const core::Date today = today_in(s.clock, m.org.time_zone);
  core::TransitionRequest r;
  r.recorded_by = m.user.id;
  std::optional<core::Phase> to;
  if (auto kind = core::parse_decision_kind(f.value("kind")); !kind) {
    st.errors["kind"] = "tools.error.invalid_decision_kind";
  } else if (auto target = core::transition(tool.phase, *kind); !target) {
    st.errors["kind"] = target.error().key;
  } else {
    r.kind = *kind;
    to = *target;
  }
  core::Decision d;
  d.rationale = f.value("rationale");
  d.decided_by = f.value("decided_by");
  d.decided_on = today;
  if (core::is_blank(f.value("decided_on"))) {
    st.errors["decided_on"] = "tools.error.decided_on_required";
  } else if (auto on = core::Date::parse_typed(f.value("decided_on"))) {
    d.decided_on = *on;
  } else {
    st.errors["decided_on"] = on.error().key;
  }
  for (int n = 1; n <= core::kPrincipleCount; ++n) {
    const std::string field = principle_field(n);
    const std::string how = f.value(field + "_how");
    if (!f.has(field)) {
      // Text for a principle that is not ticked would be lost without a word.
      if (!core::is_blank(how)) st.errors[field] = "tools.error.principle_how_unticked";
      continue;
    }
    if (core::is_blank(how)) st.errors[field] = "tools.error.principle_how_required";
    d.principles.push_back(core::PrincipleNote{n, how});
  }
  core::normalize_decision(d);
  for (const auto& e : core::decision_errors(d, today)) {
    if (e.error.key == "tools.error.principle_how_required") continue;  // shown per principle
    if (!st.errors.contains(e.field)) st.errors[e.field] = e.error.key;
  }
  r.rationale = d.rationale;
  r.decided_by = d.decided_by;
  r.decided_on = d.decided_on;
  r.principles = d.principles;
  if (to && core::requires_review(*to)) {
    if (const auto raw = core::trim(f.value("next_review")); !raw.empty()) {
      if (auto date = core::Date::parse_typed(raw); !date) {
        st.errors["next_review"] = date.error().key;
      } else if (*date < today) {
        st.errors["next_review"] = "tools.error.next_review_in_past";
      } else {
        r.next_review = *date;
      }
    }
  }
  for (const auto& raw : f.all("red_line")) {
    if (auto id = parse_id(raw)) r.confirmed_red_lines.emplace_back(*id);
  }
  if (to && core::requires_red_line_check(*to)) {
    if (auto lines = s.store.tools().red_lines(m.org.id)) {
      for (const auto& l : core::unconfirmed_red_lines(*lines, r.confirmed_red_lines)) {
        st.unconfirmed.insert(l.id.value);
        st.errors["red_lines"] = "tools.error.red_line_unconfirmed";
      }
    }
  } else {
    r.confirmed_red_lines.clear();  // only moves to pilot and in use record confirmations
  }
  return r;
}

}  // namespace

Response tool_decide_page(auth::Auth& auth, Request& req) {
  return editor_tool(auth, req, [&](const auth::Membership& m, const core::Tool& tool) {
    DecideState st;
    st.prefill = req.query;
    return render_decide(auth.services(), req, m, tool, st);
  });
}

Response tool_decide(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"), kWriteRole);
  if (!m) return m.response();
  Services& s = auth.services();
  auto form = parse_form(req.body);
  if (!form) return auth.error(req, 400, "error.http.bad_request");
  auto tool = tool_of_request(s, req, *m);
  if (!tool) return error_response(s, req, tool.error());
  DecideState st{std::move(*form)};
  const auto version = parse_id(st.form.value("version"));
  if (!version || *version != tool->version) {
    st.error_key = "tools.error.stale_version";
    st.status = 409;
    return render_decide(s, req, *m, *tool, st);
  }
  const core::TransitionRequest request = request_of(s, *m, *tool, st);
  if (req.language_switch) {  // the form again as typed, in the other language, nothing decided
    st.errors.clear();
    st.unconfirmed.clear();
    return render_decide(s, req, *m, *tool, st);
  }
  if (!st.errors.empty()) {
    st.status = st.errors.size() == 1 && st.errors.contains("red_lines") ? 409 : 422;
    return render_decide(s, req, *m, *tool, st);
  }
  auto done = s.store.tools().transition_tool(m->org.id, tool->id, request, *version, web_actor(*m));
  if (!done) {
    if (is_page_error(done.error())) return error_response(s, req, done.error());
    st.error_key = done.error().key;
    st.status = http_status(done.error().code);
    auto now = s.store.tools().tool(m->org.id, tool->id);
    return render_decide(s, req, *m, now ? *now : *tool, st);
  }
  if (auto back = session_return(*m, req, "decision"); !back.empty()) return Response::redirect(back);
  return Response::redirect(tool_url(*m, tool->id) + "?saved=decided");
}

}  // namespace solipraxis::web::handlers
