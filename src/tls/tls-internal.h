/*
 * tls-internal.h - what tls-config.c, tls.c and x509.c share: the layout of
 * a configuration and the helpers between them.
 */
#ifndef ND_TLS_INTERNAL_H
#define ND_TLS_INTERNAL_H

#include <pthread.h>
#include <time.h>

#include <mbedtls/ssl.h>
#include <mbedtls/ssl_cache.h>
#include <mbedtls/ssl_ticket.h>
#include <mbedtls/x509_crt.h>

#include "loop/internal.h"

/* nd_x509_t is an mbedTLS certificate (chain): one cast either way. */
struct nd_x509_s {
  mbedtls_x509_crt crt;
};

static inline const nd_x509_t *nd__x509_of(const mbedtls_x509_crt *crt) {
  return (const nd_x509_t *)(const void *)crt;
}

/* One certificate chain and its key; listed, since mbedTLS keeps pointers. */
struct nd__tls_cert {
  struct nd__tls_cert *next;
  mbedtls_x509_crt chain;
  mbedtls_pk_context key;
};

/* A client's remembered session, for the next handshake with that name. */
struct nd__tls_cached_session {
  char *name;
  time_t stored;
  mbedtls_ssl_session session;
};

struct nd_tls_config_s {
  int refs;                    /* atomic */
  int used;                    /* a stream uses it: settings are fixed */
  nd_tls_role role;
  nd_tls_verify_mode verify_mode;
  int verify_host;
  mbedtls_ssl_config conf;
  mbedtls_x509_crt ca;
  int have_ca;
  struct nd__tls_cert *certs;
  int *ciphers;                /* 0-terminated, or NULL for the defaults */
  char **alpn;                 /* NULL-terminated copies, or NULL */
  /* Server: ticket keys and the session-ID cache. */
  mbedtls_ssl_ticket_context ticket;
  int ticket_ready;
  mbedtls_ssl_cache_context cache;
  /* Client: sessions by server name, under lock (streams of any thread). */
  pthread_mutex_t lock;
  struct nd__tls_cached_session *sessions;
  size_t session_entries;      /* 0: no cache */
  unsigned int session_timeout;
  nd_tls_sni_cb sni_cb;
  void *sni_arg;
};

/* Kernel random bytes in mbedTLS's f_rng shape. */
int nd__tls_rng(void *ctx, unsigned char *out, size_t len);

/* The client cache: offer a remembered session / remember this one. */
int nd__tls_cache_lookup(nd_tls_config_t *config, const char *name,
                         mbedtls_ssl_context *ssl);
void nd__tls_cache_store(nd_tls_config_t *config, const char *name,
                         const mbedtls_ssl_context *ssl);

/*
 * mbedTLS verification flags -> the ND_ETLS_* code of the first reason;
 * self_signed: the chain was one self-issued certificate.
 */
int nd__tls_verify_code(uint32_t flags, int self_signed);

/* x509.c: a host-name check usable on a bare mbedTLS certificate. */
int nd__x509_check_host(const mbedtls_x509_crt *crt, const char *host);

/* tls.c: the server's SNI hook, set on every server configuration. */
int nd__tls_sni(void *arg, mbedtls_ssl_context *ssl, const unsigned char *name,
                size_t len);

/* Is name an IPv4 or IPv6 literal (no SNI for those)? */
int nd__tls_is_ip(const char *name);

#endif
