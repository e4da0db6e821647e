// The facilitator's page of one session: the set-up of a draft, the controls
// while it runs, the report once it ended; and the form posts behind them
// (see sessions.h). Every change is published to the room (session_view.h).
#include <algorithm>
#include <charconv>

#include "core/text_field.h"
#include "core/tool.h"
#include "store/action_items.h"
#include "store/live.h"
#include "store/orgs.h"
#include "store/store.h"
#include "store/tools.h"
#include "web/handlers/common/params.h"
#include "web/handlers/live/api.h"
#include "web/handlers/live/session_view.h"
#include "web/handlers/live/sessions.h"
#include "web/handlers/live/steps.h"
#include "web/handlers/live/board_view.h"
#include "web/handlers/live/publish.h"
#include "web/handlers/site/dashboard.h"
#include "web/http.h"
#include "web/i18n.h"
#include "web/page.h"
#include "web/qr.h"
#include "web/time_zone.h"

namespace solipraxis::web::handlers::live {

namespace {

std::string joined_lines(const std::vector<std::string>& lines) { return joined(lines, "\n"); }

mstch::array setup_steps(const std::vector<core::LiveStep>& steps,
                         const std::vector<core::FieldError>& errors, const Services& s,
                         const Request& req) {
  mstch::array out;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const core::LiveStep& st = steps[i];
    std::vector<std::string> labels;
    for (const auto& c : st.columns) labels.push_back(c.label);
    mstch::map row{{"index", std::to_string(i)},
                   {"number", std::to_string(i + 1)},
                   {"title", st.title},
                   {"minutes", std::to_string(st.duration_seconds / 60)},
                   {"prompts", joined_lines(st.prompts)},
                   {"columns", joined_lines(labels)}};
    const std::string prefix = "steps." + std::to_string(i) + ".";
    std::string message;
    for (const core::FieldError& e : errors) {
      if (e.field.rfind(prefix, 0) == 0) {
        message = tr(s, req, e.error.key);
        break;
      }
    }
    if (!message.empty()) row.emplace("error", message);
    out.push_back(std::move(row));
  }
  return out;
}

// The tool-selection workshop's steps that lead into records (catalog ids).
constexpr std::string_view kVisionStep = "m.tool-selection-workshop.2";
constexpr std::string_view kPerspectiveStep = "m.tool-selection-workshop.3";
bool workshop_step(const store::LiveSession& x, int step, std::string_view catalog_id) {
  return x.kind == core::LiveKind::kWorkshop &&
         x.steps[static_cast<std::size_t>(step)].catalog_id == catalog_id;
}

std::string tool_name(const std::vector<core::Tool>& tools, core::ToolId id) {
  for (const auto& t : tools)
    if (t.id == id) return t.name;
  return "";
}

// The cards of one step, by column, as the facilitator sees them (hidden ones without text).
// The workshop's vision step (editors): each visible card of the step links to
// the red-line form filled in with its text.
mstch::array red_line_links(const Services& s, const Request& req, const store::LiveBoard& b,
                            int step, const std::string& org_slug) {
  mstch::array out;
  for (const store::LiveCard& c : b.cards) {
    if (c.step != step || c.hidden) continue;
    out.push_back(mstch::map{
        {"url", "/o/" + org_slug + "/red-lines?session=" + std::to_string(b.session.id) +
                    "&text=" + percent_encode(c.text.substr(0, 500)) + "#red-line-text"},
        {"label", format_message(tr(s, req, "live.workshop.red_line_card"), {{"text", c.text.substr(0, 80)}})}});
  }
  return out;
}

Response render_session(auth::Auth& auth, const Request& req, const SessionAccess& a,
                        std::string error = {}, int status = 200,
                        std::optional<std::vector<core::LiveStep>> draft_steps = {},
                        const std::vector<core::FieldError>& field_errors = {}) {
  Services& s = auth.services();
  const auth::Membership& m = *a.member;
  auto board = s.store.live().board(m.org.id, a.session.id, std::nullopt);
  if (!board) return error_response(s, req, board.error());
  const store::LiveSession& x = board->session;
  const bool editor = m.role >= store::Role::kEditor;
  mstch::map data = org_page_data(s, req, m);
  data.emplace("title", x.title);
  data.emplace("url", session_url(m, x.id));
  data.emplace("sessions_url", sessions_url(m));
  data.emplace("kind", tr(s, req, std::string("live.kind.") + core::live_kind_name(x.kind)));
  data.emplace("state", tr(s, req, std::string("live.state.") + core::live_state_name(x.state)));
  data.emplace("code", core::display_join_code(x.join_code));
  const std::string joining = join_url(auth, req, x.join_code);
  data.emplace("join_url", joining);
  data.emplace("join_base", joining.substr(0, joining.rfind('/')));  // .../join
  // The QR code's alt text gives the address and the code letter by letter, so
  // a screen reader spells it out as people have to type it.
  std::string spelled;
  for (char c : x.join_code) spelled += spelled.empty() ? std::string(1, c) : std::string(" ") + c;
  data.emplace("qr_alt", format_message(tr(s, req, "live.facilitate.qr_title"),
                                        {{"url", joining}, {"code", spelled}}));
  data.emplace("participants", format_message(tr(s, req, "live.facilitate.participants"),
                                              {{"count", std::to_string(board->participants)}}));
  data.emplace("names", joined(board->names, ", "));
  if (!error.empty()) data.emplace("error", error);
  if (req.query.value("created") == "1") data.emplace("notice", tr(s, req, "live.setup.created"));
  // Back from a workshop link (red line, risk, decision; common/params.h session_return).
  if (const std::string what = req.query.value("recorded");
      what == "red_line" || what == "risk" || what == "decision") {
    data.emplace("notice", tr(s, req, "live.workshop.recorded." + what));
  }

  std::vector<core::Tool> tools;
  for (core::ToolId id : x.tools) {
    if (auto t = s.store.tools().tool(m.org.id, id)) tools.push_back(std::move(*t));
  }
  mstch::array tool_rows;
  for (const auto& t : tools) {
    tool_rows.push_back(mstch::map{{"id", std::to_string(t.id.value)},
                                   {"name", t.name},
                                   {"url", "/o/" + m.org.slug + "/tools/" + std::to_string(t.id.value)}});
  }
  data.emplace("many_tools", tool_rows.size() > 1);
  data.emplace("tools", tool_rows);

  // The org's members, read once: the action form's choice and the names of those responsible.
  std::vector<store::Member> member_list;
  if (auto list = s.store.orgs().members(m.org.id)) member_list = std::move(*list);

  if (x.state == core::LiveState::kDraft) {
    // Switching the language while preparing keeps the edits: the switch sends
    // the set-up form, which comes back unsaved in the other language (setup_session).
    data.emplace("switch_form", std::string("setup-form"));
    const auto& steps = draft_steps ? *draft_steps : x.steps;
    // A form shown again (an error, a step added, the language switched) keeps
    // what was typed: a.session holds the edited title, budget and hiding.
    const store::LiveSession& typed = draft_steps ? a.session : x;
    data.emplace("draft", mstch::map{{"steps", setup_steps(steps, field_errors, s, req)},
                                     {"step_count", std::to_string(steps.size())},
                                     {"budget", std::to_string(typed.vote_budget)},
                                     {"hide_cards", typed.hide_cards},
                                     {"session_title", typed.title}});
  }
  if (x.state == core::LiveState::kRunning) {
    const int step = x.current_step;
    mstch::map run{
        {"paused", x.timer.paused_at.has_value()},
        {"has_timer", x.timer.duration > 0},

        {"notes", x.notes[static_cast<std::size_t>(step)]},
        {"step", std::to_string(step)},
        {"can_reveal", x.hide_cards && !x.revealed[static_cast<std::size_t>(step)]},
    };
    if (workshop_step(x, step, kVisionStep) && editor) {
      auto links = red_line_links(s, req, *board, step, m.org.slug);
      run.emplace("has_red_lines", !links.empty());
      run.emplace("red_lines", std::move(links));
    }
    if (step > 0) run.emplace("prev_step", std::to_string(step - 1));
    // The workshop's own steps lead into the records: personas into a tool's
    // risk matrix (perspective step), and the decision, non-use included (last step).
    if (x.kind == core::LiveKind::kWorkshop && editor) {
      mstch::array links;
      const bool perspective = workshop_step(x, step, kPerspectiveStep);
      const bool last = static_cast<std::size_t>(step + 1) == x.steps.size();
      for (const auto& t : tools) {
        const std::string base = "/o/" + m.org.slug + "/tools/" + std::to_string(t.id.value);
        if (perspective) {
          links.push_back(mstch::map{
              {"url", base + "/risks/new?session=" + std::to_string(x.id)},
              {"label", format_message(tr(s, req, "live.workshop.place_persona"), {{"tool", t.name}})}});
        }
        if (last) {
          links.push_back(mstch::map{
              {"url", base + "/decide?session=" + std::to_string(x.id) +
                          "&rationale=" + percent_encode(x.title) + "#decide-rationale"},
              {"label", format_message(tr(s, req, "live.workshop.decide"), {{"tool", t.name}})}});
        }
      }
      run.emplace("workshop_links", links);
      run.emplace("has_workshop_links", !links.empty());
      run.emplace("non_use_hint", last);
    }
    if (static_cast<std::size_t>(step + 1) < x.steps.size()) {
      run.emplace("next_step", std::to_string(step + 1));
      run.emplace("next_title", x.steps[static_cast<std::size_t>(step + 1)].title);
    }
    mstch::array clusters;
    for (const auto& k : board->clusters) {
      if (k.step == step)
        clusters.push_back(mstch::map{{"id", std::to_string(k.id)}, {"name", k.name}});
    }
    run.emplace("clusters", clusters);
    run.emplace("has_clusters", !clusters.empty());
    data.emplace("running", run);
    // Members who may be responsible for an action item.
    mstch::array members;
    for (const auto& mm : member_list) {
      members.push_back(mstch::map{{"id", std::to_string(mm.user.id.value)},
                                   {"name", mm.user.name.empty() ? mm.user.email : mm.user.name}});
    }
    data.emplace("members", members);
  }
  if (x.state != core::LiveState::kEnded) {
    // Open items of earlier sessions about the same tools carry over: shown while
    // the session is prepared and while it runs.
    mstch::array open_items;
    for (const auto& t : tools) {
      auto items = s.store.action_items().items(m.org.id, t.id, true);
      if (!items) continue;
      for (const auto& it : *items) {
        open_items.push_back(mstch::map{
            {"id", std::to_string(it.id)},
            {"text", it.text},
            {"tool", t.name},
            {"due", it.due ? readable_date(*it.due, req.lang) : std::string()},
            {"action", "/o/" + m.org.slug + "/action-items/" + std::to_string(it.id) + "/done"},
            {"back", session_url(m, x.id)}});
      }
    }
    data.emplace("open_items", open_items);
    data.emplace("has_open_items", !open_items.empty());
  }
  // Action items agreed in this session (running and ended).
  mstch::array actions;
  for (const auto& act : board->actions) {
    std::string who;
    for (const auto& mm : member_list)
      if (act.responsible && mm.user.id == *act.responsible)
        who = mm.user.name.empty() ? mm.user.email : mm.user.name;
    actions.push_back(mstch::map{{"id", std::to_string(act.id)},
                                 {"text", act.text},
                                 {"tool", tool_name(tools, act.tool)},
                                 {"responsible", who},
                                 {"due", act.due ? readable_date(*act.due, req.lang) : std::string()},
                                 {"removable", x.state == core::LiveState::kRunning}});
  }
  data.emplace("actions", actions);
  data.emplace("has_actions", !actions.empty());
  if (x.state != core::LiveState::kDraft) {
    BoardOptions options;
    options.reader = BoardReader::kFacilitator;
    if (x.state == core::LiveState::kRunning) options.select_form = "group-form";
    data.emplace("board", board_data(s, req, *board, options));
  }
  if (x.state == core::LiveState::kEnded) {
    mstch::array notes;
    for (std::size_t i = 0; i < x.steps.size(); ++i) {
      if (!x.notes[i].empty()) notes.push_back(mstch::map{{"title", x.steps[i].title}, {"notes", x.notes[i]}});
    }
    mstch::array decisions;
    for (const auto& d : session_decisions(s, req, m.org.id, x)) {
      decisions.push_back(mstch::map{{"tool", d.tool}, {"kind", d.kind_label}, {"rationale", d.rationale}});
    }
    mstch::map ended{{"notes", notes}, {"has_notes", !notes.empty()},
                     {"decisions", decisions}, {"has_decisions", !decisions.empty()}};
    if (x.review_date) ended.emplace("review", readable_date(*x.review_date, req.lang));
    if (x.ended_at) ended.emplace("date", readable_date(*x.ended_at, m.org.time_zone, req.lang));
    data.emplace("ended", ended);
  }
  return render(s, req, "live/facilitate", std::move(data), status);
}

// A control's answer: back to the page (PRG), or the page with the error.
template <typename Write>
Response after_change(auth::Auth& auth, const Request& req, const SessionAccess& a,
                      Write&& write, std::string_view anchor = "") {
  Services& s = auth.services();
  const core::Result<store::LiveChange> change = write_and_publish(s, a.session.id, write);
  if (!change) {
    const auto& e = change.error();
    if (e.code == core::ErrorCode::kNotFound && e.key == "live.error.not_found") {
      return error_response(s, req, e);
    }
    return render_session(auth, req, a, tr(s, req, e.key),
                          e.code == core::ErrorCode::kConflict ? 409 : 400);
  }
  return Response::redirect(session_url(*a.member, a.session.id) + std::string(anchor));
}

std::optional<int> parse_int(std::string_view raw) {
  int v = 0;
  const auto [end, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), v);
  if (ec != std::errc{} || end != raw.data() + raw.size()) return std::nullopt;
  return v;
}

// A control on the step its form names (reveal, notes): `change(a, step)`
// after the session and the step are read; "not a step" is a 400 page.
template <typename Change>
Response step_control(auth::Auth& auth, Request& req, std::string_view anchor, Change&& change) {
  auto a = load_session(auth, req, /*with_form=*/true);
  if (!a.member) return std::move(a.denial);
  const auto step = parse_step(a.form.value("step"));
  if (!step) {
    return render_session(auth, req, a, tr(auth.services(), req, "live.error.step_invalid"), 400);
  }
  return after_change(auth, req, a, [&] { return change(a, *step); }, anchor);
}

std::vector<std::int64_t> card_ids(const Params& form) {
  std::vector<std::int64_t> out;
  for (const auto& raw : form.all("cards"))
    if (auto id = parse_id(raw)) out.push_back(*id);
  return out;
}

}  // namespace

Response session_page(auth::Auth& auth, Request& req) {
  auto a = load_session(auth, req);
  if (!a.member) return std::move(a.denial);
  return render_session(auth, req, a);
}

Response setup_session(auth::Auth& auth, Request& req) {
  auto a = load_session(auth, req, /*with_form=*/true);
  if (!a.member) return std::move(a.denial);
  Services& s = auth.services();
  const Params& form = a.form;
  std::vector<core::FieldError> errors;
  auto steps = steps_from_form(form, a.session.steps, errors);
  a.session.title = std::string(core::trim(form.value("title")));
  a.session.hide_cards = form.value("hide_cards") == "1";
  const auto budget = parse_int(core::trim(form.value("budget")));
  a.session.vote_budget = budget.value_or(0);
  if (form.value("add_step") == "1" || req.language_switch) {
    return render_session(auth, req, a, "", 200, steps);
  }
  for (auto& e : core::validate_steps(steps)) errors.push_back(std::move(e));
  if (!errors.empty()) {
    return render_session(auth, req, a, tr(s, req, "live.error.steps_invalid"), 400, steps, errors);
  }
  store::LiveSetup setup{a.session.title, steps, a.session.vote_budget, a.session.hide_cards};
  auto saved = s.store.live().setup(a.member->org.id, a.session.id, setup, web_actor(*a.member));
  if (!saved) {
    return render_session(auth, req, a, tr(s, req, saved.error().key),
                          saved.error().code == core::ErrorCode::kConflict ? 409 : 400, steps);
  }
  return Response::redirect(session_url(*a.member, a.session.id) + "?saved=1");
}

Response go_to_step(auth::Auth& auth, Request& req) {
  auto a = load_session(auth, req, /*with_form=*/true);
  if (!a.member) return std::move(a.denial);
  Services& s = auth.services();
  const Params& form = a.form;
  const auto step = parse_step(form.value("step"));
  if (!step) return render_session(auth, req, a, tr(s, req, "live.error.step_invalid"), 400);
  // A form sent twice (a double click) moves the room once.
  if (a.session.state == core::LiveState::kRunning && a.session.current_step == *step) {
    return Response::redirect(session_url(*a.member, a.session.id));
  }
  return after_change(auth, req, a,
                      [&] { return s.store.live().go_to_step(a.member->org.id, a.session.id, *step,
                                                web_actor(*a.member)); });
}

Response control_timer(auth::Auth& auth, Request& req) {
  auto a = load_session(auth, req, /*with_form=*/true);
  if (!a.member) return std::move(a.denial);
  Services& s = auth.services();
  const Params& form = a.form;
  const std::string action = form.value("action");
  store::TimerAction what = store::TimerAction::kExtend;
  std::int64_t seconds = 0;
  if (action == "pause") {
    what = store::TimerAction::kPause;
  } else if (action == "resume") {
    what = store::TimerAction::kResume;
  } else if (auto minutes = parse_int(action); minutes && *minutes >= -600 && *minutes <= 600) {
    seconds = std::int64_t{*minutes} * 60;
  } else {
    return render_session(auth, req, a, tr(s, req, "live.error.duration_invalid"), 400);
  }
  return after_change(auth, req, a,
                      [&] { return s.store.live().timer(a.member->org.id, a.session.id, what, seconds,
                                           web_actor(*a.member)); },
                      "#timer");
}

Response reveal_step(auth::Auth& auth, Request& req) {
  return step_control(auth, req, "#board", [&](const SessionAccess& a, int step) {
    return auth.services().store.live().reveal(a.member->org.id, a.session.id, step,
                                               web_actor(*a.member));
  });
}

Response save_notes(auth::Auth& auth, Request& req) {
  return step_control(auth, req, "#notes", [&](const SessionAccess& a, int step) {
    return auth.services().store.live().set_notes(a.member->org.id, a.session.id, step,
                                                  a.form.value("notes"), web_actor(*a.member));
  });
}

Response group_cards(auth::Auth& auth, Request& req) {
  auto a = load_session(auth, req, /*with_form=*/true);
  if (!a.member) return std::move(a.denial);
  Services& s = auth.services();
  const Params& form = a.form;
  const auto cards = card_ids(form);
  const std::string name(core::trim(form.value("cluster_name")));
  if (form.value("ungroup") == "1") {
    return after_change(auth, req, a,
                        [&] { return s.store.live().ungroup(a.member->org.id, a.session.id, cards,
                                               web_actor(*a.member)); },
                        "#board");
  }
  std::optional<std::int64_t> cluster;
  if (auto id = parse_id(form.value("cluster"))) cluster = *id;
  return after_change(auth, req, a,
                      [&] { return s.store.live().group(a.member->org.id, a.session.id, cluster, name, cards,
                                           web_actor(*a.member)); },
                      "#board");
}

Response add_action(auth::Auth& auth, Request& req) {
  auto a = load_session(auth, req, /*with_form=*/true);
  if (!a.member) return std::move(a.denial);
  Services& s = auth.services();
  const Params& form = a.form;
  store::LiveAction action;
  action.text = std::string(core::trim(form.value("text")));
  if (auto tool = parse_id(form.value("tool"))) {
    action.tool = core::ToolId(*tool);
  } else if (a.session.tools.size() == 1) {
    action.tool = a.session.tools.front();
  }
  if (auto who = parse_id(form.value("responsible"))) action.responsible = store::UserId(*who);
  const std::string due(core::trim(form.value("due")));
  if (!due.empty()) {
    auto d = core::Date::parse_typed(due);
    if (!d) return render_session(auth, req, a, tr(s, req, d.error().key), 400);
    action.due = *d;
  }
  return after_change(auth, req, a,
                      [&] { return s.store.live().add_action(a.member->org.id, a.session.id, action,
                                                web_actor(*a.member)); },
                      "#actions");
}

Response remove_action(auth::Auth& auth, Request& req) {
  auto a = load_session(auth, req);
  if (!a.member) return std::move(a.denial);
  Services& s = auth.services();
  const auto id = parse_id(req.param("action"));
  if (!id) return error_response(s, req, 404, "live.error.action_not_found");
  return after_change(auth, req, a,
                      [&] { return s.store.live().remove_action(a.member->org.id, a.session.id, *id,
                                                   web_actor(*a.member)); },
                      "#actions");
}

Response end_session(auth::Auth& auth, Request& req) {
  auto a = load_session(auth, req, /*with_form=*/true);
  if (!a.member) return std::move(a.denial);
  Services& s = auth.services();
  const Params& form = a.form;
  if (form.value("confirm") != "1") {
    return render_session(auth, req, a, tr(s, req, "live.error.end_confirm"), 400);
  }
  std::optional<core::Date> review;
  const std::string typed(core::trim(form.value("review_date")));
  if (!typed.empty()) {
    auto d = core::Date::parse_typed(typed);
    if (!d) return render_session(auth, req, a, tr(s, req, d.error().key), 400);
    review = *d;
  }
  return after_change(auth, req, a,
                      [&] { return s.store.live().end(a.member->org.id, a.session.id, review,
                                         web_actor(*a.member)); });
}

Response session_events(auth::Auth& auth, Request& req) {
  auto a = load_session(auth, req);
  if (!a.member) return std::move(a.denial);
  Services& s = auth.services();
  if (!s.live_bus) return error_response(s, req, 503, "error.http.unavailable");
  auto body = make_event_stream(*s.live_bus, a.session.id, last_event_id(req),
                                store_backlog(s, a.member->org.id, a.session.id));
  if (!body) return error_response(s, req, body.error());
  return event_stream_response(std::move(*body));
}

Response session_board(auth::Auth& auth, Request& req) {
  auto a = load_session(auth, req);
  if (!a.member) return std::move(a.denial);
  Services& s = auth.services();
  auto board = s.store.live().board(a.member->org.id, a.session.id, std::nullopt);
  if (!board) return error_response(s, req, board.error());
  BoardOptions options;
  options.reader = BoardReader::kFacilitator;
  if (board->session.state == core::LiveState::kRunning) options.select_form = "group-form";
  Response res = render(s, req, "live/board_fragment",
                        mstch::map{{"board", board_data(s, req, *board, options)}});
  res.headers.set("Cache-Control", "no-store");
  return res;
}

Response session_qr(auth::Auth& auth, Request& req) {
  auto a = load_session(auth, req);
  if (!a.member) return std::move(a.denial);
  Services& s = auth.services();
  const std::string url = join_url(auth, req, a.session.join_code);
  auto svg = qr_svg(url, format_message(tr(s, req, "live.facilitate.qr_title"), {{"url", url}}),
                    "join-qr-title");
  if (!svg) return error_response(s, req, svg.error());
  Response r;
  r.body = std::move(*svg);
  r.headers.set("Content-Type", "image/svg+xml; charset=utf-8");
  r.headers.set("Cache-Control", "private, max-age=300");
  return r;
}

Response action_item_done(auth::Auth& auth, Request& req) {
  Services& s = auth.services();
  auto m = auth.require_member(req, req.param("org"));
  if (!m) return m.response();
  const auto id = parse_id(req.param("item"));
  if (!id) return error_response(s, req, 404, "action_items.error.not_found");
  auto form = parse_form(req.body);
  if (!form) return error_response(s, req, 400, "error.http.bad_request");
  auto done = s.store.action_items().set_done(m->org.id, *id, form->value("done") != "0",
                                              web_actor(*m));
  if (!done) return error_response(s, req, done.error());
  const std::string back = form->value("back");
  return Response::redirect(is_local_path(back) ? back : "/o/" + m->org.slug + "/sessions");
}

}  // namespace solipraxis::web::handlers::live
