/*
 * bind-perf.c - the clocks behind perf_hooks: when the process started (as
 * a monotonic reading and as wall-clock milliseconds, performance's
 * timeOrigin), when the event loop started, and how long the loop has
 * spent waiting in its poll phase (eventLoopUtilization's idle time).
 */
#include <time.h>

#include "runtime.h"

/*
 * binding.perfTimes(): [startNs, timeOriginMs, loopStartNs, idleNs], the
 * nanosecond values on nd_hrtime()'s clock; loopStartNs is 0 while the
 * main script still runs.
 */
static JSValueRef perf_times(JSContextRef ctx, JSObjectRef f,
                             JSObjectRef self, size_t argc,
                             const JSValueRef argv[], JSValueRef *exception) {
  JSValueRef vals[4];
  struct timespec ts;
  double wall_ms;
  uint64_t now;

  (void)f;
  (void)self;
  (void)argc;
  (void)argv;
  /* Wall time now, minus the monotonic time elapsed since start: the
   * wall-clock instant of start, immune to later clock steps. */
  clock_gettime(CLOCK_REALTIME, &ts);
  now = nd_hrtime();
  wall_ms = (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
  vals[0] = JSValueMakeNumber(ctx, (double)nodec.start_ns);
  vals[1] = JSValueMakeNumber(ctx,
                              wall_ms - (double)(now - nodec.start_ns) / 1e6);
  vals[2] = JSValueMakeNumber(ctx, (double)nodec.loop_start_ns);
  vals[3] = JSValueMakeNumber(ctx, (double)nd_metrics_idle_time(&nodec.loop));
  return JSObjectMakeArray(ctx, 4, vals, exception);
}

void nodec_bind_perf(JSObjectRef b) {
  /* Counting idle time costs a clock read per poll; Node always counts. */
  nd_loop_configure(&nodec.loop, ND_METRICS_IDLE_TIME);
  nodec_set_fn(b, "perfTimes", perf_times);
}
