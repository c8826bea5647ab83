/*
 * fuzz-dns.c - random DNS answers from the test responder into the
 * resolver, for as long as asked.
 *
 * The responder (tests/dns-responder.h) answers every query, over UDP and
 * TCP, and a mutate hook then damages the answer at random: records of
 * random types with random data and compression pointers, flipped bytes,
 * cut messages, wrong counts, the truncation bit, or noise after the id.
 * The question is usually left intact, so that c-ares takes the answer and
 * our parser (and c-ares's, through nd_dns_getaddrinfo) has to deal with
 * it.  Queries of every type, reverse lookups and getaddrinfo lookups run
 * CONCURRENT at a time; every callback must run exactly once, and every
 * successful result is read in full, so that a sanitizer build catches any
 * read out of bounds.
 *
 *   build/asan/tests/fuzz-dns [SECONDS [SEED]]   (default 3 s, seed from time)
 *
 * It prints the seed first, so a finding can be replayed, and the number
 * of lookups at the end.  make check runs it briefly (run-tests.sh).
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "nodec.h"
#include "dns-responder.h"

#define CONCURRENT 50

static const int types[] = {ND_DNS_A,     ND_DNS_AAAA, ND_DNS_CNAME,
                            ND_DNS_MX,    ND_DNS_NS,   ND_DNS_TXT,
                            ND_DNS_SRV,   ND_DNS_PTR,  ND_DNS_NAPTR,
                            ND_DNS_SOA,   ND_DNS_CAA,  ND_DNS_ANY};
#define NTYPES (sizeof(types) / sizeof(types[0]))

struct slot {
  nd_dns_query_t query;
  nd_getaddrinfo_t gai;
  int busy;
};

static nd_dns_resolver_t resolver;
static struct slot slots[CONCURRENT];
static unsigned int client_seed;
static uint64_t deadline;
static unsigned long lookups;
static unsigned long answered;
static unsigned long succeeded;
static unsigned long bad_answers; /* EBADRESP from our parser or c-ares */
static volatile size_t sink;

static void fail(const char *what) {
  fprintf(stderr, "fuzz-dns: %s\n", what);
  abort();
}

/* --- the mutations (responder thread) ------------------------------------ */

static unsigned int rnd(unsigned int *seed, unsigned int n) {
  return (unsigned int)rand_r(seed) % n;
}

/* Random records after the question. */
static size_t random_records(unsigned int *seed, unsigned char *msg,
                             size_t qend, size_t cap) {
  unsigned int n = rnd(seed, 9);
  size_t off = qend;
  unsigned int i;

  for (i = 0; i < n && off + 64 + 300 < cap; i++) {
    int type = rnd(seed, 4) == 0 ? (int)rnd(seed, 300)
                                 : types[rnd(seed, NTYPES - 1)];
    size_t rdlen;
    size_t j;

    switch (rnd(seed, 4)) {
    case 0: /* a label, then a pointer to the question */
      msg[off++] = 3;
      memcpy(msg + off, "www", 3);
      off += 3;
      resp_put16(msg + off, 0xC00C);
      off += 2;
      break;
    case 1: /* a random pointer */
      resp_put16(msg + off, 0xC000 | rnd(seed, (unsigned int)off + 16));
      off += 2;
      break;
    default:
      resp_put16(msg + off, 0xC00C);
      off += 2;
      break;
    }
    resp_put16(msg + off, (unsigned int)type);
    resp_put16(msg + off + 2, rnd(seed, 8) ? 1 : rnd(seed, 5));
    resp_put32(msg + off + 4, (uint32_t)rand_r(seed));
    if (rnd(seed, 4) == 0)
      rdlen = rnd(seed, 300);
    else
      rdlen = type == 1 ? 4 : type == 28 ? 16 : rnd(seed, 40);
    for (j = 0; j < rdlen; j++) {
      unsigned int k = rnd(seed, 10);
      if (k == 0)
        msg[off + 10 + j] = 0xC0; /* pointers inside data */
      else if (k == 1)
        msg[off + 10 + j] = (unsigned char)rnd(seed, 64); /* label lengths */
      else
        msg[off + 10 + j] = (unsigned char)rand_r(seed);
    }
    /* Sometimes the length says more or less than there is. */
    resp_put16(msg + off + 8, rnd(seed, 6) == 0 ? rnd(seed, 65536)
                                                : (unsigned int)rdlen);
    off += 10 + rdlen;
  }
  resp_put16(msg + 6, rnd(seed, 5) == 0 ? rnd(seed, 20) : n);
  return off;
}

static size_t mutate(void *arg, unsigned char *msg, size_t len, size_t cap) {
  unsigned int *seed = arg;
  char name[256];
  int type;
  size_t qend = resp_question(msg, len, name, &type);
  size_t i;

  if (qend == 0)
    return len;
  switch (rnd(seed, 10)) {
  case 0:
  case 1:
  case 2:
  case 3:
    len = random_records(seed, msg, qend, cap);
    break;
  case 4:
  case 5: /* flip bytes after the question */
    if (len > qend)
      for (i = rnd(seed, 8) + 1; i > 0; i--)
        msg[qend + rnd(seed, (unsigned int)(len - qend))] ^=
            (unsigned char)(1u << rnd(seed, 8));
    break;
  case 6: /* cut anywhere */
    len = rnd(seed, (unsigned int)len + 1);
    break;
  case 7: /* noise after the id */
    len = 2 + rnd(seed, 200);
    for (i = 2; i < len; i++)
      msg[i] = (unsigned char)rand_r(seed);
    break;
  case 8: /* flags: TC, rcodes */
    msg[2] ^= (unsigned char)(rnd(seed, 2) ? 0x02 : 0);
    msg[3] = (unsigned char)((msg[3] & 0xF0) | rnd(seed, 16));
    break;
  default:
    break;
  }
  return len;
}

/* --- the client (loop thread) -------------------------------------------- */

static void touch(const char *s) {
  if (s == NULL)
    fail("NULL string in a result");
  sink += strlen(s);
}

static void read_result(const nd_dns_result_t *res) {
  size_t i;
  size_t j;

  for (i = 0; i < res->count; i++) {
    const nd_dns_record_t *r = &res->records[i];

    touch(r->name);
    switch (r->type) {
    case ND_DNS_A:
      sink += r->u.a.s_addr;
      break;
    case ND_DNS_AAAA:
      sink += r->u.aaaa.s6_addr[15];
      break;
    case ND_DNS_CNAME:
    case ND_DNS_NS:
    case ND_DNS_PTR:
      touch(r->u.target);
      break;
    case ND_DNS_MX:
      touch(r->u.mx.exchange);
      break;
    case ND_DNS_TXT:
      for (j = 0; j < r->u.txt.count; j++)
        touch(r->u.txt.chunks[j]);
      break;
    case ND_DNS_SRV:
      touch(r->u.srv.target);
      break;
    case ND_DNS_NAPTR:
      touch(r->u.naptr.flags);
      touch(r->u.naptr.service);
      touch(r->u.naptr.regexp);
      touch(r->u.naptr.replacement);
      break;
    case ND_DNS_SOA:
      touch(r->u.soa.nsname);
      touch(r->u.soa.hostmaster);
      break;
    case ND_DNS_CAA:
      touch(r->u.caa.tag);
      for (j = 0; j < r->u.caa.value_len; j++)
        sink += (unsigned char)r->u.caa.value[j];
      break;
    default:
      fail("a record of a type nobody asked for");
    }
  }
}

static void next(struct slot *s);

static void on_query(nd_dns_query_t *req, int status, nd_dns_result_t *res) {
  struct slot *s = req->data;

  if (!s->busy)
    fail("a query called back twice");
  s->busy = 0;
  answered++;
  if (status == 0) {
    if (res == NULL || res->count == 0)
      fail("success without records");
    read_result(res);
    nd_dns_result_free(res);
    succeeded++;
  } else if (status == ND_DNS_EBADRESP) {
    bad_answers++;
  } else if (res != NULL) {
    fail("an error with a result");
  }
  next(s);
}

static void on_gai(nd_getaddrinfo_t *req, int status, struct addrinfo *res) {
  struct slot *s = req->data;
  struct addrinfo *ai;

  if (!s->busy)
    fail("a lookup called back twice");
  s->busy = 0;
  answered++;
  for (ai = res; ai != NULL; ai = ai->ai_next)
    sink += ai->ai_addrlen + ai->ai_addr->sa_family;
  if (status == 0 && res == NULL)
    fail("getaddrinfo success without addresses");
  succeeded += status == 0;
  nd_freeaddrinfo(res);
  next(s);
}

static void next(struct slot *s) {
  char name[64];
  unsigned int k;
  int r;

  if (nd_hrtime() >= deadline)
    return;
  k = rnd(&client_seed, 20);
  snprintf(name, sizeof(name), "n%u.fuzz.test", rnd(&client_seed, 1000));
  s->busy = 1;
  lookups++;
  if (k == 0) {
    s->gai.data = s;
    r = nd_dns_getaddrinfo(&resolver, &s->gai, on_gai, name, "80", NULL);
  } else if (k == 1) {
    s->query.data = s;
    r = nd_dns_reverse(&resolver, &s->query, on_query,
                       rnd(&client_seed, 2) ? "192.0.2.7" : "2001:db8::7");
  } else {
    s->query.data = s;
    r = nd_dns_query(&resolver, &s->query, on_query, name,
                     types[rnd(&client_seed, NTYPES)]);
  }
  if (r != 0) {
    fprintf(stderr, "fuzz-dns: start: %s\n", nd_err_name(r));
    abort();
  }
}

int main(int argc, char **argv) {
  double seconds = argc > 1 ? atof(argv[1]) : 3.0;
  unsigned int seed = argc > 2 ? (unsigned int)strtoul(argv[2], NULL, 0)
                               : (unsigned int)time(NULL);
  unsigned int resp_seed = seed * 2654435761u;
  struct sockaddr_storage ss;
  struct responder resp;
  nd_dns_options_t opts = {20, 2};
  nd_loop_t loop;
  int i;

  printf("fuzz-dns: seed %u, %.0f s\n", seed, seconds);
  fflush(stdout);
  client_seed = seed;
  if (responder_start(&resp, AF_INET) != 0)
    fail("cannot start the responder");
  /* Every name answers with records of every type; mutate spoils them. */
  {
    static const char *const txt[] = {"a", "bc", NULL};
    struct resp_entry *e;

    e = resp_entry(&resp, "*", ND_DNS_A, RESP_ANSWER);
    resp_a(e, 1, "192.0.2.1");
    resp_a(e, 1, "192.0.2.2");
    e = resp_entry(&resp, "*", ND_DNS_AAAA, RESP_ANSWER);
    resp_aaaa(e, 1, "2001:db8::1");
    e = resp_entry(&resp, "*", ND_DNS_CNAME, RESP_ANSWER);
    resp_namerr(e, ND_DNS_CNAME, 1, "target.fuzz.test");
    e = resp_entry(&resp, "*", ND_DNS_MX, RESP_ANSWER);
    resp_mx(e, 1, 5, "mx.fuzz.test");
    e = resp_entry(&resp, "*", ND_DNS_NS, RESP_ANSWER);
    resp_namerr(e, ND_DNS_NS, 1, "ns.fuzz.test");
    e = resp_entry(&resp, "*", ND_DNS_TXT, RESP_ANSWER);
    resp_txt(e, 1, txt);
    e = resp_entry(&resp, "*", ND_DNS_SRV, RESP_ANSWER);
    resp_srv(e, 1, 1, 2, 3, "srv.fuzz.test");
    e = resp_entry(&resp, "*", ND_DNS_PTR, RESP_ANSWER);
    resp_namerr(e, ND_DNS_PTR, 1, "ptr.fuzz.test");
    e = resp_entry(&resp, "*", ND_DNS_NAPTR, RESP_ANSWER);
    resp_naptr(e, 1, 1, 2, "S", "SIP+D2U", "", "_sip._udp.fuzz.test");
    e = resp_entry(&resp, "*", ND_DNS_SOA, RESP_ANSWER);
    resp_soa(e, 1, "ns.fuzz.test", "root.fuzz.test", 1, 2, 3, 4, 5);
    e = resp_entry(&resp, "*", ND_DNS_CAA, RESP_ANSWER);
    resp_caa(e, 1, 0, "issue", "ca.test");
  }
  resp.mutate = mutate;
  resp.mutate_arg = &resp_seed;

  if (nd_loop_init(&loop) != 0 ||
      nd_dns_resolver_init(&loop, &resolver, &opts) != 0)
    fail("cannot make the loop or the resolver");
  responder_addr(&resp, &ss);
  if (nd_dns_set_servers(&resolver, &ss, 1) != 0)
    fail("nd_dns_set_servers");
  deadline = nd_hrtime() + (uint64_t)(seconds * 1e9);
  for (i = 0; i < CONCURRENT; i++)
    next(&slots[i]);
  if (nd_run(&loop, ND_RUN_DEFAULT) != 0)
    fail("nd_run");
  for (i = 0; i < CONCURRENT; i++)
    if (slots[i].busy)
      fail("a lookup never called back");
  if (answered != lookups)
    fail("callbacks and lookups differ");
  nd_dns_resolver_close(&resolver, NULL);
  if (nd_run(&loop, ND_RUN_DEFAULT) != 0 || nd_loop_close(&loop) != 0)
    fail("closing");
  responder_stop(&resp);
  printf("fuzz-dns: %lu lookups, all called back once: %lu answered, "
         "%lu malformed answers refused\n",
         lookups, succeeded, bad_answers);
  return 0;
}
