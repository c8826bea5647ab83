/* nodec/errno.h - error codes: negative errno values, one table. */
#ifndef NODEC_ERRNO_H
#define NODEC_ERRNO_H

#include <errno.h>
#include "common.h"

/*
 * Every fallible call returns a negative code from this table.  System errors
 * are the negated errno value (ND_ENOENT == -ENOENT); the getaddrinfo family
 * and the few library-specific codes live outside errno's range.  The numbers
 * are those libuv uses on Linux, so code that prints or compares them (Node's
 * err.errno among others) sees the same values.
 */
#define ND__E2BIG (-E2BIG)
#define ND__EACCES (-EACCES)
#define ND__EADDRINUSE (-EADDRINUSE)
#define ND__EADDRNOTAVAIL (-EADDRNOTAVAIL)
#define ND__EAFNOSUPPORT (-EAFNOSUPPORT)
#define ND__EAGAIN (-EAGAIN)
#define ND__EAI_ADDRFAMILY (-3000)
#define ND__EAI_AGAIN (-3001)
#define ND__EAI_BADFLAGS (-3002)
#define ND__EAI_BADHINTS (-3013)
#define ND__EAI_CANCELED (-3003)
#define ND__EAI_FAIL (-3004)
#define ND__EAI_FAMILY (-3005)
#define ND__EAI_MEMORY (-3006)
#define ND__EAI_NODATA (-3007)
#define ND__EAI_NONAME (-3008)
#define ND__EAI_OVERFLOW (-3009)
#define ND__EAI_PROTOCOL (-3014)
#define ND__EAI_SERVICE (-3010)
#define ND__EAI_SOCKTYPE (-3011)
#define ND__EALREADY (-EALREADY)
#define ND__EBADF (-EBADF)
#define ND__EBUSY (-EBUSY)
#define ND__ECANCELED (-ECANCELED)
#define ND__ECHARSET (-4080)
#define ND__ECONNABORTED (-ECONNABORTED)
#define ND__ECONNREFUSED (-ECONNREFUSED)
#define ND__ECONNRESET (-ECONNRESET)
#define ND__EDESTADDRREQ (-EDESTADDRREQ)
#define ND__EEXIST (-EEXIST)
#define ND__EFAULT (-EFAULT)
#define ND__EFBIG (-EFBIG)
#define ND__EHOSTUNREACH (-EHOSTUNREACH)
#define ND__EINTR (-EINTR)
#define ND__EINVAL (-EINVAL)
#define ND__EIO (-EIO)
#define ND__EISCONN (-EISCONN)
#define ND__EISDIR (-EISDIR)
#define ND__ELOOP (-ELOOP)
#define ND__EMFILE (-EMFILE)
#define ND__EMSGSIZE (-EMSGSIZE)
#define ND__ENAMETOOLONG (-ENAMETOOLONG)
#define ND__ENETDOWN (-ENETDOWN)
#define ND__ENETUNREACH (-ENETUNREACH)
#define ND__ENFILE (-ENFILE)
#define ND__ENOBUFS (-ENOBUFS)
#define ND__ENODEV (-ENODEV)
#define ND__ENOENT (-ENOENT)
#define ND__ENOMEM (-ENOMEM)
#define ND__ENONET (-ENONET)
#define ND__ENOPROTOOPT (-ENOPROTOOPT)
#define ND__ENOSPC (-ENOSPC)
#define ND__ENOSYS (-ENOSYS)
#define ND__ENOTCONN (-ENOTCONN)
#define ND__ENOTDIR (-ENOTDIR)
#define ND__ENOTEMPTY (-ENOTEMPTY)
#define ND__ENOTSOCK (-ENOTSOCK)
#define ND__ENOTSUP (-ENOTSUP)
#define ND__EOVERFLOW (-EOVERFLOW)
#define ND__EPERM (-EPERM)
#define ND__EPIPE (-EPIPE)
#define ND__EPROTO (-EPROTO)
#define ND__EPROTONOSUPPORT (-EPROTONOSUPPORT)
#define ND__EPROTOTYPE (-EPROTOTYPE)
#define ND__ERANGE (-ERANGE)
#define ND__EROFS (-EROFS)
#define ND__ESHUTDOWN (-ESHUTDOWN)
#define ND__ESPIPE (-ESPIPE)
#define ND__ESRCH (-ESRCH)
#define ND__ETIMEDOUT (-ETIMEDOUT)
#define ND__ETXTBSY (-ETXTBSY)
#define ND__EXDEV (-EXDEV)
#define ND__UNKNOWN (-4094)
#define ND__EOF (-4095)
#define ND__ENXIO (-ENXIO)
#define ND__EMLINK (-EMLINK)
#define ND__EHOSTDOWN (-EHOSTDOWN)
#define ND__EREMOTEIO (-EREMOTEIO)
#define ND__ENOTTY (-ENOTTY)
#define ND__EFTYPE (-4028)
#define ND__EILSEQ (-EILSEQ)
#define ND__ESOCKTNOSUPPORT (-ESOCKTNOSUPPORT)
#define ND__ENODATA (-ENODATA)
#define ND__EUNATCH (-EUNATCH)
#define ND__EDEADLK (-EDEADLK)

/* XX(name, message): one line per code, in libuv's order. */
#define ND_ERRNO_MAP(XX)                                                     \
  XX(E2BIG, "argument list too long")                                        \
  XX(EACCES, "permission denied")                                            \
  XX(EADDRINUSE, "address already in use")                                   \
  XX(EADDRNOTAVAIL, "address not available")                                 \
  XX(EAFNOSUPPORT, "address family not supported")                           \
  XX(EAGAIN, "resource temporarily unavailable")                             \
  XX(EAI_ADDRFAMILY, "address family not supported")                         \
  XX(EAI_AGAIN, "temporary failure")                                         \
  XX(EAI_BADFLAGS, "bad ai_flags value")                                     \
  XX(EAI_BADHINTS, "invalid value for hints")                                \
  XX(EAI_CANCELED, "request canceled")                                       \
  XX(EAI_FAIL, "permanent failure")                                          \
  XX(EAI_FAMILY, "ai_family not supported")                                  \
  XX(EAI_MEMORY, "out of memory")                                            \
  XX(EAI_NODATA, "no address")                                               \
  XX(EAI_NONAME, "unknown node or service")                                  \
  XX(EAI_OVERFLOW, "argument buffer overflow")                               \
  XX(EAI_PROTOCOL, "resolved protocol is unknown")                           \
  XX(EAI_SERVICE, "service not available for socket type")                   \
  XX(EAI_SOCKTYPE, "socket type not supported")                              \
  XX(EALREADY, "connection already in progress")                             \
  XX(EBADF, "bad file descriptor")                                           \
  XX(EBUSY, "resource busy or locked")                                       \
  XX(ECANCELED, "operation canceled")                                        \
  XX(ECHARSET, "invalid Unicode character")                                  \
  XX(ECONNABORTED, "software caused connection abort")                       \
  XX(ECONNREFUSED, "connection refused")                                     \
  XX(ECONNRESET, "connection reset by peer")                                 \
  XX(EDESTADDRREQ, "destination address required")                           \
  XX(EEXIST, "file already exists")                                          \
  XX(EFAULT, "bad address in system call argument")                          \
  XX(EFBIG, "file too large")                                                \
  XX(EHOSTUNREACH, "host is unreachable")                                    \
  XX(EINTR, "interrupted system call")                                       \
  XX(EINVAL, "invalid argument")                                             \
  XX(EIO, "i/o error")                                                       \
  XX(EISCONN, "socket is already connected")                                 \
  XX(EISDIR, "illegal operation on a directory")                             \
  XX(ELOOP, "too many symbolic links encountered")                           \
  XX(EMFILE, "too many open files")                                          \
  XX(EMSGSIZE, "message too long")                                           \
  XX(ENAMETOOLONG, "name too long")                                          \
  XX(ENETDOWN, "network is down")                                            \
  XX(ENETUNREACH, "network is unreachable")                                  \
  XX(ENFILE, "file table overflow")                                          \
  XX(ENOBUFS, "no buffer space available")                                   \
  XX(ENODEV, "no such device")                                               \
  XX(ENOENT, "no such file or directory")                                    \
  XX(ENOMEM, "not enough memory")                                            \
  XX(ENONET, "machine is not on the network")                                \
  XX(ENOPROTOOPT, "protocol not available")                                  \
  XX(ENOSPC, "no space left on device")                                      \
  XX(ENOSYS, "function not implemented")                                     \
  XX(ENOTCONN, "socket is not connected")                                    \
  XX(ENOTDIR, "not a directory")                                             \
  XX(ENOTEMPTY, "directory not empty")                                       \
  XX(ENOTSOCK, "socket operation on non-socket")                             \
  XX(ENOTSUP, "operation not supported on socket")                           \
  XX(EOVERFLOW, "value too large for defined data type")                     \
  XX(EPERM, "operation not permitted")                                       \
  XX(EPIPE, "broken pipe")                                                   \
  XX(EPROTO, "protocol error")                                               \
  XX(EPROTONOSUPPORT, "protocol not supported")                              \
  XX(EPROTOTYPE, "protocol wrong type for socket")                           \
  XX(ERANGE, "result too large")                                             \
  XX(EROFS, "read-only file system")                                         \
  XX(ESHUTDOWN, "cannot send after transport endpoint shutdown")             \
  XX(ESPIPE, "invalid seek")                                                 \
  XX(ESRCH, "no such process")                                               \
  XX(ETIMEDOUT, "connection timed out")                                      \
  XX(ETXTBSY, "text file is busy")                                           \
  XX(EXDEV, "cross-device link not permitted")                               \
  XX(UNKNOWN, "unknown error")                                               \
  XX(EOF, "end of file")                                                     \
  XX(ENXIO, "no such device or address")                                     \
  XX(EMLINK, "too many links")                                               \
  XX(EHOSTDOWN, "host is down")                                              \
  XX(EREMOTEIO, "remote I/O error")                                          \
  XX(ENOTTY, "inappropriate ioctl for device")                               \
  XX(EFTYPE, "inappropriate file type or format")                            \
  XX(EILSEQ, "illegal byte sequence")                                        \
  XX(ESOCKTNOSUPPORT, "socket type not supported")                           \
  XX(ENODATA, "no data available")                                           \
  XX(EUNATCH, "protocol driver not attached")                                \
  XX(EDEADLK, "resource deadlock avoided")

typedef enum {
#define ND__ERRNO_ENUM(name, msg) ND_##name = ND__##name,
  ND_ERRNO_MAP(ND__ERRNO_ENUM)
#undef ND__ERRNO_ENUM
  ND_ERRNO_MAX = ND__EOF - 1
} nd_errno_t;

/*
 * The DNS resolver's errors (nd_dns_query; man page nd_dns_resolver.3):
 * their names are the codes Node gives dns.resolve*() errors (err.code), so a
 * binding passes nd_err_name() through.  Several share a name with an errno
 * code (ENODATA, ECONNREFUSED, EOF) but never its value: they live at
 * -3100 - n, outside errno's range and the getaddrinfo codes'.
 */
/* XX(name, n, message) */
#define ND_DNS_ERRNO_MAP(XX)                                                 \
  XX(ENODATA, 1, "DNS server returned an answer with no data")             \
  XX(EFORMERR, 2, "DNS server claims the query was malformed")             \
  XX(ESERVFAIL, 3, "DNS server returned a general failure")                \
  XX(ENOTFOUND, 4, "domain name not found")                                \
  XX(ENOTIMP, 5, "DNS server does not implement the operation")            \
  XX(EREFUSED, 6, "DNS server refused the query")                          \
  XX(EBADQUERY, 7, "misformatted DNS query")                               \
  XX(EBADNAME, 8, "misformatted domain name")                              \
  XX(EBADFAMILY, 9, "unsupported address family")                          \
  XX(EBADRESP, 10, "misformatted DNS reply")                               \
  XX(ECONNREFUSED, 11, "could not contact DNS servers")                    \
  XX(ETIMEOUT, 12, "timeout while contacting DNS servers")                 \
  XX(EOF, 13, "end of file")                                               \
  XX(EFILE, 14, "error reading file")                                      \
  XX(ENOMEM, 15, "out of memory")                                          \
  XX(EDESTRUCTION, 16, "channel is being destroyed")                       \
  XX(EBADSTR, 17, "misformatted string")                                   \
  XX(EBADFLAGS, 18, "illegal flags specified")                             \
  XX(ENONAME, 19, "given hostname is not numeric")                         \
  XX(EBADHINTS, 20, "illegal hints flags specified")                       \
  XX(ENOTINITIALIZED, 21, "resolver not initialized")                      \
  XX(ECANCELLED, 24, "DNS query cancelled")

enum {
#define ND__DNS_ERRNO_ENUM(name, n, msg) ND_DNS_##name = -3100 - (n),
  ND_DNS_ERRNO_MAP(ND__DNS_ERRNO_ENUM)
#undef ND__DNS_ERRNO_ENUM
  ND__DNS_ERRNO_END
};

/*
 * The crypto functions' own failures (see nd_crypto(3)): a message whose
 * authentication tag does not match, and a CBC plaintext whose padding is
 * not PKCS#7.  Bad keys, IVs and lengths are ND_EINVAL.  They live at
 * -4300 - n, clear of errno, the DNS codes and the HTTP parser's.
 */
/* XX(name, n, message) */
#define ND_CRYPTO_ERRNO_MAP(XX)                                              \
  XX(ECRYPTO_AUTH, 0, "message authentication failed (tag mismatch)")       \
  XX(ECRYPTO_PADDING, 1, "bad padding in decrypted data")

enum {
#define ND__CRYPTO_ERRNO_ENUM(name, n, msg) ND_##name = -4300 - (n),
  ND_CRYPTO_ERRNO_MAP(ND__CRYPTO_ERRNO_ENUM)
#undef ND__CRYPTO_ERRNO_ENUM
  ND__CRYPTO_ERRNO_END
};

/*
 * TLS failures (nd_tls(3), nd_tls_config(3)): what a handshake, a
 * certificate verification or a TLS record went wrong with.  A peer that
 * closes during the handshake gives ND_ECONNRESET.  They live at
 * -4400 - n, clear of the others.
 */
/* XX(name, n, message) */
#define ND_TLS_ERRNO_MAP(XX)                                                 \
  XX(ETLS_UNKNOWN_CA, 0, "certificate signed by an unknown authority")      \
  XX(ETLS_CERT_EXPIRED, 1, "certificate has expired")                       \
  XX(ETLS_CERT_NOT_YET_VALID, 2, "certificate is not yet valid")            \
  XX(ETLS_HOSTNAME_MISMATCH, 3, "certificate does not match the host name") \
  XX(ETLS_SELF_SIGNED, 4, "self-signed certificate")                        \
  XX(ETLS_CERT_INVALID, 5, "certificate verification failed")               \
  XX(ETLS_NO_PEER_CERT, 6, "peer sent no certificate")                      \
  XX(ETLS_UNVERIFIED, 7, "peer certificate not verified")                   \
  XX(ETLS_NO_SHARED_CIPHER, 8, "no cipher suite in common with the peer")   \
  XX(ETLS_PROTOCOL_VERSION, 9, "no TLS version in common with the peer")    \
  XX(ETLS_NO_ALPN, 10, "no application protocol (ALPN) in common")          \
  XX(ETLS_UNRECOGNIZED_NAME, 11, "server name (SNI) not recognised")        \
  XX(ETLS_BAD_RECORD_MAC, 12, "bad record MAC: data corrupted or forged")   \
  XX(ETLS_ALERT, 13, "peer sent a fatal TLS alert")                         \
  XX(ETLS_UNEXPECTED_MESSAGE, 14, "unexpected TLS message")                 \
  XX(ETLS_RENEGOTIATION, 15, "TLS renegotiation refused")                   \
  XX(ETLS_PROTOCOL, 16, "malformed TLS data from the peer")                 \
  XX(ETLS_HANDSHAKE, 17, "TLS handshake failed")                            \
  XX(ETLS_BAD_CERT, 18, "cannot parse certificate")                         \
  XX(ETLS_BAD_KEY, 19, "cannot parse private key")                          \
  XX(ETLS_PASSPHRASE, 20, "wrong or missing passphrase for private key")    \
  XX(ETLS_KEY_MISMATCH, 21, "private key does not match the certificate")

enum {
#define ND__TLS_ERRNO_ENUM(name, n, msg) ND_##name = -4400 - (n),
  ND_TLS_ERRNO_MAP(ND__TLS_ERRNO_ENUM)
#undef ND__TLS_ERRNO_ENUM
  ND__TLS_ERRNO_END
};

/* Errors */
ND_EXTERN const char *nd_strerror(int err);
ND_EXTERN char *nd_strerror_r(int err, char *buf, size_t buflen);
ND_EXTERN const char *nd_err_name(int err);
ND_EXTERN char *nd_err_name_r(int err, char *buf, size_t buflen);
ND_EXTERN int nd_translate_sys_error(int sys_errno);

#endif
