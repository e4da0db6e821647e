#include "web/i18n.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace solipraxis::web {

namespace fs = std::filesystem;
using core::ErrorCode;
using core::make_error;

core::Result<I18n> I18n::load(const std::string& dir) {
  std::map<std::string, Catalog, std::less<>> catalogs;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
    const std::string lang = entry.path().stem().string();
    std::ifstream in(entry.path());
    std::stringstream ss;
    ss << in.rdbuf();
    const auto doc = nlohmann::json::parse(ss.str(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
      return make_error(ErrorCode::kInvalidInput, "error.i18n.invalid",
                        entry.path().string() + ": not a JSON object");
    }
    Catalog catalog;
    for (const auto& [key, value] : doc.items()) {
      if (!value.is_string()) {
        return make_error(ErrorCode::kInvalidInput, "error.i18n.invalid",
                          entry.path().string() + ": value of " + key + " is not a string");
      }
      catalog.emplace(key, value.get<std::string>());
    }
    catalogs.emplace(lang, std::move(catalog));
  }
  if (ec) {
    return make_error(ErrorCode::kUnavailable, "error.i18n.missing",
                      "cannot read message catalogs in " + dir + ": " + ec.message());
  }
  if (!catalogs.contains(kDefaultLang)) {
    return make_error(ErrorCode::kUnavailable, "error.i18n.missing",
                      "no de.json in " + dir);
  }
  return from_maps(std::move(catalogs));
}

I18n I18n::from_maps(
    std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>> catalogs) {
  I18n i18n;
  i18n.catalogs_ = std::move(catalogs);
  i18n.build();
  return i18n;
}

namespace {

// Inserts `value` at the dotted `key` into nested maps. A key that is also a
// prefix of another ("a.b" and "a.b.c") keeps the deeper one as a map.
void insert_nested(mstch::map& root, std::string_view key, const std::string& value) {
  mstch::map* node = &root;
  std::vector<std::string> parts;
  while (true) {
    const auto dot = key.find('.');
    parts.emplace_back(key.substr(0, dot));
    if (dot == std::string_view::npos) break;
    key.remove_prefix(dot + 1);
  }
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
    auto it = node->find(parts[i]);
    if (it == node->end() || !boost::get<mstch::map>(&it->second)) {
      (*node)[parts[i]] = mstch::map{};
      it = node->find(parts[i]);
    }
    node = boost::get<mstch::map>(&it->second);
  }
  auto it = node->find(parts.back());
  if (it == node->end() || !boost::get<mstch::map>(&it->second)) (*node)[parts.back()] = value;
}

}  // namespace

void I18n::build() {
  languages_.clear();
  template_scopes_.clear();
  messages_.clear();
  const Catalog& fallback = catalogs_[std::string(kDefaultLang)];
  for (const auto& [lang, catalog] : catalogs_) {
    languages_.push_back(lang);
    Messages& messages = messages_[lang];
    messages.insert(catalog.begin(), catalog.end());
    messages.insert(fallback.begin(), fallback.end());  // keeps the language's own
    mstch::map m;
    for (const auto& [key, value] : fallback) insert_nested(m, key, value);
    for (const auto& [key, value] : catalog) insert_nested(m, key, value);
    template_scopes_.emplace(lang, mstch::map{{"t", std::move(m)}});
  }
}

const std::string& I18n::t(std::string_view lang, std::string_view key) const {
  auto m = messages_.find(lang);
  if (m == messages_.end()) m = messages_.find(kDefaultLang);
  if (m != messages_.end()) {
    auto it = m->second.find(key);
    if (it != m->second.end()) return it->second;
  }
  // Unknown key: return it, kept alive in a per-thread slot.
  thread_local std::string missing;
  missing = std::string(key);
  return missing;
}

bool I18n::supports(std::string_view lang) const { return catalogs_.contains(lang); }

const mstch::node& I18n::template_scope(std::string_view lang) const {
  auto it = template_scopes_.find(lang);
  if (it == template_scopes_.end()) it = template_scopes_.find(kDefaultLang);
  return it->second;
}

const mstch::map& I18n::template_map(std::string_view lang) const {
  return boost::get<mstch::map>(boost::get<mstch::map>(template_scope(lang)).at("t"));
}

namespace {

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// The supported language with the highest q in an Accept-Language header.
std::string from_accept_language(const I18n& i18n, std::string_view header) {
  std::string best;
  double best_q = 0.0;
  while (!header.empty()) {
    const auto comma = header.find(',');
    std::string_view item = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    double q = 1.0;
    const auto semi = item.find(';');
    if (semi != std::string_view::npos) {
      std::string_view param = item.substr(semi + 1);
      item = item.substr(0, semi);
      const auto qpos = param.find("q=");
      if (qpos != std::string_view::npos) {
        try {
          q = std::stod(std::string(param.substr(qpos + 2)));
        } catch (...) {
          q = 0.0;
        }
      }
    }
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    std::string tag = lower_ascii(item.substr(0, item.find('-')));
    if (q > best_q && i18n.supports(tag)) {
      best = tag;
      best_q = q;
    }
  }
  return best;
}

}  // namespace

std::string negotiate_language(const I18n& i18n, std::string_view user_setting,
                               std::string_view cookie, std::string_view accept_language) {
  if (i18n.supports(user_setting)) return std::string(user_setting);
  if (i18n.supports(cookie)) return std::string(cookie);
  std::string from_header = from_accept_language(i18n, accept_language);
  if (!from_header.empty()) return from_header;
  return std::string(kDefaultLang);
}

std::string format_message(std::string_view text,
                           const std::map<std::string, std::string, std::less<>>& args) {
  std::string out;
  while (!text.empty()) {
    const auto open = text.find('{');
    if (open == std::string_view::npos) break;
    const auto close = text.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(text.substr(0, open));
    auto it = args.find(text.substr(open + 1, close - open - 1));
    if (it != args.end()) {
      out.append(it->second);
    } else {
      out.append(text.substr(open, close - open + 1));
    }
    text.remove_prefix(close + 1);
  }
  out.append(text);
  return out;
}

}  // namespace solipraxis::web
