#include "web/tool_input.h"

#include <set>
#include <string_view>

namespace solipraxis::web {

using core::ErrorCode;
using core::make_error;
using nlohmann::json;

namespace {

core::Error type_error(std::string_view field, std::string_view want) {
  return make_error(ErrorCode::kInvalidInput, "error.api.field_type",
                    std::string(field) + ": must be " + std::string(want));
}

core::Status read_string(const json& v, std::string_view field, std::string& out) {
  if (!v.is_string()) return type_error(field, "a string");
  out = v.get<std::string>();
  return {};
}

core::Status read_bool(const json& v, std::string_view field, bool& out) {
  if (!v.is_boolean()) return type_error(field, "true or false");
  out = v.get<bool>();
  return {};
}

// "yes", "no" or "unknown". For clients written against the old boolean field,
// true is "yes" and false is "no": a client that sends false states an answer
// (unlike an unticked box). null is refused: send "unknown" to withdraw one.
core::Status read_data_answer(const json& v, std::string_view field, core::DataAnswer& out) {
  if (v.is_boolean()) {
    out = v.get<bool>() ? core::DataAnswer::kYes : core::DataAnswer::kNo;
    return {};
  }
  if (!v.is_string()) return type_error(field, "\"yes\", \"no\" or \"unknown\"");
  auto a = core::parse_data_answer(v.get<std::string>());
  if (!a)
    return make_error(ErrorCode::kInvalidInput, a.error().key,
                      std::string(field) + ": " + a.error().detail);
  out = *a;
  return {};
}

core::Status read_date(const json& v, std::string_view field, std::optional<core::Date>& out) {
  if (v.is_null()) {
    out.reset();
    return {};
  }
  if (!v.is_string()) return type_error(field, "a date \"YYYY-MM-DD\" or null");
  auto d = core::Date::parse(v.get<std::string>());
  if (!d)
    return make_error(ErrorCode::kInvalidInput, d.error().key,
                      std::string(field) + ": " + d.error().detail);
  out = *d;
  return {};
}

template <typename E>
core::Status read_enum(const json& v, std::string_view field, std::optional<E>& out,
                       core::Result<E> (*parse)(std::string_view)) {
  if (v.is_null()) {
    out.reset();
    return {};
  }
  if (!v.is_string()) return type_error(field, "a string or null");
  auto e = parse(v.get<std::string>());
  if (!e)
    return make_error(ErrorCode::kInvalidInput, e.error().key,
                      std::string(field) + ": " + e.error().detail);
  out = *e;
  return {};
}

// One entry of "principles": exactly {principle: 1..8, how: text}. An
// explanation without a principle number, or a key we do not know (such as
// "selected": false), would otherwise be dropped without a word.
core::Status check_principle_entry(const json& p) {
  if (!p.is_object()) return type_error("principles", "an array of {principle: 1..8, how: text}");
  for (const auto& [k, unused] : p.items()) {
    if (k != "principle" && k != "how") {
      return make_error(ErrorCode::kInvalidInput, "error.api.unknown_field",
                        "principles." + k +
                            ": unknown field; an entry is {principle: 1..8, how: text}");
    }
  }
  const bool numbered = p.contains("principle") && !p["principle"].is_null();
  if (!numbered && p.contains("how")) {
    return make_error(ErrorCode::kInvalidInput, "tools.error.principle_how_unticked",
                      "principles: an explanation (how) without a principle number; name the "
                      "principle (1 to 8) or leave the text out");
  }
  if (!numbered || !p["principle"].is_number_integer()) {
    return type_error("principles", "an array of {principle: 1..8, how: text}");
  }
  return {};
}

const std::set<std::string_view> kReadOnlyToolFields = {"id",         "phase",      "version",
                                                        "created_at", "updated_at", "decisions"};

}  // namespace

core::Status apply_tool_fields(const json& body, core::Tool& t) {
  if (!body.is_object()) return type_error("body", "a JSON object");
  for (const auto& [key, v] : body.items()) {
    core::Status st;
    if (key == "name")
      st = read_string(v, key, t.name);
    else if (key == "vendor")
      st = read_string(v, key, t.vendor);
    else if (key == "purpose")
      st = read_string(v, key, t.purpose);
    else if (key == "target_groups")
      st = read_string(v, key, t.target_groups);
    else if (key == "data_processed")
      st = read_string(v, key, t.data_processed);
    else if (key == "affected_users")
      st = read_string(v, key, t.affected_users);
    else if (key == "affected_non_users")
      st = read_string(v, key, t.affected_non_users);
    else if (key == "affected_groups")
      st = read_string(v, key, t.affected_groups);
    else if (key == "cost")
      st = read_string(v, key, t.cost);
    else if (key == "contact")
      st = read_string(v, key, t.contact);
    else if (key == "public_summary")
      st = read_string(v, key, t.public_summary);
    else if (key == "human_oversight")
      st = read_string(v, key, t.human_oversight);
    else if (key == "risks")
      st = read_string(v, key, t.risks);
    else if (key == "personal_data")
      st = read_data_answer(v, key, t.personal_data);
    else if (key == "special_categories")
      st = read_bool(v, key, t.special_categories);
    else if (key == "public")
      st = read_bool(v, key, t.is_public);
    else if (key == "next_review")
      st = read_date(v, key, t.next_review);
    else if (key == "hosting")
      st = read_enum<core::Hosting>(v, key, t.hosting, core::parse_hosting);
    else if (key == "openness")
      st = read_enum<core::Openness>(v, key, t.openness, core::parse_openness);
    else if (key == "links") {
      if (!v.is_array()) return type_error(key, "an array of strings");
      std::vector<std::string> links;
      for (const auto& l : v) {
        if (!l.is_string()) return type_error(key, "an array of strings");
        links.push_back(l.get<std::string>());
      }
      t.links = std::move(links);
    } else if (!kReadOnlyToolFields.contains(key)) {
      return make_error(ErrorCode::kInvalidInput, "error.api.unknown_field",
                        key + ": unknown field");
    }
    if (!st) return st;
  }
  return {};
}

core::Result<core::TransitionRequest> parse_transition(const json& body, core::Phase current,
                                                       const std::string& default_decided_by,
                                                       core::Date today) {
  if (!body.is_object()) return type_error("body", "a JSON object");
  core::TransitionRequest r;
  r.decided_by = default_decided_by;
  r.decided_on = today;
  std::optional<core::DecisionKind> kind;
  std::optional<core::Phase> to;
  for (const auto& [key, v] : body.items()) {
    core::Status st;
    if (key == "kind") {
      st = read_enum<core::DecisionKind>(v, key, kind, core::parse_decision_kind);
    } else if (key == "to") {
      st = read_enum<core::Phase>(v, key, to, core::parse_phase);
    } else if (key == "rationale") {
      st = read_string(v, key, r.rationale);
    } else if (key == "decided_by") {
      st = read_string(v, key, r.decided_by);
    } else if (key == "decided_on") {
      std::optional<core::Date> d;
      st = read_date(v, key, d);
      if (st && !d) st = type_error(key, "a date \"YYYY-MM-DD\"");
      if (st) r.decided_on = *d;
    } else if (key == "next_review") {
      st = read_date(v, key, r.next_review);
    } else if (key == "principles") {
      if (!v.is_array()) return type_error(key, "an array of {principle, how}");
      for (const auto& p : v) {
        if (auto ok = check_principle_entry(p); !ok) return ok.error();
        core::PrincipleNote note;
        const auto n = p["principle"].get<std::int64_t>();
        note.principle = n < -1000 || n > 1000 ? -1 : static_cast<int>(n);
        if (p.contains("how")) {
          if (auto s = read_string(p["how"], "principles.how", note.how); !s) return s.error();
        }
        r.principles.push_back(std::move(note));
      }
    } else if (key == "red_lines_confirmed") {
      if (!v.is_array()) return type_error(key, "an array of red line ids");
      for (const auto& id : v) {
        if (!id.is_number_integer()) return type_error(key, "an array of red line ids");
        r.confirmed_red_lines.push_back(core::RedLineId(id.get<std::int64_t>()));
      }
    } else if (key != "version") {
      return make_error(ErrorCode::kInvalidInput, "error.api.unknown_field",
                        key + ": unknown field");
    }
    if (!st) return st.error();
  }
  if (!kind && !to) {
    return make_error(ErrorCode::kInvalidInput, "error.api.kind_required",
                      "kind or to: name the decision or the target phase");
  }
  if (to) {
    auto k = core::decision_kind_between(current, *to);
    if (!k) return k.error();
    if (kind && *kind != *k) {
      return make_error(ErrorCode::kConflict, "tools.error.transition_not_allowed",
                        std::string("kind ") + core::decision_kind_name(*kind) +
                            " does not lead to " + core::phase_name(*to));
    }
    kind = *k;
  }
  r.kind = *kind;
  return r;
}

}  // namespace solipraxis::web
