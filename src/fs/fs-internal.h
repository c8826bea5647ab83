/*
 * fs-internal.h - how a file system request runs, shared by the files of
 * src/fs/.
 *
 * Every operation has a blocking implementation (`run`), used as it is for
 * a request without a callback and on a worker of the loop's pool (the
 * fast-I/O class) for one with a callback.  An operation the kernel offers
 * on io_uring also has `prep`, which fills an SQE: on an io_uring loop whose
 * kernel supports `opcode`, the request goes to the ring instead, with no
 * thread hop, and `finish` (optional) turns the completion's result into
 * the request's.  Requests never fail for want of a ring: without one, or
 * without the opcode, they run on the pool.
 */
#ifndef ND_FS_INTERNAL_H
#define ND_FS_INTERNAL_H

#include <sys/types.h>

#include "loop/internal.h"
#include "loop/uring.h"

struct nd__fs_op {
  ssize_t (*run)(nd_fs_t *req);
  int opcode; /* IORING_OP_*, with prep; ignored without */
  void (*prep)(nd_fs_t *req, struct io_uring_sqe *sqe);
  ssize_t (*finish)(nd_fs_t *req, int res);
  /* Free what the operation left in req->ptr (NULL: see ND__FS_OWNS_PTR). */
  void (*cleanup)(nd_fs_t *req);
};

/* req->fs_flags */
enum {
  ND__FS_OWNS_PATHS = 1u << 0, /* path and new_path are our copies */
  ND__FS_ON_RING = 1u << 1,    /* submitted to the ring, not the pool */
  ND__FS_OWNS_BUFS = 1u << 2,  /* bufs is our allocation, not bufsml */
  ND__FS_OWNS_PTR = 1u << 3    /* ptr is a malloc'd result: free() it */
};

/* Reset a request for an operation of `type`. */
void nd__fs_init(nd_fs_t *req, nd_fs_type type);

/*
 * Start the request: run it now when cb is NULL (the return value is then
 * the result), else queue it and return 0 or an error (the callback then
 * never runs).  Paths set with nd__fs_set_paths are copied for a queued
 * request, so the caller's strings need not outlive the call.
 */
int nd__fs_start(nd_loop_t *loop, nd_fs_t *req, const struct nd__fs_op *op,
                 nd_fs_cb cb);
void nd__fs_set_paths(nd_fs_t *req, const char *path, const char *new_path);

/* Copy the caller's buffers (vectored read and write keep their own). */
int nd__fs_set_bufs(nd_fs_t *req, const nd_buf_t bufs[], unsigned int nbufs);

/* The blocking calls return -errno; this is the usual tail. */
static inline ssize_t nd__fs_result(ssize_t r) {
  return r < 0 ? -errno : r;
}

/*
 * The getpath of a watching handle: path into buffer (*size bytes), *size
 * set to its length; ND_ENOBUFS with *size set to the room needed.
 */
int nd__fs_copy_path(const char *path, char *buffer, size_t *size);

/* A struct stat (or statx) into the request's nd_stat_t. */
void nd__fs_from_stat(nd_stat_t *out, const struct stat *st);

#endif
