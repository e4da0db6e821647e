// Reflection exports as files (issue 23): Markdown that reads like the paper's
// template filled in, JSON (the API's representation), and the data of the
// printable HTML page (web/templates/reflections/export_print.mustache). Pure
// functions of an ExportDoc (export_model.h); labels come from a Translate
// callback so the web and the CLI pass their message catalog.
//
// Markdown: catalog and names are escaped (core::markdown_escape); answers stay
// the Markdown people wrote, quoted ("> "), with "<" written as "&lt;" so no
// answer becomes HTML in a Markdown viewer. Anonymous rounds: see export_model.h.
#pragma once

#include <string>

#include <mstch/mstch.hpp>
#include <nlohmann/json.hpp>

#include "core/tool_export.h"
#include "web/handlers/reflections/export_model.h"

namespace solipraxis::web::handlers::reflections {

// How dates and labels read: `lang` "de" | "en", the org's time zone.
struct ExportStyle {
  core::Translate t;
  std::string lang = "de";
  std::string zone = "Europe/Berlin";
};

// One round, or a tool's collection (ExportDoc::collection).
std::string export_markdown(const ExportDoc& doc, const ExportStyle& style);
nlohmann::json export_json(const ExportDoc& doc);
nlohmann::json round_json(const ExportRound& round);
// The page data of the printable HTML (answers rendered by render_markdown).
mstch::map export_print_data(const ExportDoc& doc, const ExportStyle& style);

}  // namespace solipraxis::web::handlers::reflections
