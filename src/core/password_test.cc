#include "core/password.h"

#include <gtest/gtest.h>

#include <string>

namespace solipraxis::core {
namespace {

std::string key_of(const Status& st) { return st ? std::string() : st.error().key; }

TEST(Password, TenCodePointsAreEnoughAndUmlautsCountOnce) {
  EXPECT_TRUE(check_password("zehnzeichn"));
  EXPECT_EQ(key_of(check_password("neunzeich")), "auth.password.too_short");
  // 10 code points, 15 bytes: long enough.
  EXPECT_TRUE(check_password("äöüäöüäöüx"));
  EXPECT_EQ(key_of(check_password("äöüäöüäöü")), "auth.password.too_short");
}

TEST(Password, LongPassphrasesUpTo1024BytesAreWelcome) {
  EXPECT_TRUE(check_password(std::string(kMaxPasswordBytes, 'a')));
  EXPECT_EQ(key_of(check_password(std::string(kMaxPasswordBytes + 1, 'a'))),
            "auth.password.too_long");
}

TEST(Password, MalformedUtf8IsRefusedNotCountedAsShort) {
  EXPECT_EQ(key_of(check_password("lange-genug\xc0\xaf")), "auth.password.invalid");
  EXPECT_EQ(key_of(check_password("lange-genug\xed\xa0\x80")), "auth.password.invalid");
}

}  // namespace
}  // namespace solipraxis::core
