/*
 * fuzz/http-parser-diff.c - libFuzzer target: nd_http_parser against
 * Debian's http-parser 2.9 (the oracle), strict mode.
 *
 * The first byte chooses how to parse (bit 0: a response; bit 2: the
 * response answers HEAD), the rest is the input.  Whenever we accept an
 * input the oracle must accept it too and report the same messages,
 * headers, bodies and keep-alive, unless the input falls under one of the
 * rules in http-parser-util.h where the oracle is known to be the stricter
 * or to misread it (each also a listed sample in test-http-parser.c).
 * Inputs we refuse are not compared: refusing more is allowed.
 *
 *   make fuzz-run FUZZ=http-parser-diff FUZZ_TIME=600
 */
#include <stdint.h>

#include "http-parser-util.h"

static struct log ours, theirs;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *in = (const char *)data + 1;
  struct outcome o;
  size_t len;
  int type, head;

  if (size < 1)
    return 0;
  len = size - 1;
  type = data[0] & 1 ? ND_HTTP_RESPONSE : ND_HTTP_REQUEST;
  head = (data[0] & 4) != 0;

  log_clear(&ours, head);
  o = parse_ours(type, 0, 0, in, len, NULL, 0, &ours);
  if (o.err != 0)
    return 0;
  log_clear(&theirs, head);
  if (parse_oracle(type, 0, in, len, &theirs) == 0 && same_log(&ours, &theirs))
    return 0;
  if (oracle_may_be_stricter(in, len))
    return 0;
  fprintf(stderr, "we accept what the oracle refuses or reads otherwise\n"
          "--- ours\n%.*s--- oracle\n%.*s---\n", (int)ours.len, ours.buf,
          (int)theirs.len, theirs.buf);
  abort();
}
