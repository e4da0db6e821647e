// Steps from the catalog and from the set-up form: see steps.h.
#include "web/handlers/live/steps.h"

#include <charconv>

#include "web/handlers/common/params.h"

namespace solipraxis::web::handlers::live {

namespace {

// A column named after a prompt: the prompt itself, or, when it is longer than
// a label may be (the workshop's persona prompt in German has 210 characters),
// its part before a parenthesis, else its words up to the limit and "…". The
// whole prompt stays in the step's prompts, shown above the columns.
std::string column_label(const std::string& prompt) {
  if (core::utf8_length(prompt) <= core::kMaxLiveTitleChars) return prompt;
  const std::size_t paren = prompt.find(" (");
  if (paren != std::string::npos && paren > 0 &&
      core::utf8_length(prompt.substr(0, paren)) <= core::kMaxLiveTitleChars) {
    return prompt.substr(0, paren);
  }
  std::size_t cut = 0;
  for (std::size_t space = prompt.find(' '); space != std::string::npos;
       space = prompt.find(' ', space + 1)) {
    if (core::utf8_length(prompt.substr(0, space)) >= core::kMaxLiveTitleChars) break;
    cut = space;
  }
  if (cut == 0) {  // one long word: cut at a code point boundary
    std::size_t points = 0;
    while (cut < prompt.size() && points + 1 < core::kMaxLiveTitleChars) {
      ++cut;
      while (cut < prompt.size() && (static_cast<unsigned char>(prompt[cut]) & 0xC0) == 0x80) ++cut;
      ++points;
    }
  }
  return prompt.substr(0, cut) + "…";
}

}  // namespace

std::vector<core::LiveStep> steps_from_method(const catalog::Catalog& catalog,
                                              const catalog::Method& method, catalog::Lang lang,
                                              const std::string& general_label) {
  std::vector<core::LiveStep> out;
  for (const catalog::Step& step : method.steps) {
    core::LiveStep s;
    s.catalog_id = step.id;
    s.title = step.title.get(lang);
    for (const catalog::Prompt& p : step.prompts) s.prompts.push_back(p.text.get(lang));
    // A step that points at a phase's reflection questions ("Reflexionsfragen
    // (s.o.)") without questions of its own shows those questions; people write
    // into one general column (thirteen questions are no thirteen columns).
    const bool own_prompts = !step.prompts.empty();
    if (!own_prompts) {
      for (const std::string& ref : step.related) {
        if (!catalog.phase(ref)) continue;
        for (const catalog::Entry* q : catalog.questions_of(catalog.phase_number(ref)))
          s.prompts.push_back(q->text.get(lang));
      }
    }
    for (const catalog::Option& o : step.options) s.columns.push_back({o.id, o.label.get(lang)});
    if (s.columns.empty() && own_prompts) {
      for (const catalog::Prompt& p : step.prompts) s.columns.push_back({p.id, column_label(p.text.get(lang))});
    }
    if (s.columns.size() > core::kMaxColumns) s.columns.resize(core::kMaxColumns);
    if (s.columns.empty()) s.columns.push_back({"c1", general_label});
    s.duration_seconds = std::int64_t{step.duration.max} * 60;
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<core::LiveStep> steps_from_form(const Params& form,
                                            const std::vector<core::LiveStep>& before,
                                            std::vector<core::FieldError>& errors) {
  std::vector<core::LiveStep> out;
  int count = 0;
  const std::string raw = form.value("step_count");
  std::from_chars(raw.data(), raw.data() + raw.size(), count);
  if (count < 0 || count > static_cast<int>(core::kMaxLiveSteps) + 1) count = 0;
  for (int i = 0; i < count; ++i) {
    const std::string at = "step" + std::to_string(i) + "_";
    if (form.value(at + "remove") == "1") continue;
    core::LiveStep s;
    const core::LiveStep* old =
        static_cast<std::size_t>(i) < before.size() ? &before[static_cast<std::size_t>(i)] : nullptr;
    if (old) s.catalog_id = old->catalog_id;
    s.title = std::string(core::trim(form.value(at + "title")));
    s.prompts = split_lines(form.value(at + "prompts"));
    const auto labels = split_lines(form.value(at + "columns"));
    for (std::size_t c = 0; c < labels.size(); ++c) {
      std::string id = "c" + std::to_string(c + 1);
      if (old && c < old->columns.size() && old->columns[c].label == labels[c]) {
        id = old->columns[c].id;
      }
      s.columns.push_back({id, labels[c]});
    }
    const std::string minutes(core::trim(form.value(at + "minutes")));
    long long value = 0;
    const auto [end, ec] = std::from_chars(minutes.data(), minutes.data() + minutes.size(), value);
    if (minutes.empty()) {
      value = 0;
    } else if (ec != std::errc{} || end != minutes.data() + minutes.size() || value < 0 ||
               value > core::kMaxStepSeconds / 60) {
      errors.push_back(core::field_error("steps." + std::to_string(out.size()) + ".duration",
                                         "live.error.minutes_invalid", minutes));
      value = 0;
    }
    s.duration_seconds = value * 60;
    out.push_back(std::move(s));
  }
  if (form.value("add_step") == "1" && out.size() < core::kMaxLiveSteps) {
    out.push_back(core::LiveStep{"", "", {}, {}, 600});
  }
  return out;
}

std::optional<int> parse_step(std::string_view raw) {
  if (raw.empty() || raw.size() > 3) return std::nullopt;
  int value = 0;
  for (char c : raw) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace solipraxis::web::handlers::live
