// Checks a text of any length in bounded memory: the input arrives in pieces, is
// cut into blocks at sentence boundaries (a blank line, else the end of a
// sentence) and each block is checked by check_text. Findings come out in order
// with the offsets, lines and columns of the whole input: the same findings
// check_text gives for the whole text. Memory is about two blocks, unless a
// single sentence is longer (one of more than 8 MB is cut at a line break or space).
// Exceptions to blocks: the context.* rules of a prompt (options.prompt) need the
// whole text, so then the input is kept whole and checked at finish(); with
// automatic language detection the first block grows until it holds the
// 4,000 words that detect_language reads.
// With StreamOptions::workers > 0, blocks are checked on that many other threads
// while the caller reads and cuts the next ones; findings still come out in
// order, on the caller's thread, and are the same.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <vector>
#include <string>
#include <string_view>

#include "core/result.h"
#include "text/checker.h"
#include "text/readability.h"

namespace solipraxis::text {

// Receives each finding (positions in the whole input) and its text.
using FindingSink = std::function<void(const Finding& finding, std::string_view text)>;

struct StreamOptions {
  CheckOptions check;
  std::size_t block_size = 1 << 20;  // bytes; small values are for tests
  bool stats = false;                // also count readability (stats())
  unsigned workers = 0;  // blocks checked at once on other threads; 0: on the caller's
};

class StreamChecker {
 public:
  explicit StreamChecker(StreamOptions options);

  // Takes the next piece of input (cut anywhere, even inside a UTF-8 sequence)
  // and checks every block that is complete. Errors as check_text's
  // (invalid UTF-8 with the offset in the whole input, too large); after an
  // error the checker takes no more input.
  core::Status feed(std::string_view data, const FindingSink& sink);
  // Checks what is left. Call once, after the last feed().
  core::Status finish(const FindingSink& sink);

  // The language checked in: known after the first block (or set in the options).
  std::optional<Lang> lang() const { return lang_; }
  // Readability of all input checked so far (with StreamOptions::stats).
  ReadabilityStats stats() const;

 private:
  // A block's findings (block positions) and readability, and where it starts.
  struct Checked {
    std::string text;
    std::uint64_t offset = 0;
    std::uint32_t line = 1, column = 1;
    core::Result<CheckReport> report = CheckReport{};
    ReadabilityStats stats;
  };

  static Checked check_one(Checked block, const CheckOptions& options, Lang lang, bool stats);
  bool ready_to_detect(bool at_end);
  std::size_t find_cut() const;
  core::Status validate(bool at_end);
  core::Status check_block(std::size_t len, const FindingSink& sink);
  core::Status emit(Checked checked, const FindingSink& sink);
  // Emits the blocks in flight until at most `keep` are left.
  core::Status drain(std::size_t keep, const FindingSink& sink);

  StreamOptions options_;
  std::shared_ptr<const CheckOptions> check_options_;  // shared with the workers
  std::deque<std::future<Checked>> in_flight_;
  std::optional<Lang> lang_;
  std::string buffer_;            // input not yet checked
  std::size_t validated_ = 0;     // bytes of buffer_ known to be valid UTF-8
  std::uint64_t offset_ = 0;      // offset of buffer_ in the whole input
  std::uint32_t line_ = 1;        // line and column where buffer_ starts
  std::uint32_t column_ = 1;
  ReadabilityStats stats_;
  bool failed_ = false;
  std::size_t detection_tried_at_ = 0;  // buffer size of the last word count
};

// Convenience: all findings of `text` checked in blocks (tests, benchmarks).
core::Result<CheckReport> check_text_in_blocks(std::string_view text, StreamOptions options);

}  // namespace solipraxis::text
