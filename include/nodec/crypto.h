/* nodec/crypto.h - digests, HMAC, key derivation, random bytes, ciphers. */
#ifndef NODEC_CRYPTO_H
#define NODEC_CRYPTO_H

#include <sys/types.h>

#include "loop.h"

/* Digests, for nd_hash_*, nd_hmac_*, PBKDF2 and HKDF. */
typedef enum {
  ND_HASH_MD5 = 1,
  ND_HASH_SHA1,
  ND_HASH_SHA224,
  ND_HASH_SHA256,
  ND_HASH_SHA384,
  ND_HASH_SHA512
} nd_hash_alg;

#define ND_HASH_MAX_SIZE 64  /* bytes of the longest digest (SHA-512) */
#define ND_HASH_MAX_BLOCK 128 /* bytes of the longest block (SHA-384/512) */

/* A digest in progress; caller-owned, copied with nd_hash_copy. */
typedef struct {
  /* read-only */
  nd_hash_alg alg;
  /* private */
  uint64_t state[32];
} nd_hash_t;

/* HMAC in progress: the keyed inner and outer digests. */
typedef struct {
  /* private */
  nd_hash_t inner;
  nd_hash_t outer;
} nd_hmac_t;

/* Ciphers. */
typedef enum {
  ND_CIPHER_AES_128_GCM = 1,
  ND_CIPHER_AES_192_GCM,
  ND_CIPHER_AES_256_GCM,
  ND_CIPHER_AES_128_CBC,
  ND_CIPHER_AES_192_CBC,
  ND_CIPHER_AES_256_CBC,
  ND_CIPHER_AES_128_CTR,
  ND_CIPHER_AES_192_CTR,
  ND_CIPHER_AES_256_CTR,
  ND_CIPHER_CHACHA20_POLY1305
} nd_cipher_alg;

#define ND_CIPHER_MAX_TAG 16
#define ND_CIPHER_BLOCK 16

/* What a cipher call needs besides its data; the buffers are the caller's. */
typedef struct {
  nd_cipher_alg alg;
  const uint8_t *key;
  size_t key_len;
  const uint8_t *iv;
  size_t iv_len;
  const uint8_t *aad;   /* GCM and ChaCha20-Poly1305: additional data */
  size_t aad_len;
  uint8_t *tag;         /* AEAD: written when encrypting, read when decrypting */
  size_t tag_len;       /* 0 means 16 */
  int no_padding;       /* CBC: nonzero turns PKCS#7 padding off */
} nd_cipher_params_t;

/* A streaming cipher; nd_cipher_free releases it. */
typedef struct {
  /* read-only */
  nd_cipher_alg alg;
  int encrypt;
  /* private */
  void *ctx;
  size_t tag_len;
  uint8_t tag[ND_CIPHER_MAX_TAG];
  int tag_set;
  int finished; /* nd_cipher_final ran: only get_tag and free remain */
  size_t pending_len; /* GCM: bytes held back until a block is whole */
  uint8_t pending[ND_CIPHER_BLOCK];
} nd_cipher_t;

/* Requests that run on the pool's CPU class (or at once without callback). */
typedef struct nd_crypto_s nd_crypto_t;
typedef void (*nd_crypto_cb)(nd_crypto_t *req);

struct nd_crypto_s {
  ND_REQ_FIELDS
  /* read-only */
  nd_loop_t *loop;
  nd_crypto_cb cb;
  ssize_t result;
  /* private */
  int op;
  nd_hash_alg hash;
  const uint8_t *in[3];
  size_t in_len[3];
  uint8_t *out;
  size_t out_len;
  unsigned int iterations;
  nd_cipher_params_t params;
  nd__work_t work_req;
};

/* Digests */
ND_EXTERN size_t nd_hash_size(nd_hash_alg alg);
ND_EXTERN int nd_hash_init(nd_hash_t *h, nd_hash_alg alg);
ND_EXTERN int nd_hash_update(nd_hash_t *h, const void *data, size_t len);
ND_EXTERN int nd_hash_final(nd_hash_t *h, uint8_t *digest);
ND_EXTERN int nd_hash_copy(nd_hash_t *dst, const nd_hash_t *src);
ND_EXTERN int nd_hash(nd_hash_alg alg, const void *data, size_t len,
                      uint8_t *digest);

/* HMAC */
ND_EXTERN int nd_hmac_init(nd_hmac_t *m, nd_hash_alg alg, const void *key,
                           size_t key_len);
ND_EXTERN int nd_hmac_update(nd_hmac_t *m, const void *data, size_t len);
ND_EXTERN int nd_hmac_final(nd_hmac_t *m, uint8_t *mac);
ND_EXTERN int nd_hmac(nd_hash_alg alg, const void *key, size_t key_len,
                      const void *data, size_t len, uint8_t *mac);

/* Constant-time comparison: 0 when equal. */
ND_EXTERN int nd_crypto_memcmp(const void *a, const void *b, size_t len);

/* Streaming ciphers */
ND_EXTERN int nd_cipher_init(nd_cipher_t *c, const nd_cipher_params_t *p,
                             int encrypt);
ND_EXTERN ssize_t nd_cipher_update(nd_cipher_t *c, const uint8_t *in,
                                   size_t len, uint8_t *out);
ND_EXTERN int nd_cipher_set_tag(nd_cipher_t *c, const uint8_t *tag,
                                size_t len);
ND_EXTERN ssize_t nd_cipher_final(nd_cipher_t *c, uint8_t *out);
ND_EXTERN int nd_cipher_get_tag(const nd_cipher_t *c, uint8_t *tag,
                                size_t len);
ND_EXTERN void nd_cipher_free(nd_cipher_t *c);

/* Requests: cb == NULL runs at once and returns the result. */
ND_EXTERN int nd_crypto_pbkdf2(nd_loop_t *loop, nd_crypto_t *req,
                               nd_crypto_cb cb, nd_hash_alg alg,
                               const void *pass, size_t pass_len,
                               const void *salt, size_t salt_len,
                               unsigned int iterations, uint8_t *out,
                               size_t out_len);
ND_EXTERN int nd_crypto_hkdf(nd_loop_t *loop, nd_crypto_t *req,
                             nd_crypto_cb cb, nd_hash_alg alg,
                             const void *ikm, size_t ikm_len,
                             const void *salt, size_t salt_len,
                             const void *info, size_t info_len, uint8_t *out,
                             size_t out_len);
ND_EXTERN int nd_crypto_random(nd_loop_t *loop, nd_crypto_t *req,
                               nd_crypto_cb cb, void *buf, size_t len);
ND_EXTERN ssize_t nd_crypto_encrypt(nd_loop_t *loop, nd_crypto_t *req,
                                    nd_crypto_cb cb,
                                    const nd_cipher_params_t *p,
                                    const uint8_t *in, size_t len,
                                    uint8_t *out, size_t out_size);
ND_EXTERN ssize_t nd_crypto_decrypt(nd_loop_t *loop, nd_crypto_t *req,
                                    nd_crypto_cb cb,
                                    const nd_cipher_params_t *p,
                                    const uint8_t *in, size_t len,
                                    uint8_t *out, size_t out_size);

#endif
