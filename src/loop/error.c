/*
 * error.c - names and messages for error codes, from the one table in
 * nodec/errno.h.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"

int nd_translate_sys_error(int sys_errno) {
  /* Already one of ours (or success): leave it alone. */
  return sys_errno <= 0 ? sys_errno : -sys_errno;
}

static const char *known_message(int err) {
  switch (err) {
#define ND__ERR_MESSAGE(name, msg)                                           \
  case ND_##name:                                                            \
    return msg;
    ND_ERRNO_MAP(ND__ERR_MESSAGE)
#undef ND__ERR_MESSAGE
#define ND__DNS_ERR_MESSAGE(name, n, msg)                                    \
  case ND_DNS_##name:                                                        \
    return msg;
    ND_DNS_ERRNO_MAP(ND__DNS_ERR_MESSAGE)
#undef ND__DNS_ERR_MESSAGE
#define ND__HTTP_ERR_MESSAGE(name, n, msg)                                   \
  case ND_##name:                                                            \
    return msg;
    ND_HTTP_ERRNO_MAP(ND__HTTP_ERR_MESSAGE)
#undef ND__HTTP_ERR_MESSAGE
#define ND__CRYPTO_ERR_MESSAGE(name, n, msg)                                 \
  case ND_##name:                                                            \
    return msg;
    ND_CRYPTO_ERRNO_MAP(ND__CRYPTO_ERR_MESSAGE)
    ND_TLS_ERRNO_MAP(ND__CRYPTO_ERR_MESSAGE)
#undef ND__CRYPTO_ERR_MESSAGE
  default:
    return NULL;
  }
}

static const char *known_name(int err) {
  switch (err) {
#define ND__ERR_NAME(name, msg)                                              \
  case ND_##name:                                                            \
    return #name;
    ND_ERRNO_MAP(ND__ERR_NAME)
#undef ND__ERR_NAME
#define ND__DNS_ERR_NAME(name, n, msg)                                       \
  case ND_DNS_##name:                                                        \
    return #name;
    ND_DNS_ERRNO_MAP(ND__DNS_ERR_NAME)
#undef ND__DNS_ERR_NAME
#define ND__HTTP_ERR_NAME(name, n, msg)                                      \
  case ND_##name:                                                            \
    return #name;
    ND_HTTP_ERRNO_MAP(ND__HTTP_ERR_NAME)
#undef ND__HTTP_ERR_NAME
#define ND__CRYPTO_ERR_NAME(name, n, msg)                                 \
  case ND_##name:                                                            \
    return #name;
    ND_CRYPTO_ERRNO_MAP(ND__CRYPTO_ERR_NAME)
    ND_TLS_ERRNO_MAP(ND__CRYPTO_ERR_NAME)
#undef ND__CRYPTO_ERR_NAME
  default:
    return NULL;
  }
}

char *nd_strerror_r(int err, char *buf, size_t buflen) {
  const char *msg = known_message(err);

  if (buf == NULL || buflen == 0)
    return buf;
  if (msg != NULL)
    snprintf(buf, buflen, "%s", msg);
  else
    snprintf(buf, buflen, "Unknown system error %d", err);
  return buf;
}

char *nd_err_name_r(int err, char *buf, size_t buflen) {
  const char *name = known_name(err);

  if (buf == NULL || buflen == 0)
    return buf;
  if (name != NULL)
    snprintf(buf, buflen, "%s", name);
  else
    snprintf(buf, buflen, "Unknown system error %d", err);
  return buf;
}

/*
 * Unknown codes get their text built in thread-local storage, one buffer per
 * function: the pointer stays valid until the same thread asks the same
 * function about another unknown code.
 */
static __thread char unknown_message[64];
static __thread char unknown_name[64];

const char *nd_strerror(int err) {
  const char *msg = known_message(err);

  if (msg != NULL)
    return msg;
  return nd_strerror_r(err, unknown_message, sizeof(unknown_message));
}

const char *nd_err_name(int err) {
  const char *name = known_name(err);

  if (name != NULL)
    return name;
  return nd_err_name_r(err, unknown_name, sizeof(unknown_name));
}
