/*
 * test-udp.c - UDP handles on real sockets on 127.0.0.1 and ::1: an echo
 * with the bytes and addresses checked, a million sequence-numbered
 * datagrams with every loss accounted for, recvmmsg batches, truncation,
 * multicast and source-specific multicast on the loopback interface,
 * socket options read back with getsockopt, connect and disconnect, a full
 * socket, batched try_send2, sends cancelled by close, and no descriptor
 * left open.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "test-util.h"

/* --- helpers ------------------------------------------------------------ */

static struct sockaddr_in ip4(const char *ip, int port) {
  struct sockaddr_in a;

  ND_OK(nd_ip4_addr(ip, port, &a));
  return a;
}

/* Bind to 127.0.0.1 on a port of the kernel's choosing; return the address. */
static struct sockaddr_in bind_local(nd_udp_t *udp) {
  struct sockaddr_in a = ip4("127.0.0.1", 0);
  int len = sizeof(a);

  ND_OK(nd_udp_bind(udp, (const struct sockaddr *)&a, 0));
  ND_OK(nd_udp_getsockname(udp, (struct sockaddr *)&a, &len));
  assert_int_equal(len, sizeof(a));
  assert_int_not_equal(a.sin_port, 0);
  return a;
}

/* The port sits at the same offset in both families' addresses. */
_Static_assert(offsetof(struct sockaddr_in, sin_port) ==
                   offsetof(struct sockaddr_in6, sin6_port),
               "port offsets differ");

static uint16_t port_of(const struct sockaddr *a) {
  uint16_t port;

  memcpy(&port, (const char *)a + offsetof(struct sockaddr_in, sin_port),
         sizeof(port));
  return ntohs(port);
}

static int sock_fd(const nd_udp_t *udp) {
  return udp->io_watcher.fd;
}

static char slab[65536];

static void slab_alloc(nd_handle_t *h, size_t suggested, nd_buf_t *buf) {
  (void)h;
  assert_int_equal(suggested, 65536);
  buf->base = slab;
  buf->len = sizeof(slab);
}

static int getsockopt_int(int fd, int level, int name) {
  int v = -1;
  socklen_t len = sizeof(v);

  assert_int_equal(getsockopt(fd, level, name, &v, &len), 0);
  return v;
}

/* --- echo --------------------------------------------------------------- */

static struct {
  nd_udp_t server, client;
  nd_udp_send_t sreq, creq;
  struct sockaddr_in server_addr, client_addr;
  char got_server[64], got_client[64], reply[64];
  ssize_t n_server, n_client;
  int peer_port_ok;
  int in_send;          /* set while nd_udp_send runs */
  int send_cbs, send_cb_inside, send_status;
  int nothing_more;     /* nread 0, addr NULL seen */
  volatile int done;
} echo;

static void echo_send_cb(nd_udp_send_t *req, int status) {
  (void)req;
  echo.send_cbs++;
  echo.send_cb_inside += echo.in_send;
  if (status != 0)
    echo.send_status = status;
}

static void echo_server_recv(nd_udp_t *h, ssize_t nread, const nd_buf_t *buf,
                             const struct sockaddr *addr, unsigned flags) {
  nd_buf_t reply;

  assert_int_equal(flags, 0);
  if (nread == 0 && addr == NULL) {
    echo.nothing_more++;
    return;
  }
  assert_true(nread > 0 && nread < 64);
  memcpy(echo.got_server, buf->base, (size_t)nread);
  echo.n_server = nread;
  assert_int_equal(addr->sa_family, AF_INET);
  echo.peer_port_ok = port_of(addr) == ntohs(echo.client_addr.sin_port);
  /* Answer the sender with the bytes reversed. */
  reply.base = echo.reply; /* stays valid until the send callback */
  for (ssize_t i = 0; i < nread; i++)
    reply.base[i] = buf->base[nread - 1 - i];
  reply.len = (size_t)nread;
  echo.in_send = 1;
  ND_OK(nd_udp_send(&echo.sreq, h, &reply, 1, addr, echo_send_cb));
  echo.in_send = 0;
}

static void echo_client_recv(nd_udp_t *h, ssize_t nread, const nd_buf_t *buf,
                             const struct sockaddr *addr, unsigned flags) {
  (void)h;
  (void)flags;
  if (nread == 0 && addr == NULL)
    return;
  assert_true(nread > 0 && nread < 32);
  memcpy(echo.got_client, buf->base, (size_t)nread);
  echo.n_client = nread;
  assert_int_equal(port_of(addr), ntohs(echo.server_addr.sin_port));
  echo.done = 1;
}

static void test_echo(void **state) {
  nd_loop_t *loop = *state;
  watchdog_t wd;
  nd_buf_t b = {"hello, udp", 10};
  int fds = test_count_fds();
  int len;

  memset(&echo, 0, sizeof(echo));
  ND_OK(nd_udp_init(loop, &echo.server));
  ND_OK(nd_udp_init(loop, &echo.client));
  echo.server_addr = bind_local(&echo.server);
  ND_OK(nd_udp_recv_start(&echo.server, slab_alloc, echo_server_recv));
  assert_int_equal(nd_udp_recv_start(&echo.server, slab_alloc,
                                     echo_server_recv), ND_EALREADY);

  /* The client is not bound: nd_udp_send binds it to 0.0.0.0. */
  len = sizeof(echo.client_addr);
  assert_int_equal(nd_udp_getsockname(&echo.client,
                                      (struct sockaddr *)&echo.client_addr,
                                      &len), ND_EBADF);
  echo.in_send = 1;
  ND_OK(nd_udp_send(&echo.creq, &echo.client, &b, 1,
                    (const struct sockaddr *)&echo.server_addr,
                    echo_send_cb));
  echo.in_send = 0;
  assert_int_equal(echo.send_cbs, 0); /* never inside nd_udp_send */
  assert_true(nd_is_active((nd_handle_t *)&echo.client));
  len = sizeof(echo.client_addr);
  ND_OK(nd_udp_getsockname(&echo.client, (struct sockaddr *)&echo.client_addr,
                           &len));
  assert_int_equal(echo.client_addr.sin_addr.s_addr, htonl(INADDR_ANY));
  assert_int_not_equal(echo.client_addr.sin_port, 0);
  ND_OK(nd_udp_recv_start(&echo.client, slab_alloc, echo_client_recv));

  watchdog_start(loop, &wd);
  run_until(loop, &wd, &echo.done);
  assert_false(wd.expired);
  /* Let the reply's send callback run. */
  while (echo.send_cbs < 2 && !wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  close_and_drain(loop);

  assert_int_equal(echo.n_server, 10);
  assert_memory_equal(echo.got_server, "hello, udp", 10);
  assert_int_equal(echo.n_client, 10);
  assert_memory_equal(echo.got_client, "pdu ,olleh", 10);
  assert_true(echo.peer_port_ok);
  assert_int_equal(echo.send_cbs, 2);
  assert_int_equal(echo.send_cb_inside, 0);
  assert_int_equal(echo.send_status, 0);
  assert_true(echo.nothing_more >= 1);
  assert_int_equal(echo.client.send_queue_count, 0);
  assert_int_equal(nd_udp_get_send_queue_size(&echo.client), 0);
  assert_int_equal(test_count_fds(), fds);
}

/* --- a million datagrams ------------------------------------------------ */

/*
 * The sender sends a window of WINDOW datagrams, each carrying its
 * sequence number, and waits for the receiver's acknowledgement before the
 * next window: without it one side outruns the other's socket buffer and
 * the kernel drops datagrams.  The receiver acknowledges the last datagram
 * of each window; if that one is lost, the sender's timer moves on after
 * ACK_TIMEOUT_MS.  The receiver counts gaps as losses, so received + lost
 * must equal sent, and each number must be larger than the one before.
 *
 * The cost is the system calls (about 5 s here for a million, with or
 * without AddressSanitizer, whose checks add little to them), so the
 * sanitizer builds run the full count too.
 */
#define TOTAL 1000000u
#define WINDOW 128u
#define DGRAM 32
#define ACK_TIMEOUT_MS 200

static struct {
  nd_udp_t tx, rx;
  nd_udp_send_t reqs[WINDOW];
  nd_timer_t ack_timer;
  struct sockaddr_in rx_addr, tx_addr;
  char payload[WINDOW][DGRAM];
  uint32_t ack_value;
  uint32_t next_seq;      /* sender: next number to send */
  uint32_t window_end;
  uint32_t expected;      /* receiver: next number it expects */
  uint32_t received, lost, out_of_order, bad;
  uint32_t send_errors, sent_ok, timeouts, ack_failures;
  volatile int done;
} mil;

static void send_window(void);

static void mil_send_cb(nd_udp_send_t *req, int status) {
  (void)req;
  if (status != 0)
    mil.send_errors++;
  else
    mil.sent_ok++;
}

static void mil_next_window(void) {
  ND_OK(nd_timer_stop(&mil.ack_timer));
  if (mil.next_seq >= TOTAL) {
    mil.done = 1;
    return;
  }
  send_window();
}

static void mil_ack_timeout(nd_timer_t *t) {
  (void)t;
  mil.timeouts++;
  mil_next_window();
}

static void send_window(void) {
  nd_buf_t b;
  uint32_t i;

  mil.window_end = mil.next_seq + WINDOW;
  if (mil.window_end > TOTAL)
    mil.window_end = TOTAL;
  for (i = 0; mil.next_seq < mil.window_end; i++, mil.next_seq++) {
    memset(mil.payload[i], (int)(mil.next_seq & 0xFF), DGRAM);
    memcpy(mil.payload[i], &mil.next_seq, sizeof(mil.next_seq));
    b.base = mil.payload[i];
    b.len = DGRAM;
    ND_OK(nd_udp_send(&mil.reqs[i], &mil.tx, &b, 1,
                      (const struct sockaddr *)&mil.rx_addr, mil_send_cb));
  }
  ND_OK(nd_timer_start(&mil.ack_timer, mil_ack_timeout, ACK_TIMEOUT_MS, 0));
}

/* Sender side: an acknowledgement names the last number of a window. */
static void mil_tx_recv(nd_udp_t *h, ssize_t nread, const nd_buf_t *buf,
                        const struct sockaddr *addr, unsigned flags) {
  uint32_t v;

  (void)h;
  (void)flags;
  if (nread == 0 && addr == NULL)
    return;
  assert_int_equal(nread, sizeof(v));
  memcpy(&v, buf->base, sizeof(v));
  if (v == mil.window_end - 1)
    mil_next_window();
}

static void mil_rx_recv(nd_udp_t *h, ssize_t nread, const nd_buf_t *buf,
                        const struct sockaddr *addr, unsigned flags) {
  nd_buf_t ack;
  uint32_t seq;
  int i;

  (void)flags;
  if (nread == 0 && addr == NULL)
    return;
  if (nread != DGRAM) {
    mil.bad++;
    return;
  }
  memcpy(&seq, buf->base, sizeof(seq));
  for (i = (int)sizeof(seq); i < DGRAM; i++)
    if ((unsigned char)buf->base[i] != (seq & 0xFF))
      mil.bad++;
  if (seq < mil.expected || seq >= TOTAL) {
    mil.out_of_order++;
    return;
  }
  mil.lost += seq - mil.expected;
  mil.expected = seq + 1;
  mil.received++;
  if ((seq + 1) % WINDOW == 0 || seq + 1 == TOTAL) {
    mil.ack_value = seq;
    ack.base = (char *)&mil.ack_value;
    ack.len = sizeof(mil.ack_value);
    if (nd_udp_try_send(h, &ack, 1, addr) < 0)
      mil.ack_failures++; /* the sender's timer moves on instead */
  }
}

static void test_million_datagrams(void **state) {
  nd_loop_t *loop = *state;
  uint64_t t0 = test_ms();
  watchdog_t wd;

  memset(&mil, 0, sizeof(mil));
  ND_OK(nd_udp_init(loop, &mil.tx));
  ND_OK(nd_udp_init(loop, &mil.rx));
  ND_OK(nd_timer_init(loop, &mil.ack_timer));
  mil.rx_addr = bind_local(&mil.rx);
  mil.tx_addr = bind_local(&mil.tx);
  ND_OK(nd_udp_recv_start(&mil.rx, slab_alloc, mil_rx_recv));
  ND_OK(nd_udp_recv_start(&mil.tx, slab_alloc, mil_tx_recv));
  send_window();

  /* The watchdog is for a hang, not for this long run: longer than usual. */
  watchdog_start(loop, &wd);
  ND_OK(nd_timer_start(&wd.timer, watchdog_cb, 60000, 0));
  run_until(loop, &wd, &mil.done);
  assert_false(wd.expired);
  /* Let the last window's send callbacks run. */
  while (mil.sent_ok + mil.send_errors < TOTAL && !wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  close_and_drain(loop);

  /* Datagrams lost after the receiver's last one count as lost too. */
  mil.lost += TOTAL - mil.expected;
  print_message("%u sent, %u received, %u lost, %u ack timeouts, %llu ms\n",
                TOTAL, mil.received, mil.lost, mil.timeouts,
                (unsigned long long)(test_ms() - t0));
  assert_int_equal(mil.send_errors, 0);
  assert_int_equal(mil.sent_ok, TOTAL);
  assert_int_equal(mil.bad, 0);
  assert_int_equal(mil.out_of_order, 0);
  assert_int_equal(mil.received + mil.lost, TOTAL);
  /* Flow control keeps loss near zero; allow a little for a busy machine. */
  assert_true(mil.received >= TOTAL / 100 * 99);
}

/* --- recvmmsg ----------------------------------------------------------- */

#define MMSG_COUNT 10
#define MMSG_BUF (8 * 65536)

static struct {
  nd_udp_t rx, tx;
  char *buf;
  int allocs, frees, chunks, plain, bad_flags;
  char got[MMSG_COUNT][16];
  size_t got_len[MMSG_COUNT];
  volatile int done;
} mm;

static void mm_alloc(nd_handle_t *h, size_t suggested, nd_buf_t *buf) {
  assert_int_equal(suggested, 65536);
  assert_true(nd_udp_using_recvmmsg((nd_udp_t *)h));
  buf->base = malloc(MMSG_BUF);
  buf->len = MMSG_BUF;
  mm.allocs++;
}

static void mm_recv(nd_udp_t *h, ssize_t nread, const nd_buf_t *buf,
                    const struct sockaddr *addr, unsigned flags) {
  (void)h;
  if (flags & ND_UDP_MMSG_FREE) {
    assert_int_equal(nread, 0);
    assert_null(addr);
    assert_int_equal(flags & ND_UDP_MMSG_CHUNK, 0);
    free(buf->base);
    mm.frees++;
    return;
  }
  if (nread == 0 && addr == NULL) {
    /* Nothing more: the whole buffer comes back to be freed. */
    free(buf->base);
    mm.frees++;
    return;
  }
  if (!(flags & ND_UDP_MMSG_CHUNK)) {
    mm.plain++;
    return;
  }
  if (flags != ND_UDP_MMSG_CHUNK)
    mm.bad_flags++;
  assert_non_null(addr);
  assert_true(nread > 0 && nread <= 16 && mm.chunks < MMSG_COUNT);
  memcpy(mm.got[mm.chunks], buf->base, (size_t)nread);
  mm.got_len[mm.chunks] = (size_t)nread;
  if (++mm.chunks == MMSG_COUNT)
    mm.done = 1;
}

static void test_recvmmsg(void **state) {
  nd_loop_t *loop = *state;
  struct sockaddr_in to;
  struct sockaddr *addrs[MMSG_COUNT];
  nd_buf_t one[MMSG_COUNT], *bufs[MMSG_COUNT];
  unsigned int nbufs[MMSG_COUNT];
  char text[MMSG_COUNT][16];
  watchdog_t wd;
  nd_udp_t plain;
  int i;

  memset(&mm, 0, sizeof(mm));
  assert_int_equal(nd_udp_init_ex(loop, &mm.rx, 0x1000), ND_EINVAL);
  ND_OK(nd_udp_init_ex(loop, &mm.rx, AF_INET | ND_UDP_RECVMMSG));
  ND_OK(nd_udp_init(loop, &plain));
  assert_int_equal(nd_udp_using_recvmmsg(&mm.rx), 1);
  assert_int_equal(nd_udp_using_recvmmsg(&plain), 0);
  ND_OK(nd_udp_init(loop, &mm.tx));
  to = bind_local(&mm.rx);
  bind_local(&mm.tx);

  /* All ten wait in the socket before reading starts: one batch. */
  for (i = 0; i < MMSG_COUNT; i++) {
    snprintf(text[i], sizeof(text[i]), "datagram #%d", i);
    one[i].base = text[i];
    one[i].len = strlen(text[i]);
    bufs[i] = &one[i];
    nbufs[i] = 1;
    addrs[i] = (struct sockaddr *)&to;
  }
  assert_int_equal(nd_udp_try_send2(&mm.tx, MMSG_COUNT, bufs, nbufs, addrs,
                                    0), MMSG_COUNT);
  ND_OK(nd_udp_recv_start(&mm.rx, mm_alloc, mm_recv));
  watchdog_start(loop, &wd);
  run_until(loop, &wd, &mm.done);
  assert_false(wd.expired);
  close_and_drain(loop);

  assert_int_equal(mm.chunks, MMSG_COUNT);
  for (i = 0; i < MMSG_COUNT; i++) {
    assert_int_equal(mm.got_len[i], strlen(text[i]));
    assert_memory_equal(mm.got[i], text[i], mm.got_len[i]);
  }
  assert_int_equal(mm.plain, 0);
  assert_int_equal(mm.bad_flags, 0);
  assert_int_equal(mm.allocs, mm.frees); /* every buffer came back */
  assert_true(mm.allocs >= 1 && mm.allocs <= 2);
}

/* --- truncation --------------------------------------------------------- */

static struct {
  char buf[8];
  ssize_t nread[2];
  unsigned flags[2];
  char data[2][8];
  int n;
  volatile int done;
} tr;

static void small_alloc(nd_handle_t *h, size_t suggested, nd_buf_t *buf) {
  (void)h;
  (void)suggested;
  buf->base = tr.buf;
  buf->len = sizeof(tr.buf);
}

static void tr_recv(nd_udp_t *h, ssize_t nread, const nd_buf_t *buf,
                    const struct sockaddr *addr, unsigned flags) {
  (void)h;
  if (nread == 0 && addr == NULL)
    return;
  assert_true(tr.n < 2);
  tr.nread[tr.n] = nread;
  tr.flags[tr.n] = flags;
  memcpy(tr.data[tr.n], buf->base, (size_t)nread);
  if (++tr.n == 2)
    tr.done = 1;
}

static void test_truncated_partial(void **state) {
  nd_loop_t *loop = *state;
  nd_udp_t rx, tx;
  struct sockaddr_in to;
  nd_buf_t big = {"0123456789abcdefghijklmnopqrstuvwxyz", 36};
  nd_buf_t small = {"tiny", 4};
  watchdog_t wd;

  memset(&tr, 0, sizeof(tr));
  ND_OK(nd_udp_init(loop, &rx));
  ND_OK(nd_udp_init(loop, &tx));
  to = bind_local(&rx);
  assert_int_equal(nd_udp_try_send(&tx, &big, 1, (struct sockaddr *)&to), 36);
  assert_int_equal(nd_udp_try_send(&tx, &small, 1, (struct sockaddr *)&to),
                   4);
  ND_OK(nd_udp_recv_start(&rx, small_alloc, tr_recv));
  watchdog_start(loop, &wd);
  run_until(loop, &wd, &tr.done);
  assert_false(wd.expired);
  close_and_drain(loop);

  assert_int_equal(tr.nread[0], 8);
  assert_int_equal(tr.flags[0], ND_UDP_PARTIAL);
  assert_memory_equal(tr.data[0], "01234567", 8);
  assert_int_equal(tr.nread[1], 4);
  assert_int_equal(tr.flags[1], 0);
  assert_memory_equal(tr.data[1], "tiny", 4);
}

/* --- multicast ---------------------------------------------------------- */

/*
 * The loopback interface has no multicast route here: a datagram for
 * 239.0.0.0/8 follows the default route out of eth0, while the membership
 * is on lo, so it would never come back.  Naming 127.0.0.1 as the
 * multicast interface (IP_MULTICAST_IF) sends it out of lo, where the
 * group member hears it.
 */
static struct {
  int n[2];
  char data[2][32];
  ssize_t len[2];
  uint16_t from_port[2];
  volatile int done;
} mc;

static void mc_recv(nd_udp_t *h, ssize_t nread, const nd_buf_t *buf,
                    const struct sockaddr *addr, unsigned flags) {
  int i = (int)(intptr_t)h->data;

  (void)flags;
  if (nread == 0 && addr == NULL)
    return;
  assert_true(nread > 0 && nread < 32);
  memcpy(mc.data[i], buf->base, (size_t)nread);
  mc.len[i] = nread;
  mc.from_port[i] = port_of(addr);
  mc.n[i]++;
  if (i == 0)
    mc.done = 1;
}

static void test_multicast_loopback(void **state) {
  nd_loop_t *loop = *state;
  nd_udp_t u;
  struct sockaddr_in any = ip4("0.0.0.0", 0), group;
  nd_buf_t b = {"to the group", 12};
  watchdog_t wd;
  int len = sizeof(any);

  memset(&mc, 0, sizeof(mc));
  ND_OK(nd_udp_init(loop, &u));
  u.data = (void *)(intptr_t)0;
  /* Before the socket exists there is nothing to set. */
  assert_int_equal(nd_udp_set_multicast_loop(&u, 1), ND_EBADF);
  ND_OK(nd_udp_bind(&u, (struct sockaddr *)&any, ND_UDP_REUSEADDR));
  ND_OK(nd_udp_getsockname(&u, (struct sockaddr *)&any, &len));
  group = ip4("239.255.42.1", port_of((struct sockaddr *)&any));

  assert_int_equal(nd_udp_set_membership(&u, "239.255.42.1", "127.0.0.1", 7),
                   ND_EINVAL);
  assert_int_equal(nd_udp_set_membership(&u, "not an address", NULL,
                                         ND_JOIN_GROUP), ND_EINVAL);
  ND_OK(nd_udp_set_membership(&u, "239.255.42.1", "127.0.0.1",
                              ND_JOIN_GROUP));
  ND_OK(nd_udp_set_multicast_interface(&u, "127.0.0.1"));
  assert_int_equal(nd_udp_set_multicast_interface(&u, "nonsense"),
                   ND_EINVAL);
  ND_OK(nd_udp_set_multicast_loop(&u, 1));
  assert_int_equal(getsockopt_int(sock_fd(&u), IPPROTO_IP, IP_MULTICAST_LOOP),
                   1);
  ND_OK(nd_udp_set_multicast_ttl(&u, 1));
  assert_int_equal(getsockopt_int(sock_fd(&u), IPPROTO_IP, IP_MULTICAST_TTL),
                   1);
  assert_int_equal(nd_udp_set_multicast_ttl(&u, 256), ND_EINVAL);
  assert_int_equal(nd_udp_set_multicast_ttl(&u, -1), ND_EINVAL);
  ND_OK(nd_udp_recv_start(&u, slab_alloc, mc_recv));
  assert_int_equal(nd_udp_try_send(&u, &b, 1, (struct sockaddr *)&group),
                   12);

  watchdog_start(loop, &wd);
  run_until(loop, &wd, &mc.done);
  assert_false(wd.expired);
  assert_int_equal(mc.len[0], 12);
  assert_memory_equal(mc.data[0], "to the group", 12);
  assert_int_equal(mc.from_port[0], port_of((struct sockaddr *)&any));

  /* Leaving twice: the second time it is no member. */
  ND_OK(nd_udp_set_membership(&u, "239.255.42.1", "127.0.0.1",
                              ND_LEAVE_GROUP));
  assert_int_equal(nd_udp_set_membership(&u, "239.255.42.1", "127.0.0.1",
                                         ND_LEAVE_GROUP), ND_EADDRNOTAVAIL);
  close_and_drain(loop);
  assert_int_equal(mc.n[0], 1);
}

/*
 * Source-specific membership: two sockets on one port, one joined for
 * source 127.0.0.1 (the sender's), one for 127.0.0.9.  The kernel hands a
 * multicast datagram to every member socket in one pass, so by the time the
 * first has it the second would have it too, were it let through.
 */
static void test_source_membership(void **state) {
  nd_loop_t *loop = *state;
  nd_udp_t yes, no, tx;
  struct sockaddr_in any = ip4("0.0.0.0", 0), group;
  nd_buf_t b = {"ssm", 3};
  watchdog_t wd;
  int len = sizeof(any);
  int i;

  memset(&mc, 0, sizeof(mc));
  ND_OK(nd_udp_init(loop, &yes));
  ND_OK(nd_udp_init(loop, &no));
  ND_OK(nd_udp_init_ex(loop, &tx, AF_INET));
  yes.data = (void *)(intptr_t)0;
  no.data = (void *)(intptr_t)1;
  ND_OK(nd_udp_bind(&yes, (struct sockaddr *)&any, ND_UDP_REUSEADDR));
  ND_OK(nd_udp_getsockname(&yes, (struct sockaddr *)&any, &len));
  ND_OK(nd_udp_bind(&no, (struct sockaddr *)&any, ND_UDP_REUSEADDR));
  group = ip4("232.1.2.3", port_of((struct sockaddr *)&any));

  assert_int_equal(nd_udp_set_source_membership(&yes, "232.1.2.3",
                                                "127.0.0.1", "::1",
                                                ND_JOIN_GROUP), ND_EINVAL);
  ND_OK(nd_udp_set_source_membership(&yes, "232.1.2.3", "127.0.0.1",
                                     "127.0.0.1", ND_JOIN_GROUP));
  ND_OK(nd_udp_set_source_membership(&no, "232.1.2.3", "127.0.0.1",
                                     "127.0.0.9", ND_JOIN_GROUP));
  ND_OK(nd_udp_recv_start(&yes, slab_alloc, mc_recv));
  ND_OK(nd_udp_recv_start(&no, slab_alloc, mc_recv));
  ND_OK(nd_udp_set_multicast_interface(&tx, "127.0.0.1"));
  assert_int_equal(nd_udp_try_send(&tx, &b, 1, (struct sockaddr *)&group),
                   3);

  watchdog_start(loop, &wd);
  run_until(loop, &wd, &mc.done);
  assert_false(wd.expired);
  for (i = 0; i < 3; i++)
    nd_run(loop, ND_RUN_NOWAIT);
  ND_OK(nd_udp_set_source_membership(&yes, "232.1.2.3", "127.0.0.1",
                                     "127.0.0.1", ND_LEAVE_GROUP));
  close_and_drain(loop);
  assert_int_equal(mc.n[0], 1);
  assert_memory_equal(mc.data[0], "ssm", 3);
  assert_int_equal(mc.n[1], 0);
}

/* --- options ------------------------------------------------------------ */

static void test_broadcast_option(void **state) {
  nd_loop_t *loop = *state;
  nd_udp_t u;

  ND_OK(nd_udp_init(loop, &u));
  assert_int_equal(nd_udp_set_broadcast(&u, 1), ND_EBADF);
  close_and_drain(loop);

  ND_OK(nd_udp_init_ex(loop, &u, AF_INET));
  assert_int_equal(getsockopt_int(sock_fd(&u), SOL_SOCKET, SO_BROADCAST), 0);
  ND_OK(nd_udp_set_broadcast(&u, 1));
  assert_int_equal(getsockopt_int(sock_fd(&u), SOL_SOCKET, SO_BROADCAST), 1);
  ND_OK(nd_udp_set_broadcast(&u, 0));
  assert_int_equal(getsockopt_int(sock_fd(&u), SOL_SOCKET, SO_BROADCAST), 0);
  close_and_drain(loop);
}

static void test_ttl_bounds(void **state) {
  nd_loop_t *loop = *state;
  nd_udp_t u, u6;

  ND_OK(nd_udp_init_ex(loop, &u, AF_INET));
  assert_int_equal(nd_udp_set_ttl(&u, 0), ND_EINVAL);
  assert_int_equal(nd_udp_set_ttl(&u, 256), ND_EINVAL);
  assert_int_equal(nd_udp_set_ttl(&u, -5), ND_EINVAL);
  ND_OK(nd_udp_set_ttl(&u, 1));
  assert_int_equal(getsockopt_int(sock_fd(&u), IPPROTO_IP, IP_TTL), 1);
  ND_OK(nd_udp_set_ttl(&u, 255));
  assert_int_equal(getsockopt_int(sock_fd(&u), IPPROTO_IP, IP_TTL), 255);
  ND_OK(nd_udp_set_ttl(&u, 42));
  assert_int_equal(getsockopt_int(sock_fd(&u), IPPROTO_IP, IP_TTL), 42);

  ND_OK(nd_udp_init_ex(loop, &u6, AF_INET6));
  ND_OK(nd_udp_set_ttl(&u6, 64));
  assert_int_equal(getsockopt_int(sock_fd(&u6), IPPROTO_IPV6,
                                  IPV6_UNICAST_HOPS), 64);
  ND_OK(nd_udp_set_multicast_ttl(&u6, 3));
  assert_int_equal(getsockopt_int(sock_fd(&u6), IPPROTO_IPV6,
                                  IPV6_MULTICAST_HOPS), 3);
  assert_int_equal(nd_udp_set_ttl(&u6, 256), ND_EINVAL);
  close_and_drain(loop);
}

static void test_bind_errors(void **state) {
  nd_loop_t *loop = *state;
  struct sockaddr_in a = ip4("127.0.0.1", 0), b;
  nd_udp_t u, v;
  int len = sizeof(b);

  ND_OK(nd_udp_init(loop, &u));
  ND_OK(nd_udp_init(loop, &v));
  assert_int_equal(nd_udp_bind(&u, (struct sockaddr *)&a, ND_UDP_IPV6ONLY),
                   ND_EINVAL);
  assert_int_equal(nd_udp_bind(&u, (struct sockaddr *)&a, 0x4000),
                   ND_EINVAL);
  ND_OK(nd_udp_bind(&u, (struct sockaddr *)&a, 0));
  assert_int_equal(nd_udp_bind(&u, (struct sockaddr *)&a, 0), ND_EINVAL);
  ND_OK(nd_udp_getsockname(&u, (struct sockaddr *)&b, &len));
  /* The same port again, without sharing: in use. */
  assert_int_equal(nd_udp_bind(&v, (struct sockaddr *)&b, 0),
                   ND_EADDRINUSE);
  close_and_drain(loop);

  /* Both sharing with SO_REUSEPORT: allowed. */
  ND_OK(nd_udp_init(loop, &u));
  ND_OK(nd_udp_init(loop, &v));
  ND_OK(nd_udp_bind(&u, (struct sockaddr *)&a, ND_UDP_REUSEPORT));
  len = sizeof(b);
  ND_OK(nd_udp_getsockname(&u, (struct sockaddr *)&b, &len));
  ND_OK(nd_udp_bind(&v, (struct sockaddr *)&b, ND_UDP_REUSEPORT));
  assert_int_equal(getsockopt_int(sock_fd(&v), SOL_SOCKET, SO_REUSEPORT), 1);
  close_and_drain(loop);
}

/* --- connect ------------------------------------------------------------ */

static struct {
  char data[32];
  ssize_t len;
  volatile int done;
} cn;

static void cn_recv(nd_udp_t *h, ssize_t nread, const nd_buf_t *buf,
                    const struct sockaddr *addr, unsigned flags) {
  (void)h;
  (void)flags;
  if (nread == 0 && addr == NULL)
    return;
  memcpy(cn.data, buf->base, (size_t)nread);
  cn.len = nread;
  cn.done = 1;
}

static void test_connect_disconnect(void **state) {
  nd_loop_t *loop = *state;
  nd_udp_t a, b, c;
  nd_udp_send_t req;
  struct sockaddr_in aa, ba, peer;
  nd_buf_t m = {"connected", 9};
  watchdog_t wd;
  int len;

  memset(&cn, 0, sizeof(cn));
  ND_OK(nd_udp_init(loop, &a));
  ND_OK(nd_udp_init(loop, &b));
  ND_OK(nd_udp_init(loop, &c));
  aa = bind_local(&a);
  ba = bind_local(&b);

  assert_int_equal(nd_udp_connect(&c, NULL), ND_ENOTCONN);
  len = sizeof(peer);
  assert_int_equal(nd_udp_getpeername(&c, (struct sockaddr *)&peer, &len),
                   ND_ENOTCONN);
  ND_OK(nd_udp_connect(&c, (struct sockaddr *)&aa));
  assert_int_equal(nd_udp_connect(&c, (struct sockaddr *)&ba), ND_EISCONN);
  len = sizeof(peer);
  ND_OK(nd_udp_getpeername(&c, (struct sockaddr *)&peer, &len));
  assert_int_equal(peer.sin_port, aa.sin_port);
  assert_int_equal(peer.sin_addr.s_addr, aa.sin_addr.s_addr);

  /* A connected socket sends to its peer only. */
  assert_int_equal(nd_udp_send(&req, &c, &m, 1, (struct sockaddr *)&ba, NULL),
                   ND_EISCONN);
  assert_int_equal(nd_udp_try_send(&c, &m, 1, (struct sockaddr *)&ba),
                   ND_EISCONN);
  ND_OK(nd_udp_recv_start(&a, slab_alloc, cn_recv));
  ND_OK(nd_udp_send(&req, &c, &m, 1, NULL, NULL));
  watchdog_start(loop, &wd);
  run_until(loop, &wd, &cn.done);
  assert_false(wd.expired);
  assert_int_equal(cn.len, 9);
  assert_memory_equal(cn.data, "connected", 9);

  ND_OK(nd_udp_connect(&c, NULL));
  len = sizeof(peer);
  assert_int_equal(nd_udp_getpeername(&c, (struct sockaddr *)&peer, &len),
                   ND_ENOTCONN);
  assert_int_equal(nd_udp_send(&req, &c, &m, 1, NULL, NULL),
                   ND_EDESTADDRREQ);
  assert_int_equal(nd_udp_try_send(&c, &m, 1, NULL), ND_EDESTADDRREQ);
  assert_int_equal(nd_udp_connect(&c, NULL), ND_ENOTCONN);
  /* Unconnected again, it may send anywhere. */
  assert_int_equal(nd_udp_try_send(&c, &m, 1, (struct sockaddr *)&ba), 9);
  close_and_drain(loop);
}

/* --- a full socket ------------------------------------------------------ */

/*
 * Loopback UDP never pushes back: the kernel hands each datagram to the
 * receiver (or drops it) inside sendmsg, so the sender's buffer never
 * fills.  A datagram socketpair does fill (the peer's queue is bounded),
 * and nd_udp_open takes any datagram socket, as libuv's does.
 */
static struct {
  int log[8];
  int nlog;
  int status[8];
} fl;

static void fl_send_cb(nd_udp_send_t *req, int status) {
  int i = (int)(intptr_t)req->data;

  fl.status[i] = status;
  fl.log[fl.nlog++] = i;
}

static void fl_close_cb(nd_handle_t *h) {
  (void)h;
  fl.log[fl.nlog++] = 100;
}

static int fill_socket(nd_udp_t *u, nd_buf_t *b) {
  int i, r = 0;

  for (i = 0; i < 100000; i++) {
    r = nd_udp_try_send(u, b, 1, NULL);
    if (r < 0)
      break;
    assert_int_equal(r, (int)b->len);
  }
  assert_int_equal(r, ND_EAGAIN);
  return i;
}

static void test_try_send_full_socket(void **state) {
  nd_loop_t *loop = *state;
  nd_udp_t u;
  nd_udp_send_t req;
  char chunk[512];
  nd_buf_t b = {chunk, sizeof(chunk)};
  watchdog_t wd;
  int sv[2];
  int fds = test_count_fds();
  int sent;
  ssize_t r;
  int drained = 0;

  memset(&fl, 0, sizeof(fl));
  memset(chunk, 'x', sizeof(chunk));
  assert_int_equal(socketpair(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0, sv), 0);
  ND_OK(nd_udp_init(loop, &u));
  ND_OK(nd_udp_open(&u, sv[0]));
  assert_int_equal(nd_udp_open(&u, sv[0]), ND_EBUSY);
  sent = fill_socket(&u, &b);
  assert_true(sent > 0);

  /* A queued send waits for room, and try_send may not jump it. */
  req.data = (void *)(intptr_t)0;
  ND_OK(nd_udp_send(&req, &u, &b, 1, NULL, fl_send_cb));
  assert_int_equal(u.send_queue_count, 1);
  assert_int_equal(u.send_queue_size, sizeof(chunk));
  chunk[0] = 'y';
  assert_int_equal(nd_udp_try_send(&u, &b, 1, NULL), ND_EAGAIN);
  nd_run(loop, ND_RUN_NOWAIT);
  assert_int_equal(fl.nlog, 0);

  /* Make room: the queued datagram goes out and its callback runs. */
  while ((r = recv(sv[1], chunk, sizeof(chunk), MSG_DONTWAIT)) > 0)
    drained++;
  assert_int_equal(drained, sent);
  watchdog_start(loop, &wd);
  while (fl.nlog == 0 && !wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  assert_int_equal(fl.nlog, 1);
  assert_int_equal(fl.status[0], 0);
  assert_int_equal(u.send_queue_count, 0);
  assert_int_equal(recv(sv[1], chunk, sizeof(chunk), MSG_DONTWAIT),
                   sizeof(chunk));
  close_and_drain(loop);
  close(sv[1]);
  assert_int_equal(test_count_fds(), fds);
}

static void test_close_cancels_pending_sends(void **state) {
  nd_loop_t *loop = *state;
  nd_udp_t u;
  nd_udp_send_t reqs[3];
  char chunk[512];
  nd_buf_t b = {chunk, sizeof(chunk)};
  int sv[2];
  int fds = test_count_fds();
  int i;

  memset(&fl, 0, sizeof(fl));
  memset(chunk, 'z', sizeof(chunk));
  assert_int_equal(socketpair(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0, sv), 0);
  ND_OK(nd_udp_init(loop, &u));
  ND_OK(nd_udp_open(&u, sv[0]));
  fill_socket(&u, &b);
  for (i = 0; i < 3; i++) {
    reqs[i].data = (void *)(intptr_t)i;
    ND_OK(nd_udp_send(&reqs[i], &u, &b, 1, NULL, fl_send_cb));
  }
  assert_int_equal(u.send_queue_count, 3);
  nd_close((nd_handle_t *)&u, fl_close_cb);
  assert_int_equal(fl.nlog, 0); /* nothing runs inside nd_close */
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);

  assert_int_equal(fl.nlog, 4);
  for (i = 0; i < 3; i++) {
    assert_int_equal(fl.log[i], i);
    assert_int_equal(fl.status[i], ND_ECANCELED);
  }
  assert_int_equal(fl.log[3], 100);
  close(sv[1]);
  assert_int_equal(test_count_fds(), fds);
}

/* --- try_send2 ---------------------------------------------------------- */

static struct {
  char data[4][32];
  ssize_t len[4];
  int n;
  volatile int done;
} ts;

static void ts_recv(nd_udp_t *h, ssize_t nread, const nd_buf_t *buf,
                    const struct sockaddr *addr, unsigned flags) {
  (void)h;
  (void)flags;
  if (nread == 0 && addr == NULL)
    return;
  assert_true(ts.n < 4 && nread < 32);
  memcpy(ts.data[ts.n], buf->base, (size_t)nread);
  ts.len[ts.n++] = nread;
  if (ts.n == 3)
    ts.done = 1;
}

static void test_try_send2_batch(void **state) {
  nd_loop_t *loop = *state;
  nd_udp_t rx, tx, fresh;
  struct sockaddr_in to;
  nd_buf_t d0[1] = {{"first", 5}};
  nd_buf_t d1[3] = {{"sec", 3}, {"o", 1}, {"nd", 2}};
  nd_buf_t d2[2] = {{"thi", 3}, {"rd!", 3}};
  nd_buf_t *bufs[3] = {d0, d1, d2};
  unsigned int nbufs[3] = {1, 3, 2};
  struct sockaddr *addrs[3];
  watchdog_t wd;

  memset(&ts, 0, sizeof(ts));
  ND_OK(nd_udp_init(loop, &rx));
  ND_OK(nd_udp_init(loop, &tx));
  ND_OK(nd_udp_init(loop, &fresh));
  to = bind_local(&rx);
  bind_local(&tx);
  addrs[0] = addrs[1] = addrs[2] = (struct sockaddr *)&to;

  assert_int_equal(nd_udp_try_send2(&fresh, 3, bufs, nbufs, addrs, 0),
                   ND_EBADF);
  assert_int_equal(nd_udp_try_send2(&tx, 3, bufs, nbufs, addrs, 1),
                   ND_EINVAL);
  assert_int_equal(nd_udp_try_send2(&tx, 0, bufs, nbufs, addrs, 0), 0);
  assert_int_equal(nd_udp_try_send2(&tx, 3, bufs, nbufs, addrs, 0), 3);
  ND_OK(nd_udp_recv_start(&rx, slab_alloc, ts_recv));
  watchdog_start(loop, &wd);
  run_until(loop, &wd, &ts.done);
  assert_false(wd.expired);

  assert_int_equal(ts.len[0], 5);
  assert_memory_equal(ts.data[0], "first", 5);
  assert_int_equal(ts.len[1], 6);
  assert_memory_equal(ts.data[1], "second", 6);
  assert_int_equal(ts.len[2], 6);
  assert_memory_equal(ts.data[2], "third!", 6);

  /* A wrong address stops the batch there: two of three go. */
  addrs[2] = NULL;
  assert_int_equal(nd_udp_try_send2(&tx, 3, bufs, nbufs, addrs, 0), 2);
  addrs[0] = NULL;
  assert_int_equal(nd_udp_try_send2(&tx, 3, bufs, nbufs, addrs, 0),
                   ND_EDESTADDRREQ);
  close_and_drain(loop);
}

/* --- IPv6 --------------------------------------------------------------- */

static struct {
  char data[32];
  ssize_t len;
  char from[64];
  volatile int done;
} v6;

static void v6_recv(nd_udp_t *h, ssize_t nread, const nd_buf_t *buf,
                    const struct sockaddr *addr, unsigned flags) {
  (void)h;
  (void)flags;
  if (nread == 0 && addr == NULL)
    return;
  assert_int_equal(addr->sa_family, AF_INET6);
  ND_OK(nd_ip_name(addr, v6.from, sizeof(v6.from)));
  memcpy(v6.data, buf->base, (size_t)nread);
  v6.len = nread;
  v6.done = 1;
}

static void test_ipv6_loopback(void **state) {
  nd_loop_t *loop = *state;
  nd_udp_t rx, tx;
  struct sockaddr_in6 a;
  nd_udp_send_t req;
  nd_buf_t m = {"over six", 8};
  watchdog_t wd;
  int len = sizeof(a);
  int r;

  memset(&v6, 0, sizeof(v6));
  ND_OK(nd_ip6_addr("::1", 0, &a));
  ND_OK(nd_udp_init(loop, &rx));
  ND_OK(nd_udp_init(loop, &tx));
  r = nd_udp_bind(&rx, (struct sockaddr *)&a, ND_UDP_IPV6ONLY);
  if (r == ND_EADDRNOTAVAIL || r == ND_EAFNOSUPPORT) {
    close_and_drain(loop);
    skip(); /* no IPv6 on this machine's loopback */
  }
  ND_OK(r);
  assert_int_equal(getsockopt_int(sock_fd(&rx), IPPROTO_IPV6, IPV6_V6ONLY),
                   1);
  ND_OK(nd_udp_getsockname(&rx, (struct sockaddr *)&a, &len));
  assert_int_equal(len, sizeof(a));
  ND_OK(nd_udp_recv_start(&rx, slab_alloc, v6_recv));
  ND_OK(nd_udp_send(&req, &tx, &m, 1, (struct sockaddr *)&a, NULL));
  watchdog_start(loop, &wd);
  run_until(loop, &wd, &v6.done);
  assert_false(wd.expired);
  close_and_drain(loop);
  assert_int_equal(v6.len, 8);
  assert_memory_equal(v6.data, "over six", 8);
  assert_string_equal(v6.from, "::1");
}

/* --- what the ring path adds ------------------------------------------- */

/*
 * recv_stop from inside recv_cb in the middle of a burst, then recv_start
 * again: every datagram arrives, once, in order.  On readiness the rest
 * wait in the socket; on io_uring the kernel may have handed some over
 * before the cancelled receive ended, and those are kept for the restart.
 */
#define BURST 60

static struct {
  nd_udp_t rx, tx;
  nd_timer_t restart;
  uint32_t next, dup_or_gap, stops, restarts;
  int stopped_seen_data;  /* recv_cb ran while stopped */
  volatile int done;
} bs;

static void bs_recv(nd_udp_t *h, ssize_t nread, const nd_buf_t *buf,
                    const struct sockaddr *addr, unsigned flags);

static void bs_restart(nd_timer_t *t) {
  (void)t;
  bs.restarts++;
  ND_OK(nd_udp_recv_start(&bs.rx, slab_alloc, bs_recv));
}

static void bs_recv(nd_udp_t *h, ssize_t nread, const nd_buf_t *buf,
                    const struct sockaddr *addr, unsigned flags) {
  uint32_t seq;

  assert_int_equal(flags, 0);
  if (nread == 0 && addr == NULL)
    return;
  if (!(h->udp_flags & 4u /* reading */))
    bs.stopped_seen_data++;
  assert_int_equal(nread, sizeof(seq));
  memcpy(&seq, buf->base, sizeof(seq));
  if (seq != bs.next)
    bs.dup_or_gap++;
  bs.next = seq + 1;
  if (bs.next == BURST) {
    bs.done = 1;
    return;
  }
  /* Stop every ten datagrams; a timer starts again a little later. */
  if (seq % 10 == 0) {
    bs.stops++;
    ND_OK(nd_udp_recv_stop(h));
    ND_OK(nd_timer_start(&bs.restart, bs_restart, 5, 0));
  }
}

static void test_recv_stop_start_burst(void **state) {
  nd_loop_t *loop = *state;
  struct sockaddr_in to;
  struct sockaddr *addrs[BURST];
  nd_buf_t one[BURST], *bufs[BURST];
  unsigned int nbufs[BURST];
  uint32_t seqs[BURST];
  watchdog_t wd;
  int i;

  memset(&bs, 0, sizeof(bs));
  ND_OK(nd_udp_init(loop, &bs.rx));
  ND_OK(nd_udp_init(loop, &bs.tx));
  ND_OK(nd_timer_init(loop, &bs.restart));
  to = bind_local(&bs.rx);
  bind_local(&bs.tx);
  for (i = 0; i < BURST; i++) {
    seqs[i] = (uint32_t)i;
    one[i].base = (char *)&seqs[i];
    one[i].len = sizeof(seqs[i]);
    bufs[i] = &one[i];
    nbufs[i] = 1;
    addrs[i] = (struct sockaddr *)&to;
  }
  /* The whole burst waits in the socket before receiving starts. */
  assert_int_equal(nd_udp_try_send2(&bs.tx, BURST, bufs, nbufs, addrs, 0),
                   BURST);
  ND_OK(nd_udp_recv_start(&bs.rx, slab_alloc, bs_recv));
  watchdog_start(loop, &wd);
  run_until(loop, &wd, &bs.done);
  assert_false(wd.expired);
  close_and_drain(loop);

  assert_int_equal(bs.next, BURST);
  assert_int_equal(bs.dup_or_gap, 0);
  assert_int_equal(bs.stopped_seen_data, 0);
  assert_int_equal(bs.stops, 6);
  assert_int_equal(bs.restarts, 6);
}

/*
 * A datagram larger than the io_uring loop's 16 KiB pool buffers: on
 * readiness it arrives whole in the 64 KiB buffer; on io_uring the first
 * one arrives truncated, flagged ND_UDP_PARTIAL, and the handle receives
 * by readiness from then on, so later ones arrive whole.  Either way a
 * short datagram is never passed off as whole.
 */
#define LARGE 20000

static struct {
  nd_udp_t rx, tx;
  struct sockaddr_in to;
  char payload[LARGE];
  ssize_t len[3];
  unsigned flags[3];
  int prefix_ok[3];
  int n;
  volatile int done;
} lg;

static void lg_recv(nd_udp_t *h, ssize_t nread, const nd_buf_t *buf,
                    const struct sockaddr *addr, unsigned flags) {
  (void)h;
  if (nread == 0 && addr == NULL)
    return;
  assert_true(lg.n < 3 && nread > 0);
  lg.len[lg.n] = nread;
  lg.flags[lg.n] = flags;
  lg.prefix_ok[lg.n] = memcmp(buf->base, lg.payload, (size_t)nread) == 0;
  lg.n++;
  if (lg.n == 1 || lg.n == 3)
    lg.done = 1;
}

static void test_large_datagrams(void **state) {
  nd_loop_t *loop = *state;
  nd_buf_t b;
  watchdog_t wd;
  int i;

  memset(&lg, 0, sizeof(lg));
  for (i = 0; i < LARGE; i++)
    lg.payload[i] = (char)(i * 7);
  b.base = lg.payload;
  b.len = LARGE;
  ND_OK(nd_udp_init(loop, &lg.rx));
  ND_OK(nd_udp_init(loop, &lg.tx));
  lg.to = bind_local(&lg.rx);
  ND_OK(nd_udp_recv_start(&lg.rx, slab_alloc, lg_recv));
  assert_int_equal(nd_udp_try_send(&lg.tx, &b, 1, (struct sockaddr *)&lg.to),
                   LARGE);
  watchdog_start(loop, &wd);
  run_until(loop, &wd, &lg.done);
  assert_false(wd.expired);
  /* Let a switch to readiness take effect before the next two. */
  for (i = 0; i < 5; i++)
    nd_run(loop, ND_RUN_NOWAIT);
  lg.done = 0;
  for (i = 0; i < 2; i++)
    assert_int_equal(nd_udp_try_send(&lg.tx, &b, 1,
                                     (struct sockaddr *)&lg.to), LARGE);
  run_until(loop, &wd, &lg.done);
  assert_false(wd.expired);
  close_and_drain(loop);

  assert_int_equal(lg.n, 3);
  for (i = 0; i < 3; i++)
    assert_true(lg.prefix_ok[i]);
  if (lg.flags[0] == ND_UDP_PARTIAL) {
    /* io_uring: what fitted in a pool buffer, and said so. */
    assert_true(lg.len[0] < LARGE && lg.len[0] > 16000);
  } else {
    assert_int_equal(lg.flags[0], 0);
    assert_int_equal(lg.len[0], LARGE);
  }
  for (i = 1; i < 3; i++) {
    assert_int_equal(lg.flags[i], 0);
    assert_int_equal(lg.len[i], LARGE);
  }
}

/* An unreferenced handle that receives does not keep nd_run going. */
static int unref_closed;

static void unref_close_cb(nd_handle_t *h) {
  (void)h;
  unref_closed++;
}

static void test_unref_receiving_handle(void **state) {
  nd_loop_t *loop = *state;
  nd_udp_t rx;
  uint64_t t0;

  unref_closed = 0;
  ND_OK(nd_udp_init(loop, &rx));
  bind_local(&rx);
  ND_OK(nd_udp_recv_start(&rx, slab_alloc, echo_client_recv));
  assert_true(nd_is_active((nd_handle_t *)&rx));
  nd_unref((nd_handle_t *)&rx);
  t0 = test_ms();
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_true(test_ms() - t0 < 1000);
  assert_true(nd_is_active((nd_handle_t *)&rx));
  /* Its receive may still be in the kernel: the close waits for it. */
  nd_close((nd_handle_t *)&rx, unref_close_cb);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(unref_closed, 1);
}

/*
 * nd_close while sends are in the kernel's hands (waiting for room on a
 * full socket) and one more is queued behind them: every callback runs
 * with ND_ECANCELED, in order, before the close callback.
 */
static void test_close_with_send_in_flight(void **state) {
  nd_loop_t *loop = *state;
  nd_udp_t u;
  nd_udp_send_t reqs[4];
  char chunk[512];
  nd_buf_t b = {chunk, sizeof(chunk)};
  int sv[2];
  int fds = test_count_fds();
  int i;

  memset(&fl, 0, sizeof(fl));
  memset(chunk, 'x', sizeof(chunk));
  assert_int_equal(socketpair(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0, sv), 0);
  ND_OK(nd_udp_init(loop, &u));
  ND_OK(nd_udp_open(&u, sv[0]));
  fill_socket(&u, &b);
  chunk[0] = 'w'; /* the queued ones, which must never arrive */
  for (i = 0; i < 3; i++) {
    reqs[i].data = (void *)(intptr_t)i;
    ND_OK(nd_udp_send(&reqs[i], &u, &b, 1, NULL, fl_send_cb));
  }
  /* Two turns: the sends reach the kernel (or the watcher) and wait. */
  nd_run(loop, ND_RUN_NOWAIT);
  nd_run(loop, ND_RUN_NOWAIT);
  assert_int_equal(fl.nlog, 0);
  reqs[3].data = (void *)(intptr_t)3;
  ND_OK(nd_udp_send(&reqs[3], &u, &b, 1, NULL, fl_send_cb));
  assert_int_equal(u.send_queue_count, 4);
  nd_close((nd_handle_t *)&u, fl_close_cb);
  assert_int_equal(fl.nlog, 0);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);

  assert_int_equal(fl.nlog, 5);
  for (i = 0; i < 4; i++) {
    assert_int_equal(fl.log[i], i);
    assert_int_equal(fl.status[i], ND_ECANCELED);
  }
  assert_int_equal(fl.log[4], 100);
  /* The peer saw none of them: only what fill_socket put there. */
  while (recv(sv[1], chunk, sizeof(chunk), MSG_DONTWAIT) > 0)
    assert_int_equal(chunk[0], 'x');
  close(sv[1]);
  assert_int_equal(test_count_fds(), fds);
}

/*
 * For tests/examples/strace-udp.sh: COUNT datagrams from one handle to
 * another on one loop, each send made from the previous one's callback,
 * as bench/udp_pummel does; every datagram must arrive.
 */
static struct {
  nd_udp_t tx, rx;
  nd_udp_send_t req;
  struct sockaddr_in to;
  unsigned int count, sent, received;
} pm;

static void pm_send(void);

static void pm_send_cb(nd_udp_send_t *req, int status) {
  (void)req;
  ND_OK(status);
  if (++pm.sent < pm.count)
    pm_send();
}

static void pm_send(void) {
  nd_buf_t b = {"pummel", 6};

  ND_OK(nd_udp_send(&pm.req, &pm.tx, &b, 1, (struct sockaddr *)&pm.to,
                    pm_send_cb));
}

static void pm_recv(nd_udp_t *h, ssize_t nread, const nd_buf_t *buf,
                    const struct sockaddr *addr, unsigned flags) {
  (void)buf;
  (void)flags;
  if (nread == 0 && addr == NULL)
    return;
  assert_int_equal(nread, 6);
  if (++pm.received == pm.count)
    nd_close((nd_handle_t *)h, NULL);
}

static void pummel(nd_loop_t *loop, unsigned int count) {
  memset(&pm, 0, sizeof(pm));
  pm.count = count;
  ND_OK(nd_udp_init(loop, &pm.rx));
  ND_OK(nd_udp_init(loop, &pm.tx));
  pm.to = bind_local(&pm.rx);
  bind_local(&pm.tx);
  ND_OK(nd_udp_recv_start(&pm.rx, slab_alloc, pm_recv));
  pm_send();
  while (pm.received < count)
    nd_run(loop, ND_RUN_ONCE);
  close_and_drain(loop);
  /* Loopback drops nothing at one datagram in flight. */
  assert_int_equal(pm.sent, count);
  assert_int_equal(pm.received, count);
}

/* --- descriptors -------------------------------------------------------- */

static void test_no_descriptor_leak(void **state) {
  nd_loop_t *loop = *state;
  nd_udp_t u[50];
  int fds = test_count_fds();
  int i;

  for (i = 0; i < 50; i++) {
    ND_OK(nd_udp_init_ex(loop, &u[i], i % 2 ? AF_INET6 : AF_INET));
    if (i % 3 == 0)
      ND_OK(nd_udp_recv_start(&u[i], slab_alloc, echo_client_recv));
  }
  assert_int_equal(test_count_fds(), fds + 50);
  close_and_drain(loop);
  assert_int_equal(test_count_fds(), fds);
  /* A family that is not IP makes no socket and no handle. */
  assert_int_equal(nd_udp_init_ex(loop, &u[0], AF_UNIX), ND_EINVAL);
  assert_int_equal(test_count_fds(), fds);
}

int main(int argc, char **argv) {
  const struct CMUnitTest tests[] = {
    LOOP_TEST(test_echo),
    LOOP_TEST(test_million_datagrams),
    LOOP_TEST(test_recvmmsg),
    LOOP_TEST(test_truncated_partial),
    LOOP_TEST(test_multicast_loopback),
    LOOP_TEST(test_source_membership),
    LOOP_TEST(test_broadcast_option),
    LOOP_TEST(test_ttl_bounds),
    LOOP_TEST(test_bind_errors),
    LOOP_TEST(test_connect_disconnect),
    LOOP_TEST(test_try_send_full_socket),
    LOOP_TEST(test_close_cancels_pending_sends),
    LOOP_TEST(test_try_send2_batch),
    LOOP_TEST(test_ipv6_loopback),
    LOOP_TEST(test_recv_stop_start_burst),
    LOOP_TEST(test_large_datagrams),
    LOOP_TEST(test_unref_receiving_handle),
    LOOP_TEST(test_close_with_send_in_flight),
    LOOP_TEST(test_no_descriptor_leak),
  };

  /* For tests/examples/strace-udp.sh: datagrams and nothing else. */
  if (argc == 3 && strcmp(argv[1], "--pummel") == 0) {
    nd_loop_t loop;
    ND_OK(nd_loop_init(&loop));
    pummel(&loop, (unsigned int)atoi(argv[2]));
    ND_OK(nd_loop_close(&loop));
    return 0;
  }

  return cmocka_run_group_tests(tests, NULL, NULL);
}
