/*
 * compat-tty.c - a libuv program using terminals, written against libuv's
 * API only.
 *
 * Built twice: against Debian's libuv and against libnodec through
 * include/compat/uv.h (tests/compat/compare.sh); the two transcripts must be
 * identical.  It opens a pseudo-terminal of its own, so it needs no
 * terminal around it.  What it prints is what a libuv program relies on:
 * the kinds uv_guess_handle reports, the termios flags each mode sets, the
 * window size, resetting the mode, and the errors.  Not printed: where the
 * two differ on purpose (libuv dup2()s its reopened descriptor over the
 * caller's; libnodec leaves the caller's alone).
 */
#include <uv.h>

#include <errno.h>
#include <pty.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

static int step;

#define SAY(...)                                                             \
  do {                                                                       \
    printf("%02d ", ++step);                                                 \
    printf(__VA_ARGS__);                                                     \
    putchar('\n');                                                           \
  } while (0)

#define CHECK(expr)                                                          \
  do {                                                                       \
    int r_ = (expr);                                                         \
    if (r_ < 0) {                                                            \
      fprintf(stderr, "%s: %s\n", #expr, uv_strerror(r_));                   \
      exit(1);                                                               \
    }                                                                        \
  } while (0)

static const char *rc_name(int r) {
  return r == 0 ? "0" : uv_err_name(r);
}

static void guess(const char *what, int fd) {
  const char *name = uv_handle_type_name(uv_guess_handle(fd));

  SAY("guess %s: %s", what, name != NULL ? name : "unknown");
}

static void show_termios(const char *what, int fd) {
  struct termios t;

  if (tcgetattr(fd, &t) != 0) {
    SAY("%s: tcgetattr failed", what);
    return;
  }
  SAY("%s: icanon=%d echo=%d isig=%d icrnl=%d opost=%d onlcr=%d cs8=%d "
      "vmin=%d vtime=%d",
      what, !!(t.c_lflag & ICANON), !!(t.c_lflag & ECHO),
      !!(t.c_lflag & ISIG), !!(t.c_iflag & ICRNL), !!(t.c_oflag & OPOST),
      !!(t.c_oflag & ONLCR), (t.c_cflag & CSIZE) == CS8, t.c_cc[VMIN],
      t.c_cc[VTIME]);
}

static int same_termios(int fd, const struct termios *orig) {
  struct termios t;

  return tcgetattr(fd, &t) == 0 && t.c_iflag == orig->c_iflag &&
         t.c_oflag == orig->c_oflag && t.c_cflag == orig->c_cflag &&
         t.c_lflag == orig->c_lflag &&
         memcmp(t.c_cc, orig->c_cc, sizeof(t.c_cc)) == 0;
}

static void on_close(uv_handle_t *h) {
  SAY("close callback: %s", uv_handle_type_name(uv_handle_get_type(h)));
}

int main(void) {
  uv_loop_t loop;
  uv_tty_t tty;
  struct winsize ws = {.ws_row = 24, .ws_col = 80};
  struct termios orig;
  uv_tty_vtermstate_t vt;
  char path[] = "/tmp/compat-tty-XXXXXX";
  int master, slave, p[2], sp[2], tcp, udp, file, null, closed;
  int w = 0, h = 0;

  setvbuf(stdout, NULL, _IONBF, 0);
  if (openpty(&master, &slave, NULL, NULL, NULL) != 0) {
    /* Both builds print the same when there is no pty to be had. */
    SAY("no pseudo-terminal here");
    return 0;
  }
  CHECK(uv_loop_init(&loop));

  if (pipe(p) != 0 || socketpair(AF_UNIX, SOCK_STREAM, 0, sp) != 0)
    return 1;
  tcp = socket(AF_INET, SOCK_STREAM, 0);
  udp = socket(AF_INET, SOCK_DGRAM, 0);
  file = mkstemp(path);
  null = open("/dev/null", O_RDONLY);
  closed = dup(null);
  close(closed);
  unlink(path);
  guess("pty slave", slave);
  guess("pty master", master);
  guess("pipe", p[0]);
  guess("unix socketpair", sp[0]);
  guess("tcp socket", tcp);
  guess("udp socket", udp);
  guess("regular file", file);
  guess("/dev/null", null);
  guess("closed fd", closed);
  SAY("tty_init(/dev/null): %s", rc_name(uv_tty_init(&loop, &tty, null, 0)));
  SAY("tty_init(file): %s", rc_name(uv_tty_init(&loop, &tty, file, 0)));

  tcgetattr(slave, &orig);
  ioctl(master, TIOCSWINSZ, &ws);
  CHECK(uv_tty_init(&loop, &tty, slave, 0));
  SAY("tty_init(slave): type %s",
      uv_handle_type_name(uv_handle_get_type((uv_handle_t *)&tty)));
  show_termios("normal", slave);
  SAY("set_mode(raw): %s", rc_name(uv_tty_set_mode(&tty, UV_TTY_MODE_RAW)));
  show_termios("raw", slave);
  SAY("set_mode(raw) again: %s",
      rc_name(uv_tty_set_mode(&tty, UV_TTY_MODE_RAW)));
  SAY("set_mode(io): %s", rc_name(uv_tty_set_mode(&tty, UV_TTY_MODE_IO)));
  show_termios("io", slave);
  SAY("set_mode(normal): %s",
      rc_name(uv_tty_set_mode(&tty, UV_TTY_MODE_NORMAL)));
  SAY("normal again is the original: %d", same_termios(slave, &orig));

  CHECK(uv_tty_get_winsize(&tty, &w, &h));
  SAY("winsize: %dx%d", w, h);
  ws.ws_row = 43;
  ws.ws_col = 132;
  ioctl(master, TIOCSWINSZ, &ws);
  CHECK(uv_tty_get_winsize(&tty, &w, &h));
  SAY("winsize after resize: %dx%d", w, h);

  CHECK(uv_tty_set_mode(&tty, UV_TTY_MODE_RAW));
  SAY("reset_mode: %s", rc_name(uv_tty_reset_mode()));
  SAY("after reset is the original: %d", same_termios(slave, &orig));

  uv_tty_set_vterm_state(UV_TTY_SUPPORTED);
  SAY("get_vterm_state: %s", rc_name(uv_tty_get_vterm_state(&vt)));

  uv_close((uv_handle_t *)&tty, on_close);
  CHECK(uv_run(&loop, UV_RUN_DEFAULT));
  SAY("loop_close: %s", rc_name(uv_loop_close(&loop)));

  close(master);
  close(slave);
  close(p[0]);
  close(p[1]);
  close(sp[0]);
  close(sp[1]);
  close(tcp);
  close(udp);
  close(file);
  close(null);
  return 0;
}
