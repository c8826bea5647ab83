/*
 * compat-dns.c - a libuv program, written against libuv's API only:
 * uv_getaddrinfo (asynchronous and synchronous), uv_freeaddrinfo and
 * uv_getnameinfo.
 *
 * Built twice: against Debian's libuv (the system resolver on libuv's
 * pool) and against libnodec (c-ares in the loop) through
 * include/compat/uv.h; the two transcripts must be identical.  Lookups run
 * one at a time, so the order is deterministic; only names this machine's
 * hosts file and /etc/services answer are asked.
 */
#include <uv.h>

#include <arpa/inet.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

struct lookup {
  const char *node;
  const char *service;
  int family;
  int socktype;
  int flags;
};

static const struct lookup lookups[] = {
  {"localhost", "80", AF_INET, SOCK_STREAM, 0},
  {"localhost", NULL, AF_UNSPEC, 0, AI_CANONNAME},
  {"localhost", "http", AF_UNSPEC, 0, 0},
  {"127.0.0.1", "8080", AF_UNSPEC, SOCK_DGRAM, 0},
  {"::1", "443", AF_INET6, SOCK_STREAM, 0},
  {NULL, "5353", AF_INET, SOCK_DGRAM, AI_PASSIVE},
  {"localhost", "no-such-service", AF_UNSPEC, 0, 0},
  {"localhost", NULL, AF_UNIX, 0, 0},
};
#define NLOOKUPS (sizeof(lookups) / sizeof(lookups[0]))

static uv_getaddrinfo_t gai;
static uv_getnameinfo_t gni;
static size_t current;

static void print_list(const struct addrinfo *ai) {
  for (; ai != NULL; ai = ai->ai_next) {
    char addr[INET6_ADDRSTRLEN] = "?";
    unsigned int port = 0;

    if (ai->ai_family == AF_INET) {
      const struct sockaddr_in *sin = (const void *)ai->ai_addr;
      inet_ntop(AF_INET, &sin->sin_addr, addr, sizeof(addr));
      port = ntohs(sin->sin_port);
    } else if (ai->ai_family == AF_INET6) {
      const struct sockaddr_in6 *sin6 = (const void *)ai->ai_addr;
      inet_ntop(AF_INET6, &sin6->sin6_addr, addr, sizeof(addr));
      port = ntohs(sin6->sin6_port);
    }
    SAY("  family %d type %d proto %d %s port %u canon %s", ai->ai_family,
        ai->ai_socktype, ai->ai_protocol, addr, port,
        ai->ai_canonname ? ai->ai_canonname : "-");
  }
}

static void start(uv_loop_t *loop);

static void on_name(uv_getnameinfo_t *req, int status, const char *host,
                    const char *service) {
  SAY("getnameinfo %s: %s %s (%s)", uv_req_type_name(req->type),
      status == 0 ? host : uv_err_name(status), status == 0 ? service : "",
      req->loop != NULL ? "loop set" : "no loop");
}

static void on_addr(uv_getaddrinfo_t *req, int status, struct addrinfo *res) {
  const struct lookup *l = &lookups[current];

  SAY("getaddrinfo %s/%s: %s", l->node ? l->node : "NULL",
      l->service ? l->service : "NULL",
      status == 0 ? "ok" : uv_err_name(status));
  if (status == 0 && res != req->addrinfo)
    SAY("  res is not req->addrinfo");
  print_list(res);
  uv_freeaddrinfo(res);
  if (++current < NLOOKUPS) {
    start(req->loop);
  } else {
    struct sockaddr_in sin;

    uv_ip4_addr("127.0.0.1", 22, &sin);
    CHECK(uv_getnameinfo(req->loop, &gni, on_name,
                         (const struct sockaddr *)&sin, 0));
  }
}

static void start(uv_loop_t *loop) {
  const struct lookup *l = &lookups[current];
  struct addrinfo hints;

  memset(&hints, 0, sizeof(hints));
  hints.ai_family = l->family;
  hints.ai_socktype = l->socktype;
  hints.ai_flags = l->flags;
  CHECK(uv_getaddrinfo(loop, &gai, on_addr, l->node, l->service, &hints));
}

int main(void) {
  uv_getaddrinfo_t sync_req;
  uv_getnameinfo_t sync_name;
  struct sockaddr_in sin;
  struct addrinfo hints;
  uv_loop_t loop;

  CHECK(uv_loop_init(&loop));
  start(&loop);
  CHECK(uv_run(&loop, UV_RUN_DEFAULT));

  /* Without a callback: synchronous, the result in the request. */
  memset(&hints, 0, sizeof(hints));
  hints.ai_family = AF_INET;
  hints.ai_socktype = SOCK_STREAM;
  CHECK(uv_getaddrinfo(&loop, &sync_req, NULL, "localhost", "25", &hints));
  SAY("sync getaddrinfo");
  print_list(sync_req.addrinfo);
  uv_freeaddrinfo(sync_req.addrinfo);
  uv_ip4_addr("127.0.0.1", 53, &sin);
  CHECK(uv_getnameinfo(&loop, &sync_name, NULL, (const struct sockaddr *)&sin,
                       NI_NUMERICSERV));
  SAY("sync getnameinfo: %s %s", sync_name.host, sync_name.service);
  SAY("error names: %s %s", uv_err_name(UV_EAI_NONAME),
      uv_err_name(UV_EAI_CANCELED));

  CHECK(uv_loop_close(&loop));
  SAY("done");
  return 0;
}
