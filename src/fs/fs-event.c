/*
 * fs-event.c - file system change events from inotify.
 *
 * A loop has one inotify instance, shared by all its started fs_event
 * handles: made when the first one starts, closed when the last one stops,
 * so a loop without watches holds no descriptor.  The kernel keeps one
 * watch (wd) per inode and instance, whatever path reached it, so handles
 * never own watches: each watch has a list of subscriptions, one per
 * handle that listens to it, and an event is fanned out to them.  A
 * handle has a subscription for its root path, one per directory below it
 * when it is recursive, and, while a watched file is gone, one on the
 * file's directory that waits for the name to come back.
 *
 * Events are read on the loop thread when the descriptor is readable.  A
 * callback may stop, close or start any handle, so subscriptions are
 * visited in a way that survives their removal, and a watch or the
 * instance that loses its last user in the middle of a dispatch is freed
 * only when the dispatch is over.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fs-internal.h"

#define WATCH_MASK                                                           \
  (IN_ATTRIB | IN_CREATE | IN_MODIFY | IN_DELETE | IN_DELETE_SELF |          \
   IN_MOVE_SELF | IN_MOVED_FROM | IN_MOVED_TO)

#define FS_EVENT_FLAGS                                                       \
  (ND_FS_EVENT_WATCH_ENTRY | ND_FS_EVENT_STAT | ND_FS_EVENT_RECURSIVE)

/* Handle flags of this type (nd_handle_t.flags). */
enum {
  FS_EVENT_DIR = 1u << ND__HANDLE_TYPE_SHIFT,             /* root is a dir */
  FS_EVENT_RECURSIVE = 1u << (ND__HANDLE_TYPE_SHIFT + 1)
};

/*
 * Reads of the descriptor per readiness callback, so a flood cannot
 * monopolise the loop; what is left is read in the next iteration.
 */
#define READS_PER_WAKEUP 16

struct watch {
  struct watch *next; /* hash chain */
  int wd;
  unsigned int busy;  /* its subscriptions are being visited */
  int dead;           /* out of the table, freed when no longer busy */
  struct nd__queue subs;
};

struct nd__inotify {
  nd_loop_t *loop;
  nd__io_t io;
  int fd;
  unsigned int nhandles;    /* started handles that use it */
  unsigned int dispatching; /* inside the readiness callback */
  struct watch **buckets;   /* by wd; nbuckets is a power of two */
  unsigned int nbuckets;
  unsigned int nwatches;
};

enum sub_kind {
  SUB_ROOT, /* the handle's own path */
  SUB_DIR,  /* a directory below a recursive handle's root */
  SUB_WAIT  /* the directory of a watched file that is gone */
};

struct sub {
  struct nd__queue watch_link;  /* on watch->subs */
  struct nd__queue handle_link; /* on handle->subs */
  struct watch *watch;
  nd_fs_event_t *handle;
  enum sub_kind kind;
  char rel[]; /* SUB_DIR: the directory's path from the root, else "" */
};

/* A growable list of NUL-terminated names, one after the other. */
struct names {
  char *buf;
  size_t len;
  size_t cap;
};

static void fs_event_close(nd_handle_t *h);

/* --- the watch table ---------------------------------------------------- */

static struct watch *watch_find(struct nd__inotify *ino, int wd) {
  struct watch *w;

  if (ino->nbuckets == 0)
    return NULL;
  for (w = ino->buckets[(unsigned int)wd & (ino->nbuckets - 1)]; w != NULL;
       w = w->next)
    if (w->wd == wd)
      return w;
  return NULL;
}

static int table_grow(struct nd__inotify *ino) {
  unsigned int n = ino->nbuckets == 0 ? 16 : ino->nbuckets * 2;
  struct watch **b = calloc(n, sizeof(*b));
  struct watch *w, *next;
  unsigned int i;

  if (b == NULL)
    return ND_ENOMEM;
  for (i = 0; i < ino->nbuckets; i++)
    for (w = ino->buckets[i]; w != NULL; w = next) {
      next = w->next;
      w->next = b[(unsigned int)w->wd & (n - 1)];
      b[(unsigned int)w->wd & (n - 1)] = w;
    }
  free(ino->buckets);
  ino->buckets = b;
  ino->nbuckets = n;
  return 0;
}

static struct watch *watch_new(struct nd__inotify *ino, int wd) {
  struct watch *w;
  unsigned int i;

  if (ino->nwatches >= ino->nbuckets && table_grow(ino) != 0 &&
      ino->nbuckets == 0)
    return NULL;
  w = malloc(sizeof(*w));
  if (w == NULL)
    return NULL;
  w->wd = wd;
  w->busy = 0;
  w->dead = 0;
  nd__queue_init(&w->subs);
  i = (unsigned int)wd & (ino->nbuckets - 1);
  w->next = ino->buckets[i];
  ino->buckets[i] = w;
  ino->nwatches++;
  return w;
}

static void watch_unlink(struct nd__inotify *ino, struct watch *w) {
  struct watch **p = &ino->buckets[(unsigned int)w->wd & (ino->nbuckets - 1)];

  while (*p != w)
    p = &(*p)->next;
  *p = w->next;
  ino->nwatches--;
  w->dead = 1;
}

/*
 * A watch nobody listens to: tell the kernel (unless it dropped the watch
 * itself) and forget it.  Events still queued for its wd find nothing in
 * the table and are dropped; the kernel hands out wds cyclically, so a new
 * watch does not get the number back while they may be queued.  While its
 * subscriptions are being visited, some of them are off the list, so the
 * decision waits for the end of the visit.
 */
static void watch_release(struct nd__inotify *ino, struct watch *w) {
  if (w->busy != 0 || !nd__queue_empty(&w->subs))
    return;
  if (!w->dead) {
    inotify_rm_watch(ino->fd, w->wd);
    watch_unlink(ino, w);
  }
  free(w);
}

/* --- the loop's instance ------------------------------------------------ */

static void inotify_io(nd_loop_t *loop, nd__io_t *w, unsigned int events);

/* The loop's instance (loop->fs_events), made by its first started handle. */
static int inotify_get(nd_loop_t *loop, struct nd__inotify **out) {
  struct nd__inotify *ino = loop->fs_events;
  int err;

  if (ino != NULL) {
    ino->nhandles++;
    *out = ino;
    return 0;
  }

  ino = calloc(1, sizeof(*ino));
  if (ino == NULL)
    return ND_ENOMEM;
  ino->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (ino->fd < 0) {
    err = -errno;
    free(ino);
    return err;
  }
  ino->loop = loop;
  nd__io_init(&ino->io, inotify_io, ino->fd);
  err = nd__io_start(loop, &ino->io, ND__POLLIN);
  if (err != 0) {
    nd__io_close(loop, &ino->io);
    nd__close_nocancel(ino->fd);
    free(ino);
    return err;
  }
  ino->nhandles = 1;
  loop->fs_events = ino;
  *out = ino;
  return 0;
}

/* Every watch is gone by now: handles release theirs when they stop. */
static void inotify_destroy(struct nd__inotify *ino) {
  assert(ino->nwatches == 0);
  if (ino->loop->fs_events == ino)
    ino->loop->fs_events = NULL;
  nd__io_close(ino->loop, &ino->io);
  nd__close_nocancel(ino->fd);
  free(ino->buckets);
  free(ino);
}

static void inotify_put(struct nd__inotify *ino) {
  assert(ino->nhandles > 0);
  if (--ino->nhandles == 0 && ino->dispatching == 0)
    inotify_destroy(ino);
}

/* --- subscriptions ------------------------------------------------------ */

static void unsubscribe(struct nd__inotify *ino, struct sub *s) {
  struct watch *w = s->watch;

  nd__queue_remove(&s->watch_link);
  nd__queue_remove(&s->handle_link);
  free(s);
  watch_release(ino, w);
}

static int handle_listens(const struct watch *w, const nd_fs_event_t *h) {
  const struct nd__queue *q;

  nd__queue_foreach(q, &w->subs) {
    const struct sub *s = nd__container_of(q, struct sub, watch_link);

    if (s->handle == h && s->kind != SUB_WAIT)
      return 1;
  }
  return 0;
}

/*
 * Watch `path` for the handle.  Returns 0, 1 when the handle already
 * listens to that inode (a directory seen twice: the tree has it already),
 * or a negative error.  `extra` goes to inotify_add_watch with the mask.
 */
static int subscribe(nd_fs_event_t *h, const char *path, uint32_t extra,
                     enum sub_kind kind, const char *rel) {
  struct nd__inotify *ino = h->inotify;
  size_t rel_len = strlen(rel);
  struct watch *w;
  struct sub *s;
  int wd;

  wd = inotify_add_watch(ino->fd, path, WATCH_MASK | extra);
  if (wd < 0)
    return -errno;
  w = watch_find(ino, wd);
  if (w == NULL) {
    w = watch_new(ino, wd);
    if (w == NULL) {
      inotify_rm_watch(ino->fd, wd);
      return ND_ENOMEM;
    }
  } else if (kind != SUB_WAIT && handle_listens(w, h)) {
    return 1;
  }
  s = malloc(sizeof(*s) + rel_len + 1);
  if (s == NULL) {
    watch_release(ino, w);
    return ND_ENOMEM;
  }
  s->watch = w;
  s->handle = h;
  s->kind = kind;
  memcpy(s->rel, rel, rel_len + 1);
  nd__queue_insert_tail(&w->subs, &s->watch_link);
  nd__queue_insert_tail(&h->subs, &s->handle_link);
  return 0;
}

static void unsubscribe_all(nd_fs_event_t *h) {
  while (!nd__queue_empty(&h->subs))
    unsubscribe(h->inotify,
                nd__container_of(nd__queue_head(&h->subs), struct sub,
                                 handle_link));
}

/* Errors that mean "this entry cannot be watched", not "give up". */
static int skippable(int err) {
  return err == ND_ENOENT || err == ND_ENOTDIR || err == ND_EACCES ||
         err == ND_ELOOP || err == ND_EPERM;
}

/* --- paths -------------------------------------------------------------- */

/* a + "/" + b, or b alone when a is empty; NULL when out of memory. */
static char *path_join(const char *a, const char *b) {
  size_t la = strlen(a), lb = strlen(b);
  char *p = malloc(la + lb + 2);

  if (p == NULL)
    return NULL;
  if (la == 0) {
    memcpy(p, b, lb + 1);
    return p;
  }
  memcpy(p, a, la);
  p[la] = '/';
  memcpy(p + la + 1, b, lb + 1);
  return p;
}

/* The directory that holds the handle's path (what dirname(3) returns). */
static char *path_dir(const nd_fs_event_t *h) {
  const char *path = h->path;
  size_t len = strlen(path);
  char *p;

  while (len > 1 && path[len - 1] == '/')
    len--;
  while (len > 0 && path[len - 1] != '/')
    len--;
  while (len > 1 && path[len - 1] == '/')
    len--;
  if (len == 0)
    return strdup(".");
  p = malloc(len + 1);
  if (p != NULL) {
    memcpy(p, path, len);
    p[len] = '\0';
  }
  return p;
}

static int names_add(struct names *n, const char *name) {
  size_t len = strlen(name) + 1;
  size_t cap;
  char *buf;

  if (n->len + len > n->cap) {
    cap = n->cap == 0 ? 256 : n->cap;
    while (cap < n->len + len)
      cap *= 2;
    buf = realloc(n->buf, cap);
    if (buf == NULL)
      return ND_ENOMEM;
    n->buf = buf;
    n->cap = cap;
  }
  memcpy(n->buf + n->len, name, len);
  n->len += len;
  return 0;
}

/* --- recursive watches -------------------------------------------------- */

static int watch_tree(nd_fs_event_t *h, const char *dir, const char *rel,
                      struct names *found);

/*
 * Watch every directory below `dir` (whose path from the root is `rel`),
 * and list in `found` (when not NULL) every entry met on the way.  A
 * directory's entries are read and the directory closed before going
 * deeper, so a deep tree costs one descriptor at a time.  Symbolic links
 * are not followed.
 */
static int watch_entries(nd_fs_event_t *h, const char *dir, const char *rel,
                         struct names *found) {
  struct names entries = {NULL, 0, 0};
  struct dirent *de;
  struct stat st;
  char *child, *child_rel;
  size_t off;
  DIR *d;
  int err = 0;
  int is_dir;

  d = opendir(dir);
  if (d == NULL)
    return skippable(-errno) ? 0 : -errno;
  /* Each entry is stored as a type byte ('d' or '-') and the name. */
  while (err == 0 && (de = readdir(d)) != NULL) {
    char tagged[sizeof(de->d_name) + 1];

    if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
      continue;
    is_dir = de->d_type == DT_DIR;
    if (de->d_type == DT_UNKNOWN)
      is_dir = fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
               S_ISDIR(st.st_mode);
    tagged[0] = is_dir ? 'd' : '-';
    strcpy(tagged + 1, de->d_name);
    err = names_add(&entries, tagged);
  }
  closedir(d);

  for (off = 0; err == 0 && off < entries.len;
       off += strlen(entries.buf + off) + 1) {
    const char *name = entries.buf + off + 1;

    child_rel = path_join(rel, name);
    if (child_rel == NULL) {
      err = ND_ENOMEM;
      break;
    }
    if (found != NULL)
      err = names_add(found, child_rel);
    if (err == 0 && entries.buf[off] == 'd') {
      child = path_join(dir, name);
      err = child == NULL ? ND_ENOMEM : watch_tree(h, child, child_rel, found);
      free(child);
    }
    free(child_rel);
  }
  free(entries.buf);
  return err;
}

/* Watch the directory `dir` and everything below it. */
static int watch_tree(nd_fs_event_t *h, const char *dir, const char *rel,
                      struct names *found) {
  int r;

  /* IN_ONLYDIR | IN_DONT_FOLLOW: it may have become something else. */
  r = subscribe(h, dir, IN_ONLYDIR | IN_DONT_FOLLOW, SUB_DIR, rel);
  if (r == 1)
    return 0;
  if (r < 0)
    return skippable(r) ? 0 : r;
  return watch_entries(h, dir, rel, found);
}

/* A directory `rel` left the tree: stop listening below it. */
static void forget_tree(nd_fs_event_t *h, const char *rel) {
  size_t len = strlen(rel);
  struct nd__queue *q, *next;
  struct sub *s;

  for (q = h->subs.next; q != &h->subs; q = next) {
    next = q->next;
    s = nd__container_of(q, struct sub, handle_link);
    if (s->kind == SUB_DIR && strncmp(s->rel, rel, len) == 0 &&
        (s->rel[len] == '\0' || s->rel[len] == '/'))
      unsubscribe(h->inotify, s);
  }
}

static int same_start(const nd_fs_event_t *h, unsigned int start) {
  return h->start_count == start && nd__handle_is_active((nd_handle_t *)h);
}

/*
 * A directory `rel` appeared below a recursive handle's root.  Watch it and
 * its subdirectories, then report what they already hold: entries made
 * before the watches were in place have no events of their own.  An entry
 * made after may be reported twice, never not at all.
 */
static void grow_tree(nd_fs_event_t *h, const char *rel) {
  struct names found = {NULL, 0, 0};
  unsigned int start = h->start_count;
  char *dir;
  size_t off;
  int err;

  dir = path_join(h->path, rel);
  if (dir == NULL) {
    err = ND_ENOMEM;
  } else {
    err = watch_tree(h, dir, rel, &found);
    free(dir);
  }
  if (err != 0) {
    h->cb(h, rel, 0, err);
  } else {
    for (off = 0; off < found.len && same_start(h, start);
         off += strlen(found.buf + off) + 1)
      h->cb(h, found.buf + off, ND_RENAME, 0);
  }
  free(found.buf);
}

/* --- a watched file that goes away -------------------------------------- */

/*
 * The root file of `h` was deleted, replaced or moved away (its sub `s` is
 * on the old inode's watch), or `s` waits on the file's directory and the
 * name came back.  Watch whatever the path names now; if it names nothing,
 * wait on its directory for the name to come back.  Returns 1 when the
 * path is watched again, 0 when waiting, or an error.  Editors that save
 * by writing a new file and renaming it over the old one rely on this.
 */
static int reattach(nd_fs_event_t *h, struct sub *s) {
  struct stat st;
  char *dir;
  int r;

  unsubscribe(h->inotify, s);
  r = subscribe(h, h->path, 0, SUB_ROOT, "");
  if (r >= 0) {
    /* The name may now be a directory; it is watched as one. */
    h->flags &= ~FS_EVENT_DIR;
    if (stat(h->path, &st) == 0 && S_ISDIR(st.st_mode))
      h->flags |= FS_EVENT_DIR;
    return 1;
  }
  if (r != ND_ENOENT)
    return r;
  dir = path_dir(h);
  r = dir == NULL ? ND_ENOMEM : subscribe(h, dir, IN_ONLYDIR, SUB_WAIT, "");
  free(dir);
  /*
   * Without its directory nothing can bring the file back: the handle
   * stays active and reports nothing more.
   */
  if (r == ND_ENOENT || r == ND_ENOTDIR)
    r = 0;
  return r < 0 ? r : 0;
}

/* --- dispatch ----------------------------------------------------------- */

static int to_events(uint32_t mask) {
  int events = 0;

  if (mask & (IN_ATTRIB | IN_MODIFY))
    events |= ND_CHANGE;
  if (mask & (IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO |
              IN_DELETE_SELF | IN_MOVE_SELF))
    events |= ND_RENAME;
  return events;
}

/*
 * The callback gets names from a buffer of the dispatch, never from the
 * handle, since it may stop the handle (and free its path) and read the
 * name afterwards.
 */
static void call(nd_fs_event_t *h, const char *name, int events,
                 int status) {
  char small[256];
  size_t len = strlen(name);
  char *copy = len < sizeof(small) ? small : malloc(len + 1);

  if (copy == NULL) {
    h->cb(h, NULL, events, status);
    return;
  }
  memcpy(copy, name, len + 1);
  h->cb(h, copy, events, status);
  if (copy != small)
    free(copy);
}

static void deliver(struct sub *s, const struct inotify_event *e) {
  nd_fs_event_t *h = s->handle;
  unsigned int start = h->start_count;
  int events = to_events(e->mask);
  int recursive = (h->flags & FS_EVENT_RECURSIVE) != 0;
  char *name;
  int r;

  if (s->kind == SUB_WAIT) {
    if (e->len == 0 || !(e->mask & (IN_CREATE | IN_MOVED_TO)) ||
        strcmp(e->name, h->name) != 0)
      return;
    r = reattach(h, s);
    if (r != 0)
      call(h, h->name, r > 0 ? ND_RENAME : 0, r > 0 ? 0 : r);
    return;
  }

  if (s->kind == SUB_ROOT && !(h->flags & FS_EVENT_DIR)) {
    /* A file: its events carry no name. */
    r = 0;
    if (e->mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED)) {
      r = reattach(h, s);
      events = ND_RENAME;
    }
    if (events != 0)
      call(h, h->name, events, 0);
    if (r < 0 && same_start(h, start))
      call(h, h->name, 0, r);
    return;
  }

  if (e->len == 0) {
    /*
     * The directory itself.  Below the root, its parent's watch reports
     * the same thing under its name, so this copy is dropped.
     */
    if (e->mask & IN_IGNORED) {
      unsubscribe(h->inotify, s);
      return;
    }
    if (s->kind == SUB_ROOT && events != 0)
      call(h, h->name, events, 0);
    return;
  }

  /* The dispatch's own copy, so the callback may pass it as it likes. */
  name = path_join(s->rel, e->name);
  if (name == NULL) {
    h->cb(h, NULL, 0, ND_ENOMEM);
    return;
  }
  if (recursive && (e->mask & IN_ISDIR) &&
      (e->mask & (IN_DELETE | IN_MOVED_FROM)))
    forget_tree(h, name);
  if (events != 0)
    h->cb(h, name, events, 0);
  if (recursive && (e->mask & IN_ISDIR) &&
      (e->mask & (IN_CREATE | IN_MOVED_TO)) && same_start(h, start))
    grow_tree(h, name);
  free(name);
}

static void overflow_walk(nd_handle_t *handle, void *arg) {
  nd_fs_event_t *h = (nd_fs_event_t *)handle;

  if (handle->type == ND_FS_EVENT && h->inotify == arg &&
      nd__handle_is_active(handle))
    h->cb(h, NULL, ND_RENAME | ND_CHANGE, 0);
}

/*
 * One event to every subscription of its watch.  The list is moved aside
 * and each subscription put back before its callback, so a callback may
 * remove any subscription; one added meanwhile waits for the next event.
 */
static void dispatch(struct nd__inotify *ino, const struct inotify_event *e) {
  struct nd__queue todo;
  struct nd__queue *q;
  struct watch *w;

  if (e->mask & IN_Q_OVERFLOW) {
    /* Events were lost: every handle is told to look again. */
    nd_walk(ino->loop, overflow_walk, ino);
    return;
  }
  w = watch_find(ino, e->wd);
  if (w == NULL)
    return;
  /* The kernel has dropped the watch; there is nothing to remove. */
  if (e->mask & IN_IGNORED)
    watch_unlink(ino, w);

  w->busy++;
  nd__queue_move(&w->subs, &todo);
  while (!nd__queue_empty(&todo)) {
    q = nd__queue_head(&todo);
    nd__queue_remove(q);
    nd__queue_insert_tail(&w->subs, q);
    deliver(nd__container_of(q, struct sub, watch_link), e);
  }
  w->busy--;

  if (w->dead) {
    /* Gone from the kernel: whoever still listens goes too. */
    while (!nd__queue_empty(&w->subs)) {
      struct sub *s = nd__container_of(nd__queue_head(&w->subs),
                                       struct sub, watch_link);

      nd__queue_remove(&s->watch_link);
      nd__queue_remove(&s->handle_link);
      free(s);
    }
  }
  watch_release(ino, w);
}

static void report_error(nd_handle_t *handle, void *arg) {
  nd_fs_event_t *h = (nd_fs_event_t *)handle;
  struct nd__inotify *ino = arg;

  if (handle->type == ND_FS_EVENT && h->inotify == ino &&
      nd__handle_is_active(handle))
    h->cb(h, NULL, 0, ino->io.err);
}

static void inotify_io(nd_loop_t *loop, nd__io_t *io, unsigned int events) {
  struct nd__inotify *ino = nd__container_of(io, struct nd__inotify, io);
  char buf[16 * 1024]
      __attribute__((aligned(__alignof__(struct inotify_event))));
  const struct inotify_event *e;
  ssize_t n;
  char *p;
  int i;

  (void)loop;
  ino->dispatching++;
  if (events == ND__POLLERR && io->err != 0) {
    /* The backend refused the descriptor: no event will come again. */
    nd_walk(ino->loop, report_error, ino);
    io->err = 0;
  } else {
    for (i = 0; i < READS_PER_WAKEUP && ino->nhandles != 0; i++) {
      n = read(ino->fd, buf, sizeof(buf));
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      for (p = buf; p < buf + n && ino->nhandles != 0;
           p += sizeof(*e) + e->len) {
        e = (const struct inotify_event *)p;
        dispatch(ino, e);
      }
    }
  }
  ino->dispatching--;
  if (ino->nhandles == 0 && ino->dispatching == 0)
    inotify_destroy(ino);
}

/* --- fork -------------------------------------------------------------- */

/* Where a subscription points, and how it was added. */
static char *sub_path(const struct sub *s, uint32_t *extra) {
  const nd_fs_event_t *h = s->handle;

  switch (s->kind) {
  case SUB_ROOT:
    *extra = 0;
    return strdup(h->path);
  case SUB_DIR:
    *extra = IN_ONLYDIR | IN_DONT_FOLLOW;
    return path_join(h->path, s->rel);
  default:
    *extra = IN_ONLYDIR;
    return path_dir(h);
  }
}

/* Add a subscription's watch again on the new instance, or drop it. */
static void resubscribe(struct nd__inotify *ino, struct sub *s) {
  struct watch *w = NULL;
  uint32_t extra;
  char *path;
  int wd;

  path = sub_path(s, &extra);
  wd = path == NULL ? -1 : inotify_add_watch(ino->fd, path,
                                             WATCH_MASK | extra);
  free(path);
  if (wd >= 0) {
    w = watch_find(ino, wd);
    if (w == NULL)
      w = watch_new(ino, wd);
  }
  if (w == NULL) {
    nd__queue_remove(&s->handle_link);
    free(s);
    return;
  }
  s->watch = w;
  nd__queue_insert_tail(&w->subs, &s->watch_link);
}

/*
 * After fork(2) the child's inotify descriptor is the parent's instance:
 * both processes would take events from one queue.  Run by nd_loop_fork in
 * the child (a fork hook), this gives the loop an instance of its own
 * and watches again, by path, what its handles watched.  Best effort: what
 * cannot be watched any more (it is gone, or the limit is reached) is
 * dropped silently.
 */
static int fs_event_loop_fork(nd_loop_t *loop) {
  struct nd__inotify *ino = loop->fs_events;
  struct nd__queue *q, *sq, *next;
  struct watch *w;
  nd_fs_event_t *h;
  unsigned int i;
  int fd, err;

  if (ino == NULL)
    return 0;
  fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd < 0)
    return -errno;

  /* Forget the parent's watches; the subscriptions stay on their handles. */
  nd__io_close(loop, &ino->io);
  nd__close_nocancel(ino->fd);
  for (i = 0; i < ino->nbuckets; i++) {
    while ((w = ino->buckets[i]) != NULL) {
      ino->buckets[i] = w->next;
      while (!nd__queue_empty(&w->subs))
        nd__queue_remove(nd__queue_head(&w->subs));
      free(w);
    }
  }
  ino->nwatches = 0;
  ino->fd = fd;
  nd__io_init(&ino->io, inotify_io, fd);
  err = nd__io_start(loop, &ino->io, ND__POLLIN);
  if (err != 0)
    return err;

  nd__queue_foreach(q, &loop->handle_queue) {
    h = (nd_fs_event_t *)nd__container_of(q, nd_handle_t, handle_queue);
    if (h->type != ND_FS_EVENT || h->inotify != ino)
      continue;
    for (sq = h->subs.next; sq != &h->subs; sq = next) {
      next = sq->next;
      resubscribe(ino, nd__container_of(sq, struct sub, handle_link));
    }
  }
  return 0;
}

/* --- the API ------------------------------------------------------------ */

int nd_fs_event_init(nd_loop_t *loop, nd_fs_event_t *handle) {
  if (loop == NULL || handle == NULL)
    return ND_EINVAL;
  nd__handle_set_close_hook(ND_FS_EVENT, fs_event_close);
  nd__loop_add_fork_hook(fs_event_loop_fork);
  nd__handle_init(loop, (nd_handle_t *)handle, ND_FS_EVENT);
  handle->path = NULL;
  handle->cb = NULL;
  handle->name = NULL;
  handle->inotify = NULL;
  handle->start_count = 0;
  nd__queue_init(&handle->subs);
  return 0;
}

/* One block: the path as given, then its last component. */
static int set_path(nd_fs_event_t *h, const char *path) {
  size_t len = strlen(path);
  size_t end = len, begin;
  char *block;

  while (end > 1 && path[end - 1] == '/')
    end--;
  begin = end;
  while (begin > 0 && path[begin - 1] != '/')
    begin--;
  if (end == 1 && path[0] == '/')
    begin = 0;
  block = malloc(len + 1 + (end - begin) + 1);
  if (block == NULL)
    return ND_ENOMEM;
  memcpy(block, path, len + 1);
  memcpy(block + len + 1, path + begin, end - begin);
  block[len + 1 + (end - begin)] = '\0';
  h->path = block;
  h->name = block + len + 1;
  return 0;
}

int nd_fs_event_start(nd_fs_event_t *handle, nd_fs_event_cb cb,
                      const char *path, unsigned int flags) {
  nd_fs_event_t *h = handle;
  struct stat st;
  int err;

  if (h == NULL || cb == NULL || path == NULL ||
      (flags & ~(unsigned int)FS_EVENT_FLAGS) != 0 ||
      nd_is_closing((nd_handle_t *)h) || nd__handle_is_active((nd_handle_t *)h))
    return ND_EINVAL;

  err = set_path(h, path);
  if (err != 0)
    return err;
  err = inotify_get(h->loop, &h->inotify);
  if (err != 0)
    goto fail_path;

  err = subscribe(h, path, 0, SUB_ROOT, "");
  if (err < 0)
    goto fail;
  h->flags &= ~(FS_EVENT_DIR | FS_EVENT_RECURSIVE);
  /* inotify_add_watch follows a symbolic link; so does stat. */
  if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
    h->flags |= FS_EVENT_DIR;
  /* On a file the flag means nothing, even if a directory replaces it. */
  if ((flags & ND_FS_EVENT_RECURSIVE) && (h->flags & FS_EVENT_DIR)) {
    h->flags |= FS_EVENT_RECURSIVE;
    err = watch_entries(h, path, "", NULL);
    if (err != 0)
      goto fail;
  }

  h->cb = cb;
  h->start_count++;
  nd__handle_start((nd_handle_t *)h);
  return 0;

fail:
  unsubscribe_all(h);
  inotify_put(h->inotify);
  h->inotify = NULL;
fail_path:
  free(h->path);
  h->path = NULL;
  h->name = NULL;
  return err;
}

int nd_fs_event_stop(nd_fs_event_t *handle) {
  if (handle == NULL)
    return ND_EINVAL;
  if (!nd__handle_is_active((nd_handle_t *)handle))
    return 0;
  unsubscribe_all(handle);
  inotify_put(handle->inotify);
  handle->inotify = NULL;
  free(handle->path);
  handle->path = NULL;
  handle->name = NULL;
  nd__handle_stop((nd_handle_t *)handle);
  return 0;
}

static void fs_event_close(nd_handle_t *h) {
  nd_fs_event_stop((nd_fs_event_t *)h);
}

int nd_fs_event_getpath(nd_fs_event_t *handle, char *buffer, size_t *size) {
  if (handle == NULL || size == NULL ||
      !nd__handle_is_active((nd_handle_t *)handle))
    return ND_EINVAL;
  return nd__fs_copy_path(handle->path, buffer, size);
}
