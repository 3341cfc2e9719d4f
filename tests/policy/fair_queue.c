/* fair_queue: an example GIL policy built outside gilsim (include/gilsim/policy.h).
 *
 * Waiters queue first come, first served, and the dropping holder hands the lock straight to the
 * head of the queue, so no thread can barge in. The head keeps time: once the holder has held the
 * lock for a switch interval, the head asks it to drop, and the holder, forced off, joins the
 * tail. This is the algorithm of gilsim's built-in `fifo` (Ruby's GVL), so the tests can check
 * that a library policy gives the same run, to the nanosecond under --sim.
 *
 * Build: cc -shared -fPIC -I<gilsim>/include fair_queue.c -o fair_queue.so
 * Run:   gilsim run --gil ./fair_queue.so script.py
 */
#include <gilsim/policy.h>
#include <stdlib.h>

typedef struct fair_queue {
  const gilsim_policy_host* host;
  gilsim_gil* gil;
  gilsim_thread* head; /* the queue, linked through each thread's data pointer */
  gilsim_thread* tail;
} fair_queue;

static gilsim_thread** next_of(fair_queue* q, gilsim_thread* t) {
  return (gilsim_thread**)q->host->thread_data(t);
}

static void push(fair_queue* q, gilsim_thread* t) {
  *next_of(q, t) = NULL;
  if (q->tail)
    *next_of(q, q->tail) = t;
  else
    q->head = t;
  q->tail = t;
}

static gilsim_thread* pop(fair_queue* q) {
  gilsim_thread* t = q->head;
  q->head = *next_of(q, t);
  if (!q->head) q->tail = NULL;
  *next_of(q, t) = NULL;
  return t;
}

static void* create(const gilsim_policy_host* host, gilsim_gil* gil) {
  fair_queue* q = calloc(1, sizeof *q);
  if (!q) return NULL;
  q->host = host;
  q->gil = gil;
  return q;
}

static void destroy(void* policy) {
  free(policy);
}

static void take(void* policy, gilsim_thread* t) {
  fair_queue* q = policy;
  const gilsim_policy_host* h = q->host;
  h->lock(q->gil);
  h->note_wanted(q->gil, t);
  if (!h->holder(q->gil)) { /* with hand-off, a free lock means an empty queue */
    h->note_acquired(q->gil, t);
    h->unlock(q->gil);
    return;
  }
  push(q, t);
  while (h->holder(q->gil) != t) {
    gilsim_thread* holder = h->holder(q->gil);
    if (q->head != t || !holder) {
      h->wait(q->gil, h->thread_wakeup(t));
      continue;
    }
    /* The head of the queue: wait out the holder's quantum, then ask it to drop. */
    int64_t left = h->held_since(holder) + h->switch_interval(q->gil) - h->now(q->gil);
    if (left > 0) {
      h->wait_for(q->gil, h->thread_wakeup(t), left);
      continue;
    }
    if (!h->drop_requested(holder)) h->request_drop(q->gil, t, holder);
    h->wait(q->gil, h->thread_wakeup(t));
  }
  h->unlock(q->gil);
}

static void drop(void* policy, gilsim_thread* t, gilsim_drop_reason reason) {
  fair_queue* q = policy;
  const gilsim_policy_host* h = q->host;
  h->lock(q->gil);
  h->note_dropped(q->gil, t, reason);
  if (q->head) {
    gilsim_thread* next = pop(q);
    h->hand_to(q->gil, next);
    h->notify_one(h->thread_wakeup(next));
    /* The new head starts timing the new holder's quantum. */
    if (q->head) h->notify_one(h->thread_wakeup(q->head));
  }
  h->unlock(q->gil);
}

static const gilsim_policy kFairQueue = {
    GILSIM_POLICY_ABI_VERSION,
    "fair_queue",
    "first come, first served, with hand-off after a switch interval",
    create,
    destroy,
    take,
    drop};

GILSIM_POLICY_ENTRY {
  return &kFairQueue;
}
