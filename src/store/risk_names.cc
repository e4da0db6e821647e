#include "store/risk_names.h"

#include "store/orgs.h"
#include "store/personas.h"
#include "store/tool_records.h"
#include "store/tools.h"

namespace solipraxis::store {

Result<RiskNameBook> load_risk_names(Store& store, OrgId org) {
  RiskNameBook book;
  auto personas = store.personas().list(org);
  if (!personas) return personas.error();
  for (const auto& p : *personas) book.personas[p.id.value] = p.name;
  auto members = store.orgs().members(org);
  if (!members) return members.error();
  for (const auto& m : *members) {
    book.members[m.user.id.value] = m.user.name.empty() ? m.user.email : m.user.name;
  }
  auto tools = all_tools(store.tools(), org);
  if (!tools) return tools.error();
  for (const auto& t : *tools) book.tools[t.id.value] = t.name;
  return book;
}

}  // namespace solipraxis::store
