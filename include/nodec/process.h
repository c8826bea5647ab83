/* nodec/process.h - child processes. */
#ifndef NODEC_PROCESS_H
#define NODEC_PROCESS_H

#include <sys/types.h>

#include "loop.h"
#include "stream.h"

typedef struct nd_process_s nd_process_t;
typedef struct nd_process_options_s nd_process_options_t;

typedef uid_t nd_uid_t;
typedef gid_t nd_gid_t;
typedef pid_t nd_pid_t;

/*
 * exit_status is the child's exit code (0-255) and term_signal the signal
 * that ended it (0 if it exited).
 */
typedef void (*nd_exit_cb)(nd_process_t *process, int64_t exit_status,
                           int term_signal);

/* How one descriptor of the child is set up (libuv's values). */
typedef enum {
  ND_IGNORE = 0x00,         /* fds 0-2: /dev/null; others: closed */
  ND_CREATE_PIPE = 0x01,    /* a new pipe; data.stream gets our end */
  ND_INHERIT_FD = 0x02,     /* data.fd becomes the child's descriptor */
  ND_INHERIT_STREAM = 0x04, /* data.stream's descriptor, likewise */
  /* For ND_CREATE_PIPE, as the child sees the pipe: */
  ND_READABLE_PIPE = 0x10,  /* the child reads it */
  ND_WRITABLE_PIPE = 0x20,  /* the child writes it */
  ND_NONBLOCK_PIPE = 0x40,  /* the child's end is non-blocking */
  ND_OVERLAPPED_PIPE = 0x40 /* libuv's older name (Windows) */
} nd_stdio_flags;

typedef struct {
  nd_stdio_flags flags;
  union {
    nd_stream_t *stream;
    int fd;
  } data;
} nd_stdio_container_t;

enum nd_process_flags {
  ND_PROCESS_SETUID = 1u << 0,
  ND_PROCESS_SETGID = 1u << 1,
  ND_PROCESS_WINDOWS_VERBATIM_ARGUMENTS = 1u << 2, /* no effect on Unix */
  ND_PROCESS_DETACHED = 1u << 3,    /* the child leads a new session */
  ND_PROCESS_WINDOWS_HIDE = 1u << 4,               /* no effect on Unix */
  ND_PROCESS_WINDOWS_HIDE_CONSOLE = 1u << 5,       /* no effect on Unix */
  ND_PROCESS_WINDOWS_HIDE_GUI = 1u << 6            /* no effect on Unix */
};

struct nd_process_options_s {
  nd_exit_cb exit_cb;   /* may be NULL */
  const char *file;     /* looked up in PATH when it has no '/' */
  char **args;          /* argv, NULL-terminated; NULL: { file, NULL } */
  char **env;           /* NULL: the parent's environment */
  const char *cwd;      /* NULL: the parent's */
  unsigned int flags;   /* enum nd_process_flags */
  int stdio_count;
  nd_stdio_container_t *stdio;
  nd_uid_t uid;         /* with ND_PROCESS_SETUID */
  nd_gid_t gid;         /* with ND_PROCESS_SETGID */
};

struct nd_process_s {
  ND_HANDLE_FIELDS
  nd_exit_cb exit_cb;
  /* read-only */
  int pid;
  /* private */
  struct nd__queue queue;     /* the loop's children (SIGCHLD fallback) */
  nd__io_t pidfd_watcher;     /* the child's pidfd, or fd -1 */
  int status;                 /* 0 running, 1 exited (and reaped) */
};

ND_EXTERN int nd_spawn(nd_loop_t *loop, nd_process_t *process,
                       const nd_process_options_t *options);
ND_EXTERN int nd_process_kill(nd_process_t *process, int signum);
ND_EXTERN int nd_kill(int pid, int signum);
ND_EXTERN nd_pid_t nd_process_get_pid(const nd_process_t *process);
ND_EXTERN void nd_disable_stdio_inheritance(void);

#endif
