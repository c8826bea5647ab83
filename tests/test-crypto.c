/*
 * test-crypto.c - digests, HMAC, PBKDF2, HKDF, random bytes and ciphers
 * against the standards' known answers (FIPS 180, RFC 1321/2202/4231/6070/
 * 5869/8439, NIST SP 800-38A and the GCM specification's test cases), the
 * streaming forms against the one-shot ones in every split, and the pool
 * forms with real callbacks on a loop.
 */
#include "test-util.h"

/* Hex to bytes; returns the length.  Test-only, so it asserts. */
static size_t unhex(const char *hex, uint8_t *out) {
  size_t n = strlen(hex) / 2;
  size_t i;
  unsigned int b;

  assert_int_equal(strlen(hex) % 2, 0);
  for (i = 0; i < n; i++) {
    assert_int_equal(sscanf(hex + 2 * i, "%2x", &b), 1);
    out[i] = (uint8_t)b;
  }
  return n;
}

static void assert_hex(const uint8_t *got, size_t len, const char *want) {
  char buf[1024];
  size_t i;

  assert_true(len * 2 < sizeof(buf));
  for (i = 0; i < len; i++)
    snprintf(buf + 2 * i, 3, "%02x", got[i]);
  buf[2 * len] = '\0';
  assert_string_equal(buf, want);
}

/* --- digests ------------------------------------------------------------ */

static const char msg448[] =
    "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";

struct digest_kat {
  nd_hash_alg alg;
  const char *msg;
  const char *want;
};

static const struct digest_kat digest_kats[] = {
  {ND_HASH_MD5, "", "d41d8cd98f00b204e9800998ecf8427e"},
  {ND_HASH_MD5, "abc", "900150983cd24fb0d6963f7d28e17f72"},
  {ND_HASH_SHA1, "", "da39a3ee5e6b4b0d3255bfef95601890afd80709"},
  {ND_HASH_SHA1, "abc", "a9993e364706816aba3e25717850c26c9cd0d89d"},
  {ND_HASH_SHA1, msg448, "84983e441c3bd26ebaae4aa1f95129e5e54670f1"},
  {ND_HASH_SHA224, "",
   "d14a028c2a3a2bc9476102bb288234c415a2b01f828ea62ac5b3e42f"},
  {ND_HASH_SHA224, "abc",
   "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7"},
  {ND_HASH_SHA224, msg448,
   "75388b16512776cc5dba5da1fd890150b0c6455cb4f58b1952522525"},
  {ND_HASH_SHA256, "",
   "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
  {ND_HASH_SHA256, "abc",
   "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
  {ND_HASH_SHA256, msg448,
   "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
  {ND_HASH_SHA384, "",
   "38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da"
   "274edebfe76f65fbd51ad2f14898b95b"},
  {ND_HASH_SHA384, "abc",
   "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed"
   "8086072ba1e7cc2358baeca134c825a7"},
  {ND_HASH_SHA512, "",
   "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
   "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"},
  {ND_HASH_SHA512, "abc",
   "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
   "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"},
};

static void test_digest_vectors(void **state) {
  uint8_t d[ND_HASH_MAX_SIZE];
  size_t i;

  (void)state;
  for (i = 0; i < sizeof(digest_kats) / sizeof(digest_kats[0]); i++) {
    const struct digest_kat *k = &digest_kats[i];

    ND_OK(nd_hash(k->alg, k->msg, strlen(k->msg), d));
    assert_hex(d, nd_hash_size(k->alg), k->want);
  }
}

/* FIPS 180-2's long message: one million 'a', fed in uneven pieces. */
static void test_digest_million_a(void **state) {
  static const struct { nd_hash_alg alg; const char *want; } kats[] = {
    {ND_HASH_SHA1, "34aa973cd4c4daa4f61eeb2bdbad27316534016f"},
    {ND_HASH_SHA256,
     "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
  };
  uint8_t chunk[997];
  uint8_t d[ND_HASH_MAX_SIZE];
  nd_hash_t h;
  size_t left;
  size_t n;
  size_t i;

  (void)state;
  memset(chunk, 'a', sizeof(chunk));
  for (i = 0; i < 2; i++) {
    ND_OK(nd_hash_init(&h, kats[i].alg));
    for (left = 1000000; left > 0; left -= n) {
      n = left < sizeof(chunk) ? left : sizeof(chunk);
      ND_OK(nd_hash_update(&h, chunk, n));
    }
    ND_OK(nd_hash_final(&h, d));
    assert_hex(d, nd_hash_size(kats[i].alg), kats[i].want);
  }
}

/* Every two-way split of the input gives the one-shot digest. */
static void test_digest_every_split(void **state) {
  static const nd_hash_alg algs[] = {ND_HASH_MD5, ND_HASH_SHA1,
                                     ND_HASH_SHA224, ND_HASH_SHA256,
                                     ND_HASH_SHA384, ND_HASH_SHA512};
  uint8_t msg[300];
  uint8_t want[ND_HASH_MAX_SIZE];
  uint8_t got[ND_HASH_MAX_SIZE];
  nd_hash_t h;
  size_t a;
  size_t cut;

  (void)state;
  for (cut = 0; cut < sizeof(msg); cut++)
    msg[cut] = (uint8_t)(cut * 7 + 3);
  for (a = 0; a < 6; a++) {
    ND_OK(nd_hash(algs[a], msg, sizeof(msg), want));
    for (cut = 0; cut <= sizeof(msg); cut++) {
      ND_OK(nd_hash_init(&h, algs[a]));
      ND_OK(nd_hash_update(&h, msg, cut));
      ND_OK(nd_hash_update(&h, msg + cut, sizeof(msg) - cut));
      ND_OK(nd_hash_final(&h, got));
      assert_memory_equal(got, want, nd_hash_size(algs[a]));
    }
  }
}

/* hash.copy(): the copy and the original go on independently. */
static void test_digest_copy(void **state) {
  nd_hash_t h;
  nd_hash_t c;
  uint8_t d1[32];
  uint8_t d2[32];

  (void)state;
  ND_OK(nd_hash_init(&h, ND_HASH_SHA256));
  ND_OK(nd_hash_update(&h, "ab", 2));
  ND_OK(nd_hash_copy(&c, &h));
  ND_OK(nd_hash_update(&h, "c", 1));
  ND_OK(nd_hash_final(&h, d1));
  assert_hex(d1, 32,
             "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  ND_OK(nd_hash_update(&c, "c", 1));
  ND_OK(nd_hash_final(&c, d2));
  assert_memory_equal(d1, d2, 32);
  /* A finished digest refuses more input instead of misbehaving. */
  assert_int_equal(nd_hash_update(&h, "x", 1), ND_EINVAL);
  assert_int_equal(nd_hash_final(&h, d1), ND_EINVAL);
}

static void test_digest_bad_input(void **state) {
  nd_hash_t h;
  uint8_t d[ND_HASH_MAX_SIZE];

  (void)state;
  assert_int_equal(nd_hash_size((nd_hash_alg)99), 0);
  assert_int_equal(nd_hash_init(&h, (nd_hash_alg)0), ND_EINVAL);
  assert_int_equal(nd_hash_init(NULL, ND_HASH_SHA1), ND_EINVAL);
  assert_int_equal(nd_hash(ND_HASH_SHA1, NULL, 3, d), ND_EINVAL);
  ND_OK(nd_hash(ND_HASH_SHA1, NULL, 0, d));
  assert_hex(d, 20, "da39a3ee5e6b4b0d3255bfef95601890afd80709");
}

/* --- HMAC --------------------------------------------------------------- */

static void test_hmac_vectors(void **state) {
  uint8_t key[131];
  uint8_t mac[ND_HASH_MAX_SIZE];
  const char *hi = "Hi There";
  const char *jefe = "what do ya want for nothing?";
  const char *big = "Test Using Larger Than Block-Size Key - Hash Key First";

  (void)state;
  memset(key, 0x0b, 20);
  /* RFC 2202 test 1 (MD5, SHA-1). */
  ND_OK(nd_hmac(ND_HASH_MD5, key, 16, hi, strlen(hi), mac));
  assert_hex(mac, 16, "9294727a3638bb1c13f48ef8158bfc9d");
  ND_OK(nd_hmac(ND_HASH_SHA1, key, 20, hi, strlen(hi), mac));
  assert_hex(mac, 20, "b617318655057264e28bc0b6fb378c8ef146be00");
  /* RFC 4231 test 1. */
  ND_OK(nd_hmac(ND_HASH_SHA224, key, 20, hi, strlen(hi), mac));
  assert_hex(mac, 28,
             "896fb1128abbdf196832107cd49df33f47b4b1169912ba4f53684b22");
  ND_OK(nd_hmac(ND_HASH_SHA256, key, 20, hi, strlen(hi), mac));
  assert_hex(mac, 32,
             "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  ND_OK(nd_hmac(ND_HASH_SHA384, key, 20, hi, strlen(hi), mac));
  assert_hex(mac, 48,
             "afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59c"
             "faea9ea9076ede7f4af152e8b2fa9cb6");
  ND_OK(nd_hmac(ND_HASH_SHA512, key, 20, hi, strlen(hi), mac));
  assert_hex(mac, 64,
             "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cde"
             "daa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854");
  /* RFC 4231 test 2: a key shorter than the digest. */
  ND_OK(nd_hmac(ND_HASH_SHA256, "Jefe", 4, jefe, strlen(jefe), mac));
  assert_hex(mac, 32,
             "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  /* RFC 4231 test 6: a key longer than the block is hashed first. */
  memset(key, 0xaa, sizeof(key));
  ND_OK(nd_hmac(ND_HASH_SHA256, key, 131, big, strlen(big), mac));
  assert_hex(mac, 32,
             "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
  ND_OK(nd_hmac(ND_HASH_SHA512, key, 131, big, strlen(big), mac));
  assert_hex(mac, 64,
             "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f352"
             "6b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598");
}

static void test_hmac_streaming(void **state) {
  uint8_t msg[200];
  uint8_t want[ND_HASH_MAX_SIZE];
  uint8_t got[ND_HASH_MAX_SIZE];
  nd_hmac_t m;
  size_t cut;

  (void)state;
  for (cut = 0; cut < sizeof(msg); cut++)
    msg[cut] = (uint8_t)cut;
  ND_OK(nd_hmac(ND_HASH_SHA384, "key", 3, msg, sizeof(msg), want));
  for (cut = 0; cut <= sizeof(msg); cut++) {
    ND_OK(nd_hmac_init(&m, ND_HASH_SHA384, "key", 3));
    ND_OK(nd_hmac_update(&m, msg, cut));
    ND_OK(nd_hmac_update(&m, msg + cut, sizeof(msg) - cut));
    ND_OK(nd_hmac_final(&m, got));
    assert_memory_equal(got, want, 48);
  }
  assert_int_equal(nd_hmac_init(&m, (nd_hash_alg)42, "k", 1), ND_EINVAL);
  assert_int_equal(nd_hmac_init(&m, ND_HASH_SHA1, NULL, 4), ND_EINVAL);
}

static void test_memcmp(void **state) {
  (void)state;
  assert_int_equal(nd_crypto_memcmp("abcdef", "abcdef", 6), 0);
  assert_int_not_equal(nd_crypto_memcmp("abcdef", "abcdeg", 6), 0);
  assert_int_not_equal(nd_crypto_memcmp("xbcdef", "abcdef", 6), 0);
  assert_int_equal(nd_crypto_memcmp("a", "b", 0), 0);
}

/* --- PBKDF2 and HKDF ---------------------------------------------------- */

static void test_pbkdf2_vectors(void **state) {
  nd_crypto_t req;
  uint8_t out[32];

  (void)state;
  /* RFC 6070. */
  ND_OK(nd_crypto_pbkdf2(NULL, &req, NULL, ND_HASH_SHA1, "password", 8,
                         "salt", 4, 1, out, 20));
  assert_hex(out, 20, "0c60c80f961f0e71f3a9b524af6012062fe037a6");
  ND_OK(nd_crypto_pbkdf2(NULL, &req, NULL, ND_HASH_SHA1, "password", 8,
                         "salt", 4, 2, out, 20));
  assert_hex(out, 20, "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957");
  ND_OK(nd_crypto_pbkdf2(NULL, &req, NULL, ND_HASH_SHA1, "password", 8,
                         "salt", 4, 4096, out, 20));
  assert_hex(out, 20, "4b007901b765489abead49d926f721d065a429c1");
  ND_OK(nd_crypto_pbkdf2(NULL, &req, NULL, ND_HASH_SHA1,
                         "passwordPASSWORDpassword", 24,
                         "saltSALTsaltSALTsaltSALTsaltSALTsalt", 36, 4096,
                         out, 25));
  assert_hex(out, 25, "3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038");
  ND_OK(nd_crypto_pbkdf2(NULL, &req, NULL, ND_HASH_SHA1, "pass\0word", 9,
                         "sa\0lt", 5, 4096, out, 16));
  assert_hex(out, 16, "56fa6aa75548099dcc37d7f03425e0c3");
  assert_int_equal(req.result, 0);
  /* SHA-256, one iteration. */
  ND_OK(nd_crypto_pbkdf2(NULL, &req, NULL, ND_HASH_SHA256, "password", 8,
                         "salt", 4, 1, out, 32));
  assert_hex(out, 32,
             "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b");
  /* Bad input. */
  assert_int_equal(nd_crypto_pbkdf2(NULL, &req, NULL, ND_HASH_SHA1, "p", 1,
                                    "s", 1, 0, out, 20), ND_EINVAL);
  assert_int_equal(nd_crypto_pbkdf2(NULL, &req, NULL, (nd_hash_alg)0, "p",
                                    1, "s", 1, 1, out, 20), ND_EINVAL);
  assert_int_equal(nd_crypto_pbkdf2(NULL, NULL, NULL, ND_HASH_SHA1, "p", 1,
                                    "s", 1, 1, out, 20), ND_EINVAL);
  assert_int_equal(nd_crypto_pbkdf2(NULL, &req, NULL, ND_HASH_SHA1, "p", 1,
                                    "s", 1, 1, NULL, 20), ND_EINVAL);
}

static void test_hkdf_vectors(void **state) {
  nd_crypto_t req;
  uint8_t ikm[22];
  uint8_t salt[13];
  uint8_t info[10];
  uint8_t out[42];
  size_t i;

  (void)state;
  memset(ikm, 0x0b, sizeof(ikm));
  for (i = 0; i < sizeof(salt); i++)
    salt[i] = (uint8_t)i;
  for (i = 0; i < sizeof(info); i++)
    info[i] = (uint8_t)(0xf0 + i);
  /* RFC 5869 A.1 (SHA-256). */
  ND_OK(nd_crypto_hkdf(NULL, &req, NULL, ND_HASH_SHA256, ikm, 22, salt, 13,
                       info, 10, out, 42));
  assert_hex(out, 42,
             "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
             "34007208d5b887185865");
  /* A.3: no salt, no info. */
  ND_OK(nd_crypto_hkdf(NULL, &req, NULL, ND_HASH_SHA256, ikm, 22, NULL, 0,
                       NULL, 0, out, 42));
  assert_hex(out, 42,
             "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d"
             "9d201395faa4b61a96c8");
  /* A.4 (SHA-1). */
  ND_OK(nd_crypto_hkdf(NULL, &req, NULL, ND_HASH_SHA1, ikm, 11, salt, 13,
                       info, 10, out, 42));
  assert_hex(out, 42,
             "085a01ea1b10f36933068b56efa5ad81a4f14b822f5b091568a9cdd4f155fda2"
             "c22e422478d305f3f896");
  /* L may not pass 255 * HashLen. */
  assert_int_equal(nd_crypto_hkdf(NULL, &req, NULL, ND_HASH_SHA1, ikm, 11,
                                  NULL, 0, NULL, 0, out, 255 * 20 + 1),
                   ND_EINVAL);
  assert_int_equal(nd_crypto_hkdf(NULL, &req, NULL, ND_HASH_SHA1, NULL, 11,
                                  NULL, 0, NULL, 0, out, 20),
                   ND_EINVAL);
}

/* --- random bytes ------------------------------------------------------- */

static void test_random(void **state) {
  static uint8_t big[3 << 20]; /* several of the getrandom chunks */
  uint8_t a[64];
  uint8_t b[64];
  nd_crypto_t req;
  size_t zeros = 0;
  size_t i;

  (void)state;
  memset(a, 0, sizeof(a));
  memset(b, 0, sizeof(b));
  ND_OK(nd_crypto_random(NULL, &req, NULL, a, sizeof(a)));
  ND_OK(nd_crypto_random(NULL, &req, NULL, b, sizeof(b)));
  assert_memory_not_equal(a, b, sizeof(a));
  ND_OK(nd_crypto_random(NULL, &req, NULL, a, 0));
  ND_OK(nd_crypto_random(NULL, &req, NULL, big, sizeof(big)));
  /* About 1/256 of the bytes are zero; a buffer left unfilled is all zero. */
  for (i = sizeof(big) - 4096; i < sizeof(big); i++)
    zeros += big[i] == 0;
  assert_true(zeros < 100);
  assert_int_equal(nd_crypto_random(NULL, &req, NULL, NULL, 1), ND_EINVAL);
}

/* --- ciphers ------------------------------------------------------------ */

struct cipher_kat {
  const char *name;
  nd_cipher_alg alg;
  const char *key;
  const char *iv;
  const char *aad;
  const char *pt;
  const char *ct;
  const char *tag;
  int no_padding;
};

static const char gcm_pt[] =
    "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
    "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39";
static const char gcm_aad[] = "feedfacedeadbeeffeedfacedeadbeefabaddad2";
static const char sp800_pt[] =
    "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51"
    "30c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710";
static const char chacha_pt[] =
    "4c616469657320616e642047656e746c656d656e206f662074686520636c6173"
    "73206f66202739393a204966204920636f756c64206f6666657220796f75206f"
    "6e6c79206f6e652074697020666f7220746865206675747572652c2073756e73"
    "637265656e20776f756c642062652069742e";

static const struct cipher_kat cipher_kats[] = {
  /* The GCM specification's test cases 2, 4, 10 and 16. */
  {"gcm-2", ND_CIPHER_AES_128_GCM, "00000000000000000000000000000000",
   "000000000000000000000000", "", "00000000000000000000000000000000",
   "0388dace60b6a392f328c2b971b2fe78", "ab6e47d42cec13bdf53a67b21257bddf", 0},
  {"gcm-4", ND_CIPHER_AES_128_GCM, "feffe9928665731c6d6a8f9467308308",
   "cafebabefacedbaddecaf888", gcm_aad, gcm_pt,
   "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
   "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091",
   "5bc94fbc3221a5db94fae95ae7121a47", 0},
  {"gcm-10", ND_CIPHER_AES_192_GCM,
   "feffe9928665731c6d6a8f9467308308feffe9928665731c",
   "cafebabefacedbaddecaf888", gcm_aad, gcm_pt,
   "3980ca0b3c00e841eb06fac4872a2757859e1ceaa6efd984628593b40ca1e19c"
   "7d773d00c144c525ac619d18c84a3f4718e2448b2fe324d9ccda2710",
   "2519498e80f1478f37ba55bd6d27618c", 0},
  {"gcm-16", ND_CIPHER_AES_256_GCM,
   "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308",
   "cafebabefacedbaddecaf888", gcm_aad, gcm_pt,
   "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
   "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662",
   "76fc6ece0f4e1768cddf8853bb2d551b", 0},
  /* NIST SP 800-38A F.2.1, F.2.3, F.2.5 (no padding) and F.5.1, F.5.5. */
  {"cbc-128", ND_CIPHER_AES_128_CBC, "2b7e151628aed2a6abf7158809cf4f3c",
   "000102030405060708090a0b0c0d0e0f", "", sp800_pt,
   "7649abac8119b246cee98e9b12e9197d5086cb9b507219ee95db113a917678b2"
   "73bed6b8e3c1743b7116e69e222295163ff1caa1681fac09120eca307586e1a7",
   "", 1},
  {"cbc-192", ND_CIPHER_AES_192_CBC,
   "8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b",
   "000102030405060708090a0b0c0d0e0f", "", sp800_pt,
   "4f021db243bc633d7178183a9fa071e8b4d9ada9ad7dedf4e5e738763f69145a"
   "571b242012fb7ae07fa9baac3df102e008b0e27988598881d920a9e64f5615cd",
   "", 1},
  {"cbc-256", ND_CIPHER_AES_256_CBC,
   "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4",
   "000102030405060708090a0b0c0d0e0f", "", sp800_pt,
   "f58c4c04d6e5f1ba779eabfb5f7bfbd69cfc4e967edb808d679f777bc6702c7d"
   "39f23369a9d9bacfa530e26304231461b2eb05e2c39be9fcda6c19078c6a9d1b",
   "", 1},
  {"ctr-128", ND_CIPHER_AES_128_CTR, "2b7e151628aed2a6abf7158809cf4f3c",
   "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff", "", sp800_pt,
   "874d6191b620e3261bef6864990db6ce9806f66b7970fdff8617187bb9fffdff"
   "5ae4df3edbd5d35e5b4f09020db03eab1e031dda2fbe03d1792170a0f3009cee",
   "", 0},
  {"ctr-256", ND_CIPHER_AES_256_CTR,
   "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4",
   "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff", "", sp800_pt,
   "601ec313775789a5b7a7f504bbf3d228f443e3ca4d62b59aca84e990cacaf5c5"
   "2b0930daa23de94ce87017ba2d84988ddfc9c58db67aada613c2dd08457941a6",
   "", 0},
  /* RFC 8439 section 2.8.2. */
  {"chacha20-poly1305", ND_CIPHER_CHACHA20_POLY1305,
   "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f",
   "070000004041424344454647", "50515253c0c1c2c3c4c5c6c7", chacha_pt,
   "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d6"
   "3dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b36"
   "92ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc"
   "3ff4def08e4b7a9de576d26586cec64b6116",
   "1ae10b594f09e26a7e902ecbd0600691", 0},
};

struct kat_bufs {
  uint8_t key[32], iv[16], aad[64], pt[128], ct[128], tag[16];
  size_t key_len, iv_len, aad_len, pt_len, ct_len, tag_len;
};

static void kat_load(const struct cipher_kat *k, struct kat_bufs *b,
                     nd_cipher_params_t *p) {
  b->key_len = unhex(k->key, b->key);
  b->iv_len = unhex(k->iv, b->iv);
  b->aad_len = unhex(k->aad, b->aad);
  b->pt_len = unhex(k->pt, b->pt);
  b->ct_len = unhex(k->ct, b->ct);
  b->tag_len = unhex(k->tag, b->tag);
  memset(p, 0, sizeof(*p));
  p->alg = k->alg;
  p->key = b->key;
  p->key_len = b->key_len;
  p->iv = b->iv;
  p->iv_len = b->iv_len;
  p->aad = b->aad_len != 0 ? b->aad : NULL;
  p->aad_len = b->aad_len;
  p->no_padding = k->no_padding;
}

static void test_cipher_vectors(void **state) {
  struct kat_bufs b;
  nd_cipher_params_t p;
  nd_crypto_t req;
  uint8_t out[160];
  uint8_t tag[16];
  size_t i;

  (void)state;
  for (i = 0; i < sizeof(cipher_kats) / sizeof(cipher_kats[0]); i++) {
    const struct cipher_kat *k = &cipher_kats[i];

    kat_load(k, &b, &p);
    p.tag = tag;
    memset(tag, 0, sizeof(tag));
    assert_int_equal(nd_crypto_encrypt(NULL, &req, NULL, &p, b.pt, b.pt_len,
                                       out, sizeof(out)),
                     (ssize_t)b.ct_len);
    assert_memory_equal(out, b.ct, b.ct_len);
    if (b.tag_len != 0)
      assert_memory_equal(tag, b.tag, b.tag_len);
    p.tag = b.tag_len != 0 ? b.tag : NULL;
    assert_int_equal(nd_crypto_decrypt(NULL, &req, NULL, &p, b.ct, b.ct_len,
                                       out, sizeof(out)),
                     (ssize_t)b.pt_len);
    assert_memory_equal(out, b.pt, b.pt_len);
  }
}

/* A flipped bit anywhere (text, AAD or tag) fails authentication. */
static void test_aead_rejects_tampering(void **state) {
  struct kat_bufs b;
  nd_cipher_params_t p;
  nd_crypto_t req;
  uint8_t out[160];
  size_t i;

  (void)state;
  for (i = 0; i < sizeof(cipher_kats) / sizeof(cipher_kats[0]); i++) {
    const struct cipher_kat *k = &cipher_kats[i];

    if (k->tag[0] == '\0')
      continue;
    kat_load(k, &b, &p);
    p.tag = b.tag;
    b.tag[5] ^= 1;
    assert_int_equal(nd_crypto_decrypt(NULL, &req, NULL, &p, b.ct, b.ct_len,
                                       out, sizeof(out)),
                     ND_ECRYPTO_AUTH);
    b.tag[5] ^= 1;
    b.ct[0] ^= 0x80;
    assert_int_equal(nd_crypto_decrypt(NULL, &req, NULL, &p, b.ct, b.ct_len,
                                       out, sizeof(out)),
                     ND_ECRYPTO_AUTH);
    b.ct[0] ^= 0x80;
    if (b.aad_len != 0) {
      b.aad[0] ^= 1;
      assert_int_equal(nd_crypto_decrypt(NULL, &req, NULL, &p, b.ct,
                                         b.ct_len, out, sizeof(out)),
                       ND_ECRYPTO_AUTH);
      b.aad[0] ^= 1;
    }
    /* A truncated GCM tag is checked on the bytes given. */
    if (k->alg != ND_CIPHER_CHACHA20_POLY1305) {
      p.tag_len = 12;
      assert_int_equal(nd_crypto_decrypt(NULL, &req, NULL, &p, b.ct,
                                         b.ct_len, out, sizeof(out)),
                       (ssize_t)b.pt_len);
      assert_memory_equal(out, b.pt, b.pt_len);
    }
  }
  assert_string_equal(nd_err_name(ND_ECRYPTO_AUTH), "ECRYPTO_AUTH");
  assert_string_equal(nd_err_name(ND_ECRYPTO_PADDING), "ECRYPTO_PADDING");
}

/* Streaming in every two- and three-way split equals the one-shot result. */
static void test_cipher_streaming_splits(void **state) {
  struct kat_bufs b;
  nd_cipher_params_t p;
  nd_cipher_t c;
  uint8_t out[200];
  uint8_t tag[16];
  size_t cuts[3];
  size_t i;
  size_t x;
  size_t y;
  size_t j;
  size_t n;
  ssize_t r;
  int enc;

  (void)state;
  for (i = 0; i < sizeof(cipher_kats) / sizeof(cipher_kats[0]); i++) {
    const struct cipher_kat *k = &cipher_kats[i];

    kat_load(k, &b, &p);
    for (enc = 0; enc < 2; enc++) {
      const uint8_t *in = enc ? b.pt : b.ct;
      const uint8_t *want = enc ? b.ct : b.pt;
      size_t len = enc ? b.pt_len : b.ct_len;

      for (x = 0; x <= len; x++) {
        for (y = x; y <= len; y += 7) {
          cuts[0] = x;
          cuts[1] = y - x;
          cuts[2] = len - y;
          ND_OK(nd_cipher_init(&c, &p, enc));
          if (!enc && b.tag_len != 0)
            ND_OK(nd_cipher_set_tag(&c, b.tag, b.tag_len));
          n = 0;
          for (j = 0; j < 3; j++) {
            r = nd_cipher_update(&c, in + (j == 0 ? 0 : j == 1 ? x : y),
                                 cuts[j], out + n);
            assert_true(r >= 0);
            n += (size_t)r;
          }
          assert_int_equal(nd_cipher_update(&c, NULL, 0, out + n), 0);
          r = nd_cipher_final(&c, out + n);
          assert_true(r >= 0);
          n += (size_t)r;
          /* A finished cipher takes nothing more. */
          assert_int_equal(nd_cipher_update(&c, in, 1, out), ND_EINVAL);
          assert_int_equal(nd_cipher_final(&c, out), ND_EINVAL);
          assert_int_equal(n, len);
          assert_memory_equal(out, want, len);
          if (enc && b.tag_len != 0) {
            ND_OK(nd_cipher_get_tag(&c, tag, 16));
            assert_memory_equal(tag, b.tag, 16);
          }
          nd_cipher_free(&c);
        }
      }
    }
  }
}

/* CBC with PKCS#7: a whole block of padding, and bad padding refused. */
static void test_cbc_padding(void **state) {
  struct kat_bufs b;
  nd_cipher_params_t p;
  nd_crypto_t req;
  uint8_t ct[96];
  uint8_t out[96];
  ssize_t n;
  size_t len;

  (void)state;
  kat_load(&cipher_kats[4], &b, &p);
  p.no_padding = 0;
  n = nd_crypto_encrypt(NULL, &req, NULL, &p, b.pt, 64, ct, sizeof(ct));
  assert_int_equal(n, 80);
  /* The blocks before the padding are the unpadded vector's. */
  assert_memory_equal(ct, b.ct, 64);
  assert_int_equal(nd_crypto_decrypt(NULL, &req, NULL, &p, ct, 80, out,
                                     sizeof(out)),
                   64);
  assert_memory_equal(out, b.pt, 64);
  for (len = 0; len < 33; len++) {
    n = nd_crypto_encrypt(NULL, &req, NULL, &p, b.pt, len, ct, sizeof(ct));
    assert_int_equal(n, (ssize_t)((len / 16 + 1) * 16));
    assert_int_equal(nd_crypto_decrypt(NULL, &req, NULL, &p, ct, (size_t)n,
                                       out, sizeof(out)),
                     (ssize_t)len);
    assert_memory_equal(out, b.pt, len);
  }
  /* Decrypting the unpadded vector with padding on: the last block of the
   * plaintext does not end in valid PKCS#7 padding. */
  assert_int_equal(nd_crypto_decrypt(NULL, &req, NULL, &p, b.ct, 64, out,
                                     sizeof(out)),
                   ND_ECRYPTO_PADDING);
  /* Not whole blocks. */
  assert_int_equal(nd_crypto_decrypt(NULL, &req, NULL, &p, b.ct, 63, out,
                                     sizeof(out)),
                   ND_EINVAL);
  p.no_padding = 1;
  assert_int_equal(nd_crypto_encrypt(NULL, &req, NULL, &p, b.pt, 15, out,
                                     sizeof(out)),
                   ND_EINVAL);
}

static void test_cipher_bad_input(void **state) {
  struct kat_bufs b;
  nd_cipher_params_t p;
  nd_cipher_t c;
  nd_crypto_t req;
  uint8_t out[160];
  uint8_t tag[17];

  (void)state;
  kat_load(&cipher_kats[1], &b, &p); /* AES-128-GCM */
  p.tag = tag;
  p.key_len = 15;
  assert_int_equal(nd_cipher_init(&c, &p, 1), ND_EINVAL);
  p.key_len = 32;
  assert_int_equal(nd_crypto_encrypt(NULL, &req, NULL, &p, b.pt, 4, out,
                                     sizeof(out)), ND_EINVAL);
  p.key_len = 16;
  p.iv_len = 0;
  assert_int_equal(nd_cipher_init(&c, &p, 1), ND_EINVAL);
  p.iv_len = 12;
  p.tag_len = 17; /* tag too long */
  assert_int_equal(nd_cipher_init(&c, &p, 1), ND_EINVAL);
  p.tag_len = 11;
  assert_int_equal(nd_cipher_init(&c, &p, 1), ND_EINVAL);
  p.tag_len = 0;
  p.key = NULL;
  assert_int_equal(nd_cipher_init(&c, &p, 1), ND_EINVAL);
  p.key = b.key;
  assert_int_equal(nd_cipher_init(&c, NULL, 1), ND_EINVAL);
  p.alg = (nd_cipher_alg)77;
  assert_int_equal(nd_cipher_init(&c, &p, 1), ND_EINVAL);
  p.alg = ND_CIPHER_AES_128_GCM;
  /* No room for the output. */
  assert_int_equal(nd_crypto_encrypt(NULL, &req, NULL, &p, b.pt, 60, out,
                                     59), ND_ENOBUFS);
  /* An AEAD one-shot needs somewhere for the tag. */
  p.tag = NULL;
  assert_int_equal(nd_crypto_encrypt(NULL, &req, NULL, &p, b.pt, 60, out,
                                     sizeof(out)), ND_EINVAL);
  /* Decrypting without a tag would hand out unauthenticated data. */
  ND_OK(nd_cipher_init(&c, &p, 0));
  assert_true(nd_cipher_update(&c, b.ct, 16, out) >= 0);
  assert_int_equal(nd_cipher_final(&c, out), ND_EINVAL);
  assert_int_equal(nd_cipher_set_tag(&c, b.tag, 17), ND_EINVAL);
  nd_cipher_free(&c);
  /* The tag of an encryption exists only once it is finished. */
  ND_OK(nd_cipher_init(&c, &p, 1));
  assert_int_equal(nd_cipher_get_tag(&c, tag, 16), ND_EINVAL);
  assert_int_equal(nd_cipher_set_tag(&c, b.tag, 16), ND_EINVAL);
  nd_cipher_free(&c);
  /* ChaCha20-Poly1305 takes a 12-byte nonce and a 32-byte key only. */
  kat_load(&cipher_kats[9], &b, &p);
  p.tag = tag;
  p.iv_len = 8;
  assert_int_equal(nd_cipher_init(&c, &p, 1), ND_EINVAL);
  p.iv_len = 12;
  p.tag_len = 12;
  assert_int_equal(nd_cipher_init(&c, &p, 1), ND_EINVAL);
  /* CBC and CTR take a 16-byte IV. */
  kat_load(&cipher_kats[4], &b, &p);
  p.iv_len = 12;
  assert_int_equal(nd_cipher_init(&c, &p, 1), ND_EINVAL);
  nd_cipher_free(NULL);
}

/* --- the pool ----------------------------------------------------------- */

struct pool_state {
  int calls;
  ssize_t results[8];
};

static void crypto_cb(nd_crypto_t *req) {
  struct pool_state *s = req->data;

  assert_true(s->calls < 8);
  s->results[s->calls++] = req->result;
}

static void test_pool_requests(void **state) {
  nd_loop_t *loop = *state;
  struct pool_state s = {0};
  struct kat_bufs b;
  nd_cipher_params_t p;
  nd_crypto_t reqs[5];
  uint8_t pb[20];
  uint8_t hk[42];
  uint8_t rnd[4096];
  uint8_t ct[160];
  uint8_t pt[160];
  uint8_t tag[16];
  uint8_t ikm[22];
  size_t i;

  memset(ikm, 0x0b, sizeof(ikm));
  memset(rnd, 0, sizeof(rnd));
  for (i = 0; i < 5; i++)
    reqs[i].data = &s;
  ND_OK(nd_crypto_pbkdf2(loop, &reqs[0], crypto_cb, ND_HASH_SHA1,
                         "password", 8, "salt", 4, 4096, pb, 20));
  ND_OK(nd_crypto_hkdf(loop, &reqs[1], crypto_cb, ND_HASH_SHA256, ikm, 22,
                       NULL, 0, NULL, 0, hk, 42));
  ND_OK(nd_crypto_random(loop, &reqs[2], crypto_cb, rnd, sizeof(rnd)));
  kat_load(&cipher_kats[9], &b, &p);
  p.tag = tag;
  ND_OK((int)nd_crypto_encrypt(loop, &reqs[3], crypto_cb, &p, b.pt, b.pt_len,
                               ct, sizeof(ct)));
  /* Nothing runs from inside the starting call. */
  assert_int_equal(s.calls, 0);
  assert_ptr_equal(reqs[0].data, &s);
  assert_int_equal(reqs[0].type, ND_WORK);
  ND_OK(nd_run(loop, ND_RUN_DEFAULT));
  assert_int_equal(s.calls, 4);
  for (i = 0; i < 4; i++)
    assert_int_equal(reqs[i].result, 0 + (i == 3 ? (ssize_t)b.pt_len : 0));
  assert_hex(pb, 20, "4b007901b765489abead49d926f721d065a429c1");
  assert_hex(hk, 42,
             "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d"
             "9d201395faa4b61a96c8");
  assert_memory_equal(ct, b.ct, b.ct_len);
  assert_memory_equal(tag, b.tag, 16);
  for (i = 0; i < sizeof(rnd) && rnd[i] == 0; i++)
    ;
  assert_true(i < 16);
  /* Decryption on the pool, authentication failing there. */
  tag[0] ^= 1;
  s.calls = 0;
  ND_OK((int)nd_crypto_decrypt(loop, &reqs[4], crypto_cb, &p, ct, b.ct_len,
                               pt, sizeof(pt)));
  ND_OK(nd_run(loop, ND_RUN_DEFAULT));
  assert_int_equal(s.calls, 1);
  assert_int_equal(s.results[0], ND_ECRYPTO_AUTH);
  /* A bad request fails at once, and its callback never runs. */
  assert_int_equal(nd_crypto_pbkdf2(loop, &reqs[0], crypto_cb, ND_HASH_SHA1,
                                    "p", 1, "s", 1, 0, pb, 20),
                   ND_EINVAL);
  ND_OK(nd_run(loop, ND_RUN_DEFAULT));
  assert_int_equal(s.calls, 1);
}

/* A private one-thread pool, kept busy, so the later requests stay queued. */
static void test_pool_cancel(void **state) {
  nd_loop_t *loop = *state;
  struct pool_state s = {0};
  nd_threadpool_t *pool;
  nd_crypto_t busy;
  nd_crypto_t queued[3];
  uint8_t out[4][20];
  int cancelled = 0;
  int i;

  ND_OK(nd_threadpool_new(&pool, 1));
  ND_OK(nd_loop_configure(loop, ND_LOOP_THREADPOOL, pool));
  busy.data = &s;
  ND_OK(nd_crypto_pbkdf2(loop, &busy, crypto_cb, ND_HASH_SHA512, "p", 1,
                         "s", 1, 200000, out[3], 20));
  for (i = 0; i < 3; i++) {
    queued[i].data = &s;
    ND_OK(nd_crypto_pbkdf2(loop, &queued[i], crypto_cb, ND_HASH_SHA1, "p", 1,
                           "s", 1, 10, out[i], 20));
  }
  for (i = 0; i < 3; i++)
    if (nd_cancel((nd_req_t *)&queued[i]) == 0)
      cancelled++;
  /* At most the first could have been picked up already by the worker. */
  assert_true(cancelled >= 2);
  ND_OK(nd_run(loop, ND_RUN_DEFAULT));
  assert_int_equal(s.calls, 4);
  for (i = 0; i < 3; i++)
    assert_true(queued[i].result == ND_ECANCELED || queued[i].result == 0);
  assert_int_equal(busy.result, 0);
  assert_int_equal(nd_cancel((nd_req_t *)&busy), ND_EBUSY);
  ND_OK(nd_loop_configure(loop, ND_LOOP_THREADPOOL, (nd_threadpool_t *)NULL));
  ND_OK(nd_threadpool_free(pool));
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_digest_vectors),
    cmocka_unit_test(test_digest_million_a),
    cmocka_unit_test(test_digest_every_split),
    cmocka_unit_test(test_digest_copy),
    cmocka_unit_test(test_digest_bad_input),
    cmocka_unit_test(test_hmac_vectors),
    cmocka_unit_test(test_hmac_streaming),
    cmocka_unit_test(test_memcmp),
    cmocka_unit_test(test_pbkdf2_vectors),
    cmocka_unit_test(test_hkdf_vectors),
    cmocka_unit_test(test_random),
    cmocka_unit_test(test_cipher_vectors),
    cmocka_unit_test(test_aead_rejects_tampering),
    cmocka_unit_test(test_cipher_streaming_splits),
    cmocka_unit_test(test_cbc_padding),
    cmocka_unit_test(test_cipher_bad_input),
    LOOP_TEST(test_pool_requests),
    LOOP_TEST(test_pool_cancel),
  };

  return cmocka_run_group_tests(tests, NULL, NULL);
}
