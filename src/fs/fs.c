/*
 * fs.c - file system requests: how one starts, runs and ends.
 *
 * The operations themselves live in fs-file.c (descriptors and contents),
 * fs-meta.c (metadata and names) and fs-dir.c (directories); each gives
 * nd__fs_start an nd__fs_op (fs-internal.h).  A request without callback
 * runs at once on the calling thread.  A request with one goes to the ring
 * when the loop runs on io_uring and the kernel has the operation, else to
 * a worker of the loop's pool (the fast-I/O class); its callback runs on the
 * loop thread once.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fs-internal.h"

void nd__fs_init(nd_fs_t *req, nd_fs_type type) {
  void *data = req->data;

  memset(req, 0, offsetof(nd_fs_t, scratch));
  req->data = data;
  req->type = ND_FS;
  req->fs_type = type;
  req->file = -1;
}

void nd__fs_set_paths(nd_fs_t *req, const char *path, const char *new_path) {
  req->path = path;
  req->new_path = new_path;
}

/* One allocation for both paths, freed by nd_fs_req_cleanup. */
static int copy_paths(nd_fs_t *req) {
  size_t path_len;
  size_t new_len;
  char *block;

  /* The operation made its own copy (a template it fills in, say). */
  if (req->fs_flags & ND__FS_OWNS_PATHS)
    return 0;
  path_len = req->path != NULL ? strlen(req->path) + 1 : 0;
  new_len = req->new_path != NULL ? strlen(req->new_path) + 1 : 0;
  if (path_len + new_len == 0)
    return 0;
  block = malloc(path_len + new_len);
  if (block == NULL)
    return ND_ENOMEM;
  if (path_len != 0) {
    memcpy(block, req->path, path_len);
    req->path = block;
  }
  if (new_len != 0) {
    memcpy(block + path_len, req->new_path, new_len);
    req->new_path = block + path_len;
  }
  req->fs_flags |= ND__FS_OWNS_PATHS;
  return 0;
}

int nd__fs_set_bufs(nd_fs_t *req, const nd_buf_t bufs[], unsigned int nbufs) {
  if (bufs == NULL || nbufs == 0)
    return ND_EINVAL;
  req->bufs = req->bufsml;
  if (nbufs > sizeof(req->bufsml) / sizeof(req->bufsml[0])) {
    req->bufs = malloc(nbufs * sizeof(*bufs));
    if (req->bufs == NULL)
      return ND_ENOMEM;
    req->fs_flags |= ND__FS_OWNS_BUFS;
  }
  memcpy(req->bufs, bufs, nbufs * sizeof(*bufs));
  req->nbufs = nbufs;
  return 0;
}

/* --- the pool path ------------------------------------------------------ */

static void work_run(nd__work_t *w) {
  nd_fs_t *req = nd__container_of(w, nd_fs_t, work_req);

  req->result = req->op->run(req);
}

static void finish_request(nd_fs_t *req) {
  /* The ring's ops are counted as active by the backend itself. */
  if (!(req->fs_flags & ND__FS_ON_RING))
    nd__req_unregister(req->loop, (nd_req_t *)req);
  req->cb(req);
}

static void work_done(nd__work_t *w, int status) {
  nd_fs_t *req = nd__container_of(w, nd_fs_t, work_req);

  if (status == ND_ECANCELED)
    req->result = ND_ECANCELED;
  finish_request(req);
}

/* --- the ring path ------------------------------------------------------ */

static void ring_done(nd_loop_t *loop, nd__uring_op_t *op, int res,
                      unsigned int flags) {
  nd_fs_t *req = nd__container_of(op, nd_fs_t, uring_op);
  const struct nd__fs_op *fop = req->op;

  (void)loop;
  (void)flags;
  req->result = fop->finish != NULL && res >= 0 ? fop->finish(req, res) : res;
  finish_request(req);
}

/*
 * Only a request still waiting for a worker can be cancelled; one on the
 * ring is the kernel's until it completes.
 */
static int fs_cancel(nd_req_t *r) {
  nd_fs_t *req = (nd_fs_t *)r;

  if (req->fs_flags & ND__FS_ON_RING)
    return ND_EBUSY;
  return nd__work_cancel(&req->work_req);
}

int nd__fs_start(nd_loop_t *loop, nd_fs_t *req, const struct nd__fs_op *op,
                 nd_fs_cb cb) {
  struct io_uring_sqe *sqe;
  int err;

  req->loop = loop;
  req->cb = cb;
  req->op = op;
  if (cb == NULL) {
    req->result = op->run(req);
    return (int)req->result;
  }

  err = copy_paths(req);
  if (err != 0)
    return err;
  req->cancel = fs_cancel;
  if (op->prep != NULL && nd__uring_supports(loop, op->opcode)) {
    sqe = nd__uring_get_sqe(loop);
    op->prep(req, sqe);
    req->fs_flags |= ND__FS_ON_RING;
    nd__uring_submit(loop, sqe, &req->uring_op, ring_done);
    req->type = ND_FS; /* nd__uring_submit counted it as active */
    return 0;
  }
  err = nd__work_submit(loop, &req->work_req, ND__WORK_FAST_IO, work_run,
                        work_done);
  if (err != 0)
    return err;
  nd__req_register(loop, (nd_req_t *)req, ND_FS);
  return 0;
}

/* --- results ------------------------------------------------------------ */

void nd__fs_from_stat(nd_stat_t *out, const struct stat *st) {
  memset(out, 0, sizeof(*out));
  out->st_dev = st->st_dev;
  out->st_mode = st->st_mode;
  out->st_nlink = st->st_nlink;
  out->st_uid = st->st_uid;
  out->st_gid = st->st_gid;
  out->st_rdev = st->st_rdev;
  out->st_ino = st->st_ino;
  out->st_size = (uint64_t)st->st_size;
  out->st_blksize = (uint64_t)st->st_blksize;
  out->st_blocks = (uint64_t)st->st_blocks;
  out->st_atim.tv_sec = st->st_atim.tv_sec;
  out->st_atim.tv_nsec = st->st_atim.tv_nsec;
  out->st_mtim.tv_sec = st->st_mtim.tv_sec;
  out->st_mtim.tv_nsec = st->st_mtim.tv_nsec;
  out->st_ctim.tv_sec = st->st_ctim.tv_sec;
  out->st_ctim.tv_nsec = st->st_ctim.tv_nsec;
  /* Without statx there is no birth time; ctime is libuv's stand-in. */
  out->st_birthtim = out->st_ctim;
}

int nd__fs_copy_path(const char *path, char *buffer, size_t *size) {
  size_t len = strlen(path);

  if (buffer == NULL || len >= *size) {
    *size = len + 1; /* what it takes, the NUL included */
    return ND_ENOBUFS;
  }
  memcpy(buffer, path, len + 1);
  *size = len;
  return 0;
}

void nd_fs_req_cleanup(nd_fs_t *req) {
  if (req == NULL)
    return;
  /* The copies share one block, which starts with the first of them. */
  if (req->fs_flags & ND__FS_OWNS_PATHS)
    free((void *)(req->path != NULL ? req->path : req->new_path));
  if (req->fs_flags & ND__FS_OWNS_BUFS)
    free(req->bufs);
  /* What an operation left in ptr: its own cleanup, or a plain free. */
  if (req->op != NULL && req->op->cleanup != NULL)
    req->op->cleanup(req);
  else if (req->fs_flags & ND__FS_OWNS_PTR)
    free(req->ptr);
  req->path = NULL;
  req->new_path = NULL;
  req->bufs = NULL;
  req->ptr = NULL;
  req->fs_flags = 0;
}

nd_fs_type nd_fs_get_type(const nd_fs_t *req) {
  return req->fs_type;
}

ssize_t nd_fs_get_result(const nd_fs_t *req) {
  return req->result;
}

int nd_fs_get_system_error(const nd_fs_t *req) {
  return req->result < 0 ? (int)-req->result : 0;
}

void *nd_fs_get_ptr(const nd_fs_t *req) {
  return req->ptr;
}

const char *nd_fs_get_path(const nd_fs_t *req) {
  return req->path;
}

nd_stat_t *nd_fs_get_statbuf(nd_fs_t *req) {
  return &req->statbuf;
}
