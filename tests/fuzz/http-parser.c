/*
 * fuzz/http-parser.c - libFuzzer target: nd_http_parser on any input,
 * under ASan and UBSan.
 *
 * The first two bytes choose how to parse (bit 0 of the first: a response;
 * bit 1: lenient; bit 2: the response answers HEAD; bit 3: a 64-byte header
 * limit; the second: where to split the input), the rest is the input.  It
 * is parsed whole, in two pieces at the chosen point and, when short, one
 * byte at a time; the three must agree on the outcome, and on everything
 * the callbacks saw when it succeeds.  Any difference, and any memory error
 * the sanitizers see, is a finding.
 *
 *   make fuzz-run FUZZ=http-parser FUZZ_TIME=600
 */
#include <stdint.h>

#include "http-parser-util.h"

static struct log whole_log, piece_log;
static size_t cuts[1024];

static void same_or_abort(struct outcome a, struct outcome b) {
  if (a.err != b.err || a.off != b.off ||
      (a.err == 0 && !same_log(&whole_log, &piece_log))) {
    fprintf(stderr, "outcome differs: %s@%llu against %s@%llu\n"
            "--- whole\n%.*s--- pieces\n%.*s---\n",
            a.err ? nd_err_name(a.err) : "ok", (unsigned long long)a.off,
            b.err ? nd_err_name(b.err) : "ok", (unsigned long long)b.off,
            (int)whole_log.len, whole_log.buf, (int)piece_log.len,
            piece_log.buf);
    abort();
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *in = (const char *)data + 2;
  struct outcome whole, o;
  size_t len, k, max_hdr;
  int type, head;
  unsigned opts;

  if (size < 2)
    return 0;
  len = size - 2;
  type = data[0] & 1 ? ND_HTTP_RESPONSE : ND_HTTP_REQUEST;
  opts = data[0] & 2 ? ND_HTTP_LENIENT : 0;
  head = (data[0] & 4) != 0;
  max_hdr = data[0] & 8 ? 64 : 0;

  log_clear(&whole_log, head);
  whole = parse_ours(type, opts, max_hdr, in, len, NULL, 0, &whole_log);
  if (whole.err != 0 && whole.off > len)
    abort();

  cuts[0] = len > 1 ? 1 + (size_t)data[1] * (len - 1) / 256 : 0;
  if (cuts[0] > 0 && cuts[0] < len) {
    log_clear(&piece_log, head);
    o = parse_ours(type, opts, max_hdr, in, len, cuts, 1, &piece_log);
    same_or_abort(whole, o);
  }
  if (len > 1 && len <= sizeof(cuts) / sizeof(cuts[0])) {
    for (k = 1; k < len; k++)
      cuts[k - 1] = k;
    log_clear(&piece_log, head);
    o = parse_ours(type, opts, max_hdr, in, len, cuts, len - 1, &piece_log);
    same_or_abort(whole, o);
  }
  return 0;
}
