// tools/duration.h: the durations --switch-interval takes (a number with a unit, or bare seconds).
#include "tools/duration.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>

namespace gilsim::cli {
namespace {

constexpr int64_t kUs = 1000;
constexpr int64_t kMs = 1000 * kUs;
constexpr int64_t kS = 1000 * kMs;

TEST(ParseDuration, Units) {
  EXPECT_EQ(parseDuration("5ms"), 5 * kMs);
  EXPECT_EQ(parseDuration("500us"), 500 * kUs);
  EXPECT_EQ(parseDuration("500\xc2\xb5s"), 500 * kUs);  // µs
  EXPECT_EQ(parseDuration("250ns"), 250);
  EXPECT_EQ(parseDuration("0.005s"), 5 * kMs);
  EXPECT_EQ(parseDuration("3s"), 3 * kS);
  EXPECT_EQ(parseDuration("1.5m"), 90 * kS);
  EXPECT_EQ(parseDuration("2m"), 120 * kS);
}

TEST(ParseDuration, BareNumberIsSeconds) {
  EXPECT_EQ(parseDuration("2"), 2 * kS);
  EXPECT_EQ(parseDuration("0.005"), 5 * kMs);
  EXPECT_EQ(parseDuration("0.0005"), 500 * kUs);
  EXPECT_EQ(parseDuration("0"), 0) << "a valid duration; the CLI rejects it as too short";
}

TEST(ParseDuration, FractionsRoundToTheNearestNanosecond) {
  EXPECT_EQ(parseDuration("1.5us"), 1500);
  EXPECT_EQ(parseDuration("0.4ns"), 0);
  EXPECT_EQ(parseDuration("0.6ns"), 1);
  EXPECT_EQ(parseDuration("0.1s"), 100 * kMs);
}

TEST(ParseDuration, ExponentNotation) {
  EXPECT_EQ(parseDuration("1e3us"), 1 * kMs);
  EXPECT_EQ(parseDuration("5e-3"), 5 * kMs);
}

TEST(ParseDuration, Rejects) {
  for (std::string bad :
       {"",        "abc",   "ms",   "s",   "m",    "us",    "-1ms",  "-1",          "-0.5s",
        "5 ms",    " 5ms",  "5ms ", "5h",  "5sec", "5mss",  "5Ms",   "5MS",         "ms5",
        "5.5.5ms", "1,5ms", "nan",  "inf", "infs", "nanms", "1e30s", "10000000000", "0x10ms"}) {
    EXPECT_EQ(parseDuration(bad), std::nullopt) << "'" << bad << "'";
  }
}

TEST(ParseDuration, LargestAccepted) {
  EXPECT_EQ(parseDuration("9000000000"), 9000000000 * kS) << "9e18 ns is the cap";
  EXPECT_EQ(parseDuration("9100000000"), std::nullopt);
  EXPECT_EQ(parseDuration("9100000000s"), std::nullopt);
  EXPECT_EQ(parseDuration("8000000000"), 8000000000 * kS);
  EXPECT_EQ(parseDuration("150000000m"), int64_t{150000000} * 60 * kS);
}

}  // namespace
}  // namespace gilsim::cli
