/*
 * test-dns.c - name resolution: nd_getaddrinfo and nd_getnameinfo (c-ares
 * in the loop and the system resolver), and the DNS resolver, against a
 * DNS responder this test runs on 127.0.0.1 (tests/dns-responder.h).
 */
#include <arpa/inet.h>
#include <netdb.h>
#include <pthread.h>

#include "test-util.h"
#include "dns-responder.h"

/* --- helpers ------------------------------------------------------------- */

/* One line per entry: family, type, protocol, address, port, canonname. */
static char *describe(const struct addrinfo *ai) {
  static char buf[8192];
  size_t len = 0;

  buf[0] = '\0';
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
    len += (size_t)snprintf(buf + len, sizeof(buf) - len,
                            "%d %d %d %s %u %s\n", ai->ai_family,
                            ai->ai_socktype, ai->ai_protocol, addr, port,
                            ai->ai_canonname ? ai->ai_canonname : "-");
    if (len >= sizeof(buf))
      break;
  }
  return buf;
}

/* What glibc's getaddrinfo(3) answers, described; NULL on its error. */
static char *glibc_describe(const char *node, const char *service,
                            const struct addrinfo *hints, int *err) {
  struct addrinfo *res;
  char *s;

  *err = getaddrinfo(node, service, hints, &res);
  if (*err != 0)
    return NULL;
  s = strdup(describe(res));
  freeaddrinfo(res);
  return s;
}

struct gai_result {
  int calls;
  int status;
  char text[8192];
};

static void gai_cb(nd_getaddrinfo_t *req, int status, struct addrinfo *res) {
  struct gai_result *r = req->data;

  r->calls++;
  r->status = status;
  if (status == 0) {
    assert_ptr_equal(res, req->addrinfo);
    snprintf(r->text, sizeof(r->text), "%s", describe(res));
  } else {
    assert_null(res);
  }
  nd_freeaddrinfo(res);
}

/* One lookup in the loop, run to its end. */
static int lookup(nd_loop_t *loop, const char *node, const char *service,
                  const struct addrinfo *hints, struct gai_result *r,
                  int system) {
  nd_getaddrinfo_t req;

  memset(r, 0, sizeof(*r));
  req.data = r;
  if (system)
    ND_OK(nd_getaddrinfo_system(loop, &req, gai_cb, node, service, hints));
  else
    ND_OK(nd_getaddrinfo(loop, &req, gai_cb, node, service, hints));
  /* Never from inside the call that started it. */
  assert_int_equal(r->calls, 0);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(r->calls, 1);
  return r->status;
}

/* Our answer equals glibc's: same entries, same order. */
static void same_as_glibc(nd_loop_t *loop, const char *node,
                          const char *service, int family, int socktype,
                          int flags, int system) {
  struct addrinfo hints;
  struct gai_result r;
  char *want;
  int err;

  memset(&hints, 0, sizeof(hints));
  hints.ai_family = family;
  hints.ai_socktype = socktype;
  hints.ai_flags = flags;
  want = glibc_describe(node, service, &hints, &err);
  lookup(loop, node, service, &hints, &r, system);
  if (want == NULL) {
    assert_int_not_equal(r.status, 0);
    return;
  }
  if (r.status != 0)
    fail_msg("%s/%s: %s, glibc says\n%s", node ? node : "NULL",
             service ? service : "NULL", nd_err_name(r.status), want);
  if (strcmp(want, r.text) != 0)
    fail_msg("%s/%s fam %d type %d flags %#x:\nglibc:\n%sours:\n%s",
             node ? node : "NULL", service ? service : "NULL", family,
             socktype, flags, want, r.text);
  free(want);
}

/* --- getaddrinfo without a DNS server ------------------------------------ */

static void test_localhost_like_glibc(void **state) {
  nd_loop_t *loop = *state;
  int system;

  for (system = 0; system < 2; system++) {
    same_as_glibc(loop, "localhost", NULL, AF_UNSPEC, 0, 0, system);
    same_as_glibc(loop, "localhost", "80", AF_UNSPEC, 0, AI_CANONNAME,
                  system);
    same_as_glibc(loop, "localhost", "http", AF_UNSPEC, 0, 0, system);
    same_as_glibc(loop, "localhost", "domain", AF_INET, SOCK_DGRAM, 0,
                  system);
    same_as_glibc(loop, "localhost", NULL, AF_UNSPEC, SOCK_STREAM,
                  AI_ADDRCONFIG, system);
  }
}

static void test_numeric_hosts(void **state) {
  nd_loop_t *loop = *state;
  struct addrinfo hints;
  struct gai_result r;

  same_as_glibc(loop, "127.0.0.1", NULL, AF_UNSPEC, 0, AI_CANONNAME, 0);
  same_as_glibc(loop, "1.2.3", "8080", AF_UNSPEC, 0, 0, 0);
  same_as_glibc(loop, "::1", "443", AF_UNSPEC, SOCK_STREAM, 0, 0);
  same_as_glibc(loop, "::ffff:1.2.3.4", NULL, AF_INET6, 0, 0, 0);
  same_as_glibc(loop, "2001:db8::5", "7", AF_UNSPEC, SOCK_DGRAM, 0, 0);
  same_as_glibc(loop, "10.1.2.3", NULL, AF_UNSPEC, 0, AI_NUMERICHOST, 0);

  /* AI_NUMERICHOST with a name: no lookup, EAI_NONAME. */
  memset(&hints, 0, sizeof(hints));
  hints.ai_flags = AI_NUMERICHOST;
  assert_int_equal(lookup(loop, "localhost", NULL, &hints, &r, 0),
                   ND_EAI_NONAME);
  /* A v4 literal asked as v6 (and back) is the wrong family. */
  hints.ai_flags = 0;
  hints.ai_family = AF_INET6;
  assert_int_equal(lookup(loop, "127.0.0.1", NULL, &hints, &r, 0),
                   ND_EAI_ADDRFAMILY);
  hints.ai_family = AF_INET;
  assert_int_equal(lookup(loop, "::1", NULL, &hints, &r, 0),
                   ND_EAI_ADDRFAMILY);
}

static void test_no_node(void **state) {
  nd_loop_t *loop = *state;

  same_as_glibc(loop, NULL, "80", AF_UNSPEC, 0, AI_PASSIVE, 0);
  same_as_glibc(loop, NULL, "80", AF_UNSPEC, SOCK_STREAM, 0, 0);
  same_as_glibc(loop, NULL, "5353", AF_INET6, SOCK_DGRAM, AI_PASSIVE, 0);
  same_as_glibc(loop, NULL, "5353", AF_INET, SOCK_DGRAM, 0, 0);
}

static void test_hints_errors(void **state) {
  nd_loop_t *loop = *state;
  struct addrinfo hints;
  struct gai_result r;
  nd_getaddrinfo_t req;

  memset(&hints, 0, sizeof(hints));
  assert_int_equal(lookup(loop, "localhost", "no-such-service", &hints, &r, 0),
                   ND_EAI_SERVICE);
  hints.ai_socktype = SOCK_RAW;
  assert_int_equal(lookup(loop, "localhost", "80", &hints, &r, 0),
                   ND_EAI_SERVICE);
  hints.ai_socktype = SOCK_DGRAM;
  assert_int_equal(lookup(loop, "localhost", "http", &hints, &r, 0),
                   ND_EAI_SERVICE);
  hints.ai_socktype = 0;
  hints.ai_family = AF_UNIX;
  assert_int_equal(lookup(loop, "localhost", NULL, &hints, &r, 0),
                   ND_EAI_FAMILY);
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = 1234;
  assert_int_equal(lookup(loop, "localhost", NULL, &hints, &r, 0),
                   ND_EAI_SOCKTYPE);
  hints.ai_socktype = 0;
  hints.ai_flags = 0x10000;
  assert_int_equal(lookup(loop, "localhost", NULL, &hints, &r, 0),
                   ND_EAI_BADFLAGS);
  hints.ai_flags = AI_NUMERICSERV;
  assert_int_equal(lookup(loop, "localhost", "http", &hints, &r, 0),
                   ND_EAI_NONAME);

  /* Neither node nor service: an error from the call, no callback. */
  memset(&r, 0, sizeof(r));
  req.data = &r;
  assert_int_equal(nd_getaddrinfo(loop, &req, gai_cb, NULL, NULL, NULL),
                   ND_EINVAL);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(r.calls, 0);
}

/* With no callback the lookup is synchronous, as in libuv. */
static void test_sync_mode(void **state) {
  nd_loop_t *loop = *state;
  nd_getaddrinfo_t req;
  nd_getnameinfo_t nreq;
  struct sockaddr_in sin;
  struct addrinfo hints;
  char *want;
  int err;

  memset(&hints, 0, sizeof(hints));
  want = glibc_describe("localhost", "80", &hints, &err);
  assert_non_null(want);
  ND_OK(nd_getaddrinfo(loop, &req, NULL, "localhost", "80", &hints));
  assert_non_null(req.addrinfo);
  assert_string_equal(describe(req.addrinfo), want);
  nd_freeaddrinfo(req.addrinfo);
  free(want);
  assert_int_equal(nd_getaddrinfo(loop, &req, NULL, "localhost", "nope-x",
                                  &hints),
                   ND_EAI_SERVICE);

  memset(&sin, 0, sizeof(sin));
  sin.sin_family = AF_INET;
  sin.sin_port = htons(80);
  sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ND_OK(nd_getnameinfo(loop, &nreq, NULL, (struct sockaddr *)&sin, 0));
  assert_string_equal(nreq.host, "localhost");
  assert_string_equal(nreq.service, "http");
  assert_int_equal(nd_loop_alive(loop), 0);
}

/* --- hosts file ---------------------------------------------------------- */

static const char *hosts_path(void) {
  static char path[64];

  snprintf(path, sizeof(path), "/tmp/nd-test-dns-hosts.%d", (int)getpid());
  return path;
}

/* CARES_HOSTS names the hosts file the lookups read instead of /etc/hosts. */
static void test_hosts_file(void **state) {
  nd_loop_t *loop = *state;
  struct addrinfo hints;
  struct gai_result r;
  FILE *f;

  f = fopen(hosts_path(), "w");
  assert_non_null(f);
  fprintf(f, "# test hosts\n"
             "192.0.2.10  web.test www.test\n"
             "2001:db8::10 web.test\n"
             "192.0.2.20  v4only.test\n"
             "2001:db8::30 v6only.test\n");
  fclose(f);
  setenv("CARES_HOSTS", hosts_path(), 1);

  memset(&hints, 0, sizeof(hints));
  hints.ai_socktype = SOCK_STREAM;
  assert_int_equal(lookup(loop, "v4only.test", "80", &hints, &r, 0), 0);
  assert_string_equal(r.text, "2 1 6 192.0.2.20 80 -\n");
  hints.ai_family = AF_INET6;
  assert_int_equal(lookup(loop, "v6only.test", NULL, &hints, &r, 0), 0);
  assert_string_equal(r.text, "10 1 6 2001:db8::30 0 -\n");
  /* An alias: the canonical name is the line's first name. */
  hints.ai_family = AF_INET;
  hints.ai_flags = AI_CANONNAME;
  assert_int_equal(lookup(loop, "www.test", NULL, &hints, &r, 0), 0);
  assert_string_equal(r.text, "2 1 6 192.0.2.10 0 web.test\n");
  /* Both families: both addresses (order is RFC 6724's, checked below). */
  hints.ai_family = AF_UNSPEC;
  hints.ai_flags = 0;
  assert_int_equal(lookup(loop, "web.test", NULL, &hints, &r, 0), 0);
  assert_non_null(strstr(r.text, "192.0.2.10"));
  assert_non_null(strstr(r.text, "2001:db8::10"));

  unsetenv("CARES_HOSTS");
  unlink(hosts_path());
}

/* --- cancellation and closing --------------------------------------------- */

static void test_cancel(void **state) {
  nd_loop_t *loop = *state;
  struct gai_result r[3];
  nd_getaddrinfo_t req[3];
  int i;

  for (i = 0; i < 3; i++) {
    memset(&r[i], 0, sizeof(r[i]));
    req[i].data = &r[i];
  }
  ND_OK(nd_getaddrinfo(loop, &req[0], gai_cb, "localhost", NULL, NULL));
  ND_OK(nd_getaddrinfo(loop, &req[1], gai_cb, "127.0.0.1", NULL, NULL));
  ND_OK(nd_getaddrinfo_system(loop, &req[2], gai_cb, "localhost", NULL,
                              NULL));
  /* Answered from the hosts file inside the call: too late to cancel. */
  assert_int_equal(nd_cancel((nd_req_t *)&req[0]), ND_EBUSY);
  assert_int_equal(nd_cancel((nd_req_t *)&req[1]), ND_EBUSY);
  nd_cancel((nd_req_t *)&req[2]); /* the worker may have it already */
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  for (i = 0; i < 3; i++)
    assert_int_equal(r[i].calls, 1);
  assert_int_equal(r[0].status, 0);
  assert_int_equal(r[1].status, 0);
  assert_true(r[2].status == 0 || r[2].status == ND_EAI_CANCELED);
}

static void test_getnameinfo(void **state) {
  nd_loop_t *loop = *state;
  struct sockaddr_in6 sin6;
  struct sockaddr_in sin;
  char host[NI_MAXHOST], serv[NI_MAXSERV];
  int system;

  memset(&sin, 0, sizeof(sin));
  sin.sin_family = AF_INET;
  sin.sin_port = htons(22);
  sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  memset(&sin6, 0, sizeof(sin6));
  sin6.sin6_family = AF_INET6;
  sin6.sin6_port = htons(53);
  sin6.sin6_addr = in6addr_loopback;

  for (system = 0; system < 2; system++) {
    static const int flags[] = {0, NI_NUMERICHOST, NI_NUMERICSERV,
                                NI_NUMERICHOST | NI_DGRAM};
    size_t i;

    for (i = 0; i < sizeof(flags) / sizeof(flags[0]); i++) {
      const struct sockaddr *sa = i % 2 ? (struct sockaddr *)&sin6
                                        : (struct sockaddr *)&sin;
      socklen_t len = i % 2 ? sizeof(sin6) : sizeof(sin);
      nd_getnameinfo_t req;

      /* ::1 is not in this machine's hosts file: ask for it numerically. */
      int f = flags[i] | (i % 2 ? NI_NUMERICHOST : 0);
      assert_int_equal(getnameinfo(sa, len, host, sizeof(host), serv,
                                   sizeof(serv), f), 0);
      if (system)
        ND_OK(nd_getnameinfo_system(loop, &req, NULL, sa, f));
      else
        ND_OK(nd_getnameinfo(loop, &req, NULL, sa, f));
      assert_string_equal(req.host, host);
      assert_string_equal(req.service, serv);
    }
  }
}

struct gni_result {
  int calls;
  int status;
  char host[NI_MAXHOST];
  char service[NI_MAXSERV];
};

static void gni_cb(nd_getnameinfo_t *req, int status, const char *host,
                   const char *service) {
  struct gni_result *r = req->data;

  r->calls++;
  r->status = status;
  if (status == 0) {
    snprintf(r->host, sizeof(r->host), "%s", host);
    snprintf(r->service, sizeof(r->service), "%s", service);
  }
}

static void test_getnameinfo_async(void **state) {
  nd_loop_t *loop = *state;
  struct sockaddr_in sin;
  struct gni_result r[2];
  nd_getnameinfo_t req[2];

  memset(&sin, 0, sizeof(sin));
  sin.sin_family = AF_INET;
  sin.sin_port = htons(80);
  sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  memset(r, 0, sizeof(r));
  req[0].data = &r[0];
  req[1].data = &r[1];
  ND_OK(nd_getnameinfo(loop, &req[0], gni_cb, (struct sockaddr *)&sin, 0));
  ND_OK(nd_getnameinfo_system(loop, &req[1], gni_cb, (struct sockaddr *)&sin,
                              0));
  assert_int_equal(r[0].calls + r[1].calls, 0);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(r[0].calls, 1);
  assert_int_equal(r[1].calls, 1);
  assert_int_equal(r[0].status, 0);
  assert_string_equal(r[0].host, "localhost");
  assert_string_equal(r[0].service, "http");
  assert_string_equal(r[1].host, "localhost");
  assert_string_equal(r[1].service, "http");
}

/* --- error names ---------------------------------------------------------- */

static void test_error_names(void **state) {
  (void)state;
  assert_string_equal(nd_err_name(ND_DNS_ENOTFOUND), "ENOTFOUND");
  assert_string_equal(nd_err_name(ND_DNS_ENODATA), "ENODATA");
  assert_string_equal(nd_err_name(ND_DNS_ETIMEOUT), "ETIMEOUT");
  assert_string_equal(nd_err_name(ND_DNS_ECANCELLED), "ECANCELLED");
  assert_string_equal(nd_err_name(ND_DNS_ECONNREFUSED), "ECONNREFUSED");
  assert_int_not_equal(ND_DNS_ENODATA, ND_ENODATA);
  assert_int_not_equal(ND_DNS_ECONNREFUSED, ND_ECONNREFUSED);
  assert_string_equal(nd_err_name(ND_EAI_CANCELED), "EAI_CANCELED");
  assert_string_equal(nd_strerror(ND_DNS_ESERVFAIL),
                      "DNS server returned a general failure");
}

int main(void) {
  const struct CMUnitTest tests[] = {
    LOOP_TEST(test_localhost_like_glibc),
    LOOP_TEST(test_numeric_hosts),
    LOOP_TEST(test_no_node),
    LOOP_TEST(test_hints_errors),
    LOOP_TEST(test_sync_mode),
    LOOP_TEST(test_hosts_file),
    LOOP_TEST(test_cancel),
    LOOP_TEST(test_getnameinfo),
    LOOP_TEST(test_getnameinfo_async),
    LOOP_TEST(test_error_names),
  };

  return cmocka_run_group_tests(tests, NULL, NULL);
}
