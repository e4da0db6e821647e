// Guided reflections (issue 23): members answer a catalog template (the phase
// questions, the tool reflection, the introduction or the use template) for
// one tool, section by section, alone or as a team. A round is one template
// for one tool, named or anonymous; each person's answers in it are one
// Reflection. Org-owned; implemented once in store/sql/reflections.cc.
//
// Guarantees:
// - A section is saved only if the stored version is still the one the
//   writer read (kConflict "reflections.error.stale_draft" otherwise, and the
//   newer text stays), so a second tab cannot overwrite newer text.
// - Stage-two sections (the introduction template's follow-up) are refused
//   before `followup_after_days` after stage one was finished, measured by the
//   injected clock (core::check_stage_open).
// - Every write is audited in its transaction ("reflection.*"). In an
//   anonymous round no row holds a user id for an answer, the audit rows of
//   answers name no actor (only how: web, api, cli), and team_view() refuses
//   fewer than three
//   respondents (core::check_team_view).
// - The store does not know the catalog: template ids, versions and section
//   ids are the caller's to check against it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/ids.h"
#include "store/common.h"

namespace solipraxis::store {

// Who answers. In a named round the person (`user`); in an anonymous round an
// opaque `key` the caller derives from the person and the round (a keyed hash
// the store cannot reverse), so the person finds their draft again while no
// row says who wrote it. Exactly one of the two is set, matching the round.
struct Author {
  std::optional<UserId> user;
  std::string key;
};

struct NewRound {
  core::ToolId tool;
  std::string template_id;  // a catalog method id, e.g. "m.reflection-template-use"
  int catalog_version = 0;  // the catalog version the round was started on
  bool anonymous = false;
  int followup_after_days = 0;  // > 0: a two-stage template (core::kMaxFollowupDays at most)
};

struct ReflectionRound {
  std::int64_t id = 0;
  core::ToolId tool;
  std::string template_id;
  int catalog_version = 0;
  bool anonymous = false;
  int followup_after_days = 0;
  std::optional<UserId> created_by;
  UnixTime created_at = 0;
};

// One section's answers, by prompt id. `version` counts saves (1 after the first).
struct SectionAnswers {
  std::string section_id;
  int stage = 1;
  std::map<std::string, std::string> answers;
  std::int64_t version = 0;
  UnixTime updated_at = 0;
};

struct Reflection {
  std::int64_t id = 0;
  std::int64_t round_id = 0;
  std::optional<UserId> user;  // never set in an anonymous round
  std::vector<SectionAnswers> sections;  // by section id
  std::optional<UnixTime> stage_one_done_at;
  std::optional<UnixTime> stage_two_opens_at;  // set when stage one is done (two-stage rounds)
  std::optional<UnixTime> finished_at;
  UnixTime created_at = 0;
  UnixTime updated_at = 0;
};

// Every answer of a round's respondents (those who finished stage one), for
// the team view. In an anonymous round `user` is never set and the answers of
// a prompt are sorted by text, so neither a name nor the order gives a person away.
struct TeamAnswer {
  std::string section_id;
  std::string prompt_id;
  std::optional<UserId> user;
  std::string text;
};
struct TeamView {
  ReflectionRound round;
  int respondents = 0;
  std::vector<TeamAnswer> answers;  // by section, prompt; then by user (named) or text
};

// When a person's second stage opens in a named round (for the org's review
// calendar): one entry per reflection whose stage one is done and which is
// not finished. Anonymous rounds are left out: a date there would tell when
// someone answered.
struct FollowUp {
  ReflectionRound round;
  UnixTime opens_at = 0;
};

class Reflections {
 public:
  virtual ~Reflections() = default;

  // not_found "tools.error.not_found" for a tool of another org; kInvalidInput
  // "reflections.error.round_invalid" for an empty template id, a version < 1
  // or follow-up days outside 0..core::kMaxFollowupDays. Audited ("reflection_round.create").
  virtual Result<ReflectionRound> create_round(OrgId org, const NewRound& round,
                                               const Actor& actor) = 0;
  virtual Result<ReflectionRound> round(OrgId org, std::int64_t round_id) = 0;
  // A tool's rounds by id; without a tool, every tool's (by tool, then id).
  virtual Result<std::vector<ReflectionRound>> rounds(OrgId org,
                                                      std::optional<core::ToolId> tool) = 0;

  // The author's reflection in the round, begun on the first call. kInvalidInput
  // "reflections.error.author_invalid" when the author does not fit the round
  // (a user id in an anonymous round, no user in a named one).
  virtual Result<Reflection> start(OrgId org, std::int64_t round_id, const Author& author,
                                   const Actor& actor) = 0;
  // The author's own reflection; another person's is not_found.
  virtual Result<Reflection> reflection(OrgId org, std::int64_t reflection_id,
                                        const Author& author) = 0;
  // The author's reflection in the round without beginning one (for reads):
  // not_found "reflections.error.not_begun" when the author has none yet.
  virtual Result<Reflection> mine(OrgId org, std::int64_t round_id, const Author& author) = 0;

  // Saves one section as a draft if its stored version is `expected_version`
  // (0: not saved yet), else kConflict "reflections.error.stale_draft" and
  // nothing changes. Answers are checked by core::validate_answers, the stage
  // by core::check_stage_open. Returns the saved section (version + 1).
  virtual Result<SectionAnswers> save_section(OrgId org, std::int64_t reflection_id,
                                              const Author& author,
                                              const SectionAnswers& section,
                                              std::int64_t expected_version,
                                              const Actor& actor) = 0;
  // Finishes stage one (a two-stage round then opens stage two after its
  // follow-up days; a one-stage round is finished) or stage two (refused like
  // save_section before it opens). Finishing again changes nothing.
  virtual Result<Reflection> finish_stage(OrgId org, std::int64_t reflection_id,
                                          const Author& author, int stage,
                                          const Actor& actor) = 0;

  // The round's answers side by side; core::check_team_view decides whether
  // the team may see them.
  virtual Result<TeamView> team_view(OrgId org, std::int64_t round_id) = 0;

  // Every open second stage of the org's named rounds, by date (FollowUp).
  virtual Result<std::vector<FollowUp>> follow_ups(OrgId org) = 0;
};

}  // namespace solipraxis::store
