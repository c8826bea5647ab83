/*
 * main.c - the nodec command: Node's command line, then the loop.
 *
 *   nodec [options] [script.js | -e code | -p code | -] [arguments]
 *
 * Options end at the script name, at "-" or at "--"; what follows is the
 * program's (process.argv).  Options nodec does not know end the process
 * with Node's message and exit code 9.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "runtime.h"

/* The Node.js release whose API and output nodec follows. */
#define NODEC_NODE_VERSION "v20.20.2"

static void usage(FILE *f) {
  fprintf(f,
          "Usage: nodec [options] [ script.js ] [arguments]\n"
          "       nodec [options] -e|-p \"script\" [arguments]\n"
          "       nodec [options] - [arguments]    (script on stdin)\n"
          "\n"
          "Options:\n"
          "  -e, --eval script      evaluate script\n"
          "  -p, --print script     evaluate script and print the result\n"
          "  -r, --require module   load module before the script (repeatable)\n"
          "  -v, --version          print the Node.js version nodec follows\n"
          "  -h, --help             print this help\n"
          "  --no-warnings          silence process warnings\n"
          "  --no-deprecation       silence deprecation warnings\n"
          "  --                     end of options\n"
          "\n"
          "Documentation: man nodec\n");
}

static void bad_option(const char *opt) {
  fprintf(stderr, "%s: bad option: %s\n", "nodec", opt);
  exit(9);
}

static void missing_argument(const char *opt) {
  fprintf(stderr, "%s: %s requires an argument\n", "nodec", opt);
  exit(9);
}

/* Options accepted and passed on in execArgv, with no effect of their own. */
static int is_known_flag(const char *a) {
  static const char *const flags[] = {
      "--no-warnings", "--no-deprecation", "--throw-deprecation",
      "--trace-deprecation", "--trace-warnings", "--trace-uncaught",
      "--pending-deprecation", "--expose-gc", "--preserve-symlinks",
      "--preserve-symlinks-main", "--enable-source-maps", NULL};
  static const char *const prefixed[] = {
      "--max-old-space-size=", "--unhandled-rejections=", "--stack-size=",
      "--input-type=", "--title=", NULL};
  int i;

  for (i = 0; flags[i] != NULL; i++)
    if (strcmp(a, flags[i]) == 0)
      return 1;
  for (i = 0; prefixed[i] != NULL; i++)
    if (strncmp(a, prefixed[i], strlen(prefixed[i])) == 0)
      return 1;
  return 0;
}

static JSValueRef str_or_undefined(const char *s) {
  return s != NULL ? nodec_string(s) : JSValueMakeUndefined(nodec.ctx);
}

int main(int argc, char **argv) {
  const char *eval = NULL, *script = NULL;
  char **requires = calloc((size_t)argc + 1, sizeof(char *));
  char **exec_argv = calloc((size_t)argc + 1, sizeof(char *));
  char **prog_argv = calloc((size_t)argc + 2, sizeof(char *));
  int nrequires = 0, nexec = 0, nprog = 0, print = 0, from_stdin = 0;
  JSValueRef args[3];
  JSObjectRef run_main, before_exit, on_exit, reqs;
  int i;

  prog_argv[nprog++] = argv[0];
  for (i = 1; i < argc; i++) {
    const char *a = argv[i];

    if (strcmp(a, "--") == 0) {
      i++;
      break;
    }
    if (strcmp(a, "-") == 0) {
      from_stdin = 1;
      prog_argv[nprog++] = argv[i++]; /* Node keeps "-" as argv[1] */
      break;
    }
    if (a[0] != '-')
      break;
    if (strcmp(a, "-v") == 0 || strcmp(a, "--version") == 0 ||
        strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      if (a[1] == 'v' || a[2] == 'v')
        printf("%s\n", NODEC_NODE_VERSION);
      else
        usage(stdout);
      free(requires);
      free(exec_argv);
      free(prog_argv);
      return 0;
    }
    exec_argv[nexec++] = argv[i];
    if (strcmp(a, "-e") == 0 || strcmp(a, "--eval") == 0 ||
        strcmp(a, "-p") == 0 || strcmp(a, "--print") == 0 ||
        strcmp(a, "-pe") == 0) {
      if (i + 1 >= argc)
        missing_argument(a);
      print = print || a[1] == 'p' || strcmp(a, "--print") == 0;
      eval = argv[++i];
      exec_argv[nexec++] = argv[i];
    } else if (strncmp(a, "--eval=", 7) == 0) {
      eval = a + 7;
    } else if (strncmp(a, "--print=", 8) == 0) {
      /* Node takes --print as a flag: the value is ignored, and without
       * -e the code is empty (it prints undefined). */
      if (eval == NULL)
        eval = "";
      print = 1;
    } else if (strcmp(a, "-r") == 0 || strcmp(a, "--require") == 0) {
      if (i + 1 >= argc)
        missing_argument(a);
      requires[nrequires++] = argv[++i];
      exec_argv[nexec++] = argv[i];
    } else if (strncmp(a, "--require=", 10) == 0) {
      requires[nrequires++] = (char *)a + 10;
    } else if (!is_known_flag(a)) {
      bad_option(a);
    }
  }
  if (eval == NULL && !from_stdin && i < argc) {
    script = argv[i++];
    prog_argv[nprog++] = (char *)script; /* made absolute by runMain */
  }
  if (eval == NULL && script == NULL && !from_stdin) {
    if (isatty(0)) {
      fprintf(stderr, "nodec: the REPL is not available yet; "
                      "give a script, -e or -p (see nodec --help)\n");
      return 9;
    }
    from_stdin = 1;
  }
  for (; i < argc; i++)
    prog_argv[nprog++] = argv[i];

  nodec.argc = nprog;
  nodec.argv = prog_argv;
  nodec.exec_argc = nexec;
  nodec.exec_argv = exec_argv;
  /*
   * As Node: a write to a closed pipe is an EPIPE error, not death; and a
   * closed stdin, stdout or stderr is /dev/null, so that no file the
   * program opens takes its number.
   */
  signal(SIGPIPE, SIG_IGN);
  for (i = 0; i <= 2; i++) {
    if (fcntl(i, F_GETFD) < 0 && errno == EBADF &&
        open("/dev/null", i == 0 ? O_RDONLY : O_WRONLY) != i)
      return 1;
  }
  if (nodec_engine_init() != 0)
    return 70;

  JSLock(nodec.ctx);
  run_main = (JSObjectRef)nodec_get(nodec.hooks, "runMain");
  before_exit = (JSObjectRef)nodec_get(nodec.hooks, "beforeExit");
  on_exit = (JSObjectRef)nodec_get(nodec.hooks, "exit");
  JSValueProtect(nodec.ctx, run_main);
  JSValueProtect(nodec.ctx, before_exit);
  JSValueProtect(nodec.ctx, on_exit);
  {
    JSValueRef *vals = calloc((size_t)nrequires + 1, sizeof(*vals));
    for (i = 0; i < nrequires; i++)
      vals[i] = nodec_string(requires[i]);
    reqs = JSObjectMakeArray(nodec.ctx, (size_t)nrequires, vals, NULL);
    free(vals);
  }
  /* runMain(kind, text-or-path, preloads) */
  args[0] = nodec_string(eval != NULL ? (print ? "print" : "eval")
                         : from_stdin ? "stdin"
                                      : "file");
  args[1] = str_or_undefined(eval != NULL ? eval : script);
  args[2] = reqs;
  JSUnlock(nodec.ctx);
  nodec_call(run_main, NULL, 3, args);

  /* Run until nothing is left, giving 'beforeExit' a chance to add more. */
  nodec.loop_start_ns = nd_hrtime();
  do {
    nd_run(&nodec.loop, ND_RUN_DEFAULT);
    nodec_call(before_exit, NULL, 0, NULL);
  } while (nd_loop_alive(&nodec.loop));
  nodec_call(on_exit, NULL, 0, NULL); /* emits 'exit', then promise jobs */
  args[0] = JSValueMakeNumber(nodec.ctx, 1);
  nodec_call(on_exit, NULL, 1, args); /* exits with process.exitCode */
  return 0;
}
