// Message catalogs for the web UI: web/i18n/<lang>.json, flat objects of
// "area.name" -> text, loaded once at start. Lookups fall back to German, then
// to the key itself, so a missing translation shows up visibly but never fails.
// Language choice: the user's setting, then the `lang` cookie (language
// switch), then Accept-Language, else German.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <mstch/mstch.hpp>

#include "core/result.h"

namespace solipraxis::web {

inline constexpr std::string_view kDefaultLang = "de";
inline constexpr std::string_view kLangCookie = "lang";
// The form field by which the language switch re-submits a POSTed form.
inline constexpr std::string_view kSwitchLangField = "switch_lang";

class I18n {
 public:
  // Loads every <lang>.json in `dir`; de.json must exist. Errors name the file.
  static core::Result<I18n> load(const std::string& dir);
  // For tests: catalogs given directly.
  static I18n from_maps(std::map<std::string, std::map<std::string, std::string, std::less<>>,
                                 std::less<>> catalogs);

  // The text for `key` in `lang`, else in German, else the key.
  const std::string& t(std::string_view lang, std::string_view key) const;
  bool supports(std::string_view lang) const;
  const std::vector<std::string>& languages() const { return languages_; }  // sorted
  // Keys as nested objects for templates: "layout.skip_link" becomes
  // {{t.layout.skip_link}}. Built once per language at load.
  const mstch::map& template_map(std::string_view lang) const;
  // {"t": template_map(lang)}: the outermost scope of every page, shared by all
  // renders (never copied per request).
  const mstch::node& template_scope(std::string_view lang) const;

 private:
  using Catalog = std::map<std::string, std::string, std::less<>>;
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  // Per language its catalog over German's, so that t() is one hash lookup.
  using Messages = std::unordered_map<std::string, std::string, Hash, std::equal_to<>>;
  std::map<std::string, Catalog, std::less<>> catalogs_;
  std::map<std::string, Messages, std::less<>> messages_;
  std::map<std::string, mstch::node, std::less<>> template_scopes_;
  std::vector<std::string> languages_;
  void build();
};

// Picks the UI language (see the header comment). Unsupported values are skipped.
std::string negotiate_language(const I18n& i18n, std::string_view user_setting,
                               std::string_view cookie, std::string_view accept_language);

// "Hallo {name}" with {{"name","Ada"}} -> "Hallo Ada". Unknown placeholders stay.
std::string format_message(std::string_view text,
                           const std::map<std::string, std::string, std::less<>>& args);

}  // namespace solipraxis::web
