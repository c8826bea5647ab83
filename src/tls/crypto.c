/*
 * crypto.c - the crypto the runtime needs: digests, HMAC, PBKDF2, HKDF,
 * random bytes, AES (GCM, CBC, CTR) and ChaCha20-Poly1305.
 *
 * mbedTLS 2.28 supplies the primitives (the digest compressions and the
 * ciphers); HMAC, PBKDF2 and HKDF are built here on nd_hash_t, so that a
 * keyed HMAC state is a plain value that PBKDF2 copies instead of re-keying
 * on every iteration, and Node's hash.copy() is a struct copy.  Random bytes
 * come from the kernel (getrandom), never from a user-space generator.
 *
 * The expensive calls are requests (nd_crypto_t): without callback they run
 * at once on the calling thread; with one they go to the CPU class of the
 * loop's pool and the callback runs once on the loop thread.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include <mbedtls/cipher.h>
#include <mbedtls/md5.h>
#include <mbedtls/sha1.h>
#include <mbedtls/sha256.h>
#include <mbedtls/sha512.h>

#include "loop/internal.h"

/* --- digests ------------------------------------------------------------ */

union hash_state {
  mbedtls_md5_context md5;
  mbedtls_sha1_context sha1;
  mbedtls_sha256_context sha256;
  mbedtls_sha512_context sha512;
};

_Static_assert(sizeof(union hash_state) <= sizeof(((nd_hash_t *)0)->state),
               "nd_hash_t.state is too small for mbedTLS's digest contexts");

static union hash_state *state_of(nd_hash_t *h) {
  return (union hash_state *)(void *)h->state;
}

static const union hash_state *cstate_of(const nd_hash_t *h) {
  return (const union hash_state *)(const void *)h->state;
}

size_t nd_hash_size(nd_hash_alg alg) {
  switch (alg) {
  case ND_HASH_MD5: return 16;
  case ND_HASH_SHA1: return 20;
  case ND_HASH_SHA224: return 28;
  case ND_HASH_SHA256: return 32;
  case ND_HASH_SHA384: return 48;
  case ND_HASH_SHA512: return 64;
  }
  return 0;
}

static size_t hash_block_size(nd_hash_alg alg) {
  return alg == ND_HASH_SHA384 || alg == ND_HASH_SHA512 ? 128 : 64;
}

int nd_hash_init(nd_hash_t *h, nd_hash_alg alg) {
  union hash_state *s;
  int r;

  if (h == NULL || nd_hash_size(alg) == 0)
    return ND_EINVAL;
  memset(h, 0, sizeof(*h));
  h->alg = alg;
  s = state_of(h);
  switch (alg) {
  case ND_HASH_MD5:
    mbedtls_md5_init(&s->md5);
    r = mbedtls_md5_starts_ret(&s->md5);
    break;
  case ND_HASH_SHA1:
    mbedtls_sha1_init(&s->sha1);
    r = mbedtls_sha1_starts_ret(&s->sha1);
    break;
  case ND_HASH_SHA224:
  case ND_HASH_SHA256:
    mbedtls_sha256_init(&s->sha256);
    r = mbedtls_sha256_starts_ret(&s->sha256, alg == ND_HASH_SHA224);
    break;
  default:
    mbedtls_sha512_init(&s->sha512);
    r = mbedtls_sha512_starts_ret(&s->sha512, alg == ND_HASH_SHA384);
    break;
  }
  return r == 0 ? 0 : ND_EINVAL;
}

int nd_hash_update(nd_hash_t *h, const void *data, size_t len) {
  union hash_state *s;
  int r;

  if (h == NULL || nd_hash_size(h->alg) == 0 || (data == NULL && len != 0))
    return ND_EINVAL;
  if (len == 0)
    return 0;
  s = state_of(h);
  switch (h->alg) {
  case ND_HASH_MD5:
    r = mbedtls_md5_update_ret(&s->md5, data, len);
    break;
  case ND_HASH_SHA1:
    r = mbedtls_sha1_update_ret(&s->sha1, data, len);
    break;
  case ND_HASH_SHA224:
  case ND_HASH_SHA256:
    r = mbedtls_sha256_update_ret(&s->sha256, data, len);
    break;
  default:
    r = mbedtls_sha512_update_ret(&s->sha512, data, len);
    break;
  }
  return r == 0 ? 0 : ND_EINVAL;
}

int nd_hash_final(nd_hash_t *h, uint8_t *digest) {
  union hash_state *s;
  uint8_t full[ND_HASH_MAX_SIZE];
  int r;

  if (h == NULL || digest == NULL || nd_hash_size(h->alg) == 0)
    return ND_EINVAL;
  s = state_of(h);
  /* SHA-224 and SHA-384 write the full-width state; copy the prefix. */
  switch (h->alg) {
  case ND_HASH_MD5:
    r = mbedtls_md5_finish_ret(&s->md5, full);
    mbedtls_md5_free(&s->md5);
    break;
  case ND_HASH_SHA1:
    r = mbedtls_sha1_finish_ret(&s->sha1, full);
    mbedtls_sha1_free(&s->sha1);
    break;
  case ND_HASH_SHA224:
  case ND_HASH_SHA256:
    r = mbedtls_sha256_finish_ret(&s->sha256, full);
    mbedtls_sha256_free(&s->sha256);
    break;
  default:
    r = mbedtls_sha512_finish_ret(&s->sha512, full);
    mbedtls_sha512_free(&s->sha512);
    break;
  }
  if (r == 0)
    memcpy(digest, full, nd_hash_size(h->alg));
  memset(full, 0, sizeof(full));
  /* A finished digest takes no more input until it is initialised again. */
  h->alg = 0;
  return r == 0 ? 0 : ND_EINVAL;
}

int nd_hash_copy(nd_hash_t *dst, const nd_hash_t *src) {
  const union hash_state *s;
  union hash_state *d;

  if (dst == NULL || src == NULL || nd_hash_size(src->alg) == 0)
    return ND_EINVAL;
  memset(dst, 0, sizeof(*dst));
  dst->alg = src->alg;
  s = cstate_of(src);
  d = state_of(dst);
  switch (src->alg) {
  case ND_HASH_MD5:
    mbedtls_md5_clone(&d->md5, &s->md5);
    break;
  case ND_HASH_SHA1:
    mbedtls_sha1_clone(&d->sha1, &s->sha1);
    break;
  case ND_HASH_SHA224:
  case ND_HASH_SHA256:
    mbedtls_sha256_clone(&d->sha256, &s->sha256);
    break;
  default:
    mbedtls_sha512_clone(&d->sha512, &s->sha512);
    break;
  }
  return 0;
}

int nd_hash(nd_hash_alg alg, const void *data, size_t len, uint8_t *digest) {
  nd_hash_t h;
  int err;

  err = nd_hash_init(&h, alg);
  if (err == 0)
    err = nd_hash_update(&h, data, len);
  if (err == 0)
    err = nd_hash_final(&h, digest);
  return err;
}

/* --- HMAC (RFC 2104) ---------------------------------------------------- */

int nd_hmac_init(nd_hmac_t *m, nd_hash_alg alg, const void *key,
                 size_t key_len) {
  uint8_t block[ND_HASH_MAX_BLOCK];
  uint8_t pad[ND_HASH_MAX_BLOCK];
  size_t bs = hash_block_size(alg);
  size_t i;
  int err;

  if (m == NULL || nd_hash_size(alg) == 0 || (key == NULL && key_len != 0))
    return ND_EINVAL;
  memset(block, 0, sizeof(block));
  /* A key longer than a block is replaced by its digest. */
  if (key_len > bs) {
    err = nd_hash(alg, key, key_len, block);
    if (err != 0)
      return err;
  } else if (key_len != 0) {
    memcpy(block, key, key_len);
  }
  for (i = 0; i < bs; i++)
    pad[i] = block[i] ^ 0x36;
  err = nd_hash_init(&m->inner, alg);
  if (err == 0)
    err = nd_hash_update(&m->inner, pad, bs);
  for (i = 0; i < bs; i++)
    pad[i] = block[i] ^ 0x5c;
  if (err == 0)
    err = nd_hash_init(&m->outer, alg);
  if (err == 0)
    err = nd_hash_update(&m->outer, pad, bs);
  memset(block, 0, sizeof(block));
  memset(pad, 0, sizeof(pad));
  return err;
}

int nd_hmac_update(nd_hmac_t *m, const void *data, size_t len) {
  if (m == NULL)
    return ND_EINVAL;
  return nd_hash_update(&m->inner, data, len);
}

int nd_hmac_final(nd_hmac_t *m, uint8_t *mac) {
  uint8_t inner[ND_HASH_MAX_SIZE];
  size_t n;
  int err;

  if (m == NULL || mac == NULL)
    return ND_EINVAL;
  n = nd_hash_size(m->inner.alg);
  err = nd_hash_final(&m->inner, inner);
  if (err == 0)
    err = nd_hash_update(&m->outer, inner, n);
  if (err == 0)
    err = nd_hash_final(&m->outer, mac);
  memset(inner, 0, sizeof(inner));
  return err;
}

static int hmac_copy(nd_hmac_t *dst, const nd_hmac_t *src) {
  int err = nd_hash_copy(&dst->inner, &src->inner);

  return err != 0 ? err : nd_hash_copy(&dst->outer, &src->outer);
}

int nd_hmac(nd_hash_alg alg, const void *key, size_t key_len,
            const void *data, size_t len, uint8_t *mac) {
  nd_hmac_t m;
  int err;

  err = nd_hmac_init(&m, alg, key, key_len);
  if (err == 0)
    err = nd_hmac_update(&m, data, len);
  if (err == 0)
    err = nd_hmac_final(&m, mac);
  return err;
}

int nd_crypto_memcmp(const void *a, const void *b, size_t len) {
  const volatile uint8_t *x = a;
  const volatile uint8_t *y = b;
  uint8_t diff = 0;
  size_t i;

  /* Every byte is read whatever the earlier ones were: no early exit. */
  for (i = 0; i < len; i++)
    diff |= x[i] ^ y[i];
  return diff != 0;
}

/* --- PBKDF2 (RFC 8018) and HKDF (RFC 5869) ------------------------------ */

static int pbkdf2(nd_hash_alg alg, const uint8_t *pass, size_t pass_len,
                  const uint8_t *salt, size_t salt_len,
                  unsigned int iterations, uint8_t *out, size_t out_len) {
  nd_hmac_t keyed;
  nd_hmac_t m;
  uint8_t u[ND_HASH_MAX_SIZE];
  uint8_t t[ND_HASH_MAX_SIZE];
  uint8_t be[4];
  size_t hlen = nd_hash_size(alg);
  size_t n;
  uint32_t block;
  unsigned int i;
  size_t k;
  int err;

  err = nd_hmac_init(&keyed, alg, pass, pass_len);
  for (block = 1; err == 0 && out_len > 0; block++) {
    be[0] = (uint8_t)(block >> 24);
    be[1] = (uint8_t)(block >> 16);
    be[2] = (uint8_t)(block >> 8);
    be[3] = (uint8_t)block;
    err = hmac_copy(&m, &keyed);
    if (err == 0)
      err = nd_hmac_update(&m, salt, salt_len);
    if (err == 0)
      err = nd_hmac_update(&m, be, 4);
    if (err == 0)
      err = nd_hmac_final(&m, u);
    memcpy(t, u, hlen);
    for (i = 1; err == 0 && i < iterations; i++) {
      err = hmac_copy(&m, &keyed);
      if (err == 0)
        err = nd_hmac_update(&m, u, hlen);
      if (err == 0)
        err = nd_hmac_final(&m, u);
      for (k = 0; k < hlen; k++)
        t[k] ^= u[k];
    }
    n = out_len < hlen ? out_len : hlen;
    memcpy(out, t, n);
    out += n;
    out_len -= n;
  }
  memset(&keyed, 0, sizeof(keyed));
  memset(&m, 0, sizeof(m));
  memset(u, 0, sizeof(u));
  memset(t, 0, sizeof(t));
  return err;
}

static int hkdf(nd_hash_alg alg, const uint8_t *ikm, size_t ikm_len,
                const uint8_t *salt, size_t salt_len, const uint8_t *info,
                size_t info_len, uint8_t *out, size_t out_len) {
  static const uint8_t zeros[ND_HASH_MAX_SIZE];
  uint8_t prk[ND_HASH_MAX_SIZE];
  uint8_t t[ND_HASH_MAX_SIZE];
  size_t hlen = nd_hash_size(alg);
  size_t tlen = 0;
  size_t n;
  uint8_t counter;
  nd_hmac_t m;
  int err;

  /* Extract: no salt means a string of HashLen zeros. */
  if (salt == NULL || salt_len == 0) {
    salt = zeros;
    salt_len = hlen;
  }
  err = nd_hmac(alg, salt, salt_len, ikm, ikm_len, prk);
  /* Expand: T(i) = HMAC(PRK, T(i-1) | info | i). */
  for (counter = 1; err == 0 && out_len > 0; counter++) {
    err = nd_hmac_init(&m, alg, prk, hlen);
    if (err == 0)
      err = nd_hmac_update(&m, t, tlen);
    if (err == 0)
      err = nd_hmac_update(&m, info, info_len);
    if (err == 0)
      err = nd_hmac_update(&m, &counter, 1);
    if (err == 0)
      err = nd_hmac_final(&m, t);
    tlen = hlen;
    n = out_len < hlen ? out_len : hlen;
    memcpy(out, t, n);
    out += n;
    out_len -= n;
  }
  memset(prk, 0, sizeof(prk));
  memset(t, 0, sizeof(t));
  memset(&m, 0, sizeof(m));
  return err;
}

/* --- random bytes ------------------------------------------------------- */

/*
 * getrandom returns at most 32 MiB - 1 per call, and may return less (or
 * EINTR) for requests over 256 bytes when a signal arrives: ask in chunks
 * and go on from wherever the kernel stopped.
 */
static int random_bytes(uint8_t *buf, size_t len) {
  const size_t chunk = 1u << 20;
  ssize_t n;

  while (len > 0) {
    n = getrandom(buf, len < chunk ? len : chunk, 0);
    if (n < 0) {
      if (errno == EINTR)
        continue;
      return -errno;
    }
    buf += n;
    len -= (size_t)n;
  }
  return 0;
}

/* --- ciphers ------------------------------------------------------------ */

static int is_aead(nd_cipher_alg alg) {
  return alg == ND_CIPHER_AES_128_GCM || alg == ND_CIPHER_AES_192_GCM ||
         alg == ND_CIPHER_AES_256_GCM || alg == ND_CIPHER_CHACHA20_POLY1305;
}

static int is_gcm(nd_cipher_alg alg) {
  return alg == ND_CIPHER_AES_128_GCM || alg == ND_CIPHER_AES_192_GCM ||
         alg == ND_CIPHER_AES_256_GCM;
}

static int is_cbc(nd_cipher_alg alg) {
  return alg == ND_CIPHER_AES_128_CBC || alg == ND_CIPHER_AES_192_CBC ||
         alg == ND_CIPHER_AES_256_CBC;
}

/* The mbedTLS cipher and the key size in bytes, or 0 for an unknown alg. */
static mbedtls_cipher_type_t cipher_type(nd_cipher_alg alg, size_t *key_len) {
  switch (alg) {
  case ND_CIPHER_AES_128_GCM: *key_len = 16; return MBEDTLS_CIPHER_AES_128_GCM;
  case ND_CIPHER_AES_192_GCM: *key_len = 24; return MBEDTLS_CIPHER_AES_192_GCM;
  case ND_CIPHER_AES_256_GCM: *key_len = 32; return MBEDTLS_CIPHER_AES_256_GCM;
  case ND_CIPHER_AES_128_CBC: *key_len = 16; return MBEDTLS_CIPHER_AES_128_CBC;
  case ND_CIPHER_AES_192_CBC: *key_len = 24; return MBEDTLS_CIPHER_AES_192_CBC;
  case ND_CIPHER_AES_256_CBC: *key_len = 32; return MBEDTLS_CIPHER_AES_256_CBC;
  case ND_CIPHER_AES_128_CTR: *key_len = 16; return MBEDTLS_CIPHER_AES_128_CTR;
  case ND_CIPHER_AES_192_CTR: *key_len = 24; return MBEDTLS_CIPHER_AES_192_CTR;
  case ND_CIPHER_AES_256_CTR: *key_len = 32; return MBEDTLS_CIPHER_AES_256_CTR;
  case ND_CIPHER_CHACHA20_POLY1305:
    *key_len = 32;
    return MBEDTLS_CIPHER_CHACHA20_POLY1305;
  }
  *key_len = 0;
  return MBEDTLS_CIPHER_NONE;
}

static int cipher_error(int r) {
  switch (r) {
  case 0:
    return 0;
  case MBEDTLS_ERR_CIPHER_AUTH_FAILED:
    return ND_ECRYPTO_AUTH;
  case MBEDTLS_ERR_CIPHER_INVALID_PADDING:
    return ND_ECRYPTO_PADDING;
  case MBEDTLS_ERR_CIPHER_ALLOC_FAILED:
    return ND_ENOMEM;
  default:
    /* Wrong lengths: a CBC input that is not whole blocks, and the like. */
    return ND_EINVAL;
  }
}

/* Tag lengths NIST SP 800-38D allows for GCM; ChaCha20-Poly1305 has 16. */
static int tag_len_ok(nd_cipher_alg alg, size_t len) {
  if (alg == ND_CIPHER_CHACHA20_POLY1305)
    return len == 16;
  return len == 4 || len == 8 || (len >= 12 && len <= 16);
}

static int check_params(const nd_cipher_params_t *p) {
  size_t key_len;

  if (p == NULL || cipher_type(p->alg, &key_len) == MBEDTLS_CIPHER_NONE)
    return ND_EINVAL;
  if (p->key == NULL || p->key_len != key_len)
    return ND_EINVAL;
  if (p->iv == NULL)
    return ND_EINVAL;
  if (is_gcm(p->alg) ? p->iv_len == 0
      : p->alg == ND_CIPHER_CHACHA20_POLY1305 ? p->iv_len != 12
      : p->iv_len != 16)
    return ND_EINVAL;
  if (p->aad == NULL && p->aad_len != 0)
    return ND_EINVAL;
  if (is_aead(p->alg) && p->tag_len != 0 && !tag_len_ok(p->alg, p->tag_len))
    return ND_EINVAL;
  return 0;
}

int nd_cipher_init(nd_cipher_t *c, const nd_cipher_params_t *p,
                   int encrypt) {
  static const uint8_t empty[1];
  mbedtls_cipher_context_t *ctx;
  size_t key_len;
  int r;

  if (c == NULL)
    return ND_EINVAL;
  memset(c, 0, sizeof(*c));
  r = check_params(p);
  if (r != 0)
    return r;
  ctx = malloc(sizeof(*ctx));
  if (ctx == NULL)
    return ND_ENOMEM;
  mbedtls_cipher_init(ctx);
  r = mbedtls_cipher_setup(
      ctx, mbedtls_cipher_info_from_type(cipher_type(p->alg, &key_len)));
  if (r == 0)
    r = mbedtls_cipher_setkey(ctx, p->key, (int)(key_len * 8),
                              encrypt ? MBEDTLS_ENCRYPT : MBEDTLS_DECRYPT);
  if (r == 0 && is_cbc(p->alg))
    r = mbedtls_cipher_set_padding_mode(
        ctx, p->no_padding ? MBEDTLS_PADDING_NONE : MBEDTLS_PADDING_PKCS7);
  if (r == 0)
    r = mbedtls_cipher_set_iv(ctx, p->iv, p->iv_len);
  if (r == 0)
    r = mbedtls_cipher_reset(ctx);
  /* For the AEADs this call is what starts the operation: always make it. */
  if (r == 0 && is_aead(p->alg))
    r = mbedtls_cipher_update_ad(ctx, p->aad != NULL ? p->aad : empty,
                                 p->aad_len);
  if (r != 0) {
    mbedtls_cipher_free(ctx);
    free(ctx);
    return cipher_error(r);
  }
  c->alg = p->alg;
  c->encrypt = encrypt != 0;
  c->ctx = ctx;
  c->tag_len = p->tag_len != 0 ? p->tag_len : ND_CIPHER_MAX_TAG;
  if (!encrypt && is_aead(p->alg) && p->tag != NULL) {
    memcpy(c->tag, p->tag, c->tag_len);
    c->tag_set = 1;
  }
  return 0;
}

/*
 * mbedTLS 2.28's GCM takes whole 16-byte blocks on every call but the last,
 * so GCM input is held back here until a block is whole; the other modes
 * take any length (CBC buffers inside mbedTLS).
 */
ssize_t nd_cipher_update(nd_cipher_t *c, const uint8_t *in, size_t len,
                         uint8_t *out) {
  mbedtls_cipher_context_t *ctx;
  size_t olen = 0;
  size_t done = 0;
  size_t take;
  size_t whole;
  int r;

  if (c == NULL || c->ctx == NULL || c->finished || out == NULL ||
      (in == NULL && len != 0))
    return ND_EINVAL;
  if (len == 0)
    return 0;
  ctx = c->ctx;
  if (!is_gcm(c->alg)) {
    r = mbedtls_cipher_update(ctx, in, len, out, &olen);
    return r == 0 ? (ssize_t)olen : cipher_error(r);
  }
  if (c->pending_len != 0) {
    take = ND_CIPHER_BLOCK - c->pending_len;
    if (take > len)
      take = len;
    memcpy(c->pending + c->pending_len, in, take);
    c->pending_len += take;
    in += take;
    len -= take;
    if (c->pending_len < ND_CIPHER_BLOCK)
      return 0;
    r = mbedtls_cipher_update(ctx, c->pending, ND_CIPHER_BLOCK, out, &olen);
    if (r != 0)
      return cipher_error(r);
    c->pending_len = 0;
    done = olen;
  }
  whole = len - len % ND_CIPHER_BLOCK;
  if (whole != 0) {
    r = mbedtls_cipher_update(ctx, in, whole, out + done, &olen);
    if (r != 0)
      return cipher_error(r);
    done += olen;
  }
  memcpy(c->pending, in + whole, len - whole);
  c->pending_len = len - whole;
  return (ssize_t)done;
}

int nd_cipher_set_tag(nd_cipher_t *c, const uint8_t *tag, size_t len) {
  if (c == NULL || c->ctx == NULL || c->finished || tag == NULL ||
      c->encrypt || !is_aead(c->alg) || !tag_len_ok(c->alg, len))
    return ND_EINVAL;
  memcpy(c->tag, tag, len);
  c->tag_len = len;
  c->tag_set = 1;
  return 0;
}

ssize_t nd_cipher_final(nd_cipher_t *c, uint8_t *out) {
  mbedtls_cipher_context_t *ctx;
  size_t olen = 0;
  size_t done = 0;
  int r = 0;

  if (c == NULL || c->ctx == NULL || c->finished || out == NULL)
    return ND_EINVAL;
  ctx = c->ctx;
  /* Decrypting an AEAD without the tag would return unauthenticated data. */
  if (!c->encrypt && is_aead(c->alg) && !c->tag_set)
    return ND_EINVAL;
  /* mbedTLS's context is spent after finish: no more input, no second tag. */
  c->finished = 1;
  if (c->pending_len != 0) {
    r = mbedtls_cipher_update(ctx, c->pending, c->pending_len, out, &olen);
    done = olen;
    c->pending_len = 0;
  }
  if (r == 0)
    r = mbedtls_cipher_finish(ctx, out + done, &olen);
  if (r == 0)
    done += olen;
  if (r == 0 && is_aead(c->alg)) {
    if (c->encrypt)
      r = mbedtls_cipher_write_tag(ctx, c->tag, c->tag_len);
    else
      r = mbedtls_cipher_check_tag(ctx, c->tag, c->tag_len);
  }
  if (r != 0) {
    /* Nothing a failed decryption produced may be used. */
    memset(out, 0, done);
    return cipher_error(r);
  }
  return (ssize_t)done;
}

int nd_cipher_get_tag(const nd_cipher_t *c, uint8_t *tag, size_t len) {
  if (c == NULL || tag == NULL || !c->encrypt || !is_aead(c->alg) ||
      !c->finished || len > c->tag_len || len == 0)
    return ND_EINVAL;
  memcpy(tag, c->tag, len);
  return 0;
}

void nd_cipher_free(nd_cipher_t *c) {
  if (c == NULL || c->ctx == NULL)
    return;
  mbedtls_cipher_free(c->ctx);
  free(c->ctx);
  c->ctx = NULL;
  memset(c->pending, 0, sizeof(c->pending));
  memset(c->tag, 0, sizeof(c->tag));
}

/* The room one-shot output needs: CBC encryption may add a whole block. */
static size_t cipher_out_size(const nd_cipher_params_t *p, int encrypt,
                              size_t len) {
  return is_cbc(p->alg) && encrypt && !p->no_padding ? len + ND_CIPHER_BLOCK
                                                     : len;
}

static ssize_t cipher_oneshot(const nd_cipher_params_t *p, int encrypt,
                              const uint8_t *in, size_t len, uint8_t *out) {
  nd_cipher_t c;
  ssize_t n;
  ssize_t m;
  int err;

  err = nd_cipher_init(&c, p, encrypt);
  if (err != 0)
    return err;
  n = nd_cipher_update(&c, in, len, out);
  m = n < 0 ? n : nd_cipher_final(&c, out + n);
  if (m >= 0 && encrypt && is_aead(p->alg) && p->tag != NULL)
    err = nd_cipher_get_tag(&c, p->tag, c.tag_len);
  nd_cipher_free(&c);
  if (m < 0)
    return m;
  return err != 0 ? err : n + m;
}

/* --- requests ----------------------------------------------------------- */

enum { OP_PBKDF2 = 1, OP_HKDF, OP_RANDOM, OP_ENCRYPT, OP_DECRYPT };

static ssize_t run_op(nd_crypto_t *req) {
  switch (req->op) {
  case OP_PBKDF2:
    return pbkdf2(req->hash, req->in[0], req->in_len[0], req->in[1],
                  req->in_len[1], req->iterations, req->out, req->out_len);
  case OP_HKDF:
    return hkdf(req->hash, req->in[0], req->in_len[0], req->in[1],
                req->in_len[1], req->in[2], req->in_len[2], req->out,
                req->out_len);
  case OP_RANDOM:
    return random_bytes(req->out, req->out_len);
  case OP_ENCRYPT:
  case OP_DECRYPT:
    return cipher_oneshot(&req->params, req->op == OP_ENCRYPT, req->in[0],
                          req->in_len[0], req->out);
  }
  return ND_EINVAL;
}

static void work_run(nd__work_t *w) {
  nd_crypto_t *req = nd__container_of(w, nd_crypto_t, work_req);

  req->result = run_op(req);
}

static void work_done(nd__work_t *w, int status) {
  nd_crypto_t *req = nd__container_of(w, nd_crypto_t, work_req);

  nd__req_unregister(req->loop, (nd_req_t *)req);
  if (status == ND_ECANCELED)
    req->result = ND_ECANCELED;
  req->cb(req);
}

/* Only a request still waiting for a worker can be cancelled. */
static int crypto_cancel(nd_req_t *r) {
  return nd__work_cancel(&((nd_crypto_t *)r)->work_req);
}

/* Fill in the common fields, keeping the caller's data pointer. */
static void req_prepare(nd_crypto_t *req, nd_loop_t *loop, nd_crypto_cb cb,
                        int op) {
  void *data = req->data;

  memset(req, 0, sizeof(*req));
  req->data = data;
  req->type = ND_WORK;
  req->loop = loop;
  req->cb = cb;
  req->op = op;
}

static ssize_t req_start(nd_crypto_t *req) {
  int err;

  if (req->cb == NULL) {
    req->result = run_op(req);
    return req->result;
  }
  if (req->loop == NULL)
    return ND_EINVAL;
  err = nd__work_submit(req->loop, &req->work_req, ND__WORK_CPU, work_run,
                        work_done);
  if (err != 0)
    return err;
  nd__req_register(req->loop, (nd_req_t *)req, ND_WORK);
  req->cancel = crypto_cancel;
  return 0;
}

int nd_crypto_pbkdf2(nd_loop_t *loop, nd_crypto_t *req, nd_crypto_cb cb,
                     nd_hash_alg alg, const void *pass, size_t pass_len,
                     const void *salt, size_t salt_len,
                     unsigned int iterations, uint8_t *out, size_t out_len) {
  if (req == NULL || nd_hash_size(alg) == 0 || iterations == 0 ||
      (pass == NULL && pass_len != 0) || (salt == NULL && salt_len != 0) ||
      (out == NULL && out_len != 0))
    return ND_EINVAL;
  /* RFC 8018: at most (2^32 - 1) blocks of output. */
  if (out_len / nd_hash_size(alg) >= UINT32_MAX)
    return ND_EINVAL;
  req_prepare(req, loop, cb, OP_PBKDF2);
  req->hash = alg;
  req->in[0] = pass;
  req->in_len[0] = pass_len;
  req->in[1] = salt;
  req->in_len[1] = salt_len;
  req->iterations = iterations;
  req->out = out;
  req->out_len = out_len;
  return (int)req_start(req);
}

int nd_crypto_hkdf(nd_loop_t *loop, nd_crypto_t *req, nd_crypto_cb cb,
                   nd_hash_alg alg, const void *ikm, size_t ikm_len,
                   const void *salt, size_t salt_len, const void *info,
                   size_t info_len, uint8_t *out, size_t out_len) {
  if (req == NULL || nd_hash_size(alg) == 0 ||
      (ikm == NULL && ikm_len != 0) || (salt == NULL && salt_len != 0) ||
      (info == NULL && info_len != 0) || (out == NULL && out_len != 0))
    return ND_EINVAL;
  /* RFC 5869: L <= 255 * HashLen. */
  if (out_len > 255 * nd_hash_size(alg))
    return ND_EINVAL;
  req_prepare(req, loop, cb, OP_HKDF);
  req->hash = alg;
  req->in[0] = ikm;
  req->in_len[0] = ikm_len;
  req->in[1] = salt;
  req->in_len[1] = salt_len;
  req->in[2] = info;
  req->in_len[2] = info_len;
  req->out = out;
  req->out_len = out_len;
  return (int)req_start(req);
}

int nd_crypto_random(nd_loop_t *loop, nd_crypto_t *req, nd_crypto_cb cb,
                     void *buf, size_t len) {
  if (req == NULL || (buf == NULL && len != 0))
    return ND_EINVAL;
  req_prepare(req, loop, cb, OP_RANDOM);
  req->out = buf;
  req->out_len = len;
  return (int)req_start(req);
}

static ssize_t crypto_cipher(nd_loop_t *loop, nd_crypto_t *req,
                             nd_crypto_cb cb, const nd_cipher_params_t *p,
                             int encrypt, const uint8_t *in, size_t len,
                             uint8_t *out, size_t out_size) {
  int err;

  if (req == NULL || (in == NULL && len != 0) || out == NULL)
    return ND_EINVAL;
  err = check_params(p);
  if (err != 0)
    return err;
  if (out_size < cipher_out_size(p, encrypt, len))
    return ND_ENOBUFS;
  if (is_aead(p->alg) && p->tag == NULL)
    return ND_EINVAL;
  if ((size_t)SSIZE_MAX - ND_CIPHER_BLOCK < len)
    return ND_EINVAL;
  req_prepare(req, loop, cb, encrypt ? OP_ENCRYPT : OP_DECRYPT);
  req->params = *p;
  req->in[0] = in;
  req->in_len[0] = len;
  req->out = out;
  req->out_len = out_size;
  return req_start(req);
}

ssize_t nd_crypto_encrypt(nd_loop_t *loop, nd_crypto_t *req, nd_crypto_cb cb,
                          const nd_cipher_params_t *p, const uint8_t *in,
                          size_t len, uint8_t *out, size_t out_size) {
  return crypto_cipher(loop, req, cb, p, 1, in, len, out, out_size);
}

ssize_t nd_crypto_decrypt(nd_loop_t *loop, nd_crypto_t *req, nd_crypto_cb cb,
                          const nd_cipher_params_t *p, const uint8_t *in,
                          size_t len, uint8_t *out, size_t out_size) {
  return crypto_cipher(loop, req, cb, p, 0, in, len, out, out_size);
}
