/* nodec/fs-watch.h - watching files: change events and stat polling. */
#ifndef NODEC_FS_WATCH_H
#define NODEC_FS_WATCH_H

#include "loop.h"
#include "fs.h"
#include "timer.h"

typedef struct nd_fs_event_s nd_fs_event_t;
typedef struct nd_fs_poll_s nd_fs_poll_t;

/* What happened to a name (nd_fs_event_cb's events). */
enum nd_fs_event {
  ND_RENAME = 1, /* created, deleted or moved */
  ND_CHANGE = 2  /* contents or attributes changed */
};

/* nd_fs_event_start flags. */
enum nd_fs_event_flags {
  ND_FS_EVENT_WATCH_ENTRY = 1, /* accepted, no effect on Linux */
  ND_FS_EVENT_STAT = 2,        /* accepted, no effect on Linux */
  ND_FS_EVENT_RECURSIVE = 4    /* every subdirectory too, present and future */
};

typedef void (*nd_fs_event_cb)(nd_fs_event_t *handle, const char *filename,
                               int events, int status);
typedef void (*nd_fs_poll_cb)(nd_fs_poll_t *handle, int status,
                              const nd_stat_t *prev, const nd_stat_t *curr);

struct nd__inotify;

struct nd_fs_event_s {
  ND_HANDLE_FIELDS
  /* read-only */
  char *path;                   /* as given to nd_fs_event_start */
  /* private */
  nd_fs_event_cb cb;
  const char *name;             /* path's last component */
  struct nd__inotify *inotify;  /* the loop's inotify instance while active */
  struct nd__queue subs;        /* the kernel watches it listens to */
  unsigned int start_count;     /* tells one start from the next */
};

struct nd_fs_poll_s {
  ND_HANDLE_FIELDS
  /* private */
  nd_fs_poll_cb poll_cb;
  char *path;
  unsigned int interval;        /* milliseconds */
  int last;                     /* 0: no result yet, 1: stat OK, < 0: error */
  uint64_t stat_start;          /* loop time the last stat was started */
  nd_stat_t statbuf;            /* the last stat that succeeded */
  nd_timer_t timer;             /* internal: when to stat next */
  nd_fs_t req;                  /* the stat */
};

/* Change events (inotify) */
ND_EXTERN int nd_fs_event_init(nd_loop_t *loop, nd_fs_event_t *handle);
ND_EXTERN int nd_fs_event_start(nd_fs_event_t *handle, nd_fs_event_cb cb,
                                const char *path, unsigned int flags);
ND_EXTERN int nd_fs_event_stop(nd_fs_event_t *handle);
ND_EXTERN int nd_fs_event_getpath(nd_fs_event_t *handle, char *buffer,
                                  size_t *size);

/* Stat polling */
ND_EXTERN int nd_fs_poll_init(nd_loop_t *loop, nd_fs_poll_t *handle);
ND_EXTERN int nd_fs_poll_start(nd_fs_poll_t *handle, nd_fs_poll_cb cb,
                               const char *path, unsigned int interval);
ND_EXTERN int nd_fs_poll_stop(nd_fs_poll_t *handle);
ND_EXTERN int nd_fs_poll_getpath(nd_fs_poll_t *handle, char *buffer,
                                 size_t *size);

#endif
