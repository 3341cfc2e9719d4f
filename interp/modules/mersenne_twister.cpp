#include "interp/modules/mersenne_twister.h"

#include <algorithm>

namespace gilsim {

namespace {
constexpr int kN = MersenneTwister::kStateWords;
constexpr int kM = 397;
constexpr uint32_t kMatrixA = 0x9908b0dfU;
constexpr uint32_t kUpperMask = 0x80000000U;
constexpr uint32_t kLowerMask = 0x7fffffffU;
}  // namespace

void MersenneTwister::seedWord(uint32_t seed) {
  state_[0] = seed;
  for (int i = 1; i < kN; ++i)
    state_[i] = 1812433253U * (state_[i - 1] ^ (state_[i - 1] >> 30)) + static_cast<uint32_t>(i);
  position_ = kN;
}

void MersenneTwister::seedByArray(std::span<const uint32_t> key) {
  seedWord(19650218U);
  int i = 1;
  size_t j = 0;
  size_t keyLength = key.size();
  for (size_t k = std::max<size_t>(kN, keyLength); k > 0; --k) {
    state_[i] = (state_[i] ^ ((state_[i - 1] ^ (state_[i - 1] >> 30)) * 1664525U)) + key[j] +
                static_cast<uint32_t>(j);
    ++i;
    ++j;
    if (i >= kN) {
      state_[0] = state_[kN - 1];
      i = 1;
    }
    if (j >= keyLength) j = 0;
  }
  for (int k = kN - 1; k > 0; --k) {
    state_[i] = (state_[i] ^ ((state_[i - 1] ^ (state_[i - 1] >> 30)) * 1566083941U)) -
                static_cast<uint32_t>(i);
    ++i;
    if (i >= kN) {
      state_[0] = state_[kN - 1];
      i = 1;
    }
  }
  state_[0] = 0x80000000U;  // a non-zero initial array, whatever the key
}

void MersenneTwister::twist() {
  auto mix = [](uint32_t upper, uint32_t lower, uint32_t far) {
    uint32_t y = (upper & kUpperMask) | (lower & kLowerMask);
    return far ^ (y >> 1) ^ ((y & 1U) ? kMatrixA : 0U);
  };
  int k = 0;
  for (; k < kN - kM; ++k)
    state_[k] = mix(state_[k], state_[k + 1], state_[k + kM]);
  for (; k < kN - 1; ++k)
    state_[k] = mix(state_[k], state_[k + 1], state_[k + (kM - kN)]);
  state_[kN - 1] = mix(state_[kN - 1], state_[0], state_[kM - 1]);
  position_ = 0;
}

uint32_t MersenneTwister::next32() {
  if (position_ >= kN) twist();
  uint32_t y = state_[position_++];
  y ^= y >> 11;
  y ^= (y << 7) & 0x9d2c5680U;
  y ^= (y << 15) & 0xefc60000U;
  y ^= y >> 18;
  return y;
}

double MersenneTwister::nextDouble() {
  uint32_t a = next32() >> 5, b = next32() >> 6;
  return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

void MersenneTwister::restore(const std::array<uint32_t, kStateWords>& words, int position) {
  state_ = words;
  position_ = position;
}

}  // namespace gilsim
