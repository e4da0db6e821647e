#include "core/tool.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace solipraxis::core {
namespace {

const Date kToday = *Date::parse("2026-03-10");

Tool valid_tool() {
  Tool t;
  t.name = "Übersetzungshilfe";
  t.vendor = "Beispiel GmbH";
  t.purpose = "Beratungsbriefe in einfache Sprache übertragen";
  t.hosting = Hosting::kEuCloud;
  t.openness = Openness::kOpenWeights;
  t.links = {"https://example.org/tool", "http://example.org:8080/a?b=c#d"};
  t.next_review = *Date::parse("2026-09-10");
  return t;
}

std::vector<std::string> keys(const std::vector<FieldError>& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) out.push_back(e.field + ":" + e.error.key);
  return out;
}

bool has(const std::vector<FieldError>& errors, const std::string& field_key) {
  const auto k = keys(errors);
  return std::find(k.begin(), k.end(), field_key) != k.end();
}

TEST(ToolTest, ValidToolHasNoErrors) {
  EXPECT_TRUE(tool_errors(valid_tool(), kToday).empty());
  EXPECT_TRUE(validate_tool(valid_tool(), kToday).has_value());
}

TEST(ToolTest, NameIsRequiredAndAtMost100Characters) {
  Tool t = valid_tool();
  t.name = "   ";
  EXPECT_TRUE(has(tool_errors(t, kToday), "name:tools.error.name_required"));
  t.name = std::string(100, 'a');
  EXPECT_TRUE(tool_errors(t, kToday).empty());
  // 100 code points of two bytes each is still 100 characters.
  t.name.clear();
  for (int i = 0; i < 100; ++i) t.name += "ä";
  EXPECT_TRUE(tool_errors(t, kToday).empty());
  t.name += "a";
  EXPECT_TRUE(has(tool_errors(t, kToday), "name:tools.error.name_too_long"));
  auto st = validate_tool(t, kToday);
  ASSERT_FALSE(st.has_value());
  EXPECT_EQ(st.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(st.error().key, "tools.error.name_too_long");
  EXPECT_EQ(st.error().detail.rfind("name: ", 0), 0u);
}

TEST(ToolTest, NextReviewInThePastIsRefusedUnlessUnchanged) {
  Tool t = valid_tool();
  t.next_review = kToday;
  EXPECT_TRUE(tool_errors(t, kToday).empty());
  t.next_review = kToday.add_days(-1);
  EXPECT_TRUE(has(tool_errors(t, kToday), "next_review:tools.error.next_review_in_past"));
  // An overdue review date that is already stored does not block other edits.
  EXPECT_TRUE(tool_errors(t, kToday, kToday.add_days(-1)).empty());
  EXPECT_TRUE(has(tool_errors(t, kToday, kToday.add_days(-5)),
                  "next_review:tools.error.next_review_in_past"));
}

TEST(ToolTest, ToolsInReviewedPhasesNeedANextReviewDate) {
  Tool t = valid_tool();
  t.next_review.reset();
  for (Phase p : kAllPhases) {
    t.phase = p;
    EXPECT_EQ(has(tool_errors(t, kToday), "next_review:tools.error.next_review_required"),
              requires_review(p))
        << phase_name(p);
  }
}

TEST(ToolTest, ShortPublicDescriptionIsAtMost350Characters) {
  Tool t = valid_tool();
  t.public_summary = std::string(350, 'x');
  EXPECT_TRUE(tool_errors(t, kToday).empty());
  t.public_summary += "y";
  EXPECT_TRUE(has(tool_errors(t, kToday), "public_summary:tools.error.public_summary_too_long"));
}

TEST(ToolTest, PublicToolNeedsAShortDescription) {
  Tool t = valid_tool();
  t.is_public = true;
  EXPECT_TRUE(has(tool_errors(t, kToday), "public_summary:tools.error.public_summary_required"));
  t.public_summary = "Hilft bei einfacher Sprache.";
  EXPECT_TRUE(tool_errors(t, kToday).empty());
}

TEST(ToolTest, LinksMustBeHttpUrls) {
  for (const char* bad : {"javascript:alert(1)", "ftp://example.org", "https://", "example.org",
                          "https://exa mple.org", "http:///path", "https://\"><script>",
                          "data:text/html,hi"}) {
    Tool t = valid_tool();
    t.links = {bad};
    EXPECT_TRUE(has(tool_errors(t, kToday), "links:tools.error.link_invalid")) << bad;
  }
  Tool t = valid_tool();
  t.links = std::vector<std::string>(21, "https://example.org");
  EXPECT_TRUE(has(tool_errors(t, kToday), "links:tools.error.too_many_links"));
}

TEST(ToolTest, MalformedTextAndOverlongFieldsAreNamed) {
  Tool t = valid_tool();
  t.vendor = "\xC3\x28";  // invalid UTF-8
  t.cost = std::string(201, 'c');
  t.risks = "line\x01";
  const auto errors = tool_errors(t, kToday);
  EXPECT_TRUE(has(errors, "vendor:tools.error.text_invalid"));
  EXPECT_TRUE(has(errors, "cost:tools.error.field_too_long"));
  EXPECT_TRUE(has(errors, "risks:tools.error.text_invalid"));
  // HTML is text like any other; it is escaped when shown, not refused.
  t = valid_tool();
  t.purpose = "<script>alert('x')</script>";
  EXPECT_TRUE(tool_errors(t, kToday).empty());
}

TEST(ToolTest, OneLineFieldsRefuseLineBreaksLongTextsKeepThem) {
  Tool t = valid_tool();
  t.name = "Chat\r\nBEGIN:VEVENT";
  t.vendor = "A\nB";
  t.cost = "10 €\n";  // not trimmed here: validation alone sees the break
  t.contact = "Kim";
  t.purpose = "Erste Zeile.\nZweite Zeile.";
  const auto errors = tool_errors(t, kToday);
  EXPECT_TRUE(has(errors, "name:tools.error.single_line"));
  EXPECT_TRUE(has(errors, "vendor:tools.error.single_line"));
  EXPECT_TRUE(has(errors, "cost:tools.error.single_line"));
  EXPECT_FALSE(has(errors, "contact:tools.error.single_line"));
  EXPECT_FALSE(has(errors, "purpose:tools.error.single_line"));
  EXPECT_EQ(errors.size(), 3u);
}

TEST(ToolTest, EnumsRoundTripAndUnknownValuesAreInvalidInput) {
  for (Hosting h : {Hosting::kVendorCloud, Hosting::kEuCloud, Hosting::kSelfHosted,
                    Hosting::kOnDevice}) {
    EXPECT_EQ(*parse_hosting(hosting_name(h)), h);
  }
  for (Openness o : {Openness::kClosed, Openness::kOpenWeights, Openness::kOpenSource}) {
    EXPECT_EQ(*parse_openness(openness_name(o)), o);
  }
  auto h = parse_hosting("moon");
  ASSERT_FALSE(h.has_value());
  EXPECT_EQ(h.error().key, "tools.error.invalid_hosting");
  auto o = parse_openness("semi");
  ASSERT_FALSE(o.has_value());
  EXPECT_EQ(o.error().key, "tools.error.invalid_openness");
}

TEST(ToolTest, NormalizeTrimsAndSpecialCategoriesAnswerAnOpenPersonalDataQuestion) {
  Tool t = valid_tool();
  t.name = "  Chatbot \n";
  t.links = {" https://example.org ", "", "  "};
  t.special_categories = true;
  ASSERT_EQ(t.personal_data, DataAnswer::kUnknown);
  normalize_tool(t);
  EXPECT_EQ(t.name, "Chatbot");
  EXPECT_EQ(t.links, std::vector<std::string>{"https://example.org"});
  EXPECT_EQ(t.personal_data, DataAnswer::kYes);
  EXPECT_TRUE(tool_errors(t, kToday).empty());
}

TEST(ToolTest, ANewToolHasNotAnsweredThePersonalDataQuestion) {
  const Tool t;
  EXPECT_EQ(t.personal_data, DataAnswer::kUnknown);
  EXPECT_FALSE(t.special_categories);
  EXPECT_EQ(special_categories_answer(t), DataAnswer::kUnknown);
  EXPECT_STREQ(data_answer_label_key(t.personal_data), "tools.value.not_answered");
}

TEST(ToolTest, DataAnswersRoundTripAndOthersAreInvalidInput) {
  EXPECT_STREQ(data_answer_name(DataAnswer::kUnknown), "unknown");
  EXPECT_STREQ(data_answer_name(DataAnswer::kNo), "no");
  EXPECT_STREQ(data_answer_name(DataAnswer::kYes), "yes");
  for (DataAnswer a : {DataAnswer::kUnknown, DataAnswer::kNo, DataAnswer::kYes}) {
    EXPECT_EQ(*parse_data_answer(data_answer_name(a)), a);
  }
  EXPECT_STREQ(data_answer_label_key(DataAnswer::kYes), "tools.value.yes");
  EXPECT_STREQ(data_answer_label_key(DataAnswer::kNo), "tools.value.no");
  for (const char* bad : {"", "Yes", "ja", "true", "1", "maybe", "unknown "}) {
    auto a = parse_data_answer(bad);
    ASSERT_FALSE(a.has_value()) << bad;
    EXPECT_EQ(a.error().code, ErrorCode::kInvalidInput);
    EXPECT_EQ(a.error().key, "tools.error.invalid_data_answer");
  }
}

TEST(ToolTest, SpecialCategoriesWithPersonalDataNoAreRefused) {
  Tool t = valid_tool();
  t.personal_data = DataAnswer::kNo;
  t.special_categories = true;
  normalize_tool(t);
  EXPECT_EQ(t.personal_data, DataAnswer::kNo) << "a given answer is never overwritten";
  EXPECT_EQ(keys(tool_errors(t, kToday)),
            std::vector<std::string>{
                "special_categories:tools.error.special_categories_without_personal_data"});
  EXPECT_EQ(validate_tool(t, kToday).error().key,
            "tools.error.special_categories_without_personal_data");
  // Without normalize_tool an open question is refused too, never guessed.
  t.personal_data = DataAnswer::kUnknown;
  EXPECT_TRUE(has(tool_errors(t, kToday),
                  "special_categories:tools.error.special_categories_without_personal_data"));
}

TEST(ToolTest, SpecialCategoriesAreReadAsThePersonalDataAnswerAllows) {
  Tool t = valid_tool();
  t.personal_data = DataAnswer::kYes;
  EXPECT_EQ(special_categories_answer(t), DataAnswer::kNo);
  t.special_categories = true;
  EXPECT_EQ(special_categories_answer(t), DataAnswer::kYes);
  t.personal_data = DataAnswer::kNo;
  t.special_categories = false;
  EXPECT_EQ(special_categories_answer(t), DataAnswer::kNo);
  t.personal_data = DataAnswer::kUnknown;
  EXPECT_EQ(special_categories_answer(t), DataAnswer::kUnknown);
}

}  // namespace
}  // namespace solipraxis::core
