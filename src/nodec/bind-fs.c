/*
 * bind-fs.c - what the module loader reads files with, through libnodec's
 * file system requests (synchronous: no callback).
 */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "runtime.h"

#define NATIVE(name)                                                         \
  static JSValueRef name(JSContextRef ctx, JSObjectRef f, JSObjectRef self,  \
                         size_t argc, const JSValueRef argv[],               \
                         JSValueRef *exception)

/* The whole file, or an error (negative).  Also used by bind-esm.c. */
ssize_t nodec_read_file(const char *path, char **out) {
  nd_fs_t req;
  nd_buf_t buf;
  size_t len = 0, cap = 16384;
  char *data;
  int fd;
  ssize_t r;

  fd = nd_fs_open(&nodec.loop, &req, path, O_RDONLY | O_CLOEXEC, 0, NULL);
  nd_fs_req_cleanup(&req);
  if (fd < 0)
    return fd;
  data = malloc(cap);
  for (;;) {
    if (data == NULL) {
      r = ND_ENOMEM;
      break;
    }
    if (len == cap) {
      char *grown = realloc(data, cap *= 2);
      if (grown == NULL) {
        r = ND_ENOMEM;
        break;
      }
      data = grown;
    }
    buf.base = data + len;
    buf.len = cap - len;
    r = nd_fs_read(&nodec.loop, &req, fd, &buf, 1, -1, NULL);
    nd_fs_req_cleanup(&req);
    if (r <= 0)
      break;
    len += (size_t)r;
  }
  nd_fs_close(&nodec.loop, &req, fd, NULL);
  nd_fs_req_cleanup(&req);
  if (r < 0) {
    free(data);
    return r;
  }
  *out = data;
  return (ssize_t)len;
}

/* binding.readFileUtf8(path): the file's text; throws like fs does. */
NATIVE(read_file_utf8) {
  char *path, *data = NULL;
  ssize_t n;
  JSValueRef v;

  (void)f;
  (void)self;
  if (argc < 1)
    return JSValueMakeUndefined(ctx);
  path = nodec_utf8(argv[0], NULL);
  n = nodec_read_file(path, &data);
  if (n < 0) {
    v = nodec_throw_errno(exception, (int)n, "open", path);
  } else {
    /* A leading BOM is not part of the text (Node strips it too). */
    size_t skip = n >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    v = nodec_string_n(data + skip, (size_t)n - skip);
  }
  free(data);
  free(path);
  return v;
}

/* binding.statKind(path): 1 file, 2 directory, 0 other, -1 missing. */
NATIVE(stat_kind) {
  nd_fs_t req;
  char *path;
  int r, kind;

  (void)f;
  (void)self;
  (void)exception;
  if (argc < 1)
    return JSValueMakeNumber(ctx, -1);
  path = nodec_utf8(argv[0], NULL);
  r = nd_fs_stat(&nodec.loop, &req, path, NULL);
  if (r < 0)
    kind = -1;
  else if (S_ISREG(req.statbuf.st_mode))
    kind = 1;
  else if (S_ISDIR(req.statbuf.st_mode))
    kind = 2;
  else
    kind = 0;
  nd_fs_req_cleanup(&req);
  free(path);
  return JSValueMakeNumber(ctx, kind);
}

/* binding.realpath(path) */
NATIVE(realpath_) {
  nd_fs_t req;
  char *path;
  JSValueRef v;
  int r;

  (void)f;
  (void)self;
  if (argc < 1)
    return JSValueMakeUndefined(ctx);
  path = nodec_utf8(argv[0], NULL);
  r = nd_fs_realpath(&nodec.loop, &req, path, NULL);
  if (r < 0)
    v = nodec_throw_errno(exception, r, "realpath", path);
  else
    v = nodec_string(req.ptr);
  nd_fs_req_cleanup(&req);
  free(path);
  return v;
}

void nodec_bind_fs(JSObjectRef b) {
  nodec_set_fn(b, "readFileUtf8", read_file_utf8);
  nodec_set_fn(b, "statKind", stat_kind);
  nodec_set_fn(b, "realpath", realpath_);
}
