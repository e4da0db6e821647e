// `solipraxis check`: reads files (or stdin) in blocks, runs the text checker on
// each (text/stream.h: memory stays bounded for any input size, except with
// --prompt, whose context rules need the whole text), prints the findings as
// they are found, as compiler-style lines or one JSON array. Exit 0 no findings,
// 1 findings, 2 usage or input error (unreadable file, invalid UTF-8 with offset).
// An input error names the file on stderr; the other files are still checked and
// their findings printed, like a compiler that goes on after a missing file.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "text/checker.h"
#include "text/readability.h"
#include "text/report_json.h"
#include "text/stream.h"

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

// Findings are printed as they are found, into one buffer written out in large
// pieces (a line per finding through iostreams would cost more than checking).
class Printer {
 public:
  Printer(bool json, bool stats) : json_(json), stats_(stats) {
    if (json_) out_ = stats_ ? "{\n  \"findings\": [" : "[";
  }
  ~Printer() { flush(); }

  void finding(const text::Finding& f, std::string_view excerpt, const std::string& file) {
    if (json_) {
      out_ += count_ == 0 ? "\n" : ",\n";
      text::append_finding_json(out_, f, excerpt, file, stats_ ? 2 : 1);
    } else {
      out_ += file;
      out_ += ':';
      out_ += std::to_string(f.line);
      out_ += ':';
      out_ += std::to_string(f.column);
      out_ += ": ";
      out_ += f.rule;
      out_ += ": ";
      out_ += f.message;
      for (std::size_t i = 0; i < f.suggestions.size(); ++i) {
        out_ += i ? ", " : " (";
        out_ += f.suggestions[i];
      }
      out_ += f.suggestions.empty() ? "\n" : ")\n";
    }
    ++count_;
    if (out_.size() >= kFlushBytes) flush();
  }

  // As nlohmann's dump(2) prints {"findings": [...], "stats": [...]} or the bare array.
  void end(const nlohmann::json& stats) {
    const std::string close = stats_ ? "\n  ]" : "\n]";
    if (json_) out_ += count_ == 0 ? "]" : close;
    if (json_ && stats_) {
      out_ += ",\n  \"stats\": ";
      for (char c : stats.dump(2)) {
        out_ += c;
        if (c == '\n') out_ += "  ";
      }
      out_ += "\n}";
    }
    if (json_) out_ += '\n';
    flush();
  }

  void flush() {
    if (out_.empty()) return;
    std::fwrite(out_.data(), 1, out_.size(), stdout);
    std::fflush(stdout);
    out_.clear();
  }

  std::size_t count() const { return count_; }

 private:
  static constexpr std::size_t kFlushBytes = 1 << 16;
  bool json_;
  bool stats_;
  std::string out_;
  std::size_t count_ = 0;
};

// Opens a file to check; nullptr for anything that cannot be read as text (a
// missing file, a directory). "-" is standard input.
std::FILE* open_input(const std::string& path) {
  if (path == "-") return stdin;
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return nullptr;
  return std::fopen(path.c_str(), "rb");
}

// Checks one input in blocks and prints its findings as they come. False after
// an input error, which is printed on stderr naming the file.
bool check_input(const std::string& file, std::FILE* in, const text::StreamOptions& options,
                 Printer& printer, text::ReadabilityStats* stats, text::Lang* lang) {
  text::StreamChecker checker(options);
  const auto sink = [&](const text::Finding& f, std::string_view excerpt) {
    printer.finding(f, excerpt, file);
  };
  std::vector<char> buf(options.block_size);
  core::Status status = core::ok_status();
  while (status) {
    const std::size_t got = std::fread(buf.data(), 1, buf.size(), in);
    if (got > 0) status = checker.feed(std::string_view(buf.data(), got), sink);
    if (got < buf.size()) break;
  }
  const bool read_error = std::ferror(in) != 0;
  if (in != stdin) std::fclose(in);
  if (status && !read_error) status = checker.finish(sink);
  if (read_error) {
    std::cerr << "solipraxis check: cannot read " << file << "\n";
    return false;
  }
  if (!status) {
    std::cerr << "solipraxis check: " << file << ": " << status.error().detail << "\n";
    return false;
  }
  *stats = checker.stats();
  *lang = *checker.lang();
  return true;
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
  text::StreamOptions options;
  if (args.lang != "auto") options.check.lang = text::parse_lang(args.lang);
  options.check.style = *text::parse_style(args.style);
  options.check.prompt = args.prompt;
  options.stats = args.stats;
  // Blocks are checked on the other cores while this thread reads, cuts and prints.
  options.workers = std::clamp(std::thread::hardware_concurrency(), 1u, 4u);

  std::vector<std::string> files = args.files;
  if (files.empty()) files.push_back("-");
  const bool json = args.format == "json";
  Printer printer(json, args.stats);
  nlohmann::json stats = nlohmann::json::array();
  bool input_error = false;
  for (const auto& file : files) {
    std::FILE* in = open_input(file);
    if (!in) {
      std::cerr << "solipraxis check: cannot read " << file << "\n";
      input_error = true;
      continue;
    }
    text::ReadabilityStats s;
    text::Lang lang = text::Lang::kGerman;
    if (!check_input(file, in, options, printer, &s, &lang)) {
      input_error = true;
      continue;
    }
    if (!args.stats) continue;
    if (json) {
      stats.push_back(text::stats_json(s, lang, file));
    } else {
      printer.flush();
      print_stats_text(file, lang, s);
    }
  }
  printer.end(stats);
  if (input_error) return kExitUsage;
  return printer.count() > 0 ? kExitFindings : kExitOk;
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
