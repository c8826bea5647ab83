/*
 * tty.c - terminals as streams, their modes and window size, and telling
 * what kind of file a descriptor refers to.
 *
 * Reading and writing are the generic stream's.  What is particular to a
 * terminal is that it is usually shared: the shell, our parent and every
 * process of a pipeline (`prog | cat`) hold the same open file description,
 * so setting O_NONBLOCK on our descriptor would make their reads and writes
 * fail with EAGAIN.  nd_tty_init therefore opens the terminal afresh, which
 * gives us a description of our own, and makes only that one non-blocking.
 * When that cannot be done (a pty master, whose reopening would make a new
 * pty; no /proc and no name in /dev) the descriptor is used as it is and
 * left blocking, so writes finish inside the call that makes them, as
 * libuv does.
 *
 * Unlike libuv, the new descriptor is not dup2'ed over the caller's: that
 * made the caller's descriptor close-on-exec (stdio lost across exec in
 * programs that spawn children themselves, libuv issue #2062) and turned
 * it non-blocking after all, for the program's own printf.  The caller's
 * descriptor keeps its description and its flags.
 *
 * Terminal modes.  The settings a terminal had before the first nd_tty_t
 * took it out of normal mode are kept process-wide, so a program can put
 * them back on its way out, from atexit or a signal handler, with
 * nd_tty_reset_mode.  That function must not block on a lock a signal may
 * have interrupted: the record is guarded by a flag taken with an atomic
 * exchange, which nd_tty_set_mode spins on for the few instructions of its
 * update and nd_tty_reset_mode only tries, reporting ND_EBUSY instead of
 * waiting.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "stream-internal.h"

/*
 * The terminal nd_tty_reset_mode restores.  It is reached through the
 * descriptor the program gave nd_tty_init, which stays open after the
 * handle is closed (libuv kept only the handle's own, so resetting after
 * the close failed with EBADF: libuv issue #4398), or else through the
 * handle's.  Either may have been closed and its number reused; the
 * device number tells whether it still names the same terminal.
 */
static struct {
  int lock;                     /* 1 while an update is in progress */
  int fds[2];                   /* -1: nothing recorded */
  dev_t rdev;
  struct termios termios;
} orig = {0, {-1, -1}, 0, {0}};

static void orig_lock(void) {
  while (__atomic_exchange_n(&orig.lock, 1, __ATOMIC_ACQUIRE) != 0)
    nd__cpu_relax();
}

static int orig_trylock(void) {
  return __atomic_exchange_n(&orig.lock, 1, __ATOMIC_ACQUIRE) == 0;
}

static void orig_unlock(void) {
  __atomic_store_n(&orig.lock, 0, __ATOMIC_RELEASE);
}

/* Is fd open on the terminal rdev?  Async-signal-safe, as fstat is. */
static int is_terminal(int fd, dev_t rdev) {
  struct stat st;

  return fd >= 0 && fstat(fd, &st) == 0 && S_ISCHR(st.st_mode) &&
         st.st_rdev == rdev;
}

/* The descriptor that still reaches the recorded terminal, or -1. */
static int orig_fd(void) {
  if (is_terminal(orig.fds[0], orig.rdev))
    return orig.fds[0];
  if (is_terminal(orig.fds[1], orig.rdev))
    return orig.fds[1];
  return -1;
}

/*
 * Record tty's settings as the ones to restore, unless a terminal that is
 * still open was recorded first.  Called with the lock held.
 */
static void orig_remember(const nd_tty_t *tty) {
  struct stat st;
  int fd = nd__stream_fd((const nd_stream_t *)tty);

  if (orig.fds[0] != -1 && orig_fd() != -1)
    return;
  if (fstat(fd, &st) != 0)
    return;
  orig.termios = tty->orig_termios;
  orig.rdev = st.st_rdev;
  orig.fds[0] = tty->user_fd;
  orig.fds[1] = fd;
}

/* --- kinds of descriptors ----------------------------------------------- */

nd_handle_type nd_guess_handle(nd_file fd) {
  struct sockaddr_storage ss;
  socklen_t len;
  struct stat st;
  int type;

  if (fd < 0)
    return ND_UNKNOWN_HANDLE;
  if (isatty(fd))
    return ND_TTY;
  if (fstat(fd, &st) != 0)
    return ND_UNKNOWN_HANDLE;
  /* Character devices such as /dev/null cannot be polled: files to us. */
  if (S_ISREG(st.st_mode) || S_ISCHR(st.st_mode))
    return ND_FILE;
  if (S_ISFIFO(st.st_mode))
    return ND_NAMED_PIPE;
  if (!S_ISSOCK(st.st_mode))
    return ND_UNKNOWN_HANDLE;

  len = sizeof(type);
  if (getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len) != 0)
    return ND_UNKNOWN_HANDLE;
  len = sizeof(ss);
  if (getsockname(fd, (struct sockaddr *)&ss, &len) != 0)
    return ND_UNKNOWN_HANDLE;
  if (ss.ss_family == AF_INET || ss.ss_family == AF_INET6) {
    if (type == SOCK_STREAM)
      return ND_TCP;
    if (type == SOCK_DGRAM)
      return ND_UDP;
  }
  /* A pipe handle speaks unix stream sockets only, as in libuv. */
  if (ss.ss_family == AF_UNIX && type == SOCK_STREAM)
    return ND_NAMED_PIPE;
  return ND_UNKNOWN_HANDLE;
}

/* --- opening ------------------------------------------------------------ */

/*
 * A pty master cannot be reopened: opening its device makes a new pty.
 * Only the master answers TIOCGPTN; every other terminal can be.
 */
static int is_pty_master(int fd) {
  unsigned int n;

  return ioctl(fd, TIOCGPTN, &n) == 0;
}

/*
 * Open the terminal fd refers to again, for a file description of our own:
 * through /proc, which works even when the terminal's name is not visible
 * in this mount namespace, else by its name.  O_NOCTTY: never acquire it as
 * the controlling terminal by accident.  -1 if neither works.
 */
static int reopen_terminal(int fd, int accmode) {
  char path[64];
  int flags = accmode | O_NOCTTY | O_CLOEXEC;
  int r;

  if (is_pty_master(fd))
    return -1;
  snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
  do
    r = open(path, flags);
  while (r < 0 && errno == EINTR);
  if (r >= 0)
    return r;
  if (ttyname_r(fd, path, sizeof(path)) != 0)
    return -1;
  do
    r = open(path, flags);
  while (r < 0 && errno == EINTR);
  return r;
}

int nd_tty_init(nd_loop_t *loop, nd_tty_t *tty, nd_file fd, int unused) {
  nd_handle_type type;
  unsigned int flags = 0;
  int newfd = -1;
  int accmode;
  int err;

  (void)unused; /* libuv's "readable": the access mode says it better */
  if (loop == NULL || tty == NULL)
    return ND_EINVAL;
  /* Files, and devices like /dev/null, cannot be watched for readiness. */
  type = nd_guess_handle(fd);
  if (type == ND_FILE || type == ND_UNKNOWN_HANDLE)
    return ND_EINVAL;
  do
    accmode = fcntl(fd, F_GETFL);
  while (accmode == -1 && errno == EINTR);
  if (accmode == -1)
    return -errno;
  accmode &= O_ACCMODE;
  if (accmode != O_WRONLY)
    flags |= ND__STREAM_READABLE;
  if (accmode != O_RDONLY)
    flags |= ND__STREAM_WRITABLE;

  if (type == ND_TTY) {
    newfd = reopen_terminal(fd, accmode);
    /* A shared description must stay blocking: writes wait in the call. */
    if (newfd < 0 && accmode != O_RDONLY)
      flags |= ND__STREAM_BLOCKING;
  }

  nd__stream_init(loop, (nd_stream_t *)tty, ND_TTY);
  tty->mode = ND_TTY_MODE_NORMAL;
  tty->user_fd = fd;
  memset(&tty->orig_termios, 0, sizeof(tty->orig_termios));

  if (flags & ND__STREAM_BLOCKING) {
    /*
     * nd__stream_open would make the descriptor non-blocking, which is
     * what must not happen to it; the rest of what it does (noting a
     * socket) does not apply to a terminal.
     */
    tty->io_watcher.fd = fd;
    tty->stream_flags |= flags;
    return 0;
  }
  err = nd__stream_open((nd_stream_t *)tty, newfd >= 0 ? newfd : fd, flags);
  if (err != 0) {
    /* Not a handle after all: the loop must not count it. */
    nd__queue_remove(&tty->handle_queue);
    if (newfd >= 0)
      close(newfd);
    return err;
  }
  return 0;
}

/* --- modes -------------------------------------------------------------- */

static int set_termios(int fd, int when, const struct termios *t) {
  int r;

  do
    r = tcsetattr(fd, when, t);
  while (r != 0 && errno == EINTR);
  return r != 0 ? -errno : 0;
}

int nd_tty_set_mode(nd_tty_t *tty, nd_tty_mode_t mode) {
  struct termios t;
  int fd;
  int err;

  if (tty == NULL || (unsigned int)mode > ND_TTY_MODE_IO)
    return ND_EINVAL;
  fd = nd__stream_fd((nd_stream_t *)tty);
  if (fd < 0)
    return ND_EBADF;
  if (tty->mode == (int)mode)
    return 0;

  /* Every mode is made from the settings found in normal mode. */
  if (tty->mode == ND_TTY_MODE_NORMAL) {
    if (tcgetattr(fd, &tty->orig_termios) != 0)
      return -errno;
    orig_lock();
    orig_remember(tty);
    orig_unlock();
  }

  t = tty->orig_termios;
  switch (mode) {
  case ND_TTY_MODE_NORMAL:
    break;
  case ND_TTY_MODE_RAW:
    /*
     * libuv's raw mode, which is not cfmakeraw: input arrives byte by byte
     * with no echo, no signals from ^C and no flow control, but output is
     * still processed, so "\n" still moves to the start of the next line.
     */
    t.c_iflag &= ~(tcflag_t)(BRKINT | ICRNL | INPCK | ISTRIP | IXON);
    t.c_oflag |= ONLCR;
    t.c_cflag |= CS8;
    t.c_lflag &= ~(tcflag_t)(ECHO | ICANON | IEXTEN | ISIG);
    t.c_cc[VMIN] = 1;
    t.c_cc[VTIME] = 0;
    break;
  case ND_TTY_MODE_IO:
    /* Bytes pass unchanged both ways: for talking to a program, not a person. */
    cfmakeraw(&t);
    break;
  }

  /* After what is already written has gone out, as it was meant. */
  err = set_termios(fd, TCSADRAIN, &t);
  if (err != 0)
    return err;
  tty->mode = mode;
  return 0;
}

/*
 * Async-signal-safe: atomics, fstat and tcsetattr only, and errno is left
 * as it was found, since a signal handler may have interrupted code that
 * was about to read it.
 */
int nd_tty_reset_mode(void) {
  int saved_errno = errno;
  int err = 0;
  int fd;

  if (!orig_trylock())
    return ND_EBUSY; /* nd_tty_set_mode is updating the record */
  if (orig.fds[0] != -1) {
    fd = orig_fd();
    err = fd < 0 ? ND_EBADF : set_termios(fd, TCSANOW, &orig.termios);
  }
  orig_unlock();
  errno = saved_errno;
  return err;
}

int nd_tty_get_winsize(nd_tty_t *tty, int *width, int *height) {
  struct winsize ws;
  int fd;
  int r;

  if (tty == NULL || width == NULL || height == NULL)
    return ND_EINVAL;
  fd = nd__stream_fd((nd_stream_t *)tty);
  if (fd < 0)
    return ND_EBADF;
  do
    r = ioctl(fd, TIOCGWINSZ, &ws);
  while (r != 0 && errno == EINTR);
  if (r != 0)
    return -errno;
  *width = ws.ws_col;
  *height = ws.ws_row;
  return 0;
}

/* Windows' console may or may not understand escape sequences; Unix's do. */
void nd_tty_set_vterm_state(nd_tty_vtermstate_t state) {
  (void)state;
}

int nd_tty_get_vterm_state(nd_tty_vtermstate_t *state) {
  (void)state;
  return ND_ENOTSUP;
}
