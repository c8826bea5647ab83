/*
 * measure.c - run a command RUNS times and print the medians of its wall
 * time, CPU time (user + system) and peak RSS, as measured by the kernel
 * for the child (wait4), with no shell in between:
 *
 *   measure RUNS command [args...]
 *   wall_ms=<median> cpu_ms=<median> rss_kb=<median>
 *
 * The command's stdout and stderr go to /dev/null; a run that exits with
 * anything but 0 makes measure fail.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void) {
  struct timespec t;

  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static double median(double *v, int n) {
  qsort(v, (size_t)n, sizeof(*v), cmp_double);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

int main(int argc, char **argv) {
  double *wall, *cpu, *rss;
  int runs, i;

  if (argc < 3 || (runs = atoi(argv[1])) < 1) {
    fprintf(stderr, "usage: measure RUNS command [args...]\n");
    return 2;
  }
  wall = calloc((size_t)runs, sizeof(*wall));
  cpu = calloc((size_t)runs, sizeof(*cpu));
  rss = calloc((size_t)runs, sizeof(*rss));
  if (wall == NULL || cpu == NULL || rss == NULL)
    return 1;
  for (i = 0; i < runs; i++) {
    struct rusage ru;
    double start = now_ms();
    int status;
    pid_t pid = fork();

    if (pid < 0) {
      perror("measure: fork");
      return 1;
    }
    if (pid == 0) {
      int fd = open("/dev/null", O_WRONLY);

      if (fd >= 0) {
        dup2(fd, 1);
        dup2(fd, 2);
      }
      execvp(argv[2], argv + 2);
      _exit(127);
    }
    if (wait4(pid, &status, 0, &ru) != pid) {
      perror("measure: wait4");
      return 1;
    }
    wall[i] = now_ms() - start;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      fprintf(stderr, "measure: %s failed (status 0x%x)\n", argv[2], status);
      return 1;
    }
    cpu[i] = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
             (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
    rss[i] = (double)ru.ru_maxrss;
  }
  printf("wall_ms=%.2f cpu_ms=%.2f rss_kb=%.0f\n", median(wall, runs),
         median(cpu, runs), median(rss, runs));
  return 0;
}
