// Rendering helpers for handlers: pages in the base layout and errors in the
// person's language (HTML for browsers, the JSON error shape under /api/).
//
// render() gives every page template these names, besides the handler's data:
//   lang         "de" / "en", for <html lang>
//   t            all messages of that language: {{t.layout.skip_link}}, bound into
//                the templates once at start (Templates::bind_messages), so "t" is
//                reserved: no page data or list item may use that name
//   title        the handler's data["title"] (already translated), else t.layout.app_name
//   csrf_token   the session's CSRF token for forms ("" until sign-in exists):
//                <input type="hidden" name="csrf_token" value="{{csrf_token}}">
//   path         the current path; back  the current target (path + query)
//   languages    [{code, label, url, current, resubmit, action, fields, form_switch,
//                form_id}] for the language switch: links, or on the answer to a POST
//                forms that send the same input again in the other language. A page
//                with a form being filled in names it in `switch_form` (its id): the
//                switch then submits that form as typed, and the form's handler must
//                show it again unsaved when Request::language_switch. A page that shows
//                something only once (a new token) adds `lang_fields` [{name, value}]
//                so that its handler can show it again (Request::language_switch).
// A page template starts with {{> layout_top}} and ends with {{> layout_bottom}}.
#pragma once

#include <string>
#include <string_view>

#include <mstch/mstch.hpp>

#include "core/result.h"
#include "web/app.h"
#include "web/http.h"

namespace solipraxis::web {

// The message for `key` in the request's language.
const std::string& tr(const Services& s, const Request& req, std::string_view key);

// Renders template `name` (e.g. "pages/home") with `data` and the names above.
// A missing template is a programming error: it becomes a 500 page.
Response render(const Services& s, const Request& req, std::string_view name, mstch::map data,
                int status = 200);

// An error answer: under /api/ {"error":{"code","message"}} with the message in
// the request's language, else the "error" page. `code` defaults to a name
// derived from the status ("not_found", "method_not_allowed", ...).
Response error_response(const Services& s, const Request& req, int status,
                        std::string_view message_key, std::string_view code = {});
// The same for an expected failure from a lower layer (status from its code).
Response error_response(const Services& s, const Request& req, const core::Error& error);

// A download: `body` as `type`, saved as `filename` (ASCII, no quotes) by the browser.
Response attachment(std::string body, std::string_view type, const std::string& filename);

// The default message key and code for an HTTP error status.
std::string_view error_key_for(int status);
std::string_view error_code_for(int status);

}  // namespace solipraxis::web
