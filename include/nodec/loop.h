/* nodec/loop.h - the event loop, handles and requests. */
#ifndef NODEC_LOOP_H
#define NODEC_LOOP_H

#include "common.h"

/* Types */

typedef struct nd_loop_s nd_loop_t;
typedef struct nd_handle_s nd_handle_t;
typedef struct nd_req_s nd_req_t;
typedef struct nd_timer_s nd_timer_t;
typedef struct nd_idle_s nd_idle_t;
typedef struct nd_prepare_s nd_prepare_t;
typedef struct nd_check_s nd_check_t;
typedef struct nd_async_s nd_async_t;
typedef struct nd_signal_s nd_signal_t;
typedef struct nd_poll_s nd_poll_t;
typedef struct nd_threadpool_s nd_threadpool_t;

/*
 * Handle and request types.  The order and numbering follow libuv's, so the
 * compatibility layer can map them one to one.
 */
#define ND_HANDLE_TYPE_MAP(XX)                                               \
  XX(ASYNC, async)                                                           \
  XX(CHECK, check)                                                           \
  XX(FS_EVENT, fs_event)                                                     \
  XX(FS_POLL, fs_poll)                                                       \
  XX(HANDLE, handle)                                                         \
  XX(IDLE, idle)                                                             \
  XX(NAMED_PIPE, pipe)                                                       \
  XX(POLL, poll)                                                             \
  XX(PREPARE, prepare)                                                       \
  XX(PROCESS, process)                                                       \
  XX(STREAM, stream)                                                         \
  XX(TCP, tcp)                                                               \
  XX(TIMER, timer)                                                           \
  XX(TTY, tty)                                                               \
  XX(UDP, udp)                                                               \
  XX(SIGNAL, signal)

#define ND_REQ_TYPE_MAP(XX)                                                  \
  XX(REQ, req)                                                               \
  XX(CONNECT, connect)                                                       \
  XX(WRITE, write)                                                           \
  XX(SHUTDOWN, shutdown)                                                     \
  XX(UDP_SEND, udp_send)                                                     \
  XX(FS, fs)                                                                 \
  XX(WORK, work)                                                             \
  XX(GETADDRINFO, getaddrinfo)                                               \
  XX(GETNAMEINFO, getnameinfo)                                               \
  XX(RANDOM, random)

typedef enum {
  ND_UNKNOWN_HANDLE = 0,
#define ND__HANDLE_ENUM(uc, lc) ND_##uc,
  ND_HANDLE_TYPE_MAP(ND__HANDLE_ENUM)
#undef ND__HANDLE_ENUM
  ND_FILE,
  ND_TLS, /* not libuv's: after its types, so theirs keep their numbers */
  ND_HANDLE_TYPE_MAX
} nd_handle_type;

typedef enum {
  ND_UNKNOWN_REQ = 0,
#define ND__REQ_ENUM(uc, lc) ND_##uc,
  ND_REQ_TYPE_MAP(ND__REQ_ENUM)
#undef ND__REQ_ENUM
  ND_REQ_TYPE_MAX
} nd_req_type;

typedef enum {
  ND_RUN_DEFAULT = 0, /* run until nothing is alive or nd_stop() */
  ND_RUN_ONCE,        /* one iteration; block for I/O if nothing is pending */
  ND_RUN_NOWAIT       /* one iteration; never block */
} nd_run_mode;

typedef enum {
  ND_LOOP_BLOCK_SIGNAL = 0, /* int signum: keep it blocked while polling */
  ND_METRICS_IDLE_TIME = 1, /* account the time spent waiting in poll */
  ND_LOOP_USE_SQPOLL = 2,   /* io_uring: a kernel thread polls submissions */
  ND_LOOP_THREADPOOL = 100  /* nd_threadpool_t *: the loop's worker pool */
} nd_loop_option;

typedef void (*nd_close_cb)(nd_handle_t *handle);
typedef void (*nd_walk_cb)(nd_handle_t *handle, void *arg);

/* Private types that public structures embed.  Do not touch their fields. */

struct nd__queue {
  struct nd__queue *next;
  struct nd__queue *prev;
};

struct nd__heap_node {
  struct nd__heap_node *left;
  struct nd__heap_node *right;
  struct nd__heap_node *parent;
};

struct nd__heap {
  struct nd__heap_node *min;
  unsigned int nelts;
};

typedef struct nd__io_s nd__io_t;
typedef void (*nd__io_cb)(nd_loop_t *loop, nd__io_t *w, unsigned int events);

/* A descriptor watched by the backend on behalf of a handle. */
struct nd__io_s {
  nd__io_cb cb;
  struct nd__queue watcher_queue; /* on loop->watcher_queue while dirty */
  unsigned int events;            /* interest the owner asked for */
  unsigned int registered;        /* interest the backend has applied */
  int fd;
  uint32_t gen;                   /* tells apart reuses of the same fd */
  uint32_t kgen;                  /* the backend's name for its registration */
  int err;                        /* why the backend refused the interest */
};

/*
 * A job for a worker pool, embedded in every request that runs on one
 * (nd_work_t, file system requests, ...).  The pool runs `work` on a worker
 * thread, then the loop runs `done` on its own thread.
 */
typedef struct nd__work_s nd__work_t;
struct nd__work_s {
  void (*work)(nd__work_t *w);
  void (*done)(nd__work_t *w, int status);
  nd_loop_t *loop;
  nd__work_t *next_done;          /* on the loop's stack of finished jobs */
  struct nd__queue queue;         /* on the pool's queue while waiting */
  uint64_t seq;                   /* submission order, across classes */
  int kind;                       /* CPU, fast I/O or slow I/O */
  int state;
};

/* An operation on an io_uring loop's ring (see src/loop/uring.h). */
typedef struct nd__uring_op_s nd__uring_op_t;
struct nd__uring_op_s {
  void (*cb)(nd_loop_t *loop, nd__uring_op_t *op, int res,
             unsigned int cqe_flags);
  unsigned int weak;              /* does not keep the loop alive */
};

typedef struct nd__pending_s nd__pending_t;
/* A callback deferred to the pending phase of the next iteration. */
struct nd__pending_s {
  void (*cb)(nd_loop_t *loop, nd__pending_t *p);
  struct nd__queue queue;
};

struct nd__backend_ops;

/* The loop.  The caller owns its memory; nd_loop_init fills it in. */
struct nd_loop_s {
  /* public */
  void *data;

  /* private */
  unsigned int active_handles;    /* active and referenced handles */
  unsigned int active_reqs;
  unsigned int stop_flag;
  unsigned int flags;
  uint64_t time;                  /* cached loop clock, milliseconds */

  struct nd__queue handle_queue;  /* every open handle */
  struct nd__queue closing_queue; /* handles whose close callback is due */
  struct nd__queue pending_queue; /* nd__pending_t, run in the pending phase */
  struct nd__queue idle_handles;
  struct nd__queue prepare_handles;
  struct nd__queue check_handles;

  /* Timers: a min-heap of groups that share a deadline. */
  struct nd__heap timer_heap;
  uint64_t timer_counter;
  nd_timer_t *timer_slots[32];

  /* Descriptor watchers, indexed by fd, and those whose interest changed. */
  nd__io_t **watchers;
  unsigned int nwatchers;
  unsigned int nfds;
  uint32_t io_gen;
  struct nd__queue watcher_queue;

  /* Backend */
  const struct nd__backend_ops *backend;
  void *backend_data;
  int backend_fd;
  int wakeup_fd;                  /* eventfd that wakes the loop */
  uint64_t poll_sigmask;          /* signals blocked while polling */

  /* Async handles: a lock-free stack pushed by nd_async_send. */
  nd_async_t *async_stack;
  nd_async_t *async_ready;        /* popped early by a closing handle */

  /* Signals */
  struct nd__queue signal_handles;
  uint64_t signal_mask;           /* signals this loop watches */
  uint64_t signal_pending;        /* signals caught since the last dispatch */
  uint32_t signal_count[65];
  nd_loop_t *signal_next;         /* process-wide list of loops with signals */

  /* The file watching subsystem's state for this loop (inotify). */
  void *fs_events;
  /* The process subsystem's state for this loop (children, orphans). */
  void *processes;
  /* The DNS subsystem's state for this loop (its c-ares channel). */
  void *dns;

  /* Worker pool: the loop's (NULL: the default) and its finished jobs. */
  nd_threadpool_t *threadpool;
  nd__work_t *work_done;

  /* Metrics */
  uint64_t idle_time;
  uint64_t loop_count;
  uint64_t events;
  uint64_t events_waiting;

  void *reserved[7];
};

/*
 * Fields every handle starts with.  A handle type is these fields followed
 * by its own; a pointer to any handle converts to nd_handle_t *.
 */
#define ND_HANDLE_FIELDS                                                     \
  /* public */                                                               \
  void *data;                                                                \
  /* read-only */                                                            \
  nd_loop_t *loop;                                                           \
  nd_handle_type type;                                                       \
  /* private */                                                              \
  unsigned int flags;                                                        \
  nd_close_cb close_cb;                                                      \
  struct nd__queue handle_queue;

struct nd_handle_s {
  ND_HANDLE_FIELDS
};

/* Fields every request starts with. */
#define ND_REQ_FIELDS                                                        \
  /* public */                                                               \
  void *data;                                                                \
  /* read-only */                                                            \
  nd_req_type type;                                                          \
  /* private */                                                              \
  unsigned int req_flags;                                                    \
  int (*cancel)(nd_req_t *req); /* how nd_cancel stops this type */          \
  void *reserved[3];

struct nd_req_s {
  ND_REQ_FIELDS
};

typedef struct {
  uint64_t loop_count;     /* iterations of the loop */
  uint64_t events;         /* events handled by the poll phase */
  uint64_t events_waiting; /* events pending when the poll phase started */
  uint64_t *reserved[13];
} nd_metrics_t;

/* Loop */
ND_EXTERN int nd_loop_init(nd_loop_t *loop);
ND_EXTERN int nd_loop_close(nd_loop_t *loop);
ND_EXTERN nd_loop_t *nd_default_loop(void);
ND_EXTERN int nd_loop_configure(nd_loop_t *loop, nd_loop_option option, ...);
ND_EXTERN int nd_loop_fork(nd_loop_t *loop);
ND_EXTERN int nd_run(nd_loop_t *loop, nd_run_mode mode);
ND_EXTERN void nd_stop(nd_loop_t *loop);
ND_EXTERN int nd_loop_alive(const nd_loop_t *loop);
ND_EXTERN uint64_t nd_now(const nd_loop_t *loop);
ND_EXTERN void nd_update_time(nd_loop_t *loop);
ND_EXTERN uint64_t nd_hrtime(void);
ND_EXTERN int nd_backend_fd(const nd_loop_t *loop);
ND_EXTERN int nd_backend_timeout(const nd_loop_t *loop);
ND_EXTERN const char *nd_backend_name(const nd_loop_t *loop);
ND_EXTERN void nd_walk(nd_loop_t *loop, nd_walk_cb walk_cb, void *arg);
ND_EXTERN uint64_t nd_metrics_idle_time(nd_loop_t *loop);
ND_EXTERN int nd_metrics_info(nd_loop_t *loop, nd_metrics_t *metrics);
ND_EXTERN size_t nd_loop_size(void);
ND_EXTERN void *nd_loop_get_data(const nd_loop_t *loop);
ND_EXTERN void nd_loop_set_data(nd_loop_t *loop, void *data);

/* Handles */
ND_EXTERN void nd_close(nd_handle_t *handle, nd_close_cb close_cb);
ND_EXTERN void nd_ref(nd_handle_t *handle);
ND_EXTERN void nd_unref(nd_handle_t *handle);
ND_EXTERN int nd_has_ref(const nd_handle_t *handle);
ND_EXTERN int nd_is_active(const nd_handle_t *handle);
ND_EXTERN int nd_is_closing(const nd_handle_t *handle);
ND_EXTERN size_t nd_handle_size(nd_handle_type type);
ND_EXTERN nd_handle_type nd_handle_get_type(const nd_handle_t *handle);
ND_EXTERN const char *nd_handle_type_name(nd_handle_type type);
ND_EXTERN void *nd_handle_get_data(const nd_handle_t *handle);
ND_EXTERN void nd_handle_set_data(nd_handle_t *handle, void *data);
ND_EXTERN nd_loop_t *nd_handle_get_loop(const nd_handle_t *handle);
/* The descriptor of a TCP, pipe, TTY, UDP or poll handle. */
ND_EXTERN int nd_fileno(const nd_handle_t *handle, nd_os_fd_t *fd);

/* Requests */
ND_EXTERN size_t nd_req_size(nd_req_type type);
ND_EXTERN nd_req_type nd_req_get_type(const nd_req_t *req);
ND_EXTERN const char *nd_req_type_name(nd_req_type type);
ND_EXTERN void *nd_req_get_data(const nd_req_t *req);
ND_EXTERN void nd_req_set_data(nd_req_t *req, void *data);

#endif
