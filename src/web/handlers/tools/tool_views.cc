#include "web/handlers/tools/tool_views.h"

#include <charconv>

#include "core/review.h"
#include "store/faults.h"
#include "store/store.h"
#include "store/tools.h"
#include "web/handlers/common/params.h"
#include "web/page.h"
#include "web/time_zone.h"

namespace solipraxis::web::handlers::tool_views {

std::string tools_url(const auth::Membership& m) { return "/o/" + m.org.slug + "/tools"; }

std::string tool_url(const auth::Membership& m, core::ToolId id) {
  return tools_url(m) + "/" + std::to_string(id.value);
}

core::Result<core::Tool> tool_of_request(const Services& s, const Request& req,
                                         const auth::Membership& m) {
  auto id = parse_id(req.param("id"));
  if (!id) return core::make_error(core::ErrorCode::kNotFound, "tools.error.not_found", "bad id");
  return s.store.tools().tool(m.org.id, core::ToolId(*id));
}

std::string phase_label(const Services& s, const Request& req, core::Phase phase) {
  return tr(s, req, std::string("tools.phase.") + core::phase_name(phase));
}

std::string kind_label(const Services& s, const Request& req, core::DecisionKind kind) {
  return tr(s, req, std::string("tools.kind.") + core::decision_kind_name(kind));
}

std::string principle_name(const Services& s, const Request& req, int number) {
  if (s.catalog != nullptr && !s.catalog->empty()) {
    const auto* p = s.catalog->current().principle("p." + std::to_string(number));
    if (p != nullptr) {
      const auto& name = p->name.get(req.lang == "en" ? catalog::Lang::kEn : catalog::Lang::kDe);
      if (!name.empty()) return name;
    }
  }
  return tr(s, req, "tools.export.principle") + " " + std::to_string(number);
}

core::Translate translator(const Services& s, const Request& req) {
  return [&s, lang = req.lang](std::string_view key) -> std::string {
    const std::string& text = s.i18n.t(lang, key);
    return text == key ? core::english_label(key) : text;
  };
}

namespace {

std::string or_unknown(const Services& s, const Request& req, const std::string& value) {
  return value.empty() ? tr(s, req, "tools.value.unknown") : value;
}

std::string yes_no(const Services& s, const Request& req, bool value) {
  return tr(s, req, value ? "tools.value.yes" : "tools.value.no");
}

}  // namespace

namespace {

std::string review_state_label(const Services& s, const Request& req, core::ReviewState state) {
  return state == core::ReviewState::kNone
             ? std::string()
             : tr(s, req, std::string("tools.review.") + core::review_state_name(state));
}

}  // namespace

mstch::map tool_row_data(const Services& s, const Request& req, const auth::Membership& m,
                         const core::Tool& t, core::Date today) {
  const auto state = core::review_state(t.phase, t.next_review, today);
  return mstch::map{
      {"url", tool_url(m, t.id)},
      {"name", t.name},
      {"phase_label", phase_label(s, req, t.phase)},
      {"next_review", t.next_review ? t.next_review->str() : std::string()},
      {"has_next_review", t.next_review.has_value()},
      {"review_state_label", review_state_label(s, req, state)},
      {"public_label", yes_no(s, req, t.is_public)},
  };
}

mstch::map tool_data(const Services& s, const Request& req, const auth::Membership& m,
                     const core::Tool& t) {
  mstch::array links;
  for (const auto& l : t.links) links.push_back(mstch::map{{"url", l}});
  const core::Date today = today_in(s.clock, m.org.time_zone);
  const auto state = core::review_state(t.phase, t.next_review, today);
  mstch::map d{
      {"id", std::to_string(t.id.value)},
      {"url", tool_url(m, t.id)},
      {"version", std::to_string(t.version)},
      {"name", t.name},
      {"vendor", or_unknown(s, req, t.vendor)},
      {"purpose", or_unknown(s, req, t.purpose)},
      {"target_groups", or_unknown(s, req, t.target_groups)},
      {"hosting", t.hosting ? tr(s, req, std::string("tools.hosting.") + core::hosting_name(*t.hosting))
                            : tr(s, req, "tools.value.unknown")},
      {"openness", t.openness
                       ? tr(s, req, std::string("tools.openness.") + core::openness_name(*t.openness))
                       : tr(s, req, "tools.value.unknown")},
      {"data_processed", or_unknown(s, req, t.data_processed)},
      {"personal_data", tr(s, req, core::data_answer_label_key(t.personal_data))},
      {"special_categories", tr(s, req, core::data_answer_label_key(core::special_categories_answer(t)))},
      {"affected_users", or_unknown(s, req, t.affected_users)},
      {"affected_non_users", or_unknown(s, req, t.affected_non_users)},
      {"affected_groups", or_unknown(s, req, t.affected_groups)},
      {"cost", or_unknown(s, req, t.cost)},
      {"contact", or_unknown(s, req, t.contact)},
      {"links", links},
      {"has_links", !links.empty()},
      {"phase", std::string(core::phase_name(t.phase))},
      {"phase_label", phase_label(s, req, t.phase)},
      {"next_review", t.next_review ? t.next_review->str() : std::string()},
      {"has_next_review", t.next_review.has_value()},
      {"review_state", std::string(core::review_state_name(state))},
      {"review_state_label", review_state_label(s, req, state)},
      {"is_public", t.is_public},
      {"public_label", yes_no(s, req, t.is_public)},
      {"public_summary", or_unknown(s, req, t.public_summary)},
      {"human_oversight", or_unknown(s, req, t.human_oversight)},
      {"risks", or_unknown(s, req, t.risks)},
      {"is_terminal", core::is_terminal(t.phase)},
  };
  return d;
}

mstch::array principle_notes_data(const Services& s, const Request& req,
                                  const std::vector<core::PrincipleNote>& notes) {
  mstch::array out;
  for (const auto& n : notes) {
    out.push_back(mstch::map{{"number", std::to_string(n.principle)},
                             {"name", principle_name(s, req, n.principle)},
                             {"how", n.how}});
  }
  return out;
}

mstch::array timeline_data(const Services& s, const Request& req,
                           const std::vector<core::Decision>& decisions) {
  mstch::array out;
  for (const auto& d : decisions) {
    mstch::array red_lines;
    for (const auto& c : d.red_lines) red_lines.push_back(mstch::map{{"text", c.text}});
    mstch::array principles = principle_notes_data(s, req, d.principles);
    out.push_back(mstch::map{
        {"is_decision", true},
        {"id", std::to_string(d.id.value)},
        {"date", d.decided_on.str()},
        {"kind_label", kind_label(s, req, d.kind)},
        {"from_label", phase_label(s, req, d.from)},
        {"to_label", phase_label(s, req, d.to)},
        {"rationale", d.rationale},
        {"decided_by", d.decided_by},
        {"has_principles", !principles.empty()},
        {"principles", principles},
        {"has_red_lines", !red_lines.empty()},
        {"red_lines", red_lines},
    });
  }
  return out;
}

bool is_page_error(const core::Error& e) {
  // A storage fault (full, read-only, busy) is said on the form, which keeps the input.
  return e.code == core::ErrorCode::kNotFound || e.code == core::ErrorCode::kInternal ||
         (e.code == core::ErrorCode::kUnavailable && !store::is_storage_fault(e.key));
}

std::optional<Response> export_language(const Services& s, Request& req) {
  const std::string lang = req.query.value("lang");
  if (lang.empty()) return std::nullopt;
  if (lang != "de" && lang != "en") return error_response(s, req, 400, "error.export.lang");
  req.lang = lang;
  return std::nullopt;
}

}  // namespace solipraxis::web::handlers::tool_views
