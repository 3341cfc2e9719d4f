/* gilsim/policy.h: write a GIL policy of your own, in C or C++, and run it with --gil.
 *
 * A policy library exports one function, gilsim_policy_entry, which returns a description of the
 * policy: its name, and the functions gilsim calls when a thread takes and drops the GIL. Build it
 * with `cc -shared -fPIC -I<gilsim>/include mypolicy.c -o mypolicy.so` and run
 * `gilsim run --gil ./mypolicy.so script.py` (or `gilsim test --gil cpython,./mypolicy.so ...`):
 * a --gil value with a `/` in it is a path to a policy library.
 *
 * The policy sees the world only through the host table below: a clock, the GIL's mutex,
 * conditions over it and the lock's bookkeeping. On the real machine these are the monotonic
 * clock and pthreads; under `--sim` they are the simulated machine's virtual clock and fibers, so
 * the same library runs, deterministically, on both. A policy must not block or read a clock any
 * other way (a real sleep under --sim would stall the whole simulated machine).
 *
 * The contract, as for the built-in policies (gil/gil_policy.h):
 *
 *   take(policy, t)          t does not hold the GIL; return once it does. Lock the GIL's mutex,
 *                            call note_wanted(t), wait on conditions until the lock is free (or
 *                            handed to t), call note_acquired(t) (or have the dropping thread call
 *                            hand_to(t)), unlock.
 *   drop(policy, t, reason)  t holds the GIL and gives it up: lock, note_dropped(t, reason),
 *                            wake whoever should run next, unlock.
 *
 * A thread is asked to drop the GIL by request_drop: its next check point (a loop back-edge or a
 * call) then drops it with GILSIM_DROP_FORCED and takes it again. Requesting is what makes a
 * CPU-bound holder let anyone else in; a policy that never requests lets a holder run until it
 * blocks. Everything in the host table that reads or changes the lock's state needs the GIL's
 * mutex held; thread_serial and the clock do not.
 *
 * A minimal policy (first come, first served; the holder is asked to drop once it has held the
 * lock for a switch interval while someone waits) is tests/policy/fair_queue.c.
 */
#ifndef GILSIM_POLICY_H
#define GILSIM_POLICY_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Bumped whenever either table changes incompatibly; --gil refuses a library built for
 * another. */
#define GILSIM_POLICY_ABI_VERSION 1

typedef struct gilsim_gil gilsim_gil;       /* the GIL the policy runs */
typedef struct gilsim_thread gilsim_thread; /* a thread that runs Python code */
typedef struct gilsim_cond gilsim_cond;     /* a condition variable over the GIL's mutex */

/* Why a thread gives the GIL up (the trace and the stats name them the same way). */
typedef enum gilsim_drop_reason {
  GILSIM_DROP_FORCED, /* its check point answered request_drop */
  GILSIM_DROP_TICK,   /* (cpython-old's check interval; not passed to a library policy) */
  GILSIM_DROP_SLEEP,  /* time.sleep */
  GILSIM_DROP_IO,     /* a file or pipe read or write */
  GILSIM_DROP_WAIT,   /* a lock, event, condition, queue or join wait */
  GILSIM_DROP_CEXT,   /* a C-extension call that releases the GIL */
  GILSIM_DROP_EXIT    /* the thread finished */
} gilsim_drop_reason;

typedef struct gilsim_policy_host {
  int abi_version;

  /* Nanoseconds on the platform's monotonic clock (virtual under --sim). */
  int64_t (*now)(gilsim_gil* gil);
  /* sys.getswitchinterval() in nanoseconds; it may change while the program runs. */
  int64_t (*switch_interval)(gilsim_gil* gil);

  /* The GIL's mutex. */
  void (*lock)(gilsim_gil* gil);
  void (*unlock)(gilsim_gil* gil);

  /* Conditions over the GIL's mutex. wait and wait_for release it while they wait and hold it
   * again on return; wake-ups may be spurious (loop on your predicate). wait_for returns 1 when
   * signalled and 0 when the timeout ran out. Each thread has a condition of its own, for
   * policies that wake one chosen thread. */
  gilsim_cond* (*cond_new)(gilsim_gil* gil);
  void (*cond_free)(gilsim_cond* cond);
  void (*wait)(gilsim_gil* gil, gilsim_cond* cond);
  int (*wait_for)(gilsim_gil* gil, gilsim_cond* cond, int64_t timeout_ns);
  void (*notify_one)(gilsim_cond* cond);
  void (*notify_all)(gilsim_cond* cond);
  gilsim_cond* (*thread_wakeup)(gilsim_thread* t);

  /* The lock's state and bookkeeping (the counters of gilsim.stats() and the trace). */
  gilsim_thread* (*holder)(gilsim_gil* gil);      /* NULL when free */
  gilsim_thread* (*last_holder)(gilsim_gil* gil); /* the previous holder, NULL at first */
  void (*note_wanted)(gilsim_gil* gil, gilsim_thread* t);
  void (*note_acquired)(gilsim_gil* gil, gilsim_thread* t); /* t, running, now holds it */
  void (*hand_to)(gilsim_gil* gil, gilsim_thread* t);       /* t, waiting, now holds it */
  void (*note_dropped)(gilsim_gil* gil, gilsim_thread* t, gilsim_drop_reason reason);
  void (*request_drop)(gilsim_gil* gil, gilsim_thread* by, gilsim_thread* holder);

  /* Threads. */
  uint64_t (*thread_serial)(gilsim_thread* t); /* 1 for the main thread, then in creation order */
  int64_t (*held_since)(gilsim_thread* t);     /* when it last took the GIL */
  int (*drop_requested)(gilsim_thread* t);     /* request_drop is pending on it */
  /* One pointer per thread for the policy's own use (a queue link, say); NULL at first. */
  void** (*thread_data)(gilsim_thread* t);
} gilsim_policy_host;

typedef struct gilsim_policy {
  int abi_version;         /* GILSIM_POLICY_ABI_VERSION */
  const char* name;        /* a short name, for messages */
  const char* description; /* one line */

  /* A policy's state for one GIL (one per process); NULL fails the run. */
  void* (*create)(const gilsim_policy_host* host, gilsim_gil* gil);
  void (*destroy)(void* policy);
  void (*take)(void* policy, gilsim_thread* t);
  void (*drop)(void* policy, gilsim_thread* t, gilsim_drop_reason reason);
} gilsim_policy;

/* The entry point a policy library exports. */
#define GILSIM_POLICY_ENTRY const gilsim_policy* gilsim_policy_entry(void)

#ifdef __cplusplus
}
#endif

#endif /* GILSIM_POLICY_H */
