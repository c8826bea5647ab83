/*
 * bench.h - what every benchmark shares: CPU time, peak memory, the result
 * line and fatal error checks.
 *
 * A benchmark is written once against libuv's API and built twice (see
 * mk/bench.mk): against Debian's libuv, and against libnodec through
 * include/compat/uv.h.  The build passes -DBENCH_IMPL="libuv" or
 * "libnodec"; without it the implementation is told from the uv.h that was
 * compiled in.  Each result is one line on stdout,
 *
 *   bench=<name> impl=<libuv|libnodec> value=<number> unit=<unit>
 *
 * which bench/run.sh collects (or, from an implementation that lacks what
 * is measured, one `bench=<name> impl=<impl> skip=<why>` line).  Anything else a benchmark prints goes to
 * stderr.
 */
#ifndef BENCH_H
#define BENCH_H

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>

#include <uv.h>

static inline const char *bench_impl(void) {
#ifdef BENCH_IMPL
  return BENCH_IMPL;
#else
  /* The compatibility header names itself in the version suffix. */
  return strcmp(UV_VERSION_SUFFIX, "nodec") == 0 ? "libnodec" : "libuv";
#endif
}

/* Prints a message and aborts: a benchmark that went wrong has no result. */
__attribute__((format(printf, 1, 2), noreturn))
static inline void bench_fatal(const char *fmt, ...) {
  va_list ap;

  fprintf(stderr, "bench (%s): ", bench_impl());
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
  fflush(stderr);
  abort();
}

/* Aborts when a libuv-style call returned an error code. */
static inline void bench_check(int rc, const char *what) {
  if (rc < 0)
    bench_fatal("%s: %s (%s)", what, uv_strerror(rc), uv_err_name(rc));
}

/* Memory for large handle arrays; a failed allocation ends the run. */
static inline void *bench_xcalloc(size_t n, size_t size) {
  void *p = calloc(n, size);

  if (p == NULL)
    bench_fatal("out of memory allocating %zu x %zu bytes", n, size);
  return p;
}

/* User plus system CPU time of the whole process (all threads), seconds. */
static inline double bench_cpu_seconds(void) {
  struct rusage ru;

  if (getrusage(RUSAGE_SELF, &ru) != 0)
    bench_fatal("getrusage failed");
  return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
         (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
}

/* Peak resident set size of the process so far, MiB (ru_maxrss is KiB). */
static inline double bench_peak_rss_mib(void) {
  struct rusage ru;

  if (getrusage(RUSAGE_SELF, &ru) != 0)
    bench_fatal("getrusage failed");
  return (double)ru.ru_maxrss / 1024.0;
}

/* Monotonic wall clock, seconds; uv_hrtime is the same clock in both. */
static inline double bench_wall_seconds(void) {
  return (double)uv_hrtime() / 1e9;
}

/* The one result line run.sh reads. */
static inline void bench_report(const char *name, double value,
                                const char *unit) {
  if (value >= 1000.0)
    printf("bench=%s impl=%s value=%.0f unit=%s\n", name, bench_impl(),
           value, unit);
  else
    printf("bench=%s impl=%s value=%.2f unit=%s\n", name, bench_impl(),
           value, unit);
  fflush(stdout);
}

/*
 * For a benchmark one implementation cannot run (libuv has no DNS
 * resolver): run.sh reports the run as skipped and shows n/a.
 */
static inline void bench_skip(const char *name, const char *why) {
  printf("bench=%s impl=%s skip=%s\n", name, bench_impl(), why);
  fflush(stdout);
}

#endif
