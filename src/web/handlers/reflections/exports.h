// Exports of reflections (issue 23), linked from the reflection pages:
//   GET /o/{org}/reflections/{round}/mine/export.{md,html,json}  the caller's own reflection
//   GET /o/{org}/reflections/{round}/export.{md,html,json}       the round's team answers
//   GET /o/{org}/tools/{id}/reflections/export.{md,html,json}    every round of a tool
// Members only. .md and .json are downloads, .html is the printable page (print
// CSS, no navigation). Anonymous rounds carry no name or user id (export_model.h);
// a round's team export is 403 like its team view while it is withheld, and in a
// tool's collection such a round appears without answers.
#pragma once

#include "web/auth/auth.h"

namespace solipraxis::web::handlers::reflections {

enum class ExportFormat { kMarkdown, kHtml, kJson };

Response my_reflection_export(auth::Auth& auth, Request& req, ExportFormat format);
Response round_export(auth::Auth& auth, Request& req, ExportFormat format);
Response tool_reflections_export(auth::Auth& auth, Request& req, ExportFormat format);

// The same as route handlers, one per format (routes.cc).
template <ExportFormat F>
Response my_reflection_export_as(auth::Auth& auth, Request& req) {
  return my_reflection_export(auth, req, F);
}
template <ExportFormat F>
Response round_export_as(auth::Auth& auth, Request& req) {
  return round_export(auth, req, F);
}
template <ExportFormat F>
Response tool_reflections_export_as(auth::Auth& auth, Request& req) {
  return tool_reflections_export(auth, req, F);
}

}  // namespace solipraxis::web::handlers::reflections
