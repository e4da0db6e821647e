// `solipraxis check`: reads files (or stdin), runs the text checker, prints the
// findings as compiler-style lines or one JSON array. Exit 0 no findings,
// 1 findings, 2 usage or input error (unreadable file, invalid UTF-8 with offset).
// An input error names the file on stderr; the other files are still checked and
// their findings printed, like a compiler that goes on after a missing file.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "text/checker.h"
#include "text/readability.h"
#include "text/report_json.h"

namespace solipraxis::cli {

namespace {

struct CheckArgs {
  std::string lang = "auto";
  std::string format = "text";
  std::string style = "colon";
  bool prompt = false;
  bool stats = false;
  std::vector<std::string> files;
};

// False for anything that cannot be read as text: a missing file, a directory,
// a read error. Never throws.
bool read_input(const std::string& path, std::string* out) {
  try {
    if (path == "-") {
      std::ostringstream ss;
      ss << std::cin.rdbuf();
      *out = ss.str();
      return !std::cin.bad();
    }
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) return false;
    std::ifstream f(path, std::ios::binary);
    if (!f) return false;
    out->assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
    return !f.bad();
  } catch (const std::exception&) {
    return false;
  }
}

void print_stats_text(const std::string& file, text::Lang lang, const text::ReadabilityStats& s) {
  const bool de = lang == text::Lang::kGerman;
  std::printf("%s: %s %llu, %s %llu, %s %.1f, %s %.2f\n", file.c_str(),
              de ? "Sätze" : "sentences", static_cast<unsigned long long>(s.sentences),
              de ? "Wörter" : "words", static_cast<unsigned long long>(s.words),
              de ? "Wörter pro Satz" : "words per sentence", s.asl,
              de ? "Silben pro Wort" : "syllables per word", s.asw);
  if (de)
    std::printf("%s: Flesch-Amstad %.1f, Wiener Sachtextformel %.1f/%.1f/%.1f/%.1f, LIX %.1f\n",
                file.c_str(), s.flesch_amstad, s.wstf[0], s.wstf[1], s.wstf[2], s.wstf[3], s.lix);
  else
    std::printf("%s: Flesch reading ease %.1f, LIX %.1f\n", file.c_str(), s.flesch_reading_ease,
                s.lix);
}

int run_check(const CheckArgs& args) {
  text::CheckOptions options;
  if (args.lang != "auto") options.lang = text::parse_lang(args.lang);
  options.style = *text::parse_style(args.style);
  options.prompt = args.prompt;

  std::vector<std::string> files = args.files;
  if (files.empty()) files.push_back("-");
  nlohmann::json all = nlohmann::json::array();
  nlohmann::json stats = nlohmann::json::array();
  std::size_t count = 0;
  bool input_error = false;
  std::string input;
  for (const auto& file : files) {
    if (!read_input(file, &input)) {
      std::cerr << "solipraxis check: cannot read " << file << "\n";
      input_error = true;
      continue;
    }
    auto report = text::check_text(input, options);
    if (!report) {
      std::cerr << "solipraxis check: " << file << ": " << report.error().detail << "\n";
      input_error = true;
      continue;
    }
    count += report->findings.size();
    for (const auto& f : report->findings) {
      if (args.format == "json") {
        all.push_back(text::finding_json(f, input, file));
        continue;
      }
      std::string line = file + ":" + std::to_string(f.line) + ":" + std::to_string(f.column) +
                         ": " + std::string(f.rule) + ": " + f.message;
      if (!f.suggestions.empty()) {
        line += " (";
        for (std::size_t i = 0; i < f.suggestions.size(); ++i)
          line += (i ? ", " : "") + f.suggestions[i];
        line += ")";
      }
      std::cout << line << "\n";
    }
    if (args.stats) {
      const auto s = text::readability(input, report->lang);
      if (args.format == "json")
        stats.push_back(text::stats_json(s, report->lang, file));
      else
        print_stats_text(file, report->lang, s);
    }
  }
  if (args.format == "json") {
    // With --stats the output is {"findings": [...], "stats": [...]}, else the bare array.
    if (args.stats)
      std::cout << nlohmann::json{{"findings", all}, {"stats", stats}}.dump(2) << "\n";
    else
      std::cout << all.dump(2) << "\n";
  }
  std::cout.flush();
  if (input_error) return kExitUsage;
  return count > 0 ? kExitFindings : kExitOk;
}

}  // namespace

void add_check_command(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<CheckArgs>();
  auto* cmd = app.add_subcommand(
      "check",
      "Check texts and prompts for inclusive and plain language / Texte und Prompts prüfen");
  cmd->add_option("--lang", args->lang, "Language: de, en or auto (default auto)")
      ->check(CLI::IsMember({"de", "en", "auto"}));
  cmd->add_option("--format", args->format, "Output: text or json (default text)")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--style", args->style,
                  "Inclusive style: colon (default), star, pair or neutral")
      ->check(CLI::IsMember({"star", "colon", "pair", "neutral"}));
  cmd->add_flag("--prompt", args->prompt, "Also check a prompt for missing context");
  cmd->add_flag("--stats", args->stats, "Print readability figures");
  cmd->add_option("files", args->files, "Files to check (default: standard input)");
  cmd->callback([args, &ctx] { ctx.exit_code = run_check(*args); });
}

}  // namespace solipraxis::cli
