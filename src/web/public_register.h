// The public transparency register of one org, as data and as its two machine
// formats: JSON (validated by web/static/public-register.schema.json) and Atom 1.0
// (RFC 4287, one entry per public tool, updated = the tool's last change).
// Contains only tools marked public (core::public_entry); needs no login.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/public_register.h"
#include "core/result.h"
#include "store/orgs.h"
#include "store/store.h"

namespace solipraxis::web {

struct PublicRegister {
  store::Org org;
  std::vector<core::PublicToolEntry> entries;  // by tool id
  core::UnixTime updated_at = 0;               // latest change, or the org's creation
};

// Reads every public tool of `org` and its decisions.
core::Result<PublicRegister> load_public_register(store::Store& store, const store::Org& org);

// `base_url` is "http(s)://host[:port]" without a trailing slash; links are absolute.
std::string register_url(std::string_view base_url, const store::Org& org);
nlohmann::json public_register_json(const PublicRegister& reg, std::string_view base_url,
                                    core::UnixTime now);

// Labels come from the message catalog of the feed's language.
using Label = std::function<std::string(std::string_view key)>;
std::string public_register_atom(const PublicRegister& reg, std::string_view base_url,
                                 std::string_view lang, const Label& label);

// XML text/attribute escaping; drops characters XML 1.0 does not allow.
std::string xml_escape(std::string_view text);

}  // namespace solipraxis::web
