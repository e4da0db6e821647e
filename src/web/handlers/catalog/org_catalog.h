// An organisation's own practice catalog, for its members: the base catalog plus the org's own
// questions and resources, without the entries it hid, in its order within each phase; and for
// editors (and owners) the forms to add, edit and delete own entries, hide and show entries and
// move them up and down. Plain HTML forms (POST + CSRF), no JavaScript needed. The JSON API
// mirrors it under /api/v1/orgs/{org}/catalog (web/static/openapi.json). Not a member: 404.
#pragma once

#include "web/auth/auth.h"

namespace solipraxis::web::handlers {

// --- pages ---
// GET /o/{org}/praxis[?q=&phase=&kind=]: the org's catalog; with q, the org's search results.
Response org_praxis(auth::Auth& auth, Request& req);
// GET /o/{org}/praxis/edit (editor+): add form, own entries, every group with move/hide buttons.
Response org_praxis_edit(auth::Auth& auth, Request& req);
// POST /o/{org}/praxis/entries: create an own entry (form fields as OrgCatalogEntry).
Response org_praxis_create(auth::Auth& auth, Request& req);
// GET /o/{org}/praxis/entries/{id}/edit and POST /o/{org}/praxis/entries/{id}: edit one.
Response org_praxis_entry_page(auth::Auth& auth, Request& req);
Response org_praxis_update(auth::Auth& auth, Request& req);
// GET /o/{org}/praxis/entries/{id}/delete (confirmation) and POST (delete).
Response org_praxis_delete_page(auth::Auth& auth, Request& req);
Response org_praxis_delete(auth::Auth& auth, Request& req);
// POST /o/{org}/praxis/hide (entry_id, hidden=1|0) and /o/{org}/praxis/move (entry_id, dir=up|down).
Response org_praxis_hide(auth::Auth& auth, Request& req);
Response org_praxis_move(auth::Auth& auth, Request& req);

// --- JSON API ---
// GET /api/v1/orgs/{org}/catalog?lang=&phase=&kind=&limit=&cursor=: the merged entries.
Response api_org_catalog(auth::Auth& auth, Request& req);
// GET /api/v1/orgs/{org}/catalog/search?q=&phase=&kind=&lang=&limit=
Response api_org_catalog_search(auth::Auth& auth, Request& req);
// GET|POST /api/v1/orgs/{org}/catalog/entries; GET|PUT|DELETE .../entries/{id}
Response api_org_entries(auth::Auth& auth, Request& req);
Response api_org_entry_create(auth::Auth& auth, Request& req);
Response api_org_entry(auth::Auth& auth, Request& req);
Response api_org_entry_update(auth::Auth& auth, Request& req);
Response api_org_entry_delete(auth::Auth& auth, Request& req);
// GET /api/v1/orgs/{org}/catalog/hidden; PUT|DELETE .../hidden/{entry}
Response api_org_hidden(auth::Auth& auth, Request& req);
Response api_org_hide(auth::Auth& auth, Request& req);
Response api_org_unhide(auth::Auth& auth, Request& req);
// PUT /api/v1/orgs/{org}/catalog/order {"phase", "kind", "ids"}: ids = the whole group.
Response api_org_order(auth::Auth& auth, Request& req);

}  // namespace solipraxis::web::handlers
