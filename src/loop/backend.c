/*
 * backend.c - choosing a loop's backend.
 *
 * ND_BACKEND names one ("io_uring" or "epoll"); then that one is used or
 * nd_loop_init fails with its error, and an unknown name is an error too, so
 * a typo in a benchmark or test matrix cannot go unnoticed.  Without it the
 * first backend that sets up wins: io_uring, or epoll when the kernel lacks
 * what the io_uring backend needs or refuses the ring (seccomp, sysctl
 * kernel.io_uring_disabled, memlock limits).
 */
#include <stdlib.h>
#include <string.h>

#include "backend.h"

/* In order of preference. */
static const struct nd__backend_ops *const backends[] = {
  &nd__backend_uring,
  &nd__backend_epoll,
};

int nd__backend_select(nd_loop_t *loop) {
  const char *want = getenv("ND_BACKEND");
  size_t i;
  int err = ND_ENOSYS;

  for (i = 0; i < sizeof(backends) / sizeof(backends[0]); i++) {
    if (want != NULL && *want != '\0' && strcmp(want, backends[i]->name) != 0)
      continue;
    loop->backend = backends[i];
    err = backends[i]->init(loop);
    if (err == 0)
      return 0;
    loop->backend = NULL;
    if (want != NULL && *want != '\0')
      return err;
  }
  if (want != NULL && *want != '\0' && err == ND_ENOSYS)
    return ND_EINVAL;
  return err;
}
