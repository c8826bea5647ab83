/*
 * bind-buffer.c - the byte work behind node:buffer, string_decoder and
 * TextEncoder/TextDecoder: encoding JavaScript strings into the memory of
 * typed arrays and decoding that memory back into strings, in every
 * encoding Node knows, plus searching and comparing bytes.
 *
 * Everything works in place on the typed array's own bytes
 * (JSObjectGetTypedArrayBytesPtr); the JavaScript side checks arguments
 * and ranges, so the natives only clamp what they are given and never
 * throw for a bad range.
 *
 * Encodings are small integers shared with lib/buffer.js (ENC_*).
 */
#include <stdlib.h>
#include <string.h>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define HAVE_B64_AVX2 1
#endif

#include "runtime.h"

#define NATIVE(name)                                                         \
  static JSValueRef name(JSContextRef ctx, JSObjectRef f, JSObjectRef self,  \
                         size_t argc, const JSValueRef argv[],               \
                         JSValueRef *exception)

enum {
  ENC_UTF8 = 0,
  ENC_UCS2 = 1,
  ENC_LATIN1 = 2,
  ENC_ASCII = 3,
  ENC_BASE64 = 4,
  ENC_BASE64URL = 5,
  ENC_HEX = 6
};

/* --- arguments ----------------------------------------------------------- */

static JSValueRef arg(size_t argc, const JSValueRef argv[], size_t i) {
  return i < argc ? argv[i] : JSValueMakeUndefined(nodec.ctx);
}

/* A non-negative integer argument (the JS side has validated it). */
static size_t size_arg(JSContextRef ctx, size_t argc, const JSValueRef argv[],
                       size_t i, size_t dflt) {
  double d;

  if (i >= argc || JSValueIsUndefined(ctx, argv[i]))
    return dflt;
  d = JSValueToNumber(ctx, argv[i], NULL);
  if (!(d > 0))
    return 0;
  if (d > (double)SIZE_MAX / 2)
    return SIZE_MAX / 2;
  return (size_t)d;
}

/*
 * The bytes of a typed array, DataView or ArrayBuffer.  The pointer is
 * the start of the view (JSC hands back the start of its buffer).
 */
static uint8_t *bytes_of(JSContextRef ctx, JSValueRef v, size_t *len) {
  JSObjectRef o;
  JSTypedArrayType t;
  uint8_t *p;

  *len = 0;
  if (!JSValueIsObject(ctx, v))
    return NULL;
  o = (JSObjectRef)v;
  t = JSValueGetTypedArrayType(ctx, v, NULL);
  if (t == kJSTypedArrayTypeNone)
    return NULL;
  if (t == kJSTypedArrayTypeArrayBuffer) {
    *len = JSObjectGetArrayBufferByteLength(ctx, o, NULL);
    return JSObjectGetArrayBufferBytesPtr(ctx, o, NULL);
  }
  p = JSObjectGetTypedArrayBytesPtr(ctx, o, NULL);
  if (p == NULL)
    return NULL;
  *len = JSObjectGetTypedArrayByteLength(ctx, o, NULL);
  return p + JSObjectGetTypedArrayByteOffset(ctx, o, NULL);
}

/* A string argument as UTF-16 code units; release *s when done. */
static const JSChar *chars_of(JSContextRef ctx, JSValueRef v, JSStringRef *s,
                              size_t *len, JSValueRef *exception) {
  *s = JSValueToStringCopy(ctx, v, exception);
  if (*s == NULL) {
    *len = 0;
    return NULL;
  }
  *len = JSStringGetLength(*s);
  return JSStringGetCharactersPtr(*s);
}

static JSValueRef make_string16(JSContextRef ctx, const JSChar *c, size_t n) {
  JSStringRef s = JSStringCreateWithCharacters(c, n);
  JSValueRef v = JSValueMakeString(ctx, s);

  JSStringRelease(s);
  return v;
}

/* --- UTF-8 ----------------------------------------------------------------- */

static size_t utf8_length(const JSChar *c, size_t n) {
  size_t i, len = n;

  for (i = 0; i < n; i++) {
    JSChar u = c[i];
    if (u < 0x80)
      continue;
    if (u < 0x800) {
      len += 1;
    } else if (u >= 0xD800 && u <= 0xDBFF && i + 1 < n && c[i + 1] >= 0xDC00 &&
               c[i + 1] <= 0xDFFF) {
      len += 2; /* four bytes for two units */
      i++;
    } else {
      len += 2; /* three bytes, a lone surrogate's U+FFFD included */
    }
  }
  return len;
}

/*
 * Encodes whole characters only, as Node does when the room runs out; a
 * lone surrogate becomes U+FFFD.  *used is the number of units consumed.
 */
static size_t utf8_encode(uint8_t *out, size_t cap, const JSChar *c, size_t n,
                          size_t *used) {
  size_t i = 0, k = 0;

  while (i < n) {
    uint32_t u;
    /* Runs of ASCII, the common case, four units at a time. */
    while (i + 4 <= n && k + 4 <= cap) {
      uint64_t w;
      memcpy(&w, c + i, sizeof(w));
      if (w & 0xFF80FF80FF80FF80ull)
        break;
      out[k] = (uint8_t)w;
      out[k + 1] = (uint8_t)(w >> 16);
      out[k + 2] = (uint8_t)(w >> 32);
      out[k + 3] = (uint8_t)(w >> 48);
      i += 4;
      k += 4;
    }
    if (i >= n)
      break;
    u = c[i];
    if (u < 0x80) {
      if (k >= cap)
        break;
      out[k++] = (uint8_t)u;
      i++;
      continue;
    }
    if (u < 0x800) {
      if (k + 2 > cap)
        break;
      out[k++] = (uint8_t)(0xC0 | (u >> 6));
      out[k++] = (uint8_t)(0x80 | (u & 0x3F));
      i++;
      continue;
    }
    if (u >= 0xD800 && u <= 0xDFFF) {
      if (u <= 0xDBFF && i + 1 < n && c[i + 1] >= 0xDC00 &&
          c[i + 1] <= 0xDFFF) {
        if (k + 4 > cap)
          break;
        u = 0x10000 + ((u - 0xD800) << 10) + (c[i + 1] - 0xDC00);
        out[k++] = (uint8_t)(0xF0 | (u >> 18));
        out[k++] = (uint8_t)(0x80 | ((u >> 12) & 0x3F));
        out[k++] = (uint8_t)(0x80 | ((u >> 6) & 0x3F));
        out[k++] = (uint8_t)(0x80 | (u & 0x3F));
        i += 2;
        continue;
      }
      u = 0xFFFD;
    }
    if (k + 3 > cap)
      break;
    out[k++] = (uint8_t)(0xE0 | (u >> 12));
    out[k++] = (uint8_t)(0x80 | ((u >> 6) & 0x3F));
    out[k++] = (uint8_t)(0x80 | (u & 0x3F));
    i++;
  }
  *used = i;
  return k;
}

/*
 * Length of the valid sequence starting at p[0] (1..4), or 0 when it is
 * not valid; *bad is then the length of its maximal valid prefix (at
 * least 1), which the WHATWG decoder replaces by one U+FFFD.  *cp gets
 * the code point.
 */
static size_t utf8_sequence(const uint8_t *p, size_t n, uint32_t *cp,
                            size_t *bad) {
  uint8_t b0 = p[0], lo = 0x80, hi = 0xBF;
  size_t need, j;
  uint32_t c;

  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 2;
    c = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 3;
    c = b0 & 0x0F;
    if (b0 == 0xE0)
      lo = 0xA0;
    else if (b0 == 0xED)
      hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 4;
    c = b0 & 0x07;
    if (b0 == 0xF0)
      lo = 0x90;
    else if (b0 == 0xF4)
      hi = 0x8F;
  } else {
    *bad = 1;
    return 0;
  }
  for (j = 1; j < need; j++) {
    if (j >= n || p[j] < lo || p[j] > hi) {
      *bad = j;
      return 0;
    }
    lo = 0x80;
    hi = 0xBF;
    c = (c << 6) | (p[j] & 0x3F);
  }
  *cp = c;
  return need;
}

/* How many leading bytes are ASCII, eight at a time. */
static size_t ascii_prefix(const uint8_t *p, size_t n) {
  size_t i = 0;

  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    memcpy(&w, p + i, 8);
    if (w & 0x8080808080808080ull)
      break;
  }
  while (i < n && p[i] < 0x80)
    i++;
  return i;
}

/* Decodes to UTF-16 (at most n units), replacing as WHATWG and V8 do. */
static size_t utf8_decode(JSChar *out, const uint8_t *p, size_t n) {
  size_t i = 0, k = 0;

  while (i < n) {
    uint32_t c;
    size_t len, bad;

    if (p[i] < 0x80) {
      size_t run = ascii_prefix(p + i, n - i), j;
      for (j = 0; j < run; j++)
        out[k++] = p[i + j];
      i += run;
      continue;
    }
    len = utf8_sequence(p + i, n - i, &c, &bad);
    if (len == 0) {
      out[k++] = 0xFFFD;
      i += bad;
      continue;
    }
    i += len;
    if (c >= 0x10000) {
      c -= 0x10000;
      out[k++] = (JSChar)(0xD800 + (c >> 10));
      out[k++] = (JSChar)(0xDC00 + (c & 0x3FF));
    } else {
      out[k++] = (JSChar)c;
    }
  }
  return k;
}

static int utf8_valid(const uint8_t *p, size_t n) {
  size_t i = 0;

  while (i < n) {
    uint32_t c;
    size_t len, bad;
    if (p[i] < 0x80) {
      i += ascii_prefix(p + i, n - i);
      continue;
    }
    len = utf8_sequence(p + i, n - i, &c, &bad);
    if (len == 0)
      return 0;
    i += len;
  }
  return 1;
}

/* --- base64 and hex -------------------------------------------------------- */

static const char b64_std[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static const char b64_url[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/* Both alphabets decode in both modes, as in Node; 64 = not base64. */
static uint8_t b64_value[256];
static uint8_t hex_value[256];
/* Base64 digit values shifted to their place in a group, or bad bits. */
static uint32_t b64_d0[256], b64_d1[256], b64_d2[256], b64_d3[256];
static const char hex_digits[] = "0123456789abcdef";
static uint32_t hex_pairs[256]; /* the two UTF-16 digits of each byte */

#ifdef HAVE_B64_AVX2
/*
 * The vector decoder's tables (see b64_decode_avx2), each 16 entries
 * indexed by a nibble, twice over for the two 128-bit lanes of pshufb.
 *   b64_class[hi]: a bit for the class of the high nibble;
 *   b64_bad[lo]:   the classes in which that low nibble is not a digit;
 *   b64_shift[hi]: what turns a digit of that class into its value ('/',
 *                  which shares its class with '+', is set apart).
 * Built by tables_init from b64_value, so the vector and scalar paths
 * cannot disagree on the alphabet.
 */
static uint8_t b64_class[32], b64_bad[32], b64_shift[32];
static int b64_avx2;

/*
 * Classes of high nibbles by which low nibbles are digits of the standard
 * alphabet: 0x2_ ('+' and '/'), 0x3_ ('0'-'9'), 0x4_ and 0x6_ (letters
 * from 1), 0x5_ and 0x7_ (letters up to 0xA), and every other high nibble
 * (none).  A character is a digit when its low nibble is not bad in its
 * high nibble's class.  The URL alphabet's '-' and '_' are left to the
 * scalar path.
 */
static void b64_tables_init(void) {
  static const uint8_t cls[16] = {1, 1, 2, 4, 8, 16, 8, 16,
                                  1, 1, 1, 1, 1, 1, 1, 1};
  int hi, lo;

  memset(b64_bad, 0, sizeof(b64_bad));
  memset(b64_shift, 0, sizeof(b64_shift));
  for (hi = 0; hi < 16; hi++) {
    for (lo = 0; lo < 16; lo++) {
      int c = hi << 4 | lo;
      int std = c != '-' && c != '_' && b64_value[c] != 64;
      if (!std)
        b64_bad[lo] |= cls[hi];
      else if (c != '/')
        b64_shift[hi] = (uint8_t)(b64_value[c] - c);
    }
  }
  for (hi = 0; hi < 16; hi++) {
    b64_class[hi] = b64_class[hi + 16] = cls[hi];
    b64_bad[hi + 16] = b64_bad[hi];
    b64_shift[hi + 16] = b64_shift[hi];
  }
  b64_avx2 = __builtin_cpu_supports("avx2");
}

/*
 * Clean groups of 32 UTF-16 units (24 bytes) at a time, from the start
 * of the text: the units are narrowed to their low bytes, checked against
 * the alphabet by two nibble lookups, turned into their 6-bit values, and
 * packed.  Stops
 * before the first group with anything else in it ('=', whitespace, the
 * URL alphabet) and returns the units consumed; *k gets the bytes
 * written.  It needs 32 bytes of room for a 24-byte store.
 */
__attribute__((target("avx2"))) static size_t
b64_decode_avx2(uint8_t *out, size_t cap, const JSChar *s, size_t n,
                size_t *k) {
  const __m256i cls = _mm256_loadu_si256((const __m256i *)b64_class);
  const __m256i bad = _mm256_loadu_si256((const __m256i *)b64_bad);
  const __m256i shift = _mm256_loadu_si256((const __m256i *)b64_shift);
  const __m256i nibble = _mm256_set1_epi8(0x0F);
  const __m256i low = _mm256_set1_epi16(0xFF);
  const __m256i slash = _mm256_set1_epi8('/');
  const __m256i slash_shift = _mm256_set1_epi8((char)(63 - '/'));
  const __m256i pair = _mm256_set1_epi32(0x01400140);
  const __m256i quad = _mm256_set1_epi32(0x00011000);
  const __m256i order = _mm256_setr_epi8(
      2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1,
      2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1);
  const __m256i lanes = _mm256_setr_epi32(0, 1, 2, 4, 5, 6, 7, 7);
  size_t i = 0, w = 0;

  while (i + 32 <= n && w + 32 <= cap) {
    /* Only each unit's low byte counts, as in the scalar path. */
    __m256i a = _mm256_and_si256(
        _mm256_loadu_si256((const __m256i *)(s + i)), low);
    __m256i b = _mm256_and_si256(
        _mm256_loadu_si256((const __m256i *)(s + i + 16)), low);
    /* packus interleaves the lanes: a0-7 b0-7 | a8-15 b8-15. */
    __m256i in = _mm256_permute4x64_epi64(_mm256_packus_epi16(a, b), 0xD8);
    __m256i hi = _mm256_and_si256(_mm256_srli_epi32(in, 4), nibble);
    __m256i lo = _mm256_and_si256(in, nibble);
    __m256i wrong = _mm256_and_si256(_mm256_shuffle_epi8(bad, lo),
                                     _mm256_shuffle_epi8(cls, hi));
    __m256i v;

    if (!_mm256_testz_si256(wrong, wrong))
      break;
    v = _mm256_blendv_epi8(_mm256_shuffle_epi8(shift, hi), slash_shift,
                           _mm256_cmpeq_epi8(in, slash));
    v = _mm256_add_epi8(in, v);
    /* aaaaaa bbbbbb cccccc dddddd -> 24 bits per 32, then 3 bytes each. */
    v = _mm256_madd_epi16(_mm256_maddubs_epi16(v, pair), quad);
    v = _mm256_permutevar8x32_epi32(_mm256_shuffle_epi8(v, order), lanes);
    _mm256_storeu_si256((__m256i *)(out + w), v);
    i += 32;
    w += 24;
  }
  *k = w;
  return i;
}
#endif

static void tables_init(void) {
  int i;

  memset(b64_value, 64, sizeof(b64_value));
  memset(hex_value, 16, sizeof(hex_value));
  for (i = 0; i < 64; i++)
    b64_value[(uint8_t)b64_std[i]] = (uint8_t)i;
  b64_value['-'] = 62;
  b64_value['_'] = 63;
  for (i = 0; i < 256; i++) {
    uint32_t v = b64_value[i];
    int bad = v == 64;
    b64_d0[i] = bad ? 0xFF000000u : v << 18;
    b64_d1[i] = bad ? 0xFF000000u : v << 12;
    b64_d2[i] = bad ? 0xFF000000u : v << 6;
    b64_d3[i] = bad ? 0xFF000000u : v;
  }
  for (i = 0; i < 256; i++) {
    JSChar pair[2] = {(JSChar)hex_digits[i >> 4], (JSChar)hex_digits[i & 15]};
    memcpy(&hex_pairs[i], pair, sizeof(pair));
  }
#ifdef HAVE_B64_AVX2
  b64_tables_init();
#endif
  for (i = 0; i < 10; i++)
    hex_value['0' + i] = (uint8_t)i;
  for (i = 0; i < 6; i++) {
    hex_value['a' + i] = (uint8_t)(10 + i);
    hex_value['A' + i] = (uint8_t)(10 + i);
  }
}

static size_t base64_encoded_length(size_t n, int url) {
  return url ? (n * 4 + 2) / 3 : (n + 2) / 3 * 4;
}

/*
 * Node's lenient decoding: characters outside both alphabets are skipped,
 * '=' ends the input, a final group of two or three characters gives one
 * or two bytes.  A unit is read by its low byte, as Node reads it.  Clean
 * groups take the fast paths.
 */
static size_t base64_decode(uint8_t *out, size_t cap, const JSChar *s,
                            size_t n) {
  size_t i = 0, k = 0;
  uint32_t acc = 0;
  int have = 0;

#ifdef HAVE_B64_AVX2
  if (b64_avx2)
    i = b64_decode_avx2(out, cap, s, n, &k);
#endif
  /*
   * Whole clean groups: four UTF-16 units read as one word, each digit
   * looked up already shifted into place; a unit past 0xFF (which the
   * careful loop reads by its low byte) or any non-alphabet character
   * sends the rest to the careful loop below.
   */
  while (i + 4 <= n && k + 3 <= cap) {
    uint64_t w;
    uint32_t v;
    memcpy(&w, s + i, sizeof(w));
    if (w & 0xFF00FF00FF00FF00ull)
      break;
    v = b64_d0[w & 0xFF] | b64_d1[(w >> 16) & 0xFF] | b64_d2[(w >> 32) & 0xFF] |
        b64_d3[(w >> 48) & 0xFF];
    if (v & 0xFF000000u)
      break;
    out[k] = (uint8_t)(v >> 16);
    out[k + 1] = (uint8_t)(v >> 8);
    out[k + 2] = (uint8_t)v;
    k += 3;
    i += 4;
  }
  for (; i < n && k < cap; i++) {
    uint8_t c = (uint8_t)s[i]; /* Node reads only a unit's low byte */
    uint8_t v = b64_value[c];
    if (v == 64) {
      if (c == '=')
        break;
      continue;
    }
    acc = acc << 6 | v;
    if (++have == 4) {
      out[k++] = (uint8_t)(acc >> 16);
      if (k < cap)
        out[k++] = (uint8_t)(acc >> 8);
      if (k < cap)
        out[k++] = (uint8_t)acc;
      have = 0;
      acc = 0;
    }
  }
  if (have >= 2 && k < cap) {
    out[k++] = (uint8_t)(acc >> (have == 2 ? 4 : 10));
    if (have == 3 && k < cap)
      out[k++] = (uint8_t)(acc >> 2);
  }
  return k;
}

/* Pairs of hex digits up to the first pair that is not one. */
static size_t hex_decode(uint8_t *out, size_t cap, const JSChar *s, size_t n) {
  size_t k = 0;

  for (; k < cap && 2 * k + 1 < n; k++) {
    /* Node reads only a unit's low byte: U+0141 is an 'A' here. */
    uint8_t hi = hex_value[(uint8_t)s[2 * k]];
    uint8_t lo = hex_value[(uint8_t)s[2 * k + 1]];
    if ((hi | lo) & 16)
      break;
    out[k] = (uint8_t)(hi << 4 | lo);
  }
  return k;
}

/* --- encode and decode by encoding ------------------------------------------ */

/* Upper bound of the bytes a string of n units encodes to. */
static size_t encoded_bound(int enc, size_t n) {
  switch (enc) {
  case ENC_UTF8:
    return n * 3;
  case ENC_UCS2:
    return n * 2;
  case ENC_BASE64:
  case ENC_BASE64URL:
    return n / 4 * 3 + 3;
  case ENC_HEX:
    return n / 2;
  default:
    return n;
  }
}

static size_t encode(int enc, uint8_t *out, size_t cap, const JSChar *c,
                     size_t n) {
  size_t i, used;

  switch (enc) {
  case ENC_UTF8:
    return utf8_encode(out, cap, c, n, &used);
  case ENC_UCS2:
    n = n < cap / 2 ? n : cap / 2;
    for (i = 0; i < n; i++) {
      out[2 * i] = (uint8_t)c[i];
      out[2 * i + 1] = (uint8_t)(c[i] >> 8);
    }
    return n * 2;
  case ENC_BASE64:
  case ENC_BASE64URL:
    return base64_decode(out, cap, c, n);
  case ENC_HEX:
    return hex_decode(out, cap, c, n);
  default: /* latin1, and ascii, which Node writes as latin1 */
    n = n < cap ? n : cap;
    for (i = 0; i < n; i++)
      out[i] = (uint8_t)c[i];
    return n;
  }
}

/*
 * The UTF-16 text of a decode, and the bytes of a large encode, are built
 * in one buffer kept between calls: both are copied out of it anyway, and
 * fresh memory for every megabyte would be paid for again in page faults.  A
 * buffer grown past SCRATCH_KEEP is given back after use.
 */
#define SCRATCH_KEEP (8u << 20)
static JSChar *scratch;
static size_t scratch_cap;

static JSChar *scratch_get(size_t units) {
  if (units > scratch_cap) {
    JSChar *p = malloc(units * sizeof(JSChar));
    if (p == NULL)
      return NULL;
    free(scratch);
    scratch = p;
    scratch_cap = units;
  }
  return scratch;
}

/* After use: a buffer grown past SCRATCH_KEEP goes back. */
static void scratch_release(void) {
  if (scratch_cap * sizeof(JSChar) > SCRATCH_KEEP) {
    free(scratch);
    scratch = NULL;
    scratch_cap = 0;
  }
}

static JSValueRef scratch_string(JSContextRef ctx, size_t units) {
  JSValueRef v = make_string16(ctx, scratch, units);

  scratch_release();
  return v;
}


/*
 * Bytes to text.  Hex and base64 could be 8-bit strings, but the C API
 * makes those only from UTF-8 through a UTF-16 conversion of its own,
 * slower than handing it UTF-16 here (measured: 6.3 against 4.8 ms for
 * 2 MB).
 */
static JSValueRef decode(JSContextRef ctx, int enc, const uint8_t *p, size_t n,
                         JSValueRef *exception) {
  JSChar *u;
  size_t i, k;

  if (n == 0)
    return make_string16(ctx, NULL, 0);
  switch (enc) {
  case ENC_BASE64:
  case ENC_BASE64URL: {
    int url = enc == ENC_BASE64URL;
    const char *a = url ? b64_url : b64_std;
    if ((u = scratch_get(base64_encoded_length(n, url))) == NULL)
      break;
    k = 0;
    for (i = 0; i + 3 <= n; i += 3) {
      uint32_t v = (uint32_t)p[i] << 16 | (uint32_t)p[i + 1] << 8 | p[i + 2];
      u[k++] = (JSChar)a[v >> 18];
      u[k++] = (JSChar)a[(v >> 12) & 63];
      u[k++] = (JSChar)a[(v >> 6) & 63];
      u[k++] = (JSChar)a[v & 63];
    }
    if (n - i == 1) {
      u[k++] = (JSChar)a[p[i] >> 2];
      u[k++] = (JSChar)a[(p[i] & 3) << 4];
      if (!url) {
        u[k++] = '=';
        u[k++] = '=';
      }
    } else if (n - i == 2) {
      u[k++] = (JSChar)a[p[i] >> 2];
      u[k++] = (JSChar)a[((p[i] & 3) << 4) | (p[i + 1] >> 4)];
      u[k++] = (JSChar)a[(p[i + 1] & 15) << 2];
      if (!url)
        u[k++] = '=';
    }
    return scratch_string(ctx, k);
  }
  case ENC_HEX:
    if ((u = scratch_get(n * 2)) == NULL)
      break;
    /* Both digits of a byte in one store (little-endian pair). */
    for (i = 0; i < n; i++)
      memcpy(u + 2 * i, &hex_pairs[p[i]], sizeof(hex_pairs[0]));
    return scratch_string(ctx, n * 2);
  case ENC_ASCII:
    /* The top bit dropped, as Node does. */
    if ((u = scratch_get(n)) == NULL)
      break;
    for (i = 0; i < n; i++)
      u[i] = p[i] & 0x7F;
    return scratch_string(ctx, n);
  case ENC_UCS2:
    n /= 2;
    if ((u = scratch_get(n > 0 ? n : 1)) == NULL)
      break;
    for (i = 0; i < n; i++)
      u[i] = (JSChar)(p[2 * i] | p[2 * i + 1] << 8);
    return scratch_string(ctx, n);
  case ENC_UTF8:
    if ((u = scratch_get(n)) == NULL)
      break;
    return scratch_string(ctx, utf8_decode(u, p, n));
  default:
    if ((u = scratch_get(n)) == NULL)
      break;
    for (i = 0; i < n; i++)
      u[i] = p[i];
    return scratch_string(ctx, n);
  }
  return nodec_throw(exception, "ERR_STRING_TOO_LONG",
                     "Cannot create a string longer than 0x1fffffe8 "
                     "characters");
}

/* --- natives ---------------------------------------------------------------- */

/* byteLengthUtf8(string) */
NATIVE(byte_length_utf8) {
  JSStringRef s;
  size_t n;
  const JSChar *c = chars_of(ctx, arg(argc, argv, 0), &s, &n, exception);
  size_t len;

  (void)f, (void)self;
  if (s == NULL)
    return JSValueMakeUndefined(ctx);
  len = utf8_length(c, n);
  JSStringRelease(s);
  return JSValueMakeNumber(ctx, (double)len);
}

/* write(target, string, offset, maxLength, encoding): bytes written */
NATIVE(write_string) {
  size_t len, n, off, max, w = 0;
  uint8_t *p = bytes_of(ctx, arg(argc, argv, 0), &len);
  JSStringRef s;
  const JSChar *c;
  int enc = (int)size_arg(ctx, argc, argv, 4, ENC_UTF8);

  (void)f, (void)self;
  c = chars_of(ctx, arg(argc, argv, 1), &s, &n, exception);
  if (s == NULL)
    return JSValueMakeUndefined(ctx);
  off = size_arg(ctx, argc, argv, 2, 0);
  if (p != NULL && off < len) {
    max = size_arg(ctx, argc, argv, 3, len - off);
    if (max > len - off)
      max = len - off;
    w = encode(enc, p + off, max, c, n);
  }
  JSStringRelease(s);
  return JSValueMakeNumber(ctx, (double)w);
}

/* A Uint8Array of n bytes the collector allocates and accounts for. */
static JSObjectRef new_bytes(JSContextRef ctx, size_t n, uint8_t **p,
                             JSValueRef *exception) {
  JSObjectRef view =
      JSObjectMakeTypedArray(ctx, kJSTypedArrayTypeUint8Array, n, exception);

  *p = view != NULL ? JSObjectGetTypedArrayBytesPtr(ctx, view, NULL) : NULL;
  return view;
}

/*
 * fromString(string, encoding[, length]): an ArrayBuffer holding exactly
 * the encoded bytes, for strings too big for the pool.  The memory is the
 * collector's, which it accounts for and reuses: memory of our own handed
 * over with JSObjectMakeArrayBufferWithBytesNoCopy would be fresh pages
 * every time, and invisible to its heuristics.
 *
 * With the length the JavaScript side computed (exact unless the text
 * has characters the decoder skips), the bytes are written in place, and
 * copied only when fewer came out.  Without it (UTF-8, whose length would
 * cost a pass of its own), they are encoded into the scratch buffer,
 * whose pages are warm, then copied once.
 */
NATIVE(from_string) {
  JSStringRef s;
  size_t n, cap, k;
  const JSChar *c = chars_of(ctx, arg(argc, argv, 0), &s, &n, exception);
  int enc = (int)size_arg(ctx, argc, argv, 1, ENC_UTF8);
  int sized = argc > 2 && !JSValueIsUndefined(ctx, argv[2]);
  uint8_t *out, *p;
  JSObjectRef view = NULL;
  JSValueRef buffer = NULL;

  (void)f, (void)self;
  if (s == NULL)
    return JSValueMakeUndefined(ctx);
  cap = encoded_bound(enc, n);
  if (sized) {
    size_t length = size_arg(ctx, argc, argv, 2, 0);
    if (length < cap)
      cap = length;
    if ((view = new_bytes(ctx, cap, &out, exception)) == NULL)
      goto done;
  } else if ((out = (uint8_t *)scratch_get((cap + 1) / 2)) == NULL) {
    nodec_throw(exception, "ERR_MEMORY_ALLOCATION_FAILED",
                "Failed to allocate memory");
    goto done;
  }
  k = encode(enc, out, cap, c, n);
  if (view == NULL || k < cap) {
    if ((view = new_bytes(ctx, k, &p, exception)) == NULL)
      goto done;
    if (k > 0)
      memcpy(p, out, k);
  }
  buffer = JSObjectGetTypedArrayBuffer(ctx, view, exception);
done:
  JSStringRelease(s);
  scratch_release();
  return buffer != NULL ? buffer : JSValueMakeUndefined(ctx);
}

/* toString(source, encoding, start, end) */
NATIVE(to_string) {
  size_t len, start, end;
  const uint8_t *p = bytes_of(ctx, arg(argc, argv, 0), &len);
  int enc = (int)size_arg(ctx, argc, argv, 1, ENC_UTF8);

  (void)f, (void)self;
  start = size_arg(ctx, argc, argv, 2, 0);
  end = size_arg(ctx, argc, argv, 3, len);
  if (end > len)
    end = len;
  if (p == NULL || start >= end)
    return decode(ctx, enc, NULL, 0, exception);
  return decode(ctx, enc, p + start, end - start, exception);
}

/*
 * indexOf(haystack, needle, byteOffset, forward, step): index of the
 * needle's bytes in the haystack at or (backwards) before byteOffset,
 * only at offsets that are multiples of step (2 for UTF-16), or -1.
 */
NATIVE(index_of) {
  size_t hn, nn, from, step;
  const uint8_t *h = bytes_of(ctx, arg(argc, argv, 0), &hn);
  const uint8_t *nd = bytes_of(ctx, arg(argc, argv, 1), &nn);
  double fromd = JSValueToNumber(ctx, arg(argc, argv, 2), NULL);
  int forward = JSValueToBoolean(ctx, arg(argc, argv, 3));
  const uint8_t *hit;

  (void)f, (void)self, (void)exception;
  step = size_arg(ctx, argc, argv, 4, 1);
  if (step == 0)
    step = 1;
  if (h == NULL || nd == NULL || nn > hn || !(fromd >= 0))
    return JSValueMakeNumber(ctx, -1);
  from = fromd > (double)hn ? hn : (size_t)fromd;
  /* UTF-16 searches go by whole units: the start rounds down, as Node's. */
  from -= from % step;
  if (forward) {
    if (nn == 0)
      return JSValueMakeNumber(ctx, -1);
    while (from + nn <= hn) {
      hit = memmem(h + from, hn - from, nd, nn);
      if (hit == NULL)
        break;
      if ((size_t)(hit - h) % step == 0)
        return JSValueMakeNumber(ctx, (double)(hit - h));
      from = (size_t)(hit - h) + 1;
    }
    return JSValueMakeNumber(ctx, -1);
  }
  if (from > hn - nn)
    from = hn - nn;
  from -= from % step;
  for (;;) {
    if (memcmp(h + from, nd, nn) == 0)
      return JSValueMakeNumber(ctx, (double)from);
    if (from < step)
      break;
    from -= step;
  }
  return JSValueMakeNumber(ctx, -1);
}

/*
 * encodeInto(string, target, result): TextEncoder.encodeInto, whole
 * characters only; result[0] = UTF-16 units read, result[1] = bytes
 * written.
 */
NATIVE(encode_into) {
  JSStringRef s;
  size_t n, len, rn, used = 0, w = 0;
  const JSChar *c = chars_of(ctx, arg(argc, argv, 0), &s, &n, exception);
  uint8_t *p = bytes_of(ctx, arg(argc, argv, 1), &len);
  uint32_t *r = (uint32_t *)bytes_of(ctx, arg(argc, argv, 2), &rn);

  (void)f, (void)self;
  if (s == NULL)
    return JSValueMakeUndefined(ctx);
  if (p != NULL)
    w = utf8_encode(p, len, c, n, &used);
  JSStringRelease(s);
  if (r != NULL && rn >= 2 * sizeof(*r)) {
    r[0] = (uint32_t)used;
    r[1] = (uint32_t)w;
  }
  return JSValueMakeUndefined(ctx);
}

/* compare(a, b): -1, 0 or 1 by bytes, then by length */
NATIVE(compare) {
  size_t an, bn;
  const uint8_t *a = bytes_of(ctx, arg(argc, argv, 0), &an);
  const uint8_t *b = bytes_of(ctx, arg(argc, argv, 1), &bn);
  size_t n = an < bn ? an : bn;
  int r = n > 0 ? memcmp(a, b, n) : 0;

  (void)f, (void)self, (void)exception;
  if (r == 0)
    r = an < bn ? -1 : an > bn ? 1 : 0;
  return JSValueMakeNumber(ctx, r < 0 ? -1 : r > 0 ? 1 : 0);
}

/* isUtf8(view), isAscii(view) */
NATIVE(is_utf8) {
  size_t n;
  const uint8_t *p = bytes_of(ctx, arg(argc, argv, 0), &n);

  (void)f, (void)self, (void)exception;
  return JSValueMakeBoolean(ctx, p == NULL || utf8_valid(p, n));
}

NATIVE(is_ascii) {
  size_t n;
  const uint8_t *p = bytes_of(ctx, arg(argc, argv, 0), &n);

  (void)f, (void)self, (void)exception;
  return JSValueMakeBoolean(ctx, p == NULL || ascii_prefix(p, n) == n);
}

void nodec_bind_buffer(JSObjectRef binding) {
  JSObjectRef b = JSObjectMake(nodec.ctx, NULL, NULL);

  tables_init();
  nodec_set_fn(b, "byteLengthUtf8", byte_length_utf8);
  nodec_set_fn(b, "write", write_string);
  nodec_set_fn(b, "fromString", from_string);
  nodec_set_fn(b, "toString", to_string);
  nodec_set_fn(b, "indexOf", index_of);
  nodec_set_fn(b, "compare", compare);
  nodec_set_fn(b, "encodeInto", encode_into);
  nodec_set_fn(b, "isUtf8", is_utf8);
  nodec_set_fn(b, "isAscii", is_ascii);
  nodec_set(binding, "buffer", b);
}
