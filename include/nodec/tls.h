/*
 * nodec/tls.h - TLS streams over any connected stream, their configuration,
 * and X.509 certificates.
 *
 * Built on mbedTLS 2.28: TLS 1.2 only (that release's TLS 1.3 is
 * experimental and not compiled in Debian's build); TLS 1.0 and 1.1 can be
 * allowed explicitly.  Man pages: nd_tls_config(3), nd_tls(3).
 */
#ifndef NODEC_TLS_H
#define NODEC_TLS_H

#include <sys/types.h>

#include "crypto.h"
#include "stream.h"

/* --- certificates (nd_tls(3), section X.509) ----------------------------- */

/* A parsed certificate, or a chain of them (nd_x509_next). */
typedef struct nd_x509_s nd_x509_t;

/* Which name nd_x509_get_name and nd_x509_get_name_field read. */
typedef enum {
  ND_X509_SUBJECT = 1,
  ND_X509_ISSUER = 2
} nd_x509_name_kind;

/*
 * Parse one or more certificates: PEM (every CERTIFICATE block, in order)
 * or a single DER certificate.  Free the result with nd_x509_free.
 */
ND_EXTERN int nd_x509_parse(nd_x509_t **out, const void *data, size_t len);
ND_EXTERN void nd_x509_free(nd_x509_t *cert);
/* The next certificate of a chain (the issuer's, for a peer's chain). */
ND_EXTERN const nd_x509_t *nd_x509_next(const nd_x509_t *cert);

/*
 * The string getters write a NUL-terminated string to buf and return its
 * length, or ND_ENOBUFS when size is too small (nothing useful written).
 */
/* All attributes, one "KEY=value" a line in certificate order, as Node's
 * X509Certificate.subject / .issuer ("C=US\nO=nodec\nCN=localhost"). */
ND_EXTERN int nd_x509_get_name(const nd_x509_t *cert, nd_x509_name_kind kind,
                               char *buf, size_t size);
/* One attribute by its short name ("CN", "O", "OU", "C", "ST", "L",
 * "emailAddress", ...): the first one; ND_ENOENT when absent. */
ND_EXTERN int nd_x509_get_name_field(const nd_x509_t *cert,
                                     nd_x509_name_kind kind, const char *key,
                                     char *buf, size_t size);
/* Subject alternative names as Node's subjectaltname:
 * "DNS:localhost, IP Address:127.0.0.1"; "" when there are none. */
ND_EXTERN int nd_x509_get_subject_alt_names(const nd_x509_t *cert, char *buf,
                                            size_t size);
/* Serial number in upper-case hexadecimal without separators. */
ND_EXTERN int nd_x509_get_serial(const nd_x509_t *cert, char *buf,
                                 size_t size);
/* Validity period, in seconds since the epoch (UTC). */
ND_EXTERN int nd_x509_get_validity(const nd_x509_t *cert, int64_t *not_before,
                                   int64_t *not_after);
/* Digest of the DER form as "AB:CD:..." (ND_HASH_SHA1, SHA256, SHA512). */
ND_EXTERN int nd_x509_get_fingerprint(const nd_x509_t *cert, nd_hash_alg alg,
                                      char *buf, size_t size);
/* The DER bytes, owned by cert. */
ND_EXTERN int nd_x509_get_der(const nd_x509_t *cert, const uint8_t **der,
                              size_t *len);
/* The PEM form ("-----BEGIN CERTIFICATE-----\n...").*/
ND_EXTERN int nd_x509_get_pem(const nd_x509_t *cert, char *buf, size_t size);
/* 1 if the certificate is a CA (basicConstraints cA), else 0. */
ND_EXTERN int nd_x509_is_ca(const nd_x509_t *cert);
/*
 * Does the certificate name this host?  DNS names against DNS SANs (a
 * wildcard covers exactly one left-most label), IP literals against IP
 * SANs; the subject CN only when there are no SANs.  0 when it matches,
 * ND_ETLS_HOSTNAME_MISMATCH when not.
 */
ND_EXTERN int nd_x509_check_host(const nd_x509_t *cert, const char *host);

/* --- configuration (nd_tls_config(3)) ------------------------------------ */

/*
 * A configuration is shared by any number of TLS streams, reference
 * counted: nd_tls_config_new returns one reference, each stream made with
 * it holds another.  Change it only before the first stream uses it.
 */
typedef struct nd_tls_config_s nd_tls_config_t;
typedef struct nd_tls_s nd_tls_t;

typedef enum {
  ND_TLS_CLIENT = 1,
  ND_TLS_SERVER = 2
} nd_tls_role;

typedef enum {
  ND_TLS_VERIFY_NONE = 0,     /* nothing checked; no client cert asked */
  ND_TLS_VERIFY_OPTIONAL = 1, /* checked, result in nd_tls_get_verify_result */
  ND_TLS_VERIFY_REQUIRED = 2  /* a failure fails the handshake */
} nd_tls_verify_mode;

/* Protocol versions, by their wire numbers. */
#define ND_TLS_VERSION_1_0 0x0301
#define ND_TLS_VERSION_1_1 0x0302
#define ND_TLS_VERSION_1_2 0x0303
#define ND_TLS_VERSION_1_3 0x0304 /* not available: ND_ENOTSUP */

/*
 * The server's SNI callback: pick the configuration for the name the client
 * sent (name is NULL when it sent none).  Leave *use NULL to keep the
 * listening configuration; set it to another server configuration to take
 * its certificates, trusted CAs and verify mode for this connection.
 * Return 0, or a negative code to refuse the name (the handshake fails
 * with ND_ETLS_UNRECOGNIZED_NAME).
 */
typedef int (*nd_tls_sni_cb)(nd_tls_t *tls, const char *name, void *arg,
                             nd_tls_config_t **use);

ND_EXTERN int nd_tls_config_new(nd_tls_config_t **out, nd_tls_role role);
ND_EXTERN nd_tls_config_t *nd_tls_config_ref(nd_tls_config_t *config);
/* Drop a reference; the last one frees the configuration. */
ND_EXTERN void nd_tls_config_unref(nd_tls_config_t *config);

/*
 * Our certificate chain (leaf first) and its private key, PEM in memory or
 * files; RSA or ECDSA, the key optionally encrypted with passphrase.  Call
 * more than once (an RSA and an ECDSA chain): each handshake uses the
 * first chain that suits the cipher suite agreed.
 */
ND_EXTERN int nd_tls_config_add_cert(nd_tls_config_t *config,
                                     const char *cert_pem, size_t cert_len,
                                     const char *key_pem, size_t key_len,
                                     const char *passphrase);
ND_EXTERN int nd_tls_config_add_cert_file(nd_tls_config_t *config,
                                          const char *cert_path,
                                          const char *key_path,
                                          const char *passphrase);

/* Trusted CAs: PEM (or one DER) in memory, a file, a directory of PEM
 * files, or the system bundle /etc/ssl/certs/ca-certificates.crt. */
ND_EXTERN int nd_tls_config_add_ca(nd_tls_config_t *config, const char *data,
                                   size_t len);
ND_EXTERN int nd_tls_config_add_ca_file(nd_tls_config_t *config,
                                        const char *path);
ND_EXTERN int nd_tls_config_add_ca_dir(nd_tls_config_t *config,
                                       const char *path);
ND_EXTERN int nd_tls_config_add_ca_system(nd_tls_config_t *config);

/* Default: REQUIRED for clients, NONE for servers (a server with OPTIONAL
 * or REQUIRED asks the client for a certificate: mutual TLS). */
ND_EXTERN int nd_tls_config_set_verify(nd_tls_config_t *config,
                                       nd_tls_verify_mode mode);
/* Client: check the server certificate names the host given with
 * nd_tls_set_server_name.  On by default. */
ND_EXTERN int nd_tls_config_set_verify_host(nd_tls_config_t *config, int on);
/* Default and maximum: TLS 1.2 to TLS 1.2. */
ND_EXTERN int nd_tls_config_set_versions(nd_tls_config_t *config,
                                         unsigned int min, unsigned int max);
/*
 * Cipher suites in order of preference, separated by ':' (or ','), by
 * IANA name ("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256") or mbedTLS name
 * ("TLS-ECDHE-ECDSA-WITH-AES-128-GCM-SHA256").  Default: ECDHE with
 * AES-GCM and ChaCha20-Poly1305.  ND_EINVAL names an unknown suite.
 */
ND_EXTERN int nd_tls_config_set_ciphers(nd_tls_config_t *config,
                                        const char *list);
/* ALPN protocols in order of preference (copied).  A server refuses a
 * client that offers ALPN with none of them (ND_ETLS_NO_ALPN). */
ND_EXTERN int nd_tls_config_set_alpn(nd_tls_config_t *config,
                                     const char *const *protocols,
                                     size_t count);
/* Session tickets: a server issues them (keys made here, rotated by
 * lifetime_s), a client accepts them.  On by default, 7200 s. */
ND_EXTERN int nd_tls_config_set_session_tickets(nd_tls_config_t *config,
                                                int on,
                                                unsigned int lifetime_s);
/*
 * Session resumption cache: a client keeps the last session per server
 * name and offers it on the next handshake to that name; a server keeps
 * sessions by ID.  entries 0 turns it off.  Default: 64 entries, 300 s.
 */
ND_EXTERN int nd_tls_config_set_session_cache(nd_tls_config_t *config,
                                              size_t entries,
                                              unsigned int timeout_s);
/* Server: choose a configuration per server name (see nd_tls_sni_cb). */
ND_EXTERN int nd_tls_config_set_sni_cb(nd_tls_config_t *config,
                                       nd_tls_sni_cb cb, void *arg);

/* --- TLS streams (nd_tls(3)) --------------------------------------------- */

typedef void (*nd_tls_handshake_cb)(nd_tls_t *tls, int status);

/*
 * A TLS stream: use it as an nd_stream_t ((nd_stream_t *)tls) with
 * nd_read_start, nd_read_stop, nd_write, nd_try_write, nd_shutdown (sends
 * close_notify, then shuts the transport's writing half), the watermarks
 * and drain, nd_stream_pipe, nd_close.  Renegotiation is always refused.
 */
struct nd_tls_s {
  ND_HANDLE_FIELDS
  ND_STREAM_FIELDS
  /* private */
  struct nd__tls *impl;
};

/*
 * Layer TLS over a connected stream (TCP, pipe).  The transport belongs to
 * the TLS stream from here on: its data field and read/write use are taken,
 * and nd_close on the TLS stream closes it; its memory must stay valid until
 * the TLS stream's close callback, which runs after the transport's.
 */
ND_EXTERN int nd_tls_init(nd_loop_t *loop, nd_tls_t *tls,
                          nd_tls_config_t *config, nd_stream_t *transport);
/* Client: the name sent as SNI (not for IP literals) and verified against
 * the certificate.  Before nd_tls_handshake. */
ND_EXTERN int nd_tls_set_server_name(nd_tls_t *tls, const char *name);
/* Client: offer a session saved with nd_tls_get_session.  Before
 * nd_tls_handshake; overrides the configuration's cache. */
ND_EXTERN int nd_tls_set_session(nd_tls_t *tls, const void *data, size_t len);
/*
 * Start the handshake; cb runs once, with 0 or the reason it failed.
 * Writes made before it ends wait for it; reads deliver data after it.  A
 * failure also ends a read in force with the same code, and cancels the
 * writes that waited (ND_ECANCELED).
 */
ND_EXTERN int nd_tls_handshake(nd_tls_t *tls, nd_tls_handshake_cb cb);

ND_EXTERN nd_stream_t *nd_tls_get_transport(const nd_tls_t *tls);
ND_EXTERN int nd_tls_is_server(const nd_tls_t *tls);
/* 1 once the handshake succeeded. */
ND_EXTERN int nd_tls_is_established(const nd_tls_t *tls);
/* "TLSv1.2" (Node's names); NULL before the handshake. */
ND_EXTERN const char *nd_tls_get_version(const nd_tls_t *tls);
/* The cipher suite's IANA name ("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"),
 * or NULL before the handshake. */
ND_EXTERN const char *nd_tls_get_cipher(const nd_tls_t *tls);
/* The protocol ALPN agreed, or NULL. */
ND_EXTERN const char *nd_tls_get_alpn(const nd_tls_t *tls);
/* Client: the name it sent; server: the name the client sent; or NULL. */
ND_EXTERN const char *nd_tls_get_server_name(const nd_tls_t *tls);
/* 1 if the handshake resumed an earlier session. */
ND_EXTERN int nd_tls_is_resumed(const nd_tls_t *tls);
/* The peer's certificate chain (leaf first), owned by tls; or NULL. */
ND_EXTERN const nd_x509_t *nd_tls_get_peer_cert(const nd_tls_t *tls);
/*
 * The verification of the peer's certificate: 0 if it passed, else the
 * first reason as an ND_ETLS_* code (ND_ETLS_NO_PEER_CERT, or
 * ND_ETLS_UNVERIFIED when the mode was ND_TLS_VERIFY_NONE); ND_ENOTCONN
 * before the handshake.
 */
ND_EXTERN int nd_tls_get_verify_result(const nd_tls_t *tls);
/* Every reason it failed, in words ("" when it passed). */
ND_EXTERN const char *nd_tls_get_verify_reason(const nd_tls_t *tls);
/* The last fatal alert the peer sent (its RFC 5246 number), or -1. */
ND_EXTERN int nd_tls_get_peer_alert(const nd_tls_t *tls);
/* Client: the session, serialised for nd_tls_set_session; returns its
 * length, or ND_ENOBUFS (with buf NULL and size 0, just the length). */
ND_EXTERN int nd_tls_get_session(const nd_tls_t *tls, void *buf, size_t size);

#endif
