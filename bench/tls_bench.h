/*
 * tls_bench.h - what the TLS benchmarks (tls_pump, tls_handshake) share:
 * credentials made in the process, and the plain mbedTLS side.
 *
 * libuv has no TLS, so a TLS benchmark's "libuv" build is the yardstick
 * instead: the same work done with mbedTLS alone, the way its ssl_client2 /
 * ssl_server2 programs do it, on blocking sockets with a thread per end
 * (it says impl=mbedtls, and run.sh takes that as the baseline).  The
 * libnodec build does the work with nd_tls_t streams on one loop.  Both
 * builds use the same mbedTLS (Debian's 2.28, AES-NI), the same
 * credentials and the same cipher suite, so the difference is what the
 * stream layer costs.
 *
 * Credentials: a CA (ECDSA P-256, self-signed) and a server certificate
 * for "localhost" (ECDSA P-256, subjectAltName DNS:localhost) signed by it,
 * both made at start-up with mbedTLS's own key generation and certificate
 * writer, in PEM.  Nothing is read from disk and nothing needs openssl.
 * The client trusts the CA and checks the host name, as a real client
 * does; the chain costs the same on both sides.
 */
#ifndef TLS_BENCH_H
#define TLS_BENCH_H

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

#include <mbedtls/ctr_drbg.h>
#include <mbedtls/ecp.h>
#include <mbedtls/entropy.h>
#include <mbedtls/error.h>
#include <mbedtls/net_sockets.h>
#include <mbedtls/oid.h>
#include <mbedtls/pk.h>
#include <mbedtls/ssl.h>
#include <mbedtls/ssl_cache.h>
#include <mbedtls/ssl_ticket.h>
#include <mbedtls/x509_crt.h>

#include "bench.h"

#define TLS_BENCH_HOST "localhost"
#define TLS_BENCH_PEM_MAX 4096

/* The PEM texts both builds load. */
struct tls_bench_creds {
  char ca_cert[TLS_BENCH_PEM_MAX];
  char server_cert[TLS_BENCH_PEM_MAX];
  char server_key[TLS_BENCH_PEM_MAX];
};

/* Aborts with mbedTLS's description of a negative return. */
static inline void tls_bench_mbed_check(int rc, const char *what) {
  char msg[160];

  if (rc >= 0)
    return;
  mbedtls_strerror(rc, msg, sizeof(msg));
  bench_fatal("%s: %s (-0x%04x)", what, msg, (unsigned int)-rc);
}

/* A random generator seeded from the kernel, one per thread that uses it. */
struct tls_bench_rng {
  mbedtls_entropy_context entropy;
  mbedtls_ctr_drbg_context drbg;
};

static inline void tls_bench_rng_init(struct tls_bench_rng *rng,
                                      const char *who) {
  mbedtls_entropy_init(&rng->entropy);
  mbedtls_ctr_drbg_init(&rng->drbg);
  tls_bench_mbed_check(mbedtls_ctr_drbg_seed(&rng->drbg, mbedtls_entropy_func,
                                             &rng->entropy,
                                             (const unsigned char *)who,
                                             strlen(who)),
                       "mbedtls_ctr_drbg_seed");
}

static inline void tls_bench_rng_free(struct tls_bench_rng *rng) {
  mbedtls_ctr_drbg_free(&rng->drbg);
  mbedtls_entropy_free(&rng->entropy);
}

static inline void tls_bench_gen_key(mbedtls_pk_context *pk,
                                     struct tls_bench_rng *rng) {
  mbedtls_pk_init(pk);
  tls_bench_mbed_check(
      mbedtls_pk_setup(pk, mbedtls_pk_info_from_type(MBEDTLS_PK_ECKEY)),
      "mbedtls_pk_setup");
  tls_bench_mbed_check(mbedtls_ecp_gen_key(MBEDTLS_ECP_DP_SECP256R1,
                                           mbedtls_pk_ec(*pk),
                                           mbedtls_ctr_drbg_random,
                                           &rng->drbg),
                       "mbedtls_ecp_gen_key");
}

/*
 * Writes a certificate for subject_key, signed by issuer_key, as PEM into
 * out.  A CA gets basicConstraints CA:TRUE; a leaf gets the host name as
 * its only subjectAltName (mbedTLS 2.28's writer has no SAN call, so the
 * extension is given as DER: GeneralNames { dNSName "localhost" }).
 */
static inline void tls_bench_write_cert(char *out, mbedtls_pk_context *subject_key,
                                        const char *subject,
                                        mbedtls_pk_context *issuer_key,
                                        const char *issuer, int is_ca,
                                        int serial_no,
                                        struct tls_bench_rng *rng) {
  mbedtls_x509write_cert crt;
  mbedtls_mpi serial;
  unsigned char san[2 + 2 + sizeof(TLS_BENCH_HOST) - 1];
  size_t hostlen = sizeof(TLS_BENCH_HOST) - 1;

  mbedtls_x509write_crt_init(&crt);
  mbedtls_mpi_init(&serial);
  tls_bench_mbed_check(mbedtls_mpi_lset(&serial, serial_no), "mpi_lset");
  mbedtls_x509write_crt_set_version(&crt, MBEDTLS_X509_CRT_VERSION_3);
  mbedtls_x509write_crt_set_md_alg(&crt, MBEDTLS_MD_SHA256);
  mbedtls_x509write_crt_set_subject_key(&crt, subject_key);
  mbedtls_x509write_crt_set_issuer_key(&crt, issuer_key);
  tls_bench_mbed_check(mbedtls_x509write_crt_set_subject_name(&crt, subject),
                       "set_subject_name");
  tls_bench_mbed_check(mbedtls_x509write_crt_set_issuer_name(&crt, issuer),
                       "set_issuer_name");
  tls_bench_mbed_check(mbedtls_x509write_crt_set_serial(&crt, &serial),
                       "set_serial");
  tls_bench_mbed_check(mbedtls_x509write_crt_set_validity(
                           &crt, "20240101000000", "20491231235959"),
                       "set_validity");
  tls_bench_mbed_check(mbedtls_x509write_crt_set_basic_constraints(
                           &crt, is_ca, is_ca ? 0 : -1),
                       "set_basic_constraints");
  if (is_ca) {
    tls_bench_mbed_check(mbedtls_x509write_crt_set_key_usage(
                             &crt, MBEDTLS_X509_KU_KEY_CERT_SIGN),
                         "set_key_usage");
  } else {
    san[0] = 0x30; /* SEQUENCE */
    san[1] = (unsigned char)(2 + hostlen);
    san[2] = 0x82; /* [2] dNSName */
    san[3] = (unsigned char)hostlen;
    memcpy(san + 4, TLS_BENCH_HOST, hostlen);
    tls_bench_mbed_check(mbedtls_x509write_crt_set_extension(
                             &crt, MBEDTLS_OID_SUBJECT_ALT_NAME,
                             MBEDTLS_OID_SIZE(MBEDTLS_OID_SUBJECT_ALT_NAME), 0,
                             san, 4 + hostlen),
                         "set_extension(subjectAltName)");
  }
  tls_bench_mbed_check(mbedtls_x509write_crt_pem(&crt, (unsigned char *)out,
                                                 TLS_BENCH_PEM_MAX,
                                                 mbedtls_ctr_drbg_random,
                                                 &rng->drbg),
                       "mbedtls_x509write_crt_pem");
  mbedtls_mpi_free(&serial);
  mbedtls_x509write_crt_free(&crt);
}

/* Makes a CA and a "localhost" server certificate it signed. */
static inline void tls_bench_make_creds(struct tls_bench_creds *creds) {
  struct tls_bench_rng rng;
  mbedtls_pk_context ca_key, server_key;

  tls_bench_rng_init(&rng, "tls_bench creds");
  tls_bench_gen_key(&ca_key, &rng);
  tls_bench_gen_key(&server_key, &rng);
  tls_bench_write_cert(creds->ca_cert, &ca_key, "CN=nodec bench CA", &ca_key,
                       "CN=nodec bench CA", 1, 1, &rng);
  tls_bench_write_cert(creds->server_cert, &server_key, "CN=" TLS_BENCH_HOST,
                       &ca_key, "CN=nodec bench CA", 0, 2, &rng);
  tls_bench_mbed_check(mbedtls_pk_write_key_pem(
                           &server_key, (unsigned char *)creds->server_key,
                           sizeof(creds->server_key)),
                       "mbedtls_pk_write_key_pem");
  mbedtls_pk_free(&server_key);
  mbedtls_pk_free(&ca_key);
  tls_bench_rng_free(&rng);
}

/* The one cipher suite both builds are held to (TLS 1.2, AES-128-GCM). */
static const int tls_bench_suites[] = {
  MBEDTLS_TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, 0
};

/* A listening socket on 127.0.0.1 and a free port; returns the fd. */
static inline int tls_bench_listen(int *port) {
  struct sockaddr_in addr;
  socklen_t len = sizeof(addr);
  int fd, one = 1;

  fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0)
    bench_fatal("socket: %s", strerror(errno));
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
  memset(&addr, 0, sizeof(addr));
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(fd, (struct sockaddr *)&addr, sizeof(addr)) != 0 ||
      listen(fd, 512) != 0 ||
      getsockname(fd, (struct sockaddr *)&addr, &len) != 0)
    bench_fatal("bind/listen on 127.0.0.1: %s", strerror(errno));
  *port = ntohs(addr.sin_port);
  return fd;
}

/* A blocking TCP connection to 127.0.0.1:port, Nagle off. */
static inline int tls_bench_connect(int port) {
  struct sockaddr_in addr;
  int fd, one = 1;

  fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0)
    bench_fatal("socket: %s", strerror(errno));
  memset(&addr, 0, sizeof(addr));
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons((uint16_t)port);
  if (connect(fd, (struct sockaddr *)&addr, sizeof(addr)) != 0)
    bench_fatal("connect to 127.0.0.1:%d: %s", port, strerror(errno));
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
  return fd;
}

/*
 * The plain mbedTLS configurations: a server with the certificate, its key
 * and (for resumption) session tickets, and a client that requires a
 * certificate chaining to the CA.  Each end has its own random generator,
 * because each runs on its own thread.
 */
struct tls_bench_plain_server {
  struct tls_bench_rng rng;
  mbedtls_x509_crt cert;
  mbedtls_pk_context key;
  mbedtls_ssl_ticket_context tickets;
  mbedtls_ssl_config conf;
};

struct tls_bench_plain_client {
  struct tls_bench_rng rng;
  mbedtls_x509_crt ca;
  mbedtls_ssl_config conf;
};

static inline void tls_bench_plain_server_init(
    struct tls_bench_plain_server *s, const struct tls_bench_creds *creds) {
  tls_bench_rng_init(&s->rng, "tls_bench server");
  mbedtls_x509_crt_init(&s->cert);
  mbedtls_pk_init(&s->key);
  mbedtls_ssl_ticket_init(&s->tickets);
  mbedtls_ssl_config_init(&s->conf);
  tls_bench_mbed_check(
      mbedtls_x509_crt_parse(&s->cert, (const unsigned char *)creds->server_cert,
                             strlen(creds->server_cert) + 1),
      "parse server certificate");
  tls_bench_mbed_check(
      mbedtls_pk_parse_key(&s->key, (const unsigned char *)creds->server_key,
                           strlen(creds->server_key) + 1, NULL, 0),
      "parse server key");
  tls_bench_mbed_check(mbedtls_ssl_config_defaults(&s->conf,
                                                   MBEDTLS_SSL_IS_SERVER,
                                                   MBEDTLS_SSL_TRANSPORT_STREAM,
                                                   MBEDTLS_SSL_PRESET_DEFAULT),
                       "mbedtls_ssl_config_defaults");
  mbedtls_ssl_conf_rng(&s->conf, mbedtls_ctr_drbg_random, &s->rng.drbg);
  mbedtls_ssl_conf_ciphersuites(&s->conf, tls_bench_suites);
  mbedtls_ssl_conf_min_version(&s->conf, MBEDTLS_SSL_MAJOR_VERSION_3,
                               MBEDTLS_SSL_MINOR_VERSION_3);
  tls_bench_mbed_check(mbedtls_ssl_conf_own_cert(&s->conf, &s->cert, &s->key),
                       "mbedtls_ssl_conf_own_cert");
  tls_bench_mbed_check(mbedtls_ssl_ticket_setup(&s->tickets,
                                                mbedtls_ctr_drbg_random,
                                                &s->rng.drbg,
                                                MBEDTLS_CIPHER_AES_256_GCM,
                                                86400),
                       "mbedtls_ssl_ticket_setup");
  mbedtls_ssl_conf_session_tickets_cb(&s->conf, mbedtls_ssl_ticket_write,
                                      mbedtls_ssl_ticket_parse, &s->tickets);
}

static inline void tls_bench_plain_server_free(
    struct tls_bench_plain_server *s) {
  mbedtls_ssl_config_free(&s->conf);
  mbedtls_ssl_ticket_free(&s->tickets);
  mbedtls_pk_free(&s->key);
  mbedtls_x509_crt_free(&s->cert);
  tls_bench_rng_free(&s->rng);
}

static inline void tls_bench_plain_client_init(
    struct tls_bench_plain_client *c, const struct tls_bench_creds *creds) {
  tls_bench_rng_init(&c->rng, "tls_bench client");
  mbedtls_x509_crt_init(&c->ca);
  mbedtls_ssl_config_init(&c->conf);
  tls_bench_mbed_check(
      mbedtls_x509_crt_parse(&c->ca, (const unsigned char *)creds->ca_cert,
                             strlen(creds->ca_cert) + 1),
      "parse CA certificate");
  tls_bench_mbed_check(mbedtls_ssl_config_defaults(&c->conf,
                                                   MBEDTLS_SSL_IS_CLIENT,
                                                   MBEDTLS_SSL_TRANSPORT_STREAM,
                                                   MBEDTLS_SSL_PRESET_DEFAULT),
                       "mbedtls_ssl_config_defaults");
  mbedtls_ssl_conf_rng(&c->conf, mbedtls_ctr_drbg_random, &c->rng.drbg);
  mbedtls_ssl_conf_ciphersuites(&c->conf, tls_bench_suites);
  mbedtls_ssl_conf_min_version(&c->conf, MBEDTLS_SSL_MAJOR_VERSION_3,
                               MBEDTLS_SSL_MINOR_VERSION_3);
  mbedtls_ssl_conf_authmode(&c->conf, MBEDTLS_SSL_VERIFY_REQUIRED);
  mbedtls_ssl_conf_ca_chain(&c->conf, &c->ca, NULL);
  mbedtls_ssl_conf_session_tickets(&c->conf, MBEDTLS_SSL_SESSION_TICKETS_ENABLED);
}

static inline void tls_bench_plain_client_free(
    struct tls_bench_plain_client *c) {
  mbedtls_ssl_config_free(&c->conf);
  mbedtls_x509_crt_free(&c->ca);
  tls_bench_rng_free(&c->rng);
}

/* Sets up ssl on conf over the connected, blocking fd in *net. */
static inline void tls_bench_plain_session(mbedtls_ssl_context *ssl,
                                           const mbedtls_ssl_config *conf,
                                           mbedtls_net_context *net,
                                           int is_client) {
  mbedtls_ssl_init(ssl);
  tls_bench_mbed_check(mbedtls_ssl_setup(ssl, conf), "mbedtls_ssl_setup");
  if (is_client)
    tls_bench_mbed_check(mbedtls_ssl_set_hostname(ssl, TLS_BENCH_HOST),
                         "mbedtls_ssl_set_hostname");
  mbedtls_ssl_set_bio(ssl, net, mbedtls_net_send, mbedtls_net_recv, NULL);
}

#endif
