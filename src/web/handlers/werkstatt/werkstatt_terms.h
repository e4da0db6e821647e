// The "terms we avoid" part of the Werkstatt settings form (werkstatt_settings.cc):
// one row of three fields per term (term, suggestions separated by ";", note),
// a "remove" box on filled rows and kBlankTermRows empty rows to add terms.
// Works without JavaScript; a refused term is shown at its own row and field.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "store/checker.h"
#include "web/app.h"
#include "web/http.h"
#include "web/page.h"

namespace solipraxis::web::handlers {

inline constexpr std::size_t kBlankTermRows = 3;

struct TermRow {
  std::string term;
  std::string suggestions;  // as typed: "Geflüchtete; Menschen mit Fluchterfahrung"
  std::string message;
  bool remove = false;
};

// The stored terms as rows, followed by the blank rows.
std::vector<TermRow> term_rows(const std::vector<store::CheckerTerm>& terms);

// The rows as submitted (fields "term", "suggestions", "message", "remove" = row index).
std::vector<TermRow> term_rows_from_form(const Params& form);

// The terms to store: every row not ticked for removal, in order (the store
// drops blank ones). row_of[i] is the row of the i-th term.
std::vector<store::CheckerTerm> terms_to_save(const std::vector<TermRow>& rows,
                                              std::vector<std::size_t>* row_of);

// Where the store refused a term: its index in what was saved and the field
// ("term", "suggestions", "message"), from the error's detail (store.h).
struct TermFault {
  std::size_t index = 0;
  std::string field;
};
std::optional<TermFault> term_fault(const core::Error& e);

// Template data of the editable rows; `fault_row` marks the refused row and field.
mstch::array term_rows_data(const Services& s, const Request& req, const std::vector<TermRow>& rows,
                            std::optional<std::size_t> fault_row, std::string_view fault_field,
                            std::string_view error_text);

// Template data of the read-only list for members.
mstch::array terms_read_only(const std::vector<store::CheckerTerm>& terms);

}  // namespace solipraxis::web::handlers
