// Helpers shared by the tests.
#ifndef DVK_TESTS_TEST_UTIL_H_
#define DVK_TESTS_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "model/date.h"

namespace dvk {

// The small fixture site whose figures the tests work out by hand.
inline const std::string kFixture = std::string(DVK_SOURCE_DIR) + "/tests/fixtures/small";

// "2026-11-25", or `none` for nullopt: readable in failure messages and expect files.
inline std::string ShowDate(const std::optional<Date>& d, const char* none = "none") {
  if (!d) return none;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d->year, d->month, d->day);
  return buf;
}

// The whole file, bytes as they are.
inline std::string ReadAll(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// EXPECT_TRUE(Contains(text, part)) prints both strings when it fails.
inline ::testing::AssertionResult Contains(const std::string& text, const std::string& part) {
  if (text.find(part) != std::string::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "\"" << text << "\" does not contain \"" << part << "\"";
}

}  // namespace dvk

#endif  // DVK_TESTS_TEST_UTIL_H_
