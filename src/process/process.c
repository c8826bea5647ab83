/*
 * process.c - child processes: spawning, exit notification, signals.
 *
 * Spawning.  The child is made with clone(CLONE_VM | CLONE_VFORK): it runs
 * on a stack of its own inside our address space until it calls execve,
 * and this thread sleeps until then.  Nothing is copied, so a spawn costs
 * the same from a small program as from a large one, and the child can
 * write why it failed (chdir, setuid, execve) straight into our memory, so
 * nd_spawn reports that error itself and reaps the child before returning.
 * Because the child shares our memory, the code it runs (child_main) calls
 * the kernel directly and touches nothing but its own stack and what
 * nd_spawn prepared for it: no malloc, no locks, no libc state, and no
 * signal handler of ours can run in it (every signal is blocked across the
 * clone, and the child puts every disposition back to the default before
 * it unblocks them).  Every descriptor the library opens is close-on-exec,
 * so the child gets exactly the descriptors the options name.
 *
 * Exit.  With CLONE_PIDFD the kernel hands us a descriptor for the child
 * that becomes readable when it exits; the loop watches it like any other
 * descriptor, and waitid(P_PIDFD) reaps that child and no other.  No SIGCHLD
 * handler is installed, so nothing races other libraries that wait for
 * their own children, and users can watch SIGCHLD themselves.  On kernels
 * without pidfds (before 5.4) a SIGCHLD handle per loop and waitpid() on
 * each of the loop's children take their place.
 *
 * No zombies.  A process handle closed while its child runs leaves an
 * orphan watcher behind on the loop that reaps the child when it exits.  A
 * loop closed with orphans still running passes them to a process-wide
 * list, which every later nd_spawn and nd_loop_close sweeps.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "loop/internal.h"

#ifndef CLONE_PIDFD
#define CLONE_PIDFD 0x00001000
#endif
#ifndef P_PIDFD
#define P_PIDFD 3
#endif
#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif
#ifndef SYS_pidfd_send_signal
#define SYS_pidfd_send_signal 424
#endif
#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC (1u << 2)
#endif
#ifndef SYS_close_range
#define SYS_close_range 436
#endif

extern char **environ;

/* The child's stack: it needs a few hundred bytes; sanitizers want more. */
#define CHILD_STACK_SIZE (64 * 1024)
/* Descriptors handled without allocating. */
#define SMALL_STDIO 8

/* --- pidfd support, probed once per process ----------------------------- */

enum { PIDFD_UNKNOWN = 0, PIDFD_YES = 1, PIDFD_NO = 2 };
static int pidfd_support;

/*
 * Pidfds need pidfd_open's poll support (5.3) and waitid(P_PIDFD) (5.4).
 * Our own pid makes a pidfd that waitid refuses with ECHILD when P_PIDFD
 * is known and EINVAL when it is not.
 */
static int pidfd_probe(void) {
  int mode = __atomic_load_n(&pidfd_support, __ATOMIC_RELAXED);
  siginfo_t si;
  int fd;

  if (mode != PIDFD_UNKNOWN)
    return mode == PIDFD_YES;
  mode = PIDFD_NO;
  fd = (int)syscall(SYS_pidfd_open, getpid(), 0);
  if (fd >= 0) {
    if (waitid((idtype_t)P_PIDFD, (id_t)fd, &si, WEXITED | WNOHANG) != 0 &&
        errno == ECHILD)
      mode = PIDFD_YES;
    nd__close_nocancel(fd);
  }
  __atomic_store_n(&pidfd_support, mode, __ATOMIC_RELAXED);
  return mode == PIDFD_YES;
}

/* --- the loop's state ---------------------------------------------------- */

struct orphan {
  struct nd__queue queue;
  nd_loop_t *loop;        /* NULL on the process-wide list */
  nd__io_t io;            /* the pidfd, watched by loop; fd -1 without */
  pid_t pid;
};

struct procs {
  struct nd__queue children;   /* running nd_process_t (SIGCHLD fallback) */
  struct nd__queue orphans;    /* struct orphan */
  nd_signal_t sigchld;         /* fallback only */
  int sigchld_started;
  char *stack;                 /* the child's stack, CHILD_STACK_SIZE */
};

static pthread_mutex_t orphans_lock = PTHREAD_MUTEX_INITIALIZER;
static struct nd__queue global_orphans = {&global_orphans, &global_orphans};

static void process_close(nd_handle_t *h);
static void loop_closing(nd_loop_t *loop);
static void sigchld_cb(nd_signal_t *handle, int signum);

static struct procs *procs_get(nd_loop_t *loop) {
  struct procs *ps = loop->processes;

  if (ps != NULL)
    return ps;
  ps = calloc(1, sizeof(*ps));
  if (ps == NULL)
    return NULL;
  ps->stack = mmap(NULL, CHILD_STACK_SIZE, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
  if (ps->stack == MAP_FAILED) {
    free(ps);
    return NULL;
  }
  nd__queue_init(&ps->children);
  nd__queue_init(&ps->orphans);
  nd__loop_add_close_hook(loop_closing);
  loop->processes = ps;
  return ps;
}

/* The fallback's SIGCHLD handle: internal, and it keeps nothing alive. */
static int sigchld_start(nd_loop_t *loop, struct procs *ps) {
  int err;

  if (ps->sigchld_started)
    return 0;
  nd_signal_init(loop, &ps->sigchld);
  ps->sigchld.flags |= ND__HANDLE_INTERNAL;
  err = nd_signal_start(&ps->sigchld, sigchld_cb, SIGCHLD);
  if (err != 0) {
    nd__queue_remove(&ps->sigchld.handle_queue);
    return err;
  }
  nd_unref((nd_handle_t *)&ps->sigchld);
  ps->sigchld_started = 1;
  return 0;
}

/* --- reaping ------------------------------------------------------------- */

/*
 * Reap pid (through pidfd when there is one) without waiting: 1 and the
 * status if it has exited, 0 if it runs, an error if it is gone (not our
 * child: SIGCHLD ignored by the program, or reaped by someone else).
 */
static int reap(pid_t pid, int pidfd, siginfo_t *si) {
  int r;

  memset(si, 0, sizeof(*si));
  do {
    if (pidfd >= 0)
      r = waitid((idtype_t)P_PIDFD, (id_t)pidfd, si, WEXITED | WNOHANG);
    else
      r = waitid(P_PID, (id_t)pid, si, WEXITED | WNOHANG);
  } while (r != 0 && errno == EINTR);
  if (r != 0)
    return -errno;
  return si->si_pid != 0;
}

static void orphan_free(struct orphan *o) {
  nd__queue_remove(&o->queue);
  if (o->io.fd >= 0) {
    if (o->loop != NULL)
      nd__io_close(o->loop, &o->io);
    nd__close_nocancel(o->io.fd);
  }
  free(o);
}

/* Reap what it can of a list of orphans; returns how many remain. */
static unsigned int sweep(struct nd__queue *list) {
  struct nd__queue *it, *next;
  unsigned int left = 0;
  siginfo_t si;

  for (it = list->next; it != list; it = next) {
    struct orphan *o = nd__container_of(it, struct orphan, queue);
    next = it->next;
    if (reap(o->pid, o->io.fd, &si) != 0)
      orphan_free(o);
    else
      left++;
  }
  return left;
}

static void sweep_global(void) {
  pthread_mutex_lock(&orphans_lock);
  if (!nd__queue_empty(&global_orphans))
    sweep(&global_orphans);
  pthread_mutex_unlock(&orphans_lock);
}

static void orphan_io(nd_loop_t *loop, nd__io_t *w, unsigned int events) {
  struct orphan *o = nd__container_of(w, struct orphan, io);
  siginfo_t si;

  (void)loop;
  (void)events;
  if (reap(o->pid, o->io.fd, &si) != 0)
    orphan_free(o);
}

/* The child of a closing handle is left to an orphan watcher. */
static void orphan_add(nd_loop_t *loop, pid_t pid, int pidfd) {
  struct procs *ps = loop->processes;
  struct orphan *o;

  o = calloc(1, sizeof(*o));
  if (o == NULL) {
    /* Nowhere to keep it: the global sweep cannot find it either. */
    if (pidfd >= 0)
      nd__close_nocancel(pidfd);
    return;
  }
  o->loop = loop;
  o->pid = pid;
  nd__io_init(&o->io, orphan_io, pidfd);
  nd__queue_insert_tail(&ps->orphans, &o->queue);
  if (pidfd >= 0 && nd__io_start(loop, &o->io, ND__POLLIN) != 0) {
    /* Not watchable: the loop's close or a later spawn sweeps it. */
    nd__io_close(loop, &o->io);
  }
}

/* nd_loop_close: orphans still running go to the process-wide list. */
static void loop_closing(nd_loop_t *loop) {
  struct procs *ps = loop->processes;
  struct nd__queue *it;

  if (ps == NULL)
    return;
  sweep(&ps->orphans);
  pthread_mutex_lock(&orphans_lock);
  while (!nd__queue_empty(&ps->orphans)) {
    it = nd__queue_head(&ps->orphans);
    struct orphan *o = nd__container_of(it, struct orphan, queue);
    if (o->io.fd >= 0)
      nd__io_close(loop, &o->io);
    o->loop = NULL;
    nd__queue_remove(it);
    nd__queue_insert_tail(&global_orphans, it);
  }
  if (!nd__queue_empty(&global_orphans))
    sweep(&global_orphans);
  pthread_mutex_unlock(&orphans_lock);

  if (ps->sigchld_started) {
    nd_signal_stop(&ps->sigchld);
    nd__queue_remove(&ps->sigchld.handle_queue);
  }
  munmap(ps->stack, CHILD_STACK_SIZE);
  free(ps);
  loop->processes = NULL;
}

/* The child has been reaped: tell the user. */
static void process_exited(nd_process_t *p, const siginfo_t *si) {
  int64_t status = 0;
  int term = 0;

  if (p->pidfd_watcher.fd >= 0) {
    nd__io_close(p->loop, &p->pidfd_watcher);
    nd__close_nocancel(p->pidfd_watcher.fd);
    p->pidfd_watcher.fd = -1;
  }
  nd__queue_remove(&p->queue);
  nd__queue_init(&p->queue);
  p->status = 1;
  if (si != NULL) {
    if (si->si_code == CLD_EXITED)
      status = si->si_status;
    else if (si->si_code == CLD_KILLED || si->si_code == CLD_DUMPED)
      term = si->si_status;
  }
  nd__handle_stop((nd_handle_t *)p);
  if (p->exit_cb != NULL)
    p->exit_cb(p, status, term);
}

static void pidfd_io(nd_loop_t *loop, nd__io_t *w, unsigned int events) {
  nd_process_t *p = nd__container_of(w, nd_process_t, pidfd_watcher);
  siginfo_t si;
  int r;

  (void)loop;
  (void)events;
  r = reap(p->pid, w->fd, &si);
  if (r == 0)
    return;
  /*
   * An error means someone else reaped it (the program ignores SIGCHLD, or
   * waits for any child): it has exited, with a status nobody can know.
   */
  process_exited(p, r > 0 ? &si : NULL);
}

/* The fallback: some child of the process exited; see which are ours. */
static void sigchld_cb(nd_signal_t *handle, int signum) {
  nd_loop_t *loop = handle->loop;
  struct procs *ps = loop->processes;
  struct nd__queue *it, *next;
  siginfo_t si;
  int r;

  (void)signum;
  for (it = ps->children.next; it != &ps->children; it = next) {
    nd_process_t *p = nd__container_of(it, nd_process_t, queue);
    next = it->next;
    r = reap(p->pid, -1, &si);
    if (r != 0) {
      /* The callback may close other handles: start over. */
      process_exited(p, r > 0 ? &si : NULL);
      next = ps->children.next;
    }
  }
  sweep(&ps->orphans);
}

static void process_close(nd_handle_t *h) {
  nd_process_t *p = (nd_process_t *)h;
  int pidfd = p->pidfd_watcher.fd;

  if (p->status != 0 || p->pid <= 0)
    return;
  /* Spawned and still running (or not yet reaped): hand it on. */
  if (pidfd >= 0) {
    nd__io_close(p->loop, &p->pidfd_watcher);
    p->pidfd_watcher.fd = -1;
  }
  nd__queue_remove(&p->queue);
  nd__queue_init(&p->queue);
  p->status = 1;
  orphan_add(p->loop, p->pid, pidfd);
}

/* --- the child ----------------------------------------------------------- */

struct spawn_ctx {
  const char *file;
  char **argv;
  char **envp;
  const char *search;     /* PATH to search, NULL if file names a path */
  char *pathbuf;          /* room for the longest dir + '/' + file */
  char **shargv;          /* room for argc + 2 pointers (ENOEXEC) */
  int *src;               /* per child descriptor: the source, or -1 */
  const unsigned char *clear_nonblock; /* per child descriptor 0-2 */
  int nfds;
  unsigned int flags;
  const char *cwd;
  nd_uid_t uid;
  nd_gid_t gid;
  volatile int err;       /* written by the child before it exits */
};

/* A raw system call in the child: the return value, or -errno. */
#define CHILD_SYSCALL(...) child_ret(syscall(__VA_ARGS__))

static inline long child_ret(long r) {
  return r < 0 ? -errno : r;
}

/*
 * The kernel's struct sigaction for rt_sigaction, which glibc's sigaction
 * would fill for us (and which a sanitizer would intercept).
 */
struct child_sigaction {
  void (*handler)(int);
  unsigned long flags;
  void (*restorer)(void);
  uint64_t mask;
};

#define ND__NO_SANITIZE                                                      \
  __attribute__((no_sanitize("address", "undefined"), noinline))

/* execve, then what execvp does for a file without a #! line. */
ND__NO_SANITIZE static long child_exec(struct spawn_ctx *c, const char *path) {
  long r;
  int i;

  r = CHILD_SYSCALL(SYS_execve, path, c->argv, c->envp);
  if (r != -ENOEXEC)
    return r;
  c->shargv[0] = (char *)"/bin/sh";
  c->shargv[1] = (char *)path;
  for (i = 1; c->argv[i - 1] != NULL && c->argv[i] != NULL; i++)
    c->shargv[i + 1] = c->argv[i];
  c->shargv[i + 1] = NULL;
  CHILD_SYSCALL(SYS_execve, "/bin/sh", c->shargv, c->envp);
  return -ENOEXEC;
}

/* The PATH search of execvp: EACCES wins over ENOENT if any was seen. */
ND__NO_SANITIZE static long child_exec_search(struct spawn_ctx *c) {
  const char *dir = c->search;
  const char *end;
  size_t flen = 0, dlen;
  int seen_eacces = 0;
  long r = -ENOENT;

  if (c->search == NULL)
    return child_exec(c, c->file);
  while (c->file[flen] != '\0')
    flen++;
  for (;;) {
    for (end = dir; *end != '\0' && *end != ':'; end++)
      ;
    dlen = (size_t)(end - dir);
    /* An empty element is the current directory. */
    if (dlen == 0) {
      c->pathbuf[0] = '.';
      dlen = 1;
    } else {
      for (size_t i = 0; i < dlen; i++)
        c->pathbuf[i] = dir[i];
    }
    c->pathbuf[dlen] = '/';
    for (size_t i = 0; i <= flen; i++)
      c->pathbuf[dlen + 1 + i] = c->file[i];
    r = child_exec(c, c->pathbuf);
    switch (r) {
    case -EACCES:
      seen_eacces = 1;
      break;
    case -ENOENT:
    case -ENOTDIR:
    case -ESTALE:
    case -ENODEV:
    case -ETIMEDOUT:
    case -ELOOP:
    case -ENAMETOOLONG:
      break;
    default:
      return r;
    }
    if (*end == '\0')
      break;
    dir = end + 1;
  }
  return seen_eacces ? -EACCES : r;
}

ND__NO_SANITIZE static int child_main(void *arg) {
  struct spawn_ctx *c = arg;
  struct child_sigaction sa;
  uint64_t none = 0;
  long r;
  int i, fd;

  /*
   * Every handler back to the default, and ignored signals too (a program
   * that ignores SIGPIPE must not hand that to its children), before the
   * mask that kept our handlers out is lifted.
   */
  sa.handler = SIG_DFL;
  sa.flags = 0;
  sa.restorer = NULL;
  sa.mask = 0;
  for (i = 1; i <= 64; i++)
    if (i != SIGKILL && i != SIGSTOP)
      CHILD_SYSCALL(SYS_rt_sigaction, i, &sa, NULL, sizeof(sa.mask));

  if (c->flags & ND_PROCESS_DETACHED) {
    r = CHILD_SYSCALL(SYS_setsid);
    if (r < 0)
      goto fail;
  }

  /*
   * A source that is itself one of the child's descriptor numbers would be
   * overwritten by the dup onto that number (swapping stdout and stderr,
   * say): move such sources above them all first.
   */
  for (i = 0; i < c->nfds; i++) {
    fd = c->src[i];
    if (fd >= 0 && fd < c->nfds && fd != i) {
      r = CHILD_SYSCALL(SYS_fcntl, fd, F_DUPFD_CLOEXEC, c->nfds);
      if (r < 0)
        goto fail;
      c->src[i] = (int)r;
    }
  }
  for (i = 0; i < c->nfds; i++) {
    fd = c->src[i];
    if (fd < 0) {
      if (i > 2) {
        CHILD_SYSCALL(SYS_close, i);
        continue;
      }
      r = CHILD_SYSCALL(SYS_openat, AT_FDCWD, "/dev/null",
                        i == 0 ? O_RDONLY : O_RDWR);
      if (r < 0)
        goto fail;
      fd = (int)r;
      if (fd == i) {
        CHILD_SYSCALL(SYS_fcntl, fd, F_SETFD, 0);
        continue;
      }
      r = CHILD_SYSCALL(SYS_dup3, fd, i, 0);
      CHILD_SYSCALL(SYS_close, fd);
    } else if (fd == i) {
      r = CHILD_SYSCALL(SYS_fcntl, fd, F_SETFD, 0);
    } else {
      r = CHILD_SYSCALL(SYS_dup3, fd, i, 0);
    }
    if (r < 0)
      goto fail;
    /* Programs expect blocking standard descriptors (as libuv leaves them). */
    if (i <= 2 && c->clear_nonblock[i]) {
      r = CHILD_SYSCALL(SYS_fcntl, i, F_GETFL);
      if (r >= 0 && (r & O_NONBLOCK))
        CHILD_SYSCALL(SYS_fcntl, i, F_SETFL, r & ~(long)O_NONBLOCK);
    }
  }

  if (c->cwd != NULL) {
    r = CHILD_SYSCALL(SYS_chdir, c->cwd);
    if (r < 0)
      goto fail;
  }
  if (c->flags & (ND_PROCESS_SETUID | ND_PROCESS_SETGID)) {
    /* Drops root's extra groups; fails harmlessly when not root. */
    CHILD_SYSCALL(SYS_setgroups, 0, NULL);
  }
  if (c->flags & ND_PROCESS_SETGID) {
    r = CHILD_SYSCALL(SYS_setgid, c->gid);
    if (r < 0)
      goto fail;
  }
  if (c->flags & ND_PROCESS_SETUID) {
    r = CHILD_SYSCALL(SYS_setuid, c->uid);
    if (r < 0)
      goto fail;
  }

  CHILD_SYSCALL(SYS_rt_sigprocmask, SIG_SETMASK, &none, NULL, sizeof(none));
  r = child_exec_search(c);

fail:
  c->err = (int)r;
  syscall(SYS_exit_group, 127);
  return 127;
}

/* --- spawning ------------------------------------------------------------ */

static void close_pair(int fds[2]) {
  if (fds[0] >= 0)
    nd__close_nocancel(fds[0]);
  if (fds[1] >= 0)
    nd__close_nocancel(fds[1]);
  fds[0] = fds[1] = -1;
}

/*
 * A pipe for ND_CREATE_PIPE: fds[0] is ours, fds[1] the child's.  What the
 * child only writes (its stdout, say) is a pipe: what programs expect, and
 * what splice moves best.  Anything the child reads is a socket pair, as
 * libuv makes them all, because only a socket lets nd_shutdown give the
 * child its end of file while our end stays open.
 */
static int make_pipe(unsigned int flags, int fds[2]) {
  unsigned int dir = flags & (ND_READABLE_PIPE | ND_WRITABLE_PIPE);
  int p[2];

  if (dir == ND_WRITABLE_PIPE) {
    if (pipe2(p, O_CLOEXEC) != 0)
      return -errno;
    fds[0] = p[0];
    fds[1] = p[1];
  } else {
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, p) != 0)
      return -errno;
    fds[0] = p[0];
    fds[1] = p[1];
  }
  if (flags & ND_NONBLOCK_PIPE) {
    int err = nd__set_nonblock(fds[1], 1);
    if (err != 0) {
      close_pair(fds);
      return err;
    }
  }
  return 0;
}

/* The value of PATH in env (NULL: ours), or NULL if it has none. */
static const char *find_path(char **env) {
  if (env == NULL)
    return getenv("PATH");
  for (; *env != NULL; env++)
    if (strncmp(*env, "PATH=", 5) == 0)
      return *env + 5;
  return NULL;
}

#define KNOWN_FLAGS                                                          \
  (ND_PROCESS_SETUID | ND_PROCESS_SETGID |                                   \
   ND_PROCESS_WINDOWS_VERBATIM_ARGUMENTS | ND_PROCESS_DETACHED |             \
   ND_PROCESS_WINDOWS_HIDE | ND_PROCESS_WINDOWS_HIDE_CONSOLE |               \
   ND_PROCESS_WINDOWS_HIDE_GUI)

/* Fill src[i] (and pipes[i] for created pipes) from the stdio options. */
static int setup_stdio(const nd_process_options_t *o, int nfds, int *src,
                       int (*pipes)[2], unsigned char *clear_nonblock) {
  int i, err;

  /* All of them first: a failure part way closes what was made. */
  for (i = 0; i < nfds; i++) {
    src[i] = -1;
    pipes[i][0] = pipes[i][1] = -1;
  }
  for (i = 0; i < nfds; i++) {
    const nd_stdio_container_t *c = i < o->stdio_count ? &o->stdio[i] : NULL;
    unsigned int kind;

    if (i <= 2)
      clear_nonblock[i] = 1;
    if (c == NULL)
      continue;
    kind = c->flags & (ND_CREATE_PIPE | ND_INHERIT_FD | ND_INHERIT_STREAM);
    switch (kind) {
    case ND_IGNORE:
      break;
    case ND_CREATE_PIPE:
      if (c->data.stream == NULL || c->data.stream->type != ND_NAMED_PIPE ||
          c->data.stream->io_watcher.fd != -1)
        return ND_EINVAL;
      err = make_pipe(c->flags, pipes[i]);
      if (err != 0)
        return err;
      src[i] = pipes[i][1];
      if (i <= 2 && (c->flags & ND_NONBLOCK_PIPE))
        clear_nonblock[i] = 0;
      break;
    case ND_INHERIT_FD:
      if (c->data.fd < 0)
        return ND_EINVAL;
      src[i] = c->data.fd;
      break;
    case ND_INHERIT_STREAM:
      if (c->data.stream == NULL ||
          nd_fileno((nd_handle_t *)c->data.stream, &src[i]) != 0)
        return ND_EINVAL;
      break;
    default:
      return ND_EINVAL;
    }
  }
  return 0;
}

static void wait_failed_child(pid_t pid) {
  int status;

  while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
    ;
}

int nd_spawn(nd_loop_t *loop, nd_process_t *process,
             const nd_process_options_t *options) {
  int small_src[SMALL_STDIO];
  int small_pipes[SMALL_STDIO][2];
  unsigned char clear_nonblock[3] = {0, 0, 0};
  char *fallback_argv[2];
  struct spawn_ctx ctx;
  sigset_t all, saved;
  struct procs *ps;
  int (*pipes)[2] = small_pipes;
  int *src = small_src;
  int nfds, argc, i, err, saved_errno;
  int pidfd = -1;
  int use_pidfd;
  size_t pathlen;
  pid_t pid;

  if (loop == NULL || process == NULL || options == NULL)
    return ND_EINVAL;
  nd__handle_init(loop, (nd_handle_t *)process, ND_PROCESS);
  nd__handle_set_close_hook(ND_PROCESS, process_close);
  process->exit_cb = options->exit_cb;
  process->pid = 0;
  process->status = 0;
  nd__queue_init(&process->queue);
  nd__io_init(&process->pidfd_watcher, pidfd_io, -1);

  if (options->file == NULL || options->file[0] == '\0' ||
      (options->flags & ~(unsigned int)KNOWN_FLAGS) != 0 ||
      options->stdio_count < 0 ||
      (options->stdio_count > 0 && options->stdio == NULL))
    return ND_EINVAL;

  ps = procs_get(loop);
  if (ps == NULL)
    return ND_ENOMEM;
  sweep_global();
  use_pidfd = pidfd_probe();
  if (!use_pidfd) {
    /* Listen for SIGCHLD before there is a child to send it. */
    err = sigchld_start(loop, ps);
    if (err != 0)
      return err;
  }

  memset(&ctx, 0, sizeof(ctx));
  ctx.file = options->file;
  ctx.argv = options->args;
  if (ctx.argv == NULL) {
    fallback_argv[0] = (char *)options->file;
    fallback_argv[1] = NULL;
    ctx.argv = fallback_argv;
  }
  ctx.envp = options->env != NULL ? options->env : environ;
  ctx.cwd = options->cwd;
  ctx.flags = options->flags;
  ctx.uid = options->uid;
  ctx.gid = options->gid;
  ctx.clear_nonblock = clear_nonblock;

  nfds = options->stdio_count < 3 ? 3 : options->stdio_count;
  argc = 0;
  while (ctx.argv[argc] != NULL)
    argc++;
  if (strchr(options->file, '/') == NULL) {
    /* As Node does: the child's PATH, else a default. */
    ctx.search = find_path(options->env);
    if (ctx.search == NULL)
      ctx.search = "/usr/bin:/bin";
  }
  pathlen = ctx.search != NULL ? strlen(ctx.search) : 0;

  err = ND_ENOMEM;
  ctx.shargv = malloc((size_t)(argc + 3) * sizeof(char *));
  ctx.pathbuf = malloc(pathlen + strlen(options->file) + 3);
  if (nfds > SMALL_STDIO) {
    src = malloc((size_t)nfds * sizeof(*src));
    pipes = malloc((size_t)nfds * sizeof(*pipes));
  }
  if (ctx.shargv == NULL || ctx.pathbuf == NULL || src == NULL ||
      pipes == NULL) {
    if (pipes != NULL)
      for (i = 0; i < nfds; i++)
        pipes[i][0] = pipes[i][1] = -1;
    nfds = 0;
    goto out;
  }

  err = setup_stdio(options, nfds, src, pipes, clear_nonblock);
  if (err != 0)
    goto out;
  ctx.src = src;
  ctx.nfds = nfds;

  /*
   * No handler of ours may run in the child, which shares our memory:
   * block everything across the clone; the child unblocks after it has
   * reset every disposition.
   */
  sigfillset(&all);
  pthread_sigmask(SIG_SETMASK, &all, &saved);
  saved_errno = errno;
  pid = clone(child_main, ps->stack + CHILD_STACK_SIZE,
              CLONE_VM | CLONE_VFORK | SIGCHLD | (use_pidfd ? CLONE_PIDFD : 0),
              &ctx, &pidfd);
  err = pid < 0 ? -errno : 0;
  errno = saved_errno;
  pthread_sigmask(SIG_SETMASK, &saved, NULL);
  if (err != 0)
    goto out;

  if (ctx.err != 0) {
    /* The child could not get as far as running the program. */
    err = ctx.err;
    wait_failed_child(pid);
    if (pidfd >= 0)
      nd__close_nocancel(pidfd);
    goto out;
  }

  process->pid = pid;
  for (i = 0; i < nfds; i++) {
    if (pipes[i][0] < 0)
      continue;
    nd__close_nocancel(pipes[i][1]);
    pipes[i][1] = -1;
    err = nd_pipe_open((nd_pipe_t *)options->stdio[i].data.stream,
                       pipes[i][0]);
    if (err != 0)
      break;
    pipes[i][0] = -1;
  }
  if (err == 0 && use_pidfd) {
    nd__io_init(&process->pidfd_watcher, pidfd_io, pidfd);
    err = nd__io_start(loop, &process->pidfd_watcher, ND__POLLIN);
    if (err != 0)
      nd__io_close(loop, &process->pidfd_watcher);
  }
  if (err != 0) {
    /* Out of resources after the fact: take the child back. */
    if (pidfd >= 0)
      syscall(SYS_pidfd_send_signal, pidfd, SIGKILL, NULL, 0);
    else
      kill(pid, SIGKILL);
    wait_failed_child(pid);
    if (pidfd >= 0)
      nd__close_nocancel(pidfd);
    process->pidfd_watcher.fd = -1;
    process->pid = 0;
    goto out;
  }
  if (!use_pidfd)
    nd__queue_insert_tail(&ps->children, &process->queue);
  nd__handle_start((nd_handle_t *)process);

out:
  for (i = 0; i < nfds; i++)
    close_pair(pipes[i]);
  if (src != small_src)
    free(src);
  if (pipes != small_pipes)
    free(pipes);
  free(ctx.shargv);
  free(ctx.pathbuf);
  return err;
}

/* --- signals to processes ------------------------------------------------ */

int nd_process_kill(nd_process_t *process, int signum) {
  int fd = process->pidfd_watcher.fd;

  if (process->pid <= 0 || process->status != 0)
    return ND_ESRCH;
  if (fd >= 0) {
    /* The pidfd names this child even if its pid has been reused. */
    if (syscall(SYS_pidfd_send_signal, fd, signum, NULL, 0) != 0)
      return -errno;
    return 0;
  }
  return nd_kill(process->pid, signum);
}

int nd_kill(int pid, int signum) {
  if (kill(pid, signum) != 0)
    return -errno;
  return 0;
}

nd_pid_t nd_process_get_pid(const nd_process_t *process) {
  return process->pid;
}

/*
 * Descriptors this process inherited must not go on to its children: mark
 * every descriptor close-on-exec (the library's are already).
 */
void nd_disable_stdio_inheritance(void) {
  int fd, misses = 0;

  if (syscall(SYS_close_range, 0, ~0u, CLOSE_RANGE_CLOEXEC) == 0)
    return;
  /* Before Linux 5.11: one at a time, until a run of closed numbers. */
  for (fd = 0; misses < 16 || fd < 16; fd++) {
    int flags = fcntl(fd, F_GETFD);
    if (flags < 0) {
      misses++;
      continue;
    }
    misses = 0;
    if (!(flags & FD_CLOEXEC))
      fcntl(fd, F_SETFD, flags | FD_CLOEXEC);
  }
}
