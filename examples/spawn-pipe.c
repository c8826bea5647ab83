/*
 * spawn-pipe.c - a two-program pipeline, `a | b`, run by libnodec.
 *
 * Usage: spawn-pipe [-c] [-w HIGH] PROG1 [ARGS...] -- PROG2 [ARGS...]
 *
 * PROG1's stdout and PROG2's stdin are both pipes to this process, which
 * moves the bytes between them with nd_stream_pipe: with splice(2), so the
 * data never enters this process, or with -c through buffers here, reading
 * from PROG1 only while PROG2's pipe is below its high watermark (-w, in
 * bytes; 64 KiB by default).  Either way a fast writer waits for a slow
 * reader instead of filling memory.  What it shows:
 *
 *   - nd_spawn with ND_CREATE_PIPE stdio (and ND_INHERIT_FD for the rest);
 *   - exit callbacks, and the handles closed only once every callback has
 *     run;
 *   - nd_stream_pipe with backpressure, and the end of PROG1's output
 *     ending PROG2's input (nd_shutdown on the socket pair);
 *   - a reader that quits early (`yes -- head -c 10`): the pipe fails with
 *     EPIPE, PROG1's pipe is closed, and PROG1 dies of SIGPIPE as it would
 *     in a shell;
 *   - spawn errors reported by nd_spawn itself (a missing program: exit 127).
 *
 * On stderr it reports the bytes moved (and how many were spliced), each
 * program's exit, and the peak memory of this process.  It exits with
 * PROG2's exit code, or 128 + the signal that killed it, as a shell does.
 *
 * Run: build/examples/spawn-pipe seq 1 1000000 -- sha256sum
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "nodec.h"

struct program {
  const char *name;
  nd_process_t process;
  int exited;
  int64_t status;
  int term_signal;
};

static nd_loop_t loop;
static struct program progs[2];
static nd_pipe_t from_first;   /* PROG1's stdout */
static nd_pipe_t to_second;    /* PROG2's stdin */
static nd_stream_pipe_t piping;
static int pipe_status = 1;    /* 1 while the pipe runs */

static void check(int err, const char *what) {
  if (err < 0) {
    fprintf(stderr, "spawn-pipe: %s: %s\n", what, nd_strerror(err));
    exit(1);
  }
}

static void maybe_finish(void) {
  if (!progs[0].exited || !progs[1].exited || pipe_status == 1)
    return;
  nd_close((nd_handle_t *)&progs[0].process, NULL);
  nd_close((nd_handle_t *)&progs[1].process, NULL);
  nd_close((nd_handle_t *)&from_first, NULL);
  nd_close((nd_handle_t *)&to_second, NULL);
}

static void on_exit_cb(nd_process_t *process, int64_t status, int sig) {
  struct program *p = process->data;

  p->exited = 1;
  p->status = status;
  p->term_signal = sig;
  if (sig != 0)
    fprintf(stderr, "spawn-pipe: %s: killed by %s\n", p->name,
            strsignal(sig));
  else
    fprintf(stderr, "spawn-pipe: %s: exit %d\n", p->name, (int)status);
  maybe_finish();
}

static void on_piped(nd_stream_pipe_t *req, int status) {
  fprintf(stderr, "spawn-pipe: moved %llu bytes (%llu spliced)%s%s\n",
          (unsigned long long)req->bytes,
          (unsigned long long)req->bytes_spliced,
          status != 0 ? ": " : "", status != 0 ? nd_strerror(status) : "");
  pipe_status = status;
  /*
   * When PROG2 stops reading, nobody will read PROG1's output: close our
   * end, and PROG1's next write ends it with SIGPIPE, as in a shell.
   */
  if (status != 0)
    nd_close((nd_handle_t *)&from_first, NULL);
  maybe_finish();
}

static int spawn(struct program *p, char **argv, nd_stdio_container_t *stdio) {
  nd_process_options_t options;

  memset(&options, 0, sizeof(options));
  options.file = argv[0];
  options.args = argv;
  options.exit_cb = on_exit_cb;
  options.stdio = stdio;
  options.stdio_count = 3;
  p->name = argv[0];
  p->process.data = p;
  return nd_spawn(&loop, &p->process, &options);
}

static void usage(void) {
  fprintf(stderr, "usage: spawn-pipe [-c] [-w HIGH] PROG1 [ARGS...] -- "
                  "PROG2 [ARGS...]\n");
  exit(2);
}

int main(int argc, char **argv) {
  nd_stdio_container_t stdio[3];
  unsigned int flags = 0;
  size_t high = 64 * 1024;
  struct rusage ru;
  char **first, **second = NULL;
  int i, err, code;

  for (i = 1; i < argc && argv[i][0] == '-' && strcmp(argv[i], "--") != 0;
       i++) {
    if (strcmp(argv[i], "-c") == 0)
      flags |= ND_STREAM_PIPE_NO_SPLICE;
    else if (strcmp(argv[i], "-w") == 0 && i + 1 < argc)
      high = strtoul(argv[++i], NULL, 10);
    else
      usage();
  }
  first = &argv[i];
  for (; i < argc; i++)
    if (strcmp(argv[i], "--") == 0) {
      argv[i] = NULL;
      second = &argv[i + 1];
      break;
    }
  if (first[0] == NULL || second == NULL || second[0] == NULL || high == 0)
    usage();

  check(nd_loop_init(&loop), "nd_loop_init");
  check(nd_pipe_init(&loop, &from_first, 0), "nd_pipe_init");
  check(nd_pipe_init(&loop, &to_second, 0), "nd_pipe_init");

  /* PROG1: no input, stdout to us, stderr shared. */
  stdio[0].flags = ND_IGNORE;
  stdio[1].flags = ND_CREATE_PIPE | ND_WRITABLE_PIPE;
  stdio[1].data.stream = (nd_stream_t *)&from_first;
  stdio[2].flags = ND_INHERIT_FD;
  stdio[2].data.fd = 2;
  err = spawn(&progs[0], first, stdio);
  if (err != 0) {
    fprintf(stderr, "spawn-pipe: %s: %s\n", first[0], nd_strerror(err));
    return 127;
  }

  /* PROG2: stdin from us, stdout and stderr shared. */
  stdio[0].flags = ND_CREATE_PIPE | ND_READABLE_PIPE;
  stdio[0].data.stream = (nd_stream_t *)&to_second;
  stdio[1].flags = ND_INHERIT_FD;
  stdio[1].data.fd = 1;
  err = spawn(&progs[1], second, stdio);
  if (err != 0) {
    fprintf(stderr, "spawn-pipe: %s: %s\n", second[0], nd_strerror(err));
    nd_process_kill(&progs[0].process, SIGTERM);
    progs[1].exited = 1;
    progs[1].status = 127;
    nd_close((nd_handle_t *)&progs[1].process, NULL);
    nd_close((nd_handle_t *)&to_second, NULL);
    nd_close((nd_handle_t *)&from_first, NULL);
    pipe_status = ND_ECANCELED;
    nd_run(&loop, ND_RUN_DEFAULT);
    nd_close((nd_handle_t *)&progs[0].process, NULL);
    nd_run(&loop, ND_RUN_DEFAULT);
    check(nd_loop_close(&loop), "nd_loop_close");
    return 127;
  }

  check(nd_stream_set_watermarks((nd_stream_t *)&to_second, high, high / 4),
        "nd_stream_set_watermarks");
  check(nd_stream_pipe(&piping, (nd_stream_t *)&from_first,
                       (nd_stream_t *)&to_second, flags, on_piped),
        "nd_stream_pipe");

  check(nd_run(&loop, ND_RUN_DEFAULT), "nd_run");
  check(nd_loop_close(&loop), "nd_loop_close");

  getrusage(RUSAGE_SELF, &ru);
  fprintf(stderr, "spawn-pipe: peak memory %ld KiB\n", ru.ru_maxrss);
  if (progs[1].term_signal != 0)
    code = 128 + progs[1].term_signal;
  else
    code = (int)progs[1].status;
  return code;
}
