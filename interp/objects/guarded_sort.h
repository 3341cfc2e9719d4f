// A stable merge sort that stays inside its range whatever the comparison answers. std::sort and
// std::stable_sort assume a strict weak order and read past the ends under any other (libstdc++'s
// unguarded insertion); list.sort's comparison is Python code (__lt__, which may answer at
// random), so its sort must only ever touch the elements it was given (issue 15). For a
// consistent order the result is the same as any stable sort's, so CPython's timsort's.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace gilsim {

// Sorts `items` stably by `less`, which may throw (the items are then in some permutation) or
// be inconsistent (the items are then in some permutation, each exactly once).
template <class T, class Less>
void guardedStableSort(std::vector<T>& items, Less less) {
  const size_t n = items.size();
  constexpr size_t kRun = 16;
  // Insertion sort of short runs: the inner loop is bounded by the run's start.
  for (size_t start = 0; start < n; start += kRun) {
    size_t end = std::min(n, start + kRun);
    for (size_t i = start + 1; i < end; ++i) {
      for (size_t j = i; j > start && less(items[j], items[j - 1]); --j)
        std::swap(items[j], items[j - 1]);
    }
  }
  // Bottom-up merges through a buffer; each merge reads only [left, right).
  std::vector<T> buffer;
  buffer.reserve(n);
  for (size_t width = kRun; width < n; width *= 2) {
    for (size_t left = 0; left + width < n; left += 2 * width) {
      size_t mid = left + width, right = std::min(n, left + 2 * width);
      buffer.clear();
      size_t i = left, j = mid;
      while (i < mid && j < right)  // take from the right only when strictly less: stable
        buffer.push_back(std::move(less(items[j], items[i]) ? items[j++] : items[i++]));
      while (i < mid)
        buffer.push_back(std::move(items[i++]));
      while (j < right)
        buffer.push_back(std::move(items[j++]));
      for (size_t k = 0; k < buffer.size(); ++k)
        items[left + k] = std::move(buffer[k]);
    }
  }
}

}  // namespace gilsim
