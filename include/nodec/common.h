/* nodec/common.h - what every nodec header needs. */
#ifndef NODEC_COMMON_H
#define NODEC_COMMON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __GNUC__
#define ND_EXTERN __attribute__((visibility("default")))
#else
#define ND_EXTERN
#endif

/* A buffer: what reads fill and writes send.  Same layout as struct iovec. */
typedef struct {
  char *base;
  size_t len;
} nd_buf_t;

typedef int nd_file;
typedef int nd_os_fd_t;
typedef int nd_os_sock_t;

#endif
