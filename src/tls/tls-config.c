/*
 * tls-config.c - nd_tls_config_t: what TLS streams share: certificates and
 * keys, trusted CAs, verification, versions, cipher suites, ALPN, session
 * tickets and caches, and the server's choice of configuration per name.
 *
 * It wraps one mbedtls_ssl_config, set as each call comes in (mbedTLS
 * keeps pointers to what it is given, so everything it points to lives
 * here), and fixed once a stream uses it: a configuration is shared by
 * streams of any loop and thread, and only the client's session cache
 * changes after that, under its lock.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include <mbedtls/error.h>
#include <mbedtls/pkcs5.h>

#include "nodec.h"
#include "tls-internal.h"

#define SYSTEM_CA_BUNDLE "/etc/ssl/certs/ca-certificates.crt"

/* Secure defaults: forward secrecy and AEAD only, ECDSA first (smaller,
 * faster handshakes), AES-128 before AES-256 (the same margin in practice). */
static const int default_ciphers[] = {
    MBEDTLS_TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
    MBEDTLS_TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
    MBEDTLS_TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
    MBEDTLS_TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
    MBEDTLS_TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
    MBEDTLS_TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
    0};

int nd__tls_rng(void *ctx, unsigned char *out, size_t len) {
  ssize_t n;

  (void)ctx;
  while (len > 0) {
    n = getrandom(out, len, 0);
    if (n < 0) {
      if (errno == EINTR)
        continue;
      return MBEDTLS_ERR_SSL_INTERNAL_ERROR;
    }
    out += n;
    len -= (size_t)n;
  }
  return 0;
}

int nd_tls_config_new(nd_tls_config_t **out, nd_tls_role role) {
  nd_tls_config_t *c;
  int endpoint;

  if (out == NULL || (role != ND_TLS_CLIENT && role != ND_TLS_SERVER))
    return ND_EINVAL;
  *out = NULL;
  c = calloc(1, sizeof(*c));
  if (c == NULL)
    return ND_ENOMEM;
  c->refs = 1;
  c->role = role;
  endpoint = role == ND_TLS_SERVER ? MBEDTLS_SSL_IS_SERVER
                                   : MBEDTLS_SSL_IS_CLIENT;
  mbedtls_ssl_config_init(&c->conf);
  mbedtls_x509_crt_init(&c->ca);
  mbedtls_ssl_ticket_init(&c->ticket);
  mbedtls_ssl_cache_init(&c->cache);
  pthread_mutex_init(&c->lock, NULL);
  if (mbedtls_ssl_config_defaults(&c->conf, endpoint,
                                  MBEDTLS_SSL_TRANSPORT_STREAM,
                                  MBEDTLS_SSL_PRESET_DEFAULT) != 0) {
    nd_tls_config_unref(c);
    return ND_ENOMEM;
  }
  mbedtls_ssl_conf_rng(&c->conf, nd__tls_rng, NULL);
  if (role == ND_TLS_SERVER)
    mbedtls_ssl_conf_sni(&c->conf, nd__tls_sni, c);
  mbedtls_ssl_conf_min_version(&c->conf, MBEDTLS_SSL_MAJOR_VERSION_3,
                               MBEDTLS_SSL_MINOR_VERSION_3);
  mbedtls_ssl_conf_max_version(&c->conf, MBEDTLS_SSL_MAJOR_VERSION_3,
                               MBEDTLS_SSL_MINOR_VERSION_3);
  mbedtls_ssl_conf_ciphersuites(&c->conf, default_ciphers);
  /* Renegotiation is refused: a peer's request gets a no_renegotiation
   * warning, and nothing changes. */
  mbedtls_ssl_conf_renegotiation(&c->conf, MBEDTLS_SSL_RENEGOTIATION_DISABLED);
  mbedtls_ssl_conf_legacy_renegotiation(&c->conf,
                                        MBEDTLS_SSL_LEGACY_NO_RENEGOTIATION);
  c->verify_mode =
      role == ND_TLS_CLIENT ? ND_TLS_VERIFY_REQUIRED : ND_TLS_VERIFY_NONE;
  c->verify_host = role == ND_TLS_CLIENT;
  mbedtls_ssl_conf_authmode(&c->conf, role == ND_TLS_CLIENT
                                          ? MBEDTLS_SSL_VERIFY_REQUIRED
                                          : MBEDTLS_SSL_VERIFY_NONE);
  if (nd_tls_config_set_session_tickets(c, 1, 7200) != 0 ||
      nd_tls_config_set_session_cache(c, 64, 300) != 0) {
    nd_tls_config_unref(c);
    return ND_ENOMEM;
  }
  *out = c;
  return 0;
}

nd_tls_config_t *nd_tls_config_ref(nd_tls_config_t *c) {
  if (c != NULL)
    __atomic_add_fetch(&c->refs, 1, __ATOMIC_RELAXED);
  return c;
}

static void free_sessions(nd_tls_config_t *c) {
  size_t i;

  if (c->sessions == NULL)
    return;
  for (i = 0; i < c->session_entries; i++) {
    free(c->sessions[i].name);
    mbedtls_ssl_session_free(&c->sessions[i].session);
  }
  free(c->sessions);
  c->sessions = NULL;
}

void nd_tls_config_unref(nd_tls_config_t *c) {
  struct nd__tls_cert *cert;
  char **a;

  if (c == NULL || __atomic_sub_fetch(&c->refs, 1, __ATOMIC_ACQ_REL) != 0)
    return;
  while ((cert = c->certs) != NULL) {
    c->certs = cert->next;
    mbedtls_x509_crt_free(&cert->chain);
    mbedtls_pk_free(&cert->key);
    free(cert);
  }
  mbedtls_ssl_config_free(&c->conf);
  mbedtls_x509_crt_free(&c->ca);
  mbedtls_ssl_ticket_free(&c->ticket);
  mbedtls_ssl_cache_free(&c->cache);
  free_sessions(c);
  pthread_mutex_destroy(&c->lock);
  free(c->ciphers);
  if (c->alpn != NULL) {
    for (a = c->alpn; *a != NULL; a++)
      free(*a);
    free(c->alpn);
  }
  free(c);
}

static int check_mutable(const nd_tls_config_t *c) {
  if (c == NULL)
    return ND_EINVAL;
  return __atomic_load_n(&c->used, __ATOMIC_ACQUIRE) ? ND_EBUSY : 0;
}

/* --- certificates and keys ----------------------------------------------- */

/* mbedTLS parses PEM only with the terminating NUL counted. */
static unsigned char *nul_terminated(const char *data, size_t len,
                                     size_t *olen) {
  unsigned char *p;

  if (len > 0 && data[len - 1] == '\0') {
    len--;
  }
  p = malloc(len + 1);
  if (p == NULL)
    return NULL;
  memcpy(p, data, len);
  p[len] = '\0';
  *olen = len + 1;
  return p;
}

static int parse_chain(mbedtls_x509_crt *crt, const char *data, size_t len) {
  unsigned char *p;
  size_t n;
  int r;

  if (memmem(data, len, "-----BEGIN ", 11) == NULL)
    r = mbedtls_x509_crt_parse_der(crt, (const unsigned char *)data, len);
  else {
    p = nul_terminated(data, len, &n);
    if (p == NULL)
      return ND_ENOMEM;
    r = mbedtls_x509_crt_parse(crt, p, n);
    free(p);
    /* r > 0: that many blocks failed; fine while one certificate parsed. */
    if (r > 0 && crt->raw.p != NULL)
      r = 0;
  }
  if (r == MBEDTLS_ERR_X509_ALLOC_FAILED)
    return ND_ENOMEM;
  return r == 0 && crt->raw.p != NULL ? 0 : ND_ETLS_BAD_CERT;
}

static int key_error(int r) {
  switch (r) {
  case MBEDTLS_ERR_PK_PASSWORD_REQUIRED:
  case MBEDTLS_ERR_PK_PASSWORD_MISMATCH:
    return ND_ETLS_PASSPHRASE;
  case MBEDTLS_ERR_PK_ALLOC_FAILED:
    return ND_ENOMEM;
  case MBEDTLS_ERR_PKCS5_FEATURE_UNAVAILABLE:
  case MBEDTLS_ERR_PK_FEATURE_UNAVAILABLE:
    /* PKCS#8 with AES among others: mbedTLS 2.28 decrypts PBES2 with
     * DES and 3DES only. */
    return ND_ENOTSUP;
  default:
    return ND_ETLS_BAD_KEY;
  }
}

static int add_cert(nd_tls_config_t *c, const char *cert, size_t cert_len,
                    const char *key, size_t key_len, const char *pass) {
  struct nd__tls_cert *e;
  unsigned char *k;
  size_t n;
  int r;

  e = calloc(1, sizeof(*e));
  if (e == NULL)
    return ND_ENOMEM;
  mbedtls_x509_crt_init(&e->chain);
  mbedtls_pk_init(&e->key);
  r = parse_chain(&e->chain, cert, cert_len);
  if (r == 0) {
    k = nul_terminated(key, key_len, &n);
    if (k == NULL) {
      r = ND_ENOMEM;
    } else {
      /* DER keys are given as is; mbedTLS tells them apart itself. */
      if (memmem(key, key_len, "-----BEGIN ", 11) == NULL)
        n--;
      r = mbedtls_pk_parse_key(&e->key, k, n, (const unsigned char *)pass,
                               pass != NULL ? strlen(pass) : 0);
      mbedtls_platform_zeroize(k, n);
      free(k);
      r = r == 0 ? 0 : key_error(r);
    }
  }
  if (r == 0 && mbedtls_pk_check_pair(&e->chain.pk, &e->key) != 0)
    r = ND_ETLS_KEY_MISMATCH;
  if (r == 0 && mbedtls_ssl_conf_own_cert(&c->conf, &e->chain, &e->key) != 0)
    r = ND_ENOMEM;
  if (r != 0) {
    mbedtls_x509_crt_free(&e->chain);
    mbedtls_pk_free(&e->key);
    free(e);
    return r;
  }
  /* mbedTLS tries them in the order given: keep that order here too. */
  e->next = NULL;
  {
    struct nd__tls_cert **pp = &c->certs;
    while (*pp != NULL)
      pp = &(*pp)->next;
    *pp = e;
  }
  return 0;
}

int nd_tls_config_add_cert(nd_tls_config_t *c, const char *cert_pem,
                           size_t cert_len, const char *key_pem,
                           size_t key_len, const char *passphrase) {
  int err = check_mutable(c);

  if (err != 0)
    return err;
  if (cert_pem == NULL || key_pem == NULL || cert_len == 0 || key_len == 0)
    return ND_EINVAL;
  return add_cert(c, cert_pem, cert_len, key_pem, key_len, passphrase);
}

/* The whole file, for the parsers that want memory. */
static int read_file(const char *path, char **data, size_t *len) {
  FILE *f;
  char *p = NULL;
  size_t cap = 0;
  size_t n = 0;
  size_t r;

  f = fopen(path, "rbe");
  if (f == NULL)
    return -errno;
  for (;;) {
    if (n == cap) {
      char *q;
      cap = cap ? cap * 2 : 16384;
      q = realloc(p, cap);
      if (q == NULL) {
        free(p);
        fclose(f);
        return ND_ENOMEM;
      }
      p = q;
    }
    r = fread(p + n, 1, cap - n, f);
    n += r;
    if (r == 0)
      break;
  }
  if (ferror(f)) {
    int err = errno ? -errno : ND_EIO;
    free(p);
    fclose(f);
    return err;
  }
  fclose(f);
  *data = p;
  *len = n;
  return 0;
}

int nd_tls_config_add_cert_file(nd_tls_config_t *c, const char *cert_path,
                                const char *key_path,
                                const char *passphrase) {
  char *cert = NULL;
  char *key = NULL;
  size_t cert_len = 0;
  size_t key_len = 0;
  int err = check_mutable(c);

  if (err != 0)
    return err;
  if (cert_path == NULL || key_path == NULL)
    return ND_EINVAL;
  err = read_file(cert_path, &cert, &cert_len);
  if (err == 0)
    err = read_file(key_path, &key, &key_len);
  if (err == 0)
    err = cert_len == 0 ? ND_ETLS_BAD_CERT
          : key_len == 0 ? ND_ETLS_BAD_KEY
                         : add_cert(c, cert, cert_len, key, key_len,
                                    passphrase);
  free(cert);
  if (key != NULL) {
    mbedtls_platform_zeroize(key, key_len);
    free(key);
  }
  return err;
}

/* --- trusted CAs --------------------------------------------------------- */

static void ca_changed(nd_tls_config_t *c) {
  c->have_ca = 1;
  mbedtls_ssl_conf_ca_chain(&c->conf, &c->ca, NULL);
}

int nd_tls_config_add_ca(nd_tls_config_t *c, const char *data, size_t len) {
  int err = check_mutable(c);

  if (err != 0)
    return err;
  if (data == NULL || len == 0)
    return ND_EINVAL;
  err = parse_chain(&c->ca, data, len);
  if (err == 0)
    ca_changed(c);
  return err;
}

int nd_tls_config_add_ca_file(nd_tls_config_t *c, const char *path) {
  char *data = NULL;
  size_t len = 0;
  int err = check_mutable(c);

  if (err != 0)
    return err;
  if (path == NULL)
    return ND_EINVAL;
  err = read_file(path, &data, &len);
  if (err == 0)
    err = len == 0 ? ND_ETLS_BAD_CERT : nd_tls_config_add_ca(c, data, len);
  free(data);
  return err;
}

/*
 * Every file of the directory that holds a certificate (as /etc/ssl/certs
 * does, with its hash links): the ones that do not parse are skipped, and
 * it fails only when none did.
 */
int nd_tls_config_add_ca_dir(nd_tls_config_t *c, const char *path) {
  char file[PATH_MAX];
  struct dirent *d;
  DIR *dir;
  int added = 0;
  int err = check_mutable(c);

  if (err != 0)
    return err;
  if (path == NULL)
    return ND_EINVAL;
  dir = opendir(path);
  if (dir == NULL)
    return -errno;
  while ((d = readdir(dir)) != NULL) {
    char *data = NULL;
    size_t len = 0;
    if (d->d_name[0] == '.')
      continue;
    if (snprintf(file, sizeof(file), "%s/%s", path, d->d_name) >=
        (int)sizeof(file))
      continue;
    if (read_file(file, &data, &len) != 0)
      continue;
    if (len > 0 && parse_chain(&c->ca, data, len) == 0)
      added++;
    free(data);
  }
  closedir(dir);
  if (added == 0)
    return ND_ETLS_BAD_CERT;
  ca_changed(c);
  return 0;
}

int nd_tls_config_add_ca_system(nd_tls_config_t *c) {
  return nd_tls_config_add_ca_file(c, SYSTEM_CA_BUNDLE);
}

/* --- verification, versions, suites, ALPN -------------------------------- */

int nd_tls_config_set_verify(nd_tls_config_t *c, nd_tls_verify_mode mode) {
  int err = check_mutable(c);
  static const int modes[] = {MBEDTLS_SSL_VERIFY_NONE,
                              MBEDTLS_SSL_VERIFY_OPTIONAL,
                              MBEDTLS_SSL_VERIFY_REQUIRED};

  if (err != 0)
    return err;
  if ((unsigned int)mode > ND_TLS_VERIFY_REQUIRED)
    return ND_EINVAL;
  c->verify_mode = mode;
  mbedtls_ssl_conf_authmode(&c->conf, modes[mode]);
  return 0;
}

int nd_tls_config_set_verify_host(nd_tls_config_t *c, int on) {
  int err = check_mutable(c);

  if (err != 0)
    return err;
  c->verify_host = on != 0;
  return 0;
}

int nd_tls_config_set_versions(nd_tls_config_t *c, unsigned int min,
                               unsigned int max) {
  int err = check_mutable(c);

  if (err != 0)
    return err;
  if (min < ND_TLS_VERSION_1_0 || max > ND_TLS_VERSION_1_3 || min > max)
    return ND_EINVAL;
  if (max == ND_TLS_VERSION_1_3) {
    /* Not in mbedTLS 2.28 as built by Debian; say so rather than cap. */
    if (min == ND_TLS_VERSION_1_3)
      return ND_ENOTSUP;
    max = ND_TLS_VERSION_1_2;
  }
  mbedtls_ssl_conf_min_version(&c->conf, MBEDTLS_SSL_MAJOR_VERSION_3,
                               (int)(min & 0xff));
  mbedtls_ssl_conf_max_version(&c->conf, MBEDTLS_SSL_MAJOR_VERSION_3,
                               (int)(max & 0xff));
  return 0;
}

/* One name, IANA (underscores) or mbedTLS (dashes), to a suite number. */
static int cipher_id(const char *name, size_t len) {
  char tmp[128];
  size_t i;

  if (len == 0 || len >= sizeof(tmp))
    return 0;
  for (i = 0; i < len; i++)
    tmp[i] = name[i] == '_' ? '-' : name[i];
  tmp[len] = '\0';
  return mbedtls_ssl_get_ciphersuite_id(tmp);
}

int nd_tls_config_set_ciphers(nd_tls_config_t *c, const char *list) {
  const char *p;
  size_t n = 1;
  int *ids;
  size_t k = 0;
  int err = check_mutable(c);

  if (err != 0)
    return err;
  if (list == NULL)
    return ND_EINVAL;
  for (p = list; *p != '\0'; p++)
    if (*p == ':' || *p == ',')
      n++;
  ids = calloc(n + 1, sizeof(*ids));
  if (ids == NULL)
    return ND_ENOMEM;
  p = list;
  while (*p != '\0') {
    size_t len = strcspn(p, ":, ");
    if (len > 0) {
      int id = cipher_id(p, len);
      if (id == 0) {
        free(ids);
        return ND_EINVAL;
      }
      ids[k++] = id;
    }
    p += len;
    if (*p != '\0')
      p++;
  }
  if (k == 0) {
    free(ids);
    return ND_EINVAL;
  }
  free(c->ciphers);
  c->ciphers = ids;
  mbedtls_ssl_conf_ciphersuites(&c->conf, c->ciphers);
  return 0;
}

int nd_tls_config_set_alpn(nd_tls_config_t *c, const char *const *protocols,
                           size_t count) {
  char **list;
  size_t i;
  int err = check_mutable(c);

  if (err != 0)
    return err;
  if (count > 0 && protocols == NULL)
    return ND_EINVAL;
  for (i = 0; i < count; i++) {
    size_t len = protocols[i] != NULL ? strlen(protocols[i]) : 0;
    if (len == 0 || len > 255)
      return ND_EINVAL;
  }
  list = calloc(count + 1, sizeof(*list));
  if (list == NULL)
    return ND_ENOMEM;
  for (i = 0; i < count; i++) {
    list[i] = strdup(protocols[i]);
    if (list[i] == NULL) {
      while (i > 0)
        free(list[--i]);
      free(list);
      return ND_ENOMEM;
    }
  }
  if (c->alpn != NULL) {
    char **a;
    for (a = c->alpn; *a != NULL; a++)
      free(*a);
    free(c->alpn);
  }
  c->alpn = count > 0 ? list : NULL;
  if (count == 0)
    free(list);
  mbedtls_ssl_conf_alpn_protocols(&c->conf, (const char **)c->alpn);
  return 0;
}

/* --- sessions ------------------------------------------------------------ */

int nd_tls_config_set_session_tickets(nd_tls_config_t *c, int on,
                                      unsigned int lifetime_s) {
  int err = check_mutable(c);

  if (err != 0)
    return err;
  if (c->role == ND_TLS_CLIENT) {
    mbedtls_ssl_conf_session_tickets(&c->conf,
                                     on ? MBEDTLS_SSL_SESSION_TICKETS_ENABLED
                                        : MBEDTLS_SSL_SESSION_TICKETS_DISABLED);
    return 0;
  }
  if (!on) {
    mbedtls_ssl_conf_session_tickets_cb(&c->conf, NULL, NULL, NULL);
    return 0;
  }
  if (lifetime_s == 0)
    return ND_EINVAL;
  /* New keys for every setup: tickets never outlive the configuration. */
  mbedtls_ssl_ticket_free(&c->ticket);
  mbedtls_ssl_ticket_init(&c->ticket);
  c->ticket_ready = 0;
  if (mbedtls_ssl_ticket_setup(&c->ticket, nd__tls_rng, NULL,
                               MBEDTLS_CIPHER_AES_256_GCM, lifetime_s) != 0)
    return ND_ENOMEM;
  c->ticket_ready = 1;
  mbedtls_ssl_conf_session_tickets_cb(&c->conf, mbedtls_ssl_ticket_write,
                                      mbedtls_ssl_ticket_parse, &c->ticket);
  return 0;
}

int nd_tls_config_set_session_cache(nd_tls_config_t *c, size_t entries,
                                    unsigned int timeout_s) {
  int err = check_mutable(c);

  if (err != 0)
    return err;
  if (entries > 1000000 || (entries > 0 && timeout_s == 0))
    return ND_EINVAL;
  if (c->role == ND_TLS_SERVER) {
    if (entries == 0) {
      mbedtls_ssl_conf_session_cache(&c->conf, NULL, NULL, NULL);
      return 0;
    }
    mbedtls_ssl_cache_set_max_entries(&c->cache, (int)entries);
    mbedtls_ssl_cache_set_timeout(&c->cache, (int)timeout_s);
    mbedtls_ssl_conf_session_cache(&c->conf, &c->cache, mbedtls_ssl_cache_get,
                                   mbedtls_ssl_cache_set);
    return 0;
  }
  free_sessions(c);
  c->session_entries = 0;
  c->session_timeout = timeout_s;
  if (entries == 0)
    return 0;
  c->sessions = calloc(entries, sizeof(*c->sessions));
  if (c->sessions == NULL)
    return ND_ENOMEM;
  for (size_t i = 0; i < entries; i++)
    mbedtls_ssl_session_init(&c->sessions[i].session);
  c->session_entries = entries;
  return 0;
}

int nd__tls_cache_lookup(nd_tls_config_t *c, const char *name,
                         mbedtls_ssl_context *ssl) {
  time_t now = time(NULL);
  size_t i;
  int found = 0;

  if (c->session_entries == 0)
    return 0;
  if (name == NULL)
    name = "";
  pthread_mutex_lock(&c->lock);
  for (i = 0; i < c->session_entries; i++) {
    struct nd__tls_cached_session *e = &c->sessions[i];
    if (e->name == NULL || strcmp(e->name, name) != 0)
      continue;
    if (now - e->stored <= (time_t)c->session_timeout &&
        mbedtls_ssl_set_session(ssl, &e->session) == 0)
      found = 1;
    break;
  }
  pthread_mutex_unlock(&c->lock);
  return found;
}

void nd__tls_cache_store(nd_tls_config_t *c, const char *name,
                         const mbedtls_ssl_context *ssl) {
  struct nd__tls_cached_session *e = NULL;
  size_t i;

  if (c->session_entries == 0)
    return;
  if (name == NULL)
    name = "";
  pthread_mutex_lock(&c->lock);
  /* The entry for this name, else an empty one, else the oldest. */
  for (i = 0; i < c->session_entries; i++) {
    struct nd__tls_cached_session *s = &c->sessions[i];
    if (s->name != NULL && strcmp(s->name, name) == 0) {
      e = s;
      break;
    }
    if (e == NULL || (e->name != NULL &&
                      (s->name == NULL || s->stored < e->stored)))
      e = s;
  }
  if (e->name == NULL || strcmp(e->name, name) != 0) {
    free(e->name);
    e->name = strdup(name);
  }
  mbedtls_ssl_session_free(&e->session);
  mbedtls_ssl_session_init(&e->session);
  if (e->name == NULL || mbedtls_ssl_get_session(ssl, &e->session) != 0) {
    free(e->name);
    e->name = NULL;
  } else {
    e->stored = time(NULL);
  }
  pthread_mutex_unlock(&c->lock);
}

int nd_tls_config_set_sni_cb(nd_tls_config_t *c, nd_tls_sni_cb cb,
                             void *arg) {
  int err = check_mutable(c);

  if (err != 0)
    return err;
  if (c->role != ND_TLS_SERVER)
    return ND_EINVAL;
  c->sni_cb = cb;
  c->sni_arg = arg;
  return 0;
}

/* --- verification results ------------------------------------------------ */

int nd__tls_verify_code(uint32_t flags, int self_signed) {
  if (flags == 0)
    return 0;
  if (flags & MBEDTLS_X509_BADCERT_MISSING)
    return ND_ETLS_NO_PEER_CERT;
  /* The order of OpenSSL's checks, which Node reports: trust, then dates,
   * then the name (checkServerIdentity runs last). */
  if (flags & MBEDTLS_X509_BADCERT_NOT_TRUSTED) {
    if (self_signed)
      return ND_ETLS_SELF_SIGNED;
    return ND_ETLS_UNKNOWN_CA;
  }
  if (flags & MBEDTLS_X509_BADCERT_EXPIRED)
    return ND_ETLS_CERT_EXPIRED;
  if (flags & MBEDTLS_X509_BADCERT_FUTURE)
    return ND_ETLS_CERT_NOT_YET_VALID;
  if (flags & MBEDTLS_X509_BADCERT_CN_MISMATCH)
    return ND_ETLS_HOSTNAME_MISMATCH;
  return ND_ETLS_CERT_INVALID;
}
