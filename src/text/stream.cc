#include "text/stream.h"

#include <cstring>
#include <utility>
#include <vector>

#include "text/sentences.h"
#include "text/tokenizer.h"
#include "text/utf8.h"

namespace solipraxis::text {

namespace {

// detect_language reads this many words; the stream waits for one more, so
// that the last one it reads is complete.
constexpr std::size_t kDetectionWords = 4000;
// A sentence longer than this is cut at a line break or space (memory stays bounded).
constexpr std::size_t kMaxSentenceBytes = std::size_t{8} << 20;

bool ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Bytes at the end of `s` that start a UTF-8 sequence but do not finish it.
std::size_t incomplete_tail(std::string_view s) {
  for (std::size_t back = 1; back <= 4 && back <= s.size(); ++back) {
    const auto c = static_cast<unsigned char>(s[s.size() - back]);
    if (is_continuation(c)) continue;
    const std::size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    return len > back ? back : 0;
  }
  return 0;
}

// The start of the whitespace run before the last blank line in s, or 0. The
// tokenizer ends a sentence at every blank line, and a block that starts with
// the whole run gives its first token the same flags as in the whole text.
std::size_t last_blank_line(std::string_view s) {
  std::size_t nl = s.rfind('\n');
  while (nl != std::string_view::npos && nl > 0) {
    std::size_t i = nl;
    bool blank = false;
    while (i > 0 && ascii_space(s[i - 1])) {
      --i;
      blank = blank || s[i] == '\n';
    }
    if (blank && i > 0) return i;
    if (i == 0) return 0;
    nl = s.rfind('\n', i - 1);
  }
  return 0;
}

// The end of the third-last sentence of s, or 0. The last two sentences stay:
// the last may be cut off, and the end of the one before depends on the first
// token after it.
std::size_t third_last_sentence_end(std::string_view s) {
  SentenceSplitter splitter(s);
  std::vector<Token> tokens;
  std::size_t ends[3] = {0, 0, 0};
  std::size_t n = 0;
  while (splitter.next(&tokens)) ends[n++ % 3] = tokens.back().end;
  return n >= 3 ? ends[n % 3] : 0;
}

}  // namespace

StreamChecker::StreamChecker(StreamOptions options)
    : options_(std::move(options)),
      check_options_(std::make_shared<const CheckOptions>(options_.check)),
      lang_(options_.check.lang) {
  if (options_.block_size == 0) options_.block_size = 1;
}

core::Status StreamChecker::validate(bool at_end) {
  if (offset_ + buffer_.size() >= 0xFFFFFFFFu) {
    return core::make_error(core::ErrorCode::kInvalidInput, "error.check.too_large",
                            "input is 4 GiB or larger");
  }
  const std::size_t end = buffer_.size() - (at_end ? 0 : incomplete_tail(buffer_));
  if (end <= validated_) return core::ok_status();
  const std::string_view fresh(buffer_.data() + validated_, end - validated_);
  if (auto bad = find_invalid_utf8(fresh)) {
    return core::make_error(core::ErrorCode::kInvalidInput, "error.check.invalid_utf8",
                            "invalid UTF-8 at byte offset " +
                                std::to_string(offset_ + validated_ + *bad));
  }
  validated_ = end;
  return core::ok_status();
}

bool StreamChecker::ready_to_detect(bool at_end) {
  if (lang_ || at_end) return true;
  // Count again only when the buffer has doubled: linear time for tiny blocks.
  if (validated_ < 2 * detection_tried_at_) return false;
  detection_tried_at_ = validated_;
  const std::string_view valid(buffer_.data(), validated_);
  Tokenizer tokenizer(valid);
  Token token;
  std::size_t words = 0;
  while (words <= kDetectionWords && tokenizer.next(&token)) {
    words += token.kind == TokenKind::kWord;
  }
  return words > kDetectionWords;
}

std::size_t StreamChecker::find_cut() const {
  const std::string_view valid(buffer_.data(), validated_);
  if (const std::size_t cut = last_blank_line(valid)) return cut;
  if (const std::size_t cut = third_last_sentence_end(valid)) return cut;
  if (valid.size() < kMaxSentenceBytes) return 0;
  // One sentence of several megabytes: cut it where a token cannot go on.
  for (char c : {'\n', ' '}) {
    const auto pos = valid.rfind(c);
    if (pos != std::string_view::npos && pos > 0) return pos;
  }
  return valid.size();
}

// Checks one block with the language known; pure, so any thread may run it.
StreamChecker::Checked StreamChecker::check_one(Checked block, const CheckOptions& options,
                                                Lang lang, bool stats) {
  CheckOptions with_lang = options;
  with_lang.lang = lang;
  block.report = check_text(block.text, with_lang);
  if (stats && block.report) block.stats = readability(block.text, lang);
  return block;
}

core::Status StreamChecker::check_block(std::size_t len, const FindingSink& sink) {
  Checked block;
  block.text.assign(buffer_.data(), len);
  block.offset = offset_;
  block.line = line_;
  block.column = column_;
  // Where the next block starts: counted here, so blocks need not wait for each other.
  const std::string_view text(buffer_.data(), len);
  std::size_t last_line_start = 0;
  for (const char* p = text.data();
       (p = static_cast<const char*>(std::memchr(p, '\n', text.data() + len - p))); ++p) {
    ++line_;
    last_line_start = static_cast<std::size_t>(p - text.data()) + 1;
    column_ = 1;
  }
  column_ += static_cast<std::uint32_t>(count_code_points(text.substr(last_line_start)));
  offset_ += len;
  buffer_.erase(0, len);
  validated_ -= len;
  if (options_.workers == 0) {
    return emit(check_one(std::move(block), *check_options_, *lang_, options_.stats), sink);
  }
  in_flight_.push_back(std::async(std::launch::async,
                                  [block = std::move(block), options = check_options_,
                                   lang = *lang_, stats = options_.stats]() mutable {
                                    return check_one(std::move(block), *options, lang, stats);
                                  }));
  return drain(options_.workers, sink);
}

core::Status StreamChecker::emit(Checked block, const FindingSink& sink) {
  if (!block.report) return block.report.error();
  for (Finding& f : block.report->findings) {
    const std::string_view text = std::string_view(block.text).substr(f.start, f.end - f.start);
    if (f.line == 1) f.column += block.column - 1;
    f.line += block.line - 1;
    f.start += static_cast<std::uint32_t>(block.offset);
    f.end += static_cast<std::uint32_t>(block.offset);
    sink(f, text);
  }
  if (options_.stats) {
    const ReadabilityStats& s = block.stats;
    stats_.sentences += s.sentences;
    stats_.words += s.words;
    stats_.syllables += s.syllables;
    stats_.letters += s.letters;
    stats_.long_words += s.long_words;
    stats_.polysyllables += s.polysyllables;
    stats_.monosyllables += s.monosyllables;
  }
  return core::ok_status();
}

core::Status StreamChecker::drain(std::size_t keep, const FindingSink& sink) {
  core::Status status = core::ok_status();
  while (in_flight_.size() > keep) {
    Checked block = in_flight_.front().get();
    in_flight_.pop_front();
    if (status) status = emit(std::move(block), sink);
  }
  return status;
}

core::Status StreamChecker::feed(std::string_view data, const FindingSink& sink) {
  if (failed_) {
    return core::make_error(core::ErrorCode::kInvalidInput, "error.check.failed",
                            "the stream failed before");
  }
  buffer_.append(data);
  auto status = validate(false);
  while (status && !options_.check.prompt && validated_ >= options_.block_size &&
         ready_to_detect(false)) {
    if (!lang_) lang_ = detect_language(std::string_view(buffer_.data(), validated_));
    const std::size_t cut = find_cut();
    if (cut == 0) break;
    status = check_block(cut, sink);
  }
  if (!status) {
    // What was read before the error still comes out, in order, before it.
    if (auto drained = drain(0, sink); !drained) status = drained;
  }
  failed_ = !status;
  return status;
}

core::Status StreamChecker::finish(const FindingSink& sink) {
  if (failed_) {
    return core::make_error(core::ErrorCode::kInvalidInput, "error.check.failed",
                            "the stream failed before");
  }
  auto status = validate(true);
  if (status) {
    if (!lang_) lang_ = detect_language(buffer_);
    status = check_block(buffer_.size(), sink);
  }
  if (auto drained = drain(0, sink); status && !drained) status = drained;
  failed_ = true;  // nothing more to take
  return status;
}

ReadabilityStats StreamChecker::stats() const {
  ReadabilityStats s = stats_;
  apply_formulas(&s);
  return s;
}

core::Result<CheckReport> check_text_in_blocks(std::string_view text, StreamOptions options) {
  CheckReport report;
  const std::size_t piece = options.block_size;
  StreamChecker checker(std::move(options));
  auto collect = [&](const Finding& f, std::string_view) { report.findings.push_back(f); };
  for (std::size_t pos = 0; pos < text.size(); pos += piece) {
    if (auto st = checker.feed(text.substr(pos, piece), collect); !st) return st.error();
  }
  if (auto st = checker.finish(collect); !st) return st.error();
  report.lang = *checker.lang();
  return report;
}

}  // namespace solipraxis::text
