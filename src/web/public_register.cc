#include "web/public_register.h"

#include "store/orgs.h"
#include "store/store.h"
#include "store/tool_records.h"
#include "store/tools.h"
#include "web/handlers/account/api.h"

namespace solipraxis::web {

using nlohmann::json;

namespace {

json opt_date(const std::optional<core::Date>& d) { return d ? json(d->str()) : json(nullptr); }

json principle_notes(const std::vector<core::PrincipleNote>& notes) {
  json out = json::array();
  for (const auto& n : notes) out.push_back({{"principle", n.principle}, {"how", n.how}});
  return out;
}

// true or false once personal data is answered; null while it is not (format 2).
json special_categories_json(const core::Tool& t) {
  const core::DataAnswer a = core::special_categories_answer(t);
  return a == core::DataAnswer::kUnknown ? json(nullptr) : json(a == core::DataAnswer::kYes);
}

json entry_json(const core::PublicToolEntry& e, const std::string& reg_url) {
  const core::Tool& t = e.tool;
  json decisions = json::array();
  for (const auto& d : e.decisions) {
    decisions.push_back({{"kind", core::decision_kind_name(d.kind)},
                         {"from", core::phase_name(d.from)},
                         {"to", core::phase_name(d.to)},
                         {"decided_on", d.decided_on.str()},
                         {"principles", principle_notes(d.principles)}});
  }
  json non_use = nullptr;
  if (e.non_use) {
    non_use = {{"decided_on", e.non_use->decided_on.str()},
               {"from", core::phase_name(e.non_use->from)},
               {"rationale", e.non_use->rationale},
               {"principles", principle_notes(e.non_use->principles)}};
  }
  return {
      {"id", t.id.value},
      {"url", reg_url + "#tool-" + std::to_string(t.id.value)},
      {"name", t.name},
      {"short_description", t.public_summary},
      {"status", core::phase_name(t.phase)},
      {"purpose", t.purpose},
      {"target_groups", t.target_groups},
      {"impact",
       {{"users", t.affected_users},
        {"non_users", t.affected_non_users},
        {"groups", t.affected_groups}}},
      {"human_oversight", t.human_oversight},
      {"risks_and_mitigations", t.risks},
      {"data",
       {{"description", t.data_processed},
        {"personal_data", core::data_answer_name(t.personal_data)},
        {"special_categories", special_categories_json(t)}}},
      {"supplier", t.vendor},
      {"hosting", t.hosting ? json(core::hosting_name(*t.hosting)) : json(nullptr)},
      {"model_openness", t.openness ? json(core::openness_name(*t.openness)) : json(nullptr)},
      {"contact", t.contact},
      {"links", t.links},
      {"last_review", opt_date(e.last_review)},
      {"next_review", opt_date(t.next_review)},
      {"updated_at", handlers::iso8601(t.updated_at)},
      {"principles_considered", e.principles},
      {"decisions", std::move(decisions)},
      {"non_use", std::move(non_use)},
  };
}

void append_element(std::string& out, std::string_view name, std::string_view text) {
  out += "<";
  out += name;
  out += ">" + xml_escape(text) + "</";
  out += name;
  out += ">\n";
}

// A plain-text body for an Atom entry: the register's fields, one per paragraph.
std::string entry_text(const core::PublicToolEntry& e, const Label& label) {
  const core::Tool& t = e.tool;
  std::string out;
  auto add = [&](std::string_view key, const std::string& value) {
    if (value.empty()) return;
    if (!out.empty()) out += "\n\n";
    out += label(key) + ": " + value;
  };
  add("tools.field.phase", label(std::string("tools.phase.") + core::phase_name(t.phase)));
  add("tools.field.purpose", t.purpose);
  add("tools.field.vendor", t.vendor);
  add("tools.field.human_oversight", t.human_oversight);
  add("tools.field.risks", t.risks);
  add("tools.field.data_processed", t.data_processed);
  add("tools.field.personal_data", label(core::data_answer_label_key(t.personal_data)));
  add("tools.field.special_categories",
      label(core::data_answer_label_key(core::special_categories_answer(t))));
  if (e.non_use) add("register.field.reasons", e.non_use->rationale);
  add("register.field.last_review", e.last_review ? e.last_review->str() : "");
  add("tools.field.next_review", t.next_review ? t.next_review->str() : "");
  return out;
}

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default: {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') break;  // not allowed in XML 1.0
        out += c;
      }
    }
  }
  return out;
}

core::Result<PublicRegister> load_public_register(store::Store& store, const store::Org& org) {
  PublicRegister reg;
  reg.org = org;
  store::ToolFilter filter;
  filter.is_public = true;
  auto tools = store::all_tools(store.tools(), org.id, filter);
  if (!tools) return tools.error();
  auto records = store::tool_records(store.tools(), org.id, std::move(tools).value());
  if (!records) return records.error();
  for (core::ToolRecord& r : *records) {
    if (auto e = core::public_entry(r.tool, std::move(r.decisions))) {
      reg.entries.push_back(std::move(*e));
    }
  }
  reg.updated_at = core::register_updated_at(reg.entries, org.created_at);
  return reg;
}

std::string register_url(std::string_view base_url, const store::Org& org) {
  return std::string(base_url) + "/p/" + org.slug + "/register";
}

json public_register_json(const PublicRegister& reg, std::string_view base_url,
                          core::UnixTime now) {
  const std::string url = register_url(base_url, reg.org);
  json tools = json::array();
  for (const auto& e : reg.entries) tools.push_back(entry_json(e, url));
  return {{"format", "solipraxis-public-register"},
          {"format_version", 2},
          {"organisation", {{"slug", reg.org.slug}, {"name", reg.org.name}, {"register_url", url}}},
          {"generated_at", handlers::iso8601(now)},
          {"updated_at", handlers::iso8601(reg.updated_at)},
          {"tools", std::move(tools)}};
}

std::string public_register_atom(const PublicRegister& reg, std::string_view base_url,
                                 std::string_view lang, const Label& label) {
  const std::string url = register_url(base_url, reg.org);
  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
  out += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"" + xml_escape(lang) + "\">\n";
  append_element(out, "title", reg.org.name + ": " + label("register.heading"));
  append_element(out, "id", url);
  append_element(out, "updated", handlers::iso8601(reg.updated_at));
  out +=
      "<link rel=\"self\" type=\"application/atom+xml\" href=\"" + xml_escape(url) + ".atom\"/>\n";
  out += "<link rel=\"alternate\" type=\"text/html\" href=\"" + xml_escape(url) + "\"/>\n";
  out += "<author><name>" + xml_escape(reg.org.name) + "</name></author>\n";
  append_element(out, "generator", "solipraxis");
  for (const auto& e : reg.entries) {
    const std::string link = url + "#tool-" + std::to_string(e.tool.id.value);
    out += "<entry>\n";
    append_element(out, "title", e.tool.name);
    append_element(out, "id", link);
    append_element(out, "updated", handlers::iso8601(e.tool.updated_at));
    append_element(out, "published", handlers::iso8601(e.tool.created_at));
    out += "<link rel=\"alternate\" type=\"text/html\" href=\"" + xml_escape(link) + "\"/>\n";
    if (!e.tool.public_summary.empty()) append_element(out, "summary", e.tool.public_summary);
    out += "<content type=\"text\">" + xml_escape(entry_text(e, label)) + "</content>\n";
    out += "</entry>\n";
  }
  out += "</feed>\n";
  return out;
}

}  // namespace solipraxis::web
