/*
 * test-dns.c - name resolution: nd_getaddrinfo and nd_getnameinfo (c-ares
 * in the loop and the system resolver), and the DNS resolver, against a
 * DNS responder this test runs on 127.0.0.1 (tests/dns-responder.h).
 */
#include <arpa/inet.h>
#include <netdb.h>
#include <pthread.h>
#include <sys/wait.h>

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
  same_as_glibc(loop, "127.0.0.1", "80", AF_INET6, 0, AI_V4MAPPED, 0);
  same_as_glibc(loop, "localhost", NULL, AF_INET6, SOCK_STREAM, AI_V4MAPPED,
                0);
  same_as_glibc(loop, "localhost", NULL, AF_INET6, SOCK_STREAM,
                AI_V4MAPPED | AI_ALL, 0);
  same_as_glibc(loop, "localhost", NULL, AF_UNSPEC, SOCK_STREAM, AI_V4MAPPED,
                0);

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
  hints.ai_flags = 0;
  assert_int_equal(lookup(loop, "", "80", &hints, &r, 0), ND_EAI_NONAME);

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
  char first[8192];
  FILE *f;
  int i;

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
  /* The second time from the loop's copy, in the order c-ares gave. */
  snprintf(first, sizeof(first), "%s", r.text);
  for (i = 0; i < 3; i++) {
    assert_int_equal(lookup(loop, "WEB.test", NULL, &hints, &r, 0), 0);
    assert_string_equal(r.text, first);
  }

  /* An edited file is read again. */
  f = fopen(hosts_path(), "w");
  assert_non_null(f);
  fprintf(f, "192.0.2.201 v4only.test\n");
  fclose(f);
  hints.ai_flags = 0;
  hints.ai_family = AF_INET;
  assert_int_equal(lookup(loop, "v4only.test", NULL, &hints, &r, 0), 0);
  assert_string_equal(r.text, "2 1 6 192.0.2.201 0 -\n");

  unsetenv("CARES_HOSTS");
  unlink(hosts_path());
}

/* --- cancellation and closing --------------------------------------------- */

/*
 * nd_loop_close with a lookup of the loop's own channel in flight: the
 * close cancels it and fails; one more run delivers the callback and the
 * next close succeeds.  The name is under .invalid, so the query that goes
 * to the system's server (or finds none) can only fail; it is cancelled
 * before any answer could come back.
 */
static void test_loop_close_with_lookup(void **state) {
  nd_loop_t own;
  struct gai_result r;
  nd_getaddrinfo_t req;

  (void)state;
  ND_OK(nd_loop_init(&own));
  memset(&r, 0, sizeof(r));
  req.data = &r;
  ND_OK(nd_getaddrinfo(&own, &req, gai_cb, "nodec-test.invalid", NULL, NULL));
  assert_int_equal(nd_loop_close(&own), ND_EBUSY);
  assert_int_equal(r.calls, 0);
  assert_int_equal(nd_run(&own, ND_RUN_DEFAULT), 0);
  assert_int_equal(r.calls, 1);
  /* Cancelled; or, with no server to send it to, failed at once. */
  assert_true(r.status == ND_EAI_CANCELED || r.status == ND_EAI_AGAIN);
  ND_OK(nd_loop_close(&own));
}

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

/* --- the resolver against the test responder ------------------------------ */

struct q_result {
  int calls;
  int status;
  nd_dns_result_t *res;
  int order; /* when it ran, among the test's callbacks */
};

static int callback_clock;

static void q_cb(nd_dns_query_t *req, int status, nd_dns_result_t *res) {
  struct q_result *r = req->data;

  r->calls++;
  r->status = status;
  r->res = res;
  r->order = ++callback_clock;
  if (status != 0)
    assert_null(res);
}

/* A responder on 127.0.0.1 and a resolver that asks it. */
struct fixture {
  struct responder resp;
  nd_dns_resolver_t resolver;
  int closed;
};

static void resolver_close_cb(nd_dns_resolver_t *resolver) {
  struct fixture *f = resolver->data;

  f->closed = ++callback_clock;
}

static void fixture_start(nd_loop_t *loop, struct fixture *f, int family,
                          int timeout, int tries) {
  struct sockaddr_storage ss;
  nd_dns_options_t opts;

  memset(f, 0, sizeof(*f));
  assert_int_equal(responder_start(&f->resp, family), 0);
  opts.timeout = timeout;
  opts.tries = tries;
  ND_OK(nd_dns_resolver_init(loop, &f->resolver, &opts));
  f->resolver.data = f;
  responder_addr(&f->resp, &ss);
  ND_OK(nd_dns_set_servers(&f->resolver, &ss, 1));
}

static void fixture_stop(nd_loop_t *loop, struct fixture *f) {
  nd_dns_resolver_close(&f->resolver, resolver_close_cb);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_not_equal(f->closed, 0);
  responder_stop(&f->resp);
}

static int query(nd_loop_t *loop, struct fixture *f, const char *name,
                 int type, struct q_result *r) {
  nd_dns_query_t req;

  memset(r, 0, sizeof(*r));
  req.data = r;
  ND_OK(nd_dns_query(&f->resolver, &req, q_cb, name, type));
  assert_int_equal(r->calls, 0);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(r->calls, 1);
  return r->status;
}

static const char *ip4(const struct in_addr *a) {
  static char buf[INET_ADDRSTRLEN];
  return inet_ntop(AF_INET, a, buf, sizeof(buf));
}

static const char *ip6(const struct in6_addr *a) {
  static char buf[INET6_ADDRSTRLEN];
  return inet_ntop(AF_INET6, a, buf, sizeof(buf));
}

static void fill_zone(struct responder *resp) {
  static const char *const txt1[] = {"v=spf1 -all", NULL};
  static const char *const txt2[] = {"chunk one", "chunk two", "", NULL};
  struct resp_entry *e;

  e = resp_entry(resp, "host.test", ND_DNS_A, RESP_ANSWER);
  resp_a(e, 300, "192.0.2.1");
  resp_a(e, 60, "192.0.2.2");
  e = resp_entry(resp, "host.test", ND_DNS_AAAA, RESP_ANSWER);
  resp_aaaa(e, 120, "2001:db8::1");
  e = resp_entry(resp, "www.test", ND_DNS_CNAME, RESP_ANSWER);
  resp_namerr(e, ND_DNS_CNAME, 30, "host.test");
  e = resp_entry(resp, "test", ND_DNS_MX, RESP_ANSWER);
  resp_mx(e, 100, 10, "mx1.test");
  resp_mx(e, 100, 20, "mx2.test");
  e = resp_entry(resp, "test", ND_DNS_NS, RESP_ANSWER);
  resp_namerr(e, ND_DNS_NS, 3600, "ns1.test");
  e = resp_entry(resp, "test", ND_DNS_TXT, RESP_ANSWER);
  resp_txt(e, 5, txt1);
  resp_txt(e, 5, txt2);
  e = resp_entry(resp, "_sip._tcp.test", ND_DNS_SRV, RESP_ANSWER);
  resp_srv(e, 10, 1, 5, 5060, "sip.test");
  e = resp_entry(resp, "1.2.0.192.in-addr.arpa", ND_DNS_PTR, RESP_ANSWER);
  resp_namerr(e, ND_DNS_PTR, 10, "host.test");
  e = resp_entry(resp,
                 "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0."
                 "0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa",
                 ND_DNS_PTR, RESP_ANSWER);
  resp_namerr(e, ND_DNS_PTR, 10, "v6.host.test");
  e = resp_entry(resp, "naptr.test", ND_DNS_NAPTR, RESP_ANSWER);
  resp_naptr(e, 20, 100, 10, "S", "SIP+D2U", "", "_sip._udp.test");
  resp_naptr(e, 20, 200, 5, "U", "E2U+sip", "!^.*$!sip:info@test!", "");
  e = resp_entry(resp, "test", ND_DNS_SOA, RESP_ANSWER);
  resp_soa(e, 900, "ns1.test", "hostmaster.test", 2024010101, 7200, 3600,
           1209600, 300);
  e = resp_entry(resp, "test", ND_DNS_CAA, RESP_ANSWER);
  resp_caa(e, 50, 0, "issue", "letsencrypt.org");
  resp_caa(e, 50, 128, "iodef", "mailto:sec@test");
  e = resp_entry(resp, "alias.test", ND_DNS_A, RESP_ANSWER);
  resp_namerr(e, ND_DNS_CNAME, 30, "real.test");
  resp_owner(e, "real.test");
  resp_a(e, 30, "198.51.100.7");
  e = resp_entry(resp, "alias.test", ND_DNS_AAAA, RESP_ANSWER);
  resp_namerr(e, ND_DNS_CNAME, 30, "real.test");
  resp_owner(e, "real.test");
  resp_aaaa(e, 30, "2001:db8::7");
  e = resp_entry(resp, "v4.test", ND_DNS_A, RESP_ANSWER);
  resp_a(e, 30, "203.0.113.4");
  resp_entry(resp, "nx.test", ND_DNS_A, RESP_NXDOMAIN);
  resp_entry(resp, "fail.test", ND_DNS_A, RESP_SERVFAIL);
  resp_entry(resp, "refused.test", ND_DNS_A, RESP_REFUSED);
  resp_entry(resp, "silent.test", ND_DNS_A, RESP_SILENT);
  resp_entry(resp, "garbage.test", ND_DNS_A, RESP_GARBAGE);
  e = resp_entry(resp, "badid.test", ND_DNS_A, RESP_BADID);
  resp_a(e, 10, "203.0.113.66");
}

static void test_record_types(void **state) {
  nd_loop_t *loop = *state;
  struct fixture f;
  struct q_result r;
  nd_dns_record_t *rec;

  fixture_start(loop, &f, AF_INET, 1000, 2);
  fill_zone(&f.resp);

  assert_int_equal(query(loop, &f, "host.test", ND_DNS_A, &r), 0);
  assert_int_equal(r.res->count, 2);
  rec = r.res->records;
  assert_int_equal(rec[0].type, ND_DNS_A);
  assert_string_equal(rec[0].name, "host.test");
  assert_string_equal(ip4(&rec[0].u.a), "192.0.2.1");
  assert_int_equal(rec[0].ttl, 300);
  assert_string_equal(ip4(&rec[1].u.a), "192.0.2.2");
  assert_int_equal(rec[1].ttl, 60);
  nd_dns_result_free(r.res);

  assert_int_equal(query(loop, &f, "HOST.test", ND_DNS_AAAA, &r), 0);
  assert_int_equal(r.res->count, 1);
  assert_string_equal(ip6(&r.res->records[0].u.aaaa), "2001:db8::1");
  assert_int_equal(r.res->records[0].ttl, 120);
  nd_dns_result_free(r.res);

  assert_int_equal(query(loop, &f, "www.test", ND_DNS_CNAME, &r), 0);
  assert_int_equal(r.res->count, 1);
  assert_string_equal(r.res->records[0].u.target, "host.test");
  nd_dns_result_free(r.res);

  assert_int_equal(query(loop, &f, "test", ND_DNS_MX, &r), 0);
  assert_int_equal(r.res->count, 2);
  assert_int_equal(r.res->records[0].u.mx.priority, 10);
  assert_string_equal(r.res->records[0].u.mx.exchange, "mx1.test");
  assert_int_equal(r.res->records[1].u.mx.priority, 20);
  assert_string_equal(r.res->records[1].u.mx.exchange, "mx2.test");
  nd_dns_result_free(r.res);

  assert_int_equal(query(loop, &f, "test", ND_DNS_NS, &r), 0);
  assert_int_equal(r.res->count, 1);
  assert_string_equal(r.res->records[0].u.target, "ns1.test");
  assert_int_equal(r.res->records[0].ttl, 3600);
  nd_dns_result_free(r.res);

  assert_int_equal(query(loop, &f, "test", ND_DNS_TXT, &r), 0);
  assert_int_equal(r.res->count, 2);
  assert_int_equal(r.res->records[0].u.txt.count, 1);
  assert_string_equal(r.res->records[0].u.txt.chunks[0], "v=spf1 -all");
  assert_int_equal(r.res->records[1].u.txt.count, 3);
  assert_string_equal(r.res->records[1].u.txt.chunks[0], "chunk one");
  assert_string_equal(r.res->records[1].u.txt.chunks[1], "chunk two");
  assert_string_equal(r.res->records[1].u.txt.chunks[2], "");
  nd_dns_result_free(r.res);

  assert_int_equal(query(loop, &f, "_sip._tcp.test", ND_DNS_SRV, &r), 0);
  assert_int_equal(r.res->count, 1);
  assert_int_equal(r.res->records[0].u.srv.priority, 1);
  assert_int_equal(r.res->records[0].u.srv.weight, 5);
  assert_int_equal(r.res->records[0].u.srv.port, 5060);
  assert_string_equal(r.res->records[0].u.srv.target, "sip.test");
  nd_dns_result_free(r.res);

  assert_int_equal(query(loop, &f, "naptr.test", ND_DNS_NAPTR, &r), 0);
  assert_int_equal(r.res->count, 2);
  rec = r.res->records;
  assert_int_equal(rec[0].u.naptr.order, 100);
  assert_int_equal(rec[0].u.naptr.preference, 10);
  assert_string_equal(rec[0].u.naptr.flags, "S");
  assert_string_equal(rec[0].u.naptr.service, "SIP+D2U");
  assert_string_equal(rec[0].u.naptr.regexp, "");
  assert_string_equal(rec[0].u.naptr.replacement, "_sip._udp.test");
  assert_string_equal(rec[1].u.naptr.regexp, "!^.*$!sip:info@test!");
  assert_string_equal(rec[1].u.naptr.replacement, "");
  nd_dns_result_free(r.res);

  assert_int_equal(query(loop, &f, "test", ND_DNS_SOA, &r), 0);
  assert_int_equal(r.res->count, 1);
  rec = r.res->records;
  assert_string_equal(rec[0].u.soa.nsname, "ns1.test");
  assert_string_equal(rec[0].u.soa.hostmaster, "hostmaster.test");
  assert_int_equal(rec[0].u.soa.serial, 2024010101u);
  assert_int_equal(rec[0].u.soa.refresh, 7200);
  assert_int_equal(rec[0].u.soa.retry, 3600);
  assert_int_equal(rec[0].u.soa.expire, 1209600);
  assert_int_equal(rec[0].u.soa.minttl, 300);
  nd_dns_result_free(r.res);

  assert_int_equal(query(loop, &f, "test", ND_DNS_CAA, &r), 0);
  assert_int_equal(r.res->count, 2);
  rec = r.res->records;
  assert_int_equal(rec[0].u.caa.critical, 0);
  assert_string_equal(rec[0].u.caa.tag, "issue");
  assert_string_equal(rec[0].u.caa.value, "letsencrypt.org");
  assert_int_equal(rec[0].u.caa.value_len, strlen("letsencrypt.org"));
  assert_int_equal(rec[1].u.caa.critical, 128);
  assert_string_equal(rec[1].u.caa.tag, "iodef");
  nd_dns_result_free(r.res);

  /* ANY: every record of the name, each with its type. */
  assert_int_equal(query(loop, &f, "test", ND_DNS_ANY, &r), 0);
  {
    int seen[512] = {0};
    size_t i;
    for (i = 0; i < r.res->count; i++)
      seen[r.res->records[i].type]++;
    assert_int_equal(r.res->count, 8);
    assert_int_equal(seen[ND_DNS_MX], 2);
    assert_int_equal(seen[ND_DNS_NS], 1);
    assert_int_equal(seen[ND_DNS_TXT], 2);
    assert_int_equal(seen[ND_DNS_SOA], 1);
    assert_int_equal(seen[ND_DNS_CAA], 2);
  }
  nd_dns_result_free(r.res);

  /* Reverse lookups, IPv4 and IPv6. */
  {
    nd_dns_query_t req;

    memset(&r, 0, sizeof(r));
    req.data = &r;
    ND_OK(nd_dns_reverse(&f.resolver, &req, q_cb, "192.0.2.1"));
    assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.res->records[0].u.target, "host.test");
    nd_dns_result_free(r.res);
    ND_OK(nd_dns_reverse(&f.resolver, &req, q_cb, "2001:db8::1"));
    assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
    assert_int_equal(r.calls, 2);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.res->records[0].u.target, "v6.host.test");
    nd_dns_result_free(r.res);
    assert_int_equal(nd_dns_reverse(&f.resolver, &req, q_cb, "not-an-ip"),
                     ND_EINVAL);
  }
  fixture_stop(loop, &f);
}

static void test_server_errors(void **state) {
  nd_loop_t *loop = *state;
  struct fixture f;
  struct q_result r;

  fixture_start(loop, &f, AF_INET, 1000, 3);
  fill_zone(&f.resp);
  assert_int_equal(query(loop, &f, "nx.test", ND_DNS_A, &r),
                   ND_DNS_ENOTFOUND);
  assert_int_equal(query(loop, &f, "unlisted.test", ND_DNS_TXT, &r),
                   ND_DNS_ENOTFOUND);
  /* The name exists, the type does not. */
  assert_int_equal(query(loop, &f, "host.test", ND_DNS_MX, &r),
                   ND_DNS_ENODATA);
  /* An answer with only other types (a CNAME to an A query) has no data. */
  assert_int_equal(query(loop, &f, "www.test", ND_DNS_CNAME, &r), 0);
  nd_dns_result_free(r.res);
  assert_int_equal(query(loop, &f, "fail.test", ND_DNS_A, &r),
                   ND_DNS_ESERVFAIL);
  assert_int_equal(query(loop, &f, "refused.test", ND_DNS_A, &r),
                   ND_DNS_EREFUSED);
  /* An error code is the answer: no retry (Node's NOCHECKRESP). */
  assert_int_equal(f.resp.udp_queries, 6);
  assert_int_equal(f.resp.tcp_queries, 0);
  assert_string_equal(nd_err_name(ND_DNS_ESERVFAIL), "ESERVFAIL");
  fixture_stop(loop, &f);
}

/* A truncated UDP answer makes c-ares ask again over TCP. */
static void test_truncated_retries_tcp(void **state) {
  nd_loop_t *loop = *state;
  static const char *const chunk[] = {
      "0123456789012345678901234567890123456789012345678901234567890123456789"
      "0123456789012345678901234567890123456789",
      NULL};
  struct resp_entry *e;
  struct fixture f;
  struct q_result r;
  int i;

  fixture_start(loop, &f, AF_INET, 1000, 2);
  e = resp_entry(&f.resp, "big.test", ND_DNS_TXT, RESP_TRUNCATE);
  for (i = 0; i < 20; i++)
    resp_txt(e, 60, chunk);
  assert_int_equal(query(loop, &f, "big.test", ND_DNS_TXT, &r), 0);
  assert_int_equal(r.res->count, 20);
  assert_string_equal(r.res->records[19].u.txt.chunks[0], chunk[0]);
  nd_dns_result_free(r.res);
  assert_int_equal(f.resp.udp_queries, 1);
  assert_int_equal(f.resp.tcp_queries, 1);
  fixture_stop(loop, &f);
}

/* A server that never answers: every try is sent, then ETIMEOUT. */
static void test_silent_server(void **state) {
  nd_loop_t *loop = *state;
  struct fixture f;
  struct q_result r;

  fixture_start(loop, &f, AF_INET, 50, 3);
  fill_zone(&f.resp);
  assert_int_equal(query(loop, &f, "silent.test", ND_DNS_A, &r),
                   ND_DNS_ETIMEOUT);
  assert_int_equal(f.resp.udp_queries, 3);
  fixture_stop(loop, &f);

  fixture_start(loop, &f, AF_INET, 50, 1);
  fill_zone(&f.resp);
  assert_int_equal(query(loop, &f, "silent.test", ND_DNS_A, &r),
                   ND_DNS_ETIMEOUT);
  assert_int_equal(f.resp.udp_queries, 1);
  fixture_stop(loop, &f);
}

/* Garbage and answers with another id are errors, never wrong answers. */
static void test_garbage_and_bad_id(void **state) {
  nd_loop_t *loop = *state;
  struct fixture f;
  struct q_result r;
  int i;

  fixture_start(loop, &f, AF_INET, 50, 2);
  fill_zone(&f.resp);
  for (i = 0; i < 6; i++) {
    int st = query(loop, &f, "garbage.test", ND_DNS_A, &r);
    assert_true(st < 0);
    assert_null(r.res);
  }
  /* The answer with the wrong id is dropped: the query times out. */
  assert_int_equal(query(loop, &f, "badid.test", ND_DNS_A, &r),
                   ND_DNS_ETIMEOUT);
  assert_int_equal(query(loop, &f, "host.test", ND_DNS_A, &r), 0);
  nd_dns_result_free(r.res);
  fixture_stop(loop, &f);
}

static void test_servers(void **state) {
  nd_loop_t *loop = *state;
  struct sockaddr_storage in[3], out[4];
  struct sockaddr_in *sin;
  struct sockaddr_in6 *sin6;
  nd_dns_resolver_t resolver;
  size_t n;

  ND_OK(nd_dns_resolver_init(loop, &resolver, NULL));
  memset(in, 0, sizeof(in));
  sin = (struct sockaddr_in *)&in[0];
  sin->sin_family = AF_INET;
  sin->sin_port = htons(5353);
  inet_pton(AF_INET, "192.0.2.53", &sin->sin_addr);
  sin6 = (struct sockaddr_in6 *)&in[1];
  sin6->sin6_family = AF_INET6;
  inet_pton(AF_INET6, "2001:db8::53", &sin6->sin6_addr);
  sin6 = (struct sockaddr_in6 *)&in[2];
  sin6->sin6_family = AF_INET6;
  sin6->sin6_port = htons(1053);
  sin6->sin6_addr = in6addr_loopback;
  ND_OK(nd_dns_set_servers(&resolver, in, 3));

  n = 4;
  ND_OK(nd_dns_get_servers(&resolver, out, &n));
  assert_int_equal(n, 3);
  sin = (struct sockaddr_in *)&out[0];
  assert_int_equal(sin->sin_family, AF_INET);
  assert_int_equal(ntohs(sin->sin_port), 5353);
  assert_string_equal(ip4(&sin->sin_addr), "192.0.2.53");
  sin6 = (struct sockaddr_in6 *)&out[1];
  assert_int_equal(sin6->sin6_family, AF_INET6);
  assert_int_equal(ntohs(sin6->sin6_port), 53);
  assert_string_equal(ip6(&sin6->sin6_addr), "2001:db8::53");
  sin6 = (struct sockaddr_in6 *)&out[2];
  assert_int_equal(ntohs(sin6->sin6_port), 1053);
  assert_string_equal(ip6(&sin6->sin6_addr), "::1");
  /* A short array gets the first ones; the count is all of them. */
  n = 1;
  ND_OK(nd_dns_get_servers(&resolver, out, &n));
  assert_int_equal(n, 3);
  in[0].ss_family = AF_UNIX;
  assert_int_equal(nd_dns_set_servers(&resolver, in, 1), ND_EAFNOSUPPORT);

  /* No servers at all: a query fails, from the pending phase. */
  ND_OK(nd_dns_set_servers(&resolver, NULL, 0));
  n = 4;
  ND_OK(nd_dns_get_servers(&resolver, out, &n));
  assert_int_equal(n, 0);
  {
    struct q_result r;
    nd_dns_query_t req;

    memset(&r, 0, sizeof(r));
    req.data = &r;
    ND_OK(nd_dns_query(&resolver, &req, q_cb, "host.test", ND_DNS_A));
    assert_int_equal(r.calls, 0);
    assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
    assert_int_equal(r.calls, 1);
    /* What c-ares 1.18 says, and so what Node built on it says. */
    assert_int_equal(r.status, ND_DNS_ESERVFAIL);
  }

  /* A resolver keeps nd_loop_close busy until it is closed. */
  assert_int_equal(nd_loop_close(loop), ND_EBUSY);
  nd_dns_resolver_close(&resolver, NULL);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
}

/* A server on ::1. */
static void test_ipv6_server(void **state) {
  nd_loop_t *loop = *state;
  struct fixture f;
  struct q_result r;

  fixture_start(loop, &f, AF_INET6, 1000, 2);
  fill_zone(&f.resp);
  assert_int_equal(query(loop, &f, "host.test", ND_DNS_AAAA, &r), 0);
  assert_string_equal(ip6(&r.res->records[0].u.aaaa), "2001:db8::1");
  nd_dns_result_free(r.res);
  assert_int_equal(f.resp.udp_queries, 1);
  fixture_stop(loop, &f);
}

/* nd_cancel, nd_dns_resolver_cancel and closing with queries in flight. */
static void test_cancel_and_close(void **state) {
  nd_loop_t *loop = *state;
  struct fixture f;
  struct q_result r[4];
  nd_dns_query_t req[4];
  int i;

  fixture_start(loop, &f, AF_INET, 5000, 4);
  fill_zone(&f.resp);
  callback_clock = 0;
  for (i = 0; i < 4; i++) {
    memset(&r[i], 0, sizeof(r[i]));
    req[i].data = &r[i];
    ND_OK(nd_dns_query(&f.resolver, &req[i], q_cb, "silent.test", ND_DNS_A));
  }
  ND_OK(nd_cancel((nd_req_t *)&req[0]));
  assert_int_equal(nd_cancel((nd_req_t *)&req[0]), ND_EBUSY);
  assert_int_equal(r[0].calls, 0);
  assert_int_equal(nd_run(loop, ND_RUN_NOWAIT), 1);
  assert_int_equal(r[0].calls, 1);
  assert_int_equal(r[0].status, ND_DNS_ECANCELLED);

  nd_dns_resolver_cancel(&f.resolver);
  assert_int_equal(r[1].calls, 0);
  assert_int_equal(nd_run(loop, ND_RUN_NOWAIT), 0);
  assert_int_equal(r[1].calls, 1);
  assert_int_equal(r[1].status, ND_DNS_ECANCELLED);
  assert_int_equal(r[2].status, ND_DNS_ECANCELLED);

  /* Closing: queries end first, then the close callback. */
  assert_int_equal(r[3].status, ND_DNS_ECANCELLED);
  memset(&r[3], 0, sizeof(r[3]));
  ND_OK(nd_dns_query(&f.resolver, &req[3], q_cb, "silent.test", ND_DNS_A));
  fixture_stop(loop, &f);
  assert_int_equal(r[3].calls, 1);
  assert_int_equal(r[3].status, ND_DNS_ECANCELLED);
  assert_true(r[3].order < f.closed);
}

/* Closing or cancelling from inside a callback c-ares is running. */
static struct fixture *inner_fixture;

static void close_in_cb(nd_dns_query_t *req, int status,
                        nd_dns_result_t *res) {
  q_cb(req, status, res);
  nd_dns_result_free(res);
  ((struct q_result *)req->data)->res = NULL;
  if (status == 0)
    nd_dns_resolver_close(&inner_fixture->resolver, resolver_close_cb);
}

static void cancel_in_cb(nd_dns_query_t *req, int status,
                         nd_dns_result_t *res) {
  q_cb(req, status, res);
  nd_dns_result_free(res);
  ((struct q_result *)req->data)->res = NULL;
  if (status == 0)
    nd_dns_resolver_cancel(&inner_fixture->resolver);
}

static void test_close_from_callback(void **state) {
  nd_loop_t *loop = *state;
  struct fixture f;
  struct q_result r[3];
  nd_dns_query_t req[3];
  int i;

  for (i = 0; i < 2; i++) {
    fixture_start(loop, &f, AF_INET, 5000, 2);
    fill_zone(&f.resp);
    inner_fixture = &f;
    callback_clock = 0;
    memset(r, 0, sizeof(r));
    req[0].data = &r[0];
    req[1].data = &r[1];
    req[2].data = &r[2];
    ND_OK(nd_dns_query(&f.resolver, &req[0], q_cb, "silent.test", ND_DNS_A));
    ND_OK(nd_dns_query(&f.resolver, &req[1], i ? cancel_in_cb : close_in_cb,
                       "host.test", ND_DNS_A));
    ND_OK(nd_dns_query(&f.resolver, &req[2], q_cb, "silent.test", ND_DNS_A));
    if (i == 0) {
      assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
      assert_int_not_equal(f.closed, 0);
    } else {
      assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
      nd_dns_resolver_close(&f.resolver, resolver_close_cb);
      assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
    }
    assert_int_equal(r[1].calls, 1);
    assert_int_equal(r[1].status, 0);
    assert_int_equal(r[0].calls, 1);
    assert_int_equal(r[0].status, ND_DNS_ECANCELLED);
    assert_int_equal(r[2].calls, 1);
    assert_int_equal(r[2].status, ND_DNS_ECANCELLED);
    assert_true(r[2].order < f.closed);
    responder_stop(&f.resp);
  }
}

static void gai_resolver_cb(nd_getaddrinfo_t *req, int status,
                            struct addrinfo *res) {
  gai_cb(req, status, res);
}

/* getaddrinfo through a resolver: CNAME chains, both families, errors. */
static void test_getaddrinfo_dns(void **state) {
  nd_loop_t *loop = *state;
  struct gai_result r;
  struct addrinfo hints;
  nd_getaddrinfo_t req;
  struct fixture f;

  fixture_start(loop, &f, AF_INET, 100, 2);
  fill_zone(&f.resp);
  memset(&hints, 0, sizeof(hints));
  hints.ai_family = AF_INET;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_CANONNAME;
  memset(&r, 0, sizeof(r));
  req.data = &r;
  ND_OK(nd_dns_getaddrinfo(&f.resolver, &req, gai_resolver_cb, "alias.test",
                           "80", &hints));
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(r.calls, 1);
  assert_int_equal(r.status, 0);
  assert_string_equal(r.text, "2 1 6 198.51.100.7 80 real.test\n");

  hints.ai_family = AF_UNSPEC;
  hints.ai_flags = 0;
  ND_OK(nd_dns_getaddrinfo(&f.resolver, &req, gai_resolver_cb, "host.test",
                           NULL, &hints));
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(r.status, 0);
  assert_non_null(strstr(r.text, "2 1 6 192.0.2.1 0 -\n"));
  assert_non_null(strstr(r.text, "2 1 6 192.0.2.2 0 -\n"));
  assert_non_null(strstr(r.text, "10 1 6 2001:db8::1 0 -\n"));

  /* A name with IPv4 only, asked as IPv6 with V4MAPPED. */
  hints.ai_family = AF_INET6;
  hints.ai_flags = AI_V4MAPPED;
  ND_OK(nd_dns_getaddrinfo(&f.resolver, &req, gai_resolver_cb, "www.test",
                           "443", &hints));
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(r.status, ND_EAI_NODATA); /* www.test: a CNAME only */
  ND_OK(nd_dns_getaddrinfo(&f.resolver, &req, gai_resolver_cb, "v4.test",
                           "443", &hints));
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(r.status, 0);
  assert_string_equal(r.text, "10 1 6 ::ffff:203.0.113.4 443 -\n");
  /* With an IPv6 answer too, only that one. */
  ND_OK(nd_dns_getaddrinfo(&f.resolver, &req, gai_resolver_cb, "host.test",
                           NULL, &hints));
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(r.status, 0);
  assert_string_equal(r.text, "10 1 6 2001:db8::1 0 -\n");
  r.calls -= 3;
  hints.ai_family = AF_UNSPEC;
  hints.ai_flags = 0;

  ND_OK(nd_dns_getaddrinfo(&f.resolver, &req, gai_resolver_cb, "nx.test",
                           NULL, &hints));
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(r.calls, 3);
  assert_int_equal(r.status, ND_EAI_NONAME);

  /* Cancelled while the server keeps quiet. */
  ND_OK(nd_dns_getaddrinfo(&f.resolver, &req, gai_resolver_cb, "silent.test",
                           NULL, &hints));
  ND_OK(nd_cancel((nd_req_t *)&req));
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(r.calls, 4);
  assert_int_equal(r.status, ND_EAI_CANCELED);
  fixture_stop(loop, &f);
}

/*
 * 10 000 queries in flight at once: each callback once, with the right
 * answer, and no descriptor left (memory: the sanitizer build).
 */
#define MANY 10000

static int many_done;
static int many_ok;
static int many_timeout;

static void many_cb(nd_dns_query_t *req, int status, nd_dns_result_t *res) {
  int *calls = req->data;

  (*calls)++;
  many_done++;
  if (status == 0 && res->count == 1 &&
      strcmp(ip4(&res->records[0].u.a), "192.0.2.99") == 0)
    many_ok++;
  else if (status == ND_DNS_ETIMEOUT)
    many_timeout++;
  nd_dns_result_free(res);
}

static void test_many_concurrent(void **state) {
  nd_loop_t *loop = *state;
  nd_dns_query_t *reqs;
  struct resp_entry *e;
  struct fixture f;
  int *calls;
  int fds;
  int i;

  fds = test_count_fds();
  fixture_start(loop, &f, AF_INET, 500, 4);
  e = resp_entry(&f.resp, "many.test", ND_DNS_A, RESP_ANSWER);
  resp_a(e, 1, "192.0.2.99");
  reqs = calloc(MANY, sizeof(*reqs));
  calls = calloc(MANY, sizeof(*calls));
  assert_non_null(reqs);
  assert_non_null(calls);
  many_done = many_ok = many_timeout = 0;
  for (i = 0; i < MANY; i++) {
    reqs[i].data = &calls[i];
    ND_OK(nd_dns_query(&f.resolver, &reqs[i], many_cb, "many.test",
                       ND_DNS_A));
  }
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(many_done, MANY);
  /*
   * Every query is answered, or (under a sanitizer, when bursts of retries
   * overflow the socket's receive buffer faster than the slowed loop
   * drains it) times out after its tries; nothing else.
   */
  assert_int_equal(many_ok + many_timeout, MANY);
  assert_true(many_ok > 0);
  for (i = 0; i < MANY; i++)
    assert_int_equal(calls[i], 1);
  free(reqs);
  free(calls);
  fixture_stop(loop, &f);
  assert_int_equal(test_count_fds(), fds);
}

/*
 * After fork, the child's resolvers get sockets of their own: a query in
 * flight at the fork is cancelled in the child, new ones are answered, and
 * the parent's resolver keeps working.
 */
static void test_fork(void **state) {
  nd_loop_t *loop = *state;
  struct fixture f;
  struct q_result r[2];
  nd_dns_query_t req[2];
  int status;
  pid_t pid;

  fixture_start(loop, &f, AF_INET, 5000, 2);
  fill_zone(&f.resp);
  memset(r, 0, sizeof(r));
  req[0].data = &r[0];
  req[1].data = &r[1];
  ND_OK(nd_dns_query(&f.resolver, &req[0], q_cb, "silent.test", ND_DNS_A));
  pid = fork();
  assert_true(pid >= 0);
  if (pid == 0) {
    int code = 0;

    if (nd_loop_fork(loop) != 0)
      _exit(10);
    if (nd_dns_query(&f.resolver, &req[1], q_cb, "host.test", ND_DNS_A) != 0)
      _exit(11);
    nd_run(loop, ND_RUN_DEFAULT);
    if (r[0].calls != 1 || r[0].status != ND_DNS_ECANCELLED)
      code = 12;
    else if (r[1].calls != 1 || r[1].status != 0 || r[1].res->count != 2)
      code = 13;
    _exit(code);
  }
  assert_int_equal(waitpid(pid, &status, 0), pid);
  assert_true(WIFEXITED(status));
  assert_int_equal(WEXITSTATUS(status), 0);
  /* The parent's query is still in flight; its resolver still answers. */
  assert_int_equal(r[0].calls, 0);
  ND_OK(nd_dns_query(&f.resolver, &req[1], q_cb, "host.test", ND_DNS_AAAA));
  while (r[1].calls == 0)
    nd_run(loop, ND_RUN_ONCE);
  assert_int_equal(r[1].status, 0);
  assert_string_equal(ip6(&r[1].res->records[0].u.aaaa), "2001:db8::1");
  nd_dns_result_free(r[1].res);
  fixture_stop(loop, &f);
  assert_int_equal(r[0].status, ND_DNS_ECANCELLED);
}

/* nd_loop_close cancels lookups left in flight; the next close succeeds. */
static void test_loop_close_cancels(void **state) {
  nd_loop_t *loop = *state;
  struct gai_result r[3];
  nd_getaddrinfo_t req[3];
  struct fixture f;
  int i;

  (void)loop;
  /* A loop of its own: the fixture's teardown must not see this one. */
  nd_loop_t own;
  ND_OK(nd_loop_init(&own));
  fixture_start(&own, &f, AF_INET, 5000, 4);
  fill_zone(&f.resp);
  for (i = 0; i < 3; i++) {
    memset(&r[i], 0, sizeof(r[i]));
    req[i].data = &r[i];
  }
  ND_OK(nd_dns_getaddrinfo(&f.resolver, &req[0], gai_resolver_cb,
                           "silent.test", NULL, NULL));
  ND_OK(nd_getaddrinfo(&own, &req[1], gai_cb, "localhost", NULL, NULL));
  /* The resolver is open: busy, and its lookup is left alone. */
  assert_int_equal(nd_loop_close(&own), ND_EBUSY);
  nd_dns_resolver_close(&f.resolver, resolver_close_cb);
  assert_int_equal(nd_run(&own, ND_RUN_DEFAULT), 0);
  assert_int_equal(r[0].calls, 1);
  assert_int_equal(r[0].status, ND_EAI_CANCELED);
  assert_int_equal(r[1].calls, 1);
  assert_int_equal(r[1].status, 0);
  responder_stop(&f.resp);
  ND_OK(nd_loop_close(&own));
}

/* --- error names ---------------------------------------------------------- */

static void test_error_names(void **state) {
  (void)state;
  assert_int_equal(nd_req_size(ND_GETADDRINFO), sizeof(nd_getaddrinfo_t));
  assert_int_equal(nd_req_size(ND_GETNAMEINFO), sizeof(nd_getnameinfo_t));
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
    LOOP_TEST(test_loop_close_with_lookup),
    LOOP_TEST(test_getnameinfo),
    LOOP_TEST(test_getnameinfo_async),
    LOOP_TEST(test_record_types),
    LOOP_TEST(test_server_errors),
    LOOP_TEST(test_truncated_retries_tcp),
    LOOP_TEST(test_silent_server),
    LOOP_TEST(test_garbage_and_bad_id),
    LOOP_TEST(test_servers),
    LOOP_TEST(test_ipv6_server),
    LOOP_TEST(test_cancel_and_close),
    LOOP_TEST(test_close_from_callback),
    LOOP_TEST(test_getaddrinfo_dns),
    LOOP_TEST(test_many_concurrent),
    LOOP_TEST(test_loop_close_cancels),
    LOOP_TEST(test_fork),
    LOOP_TEST(test_error_names),
  };

  return cmocka_run_group_tests(tests, NULL, NULL);
}
