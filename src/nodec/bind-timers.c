/*
 * bind-timers.c - the loop under setTimeout, setInterval and setImmediate.
 *
 * Each Timeout object gets a libnodec timer, so timers fire in the loop's
 * order (deadline, then the order they were started) and ref/unref are the
 * handle's.  JavaScript names a timer by a small integer; the slot keeps
 * the Timeout object alive (protected) while the timer is open.
 *
 * Immediates are a JavaScript queue.  While it holds any, a check watcher
 * runs them, and an idle watcher keeps the loop from sleeping in poll.  A
 * check phase runs the immediates queued before it started (a batch), each
 * one through nodec_call, so ticks and promise jobs run after each, as in
 * Node; immediates queued meanwhile wait for the next turn.
 */
#include <stdlib.h>

#include "runtime.h"

#define NATIVE(name)                                                         \
  static JSValueRef name(JSContextRef ctx, JSObjectRef f, JSObjectRef self,  \
                         size_t argc, const JSValueRef argv[],               \
                         JSValueRef *exception)

struct slot {
  nd_timer_t timer;
  JSObjectRef owner;     /* the Timeout, protected while open */
  int next_free;         /* free list, when not in use */
  int open;
};

static struct slot **slots;
static int nslots;
static int free_head = -1;

static void timer_cb(nd_timer_t *t) {
  struct slot *s = t->data;
  JSValueRef arg = s->owner;

  nodec_call(nodec.timer_fire, NULL, 1, &arg);
}

static struct slot *slot_of(JSValueRef v) {
  int id = (int)nodec_number(v);

  if (id < 0 || id >= nslots || !slots[id]->open)
    return NULL;
  return slots[id];
}

/* binding.timerCreate(timeout) -> id */
NATIVE(timer_create_) {
  struct slot *s;
  int id;

  (void)f;
  (void)self;
  if (argc < 1 || !JSValueIsObject(ctx, argv[0]))
    return nodec_throw(exception, "ERR_INVALID_ARG_TYPE", "timerCreate");
  if (free_head >= 0) {
    id = free_head;
    s = slots[id];
    free_head = s->next_free;
  } else {
    struct slot **grown = realloc(slots, (size_t)(nslots + 1) * sizeof(*grown));
    s = calloc(1, sizeof(*s));
    if (grown == NULL || s == NULL) {
      free(s);
      if (grown != NULL)
        slots = grown;
      return nodec_throw(exception, "ERR_MEMORY_ALLOCATION_FAILED",
                         "out of memory");
    }
    slots = grown;
    id = nslots++;
    slots[id] = s;
  }
  nd_timer_init(&nodec.loop, &s->timer);
  s->timer.data = s;
  s->owner = (JSObjectRef)argv[0];
  JSValueProtect(ctx, s->owner);
  s->open = 1;
  return JSValueMakeNumber(ctx, id);
}

/* binding.timerStart(id, ms, repeatMs) */
NATIVE(timer_start) {
  struct slot *s;

  (void)f;
  (void)self;
  (void)exception;
  if (argc < 3 || (s = slot_of(argv[0])) == NULL)
    return JSValueMakeUndefined(ctx);
  /* From now, not from the loop's last look at the clock (Node's rule). */
  nd_update_time(&nodec.loop);
  nd_timer_start(&s->timer, timer_cb, (uint64_t)nodec_number(argv[1]),
                 (uint64_t)nodec_number(argv[2]));
  return JSValueMakeUndefined(ctx);
}

NATIVE(timer_stop) {
  struct slot *s;

  (void)f;
  (void)self;
  (void)exception;
  if (argc >= 1 && (s = slot_of(argv[0])) != NULL)
    nd_timer_stop(&s->timer);
  return JSValueMakeUndefined(ctx);
}

/* binding.timerRef(id, on) -> hasRef */
NATIVE(timer_ref) {
  struct slot *s;

  (void)f;
  (void)self;
  (void)exception;
  if (argc < 1 || (s = slot_of(argv[0])) == NULL)
    return JSValueMakeBoolean(ctx, 0);
  if (argc >= 2) {
    if (JSValueToBoolean(ctx, argv[1]))
      nd_ref((nd_handle_t *)&s->timer);
    else
      nd_unref((nd_handle_t *)&s->timer);
  }
  return JSValueMakeBoolean(ctx, nd_has_ref((nd_handle_t *)&s->timer));
}

static void slot_closed(nd_handle_t *h) {
  struct slot *s = h->data;
  int id;

  for (id = 0; id < nslots && slots[id] != s; id++)
    ;
  s->next_free = free_head;
  free_head = id;
}

/* binding.timerClose(id): the Timeout is done with (cleared or fired). */
NATIVE(timer_close) {
  struct slot *s;

  (void)f;
  (void)self;
  (void)exception;
  if (argc < 1 || (s = slot_of(argv[0])) == NULL)
    return JSValueMakeUndefined(ctx);
  s->open = 0;
  JSValueUnprotect(ctx, s->owner);
  s->owner = NULL;
  nd_close((nd_handle_t *)&s->timer, slot_closed);
  return JSValueMakeUndefined(ctx);
}

/* binding.loopNow(): the loop's clock, ms (Node's getLibuvNow). */
NATIVE(loop_now) {
  nd_update_time(&nodec.loop);
  (void)f;
  (void)self;
  (void)argc;
  (void)argv;
  (void)exception;
  return JSValueMakeNumber(ctx, (double)nd_now(&nodec.loop));
}

/* --- immediates --------------------------------------------------------- */

static void immediate_idle_cb(nd_idle_t *h) {
  (void)h;
}

static void immediate_check_cb(nd_check_t *h) {
  JSValueRef exc = NULL, n;
  int batch, i;

  (void)h;
  JSLock(nodec.ctx);
  n = JSObjectCallAsFunction(nodec.ctx, nodec.immediate_begin, NULL, 0, NULL,
                             &exc);
  JSUnlock(nodec.ctx);
  if (exc != NULL) {
    nodec_uncaught(exc);
    return;
  }
  batch = (int)nodec_number(n);
  for (i = 0; i < batch; i++)
    nodec_call(nodec.immediate_run, NULL, 0, NULL);
}

/* binding.immediateUpdate(): watchers follow info[IMMEDIATES/REFS]. */
NATIVE(immediate_update) {
  int pending = nodec.info[NODEC_INFO_IMMEDIATES];
  int refs = nodec.info[NODEC_INFO_IMMEDIATE_REFS];

  (void)f;
  (void)self;
  (void)argc;
  (void)argv;
  (void)exception;
  if (pending > 0) {
    nd_check_start(&nodec.immediate_check, immediate_check_cb);
    nd_idle_start(&nodec.immediate_idle, immediate_idle_cb);
    if (refs > 0)
      nd_ref((nd_handle_t *)&nodec.immediate_check);
    else
      nd_unref((nd_handle_t *)&nodec.immediate_check);
    /* Only referenced immediates keep the loop from sleeping. */
    if (refs > 0)
      nd_ref((nd_handle_t *)&nodec.immediate_idle);
    else
      nd_unref((nd_handle_t *)&nodec.immediate_idle);
  } else {
    nd_check_stop(&nodec.immediate_check);
    nd_idle_stop(&nodec.immediate_idle);
  }
  return JSValueMakeUndefined(ctx);
}

void nodec_bind_timers(JSObjectRef b) {
  nd_check_init(&nodec.loop, &nodec.immediate_check);
  nd_idle_init(&nodec.loop, &nodec.immediate_idle);
  nodec_set_fn(b, "timerCreate", timer_create_);
  nodec_set_fn(b, "timerStart", timer_start);
  nodec_set_fn(b, "timerStop", timer_stop);
  nodec_set_fn(b, "timerRef", timer_ref);
  nodec_set_fn(b, "timerClose", timer_close);
  nodec_set_fn(b, "loopNow", loop_now);
  nodec_set_fn(b, "immediateUpdate", immediate_update);
}
