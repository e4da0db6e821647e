// Reflections: rounds, each person's reflection and its section drafts, the
// team view. See store/reflections.h for the guarantees, core/reflection.h for
// the rules.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/reflection.h"
#include "store/sql/rows.h"
#include "store/sql/sql_store.h"

namespace solipraxis::store::sql {

using nlohmann::json;

namespace {

constexpr std::string_view kRoundColumns =
    "id, tool_id, template_id, catalog_version, anonymous, followup_after_days, created_by, "
    "created_at";
constexpr std::string_view kReflectionColumns =
    "id, round_id, user_id, stage_one_done_at, stage_two_opens_at, finished_at, created_at, "
    "updated_at";

std::optional<UnixTime> opt_time(const Row& r, std::size_t i) {
  if (r.is_null(i)) return std::nullopt;
  return r.int64(i);
}

ReflectionRound round_from(const Row& r) {
  ReflectionRound out;
  out.id = r.int64(0);
  out.tool = core::ToolId(r.int64(1));
  out.template_id = r.text(2);
  out.catalog_version = static_cast<int>(r.int64(3));
  out.anonymous = r.int64(4) != 0;
  out.followup_after_days = static_cast<int>(r.int64(5));
  if (!r.is_null(6)) out.created_by = UserId(r.int64(6));
  out.created_at = r.int64(7);
  return out;
}

Result<ReflectionRound> load_round(Tx& tx, OrgId org, std::int64_t id) {
  auto rows = tx.query("SELECT " + std::string(kRoundColumns) +
                           " FROM reflection_rounds WHERE org_id = $1 AND id = $2",
                       {org.value, id});
  if (!rows) return rows.error();
  if (rows->empty()) return not_found("reflections.error.round_not_found", "no such round");
  return round_from(rows->front());
}

// The key that finds an author's reflection; kInvalidInput if the author does
// not fit the round (see Author).
Result<std::string> author_key(const ReflectionRound& round, const Author& author) {
  const bool fits = round.anonymous ? (!author.user && !author.key.empty())
                                    : (author.user && author.user->valid() && author.key.empty());
  if (!fits) {
    return core::make_error(core::ErrorCode::kInvalidInput, "reflections.error.author_invalid",
                            round.anonymous ? "an anonymous round takes a key, never a user"
                                            : "a named round takes a user");
  }
  return round.anonymous ? "k:" + author.key : "u:" + std::to_string(author.user->value);
}

// The id of the author's reflection in the round (by author_key), if begun.
Result<std::optional<std::int64_t>> find_reflection(Tx& tx, OrgId org, std::int64_t round_id,
                                                    const std::string& key) {
  auto found = tx.query(
      "SELECT id FROM reflections WHERE org_id = $1 AND round_id = $2 AND author_key = $3",
      {org.value, round_id, key});
  if (!found) return found.error();
  if (found->empty()) return std::optional<std::int64_t>{};
  return std::optional<std::int64_t>{found->front().int64(0)};
}

// The audit row of an answer: in an anonymous round without the person.
Actor answer_actor(const ReflectionRound& round, const Actor& actor) {
  return round.anonymous ? Actor{std::nullopt, actor.via} : actor;
}

// The time stored with an answer: in an anonymous round only the day.
UnixTime answer_time(const ReflectionRound& round, UnixTime now) {
  return round.anonymous ? core::anonymous_time(now) : now;
}

Status load_sections(Tx& tx, OrgId org, Reflection& out) {
  auto rows = tx.query(
      "SELECT section_id, stage, answers_json, version, updated_at FROM reflection_sections "
      "WHERE org_id = $1 AND reflection_id = $2 ORDER BY section_id",
      {org.value, out.id});
  if (!rows) return rows.error();
  for (const Row& r : *rows) {
    SectionAnswers s;
    s.section_id = r.text(0);
    s.stage = static_cast<int>(r.int64(1));
    s.answers = json::parse(r.text(2)).get<std::map<std::string, std::string>>();
    s.version = r.int64(3);
    s.updated_at = r.int64(4);
    out.sections.push_back(std::move(s));
  }
  return {};
}

// The author's reflection with its sections, and its round.
struct Loaded {
  ReflectionRound round;
  Reflection reflection;
};
Result<Loaded> load_reflection(Tx& tx, OrgId org, std::int64_t id, const Author& author) {
  auto rows = tx.query("SELECT " + std::string(kReflectionColumns) + ", author_key" +
                           " FROM reflections WHERE org_id = $1 AND id = $2",
                       {org.value, id});
  if (!rows) return rows.error();
  if (rows->empty()) return not_found("reflections.error.not_found", "no such reflection");
  const Row& r = rows->front();
  auto round = load_round(tx, org, r.int64(1));
  if (!round) return round.error();
  auto key = author_key(*round, author);
  if (!key) return key.error();
  // Another person's reflection is not found, never refused: its existence is theirs.
  if (*key != r.text(8)) return not_found("reflections.error.not_found", "no such reflection");
  Loaded out{std::move(*round), {}};
  Reflection& f = out.reflection;
  f.id = r.int64(0);
  f.round_id = r.int64(1);
  if (!r.is_null(2)) f.user = UserId(r.int64(2));
  f.stage_one_done_at = opt_time(r, 3);
  f.stage_two_opens_at = opt_time(r, 4);
  f.finished_at = opt_time(r, 5);
  f.created_at = r.int64(6);
  f.updated_at = r.int64(7);
  if (auto st = load_sections(tx, org, f); !st) return st.error();
  return out;
}

core::Error invalid_round(std::string detail) {
  return core::make_error(core::ErrorCode::kInvalidInput, "reflections.error.round_invalid",
                          std::move(detail));
}

}  // namespace

Result<ReflectionRound> SqlReflections::create_round(OrgId org, const NewRound& in,
                                                     const Actor& actor) {
  if (in.template_id.empty() || in.template_id.size() > 200) return invalid_round("template_id");
  if (in.catalog_version < 1) return invalid_round("catalog_version");
  if (in.followup_after_days < 0 || in.followup_after_days > core::kMaxFollowupDays) {
    return invalid_round("followup_after_days");
  }
  const auto now = clock_.now();
  return write_into<ReflectionRound>(*db_, [&](Tx& tx, ReflectionRound& out) -> Status {
    auto tool = tx.query("SELECT id FROM tools WHERE org_id = $1 AND id = $2",
                         {org.value, in.tool.value});
    if (!tool) return tool.error();
    if (tool->empty()) return not_found("tools.error.not_found", "no such tool");
    auto rows = tx.query(
        "INSERT INTO reflection_rounds (org_id, tool_id, template_id, catalog_version, "
        "anonymous, followup_after_days, created_by, created_at) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        {org.value, in.tool.value, value(in.template_id),
         static_cast<std::int64_t>(in.catalog_version), std::int64_t{in.anonymous ? 1 : 0},
         static_cast<std::int64_t>(in.followup_after_days), opt_user(actor.user), now});
    if (!rows) return rows.error();
    out = ReflectionRound{rows->front().int64(0), in.tool, in.template_id, in.catalog_version,
                          in.anonymous, in.followup_after_days, actor.user, now};
    const json after{{"tool", in.tool.value},
                     {"template", in.template_id},
                     {"catalog_version", in.catalog_version},
                     {"anonymous", in.anonymous}};
    return write_audit(tx, org, actor, "reflection_round.create", "reflection_round",
                       std::to_string(out.id), "", after.dump(), now);
  });
}

Result<ReflectionRound> SqlReflections::round(OrgId org, std::int64_t round_id) {
  return read_into<ReflectionRound>(*db_, [&](Tx& tx, ReflectionRound& out) -> Status {
    auto r = load_round(tx, org, round_id);
    if (!r) return r.error();
    out = std::move(*r);
    return {};
  });
}

Result<std::vector<ReflectionRound>> SqlReflections::rounds(OrgId org,
                                                            std::optional<core::ToolId> tool) {
  return read_into<std::vector<ReflectionRound>>(
      *db_, [&](Tx& tx, std::vector<ReflectionRound>& out) -> Status {
        auto rows = tool ? tx.query("SELECT " + std::string(kRoundColumns) +
                                        " FROM reflection_rounds WHERE org_id = $1 AND "
                                        "tool_id = $2 ORDER BY id",
                                    {org.value, tool->value})
                         : tx.query("SELECT " + std::string(kRoundColumns) +
                                        " FROM reflection_rounds WHERE org_id = $1 "
                                        "ORDER BY tool_id, id",
                                    {org.value});
        if (!rows) return rows.error();
        for (const Row& r : *rows) out.push_back(round_from(r));
        return {};
      });
}

Result<std::vector<FollowUp>> SqlReflections::follow_ups(OrgId org) {
  return read_into<std::vector<FollowUp>>(*db_, [&](Tx& tx, std::vector<FollowUp>& out) -> Status {
    // The round's columns, qualified (the same order as kRoundColumns).
    auto rows = tx.query(
        "SELECT o.id, o.tool_id, o.template_id, o.catalog_version, o.anonymous, "
        "o.followup_after_days, o.created_by, o.created_at, f.stage_two_opens_at "
        "FROM reflections f JOIN reflection_rounds o ON o.org_id = f.org_id AND o.id = f.round_id "
        "WHERE f.org_id = $1 AND o.anonymous = 0 AND f.stage_two_opens_at IS NOT NULL "
        "AND f.finished_at IS NULL ORDER BY f.stage_two_opens_at, o.id",
        {org.value});
    if (!rows) return rows.error();
    for (const Row& r : *rows) out.push_back(FollowUp{round_from(r), r.int64(8)});
    return {};
  });
}

Result<Reflection> SqlReflections::start(OrgId org, std::int64_t round_id, const Author& author,
                                         const Actor& actor) {
  const auto now = clock_.now();
  return write_into<Reflection>(*db_, [&](Tx& tx, Reflection& out) -> Status {
    auto round = load_round(tx, org, round_id);
    if (!round) return round.error();
    auto key = author_key(*round, author);
    if (!key) return key.error();
    const UnixTime at = answer_time(*round, now);
    auto found = find_reflection(tx, org, round_id, *key);
    if (!found) return found.error();
    std::int64_t id = 0;
    if (*found) {
      id = **found;
    } else {
      auto rows = tx.query(
          "INSERT INTO reflections (org_id, round_id, user_id, author_key, created_at, "
          "updated_at) VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
          {org.value, round_id, opt_user(round->anonymous ? std::nullopt : author.user), *key,
           at});
      if (!rows) return rows.error();
      id = rows->front().int64(0);
      const json after{{"round", round_id}};
      if (auto st = write_audit(tx, org, answer_actor(*round, actor), "reflection.start",
                                "reflection", std::to_string(id), "", after.dump(), at);
          !st) {
        return st;
      }
    }
    auto loaded = load_reflection(tx, org, id, author);
    if (!loaded) return loaded.error();
    out = std::move(loaded->reflection);
    return {};
  });
}

Result<Reflection> SqlReflections::reflection(OrgId org, std::int64_t reflection_id,
                                              const Author& author) {
  return read_into<Reflection>(*db_, [&](Tx& tx, Reflection& out) -> Status {
    auto loaded = load_reflection(tx, org, reflection_id, author);
    if (!loaded) return loaded.error();
    out = std::move(loaded->reflection);
    return {};
  });
}

Result<Reflection> SqlReflections::mine(OrgId org, std::int64_t round_id, const Author& author) {
  return read_into<Reflection>(*db_, [&](Tx& tx, Reflection& out) -> Status {
    auto round = load_round(tx, org, round_id);
    if (!round) return round.error();
    auto key = author_key(*round, author);
    if (!key) return key.error();
    auto found = find_reflection(tx, org, round_id, *key);
    if (!found) return found.error();
    if (!*found) return not_found("reflections.error.not_begun", "not begun");
    auto loaded = load_reflection(tx, org, **found, author);
    if (!loaded) return loaded.error();
    out = std::move(loaded->reflection);
    return {};
  });
}

Result<SectionAnswers> SqlReflections::save_section(OrgId org, std::int64_t reflection_id,
                                                    const Author& author,
                                                    const SectionAnswers& section,
                                                    std::int64_t expected_version,
                                                    const Actor& actor) {
  if (section.section_id.empty() || section.section_id.size() > 200) {
    return core::make_error(core::ErrorCode::kInvalidInput, "reflections.error.section_invalid",
                            "section_id");
  }
  if (auto st = core::validate_answers(section.answers); !st) return st.error();
  const auto now = clock_.now();
  return write_into<SectionAnswers>(*db_, [&](Tx& tx, SectionAnswers& out) -> Status {
    auto loaded = load_reflection(tx, org, reflection_id, author);
    if (!loaded) return loaded.error();
    const Reflection& f = loaded->reflection;
    const UnixTime at = answer_time(loaded->round, now);
    if (auto st = core::check_stage_open(section.stage, f.stage_two_opens_at, now); !st) {
      return st;
    }
    auto stored = std::find_if(f.sections.begin(), f.sections.end(), [&](const auto& s) {
      return s.section_id == section.section_id;
    });
    const std::int64_t current = stored == f.sections.end() ? 0 : stored->version;
    if (current != expected_version) {
      return core::make_error(core::ErrorCode::kConflict, "reflections.error.stale_draft",
                              "section " + section.section_id + " is at version " +
                                  std::to_string(current));
    }
    const std::string answers = json(section.answers).dump();
    auto n = current == 0
                 ? tx.exec("INSERT INTO reflection_sections (reflection_id, org_id, section_id, "
                           "stage, answers_json, version, updated_at) "
                           "VALUES ($1, $2, $3, $4, $5, 1, $6)",
                           {reflection_id, org.value, value(section.section_id),
                            static_cast<std::int64_t>(section.stage), answers, at})
                 : tx.exec("UPDATE reflection_sections SET answers_json = $4, stage = $5, "
                           "version = version + 1, updated_at = $6 "
                           "WHERE org_id = $1 AND reflection_id = $2 AND section_id = $3",
                           {org.value, reflection_id, value(section.section_id), answers,
                            static_cast<std::int64_t>(section.stage), at});
    if (!n) return n.error();
    auto touched = tx.exec("UPDATE reflections SET updated_at = $3 WHERE org_id = $1 AND id = $2",
                           {org.value, reflection_id, at});
    if (!touched) return touched.error();
    out = section;
    out.version = current + 1;
    out.updated_at = at;
    const json after{{"section", section.section_id}, {"version", out.version}};
    return write_audit(tx, org, answer_actor(loaded->round, actor), "reflection.save",
                       "reflection", std::to_string(reflection_id), "", after.dump(), at);
  });
}

Result<Reflection> SqlReflections::finish_stage(OrgId org, std::int64_t reflection_id,
                                                const Author& author, int stage,
                                                const Actor& actor) {
  const auto now = clock_.now();
  return write_into<Reflection>(*db_, [&](Tx& tx, Reflection& out) -> Status {
    auto loaded = load_reflection(tx, org, reflection_id, author);
    if (!loaded) return loaded.error();
    Reflection& f = loaded->reflection;
    const ReflectionRound& round = loaded->round;
    const bool two_stages = round.followup_after_days > 0;
    if (stage == 2 && !two_stages) {
      return core::make_error(core::ErrorCode::kInvalidInput, "reflections.error.stage_invalid",
                              "the round has one stage");
    }
    if (auto st = core::check_stage_open(stage, f.stage_two_opens_at, now); !st) return st;
    const UnixTime at = answer_time(round, now);
    const bool done = stage == 1 ? f.stage_one_done_at.has_value() : f.finished_at.has_value();
    if (!done) {
      if (stage == 1) {
        f.stage_one_done_at = at;
        if (two_stages) {
          f.stage_two_opens_at =
              round.anonymous
                  ? core::anonymous_stage_two_opens_at(at, round.followup_after_days)
                  : core::stage_two_opens_at(at, round.followup_after_days);
        }
      }
      if (stage == 2 || !two_stages) f.finished_at = at;
      f.updated_at = at;
      auto n = tx.exec(
          "UPDATE reflections SET stage_one_done_at = $3, stage_two_opens_at = $4, "
          "finished_at = $5, updated_at = $6 WHERE org_id = $1 AND id = $2",
          {org.value, reflection_id, *f.stage_one_done_at,
           f.stage_two_opens_at ? Value(*f.stage_two_opens_at) : null_value(),
           f.finished_at ? Value(*f.finished_at) : null_value(), at});
      if (!n) return n.error();
      const json after{{"stage", stage}, {"finished", f.finished_at.has_value()}};
      if (auto st = write_audit(tx, org, answer_actor(round, actor), "reflection.finish",
                                "reflection", std::to_string(reflection_id), "", after.dump(),
                                at);
          !st) {
        return st;
      }
    }
    out = std::move(f);
    return {};
  });
}

Result<TeamView> SqlReflections::team_view(OrgId org, std::int64_t round_id) {
  return read_into<TeamView>(*db_, [&](Tx& tx, TeamView& out) -> Status {
    auto round = load_round(tx, org, round_id);
    if (!round) return round.error();
    out.round = std::move(*round);
    auto count = tx.query(
        "SELECT COUNT(*) FROM reflections "
        "WHERE org_id = $1 AND round_id = $2 AND stage_one_done_at IS NOT NULL",
        {org.value, round_id});
    if (!count) return count.error();
    out.respondents = static_cast<int>(count->front().int64(0));
    if (auto st = core::check_team_view(out.round.anonymous, out.respondents); !st) return st;
    auto rows = tx.query(
        "SELECT s.section_id, s.answers_json, r.user_id FROM reflection_sections s "
        "JOIN reflections r ON r.id = s.reflection_id AND r.org_id = s.org_id "
        "WHERE s.org_id = $1 AND r.round_id = $2 AND r.stage_one_done_at IS NOT NULL "
        "ORDER BY s.section_id, r.id",
        {org.value, round_id});
    if (!rows) return rows.error();
    for (const Row& r : *rows) {
      const auto answers = json::parse(r.text(1)).get<std::map<std::string, std::string>>();
      for (const auto& [prompt, text] : answers) {
        TeamAnswer a{r.text(0), prompt, std::nullopt, text};
        if (!out.round.anonymous && !r.is_null(2)) a.user = UserId(r.int64(2));
        out.answers.push_back(std::move(a));
      }
    }
    // By section and prompt; within a prompt, by person (named) or by text
    // (anonymous: the order of starting must not give anyone away).
    std::stable_sort(out.answers.begin(), out.answers.end(),
                     [&](const TeamAnswer& a, const TeamAnswer& b) {
                       if (a.section_id != b.section_id) return a.section_id < b.section_id;
                       if (a.prompt_id != b.prompt_id) return a.prompt_id < b.prompt_id;
                       return out.round.anonymous && a.text < b.text;
                     });
    return {};
  });
}

}  // namespace solipraxis::store::sql
