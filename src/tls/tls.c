/*
 * tls.c - nd_tls_t: a TLS stream layered over any connected stream.
 *
 * The TLS stream is a handle of its own type with the stream fields, so the
 * public stream functions take it ((nd_stream_t *)tls) and send it here.
 * Below it, the transport is driven only through the public stream API
 * (loop-buffer reads, nd_write, nd_shutdown, nd_close), which is why any
 * stream, TLS included, can carry it.
 *
 * Reading: the transport reads while the handshake runs or the user reads.
 * Its bytes go to mbedTLS through the receive callback straight from the
 * loop's buffer; what mbedTLS did not take because the user stopped reading
 * is kept (at most one transport read: the transport stops with the user)
 * and given first next time.
 *
 * Writing: user requests wait on the stream's write_queue in order and are
 * encrypted a record (16 KiB) at a time while the transport has less than
 * AHEAD_LIMIT queued, so memory stays bounded whatever the user queues.
 * Records collect in a chunk of up to CHUNK_SIZE bytes that goes to the
 * transport as one nd_write.  Chunks carry sequence numbers; a request is
 * finished (its callback due) once the chunk holding its last byte was
 * written, and write_queue_size (plaintext not yet written) shrinks as
 * chunks are, which gives watermarks and drain the same meaning as on a
 * socket.
 *
 * Callbacks never run inside the call that caused them: the handshake
 * starts from the pending phase, and everything else is reported from the
 * transport's callbacks or the pending phase.  nd_close closes the
 * transport; the TLS stream's close callback comes after everything else:
 * cancelled writes, shutdown and handshake callbacks, the transport's.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <mbedtls/net_sockets.h>
#include <mbedtls/ssl_internal.h>

#include "nodec.h"
#include "net/stream-internal.h"
#include "tls-internal.h"

#define RECORD_PLAIN 16384             /* largest TLS record payload */
#define CHUNK_SIZE (64 * 1024)         /* ciphertext per transport write */
#define AHEAD_LIMIT (256 * 1024)       /* ciphertext queued on the transport */
#define TRY_WRITE_MAX (64 * 1024)      /* plaintext per nd_try_write */

enum { ST_NEW, ST_HANDSHAKE, ST_OPEN, ST_FAILED };

/* Ciphertext on its way to the transport. */
struct chunk {
  nd_write_t req;
  struct nd__tls *t;
  uint32_t seq;
  size_t plain;                  /* user bytes it completes */
  size_t len;
  size_t cap;
  unsigned char data[];
};

struct nd__tls {
  nd_tls_t *h;
  nd_stream_t *transport;
  nd_tls_config_t *config;
  nd_tls_config_t *sni_config;   /* chosen by the SNI callback, or NULL */
  mbedtls_ssl_context ssl;
  int state;
  int error;                     /* the stream is broken: this is why */
  int authmode;

  /* handshake and what it found */
  nd_tls_handshake_cb hs_cb;
  int hs_requested;
  int hs_reported;
  int resumed;
  int verify_code;
  int peer_alert;
  int sent_alert;
  int sni_refused;
  int reneg_refused;             /* the peer asked for a new handshake */
  int self_signed;               /* the peer's chain: one self-issued cert */
  int chain_len;
  char *server_name;
  char *sni_name;                /* server: what the client asked for */
  char cipher[96];
  char verify_reason[512];
  unsigned char *offer;          /* client: nd_tls_set_session's session */
  size_t offer_len;

  /* input */
  const unsigned char *in_ptr;   /* the transport's current read */
  size_t in_len;
  unsigned char *saved;          /* what mbedTLS did not take yet */
  size_t saved_off;
  size_t saved_len;
  size_t saved_cap;
  int transport_reading;
  int transport_eof;
  int transport_err;
  int io_err_hit;

  /* output */
  struct chunk *fill;            /* records waiting to go, or NULL */
  uint32_t seq;                  /* the fill chunk's sequence number */
  unsigned int inflight;         /* chunks the transport holds */
  nd_write_t *enc_req;           /* first request not wholly encrypted */
  unsigned int enc_index;
  size_t enc_off;
  nd_shutdown_t tshut;
  int notify_sent;
  int shutdown_err;              /* a shutdown that failed to start */

  /* life */
  nd__pending_t pending;
  int pending_queued;
  int closing;
  int transport_closed;
};

static void pump(struct nd__tls *t);
static void process(struct nd__tls *t);
static void schedule(struct nd__tls *t);

static inline struct nd__tls *impl_of(const nd_stream_t *s) {
  return ((const nd_tls_t *)s)->impl;
}

static int is_open_for_io(const struct nd__tls *t) {
  return !t->closing && t->state == ST_OPEN;
}

/* --- errors -------------------------------------------------------------- */

static int alert_code(int alert) {
  switch (alert) {
  case MBEDTLS_SSL_ALERT_MSG_PROTOCOL_VERSION:
    return ND_ETLS_PROTOCOL_VERSION;
  case MBEDTLS_SSL_ALERT_MSG_NO_APPLICATION_PROTOCOL:
    return ND_ETLS_NO_ALPN;
  case MBEDTLS_SSL_ALERT_MSG_UNRECOGNIZED_NAME:
    return ND_ETLS_UNRECOGNIZED_NAME;
  case MBEDTLS_SSL_ALERT_MSG_BAD_RECORD_MAC:
    return ND_ETLS_BAD_RECORD_MAC;
  case MBEDTLS_SSL_ALERT_MSG_UNEXPECTED_MESSAGE:
    return ND_ETLS_UNEXPECTED_MESSAGE;
  case MBEDTLS_SSL_ALERT_MSG_NO_RENEGOTIATION:
    return ND_ETLS_RENEGOTIATION;
  case MBEDTLS_SSL_ALERT_MSG_HANDSHAKE_FAILURE:
    return ND_ETLS_HANDSHAKE;
  default:
    return ND_ETLS_ALERT;
  }
}

/* An mbedTLS error to ours, saying what went wrong as precisely as known. */
static int map_error(struct nd__tls *t, int r) {
  int handshaking = t->state != ST_OPEN;

  if (t->io_err_hit)
    return t->transport_err;
  switch (r) {
  case MBEDTLS_ERR_SSL_CONN_EOF:
  case MBEDTLS_ERR_SSL_PEER_CLOSE_NOTIFY:
    return handshaking ? ND_ECONNRESET : ND_EOF;
  case MBEDTLS_ERR_X509_CERT_VERIFY_FAILED: {
    int code = nd__tls_verify_code(mbedtls_ssl_get_verify_result(&t->ssl),
                                   t->self_signed);
    return code != 0 ? code : ND_ETLS_CERT_INVALID;
  }
  case MBEDTLS_ERR_SSL_CA_CHAIN_REQUIRED:
    return ND_ETLS_UNKNOWN_CA; /* it trusts no CA at all */
  case MBEDTLS_ERR_SSL_NO_CIPHER_CHOSEN:
    return ND_ETLS_NO_SHARED_CIPHER;
  case MBEDTLS_ERR_SSL_BAD_HS_PROTOCOL_VERSION:
    return ND_ETLS_PROTOCOL_VERSION;
  case MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE:
    if (t->ssl.in_msg != NULL)
      t->peer_alert = t->ssl.in_msg[1];
    /* OpenSSL answers our no_renegotiation with handshake_failure. */
    if (t->reneg_refused &&
        t->peer_alert == MBEDTLS_SSL_ALERT_MSG_HANDSHAKE_FAILURE)
      return ND_ETLS_RENEGOTIATION;
    return alert_code(t->peer_alert);
  case MBEDTLS_ERR_SSL_INVALID_MAC:
    return ND_ETLS_BAD_RECORD_MAC;
  case MBEDTLS_ERR_SSL_UNEXPECTED_MESSAGE:
    return ND_ETLS_UNEXPECTED_MESSAGE;
  case MBEDTLS_ERR_SSL_NO_CLIENT_CERTIFICATE:
    return ND_ETLS_NO_PEER_CERT;
  case MBEDTLS_ERR_SSL_ALLOC_FAILED:
    return ND_ENOMEM;
  case MBEDTLS_ERR_SSL_INVALID_RECORD:
  case MBEDTLS_ERR_SSL_BAD_INPUT_DATA:
    return ND_ETLS_PROTOCOL;
  default:
    break;
  }
  if (t->sni_refused)
    return ND_ETLS_UNRECOGNIZED_NAME;
  /* The alert we sent names the reason mbedTLS's error code does not. */
  switch (t->sent_alert) {
  case MBEDTLS_SSL_ALERT_MSG_NO_APPLICATION_PROTOCOL:
  case MBEDTLS_SSL_ALERT_MSG_UNRECOGNIZED_NAME:
  case MBEDTLS_SSL_ALERT_MSG_PROTOCOL_VERSION:
    return alert_code(t->sent_alert);
  case MBEDTLS_SSL_ALERT_MSG_DECODE_ERROR:
  case MBEDTLS_SSL_ALERT_MSG_ILLEGAL_PARAMETER:
    return ND_ETLS_PROTOCOL;
  default:
    break;
  }
  /* Not a hello at all: what a peer speaking something else gets. */
  if (r == MBEDTLS_ERR_SSL_BAD_HS_CLIENT_HELLO ||
      r == MBEDTLS_ERR_SSL_BAD_HS_SERVER_HELLO)
    return ND_ETLS_PROTOCOL;
  if (r <= -0x2000 && r > -0x3000) /* MBEDTLS_ERR_X509_*: a bad certificate */
    return ND_ETLS_BAD_CERT;
  return handshaking ? ND_ETLS_HANDSHAKE : ND_ETLS_PROTOCOL;
}

/* --- the transport's side of mbedTLS ------------------------------------- */

static struct chunk *chunk_new(struct nd__tls *t, size_t need) {
  size_t cap = need > CHUNK_SIZE ? need : CHUNK_SIZE;
  struct chunk *c = malloc(sizeof(*c) + cap);

  if (c == NULL)
    return NULL;
  c->t = t;
  c->plain = 0;
  c->len = 0;
  c->cap = cap;
  return c;
}

static void chunk_done(nd_write_t *req, int status);

/* Hand the fill chunk to the transport. */
static int submit(struct nd__tls *t) {
  struct chunk *c = t->fill;
  nd_buf_t buf;
  int r;

  if (c == NULL || c->len == 0)
    return 0;
  t->fill = NULL;
  c->seq = t->seq++;
  buf.base = (char *)c->data;
  buf.len = c->len;
  r = nd_write(&c->req, t->transport, &buf, 1, chunk_done);
  if (r < 0) {
    free(c);
    return r;
  }
  t->inflight++;
  return 0;
}

static int send_cb(void *ctx, const unsigned char *buf, size_t len) {
  struct nd__tls *t = ctx;

  if (t->fill != NULL && t->fill->len + len > t->fill->cap) {
    int r = submit(t);
    if (r < 0) {
      t->io_err_hit = 1;
      t->transport_err = r;
      return MBEDTLS_ERR_NET_SEND_FAILED;
    }
  }
  if (t->fill == NULL) {
    t->fill = chunk_new(t, len);
    if (t->fill == NULL)
      return MBEDTLS_ERR_SSL_ALLOC_FAILED;
  }
  /* An alert in the clear (during the handshake): remember why we failed. */
  if (len == 7 && buf[0] == MBEDTLS_SSL_MSG_ALERT &&
      buf[5] == MBEDTLS_SSL_ALERT_LEVEL_FATAL)
    t->sent_alert = buf[6];
  memcpy(t->fill->data + t->fill->len, buf, len);
  t->fill->len += len;
  return (int)len;
}

static int recv_cb(void *ctx, unsigned char *buf, size_t len) {
  struct nd__tls *t = ctx;
  size_t n;

  if (t->saved_len > 0) {
    n = len < t->saved_len ? len : t->saved_len;
    memcpy(buf, t->saved + t->saved_off, n);
    t->saved_off += n;
    t->saved_len -= n;
    if (t->saved_len == 0)
      t->saved_off = 0;
    return (int)n;
  }
  if (t->in_len > 0) {
    n = len < t->in_len ? len : t->in_len;
    memcpy(buf, t->in_ptr, n);
    t->in_ptr += n;
    t->in_len -= n;
    return (int)n;
  }
  if (t->transport_err != 0) {
    t->io_err_hit = 1;
    return MBEDTLS_ERR_NET_RECV_FAILED;
  }
  if (t->transport_eof)
    return 0;
  return MBEDTLS_ERR_SSL_WANT_READ;
}

/* Keep what mbedTLS did not take of the transport's read. */
static int save_input(struct nd__tls *t) {
  size_t need = t->saved_len + t->in_len;

  if (t->saved_off > 0 && t->saved_len > 0)
    memmove(t->saved, t->saved + t->saved_off, t->saved_len);
  t->saved_off = 0;
  if (need > t->saved_cap) {
    unsigned char *p = realloc(t->saved, need);
    if (p == NULL)
      return ND_ENOMEM;
    t->saved = p;
    t->saved_cap = need;
  }
  memcpy(t->saved + t->saved_len, t->in_ptr, t->in_len);
  t->saved_len = need;
  t->in_len = 0;
  return 0;
}

/* --- requests and callbacks --------------------------------------------- */

static size_t bufs_size(const nd_buf_t *bufs, unsigned int nbufs) {
  size_t n = 0;
  unsigned int i;

  for (i = 0; i < nbufs; i++)
    n += bufs[i].len;
  return n;
}

static void finish_req(struct nd__tls *t, nd_write_t *req, int err) {
  nd_stream_t *s = (nd_stream_t *)t->h;

  if (req == t->enc_req) {
    nd_write_t *next = NULL;
    if (req->queue.next != &s->write_queue)
      next = nd__container_of(req->queue.next, nd_write_t, queue);
    t->enc_req = next;
    t->enc_index = 0;
    t->enc_off = 0;
  }
  req->error = err;
  nd__queue_remove(&req->queue);
  nd__queue_insert_tail(&s->write_done, &req->queue);
}

static void update_active(struct nd__tls *t) {
  nd_stream_t *s = (nd_stream_t *)t->h;

  if (t->closing)
    return;
  if ((s->stream_flags & ND__STREAM_READING) ||
      !nd__queue_empty(&s->write_queue) || s->shutdown_req != NULL ||
      (t->hs_requested && !t->hs_reported))
    nd__handle_start((nd_handle_t *)s);
  else
    nd__handle_stop((nd_handle_t *)s);
}

/* Every queued write fails with err; their callbacks wait on write_done. */
static void fail_writes(struct nd__tls *t, int err) {
  nd_stream_t *s = (nd_stream_t *)t->h;

  while (!nd__queue_empty(&s->write_queue))
    finish_req(t, nd__container_of(nd__queue_head(&s->write_queue),
                                   nd_write_t, queue),
               err);
  t->enc_req = NULL;
  s->write_queue_size = 0;
}

static void run_write_callbacks(struct nd__tls *t) {
  nd_stream_t *s = (nd_stream_t *)t->h;
  struct nd__queue done;
  nd_write_t *req;

  nd__queue_move(&s->write_done, &done);
  while (!nd__queue_empty(&done)) {
    req = nd__container_of(nd__queue_head(&done), nd_write_t, queue);
    nd__queue_remove(&req->queue);
    if (req->bufs != req->bufsml)
      free(req->bufs);
    req->bufs = NULL;
    nd__req_unregister(s->loop, (nd_req_t *)req);
    if (req->cb != NULL)
      req->cb(req, req->error);
  }
}

static void maybe_drain(struct nd__tls *t) {
  nd_stream_t *s = (nd_stream_t *)t->h;

  if (t->closing || !(s->stream_flags & ND__STREAM_NEED_DRAIN) ||
      s->write_queue_size > s->low_watermark)
    return;
  s->stream_flags &= ~ND__STREAM_NEED_DRAIN;
  if (s->drain_cb != NULL)
    s->drain_cb(s);
}

static void finish_shutdown(struct nd__tls *t, int status) {
  nd_stream_t *s = (nd_stream_t *)t->h;
  nd_shutdown_t *req = s->shutdown_req;

  if (req == NULL)
    return;
  s->shutdown_req = NULL;
  if (status == 0)
    s->stream_flags |= ND__STREAM_SHUT;
  nd__req_unregister(s->loop, (nd_req_t *)req);
  update_active(t);
  if (req->cb != NULL)
    req->cb(req, status);
}

static void report_handshake(struct nd__tls *t, int status) {
  if (!t->hs_requested || t->hs_reported)
    return;
  t->hs_reported = 1;
  update_active(t);
  if (t->hs_cb != NULL)
    t->hs_cb(t->h, status);
}

/* End reading with status (ND_EOF or an error); buf goes back to the user. */
static void read_end(struct nd__tls *t, int status, nd_buf_t *buf) {
  nd_stream_t *s = (nd_stream_t *)t->h;

  if (status == ND_EOF)
    s->stream_flags |= ND__STREAM_READ_EOF;
  s->stream_flags &= ~ND__STREAM_READING;
  update_active(t);
  s->read_cb(s, status, buf);
}

/* --- reading the transport ----------------------------------------------- */

static void transport_read(nd_stream_t *tr, ssize_t n, const nd_buf_t *buf);

static void update_transport_reading(struct nd__tls *t) {
  nd_stream_t *s = (nd_stream_t *)t->h;
  int want;
  int r;

  want = !t->closing && !t->transport_eof && t->transport_err == 0 &&
         (t->state == ST_HANDSHAKE ||
          (t->state == ST_OPEN && (s->stream_flags & ND__STREAM_READING)));
  if (want && !t->transport_reading) {
    r = nd_read_start_loopbuf(t->transport, transport_read);
    if (r == 0)
      t->transport_reading = 1;
    else if (t->transport_err == 0)
      t->transport_err = r; /* reported as a read error */
  } else if (!want && t->transport_reading) {
    nd_read_stop(t->transport);
    t->transport_reading = 0;
  }
}

static void transport_read(nd_stream_t *tr, ssize_t n, const nd_buf_t *buf) {
  struct nd__tls *t = tr->data;

  if (t->closing || n == 0)
    return;
  if (n < 0) {
    /* The transport stopped reading by itself. */
    t->transport_reading = 0;
    if (n == ND_EOF)
      t->transport_eof = 1;
    else
      t->transport_err = (int)n;
    process(t);
    return;
  }
  t->in_ptr = (const unsigned char *)buf->base;
  t->in_len = (size_t)n;
  process(t);
  if (t->in_len > 0 && !t->closing && save_input(t) != 0 &&
      t->transport_err == 0)
    t->transport_err = ND_ENOMEM;
  t->in_ptr = NULL;
  t->in_len = 0;
  if (!t->closing)
    update_transport_reading(t);
}

/* --- the handshake ------------------------------------------------------- */

static void flush_output(struct nd__tls *t);
static void tshut_cb(nd_shutdown_t *req, int status);

static void fail_handshake(struct nd__tls *t, int err) {
  nd_stream_t *s = (nd_stream_t *)t->h;
  nd_buf_t none = {NULL, 0};

  t->state = ST_FAILED;
  t->error = err;
  /* mbedTLS refuses a missing client certificate without a word. */
  if (err == ND_ETLS_NO_PEER_CERT && t->sent_alert < 0)
    (void)mbedtls_ssl_send_alert_message(
        &t->ssl, MBEDTLS_SSL_ALERT_LEVEL_FATAL,
        MBEDTLS_SSL_ALERT_MSG_HANDSHAKE_FAILURE);
  flush_output(t); /* the alert that tells the peer */
  /* Then our half ends, so a peer that heard no alert is not left
   * waiting for the rest of the handshake. */
  if (!t->notify_sent && t->transport_err == 0) {
    t->notify_sent = 1;
    (void)nd_shutdown(&t->tshut, t->transport, tshut_cb);
  }
  update_transport_reading(t);
  fail_writes(t, ND_ECANCELED);
  report_handshake(t, err);
  if (t->closing)
    return;
  if (s->stream_flags & ND__STREAM_READING)
    read_end(t, err, &none);
  if (t->closing)
    return;
  run_write_callbacks(t);
  if (t->closing)
    return;
  finish_shutdown(t, ND_ECANCELED);
}

static void set_verify_result(struct nd__tls *t) {
  const mbedtls_x509_crt *peer = mbedtls_ssl_get_peer_cert(&t->ssl);
  uint32_t flags;
  int n;

  t->verify_reason[0] = '\0';
  if (t->authmode == MBEDTLS_SSL_VERIFY_NONE) {
    t->verify_code = ND_ETLS_UNVERIFIED;
    snprintf(t->verify_reason, sizeof(t->verify_reason), "%s",
             nd_strerror(ND_ETLS_UNVERIFIED));
    return;
  }
  flags = mbedtls_ssl_get_verify_result(&t->ssl);
  if (peer == NULL)
    flags |= MBEDTLS_X509_BADCERT_MISSING;
  t->verify_code = nd__tls_verify_code(flags, t->self_signed);
  if (flags == 0)
    return;
  n = mbedtls_x509_crt_verify_info(t->verify_reason, sizeof(t->verify_reason),
                                   "", flags);
  /* One line per reason from mbedTLS: "; " between them instead. */
  if (n > 0) {
    char *p;
    while (n > 0 && t->verify_reason[n - 1] == '\n')
      t->verify_reason[--n] = '\0';
    for (p = t->verify_reason; (p = strchr(p, '\n')) != NULL;)
      *p = ';';
  }
}

static void handshake_done(struct nd__tls *t) {
  const char *suite = mbedtls_ssl_get_ciphersuite(&t->ssl);
  size_t i;

  t->state = ST_OPEN;
  set_verify_result(t);
  /* IANA spelling of the suite, as Node's standardName. */
  snprintf(t->cipher, sizeof(t->cipher), "%s", suite != NULL ? suite : "");
  for (i = 0; t->cipher[i] != '\0'; i++)
    if (t->cipher[i] == '-')
      t->cipher[i] = '_';
  if (t->config->role == ND_TLS_CLIENT)
    nd__tls_cache_store(t->config, t->server_name, &t->ssl);
  report_handshake(t, 0);
  if (t->closing)
    return;
  update_transport_reading(t);
  pump(t);
}

/* Run the handshake as far as the input allows. */
static void handshake_step(struct nd__tls *t) {
  int r = 0;

  while (t->ssl.state != MBEDTLS_SSL_HANDSHAKE_OVER) {
    /* mbedTLS 2.28 tells no one whether it resumed, and frees the
     * handshake state that knows when it ends: look before each step. */
    if (t->ssl.handshake != NULL && t->ssl.handshake->resume)
      t->resumed = 1;
    r = mbedtls_ssl_handshake_step(&t->ssl);
    if (r != 0)
      break;
  }
  flush_output(t);
  if (r == MBEDTLS_ERR_SSL_WANT_READ) {
    if (t->transport_err != 0)
      fail_handshake(t, t->transport_err);
    else if (t->transport_eof)
      fail_handshake(t, ND_ECONNRESET);
    else
      update_transport_reading(t);
    return;
  }
  if (r != 0) {
    fail_handshake(t, map_error(t, r));
    return;
  }
  handshake_done(t);
}

static int verify_cb(void *ctx, mbedtls_x509_crt *crt, int depth,
                     uint32_t *flags) {
  struct nd__tls *t = ctx;

  /* Called from the top of the chain down: depth 0 comes last.  The chain
   * is gone when verification fails, so note what the codes need now. */
  if (depth + 1 > t->chain_len)
    t->chain_len = depth + 1;
  if (depth == 0)
    t->self_signed = t->chain_len == 1 &&
                     crt->issuer_raw.len == crt->subject_raw.len &&
                     memcmp(crt->issuer_raw.p, crt->subject_raw.p,
                            crt->issuer_raw.len) == 0;
  if (depth != 0 || t->config->role != ND_TLS_CLIENT)
    return 0;
  /* Our host check replaces mbedTLS's, which knows no IP addresses. */
  *flags &= ~(uint32_t)MBEDTLS_X509_BADCERT_CN_MISMATCH;
  if (t->config->verify_host &&
      nd__x509_check_host(crt, t->server_name) != 0)
    *flags |= MBEDTLS_X509_BADCERT_CN_MISMATCH;
  return 0;
}

/* The server's SNI hook: records the name, and lets the user choose. */
int nd__tls_sni(void *arg, mbedtls_ssl_context *ssl, const unsigned char *name,
                size_t len) {
  nd_tls_config_t *c = arg;
  struct nd__tls *t = ssl->p_bio;
  nd_tls_config_t *use = NULL;
  struct nd__tls_cert *cert;
  int r;

  free(t->sni_name);
  t->sni_name = strndup((const char *)name, len);
  if (t->sni_name == NULL)
    return -1;
  if (c->sni_cb == NULL)
    return 0;
  r = c->sni_cb(t->h, t->sni_name, c->sni_arg, &use);
  if (r < 0 || (use != NULL && use->role != ND_TLS_SERVER)) {
    t->sni_refused = 1;
    return -1;
  }
  if (use == NULL || use == c)
    return 0;
  for (cert = use->certs; cert != NULL; cert = cert->next)
    if (mbedtls_ssl_set_hs_own_cert(ssl, &cert->chain, &cert->key) != 0)
      return -1;
  if (use->have_ca)
    mbedtls_ssl_set_hs_ca_chain(ssl, &use->ca, NULL);
  mbedtls_ssl_set_hs_authmode(ssl, use->verify_mode == ND_TLS_VERIFY_NONE
                                       ? MBEDTLS_SSL_VERIFY_NONE
                                   : use->verify_mode == ND_TLS_VERIFY_OPTIONAL
                                       ? MBEDTLS_SSL_VERIFY_OPTIONAL
                                       : MBEDTLS_SSL_VERIFY_REQUIRED);
  t->authmode = use->verify_mode == ND_TLS_VERIFY_NONE
                    ? MBEDTLS_SSL_VERIFY_NONE
                    : MBEDTLS_SSL_VERIFY_OPTIONAL;
  if (t->sni_config != NULL)
    nd_tls_config_unref(t->sni_config);
  t->sni_config = nd_tls_config_ref(use);
  __atomic_store_n(&use->used, 1, __ATOMIC_RELEASE);
  return 0;
}

/* --- writing ------------------------------------------------------------- */

/*
 * Requests whose last byte sits in the fill chunk wait for it.  With
 * nothing to send (empty writes, or nothing after them) they wait for the
 * last chunk in flight instead, or are done now.
 */
static void flush_output(struct nd__tls *t) {
  nd_stream_t *s = (nd_stream_t *)t->h;
  struct nd__queue *q;
  int r;

  if (t->fill != NULL && t->fill->len > 0) {
    r = submit(t);
    if (r < 0 && t->error == 0)
      t->error = r;
    return;
  }
  for (q = nd__queue_head(&s->write_queue);
       q != &s->write_queue;) {
    nd_write_t *req = nd__container_of(q, nd_write_t, queue);
    q = q->next;
    if (req == t->enc_req)
      break;
    if (req->write_index != t->seq)
      continue;
    if (t->inflight > 0) {
      req->write_index = t->seq - 1;
    } else {
      finish_req(t, req, 0);
      schedule(t);
    }
  }
}

/* Once every write is encrypted: close_notify, then the transport's half. */
static void tshut_cb(nd_shutdown_t *req, int status);

static void maybe_shutdown(struct nd__tls *t) {
  nd_stream_t *s = (nd_stream_t *)t->h;
  int r;

  if (s->shutdown_req == NULL || t->notify_sent || t->enc_req != NULL ||
      !is_open_for_io(t))
    return;
  t->notify_sent = 1;
  (void)mbedtls_ssl_close_notify(&t->ssl);
  flush_output(t);
  r = nd_shutdown(&t->tshut, t->transport, tshut_cb);
  if (r < 0) {
    t->shutdown_err = r;
    schedule(t);
  }
}

static void stream_error(struct nd__tls *t, int err) {
  if (t->error == 0)
    t->error = err;
  fail_writes(t, err);
  schedule(t);
}

/* Encrypt queued writes while the transport is not too far behind. */
static void pump(struct nd__tls *t) {
  nd_stream_t *s = (nd_stream_t *)t->h;
  nd_write_t *req;
  nd_buf_t *b;
  size_t n;
  int r;

  if (!is_open_for_io(t) || t->error != 0)
    return;
  while (t->enc_req != NULL &&
         t->transport->write_queue_size +
                 (t->fill != NULL ? t->fill->len : 0) <
             AHEAD_LIMIT) {
    req = t->enc_req;
    if (t->enc_index >= req->nbufs) {
      /* Wholly encrypted: done when the fill chunk is written. */
      req->write_index = t->seq;
      t->enc_req = req->queue.next != &s->write_queue
                       ? nd__container_of(req->queue.next,
                                          nd_write_t, queue)
                       : NULL;
      t->enc_index = 0;
      t->enc_off = 0;
      continue;
    }
    b = &req->bufs[t->enc_index];
    if (t->enc_off >= b->len) {
      t->enc_index++;
      t->enc_off = 0;
      continue;
    }
    n = b->len - t->enc_off;
    if (n > RECORD_PLAIN)
      n = RECORD_PLAIN;
    r = mbedtls_ssl_write(&t->ssl, (const unsigned char *)b->base + t->enc_off,
                          n);
    if (r < 0) {
      stream_error(t, map_error(t, r));
      return;
    }
    t->enc_off += (size_t)r;
    if (t->fill != NULL)
      t->fill->plain += (size_t)r;
  }
  flush_output(t);
  maybe_shutdown(t);
}

static void chunk_done(nd_write_t *wreq, int status) {
  struct chunk *c = nd__container_of(wreq, struct chunk, req);
  struct nd__tls *t = c->t;
  nd_stream_t *s = (nd_stream_t *)t->h;
  struct nd__queue *q;

  t->inflight--;
  if (t->closing) {
    free(c);
    if (t->inflight == 0 && t->transport_closed && !t->pending_queued)
      schedule(t); /* finalize waited for us */
    return;
  }
  if (status == 0) {
    s->write_queue_size -= c->plain < s->write_queue_size
                               ? c->plain
                               : s->write_queue_size;
    while ((q = nd__queue_head(&s->write_queue)) != &s->write_queue) {
      nd_write_t *req = nd__container_of(q, nd_write_t, queue);
      if (req == t->enc_req || (int32_t)(req->write_index - c->seq) > 0)
        break;
      finish_req(t, req, 0);
    }
  } else if (t->error == 0) {
    t->error = status;
    fail_writes(t, status);
  }
  free(c);
  run_write_callbacks(t);
  if (t->closing)
    return;
  maybe_drain(t);
  if (t->closing)
    return;
  pump(t);
  update_active(t);
}

static void tshut_cb(nd_shutdown_t *req, int status) {
  struct nd__tls *t = nd__container_of(req, struct nd__tls, tshut);

  if (t->closing)
    return; /* finalize reports the user's shutdown */
  run_write_callbacks(t);
  if (t->closing)
    return;
  finish_shutdown(t, status);
}

/* --- processing input ---------------------------------------------------- */

static int has_input(struct nd__tls *t) {
  return t->saved_len > 0 || t->in_len > 0 || t->transport_eof ||
         t->transport_err != 0 || mbedtls_ssl_get_bytes_avail(&t->ssl) > 0 ||
         mbedtls_ssl_check_pending(&t->ssl);
}

/* Decrypt for the reader while it reads and there is something to read. */
static void deliver(struct nd__tls *t) {
  nd_stream_t *s = (nd_stream_t *)t->h;
  char stackbuf[RECORD_PLAIN];
  nd_buf_t buf;
  int lent;
  int r;

  while ((s->stream_flags & ND__STREAM_READING) && is_open_for_io(t) &&
         has_input(t)) {
    lent = (s->stream_flags & ND__STREAM_LOOPBUF) != 0;
    if (lent) {
      buf.base = stackbuf;
      buf.len = sizeof(stackbuf);
    } else {
      buf.base = NULL;
      buf.len = 0;
      s->alloc_cb((nd_handle_t *)s, 65536, &buf);
      if (buf.base == NULL || buf.len == 0) {
        s->read_cb(s, ND_ENOBUFS, &buf);
        return;
      }
    }
    do
      r = mbedtls_ssl_read(&t->ssl, (unsigned char *)buf.base,
                           buf.len > INT_MAX ? INT_MAX : buf.len);
    while (r == MBEDTLS_ERR_SSL_WANT_READ &&
           (t->saved_len > 0 || t->in_len > 0));
    if (r > 0) {
      if (lent)
        buf.len = (size_t)r;
      s->read_cb(s, r, &buf);
      continue;
    }
    if (r == MBEDTLS_ERR_SSL_WANT_READ || r == MBEDTLS_ERR_SSL_WANT_WRITE) {
      /* A handshake message now is a request to renegotiate, which
       * mbedTLS refused with a warning: that goes out now. */
      if (t->ssl.in_msgtype == MBEDTLS_SSL_MSG_HANDSHAKE)
        t->reneg_refused = 1;
      flush_output(t);
      if (!lent)
        s->read_cb(s, 0, &buf);
      return;
    }
    r = r == 0 ? ND_EOF : map_error(t, r);
    if (r != ND_EOF && t->error == 0) {
      t->error = r;
      fail_writes(t, r);
      schedule(t);
    }
    flush_output(t);
    if (lent)
      buf.base = NULL, buf.len = 0;
    read_end(t, r, &buf);
    if (!t->closing)
      update_transport_reading(t);
    return;
  }
}

static void process(struct nd__tls *t) {
  if (t->closing || t->state == ST_FAILED)
    return;
  if (t->state == ST_HANDSHAKE) {
    handshake_step(t);
    if (t->closing || t->state != ST_OPEN)
      return;
  }
  if (t->state == ST_OPEN)
    deliver(t);
}

/* --- the pending phase --------------------------------------------------- */

static void finalize(struct nd__tls *t);

static void pending_cb(nd_loop_t *loop, nd__pending_t *p) {
  struct nd__tls *t = nd__container_of(p, struct nd__tls, pending);
  int err;

  (void)loop;
  t->pending_queued = 0;
  if (t->closing) {
    if (t->transport_closed && t->inflight == 0)
      finalize(t);
    return;
  }
  if (t->hs_requested && t->state == ST_NEW) {
    t->state = ST_HANDSHAKE;
    handshake_step(t);
    if (t->closing)
      return;
  }
  if (t->state == ST_OPEN)
    deliver(t);
  if (t->closing)
    return;
  run_write_callbacks(t);
  if (t->closing)
    return;
  maybe_drain(t);
  if (t->closing)
    return;
  if (t->shutdown_err != 0) {
    err = t->shutdown_err;
    t->shutdown_err = 0;
    finish_shutdown(t, err);
  }
  if (!t->closing)
    update_active(t);
}

static void schedule(struct nd__tls *t) {
  if (t->pending_queued)
    return;
  t->pending_queued = 1;
  nd__pending_add(t->h->loop, &t->pending, pending_cb);
}

/* --- the stream functions ------------------------------------------------ */

int nd__tls_read_start(nd_stream_t *s, nd_alloc_cb alloc_cb,
                       nd_read_cb read_cb) {
  struct nd__tls *t = impl_of(s);

  if (read_cb == NULL || nd_is_closing((nd_handle_t *)s) || t == NULL)
    return ND_EINVAL;
  if (!(s->stream_flags & ND__STREAM_READABLE))
    return ND_ENOTCONN;
  if (t->state == ST_FAILED)
    return t->error;
  s->alloc_cb = alloc_cb;
  s->read_cb = read_cb;
  if (alloc_cb == NULL)
    s->stream_flags |= ND__STREAM_LOOPBUF;
  else
    s->stream_flags &= ~ND__STREAM_LOOPBUF;
  s->stream_flags |= ND__STREAM_READING;
  if (t->state == ST_OPEN) {
    /* What waited while the user did not read comes from the pending
     * phase, never from inside this call. */
    if (has_input(t))
      schedule(t);
    update_transport_reading(t);
  }
  update_active(t);
  return 0;
}

int nd__tls_read_stop(nd_stream_t *s) {
  struct nd__tls *t = impl_of(s);

  s->stream_flags &= ~ND__STREAM_READING;
  if (t != NULL && !t->closing) {
    update_transport_reading(t);
    update_active(t);
  }
  return 0;
}

static int check_write(nd_stream_t *s, const nd_buf_t bufs[],
                       unsigned int nbufs, nd_stream_t *send_handle) {
  struct nd__tls *t = impl_of(s);

  if (bufs == NULL || nbufs == 0 || send_handle != NULL)
    return ND_EINVAL;
  if (t == NULL || nd_is_closing((nd_handle_t *)s))
    return ND_EBADF;
  if (!(s->stream_flags & ND__STREAM_WRITABLE))
    return ND_EPIPE;
  if (t->error != 0)
    return t->error;
  return 0;
}

int nd__tls_write(nd_write_t *req, nd_stream_t *s, const nd_buf_t bufs[],
                  unsigned int nbufs, nd_stream_t *send_handle,
                  nd_write_cb cb) {
  struct nd__tls *t = impl_of(s);
  int err;

  if (req == NULL)
    return ND_EINVAL;
  err = check_write(s, bufs, nbufs, send_handle);
  if (err != 0)
    return err;
  req->type = ND_WRITE;
  req->cb = cb;
  req->handle = s;
  req->send_handle = NULL;
  req->error = 0;
  req->write_index = 0;
  req->nbufs = nbufs;
  req->bufs = req->bufsml;
  if (nbufs > ND__WRITE_SMALL_BUFS) {
    req->bufs = malloc(nbufs * sizeof(*bufs));
    if (req->bufs == NULL)
      return ND_ENOMEM;
  }
  memcpy(req->bufs, bufs, nbufs * sizeof(*bufs));
  nd__req_register(s->loop, (nd_req_t *)req, ND_WRITE);
  nd__queue_insert_tail(&s->write_queue, &req->queue);
  s->write_queue_size += bufs_size(bufs, nbufs);
  if (t->enc_req == NULL) {
    t->enc_req = req;
    t->enc_index = 0;
    t->enc_off = 0;
  }
  pump(t);
  update_active(t);
  if (s->write_queue_size >= s->high_watermark) {
    s->stream_flags |= ND__STREAM_NEED_DRAIN;
    return ND_STREAM_PRESSURE;
  }
  return 0;
}

/*
 * Encrypt what fits now and offer it to the transport.  Ciphertext cannot
 * be taken back, so what the transport does not take at once is queued on
 * it: the plaintext counts as written either way.
 */
int nd__tls_try_write(nd_stream_t *s, const nd_buf_t bufs[],
                      unsigned int nbufs, nd_stream_t *send_handle) {
  struct nd__tls *t = impl_of(s);
  size_t total = 0;
  unsigned int i;
  nd_buf_t out;
  int err;
  int r;

  err = check_write(s, bufs, nbufs, send_handle);
  if (err != 0)
    return err;
  if (t->state != ST_OPEN || !nd__queue_empty(&s->write_queue) ||
      (t->fill != NULL && t->fill->len > 0) ||
      t->transport->write_queue_size > 0)
    return ND_EAGAIN;
  for (i = 0; i < nbufs && total < TRY_WRITE_MAX; i++) {
    size_t off = 0;
    while (off < bufs[i].len && total < TRY_WRITE_MAX) {
      size_t n = bufs[i].len - off;
      if (n > RECORD_PLAIN)
        n = RECORD_PLAIN;
      if (n > TRY_WRITE_MAX - total)
        n = TRY_WRITE_MAX - total;
      r = mbedtls_ssl_write(&t->ssl, (const unsigned char *)bufs[i].base + off,
                            n);
      if (r < 0) {
        err = map_error(t, r);
        stream_error(t, err);
        return total > 0 ? (int)total : err;
      }
      off += (size_t)r;
      total += (size_t)r;
    }
  }
  if (total == 0)
    return 0;
  if (t->fill != NULL && t->fill->len > 0) {
    t->fill->plain = 0; /* never counted in write_queue_size */
    out.base = (char *)t->fill->data;
    out.len = t->fill->len;
    r = nd_try_write(t->transport, &out, 1);
    if (r > 0) {
      memmove(t->fill->data, t->fill->data + r, t->fill->len - (size_t)r);
      t->fill->len -= (size_t)r;
    }
    if (t->fill->len == 0) {
      free(t->fill);
      t->fill = NULL;
    } else {
      r = submit(t);
      if (r < 0) {
        stream_error(t, r);
        return r;
      }
    }
  }
  return total > INT_MAX ? INT_MAX : (int)total;
}

int nd__tls_shutdown(nd_shutdown_t *req, nd_stream_t *s, nd_shutdown_cb cb) {
  struct nd__tls *t = impl_of(s);

  if (t == NULL || nd_is_closing((nd_handle_t *)s))
    return ND_ENOTCONN;
  if (!(s->stream_flags & ND__STREAM_WRITABLE) ||
      (s->stream_flags & ND__STREAM_SHUTTING) || t->state == ST_FAILED)
    return ND_ENOTCONN;
  req->handle = s;
  req->cb = cb;
  nd__req_register(s->loop, (nd_req_t *)req, ND_SHUTDOWN);
  s->shutdown_req = req;
  s->stream_flags |= ND__STREAM_SHUTTING;
  s->stream_flags &= ~ND__STREAM_WRITABLE;
  if (t->error != 0) {
    t->shutdown_err = t->error;
    schedule(t);
  } else {
    pump(t); /* sends close_notify now if nothing waits */
  }
  update_active(t);
  return 0;
}

/* --- closing ------------------------------------------------------------- */

static void finalize(struct nd__tls *t) {
  nd_tls_t *h = t->h;
  nd_stream_t *s = (nd_stream_t *)h;

  run_write_callbacks(t);
  if (s->shutdown_req != NULL) {
    nd_shutdown_t *req = s->shutdown_req;
    s->shutdown_req = NULL;
    nd__req_unregister(s->loop, (nd_req_t *)req);
    if (req->cb != NULL)
      req->cb(req, ND_ECANCELED);
  }
  if (t->hs_requested && !t->hs_reported) {
    t->hs_reported = 1;
    if (t->hs_cb != NULL)
      t->hs_cb(h, ND_ECANCELED);
  }
  mbedtls_ssl_free(&t->ssl);
  nd_tls_config_unref(t->config);
  nd_tls_config_unref(t->sni_config);
  free(t->saved);
  free(t->fill);
  free(t->server_name);
  free(t->sni_name);
  free(t->offer);
  free(t);
  h->impl = NULL;
  nd__handle_close_release((nd_handle_t *)h);
}

static void transport_closed(nd_handle_t *tr) {
  struct nd__tls *t = tr->data;

  t->transport_closed = 1;
  if (!t->pending_queued && t->inflight == 0)
    finalize(t);
}

/* nd_close, through nd__stream_close. */
void nd__tls_close(nd_handle_t *hd) {
  nd_stream_t *s = (nd_stream_t *)hd;
  struct nd__tls *t = impl_of(s);

  nd__stream_pipe_closed(s);
  s->stream_flags &= ~(ND__STREAM_READING | ND__STREAM_READABLE |
                       ND__STREAM_WRITABLE);
  if (t == NULL)
    return;
  t->closing = 1;
  fail_writes(t, ND_ECANCELED);
  free(t->fill);
  t->fill = NULL;
  nd__handle_close_hold(hd);
  if (!nd_is_closing((nd_handle_t *)t->transport)) {
    nd_close((nd_handle_t *)t->transport, transport_closed);
  } else {
    /* Closed by its owner against the rules: it will not tell us when. */
    t->transport_closed = 1;
    schedule(t);
  }
}

/* --- setting up ---------------------------------------------------------- */

int nd_tls_init(nd_loop_t *loop, nd_tls_t *tls, nd_tls_config_t *config,
                nd_stream_t *transport) {
  struct nd__tls *t;
  nd_stream_t *s = (nd_stream_t *)tls;

  if (loop == NULL || tls == NULL || config == NULL || transport == NULL ||
      transport->loop != loop || (nd_stream_t *)tls == transport)
    return ND_EINVAL;
  if (nd_is_closing((nd_handle_t *)transport) || !nd_is_readable(transport) ||
      !nd_is_writable(transport))
    return ND_ENOTCONN;
  t = calloc(1, sizeof(*t));
  if (t == NULL)
    return ND_ENOMEM;
  mbedtls_ssl_init(&t->ssl);
  __atomic_store_n(&config->used, 1, __ATOMIC_RELEASE);
  if (mbedtls_ssl_setup(&t->ssl, &config->conf) != 0) {
    mbedtls_ssl_free(&t->ssl);
    free(t);
    return ND_ENOMEM;
  }
  nd__stream_init(loop, s, ND_TLS);
  t->h = tls;
  t->transport = transport;
  t->config = nd_tls_config_ref(config);
  t->authmode = config->verify_mode == ND_TLS_VERIFY_NONE
                    ? MBEDTLS_SSL_VERIFY_NONE
                    : MBEDTLS_SSL_VERIFY_OPTIONAL;
  t->peer_alert = -1;
  t->sent_alert = -1;
  t->verify_code = ND_ENOTCONN;
  mbedtls_ssl_set_bio(&t->ssl, t, send_cb, recv_cb, NULL);
  mbedtls_ssl_set_verify(&t->ssl, verify_cb, t);
  tls->impl = t;
  transport->data = t;
  s->stream_flags |= ND__STREAM_READABLE | ND__STREAM_WRITABLE;
  return 0;
}

int nd_tls_set_server_name(nd_tls_t *tls, const char *name) {
  struct nd__tls *t;
  char *copy;

  if (tls == NULL || (t = tls->impl) == NULL || name == NULL ||
      name[0] == '\0')
    return ND_EINVAL;
  if (t->config->role != ND_TLS_CLIENT)
    return ND_EINVAL;
  if (t->hs_requested)
    return ND_EBUSY;
  copy = strdup(name);
  if (copy == NULL)
    return ND_ENOMEM;
  /* SNI carries host names only (RFC 6066 3). */
  if (!nd__tls_is_ip(name) && mbedtls_ssl_set_hostname(&t->ssl, name) != 0) {
    free(copy);
    return ND_EINVAL;
  }
  free(t->server_name);
  t->server_name = copy;
  return 0;
}

int nd_tls_set_session(nd_tls_t *tls, const void *data, size_t len) {
  struct nd__tls *t;
  mbedtls_ssl_session session;
  int r;

  if (tls == NULL || (t = tls->impl) == NULL || data == NULL || len == 0)
    return ND_EINVAL;
  if (t->config->role != ND_TLS_CLIENT)
    return ND_EINVAL;
  if (t->hs_requested)
    return ND_EBUSY;
  mbedtls_ssl_session_init(&session);
  r = mbedtls_ssl_session_load(&session, data, len);
  if (r == 0)
    r = mbedtls_ssl_set_session(&t->ssl, &session);
  mbedtls_ssl_session_free(&session);
  if (r != 0)
    return r == MBEDTLS_ERR_SSL_ALLOC_FAILED ? ND_ENOMEM : ND_EINVAL;
  t->offer_len = len; /* the configuration's cache is not asked */
  return 0;
}

int nd_tls_handshake(nd_tls_t *tls, nd_tls_handshake_cb cb) {
  struct nd__tls *t;

  if (tls == NULL || (t = tls->impl) == NULL ||
      nd_is_closing((nd_handle_t *)tls))
    return ND_EINVAL;
  if (t->hs_requested)
    return ND_EALREADY;
  if (t->config->role == ND_TLS_CLIENT && t->offer_len == 0)
    (void)nd__tls_cache_lookup(t->config, t->server_name, &t->ssl);
  t->hs_cb = cb;
  t->hs_requested = 1;
  schedule(t);
  update_active(t);
  return 0;
}

/* --- getters ------------------------------------------------------------- */

nd_stream_t *nd_tls_get_transport(const nd_tls_t *tls) {
  return tls != NULL && tls->impl != NULL ? tls->impl->transport : NULL;
}

int nd_tls_is_server(const nd_tls_t *tls) {
  return tls != NULL && tls->impl != NULL &&
         tls->impl->config->role == ND_TLS_SERVER;
}

int nd_tls_is_established(const nd_tls_t *tls) {
  return tls != NULL && tls->impl != NULL && tls->impl->state == ST_OPEN;
}

const char *nd_tls_get_version(const nd_tls_t *tls) {
  if (!nd_tls_is_established(tls))
    return NULL;
  return mbedtls_ssl_get_version(&tls->impl->ssl);
}

const char *nd_tls_get_cipher(const nd_tls_t *tls) {
  if (!nd_tls_is_established(tls))
    return NULL;
  return tls->impl->cipher;
}

const char *nd_tls_get_alpn(const nd_tls_t *tls) {
  if (!nd_tls_is_established(tls))
    return NULL;
  return mbedtls_ssl_get_alpn_protocol(&tls->impl->ssl);
}

const char *nd_tls_get_server_name(const nd_tls_t *tls) {
  if (tls == NULL || tls->impl == NULL)
    return NULL;
  return tls->impl->config->role == ND_TLS_CLIENT ? tls->impl->server_name
                                                  : tls->impl->sni_name;
}

int nd_tls_is_resumed(const nd_tls_t *tls) {
  return nd_tls_is_established(tls) && tls->impl->resumed;
}

const nd_x509_t *nd_tls_get_peer_cert(const nd_tls_t *tls) {
  const mbedtls_x509_crt *crt;

  if (tls == NULL || tls->impl == NULL || tls->impl->state == ST_NEW)
    return NULL;
  crt = mbedtls_ssl_get_peer_cert(&tls->impl->ssl);
  return crt != NULL && crt->raw.p != NULL ? nd__x509_of(crt) : NULL;
}

int nd_tls_get_verify_result(const nd_tls_t *tls) {
  if (!nd_tls_is_established(tls))
    return ND_ENOTCONN;
  return tls->impl->verify_code;
}

const char *nd_tls_get_verify_reason(const nd_tls_t *tls) {
  if (!nd_tls_is_established(tls))
    return "";
  return tls->impl->verify_reason;
}

int nd_tls_get_peer_alert(const nd_tls_t *tls) {
  return tls != NULL && tls->impl != NULL ? tls->impl->peer_alert : -1;
}

int nd_tls_get_session(const nd_tls_t *tls, void *buf, size_t size) {
  mbedtls_ssl_session session;
  size_t olen = 0;
  int r;

  if (!nd_tls_is_established(tls) || (buf == NULL && size != 0))
    return tls == NULL ? ND_EINVAL : ND_ENOTCONN;
  mbedtls_ssl_session_init(&session);
  r = mbedtls_ssl_get_session(&tls->impl->ssl, &session);
  if (r == 0)
    r = mbedtls_ssl_session_save(&session, buf, size, &olen);
  mbedtls_ssl_session_free(&session);
  if (r == MBEDTLS_ERR_SSL_BUFFER_TOO_SMALL)
    return buf == NULL && olen <= INT_MAX ? (int)olen : ND_ENOBUFS;
  if (r != 0)
    return ND_EINVAL;
  return olen > INT_MAX ? ND_ENOBUFS : (int)olen;
}
