#include "web/handlers/werkstatt/werkstatt_terms.h"

#include <algorithm>
#include <charconv>

#include "store/checker.h"
#include "web/handlers/common/params.h"
#include "web/i18n.h"

namespace solipraxis::web::handlers {

namespace {

std::vector<std::string> split_suggestions(std::string_view text) {
  std::vector<std::string> out;
  std::size_t from = 0;
  while (from <= text.size()) {
    const std::size_t semi = std::min(text.find(';', from), text.size());
    out.emplace_back(text.substr(from, semi - from));  // the store trims and drops empty ones
    from = semi + 1;
  }
  return out;
}

}  // namespace

std::vector<TermRow> term_rows(const std::vector<store::CheckerTerm>& terms) {
  std::vector<TermRow> rows;
  for (const auto& t : terms)
    rows.push_back({t.term, joined(t.suggestions, "; "), t.message, false});
  rows.resize(rows.size() + kBlankTermRows);
  return rows;
}

std::vector<TermRow> term_rows_from_form(const Params& form) {
  const auto terms = form.all("term");
  const auto suggestions = form.all("suggestions");
  const auto messages = form.all("message");
  const auto removed = form.all("remove");
  std::vector<TermRow> rows(terms.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    rows[i].term = terms[i];
    if (i < suggestions.size()) rows[i].suggestions = suggestions[i];
    if (i < messages.size()) rows[i].message = messages[i];
  }
  for (const auto& r : removed) {
    std::size_t i = 0;
    auto [ptr, ec] = std::from_chars(r.data(), r.data() + r.size(), i);
    if (ec == std::errc{} && ptr == r.data() + r.size() && i < rows.size()) rows[i].remove = true;
  }
  return rows;
}

std::vector<store::CheckerTerm> terms_to_save(const std::vector<TermRow>& rows,
                                              std::vector<std::size_t>* row_of) {
  std::vector<store::CheckerTerm> out;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].remove) continue;
    out.push_back({rows[i].term, split_suggestions(rows[i].suggestions), rows[i].message});
    row_of->push_back(i);
  }
  return out;
}

std::optional<TermFault> term_fault(const core::Error& e) {
  constexpr std::string_view kPrefix = "org_terms[";
  std::string_view d = e.detail;
  if (!d.starts_with(kPrefix)) return std::nullopt;
  d.remove_prefix(kPrefix.size());
  TermFault f;
  auto [ptr, ec] = std::from_chars(d.data(), d.data() + d.size(), f.index);
  if (ec != std::errc{}) return std::nullopt;
  d.remove_prefix(static_cast<std::size_t>(ptr - d.data()));
  if (!d.starts_with("].")) return std::nullopt;
  d.remove_prefix(2);
  f.field = std::string(d.substr(0, d.find(':')));
  return f;
}

mstch::array term_rows_data(const Services& s, const Request& req, const std::vector<TermRow>& rows,
                            std::optional<std::size_t> fault_row, std::string_view fault_field,
                            std::string_view error_text) {
  mstch::array out;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const TermRow& r = rows[i];
    mstch::map row{{"index", std::to_string(i)},
                   {"legend", format_message(tr(s, req, "check.settings.term_row"),
                                             {{"n", std::to_string(i + 1)}})},
                   {"term", r.term},
                   {"suggestions", r.suggestions},
                   {"message", r.message},
                   {"removable", !r.term.empty()},
                   {"removed", r.remove}};
    // Every key is set on every row: Mustache would otherwise find the page's "error".
    const bool faulty = fault_row == i;
    row.emplace("error", faulty ? std::string(error_text) : std::string());
    for (const char* f : {"term", "suggestions", "message"}) {
      row.emplace(std::string("error_") + f, faulty && fault_field == f);
    }
    out.push_back(std::move(row));
  }
  return out;
}

mstch::array terms_read_only(const std::vector<store::CheckerTerm>& terms) {
  mstch::array out;
  for (const auto& t : terms) {
    out.push_back(mstch::map{{"term", t.term},
                             {"suggestions", joined(t.suggestions, "; ")},
                             {"has_suggestions", !t.suggestions.empty()},
                             {"message", t.message}});
  }
  return out;
}

}  // namespace solipraxis::web::handlers
