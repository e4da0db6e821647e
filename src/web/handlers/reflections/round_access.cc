#include "web/handlers/reflections/round_access.h"

#include <charconv>

#include "web/handlers/catalog/catalog_store.h"
#include "web/handlers/reflections/author.h"
#include "web/handlers/tools/tools_api.h"
#include "web/page.h"

namespace solipraxis::web::handlers::reflections {

std::optional<std::int64_t> parse_round_id(std::string_view s) {
  std::int64_t v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || v <= 0) return std::nullopt;
  return v;
}

core::Result<Form> round_form(const Services& s, const catalog_store::OrgCatalogView& view,
                              const store::ReflectionRound& round) {
  const cat::Catalog* c = s.catalog ? s.catalog->at(round.catalog_version) : nullptr;
  if (!c) {
    return core::make_error(core::ErrorCode::kNotFound, "reflections.error.template_unknown",
                            "catalog version " + std::to_string(round.catalog_version));
  }
  return build_form(*c, &view, round.template_id);
}

core::Result<Form> round_form(Services& s, core::OrgId org, const store::ReflectionRound& round) {
  auto view = catalog_store::load_org_catalog(s.store, org);
  if (!view) return view.error();
  return round_form(s, *view, round);
}

Response failure(auth::Auth& auth, const Request& req, const core::Error& e) {
  return req.is_api() ? api_failure(auth.services(), req, e)
                      : error_response(auth.services(), req, e);
}

auth::Access<RoundContext> round_context(auth::Auth& auth, const Request& req) {
  auto m = auth.require_member(req, req.param("org"));
  if (!m) return m.response();
  const auto id = parse_round_id(req.param("round"));
  if (!id) return auth.error(req, 404, "reflections.error.round_not_found");
  Services& s = auth.services();
  auto round = s.store.reflections().round(m->org.id, *id);
  if (!round) return failure(auth, req, round.error());
  auto form = round_form(s, m->org.id, *round);
  if (!form) return failure(auth, req, form.error());
  store::Author author = author_for(auth.options().link_key, *round, m->user.id);
  return RoundContext{*m, std::move(*round), std::move(*form), std::move(author)};
}

}  // namespace solipraxis::web::handlers::reflections
