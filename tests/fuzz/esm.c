/*
 * fuzz/esm.c - libFuzzer target for the ES module transform (esm.c): any
 * input, in module and script mode and through the CommonJS export
 * scanner, must give a result or a syntax error with a position inside
 * the input, never a crash, a leak or a read out of bounds; and a result
 * keeps every line break of the input, so the line numbers of the code
 * the engine compiles are the file's own.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nodec/esm.h"

static size_t count_newlines(const char *s, size_t n) {
  size_t k = 0, i;
  for (i = 0; i < n; i++)
    k += s[i] == '\n';
  return k;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  nd__esm_result r;
  const char *src = (const char *)data;
  size_t lines = count_newlines(src, size);
  int rc;

  rc = nd__esm_transform(src, size, ND_ESM_MODULE, &r);
  if (rc == 0) {
    if (r.code == NULL || r.meta == NULL || strlen(r.code) > r.code_len ||
        count_newlines(r.code, r.code_len) != lines + 1)
      abort();
  } else if (rc == -1) {
    if (r.error == NULL || r.line < 1 || (size_t)r.line > lines + 1 ||
        r.column < 1)
      abort();
  }
  nd__esm_result_free(&r);

  rc = nd__esm_transform(src, size, ND_ESM_SCRIPT, &r);
  if (rc == 0 && (r.code == NULL || r.code_len != size ||
                  count_newlines(r.code, r.code_len) != lines))
    abort();
  nd__esm_result_free(&r);

  rc = nd__esm_cjs_exports(src, size, &r);
  if (rc == 0 && r.meta == NULL)
    abort();
  nd__esm_result_free(&r);
  return 0;
}
