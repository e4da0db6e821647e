#include "text/stream.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <tuple>

#include <nlohmann/json.hpp>

#include "text/readability.h"

namespace solipraxis::text {
namespace {

using Row = std::tuple<std::uint32_t, std::uint32_t, std::uint32_t, std::uint32_t, std::string,
                       std::string, std::vector<std::string>>;

std::vector<Row> rows(const std::vector<Finding>& findings) {
  std::vector<Row> out;
  for (const auto& f : findings) {
    out.emplace_back(f.start, f.end, f.line, f.column, std::string(f.rule), f.message,
                     f.suggestions);
  }
  return out;
}

StreamOptions with_blocks(Lang lang, std::size_t block_size) {
  StreamOptions o;
  o.check.lang = lang;
  o.block_size = block_size;
  return o;
}

// The texts of tests/data/check (the tuned and the held-out set) in `lang`.
std::vector<std::string> corpus_texts(std::string_view lang) {
  std::vector<std::string> texts;
  const std::filesystem::path root = std::string(SOLIPRAXIS_SOURCE_DIR) + "/tests/data/check";
  for (const auto& e : std::filesystem::recursive_directory_iterator(root)) {
    if (e.path().extension() != ".jsonl") continue;
    std::ifstream in(e.path());
    std::string line;
    while (std::getline(in, line)) {
      const auto j = nlohmann::json::parse(line, nullptr, false);
      if (!j.is_object() || !j.contains("text")) continue;
      if (j.value("lang", "de") == lang) texts.push_back(j["text"].get<std::string>());
    }
  }
  std::sort(texts.begin(), texts.end());  // directory order is not fixed
  return texts;
}

std::string joined(const std::vector<std::string>& texts, std::string_view separator) {
  std::string out;
  for (const auto& t : texts) {
    if (!out.empty()) out += separator;
    out += t;
  }
  return out;
}

// Streamed in blocks of any size, the findings are exactly those of the whole text:
// over paragraphs (cut at blank lines) and over one long paragraph (cut after sentences).
TEST(StreamChecker, SameFindingsAsTheWholeTextOnTheTestCorpora) {
  for (const auto& [code, lang] : {std::pair{"de", Lang::kGerman}, std::pair{"en", Lang::kEnglish}}) {
    const auto texts = corpus_texts(code);
    ASSERT_GT(texts.size(), 100u) << code;
    for (std::string_view separator : {"\n\n", " ", "\n"}) {
      const std::string doc = joined(texts, separator);
      CheckOptions whole_options;
      whole_options.lang = lang;
      const auto whole = check_text(doc, whole_options);
      ASSERT_TRUE(whole);
      ASSERT_GT(whole->findings.size(), 100u);
      for (std::size_t block : {1u, 7u, 300u, 4096u, 1u << 20}) {
        const auto streamed = check_text_in_blocks(doc, with_blocks(lang, block));
        ASSERT_TRUE(streamed) << streamed.error().detail;
        EXPECT_EQ(rows(streamed->findings), rows(whole->findings))
            << code << ", block " << block << ", separator \"" << separator << "\"";
      }
    }
  }
}

// A read boundary inside a finding (and inside a two-byte letter before it), and
// blocks cut in the middle of a line: offsets, lines and columns still count
// from the start of the whole input.
TEST(StreamChecker, AFindingThatStraddlesAReadBoundaryKeepsItsPosition) {
  const std::string text = "Zeile eins.\nÄrger gibt es nicht. Die Mitarbeiter kommen morgen.";
  const std::size_t start = text.find("Mitarbeiter");
  StreamOptions options = with_blocks(Lang::kGerman, 8);
  options.check.plain = false;
  StreamChecker checker(options);
  std::vector<std::pair<Finding, std::string>> got;
  const auto sink = [&](const Finding& f, std::string_view t) { got.emplace_back(f, t); };
  const std::string_view in(text);
  ASSERT_TRUE(checker.feed(in.substr(0, 13), sink));  // ends inside "Ä"
  ASSERT_TRUE(checker.feed(in.substr(13, start + 4 - 13), sink));  // ends inside "Mitarbeiter"
  ASSERT_TRUE(checker.feed(in.substr(start + 4), sink));
  ASSERT_TRUE(checker.finish(sink));
  ASSERT_EQ(got.size(), 1u);
  const Finding& f = got[0].first;
  EXPECT_EQ(f.rule, "inclusive.generic-masculine");
  // The finding is the whole noun phrase, "Die Mitarbeiter" (issue 22).
  const std::size_t phrase = text.find("Die Mitarbeiter");
  EXPECT_EQ(f.start, phrase);
  EXPECT_EQ(f.end, start + 11);
  EXPECT_EQ(got[0].second, "Die Mitarbeiter");
  EXPECT_EQ(f.line, 2u);
  EXPECT_EQ(f.column, 22u);  // "Ärger gibt es nicht. " is 21 code points

  // One line cut into blocks after each sentence: columns go on across blocks.
  const std::string line = "Die Kollegen gehen. Die Lehrer bleiben. Die Ärzte kommen. Ende.";
  const auto r = check_text_in_blocks(line, with_blocks(Lang::kGerman, 4));
  ASSERT_TRUE(r);
  std::vector<std::uint32_t> columns;
  for (const auto& x : r->findings) {
    if (x.rule == "inclusive.generic-masculine") columns.push_back(x.column);
  }
  EXPECT_EQ(columns, (std::vector<std::uint32_t>{1, 21, 41}));  // each "Die ..." phrase
}

TEST(StreamChecker, InvalidUtf8IsReportedWithItsOffsetInTheWholeInput) {
  std::string text(5000, 'a');
  text += " Satz.\n\n";
  const std::size_t bad = text.size() + 4;  // after "Ein "
  text += "Ein \xC3\x28 Fehler.";
  for (std::size_t block : {16u, 1u << 20}) {
    const auto r = check_text_in_blocks(text, with_blocks(Lang::kGerman, block));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().key, "error.check.invalid_utf8");
    EXPECT_NE(r.error().detail.find("offset " + std::to_string(bad)), std::string::npos)
        << r.error().detail;
  }
}

// Blocks checked on other threads (the CLI's way) come out in order, the same.
TEST(StreamChecker, WorkerThreadsGiveTheSameFindingsInTheSameOrder) {
  for (const auto& [code, lang] : {std::pair{"de", Lang::kGerman}, std::pair{"en", Lang::kEnglish}}) {
    const std::string doc = joined(corpus_texts(code), "\n\n");
    CheckOptions whole_options;
    whole_options.lang = lang;
    const auto whole = check_text(doc, whole_options);
    ASSERT_TRUE(whole);
    for (unsigned workers : {1u, 2u, 3u}) {
      for (std::size_t block : {300u, 4096u}) {
        StreamOptions options = with_blocks(lang, block);
        options.workers = workers;
        const auto streamed = check_text_in_blocks(doc, options);
        ASSERT_TRUE(streamed) << streamed.error().detail;
        EXPECT_EQ(rows(streamed->findings), rows(whole->findings))
            << code << ", block " << block << ", workers " << workers;
      }
    }
  }
}

// Findings before an invalid byte still come out, in order, before the error.
TEST(StreamChecker, WithWorkersTheFindingsBeforeAnErrorStillComeOut) {
  StreamOptions options = with_blocks(Lang::kGerman, 16);
  options.workers = 2;
  StreamChecker checker(options);
  std::vector<std::uint32_t> starts;
  const auto sink = [&](const Finding& f, std::string_view) { starts.push_back(f.start); };
  const std::string good = "Die Mitarbeiter kommen.\n\nDie Lehrer gehen.\n\nDie Bürger bleiben.\n\n";
  ASSERT_TRUE(checker.feed(good, sink));
  const auto bad = checker.feed("Kaputt: \xff und weiter.", sink);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().key, "error.check.invalid_utf8");
  ASSERT_GE(starts.size(), 3u) << "the three sentences before the bad byte";
  EXPECT_TRUE(std::is_sorted(starts.begin(), starts.end()));
}

TEST(StreamChecker, ReadabilityAddsUpToTheWholeText) {
  const std::string doc = joined(corpus_texts("de"), "\n\n");
  StreamOptions options = with_blocks(Lang::kGerman, 500);
  options.stats = true;
  options.workers = 2;
  StreamChecker checker(options);
  const auto ignore = [](const Finding&, std::string_view) {};
  for (std::size_t pos = 0; pos < doc.size(); pos += 333) {
    ASSERT_TRUE(checker.feed(std::string_view(doc).substr(pos, 333), ignore));
  }
  ASSERT_TRUE(checker.finish(ignore));
  const auto whole = readability(doc, Lang::kGerman);
  const auto streamed = checker.stats();
  EXPECT_EQ(streamed.sentences, whole.sentences);
  EXPECT_EQ(streamed.words, whole.words);
  EXPECT_EQ(streamed.syllables, whole.syllables);
  EXPECT_EQ(streamed.long_words, whole.long_words);
  EXPECT_DOUBLE_EQ(streamed.lix, whole.lix);
  EXPECT_DOUBLE_EQ(streamed.flesch_amstad, whole.flesch_amstad);
}

// Language detection and the prompt's context rules see the whole input as before.
TEST(StreamChecker, DetectionAndPromptRulesMatchTheWholeText) {
  const std::string en = joined(corpus_texts("en"), "\n\n");
  StreamOptions detect;
  detect.block_size = 64;
  const auto streamed = check_text_in_blocks(en, detect);
  ASSERT_TRUE(streamed);
  EXPECT_EQ(streamed->lang, Lang::kEnglish);
  const auto whole = check_text(en, {});
  ASSERT_TRUE(whole);
  EXPECT_EQ(rows(streamed->findings), rows(whole->findings));

  const std::string prompt = "Schreibe einen Text über unseren Verein.\n\nMach ihn kurz.";
  StreamOptions p = with_blocks(Lang::kGerman, 8);
  p.check.prompt = true;
  CheckOptions whole_prompt;
  whole_prompt.lang = Lang::kGerman;
  whole_prompt.prompt = true;
  const auto a = check_text_in_blocks(prompt, p);
  const auto b = check_text(prompt, whole_prompt);
  ASSERT_TRUE(a && b);
  EXPECT_FALSE(b->findings.empty());
  EXPECT_EQ(rows(a->findings), rows(b->findings));
}

}  // namespace
}  // namespace solipraxis::text
