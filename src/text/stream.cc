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
    : options_(std::move(options)), lang_(options_.check.lang) {
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

core::Status StreamChecker::check_block(std::size_t len, const FindingSink& sink) {
  const std::string_view block(buffer_.data(), len);
  CheckOptions options = options_.check;
  options.lang = lang_;
  auto report = check_text(block, options);
  if (!report) return report.error();
  for (Finding& f : report->findings) {
    const std::string_view text = block.substr(f.start, f.end - f.start);
    if (f.line == 1) f.column += column_ - 1;
    f.line += line_ - 1;
    f.start += static_cast<std::uint32_t>(offset_);
    f.end += static_cast<std::uint32_t>(offset_);
    sink(f, text);
  }
  if (options_.stats) {
    const ReadabilityStats s = readability(block, *lang_);
    stats_.sentences += s.sentences;
    stats_.words += s.words;
    stats_.syllables += s.syllables;
    stats_.letters += s.letters;
    stats_.long_words += s.long_words;
    stats_.polysyllables += s.polysyllables;
    stats_.monosyllables += s.monosyllables;
  }
  std::size_t last_line_start = 0;
  for (const char* p = block.data(); (p = static_cast<const char*>(
                                          std::memchr(p, '\n', block.data() + len - p)));
       ++p) {
    ++line_;
    last_line_start = static_cast<std::size_t>(p - block.data()) + 1;
    column_ = 1;
  }
  column_ += static_cast<std::uint32_t>(count_code_points(block.substr(last_line_start)));
  offset_ += len;
  buffer_.erase(0, len);
  validated_ -= len;
  return core::ok_status();
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
