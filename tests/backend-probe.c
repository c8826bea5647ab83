/*
 * backend-probe.c - can this machine run a loop on the backend ND_BACKEND
 * names?  Prints the backend's name and exits 0, or prints why not and
 * exits 1.  scripts/run-tests.sh asks before each run of the suite.
 */
#include <stdio.h>

#include "nodec.h"

int main(void) {
  nd_loop_t loop;
  int r = nd_loop_init(&loop);

  if (r != 0) {
    printf("%s (%s)\n", nd_strerror(r), nd_err_name(r));
    return 1;
  }
  printf("%s\n", nd_backend_name(&loop));
  return nd_loop_close(&loop) == 0 ? 0 : 1;
}
