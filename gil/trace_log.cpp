#include "gil/trace_log.h"

#include <algorithm>
#include <istream>
#include <ostream>

namespace gilsim {

namespace {

constexpr char kMagic[8] = {'G', 'I', 'L', 'T', 'R', 'C', '0', '1'};

template <typename T>
void put(std::ostream& out, const T& value) {
  out.write(reinterpret_cast<const char*>(&value), sizeof value);
}

void putString(std::ostream& out, const std::string& s) {
  put<uint64_t>(out, s.size());
  out.write(s.data(), static_cast<std::streamsize>(s.size()));
}

template <typename T>
bool get(std::istream& in, T* value) {
  return static_cast<bool>(in.read(reinterpret_cast<char*>(value), sizeof *value));
}

bool getString(std::istream& in, std::string* s) {
  uint64_t size = 0;
  if (!get(in, &size) || size > (1u << 20)) return false;
  s->resize(size);
  return static_cast<bool>(in.read(s->data(), static_cast<std::streamsize>(size)));
}

}  // namespace

uint64_t TraceLog::droppedEvents() const {
  uint64_t n = 0;
  for (const TracedProcess& p : processes)
    for (const TracedThread& t : p.threads)
      n += t.droppedEvents;
  return n;
}

uint64_t TraceLog::eventCount() const {
  uint64_t n = 0;
  for (const TracedProcess& p : processes)
    for (const TracedThread& t : p.threads)
      n += t.events.size();
  return n;
}

Nanos TraceLog::end() const {
  Nanos end = origin;
  for (const TracedProcess& p : processes)
    end = std::max(end, p.end);
  return end;
}

void writeTracedProcess(std::ostream& out, const TracedProcess& process) {
  out.write(kMagic, sizeof kMagic);
  put(out, process.pid);
  put(out, process.parentPid);
  putString(out, process.name);
  put(out, process.start);
  put(out, process.end);
  put<uint64_t>(out, process.threads.size());
  for (const TracedThread& t : process.threads) {
    put(out, t.serial);
    putString(out, t.name);
    put(out, t.droppedEvents);
    put<uint64_t>(out, t.events.size());
    out.write(reinterpret_cast<const char*>(t.events.data()),
              static_cast<std::streamsize>(t.events.size() * sizeof(TraceEvent)));
  }
}

std::optional<TracedProcess> readTracedProcess(std::istream& in) {
  char magic[sizeof kMagic];
  if (!in.read(magic, sizeof magic) || !std::equal(magic, magic + sizeof magic, kMagic))
    return std::nullopt;
  TracedProcess p;
  uint64_t threads = 0;
  if (!get(in, &p.pid) || !get(in, &p.parentPid) || !getString(in, &p.name) || !get(in, &p.start) ||
      !get(in, &p.end) || !get(in, &threads) || threads > (1u << 20))
    return std::nullopt;
  for (uint64_t i = 0; i < threads; ++i) {
    TracedThread t;
    uint64_t events = 0;
    if (!get(in, &t.serial) || !getString(in, &t.name) || !get(in, &t.droppedEvents) ||
        !get(in, &events) || events > (uint64_t{1} << 32))
      return std::nullopt;
    t.events.resize(events);
    if (!in.read(reinterpret_cast<char*>(t.events.data()),
                 static_cast<std::streamsize>(events * sizeof(TraceEvent))))
      return std::nullopt;
    p.threads.push_back(std::move(t));
  }
  return p;
}

}  // namespace gilsim
