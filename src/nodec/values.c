/*
 * values.c - converting between C and JavaScriptCore values, and throwing
 * Node-style errors (with `code`, `errno`, `syscall`, `path`) from natives.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime.h"

JSValueRef nodec_string_n(const char *s, size_t n) {
  JSStringRef str;
  JSValueRef v;
  char *copy;

  /* JSStringCreateWithUTF8CString stops at a NUL: copy when one is inside. */
  if (memchr(s, '\0', n) == NULL && s[n] == '\0') {
    str = JSStringCreateWithUTF8CString(s);
  } else {
    copy = malloc(n + 1);
    if (copy == NULL)
      return JSValueMakeUndefined(nodec.ctx);
    memcpy(copy, s, n);
    copy[n] = '\0';
    str = JSStringCreateWithUTF8CString(copy);
    free(copy);
  }
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
