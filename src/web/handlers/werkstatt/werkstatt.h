// The Prompt-Werkstatt for members of an org: check a text or prompt with the
// solidary prompt checker (findings marked in place, suggestions to accept),
// compose a solidary prompt from task, audience, language level and the org's
// saved context, and the org's checker settings. Server-rendered, plain POST
// forms: everything works without JavaScript. solipraxis calls no AI model.
#pragma once

#include "web/auth/auth.h"

namespace solipraxis::web::handlers {

Response werkstatt_page(auth::Auth& auth, Request& req);     // GET  /o/{org}/werkstatt
Response werkstatt_check(auth::Auth& auth, Request& req);    // POST /o/{org}/werkstatt/check
Response werkstatt_compose(auth::Auth& auth, Request& req);  // POST /o/{org}/werkstatt/compose
// GET /o/{org}/werkstatt/settings (members read, editors and owners edit), POST saves.
Response werkstatt_settings_page(auth::Auth& auth, Request& req);
Response werkstatt_settings_save(auth::Auth& auth, Request& req);

}  // namespace solipraxis::web::handlers
