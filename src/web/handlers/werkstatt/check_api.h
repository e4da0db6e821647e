// JSON API of the solidary prompt checker: check a text (the same finding
// objects as `solipraxis check --format json`, see text/report_json.h) and the
// org's checker settings. Auth as everywhere under /api/ (web/auth/auth.h):
// session cookie + X-CSRF-Token on writes, or `Authorization: Bearer`.
// Described in web/static/openapi.json; keep both in step.
#pragma once

#include "web/auth/auth.h"

namespace solipraxis::web::handlers {

// POST /api/v1/check {text, lang?, style?, prompt?, plain?, inclusive?, stats?}
// -> {lang, findings, findings_total, truncated[, stats]}: at most kMaxApiFindings
// findings (the first by offset), with their total. Needs a signed-in caller (no
// open CPU endpoint); 503 with Retry-After while every check slot is busy.
Response api_check(auth::Auth& auth, Request& req);
// POST /api/v1/orgs/{org}/check: the same, with the org's style default,
// accepted words and flagged terms. Members.
Response api_org_check(auth::Auth& auth, Request& req);
// GET /api/v1/orgs/{org}/checker-settings (members), PUT (editors and owners):
// {role, values, sector, style, accepted_words, org_terms, updated_at}; a PUT
// without org_terms keeps the stored terms, other absent members take defaults.
Response api_checker_settings(auth::Auth& auth, Request& req);
Response api_put_checker_settings(auth::Auth& auth, Request& req);

}  // namespace solipraxis::web::handlers
