// Tests of compute/collate.h: Vietnamese alphabetical order, not byte order.
#include "compute/collate.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace dvk {
namespace {

std::vector<std::string> SortedVietnamese(std::vector<std::string> names) {
  VietnameseCollation collation;
  std::stable_sort(names.begin(), names.end(), [&](const std::string& a, const std::string& b) {
    return collation.Less(a, b);
  });
  return names;
}

TEST(VietnameseCollationTest, Alphabet) {
  // The alphabet is a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y. Byte order would put
  // every letter with a diacritic (Ă, Â, Đ, Ê) after all the plain ones.
  EXPECT_EQ(SortedVietnamese({"Bình", "An", "Ăn", "Âm", "Đông", "Dân", "Em", "Ê"}),
            (std::vector<std::string>{"An", "Ăn", "Âm", "Bình", "Dân", "Đông", "Em", "Ê"}));
  EXPECT_EQ(SortedVietnamese({"Ư", "Ơ", "U", "Ô", "O", "Y", "V", "X"}),
            (std::vector<std::string>{"O", "Ô", "Ơ", "U", "Ư", "V", "X", "Y"}));
}

TEST(VietnameseCollationTest, PairsInOrder) {
  struct Case {
    const char* before;
    const char* after;
    const char* why;
  };
  const Case kCases[] = {
      {"An", "Ánh", "a prefix comes first"},
      {"Ánh", "Bình", "Á is a tone on A, before B (byte order says otherwise)"},
      {"Dân", "Đường", "D before Đ"},
      {"Dương", "Đa", "the letter Đ outranks everything after it"},
      {"Đường", "Em", "Đ before E (byte order says otherwise)"},
      {"Anh", "Ánh", "no tone before a tone"},
      {"Ánh", "Ăn", "a tone is secondary to the next letter: a-n-h before ă"},
      {"Bà", "Bác", "tone on an earlier letter is secondary to a later letter"},
      {"Hội LHPN", "Hội Nông dân", "L before N"},
      {"Đoàn Thanh niên", "Hội Nông dân", "Đ before H (byte order says otherwise)"},
      {"Ủy ban MTTQ tỉnh", "Ủy ban MTTQ xã An Phú", "t before x"},
      {"Cánh đồng", "Dân giàu", "C before D"},
  };
  VietnameseCollation collation;
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.why);
    EXPECT_TRUE(collation.Less(c.before, c.after)) << c.before << " < " << c.after << ": " << c.why;
    EXPECT_FALSE(collation.Less(c.after, c.before)) << c.after << " < " << c.before;
    EXPECT_LT(collation.Key(c.before), collation.Key(c.after)) << c.why;
  }
}

TEST(VietnameseCollationTest, EqualNamesAreNotLess) {
  VietnameseCollation collation;
  EXPECT_FALSE(collation.Less("Việt", "Việt"));
  EXPECT_EQ(collation.Key("Việt"), collation.Key("Việt"));
  EXPECT_EQ(collation.Key(""), collation.Key(""));
  EXPECT_TRUE(collation.Less("", "A"));
}

}  // namespace
}  // namespace dvk
