/*
 * fs-dir.c - directories: mkdir, mkdir -p, temporary names, rmdir, rm -rf,
 * scandir, and directory streams (opendir, readdir, closedir).
 *
 * mkdir and rmdir are single system calls the kernel offers on io_uring
 * (IORING_OP_MKDIRAT, IORING_OP_UNLINKAT with AT_REMOVEDIR); everything
 * else here is a sequence of calls, or a libc call with no ring twin, and
 * runs on the pool.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fs-internal.h"

static nd_dirent_type_t dirent_type(unsigned char d_type) {
  switch (d_type) {
  case DT_REG: return ND_DIRENT_FILE;
  case DT_DIR: return ND_DIRENT_DIR;
  case DT_LNK: return ND_DIRENT_LINK;
  case DT_FIFO: return ND_DIRENT_FIFO;
  case DT_SOCK: return ND_DIRENT_SOCKET;
  case DT_CHR: return ND_DIRENT_CHAR;
  case DT_BLK: return ND_DIRENT_BLOCK;
  default: return ND_DIRENT_UNKNOWN;
  }
}

static int is_dot_or_dotdot(const char *name) {
  return name[0] == '.' &&
         (name[1] == '\0' || (name[1] == '.' && name[2] == '\0'));
}

/*
 * Append name (with its NUL) to a growing block of names.  The names are
 * stored back to back, so a reader finds the i-th by walking; nobody keeps
 * a pointer into the block while it can still move.
 */
static int names_append(char **buf, size_t *cap, size_t *used,
                        const char *name) {
  size_t len = strlen(name) + 1;
  size_t ncap;
  char *nbuf;

  if (*cap - *used < len) {
    ncap = *cap != 0 ? *cap : 256;
    while (ncap - *used < len)
      ncap *= 2;
    nbuf = realloc(*buf, ncap);
    if (nbuf == NULL)
      return ND_ENOMEM;
    *buf = nbuf;
    *cap = ncap;
  }
  memcpy(*buf + *used, name, len);
  *used += len;
  return 0;
}

/* Point n entries at the n names stored back to back in names. */
static void names_assign(nd_dirent_t *ents, size_t n, char *names) {
  size_t i;

  for (i = 0; i < n; i++) {
    ents[i].name = names;
    names += strlen(names) + 1;
  }
}

/*
 * Bad arguments fail before anything starts (a callback never runs).  The
 * request was reset first, so nd_fs_req_cleanup on it is still harmless,
 * and its result says what went wrong, as a synchronous call's would.
 */
static int refuse(nd_fs_t *req, int err) {
  req->result = err;
  return err;
}

/* --- mkdir, rmdir: on the ring when it can ------------------------------ */

static ssize_t mkdir_run(nd_fs_t *req) {
  return nd__fs_result(mkdir(req->path, (mode_t)req->mode));
}

static void mkdir_prep(nd_fs_t *req, struct io_uring_sqe *sqe) {
  io_uring_prep_mkdirat(sqe, AT_FDCWD, req->path, (mode_t)req->mode);
}

static const struct nd__fs_op mkdir_op = {
  .run = mkdir_run,
  .opcode = IORING_OP_MKDIRAT,
  .prep = mkdir_prep,
};

int nd_fs_mkdir(nd_loop_t *loop, nd_fs_t *req, const char *path, int mode,
                nd_fs_cb cb) {
  if (req == NULL)
    return ND_EINVAL;
  nd__fs_init(req, ND_FS_MKDIR);
  if (path == NULL)
    return refuse(req, ND_EINVAL);
  req->mode = mode;
  nd__fs_set_paths(req, path, NULL);
  return nd__fs_start(loop, req, &mkdir_op, cb);
}

static ssize_t rmdir_run(nd_fs_t *req) {
  return nd__fs_result(rmdir(req->path));
}

static void rmdir_prep(nd_fs_t *req, struct io_uring_sqe *sqe) {
  io_uring_prep_unlinkat(sqe, AT_FDCWD, req->path, AT_REMOVEDIR);
}

static const struct nd__fs_op rmdir_op = {
  .run = rmdir_run,
  .opcode = IORING_OP_UNLINKAT,
  .prep = rmdir_prep,
};

int nd_fs_rmdir(nd_loop_t *loop, nd_fs_t *req, const char *path,
                nd_fs_cb cb) {
  if (req == NULL)
    return ND_EINVAL;
  nd__fs_init(req, ND_FS_RMDIR);
  if (path == NULL)
    return refuse(req, ND_EINVAL);
  nd__fs_set_paths(req, path, NULL);
  return nd__fs_start(loop, req, &rmdir_op, cb);
}

/* --- mkdir -p ----------------------------------------------------------- */

/*
 * path exists (mkdir said EEXIST): fine if it is a directory, or resolves
 * to one; else `err`.
 */
static int existing_dir(const char *path, int err) {
  struct stat st;

  if (stat(path, &st) != 0)
    return errno == ENOENT ? err : -errno;
  return S_ISDIR(st.st_mode) ? 0 : err;
}

/*
 * Try the whole path first: usually either it or its parent is all that is
 * missing.  On ENOENT, walk up one component at a time until a mkdir
 * succeeds or finds its directory there, then walk back down creating the
 * rest.  Only one separator is ever replaced by a NUL at a time.  The first
 * directory made is what Node's fs.mkdir(recursive) reports, so it is
 * handed back in req->ptr (a prefix of the path, trailing slashes
 * dropped).
 */
static ssize_t mkdir_p_run(nd_fs_t *req) {
  mode_t mode = (mode_t)req->mode;
  size_t end, cut, first_end = 0;
  char *buf;
  int err = 0;

  buf = strdup(req->path);
  if (buf == NULL)
    return ND_ENOMEM;
  end = strlen(buf);
  while (end > 1 && buf[end - 1] == '/')
    end--;
  buf[end] = '\0';

  if (mkdir(buf, mode) == 0) {
    req->ptr = buf;
    return 0;
  }
  if (errno != ENOENT) {
    err = errno == EEXIST ? existing_dir(buf, ND_EEXIST) : -errno;
    free(buf);
    return err;
  }

  /* Up: buf[cut] is the separator before the component that failed. */
  cut = end;
  for (;;) {
    while (cut > 0 && buf[cut - 1] != '/')
      cut--;
    while (cut > 0 && buf[cut - 1] == '/')
      cut--;
    if (cut == 0) {
      /* Not even the first component could be made: nothing exists. */
      free(buf);
      return ND_ENOENT;
    }
    buf[cut] = '\0';
    if (mkdir(buf, mode) == 0) {
      first_end = cut;
      break;
    }
    if (errno == EEXIST) {
      err = existing_dir(buf, ND_ENOTDIR);
      break;
    }
    if (errno != ENOENT) {
      err = -errno;
      break;
    }
    buf[cut] = '/';
  }
  if (err != 0) {
    free(buf);
    return err;
  }

  /* Down: make each component after cut. */
  while (cut < end) {
    buf[cut] = '/';
    while (cut < end && buf[cut] == '/')
      cut++;
    while (cut < end && buf[cut] != '/')
      cut++;
    buf[cut] = '\0';
    if (mkdir(buf, mode) == 0) {
      if (first_end == 0)
        first_end = cut;
    } else if (errno == EEXIST) {
      /* Made by someone else meanwhile. */
      err = existing_dir(buf, cut == end ? ND_EEXIST : ND_ENOTDIR);
      if (err != 0)
        break;
    } else {
      err = -errno;
      break;
    }
  }
  if (err != 0 || first_end == 0) {
    free(buf);
    return err;
  }
  buf[first_end] = '\0';
  req->ptr = buf;
  return 0;
}

static const struct nd__fs_op mkdir_p_op = {
  .run = mkdir_p_run,
};

int nd_fs_mkdir_p(nd_loop_t *loop, nd_fs_t *req, const char *path, int mode,
                  nd_fs_cb cb) {
  if (req == NULL)
    return ND_EINVAL;
  nd__fs_init(req, ND_FS_MKDIR_P);
  if (path == NULL)
    return refuse(req, ND_EINVAL);
  req->mode = mode;
  /* Set here, not by the worker: the loop thread reads fs_flags. */
  req->fs_flags |= ND__FS_OWNS_PTR;
  nd__fs_set_paths(req, path, NULL);
  return nd__fs_start(loop, req, &mkdir_p_op, cb);
}

/* --- mkdtemp, mkstemp --------------------------------------------------- */

/*
 * The libc calls write the name they make into the template, and the name
 * is the request's result (req->path), so the template must be a copy the
 * request owns, freed by nd_fs_req_cleanup.  A queued request gets that
 * copy from nd__fs_start; a synchronous one gets it here.
 */
static int set_template(nd_fs_t *req, const char *tpl, nd_fs_cb cb) {
  size_t len;
  char *copy;

  if (tpl == NULL)
    return ND_EINVAL;
  len = strlen(tpl);
  if (len < 6 || strcmp(tpl + len - 6, "XXXXXX") != 0)
    return ND_EINVAL;
  if (cb != NULL) {
    nd__fs_set_paths(req, tpl, NULL);
    return 0;
  }
  copy = malloc(len + 1);
  if (copy == NULL)
    return ND_ENOMEM;
  memcpy(copy, tpl, len + 1);
  nd__fs_set_paths(req, copy, NULL);
  req->fs_flags |= ND__FS_OWNS_PATHS;
  return 0;
}

static ssize_t mkdtemp_run(nd_fs_t *req) {
  return mkdtemp((char *)req->path) != NULL ? 0 : -errno;
}

static const struct nd__fs_op mkdtemp_op = {
  .run = mkdtemp_run,
};

int nd_fs_mkdtemp(nd_loop_t *loop, nd_fs_t *req, const char *tpl,
                  nd_fs_cb cb) {
  int err;

  if (req == NULL)
    return ND_EINVAL;
  nd__fs_init(req, ND_FS_MKDTEMP);
  err = set_template(req, tpl, cb);
  if (err != 0)
    return refuse(req, err);
  return nd__fs_start(loop, req, &mkdtemp_op, cb);
}

static ssize_t mkstemp_run(nd_fs_t *req) {
  return nd__fs_result(mkostemp((char *)req->path, O_CLOEXEC));
}

static const struct nd__fs_op mkstemp_op = {
  .run = mkstemp_run,
};

int nd_fs_mkstemp(nd_loop_t *loop, nd_fs_t *req, const char *tpl,
                  nd_fs_cb cb) {
  int err;

  if (req == NULL)
    return ND_EINVAL;
  nd__fs_init(req, ND_FS_MKSTEMP);
  err = set_template(req, tpl, cb);
  if (err != 0)
    return refuse(req, err);
  return nd__fs_start(loop, req, &mkstemp_op, cb);
}

/* --- rm -rf ------------------------------------------------------------- */

/*
 * The tree is walked with one directory open at a time, by descriptor, so
 * neither the depth of the tree nor the length of its paths is limited (by
 * PATH_MAX, the descriptor limit or the stack).  Going down opens the child
 * relative to its parent with O_NOFOLLOW, so a symbolic link is removed as
 * a link and never followed.  Going up opens "..": it is checked to be the
 * directory we came from (device and inode), so a tree moved meanwhile is
 * not mistaken for its new surroundings.  Back in the parent, the emptied
 * child is removed and the parent is read again from its start; what was
 * already removed is gone, so the walk goes on where it left off.
 */
struct rm_level {
  char *name; /* in the parent; NULL for the top */
  dev_t dev;
  ino_t ino;
};

struct rm_walk {
  struct rm_level *levels; /* the last is the directory being emptied */
  size_t count;
  size_t cap;
  DIR *dir;
};

/* Record the directory fd, entered as name, one level down. */
static int rm_push(struct rm_walk *w, int fd, const char *name) {
  struct rm_level *lv;
  struct stat st;
  size_t ncap;

  if (fstat(fd, &st) != 0)
    return -errno;
  if (w->count == w->cap) {
    ncap = w->cap != 0 ? w->cap * 2 : 16;
    lv = realloc(w->levels, ncap * sizeof(*lv));
    if (lv == NULL)
      return ND_ENOMEM;
    w->levels = lv;
    w->cap = ncap;
  }
  lv = &w->levels[w->count];
  lv->name = NULL;
  if (name != NULL) {
    lv->name = strdup(name);
    if (lv->name == NULL)
      return ND_ENOMEM;
  }
  lv->dev = st.st_dev;
  lv->ino = st.st_ino;
  w->count++;
  return 0;
}

/* Make fd the directory being read; it is closed on failure. */
static int rm_enter(struct rm_walk *w, int fd) {
  w->dir = fdopendir(fd);
  if (w->dir == NULL) {
    int err = -errno;
    close(fd);
    return err;
  }
  return 0;
}

/* Go down into fd, the directory entry name of the current directory. */
static int rm_descend(struct rm_walk *w, int fd, const char *name) {
  int err;

  err = rm_push(w, fd, name);
  if (err != 0) {
    close(fd);
    return err;
  }
  closedir(w->dir);
  return rm_enter(w, fd);
}

/* The current directory is empty: go up and remove it. */
static int rm_ascend(struct rm_walk *w) {
  struct rm_level *lv = &w->levels[w->count - 1];
  struct rm_level *up = &w->levels[w->count - 2];
  struct stat st;
  int fd, err;

  fd = openat(dirfd(w->dir), "..", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0)
    return -errno;
  if (fstat(fd, &st) != 0 || st.st_dev != up->dev || st.st_ino != up->ino) {
    /* Moved out from under us: where we came from is gone. */
    close(fd);
    return ND_ENOENT;
  }
  closedir(w->dir);
  w->dir = NULL;
  if (unlinkat(fd, lv->name, AT_REMOVEDIR) != 0 && errno != ENOENT) {
    err = -errno;
    close(fd);
    return err;
  }
  free(lv->name);
  w->count--;
  return rm_enter(w, fd);
}

/* Remove one entry of the current directory, descending into directories. */
static int rm_entry(struct rm_walk *w, const struct dirent *ent) {
  int is_dir = ent->d_type == DT_DIR;
  struct stat st;
  int fd;

  if (ent->d_type == DT_UNKNOWN) {
    if (fstatat(dirfd(w->dir), ent->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0)
      return errno == ENOENT ? 0 : -errno;
    is_dir = S_ISDIR(st.st_mode);
  }
  if (!is_dir) {
    if (unlinkat(dirfd(w->dir), ent->d_name, 0) == 0 || errno == ENOENT)
      return 0;
    if (errno != EISDIR)
      return -errno;
    /* It became a directory since readdir: descend after all. */
  }
  fd = openat(dirfd(w->dir), ent->d_name,
              O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd >= 0)
    return rm_descend(w, fd, ent->d_name);
  if (errno == ENOENT)
    return 0;
  if (errno != ENOTDIR && errno != ELOOP)
    return -errno;
  /* No longer a directory (a link, say, with ELOOP): remove the entry. */
  if (unlinkat(dirfd(w->dir), ent->d_name, 0) == 0 || errno == ENOENT)
    return 0;
  return -errno;
}

static int rm_tree(const char *path) {
  struct rm_walk w;
  struct dirent *ent;
  int fd, err = 0;
  size_t i;

  memset(&w, 0, sizeof(w));
  fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0)
    return -errno;
  err = rm_push(&w, fd, NULL);
  if (err != 0) {
    close(fd);
    goto out;
  }
  err = rm_enter(&w, fd);
  while (err == 0) {
    errno = 0;
    ent = readdir(w.dir);
    if (ent == NULL) {
      if (errno != 0)
        err = -errno;
      else if (w.count == 1)
        break;
      else
        err = rm_ascend(&w);
    } else if (!is_dot_or_dotdot(ent->d_name)) {
      err = rm_entry(&w, ent);
    }
  }
  if (err == 0) {
    closedir(w.dir);
    w.dir = NULL;
    if (rmdir(path) != 0)
      err = -errno;
  }

out:
  if (w.dir != NULL)
    closedir(w.dir);
  for (i = 0; i < w.count; i++)
    free(w.levels[i].name);
  free(w.levels);
  return err;
}

static ssize_t rm_rf_run(nd_fs_t *req) {
  struct stat st;

  if (lstat(req->path, &st) != 0)
    return -errno;
  if (!S_ISDIR(st.st_mode))
    return nd__fs_result(unlink(req->path));
  return rm_tree(req->path);
}

static const struct nd__fs_op rm_rf_op = {
  .run = rm_rf_run,
};

int nd_fs_rm_rf(nd_loop_t *loop, nd_fs_t *req, const char *path,
                nd_fs_cb cb) {
  if (req == NULL)
    return ND_EINVAL;
  nd__fs_init(req, ND_FS_RM_RF);
  if (path == NULL)
    return refuse(req, ND_EINVAL);
  nd__fs_set_paths(req, path, NULL);
  return nd__fs_start(loop, req, &rm_rf_op, cb);
}

/* --- scandir ------------------------------------------------------------ */

/* What a scandir leaves in req->ptr: every entry, sorted, read in order. */
struct scan_result {
  size_t count;
  size_t next;       /* the entry nd_fs_scandir_next returns next */
  nd_dirent_t *ents; /* names point into names */
  char *names;
};

static int compare_dirents(const void *a, const void *b) {
  return strcmp(((const nd_dirent_t *)a)->name,
                ((const nd_dirent_t *)b)->name);
}

static void scan_free(struct scan_result *s) {
  if (s == NULL)
    return;
  free(s->ents);
  free(s->names);
  free(s);
}

static ssize_t scandir_run(nd_fs_t *req) {
  struct scan_result *s;
  struct dirent *ent;
  size_t cap = 0, used = 0, ents_cap = 0;
  nd_dirent_t *ents;
  DIR *dir;
  int err = 0;

  s = calloc(1, sizeof(*s));
  if (s == NULL)
    return ND_ENOMEM;
  dir = opendir(req->path);
  if (dir == NULL) {
    err = -errno;
    scan_free(s);
    return err;
  }
  for (;;) {
    errno = 0;
    ent = readdir(dir);
    if (ent == NULL) {
      err = -errno;
      break;
    }
    if (is_dot_or_dotdot(ent->d_name))
      continue;
    if (s->count == ents_cap) {
      ents_cap = ents_cap != 0 ? ents_cap * 2 : 64;
      ents = realloc(s->ents, ents_cap * sizeof(*ents));
      if (ents == NULL) {
        err = ND_ENOMEM;
        break;
      }
      s->ents = ents;
    }
    err = names_append(&s->names, &cap, &used, ent->d_name);
    if (err != 0)
      break;
    s->ents[s->count].name = NULL;
    s->ents[s->count].type = dirent_type(ent->d_type);
    s->count++;
  }
  closedir(dir);
  if (err != 0) {
    scan_free(s);
    return err;
  }
  names_assign(s->ents, s->count, s->names);
  if (s->count > 1)
    qsort(s->ents, s->count, sizeof(*s->ents), compare_dirents);
  req->ptr = s;
  return (ssize_t)s->count;
}

static void scandir_cleanup(nd_fs_t *req) {
  scan_free(req->ptr);
}

static const struct nd__fs_op scandir_op = {
  .run = scandir_run,
  .cleanup = scandir_cleanup,
};

int nd_fs_scandir(nd_loop_t *loop, nd_fs_t *req, const char *path, int flags,
                  nd_fs_cb cb) {
  if (req == NULL)
    return ND_EINVAL;
  nd__fs_init(req, ND_FS_SCANDIR);
  if (path == NULL)
    return refuse(req, ND_EINVAL);
  req->flags = flags; /* none are defined; libuv ignores them too */
  nd__fs_set_paths(req, path, NULL);
  return nd__fs_start(loop, req, &scandir_op, cb);
}

int nd_fs_scandir_next(nd_fs_t *req, nd_dirent_t *ent) {
  struct scan_result *s;

  if (req == NULL || ent == NULL)
    return ND_EINVAL;
  if (req->result < 0)
    return (int)req->result;
  s = req->ptr;
  if (req->fs_type != ND_FS_SCANDIR || s == NULL || s->next == s->count)
    return ND_EOF;
  *ent = s->ents[s->next++];
  return 0;
}

/* --- opendir, readdir, closedir ----------------------------------------- */

/*
 * The names readdir hands out live in a block the nd_dir_t owns (its
 * private reserved[0], of capacity reserved[1]), reused by the next readdir
 * and freed by closedir.  So they outlast nd_fs_req_cleanup of the readdir
 * request, which frees nothing.
 */
static ssize_t opendir_run(nd_fs_t *req) {
  nd_dir_t *dir;
  DIR *d;
  int err;

  d = opendir(req->path);
  if (d == NULL)
    return -errno;
  dir = calloc(1, sizeof(*dir));
  if (dir == NULL) {
    err = ND_ENOMEM;
    closedir(d);
    return err;
  }
  dir->dir = d;
  req->ptr = dir;
  return 0;
}

static const struct nd__fs_op opendir_op = {
  .run = opendir_run,
};

int nd_fs_opendir(nd_loop_t *loop, nd_fs_t *req, const char *path,
                  nd_fs_cb cb) {
  if (req == NULL)
    return ND_EINVAL;
  nd__fs_init(req, ND_FS_OPENDIR);
  if (path == NULL)
    return refuse(req, ND_EINVAL);
  nd__fs_set_paths(req, path, NULL);
  return nd__fs_start(loop, req, &opendir_op, cb);
}

static ssize_t readdir_run(nd_fs_t *req) {
  nd_dir_t *dir = req->ptr;
  char *names = dir->reserved[0];
  size_t cap = (size_t)(uintptr_t)dir->reserved[1];
  size_t used = 0, n = 0;
  struct dirent *ent;
  int err = 0;

  while (n < dir->nentries) {
    errno = 0;
    ent = readdir(dir->dir);
    if (ent == NULL) {
      err = -errno;
      break;
    }
    if (is_dot_or_dotdot(ent->d_name))
      continue;
    err = names_append(&names, &cap, &used, ent->d_name);
    if (err != 0)
      break;
    dir->dirents[n].type = dirent_type(ent->d_type);
    n++;
  }
  dir->reserved[0] = names;
  dir->reserved[1] = (void *)(uintptr_t)cap;
  names_assign(dir->dirents, n, names);
  /* Entries already taken from the stream are returned, not lost. */
  return n != 0 ? (ssize_t)n : err;
}

static const struct nd__fs_op readdir_op = {
  .run = readdir_run,
};

int nd_fs_readdir(nd_loop_t *loop, nd_fs_t *req, nd_dir_t *dir,
                  nd_fs_cb cb) {
  if (req == NULL)
    return ND_EINVAL;
  nd__fs_init(req, ND_FS_READDIR);
  if (dir == NULL || dir->dir == NULL || dir->dirents == NULL ||
      dir->nentries == 0)
    return refuse(req, ND_EINVAL);
  req->ptr = dir;
  return nd__fs_start(loop, req, &readdir_op, cb);
}

static ssize_t closedir_run(nd_fs_t *req) {
  nd_dir_t *dir = req->ptr;
  int r;

  r = closedir(dir->dir);
  free(dir->reserved[0]);
  free(dir);
  req->ptr = NULL;
  /* The stream is gone either way; only EBADF is possible, a bug. */
  return nd__fs_result(r);
}

static const struct nd__fs_op closedir_op = {
  .run = closedir_run,
};

int nd_fs_closedir(nd_loop_t *loop, nd_fs_t *req, nd_dir_t *dir,
                   nd_fs_cb cb) {
  if (req == NULL)
    return ND_EINVAL;
  nd__fs_init(req, ND_FS_CLOSEDIR);
  if (dir == NULL || dir->dir == NULL)
    return refuse(req, ND_EINVAL);
  req->ptr = dir;
  return nd__fs_start(loop, req, &closedir_op, cb);
}
