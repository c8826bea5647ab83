/*
 * values.c - converting between C and JavaScriptCore values, and throwing
 * Node-style errors (with `code`, `errno`, `syscall`, `path`) from natives.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime.h"

/*
 * UTF-8 to UTF-16, decoded here rather than by JavaScriptCore's
 * JSStringCreateWithUTF8CString, which stops at a NUL byte and needs one
 * after the text: the bytes may hold NULs (stdin) and end anywhere.
 * Invalid or cut sequences become U+FFFD, one per bad byte.  ASCII, the
 * bulk of any source file, is widened eight bytes at a time.
 */
size_t nodec_utf8_to_utf16(const char *s, size_t n, JSChar *out) {
  const unsigned char *p = (const unsigned char *)s;
  size_t i = 0, k = 0;

  while (i < n) {
    uint32_t c;
    size_t len, j;
    uint32_t min;

    while (i + 8 <= n) {
      uint64_t w;

      memcpy(&w, p + i, 8);
      if (w & 0x8080808080808080ull)
        break;
      for (j = 0; j < 8; j++)
        out[k + j] = p[i + j];
      i += 8;
      k += 8;
    }
    if (i >= n)
      break;
    c = p[i];
    if (c < 0x80) {
      out[k++] = (JSChar)c;
      i++;
      continue;
    }
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2; c &= 0x1F; min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3; c &= 0x0F; min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4; c &= 0x07; min = 0x10000;
    } else {
      out[k++] = 0xFFFD;
      i++;
      continue;
    }
    for (j = 1; j < len; j++) {
      if (i + j >= n || (p[i + j] & 0xC0) != 0x80)
        break;
      c = (c << 6) | (p[i + j] & 0x3F);
    }
    if (j < len || c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
      out[k++] = 0xFFFD;
      i++;
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

/* UTF-8 to a JavaScript string (see nodec_utf8_to_utf16). */
JSValueRef nodec_string_n(const char *s, size_t n) {
  JSChar small[256], *out = small;
  JSStringRef str;
  JSValueRef v;
  size_t k;

  if (n > sizeof(small) / sizeof(small[0])) {
    out = malloc(n * sizeof(*out));
    if (out == NULL)
      return JSValueMakeUndefined(nodec.ctx);
  }
  k = nodec_utf8_to_utf16(s, n, out);
  str = JSStringCreateWithCharacters(out, k);
  if (out != small)
    free(out);
  v = JSValueMakeString(nodec.ctx, str);
  JSStringRelease(str);
  return v;
}

JSValueRef nodec_string(const char *s) {
  return nodec_string_n(s, strlen(s));
}

char *nodec_utf8(JSValueRef v, size_t *len) {
  JSStringRef s = JSValueToStringCopy(nodec.ctx, v, NULL);
  size_t cap, n;
  char *buf;

  if (s == NULL)
    return NULL;
  cap = JSStringGetMaximumUTF8CStringSize(s);
  buf = malloc(cap);
  if (buf == NULL) {
    JSStringRelease(s);
    return NULL;
  }
  n = JSStringGetUTF8CString(s, buf, cap);
  JSStringRelease(s);
  if (len != NULL)
    *len = n > 0 ? n - 1 : 0;
  return buf;
}

void nodec_set(JSObjectRef obj, const char *name, JSValueRef v) {
  JSStringRef n = JSStringCreateWithUTF8CString(name);

  JSObjectSetProperty(nodec.ctx, obj, n, v, kJSPropertyAttributeNone, NULL);
  JSStringRelease(n);
}

JSValueRef nodec_get(JSObjectRef obj, const char *name) {
  JSStringRef n = JSStringCreateWithUTF8CString(name);
  JSValueRef v = JSObjectGetProperty(nodec.ctx, obj, n, NULL);

  JSStringRelease(n);
  return v;
}

void nodec_set_fn(JSObjectRef obj, const char *name,
                  JSObjectCallAsFunctionCallback fn) {
  JSStringRef n = JSStringCreateWithUTF8CString(name);

  JSObjectSetProperty(nodec.ctx, obj, n,
                      JSObjectMakeFunctionWithCallback(nodec.ctx, n, fn),
                      kJSPropertyAttributeNone, NULL);
  JSStringRelease(n);
}

double nodec_number(JSValueRef v) {
  return JSValueToNumber(nodec.ctx, v, NULL);
}

/* new Error(message) with error.code = code, stored in *exception. */
static JSObjectRef make_error(const char *code, const char *msg) {
  JSValueRef arg = nodec_string(msg);
  JSObjectRef err = JSObjectMakeError(nodec.ctx, 1, &arg, NULL);

  if (code != NULL)
    nodec_set(err, "code", nodec_string(code));
  return err;
}

JSValueRef nodec_throw(JSValueRef *exception, const char *code,
                       const char *fmt, ...) {
  char msg[1024];
  va_list ap;

  va_start(ap, fmt);
  vsnprintf(msg, sizeof(msg), fmt, ap);
  va_end(ap);
  *exception = make_error(code, msg);
  return JSValueMakeUndefined(nodec.ctx);
}

/* Node's system error: "ENOENT: no such file or directory, open 'x'". */
JSValueRef nodec_throw_errno(JSValueRef *exception, int err,
                             const char *syscall, const char *path) {
  char msg[1200];
  const char *name = nd_err_name(err);
  JSObjectRef e;

  if (path != NULL)
    snprintf(msg, sizeof(msg), "%s: %s, %s '%s'", name, nd_strerror(err),
             syscall, path);
  else
    snprintf(msg, sizeof(msg), "%s: %s, %s", name, nd_strerror(err),
             syscall);
  e = make_error(name, msg);
  nodec_set(e, "errno", JSValueMakeNumber(nodec.ctx, err));
  nodec_set(e, "syscall", nodec_string(syscall));
  if (path != NULL)
    nodec_set(e, "path", nodec_string(path));
  *exception = e;
  return JSValueMakeUndefined(nodec.ctx);
}
