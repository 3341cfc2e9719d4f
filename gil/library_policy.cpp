#include "gil/library_policy.h"

#include <dlfcn.h>

#include <deque>
#include <filesystem>
#include <mutex>
#include <stdexcept>

#include "gil/policy_table.h"
#include "gilsim/policy.h"

namespace gilsim {

namespace {

// The C enum mirrors the DropReason table (gil/drop_reason.h); a reordering fails here.
#define GILSIM_CHECK_DROP_REASON(e, name, blocking, doc)                                         \
  static_assert(static_cast<int>(DropReason::e) == static_cast<int>(GILSIM_DROP_##e##_REASON_C), \
                "include/gilsim/policy.h disagrees with gil/drop_reason.h");
constexpr gilsim_drop_reason GILSIM_DROP_Forced_REASON_C = GILSIM_DROP_FORCED;
constexpr gilsim_drop_reason GILSIM_DROP_Tick_REASON_C = GILSIM_DROP_TICK;
constexpr gilsim_drop_reason GILSIM_DROP_Sleep_REASON_C = GILSIM_DROP_SLEEP;
constexpr gilsim_drop_reason GILSIM_DROP_Io_REASON_C = GILSIM_DROP_IO;
constexpr gilsim_drop_reason GILSIM_DROP_Wait_REASON_C = GILSIM_DROP_WAIT;
constexpr gilsim_drop_reason GILSIM_DROP_Cext_REASON_C = GILSIM_DROP_CEXT;
constexpr gilsim_drop_reason GILSIM_DROP_Exit_REASON_C = GILSIM_DROP_EXIT;
GILSIM_DROP_REASONS(GILSIM_CHECK_DROP_REASON)
#undef GILSIM_CHECK_DROP_REASON
static_assert(kDropReasonCount == GILSIM_DROP_EXIT + 1,
              "include/gilsim/policy.h disagrees with gil/drop_reason.h");

class LibraryPolicy final : public GilPolicy {
 public:
  LibraryPolicy(const gilsim_policy& library, SyncPlatform& platform, const GilSettings& settings)
      : GilPolicy(platform, settings), library_(library) {
    state_ = library_.create(&kHost, handle(this));
    if (!state_)
      throw std::runtime_error(std::string("the GIL policy library '") + library_.name +
                               "' failed to start (its create returned NULL)");
  }
  ~LibraryPolicy() override {
    if (library_.destroy) library_.destroy(state_);
  }

 private:
  void takeImpl(GilThread& t) override {
    t.granted = false;
    library_.take(state_, handle(&t));
    if (holder_ != &t)  // unlocked: once t holds it, only t changes holder_
      gilDisciplineFailure("take: the policy library returned without giving the thread the GIL");
  }
  void dropImpl(GilThread& t, DropReason reason) override {
    library_.drop(state_, handle(&t), static_cast<gilsim_drop_reason>(reason));
  }

  // The opaque C handles are the objects themselves.
  static gilsim_gil* handle(LibraryPolicy* p) { return reinterpret_cast<gilsim_gil*>(p); }
  static gilsim_thread* handle(GilThread* t) { return reinterpret_cast<gilsim_thread*>(t); }
  static LibraryPolicy& self(gilsim_gil* g) { return *reinterpret_cast<LibraryPolicy*>(g); }
  static GilThread& thread(gilsim_thread* t) { return *reinterpret_cast<GilThread*>(t); }
  static SyncCondition& cond(gilsim_cond* c) { return *reinterpret_cast<SyncCondition*>(c); }
  static gilsim_cond* handle(SyncCondition* c) { return reinterpret_cast<gilsim_cond*>(c); }

  static const gilsim_policy_host kHost;

  const gilsim_policy& library_;
  void* state_ = nullptr;
};

const gilsim_policy_host LibraryPolicy::kHost = {
    GILSIM_POLICY_ABI_VERSION,
    [](gilsim_gil* g) -> int64_t { return self(g).platform_.now(); },
    [](gilsim_gil* g) -> int64_t { return self(g).switchInterval(); },
    [](gilsim_gil* g) { self(g).mutex_->lock(); },
    [](gilsim_gil* g) { self(g).mutex_->unlock(); },
    [](gilsim_gil* g) { return handle(self(g).platform_.makeCondition().release()); },
    [](gilsim_cond* c) { delete &cond(c); },
    [](gilsim_gil* g, gilsim_cond* c) { cond(c).wait(*self(g).mutex_); },
    [](gilsim_gil* g, gilsim_cond* c, int64_t timeout) -> int {
      return cond(c).waitFor(*self(g).mutex_, timeout) == WaitResult::Signalled;
    },
    [](gilsim_cond* c) { cond(c).notifyOne(); },
    [](gilsim_cond* c) { cond(c).notifyAll(); },
    [](gilsim_thread* t) { return handle(thread(t).wakeup.get()); },
    [](gilsim_gil* g) { return self(g).holder_ ? handle(self(g).holder_) : nullptr; },
    [](gilsim_gil* g) { return self(g).lastHolder_ ? handle(self(g).lastHolder_) : nullptr; },
    [](gilsim_gil* g, gilsim_thread* t) { self(g).noteWanted(thread(t)); },
    [](gilsim_gil* g, gilsim_thread* t) { self(g).noteAcquired(thread(t)); },
    [](gilsim_gil* g, gilsim_thread* t) {
      // Granted while it sleeps: the trace shows it running once it wakes (GilPolicy::take).
      thread(t).granted = true;
      self(g).noteAcquired(thread(t));
    },
    [](gilsim_gil* g, gilsim_thread* t, gilsim_drop_reason reason) {
      if (reason < GILSIM_DROP_FORCED || reason > GILSIM_DROP_EXIT)
        gilDisciplineFailure("drop: the policy library passed an unknown drop reason");
      self(g).noteDropped(thread(t), static_cast<DropReason>(reason));
      // As the built-in policies do: a request aimed at the slice just ended is answered.
      thread(t).breaker.clear(kDropGilRequest);
    },
    [](gilsim_gil* g, gilsim_thread* by, gilsim_thread* holder) {
      self(g).requestDrop(thread(by), thread(holder));
    },
    [](gilsim_thread* t) -> uint64_t { return thread(t).serial; },
    [](gilsim_thread* t) -> int64_t { return thread(t).heldSince; },
    [](gilsim_thread* t) -> int { return (thread(t).breaker.load() & kDropGilRequest) != 0; },
    [](gilsim_thread* t) { return &thread(t).libraryData; },
};

struct LoadedLibrary {
  std::string path;  // absolute
  std::string description;
  GilPolicyInfo info;
};

std::mutex loadedMutex;
std::deque<LoadedLibrary>& loadedLibraries() {
  static std::deque<LoadedLibrary> loaded;  // a deque: entries never move
  return loaded;
}

}  // namespace

bool isGilPolicyPath(std::string_view spec) {
  return spec.find('/') != std::string_view::npos;
}

const GilPolicyInfo* loadGilPolicyLibrary(std::string_view spec, std::string& error) {
  std::error_code ec;
  std::string path = std::filesystem::absolute(std::filesystem::path(spec), ec).lexically_normal();
  if (ec) path = std::string(spec);
  std::lock_guard<std::mutex> lock(loadedMutex);
  for (const LoadedLibrary& l : loadedLibraries())
    if (l.path == path) return &l.info;
  std::string quoted = "the GIL policy library '" + std::string(spec) + "'";
  // Never closed: a policy's code runs until the process ends.
  void* dl = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!dl) {
    const char* why = ::dlerror();
    error = "cannot load " + quoted + ": " + (why ? why : "unknown error");
    return nullptr;
  }
  using Entry = const gilsim_policy* (*)();
  auto entry = reinterpret_cast<Entry>(::dlsym(dl, "gilsim_policy_entry"));
  if (!entry) {
    error = quoted + " exports no gilsim_policy_entry (see include/gilsim/policy.h)";
    return nullptr;
  }
  const gilsim_policy* policy = entry();
  if (!policy) {
    error = quoted + ": gilsim_policy_entry returned NULL";
    return nullptr;
  }
  if (policy->abi_version != GILSIM_POLICY_ABI_VERSION) {
    error = quoted + " was built for policy ABI version " + std::to_string(policy->abi_version) +
            "; this gilsim has version " + std::to_string(GILSIM_POLICY_ABI_VERSION);
    return nullptr;
  }
  if (!policy->create || !policy->take || !policy->drop || !policy->name) {
    error = quoted + " leaves name, create, take or drop NULL";
    return nullptr;
  }
  LoadedLibrary& l = loadedLibraries().emplace_back();
  l.path = path;
  l.description = std::string(policy->name) + ": " +
                  (policy->description ? policy->description : "a policy library");
  l.info.name = l.path;
  l.info.description = l.description;
  l.info.defaults = defaultGilPolicy().defaults;
  l.info.make = nullptr;
  l.info.library = policy;
  return &l.info;
}

std::unique_ptr<GilPolicy> makeLibraryPolicy(const gilsim_policy& library, SyncPlatform& platform,
                                             const GilSettings& settings) {
  return std::make_unique<LibraryPolicy>(library, platform, settings);
}

}  // namespace gilsim
