// MT19937, the Mersenne Twister of Matsumoto and Nishimura, seeded and read exactly as CPython's
// _random module does, so a seeded gilsim script draws CPython's numbers. Pure state: no
// interpreter types here (module_random.cpp wraps it as _random.Random).
#pragma once

#include <array>
#include <cstdint>
#include <span>

namespace gilsim {

class MersenneTwister {
 public:
  static constexpr int kStateWords = 624;

  // init_by_array: the reference seeding from a key of 32-bit words (CPython passes an int's
  // absolute value as little-endian words, one zero word for 0).
  void seedByArray(std::span<const uint32_t> key);
  uint32_t next32();
  // random.random(): 53 random bits from two draws (27 and 26 bits), in [0, 1).
  double nextDouble();

  // The raw state for getstate/setstate: the 624 words and the read position (0..624).
  const std::array<uint32_t, kStateWords>& words() const { return state_; }
  int position() const { return position_; }
  void restore(const std::array<uint32_t, kStateWords>& words, int position);

 private:
  void seedWord(uint32_t seed);
  void twist();
  std::array<uint32_t, kStateWords> state_{};
  int position_ = kStateWords + 1;
};

}  // namespace gilsim
