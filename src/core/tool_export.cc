#include "core/tool_export.h"

#include <cctype>
#include <cstdio>
#include <map>

#include "core/json_text.h"

namespace solipraxis::core {
namespace {

using json_text::array;
using json_text::Obj;

std::string opt_json(const char* s, bool present) { return json_text::opt_string(s, present); }
std::string bool_json(bool b) { return json_text::boolean(b); }

const std::map<std::string, std::string, std::less<>>& english() {
  static const std::map<std::string, std::string, std::less<>> kLabels = {
      {"tools.export.decisions", "Decisions"},
      {"tools.export.no_decisions", "No decisions recorded yet."},
      {"tools.export.principles", "Principles"},
      {"tools.export.principle", "Principle"},
      {"tools.export.red_lines_confirmed", "Red lines confirmed as respected"},
      {"tools.export.decided_by", "Decided by"},
      {"tools.export.register_title", "AI tool register"},
      {"tools.export.no_tools", "No tools recorded."},
      {"tools.field.name", "Name"},
      {"tools.field.vendor", "Vendor or project"},
      {"tools.field.purpose", "Purpose"},
      {"tools.field.target_groups", "Target groups"},
      {"tools.field.hosting", "Hosting"},
      {"tools.field.openness", "Model openness"},
      {"tools.field.data_processed", "Data processed"},
      {"tools.field.personal_data", "Personal data"},
      {"tools.field.special_categories", "Special categories of personal data"},
      {"tools.field.affected_users", "Affected: users"},
      {"tools.field.affected_non_users", "Affected: non-users"},
      {"tools.field.affected_groups", "Affected: groups"},
      {"tools.field.cost", "Cost"},
      {"tools.field.contact", "Contact person"},
      {"tools.field.links", "Links"},
      {"tools.field.phase", "Phase"},
      {"tools.field.next_review", "Next review"},
      {"tools.field.public", "In the public register"},
      {"tools.field.public_summary", "Short public description"},
      {"tools.field.human_oversight", "Human oversight"},
      {"tools.field.risks", "Risks and mitigations"},
      {"tools.hosting.vendor_cloud", "Vendor cloud"},
      {"tools.hosting.eu_cloud", "EU cloud"},
      {"tools.hosting.self_hosted", "Self-hosted"},
      {"tools.hosting.on_device", "On device"},
      {"tools.openness.closed", "Closed"},
      {"tools.openness.open_weights", "Open weights"},
      {"tools.openness.open_source", "Open source"},
      {"tools.phase.idea", "Idea"},
      {"tools.phase.selection", "Selection"},
      {"tools.phase.pilot", "Pilot"},
      {"tools.phase.in_use", "In use"},
      {"tools.phase.evaluation", "Evaluation"},
      {"tools.phase.retired", "Retired"},
      {"tools.phase.rejected", "Not used (decided)"},
      {"tools.kind.explore", "Explore"},
      {"tools.kind.pilot", "Start a pilot"},
      {"tools.kind.adopt", "Adopt"},
      {"tools.kind.evaluate", "Evaluate"},
      {"tools.kind.continue", "Continue use"},
      {"tools.kind.retire", "Retire"},
      {"tools.kind.reject", "Decide not to use"},
      {"tools.value.yes", "yes"},
      {"tools.value.no", "no"},
      {"tools.value.unknown", "not known yet"},
      {"tools.value.not_answered", "not answered yet"},
      {"tools.export.sheet.tools", "Tools"},
      {"tools.export.sheet.decisions", "Decisions"},
      {"tools.export.sheet.red_lines", "Red lines"},
      {"tools.export.column.id", "No."},
      {"tools.export.column.tool", "Tool"},
      {"tools.export.column.decided_on", "Date"},
      {"tools.export.column.kind", "Decision"},
      {"tools.export.column.from", "From phase"},
      {"tools.export.column.to", "To phase"},
      {"tools.export.column.rationale", "Rationale"},
      {"tools.export.column.last_decision", "Latest decision"},
      {"tools.export.column.last_decided_on", "Date of the latest decision"},
      {"tools.export.column.last_rationale", "Rationale of the latest decision"},
      {"tools.export.column.created", "Created on"},
      {"tools.red_lines.text", "Red line"},
      {"tools.red_lines.status", "Status"},
      {"tools.red_lines.active", "active"},
      {"tools.red_lines.inactive", "deactivated"},
  };
  return kLabels;
}

std::string key(std::string_view prefix, std::string_view name) {
  return std::string(prefix) + std::string(name);
}

void md_field(std::string& out, const Translate& t, std::string_view field,
              const std::string& value_md) {
  if (value_md.empty()) return;
  out += "- **" + t(key("tools.field.", field)) + ":** " + value_md + "\n";
}

void md_text(std::string& out, const Translate& t, std::string_view field,
             const std::string& text) {
  if (text.empty()) return;
  // Multi-line text continues indented under its list item.
  std::string v = markdown_escape(text);
  std::string indented;
  for (char c : v) {
    indented += c;
    if (c == '\n') indented += "  ";
  }
  md_field(out, t, field, indented);
}

std::string yes_no(const Translate& t, bool b) { return t(b ? "tools.value.yes" : "tools.value.no"); }

}  // namespace

std::string english_label(std::string_view k) {
  const auto it = english().find(k);
  return it == english().end() ? std::string(k) : it->second;
}

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '<': out += "\\u003c"; break;
      case '>': out += "\\u003e"; break;
      case '&': out += "\\u0026"; break;
      default:
        if (u < 0x20 || u == 0x7F) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", u);
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

namespace {

// True if s[i] ('&') starts what a Markdown reader takes for an entity (&amp; &#38;).
bool entity_at(std::string_view s, std::size_t i) {
  std::size_t j = i + 1;
  while (j < s.size() && j - i <= 32 &&
         (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '#')) {
    ++j;
  }
  return j > i + 1 && j < s.size() && s[j] == ';';
}

}  // namespace

std::string markdown_escape(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '&' && !entity_at(s, i)) {  // "Erwartungen & Ziele" stays as it reads
      out += c;
      continue;
    }
    switch (c) {
      case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>':
      case '&': case '|': case '#': case '!':
        out += '\\';
        out += c;
        break;
      case '\r': break;
      default: out += c;
    }
  }
  return out;
}

std::string tool_json(const Tool& t) {
  return Obj()
      .num("id", t.id.value)
      .str("name", t.name)
      .str("vendor", t.vendor)
      .str("purpose", t.purpose)
      .str("target_groups", t.target_groups)
      .raw("hosting", opt_json(t.hosting ? hosting_name(*t.hosting) : "", t.hosting.has_value()))
      .raw("openness",
           opt_json(t.openness ? openness_name(*t.openness) : "", t.openness.has_value()))
      .str("data_processed", t.data_processed)
      .str("personal_data", data_answer_name(t.personal_data))
      .raw("special_categories", bool_json(t.special_categories))
      .str("affected_users", t.affected_users)
      .str("affected_non_users", t.affected_non_users)
      .str("affected_groups", t.affected_groups)
      .str("cost", t.cost)
      .str("contact", t.contact)
      .raw("links", array(t.links, [](const std::string& l) { return json_string(l); }))
      .str("phase", phase_name(t.phase))
      .raw("next_review",
           t.next_review ? json_string(t.next_review->str()) : std::string("null"))
      .raw("public", bool_json(t.is_public))
      .str("public_summary", t.public_summary)
      .str("human_oversight", t.human_oversight)
      .str("risks", t.risks)
      .num("version", t.version)
      .num("created_at", t.created_at)
      .num("updated_at", t.updated_at)
      .done();
}

std::string decision_json(const Decision& d) {
  return Obj()
      .num("id", d.id.value)
      .num("tool_id", d.tool_id.value)
      .str("kind", decision_kind_name(d.kind))
      .str("from", phase_name(d.from))
      .str("to", phase_name(d.to))
      .str("rationale", d.rationale)
      .raw("principles", array(d.principles,
                                    [](const PrincipleNote& n) {
                                      return Obj().num("principle", n.principle).str("how", n.how).done();
                                    }))
      .str("decided_by", d.decided_by)
      .str("decided_on", d.decided_on.str())
      .raw("red_lines_confirmed",
           array(d.red_lines,
                      [](const RedLineConfirmation& c) {
                        return Obj().num("id", c.red_line.value).str("text", c.text).done();
                      }))
      .num("created_at", d.created_at)
      .done();
}

std::string tool_record_json(const ToolRecord& r) {
  std::string tool = tool_json(r.tool);
  tool.pop_back();  // reopen the object to append the decisions
  return tool + ",\"decisions\":" + array(r.decisions, decision_json) + "}";
}

std::string register_json(const std::vector<ToolRecord>& records) {
  return "{\"tools\":" + array(records, tool_record_json) + "}";
}

std::string tool_markdown(const ToolRecord& r, const Translate& t) {
  const Tool& tool = r.tool;
  std::string out = "## " + markdown_escape(tool.name) + "\n\n";
  md_field(out, t, "phase", t(key("tools.phase.", phase_name(tool.phase))));
  if (tool.next_review) md_field(out, t, "next_review", tool.next_review->str());
  md_text(out, t, "vendor", tool.vendor);
  md_text(out, t, "purpose", tool.purpose);
  md_text(out, t, "target_groups", tool.target_groups);
  md_field(out, t, "hosting",
           tool.hosting ? t(key("tools.hosting.", hosting_name(*tool.hosting)))
                        : t("tools.value.unknown"));
  md_field(out, t, "openness",
           tool.openness ? t(key("tools.openness.", openness_name(*tool.openness)))
                         : t("tools.value.unknown"));
  md_text(out, t, "data_processed", tool.data_processed);
  md_field(out, t, "personal_data", t(data_answer_label_key(tool.personal_data)));
  md_field(out, t, "special_categories", t(data_answer_label_key(special_categories_answer(tool))));
  md_text(out, t, "affected_users", tool.affected_users);
  md_text(out, t, "affected_non_users", tool.affected_non_users);
  md_text(out, t, "affected_groups", tool.affected_groups);
  md_text(out, t, "cost", tool.cost);
  md_text(out, t, "contact", tool.contact);
  md_text(out, t, "human_oversight", tool.human_oversight);
  md_text(out, t, "risks", tool.risks);
  md_field(out, t, "public", yes_no(t, tool.is_public));
  md_text(out, t, "public_summary", tool.public_summary);
  if (!tool.links.empty()) {
    out += "- **" + t("tools.field.links") + ":**\n";
    for (const auto& l : tool.links) out += "  - <" + l + ">\n";
  }
  out += "\n### " + t("tools.export.decisions") + "\n\n";
  if (r.decisions.empty()) out += t("tools.export.no_decisions") + "\n";
  for (const auto& d : r.decisions) {
    out += "#### " + d.decided_on.str() + ": " + t(key("tools.kind.", decision_kind_name(d.kind))) +
           " (" + t(key("tools.phase.", phase_name(d.from))) + " → " +
           t(key("tools.phase.", phase_name(d.to))) + ")\n\n";
    out += markdown_escape(d.rationale) + "\n\n";
    out += "- **" + t("tools.export.decided_by") + ":** " + markdown_escape(d.decided_by) + "\n";
    for (const auto& n : d.principles) {
      out += "- **" + t("tools.export.principle") + " " + std::to_string(n.principle) + ":** " +
             markdown_escape(n.how) + "\n";
    }
    if (!d.red_lines.empty()) {
      out += "- **" + t("tools.export.red_lines_confirmed") + ":**\n";
      for (const auto& c : d.red_lines) out += "  - " + markdown_escape(c.text) + "\n";
    }
    out += "\n";
  }
  return out;
}

std::string register_markdown(std::string_view org_name, const std::vector<ToolRecord>& records,
                              const Translate& t) {
  std::string out = "# " + t("tools.export.register_title") + ": " + markdown_escape(org_name) +
                    "\n\n";
  if (records.empty()) out += t("tools.export.no_tools") + "\n";
  for (const auto& r : records) out += tool_markdown(r, t) + "\n";
  return out;
}

}  // namespace solipraxis::core
