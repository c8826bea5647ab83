/*
 * test-error.c - error codes, their names and messages; type names and
 * sizes; the library version.
 */
#include <errno.h>
#include <pthread.h>
#include <sched.h>

#include "test-util.h"

/* Every code of ND_ERRNO_MAP, as the table declares it. */
static const struct code {
  int code;
  const char *name;
  const char *message;
} codes[] = {
#define CODE_ENTRY(name, msg) {ND_##name, #name, msg},
  ND_ERRNO_MAP(CODE_ENTRY)
#undef CODE_ENTRY
};

#define NCODES (sizeof(codes) / sizeof(codes[0]))

/* The codes that are negated errno values, with the errno they negate. */
static const struct errno_code {
  int code;
  int sys;
  const char *name;
} errno_codes[] = {
#define ERRNO_ENTRY(e) {ND_##e, e, #e},
  ERRNO_ENTRY(E2BIG) ERRNO_ENTRY(EACCES) ERRNO_ENTRY(EADDRINUSE)
  ERRNO_ENTRY(EADDRNOTAVAIL) ERRNO_ENTRY(EAFNOSUPPORT) ERRNO_ENTRY(EAGAIN)
  ERRNO_ENTRY(EALREADY) ERRNO_ENTRY(EBADF) ERRNO_ENTRY(EBUSY)
  ERRNO_ENTRY(ECANCELED) ERRNO_ENTRY(ECONNABORTED) ERRNO_ENTRY(ECONNREFUSED)
  ERRNO_ENTRY(ECONNRESET) ERRNO_ENTRY(EDESTADDRREQ) ERRNO_ENTRY(EEXIST)
  ERRNO_ENTRY(EFAULT) ERRNO_ENTRY(EFBIG) ERRNO_ENTRY(EHOSTUNREACH)
  ERRNO_ENTRY(EINTR) ERRNO_ENTRY(EINVAL) ERRNO_ENTRY(EIO)
  ERRNO_ENTRY(EISCONN) ERRNO_ENTRY(EISDIR) ERRNO_ENTRY(ELOOP)
  ERRNO_ENTRY(EMFILE) ERRNO_ENTRY(EMSGSIZE) ERRNO_ENTRY(ENAMETOOLONG)
  ERRNO_ENTRY(ENETDOWN) ERRNO_ENTRY(ENETUNREACH) ERRNO_ENTRY(ENFILE)
  ERRNO_ENTRY(ENOBUFS) ERRNO_ENTRY(ENODEV) ERRNO_ENTRY(ENOENT)
  ERRNO_ENTRY(ENOMEM) ERRNO_ENTRY(ENONET) ERRNO_ENTRY(ENOPROTOOPT)
  ERRNO_ENTRY(ENOSPC) ERRNO_ENTRY(ENOSYS) ERRNO_ENTRY(ENOTCONN)
  ERRNO_ENTRY(ENOTDIR) ERRNO_ENTRY(ENOTEMPTY) ERRNO_ENTRY(ENOTSOCK)
  ERRNO_ENTRY(ENOTSUP) ERRNO_ENTRY(EOVERFLOW) ERRNO_ENTRY(EPERM)
  ERRNO_ENTRY(EPIPE) ERRNO_ENTRY(EPROTO) ERRNO_ENTRY(EPROTONOSUPPORT)
  ERRNO_ENTRY(EPROTOTYPE) ERRNO_ENTRY(ERANGE) ERRNO_ENTRY(EROFS)
  ERRNO_ENTRY(ESHUTDOWN) ERRNO_ENTRY(ESPIPE) ERRNO_ENTRY(ESRCH)
  ERRNO_ENTRY(ETIMEDOUT) ERRNO_ENTRY(ETXTBSY) ERRNO_ENTRY(EXDEV)
  ERRNO_ENTRY(ENXIO) ERRNO_ENTRY(EMLINK) ERRNO_ENTRY(EHOSTDOWN)
  ERRNO_ENTRY(EREMOTEIO) ERRNO_ENTRY(ENOTTY) ERRNO_ENTRY(EILSEQ)
  ERRNO_ENTRY(ESOCKTNOSUPPORT) ERRNO_ENTRY(ENODATA) ERRNO_ENTRY(EUNATCH)
  ERRNO_ENTRY(EDEADLK)
#undef ERRNO_ENTRY
};

/* The codes outside errno's range, with the values libuv gives them. */
static const struct fixed_code {
  int code;
  int value;
  const char *name;
} fixed_codes[] = {
  {ND_EAI_ADDRFAMILY, -3000, "EAI_ADDRFAMILY"},
  {ND_EAI_AGAIN, -3001, "EAI_AGAIN"},
  {ND_EAI_BADFLAGS, -3002, "EAI_BADFLAGS"},
  {ND_EAI_CANCELED, -3003, "EAI_CANCELED"},
  {ND_EAI_FAIL, -3004, "EAI_FAIL"},
  {ND_EAI_FAMILY, -3005, "EAI_FAMILY"},
  {ND_EAI_MEMORY, -3006, "EAI_MEMORY"},
  {ND_EAI_NODATA, -3007, "EAI_NODATA"},
  {ND_EAI_NONAME, -3008, "EAI_NONAME"},
  {ND_EAI_OVERFLOW, -3009, "EAI_OVERFLOW"},
  {ND_EAI_SERVICE, -3010, "EAI_SERVICE"},
  {ND_EAI_SOCKTYPE, -3011, "EAI_SOCKTYPE"},
  {ND_EAI_BADHINTS, -3013, "EAI_BADHINTS"},
  {ND_EAI_PROTOCOL, -3014, "EAI_PROTOCOL"},
  {ND_EFTYPE, -4028, "EFTYPE"},
  {ND_ECHARSET, -4080, "ECHARSET"},
  {ND_UNKNOWN, -4094, "UNKNOWN"},
  {ND_EOF, -4095, "EOF"},
};

#define NERRNO (sizeof(errno_codes) / sizeof(errno_codes[0]))
#define NFIXED (sizeof(fixed_codes) / sizeof(fixed_codes[0]))

/* --- names and messages from the table ----------------------------------- */

static void test_every_code_has_its_name_and_message(void **state) {
  char buf[128];
  size_t i;

  (void)state;
  assert_true(NCODES > 0);
  for (i = 0; i < NCODES; i++) {
    const char *name = nd_err_name(codes[i].code);
    const char *msg = nd_strerror(codes[i].code);

    assert_non_null(name);
    assert_string_equal(name, codes[i].name);
    assert_non_null(msg);
    assert_true(msg[0] != '\0');
    assert_string_equal(msg, codes[i].message);
    /* Static strings: the same pointer every time. */
    assert_ptr_equal(nd_err_name(codes[i].code), name);
    assert_ptr_equal(nd_strerror(codes[i].code), msg);

    /* The _r variants write the same text. */
    memset(buf, 'x', sizeof(buf));
    assert_ptr_equal(nd_err_name_r(codes[i].code, buf, sizeof(buf)), buf);
    assert_string_equal(buf, codes[i].name);
    memset(buf, 'x', sizeof(buf));
    assert_ptr_equal(nd_strerror_r(codes[i].code, buf, sizeof(buf)), buf);
    assert_string_equal(buf, codes[i].message);
  }
}

static void test_codes_are_distinct_and_in_range(void **state) {
  size_t i, j;

  (void)state;
  for (i = 0; i < NCODES; i++) {
    assert_true(codes[i].code < 0);
    assert_true(codes[i].code > ND_ERRNO_MAX);
    for (j = i + 1; j < NCODES; j++) {
      if (codes[i].code == codes[j].code)
        fail_msg("%s and %s share the value %d", codes[i].name, codes[j].name,
                 codes[i].code);
    }
  }
  assert_int_equal(ND_ERRNO_MAX, ND_EOF - 1);
}

/* Each code of the table is either errno-based or one of the fixed ones. */
static void test_errno_codes_negate_errno(void **state) {
  size_t i, j;
  int hits;

  (void)state;
  assert_int_equal(ND_ENOENT, -ENOENT);
  assert_int_equal(ND_EAGAIN, -EAGAIN);
  assert_int_equal(ND_EINVAL, -EINVAL);
  for (i = 0; i < NERRNO; i++) {
    assert_true(errno_codes[i].sys > 0);
    assert_int_equal(errno_codes[i].code, -errno_codes[i].sys);
    assert_string_equal(nd_err_name(errno_codes[i].code), errno_codes[i].name);
  }
  for (i = 0; i < NFIXED; i++) {
    assert_int_equal(fixed_codes[i].code, fixed_codes[i].value);
    assert_string_equal(nd_err_name(fixed_codes[i].code), fixed_codes[i].name);
  }

  assert_int_equal(NERRNO + NFIXED, NCODES);
  for (i = 0; i < NCODES; i++) {
    hits = 0;
    for (j = 0; j < NERRNO; j++)
      hits += strcmp(codes[i].name, errno_codes[j].name) == 0;
    for (j = 0; j < NFIXED; j++)
      hits += strcmp(codes[i].name, fixed_codes[j].name) == 0;
    if (hits != 1)
      fail_msg("%s is listed %d times among errno and fixed codes",
               codes[i].name, hits);
  }
}

static void test_fixed_codes(void **state) {
  size_t i;

  (void)state;
  assert_int_equal(ND_EOF, -4095);
  assert_int_equal(ND_UNKNOWN, -4094);
  assert_string_equal(nd_err_name(ND_EOF), "EOF");
  assert_string_equal(nd_strerror(ND_EOF), "end of file");
  /* The resolver codes: negative, distinct, none an errno value. */
  for (i = 0; i < NFIXED; i++) {
    assert_true(fixed_codes[i].code < 0);
    assert_true(-fixed_codes[i].code >= 3000);
  }
}

static void test_translate_sys_error(void **state) {
  size_t i;

  (void)state;
  assert_int_equal(nd_translate_sys_error(ENOENT), ND_ENOENT);
  assert_int_equal(nd_translate_sys_error(EAGAIN), ND_EAGAIN);
  for (i = 0; i < NERRNO; i++)
    assert_int_equal(nd_translate_sys_error(errno_codes[i].sys),
                     errno_codes[i].code);
  /* Already one of ours: unchanged. */
  assert_int_equal(nd_translate_sys_error(ND_ENOENT), ND_ENOENT);
  assert_int_equal(nd_translate_sys_error(ND_EOF), ND_EOF);
  assert_int_equal(nd_translate_sys_error(ND_EAI_NONAME), ND_EAI_NONAME);
  assert_int_equal(nd_translate_sys_error(-123456), -123456);
  assert_int_equal(nd_translate_sys_error(0), 0);
}

/* --- unknown codes -------------------------------------------------------- */

static void test_unknown_code(void **state) {
  char buf[64];

  (void)state;
  assert_string_equal(nd_strerror(-123456), "Unknown system error -123456");
  assert_string_equal(nd_err_name(-123456), "Unknown system error -123456");
  assert_string_equal(nd_strerror(4242), "Unknown system error 4242");
  assert_string_equal(nd_err_name(4242), "Unknown system error 4242");
  /* Positive errno values are not codes: ENOENT is not ND_ENOENT. */
  assert_string_equal(nd_strerror(ENOENT), "Unknown system error 2");
  /* 0 is success, not an error code. */
  assert_string_equal(nd_err_name(0), "Unknown system error 0");
  /* Just past the table's range. */
  assert_string_equal(nd_strerror(ND_ERRNO_MAX),
                      "Unknown system error -4096");

  memset(buf, 'x', sizeof(buf));
  assert_ptr_equal(nd_strerror_r(-123456, buf, sizeof(buf)), buf);
  assert_string_equal(buf, "Unknown system error -123456");
  memset(buf, 'x', sizeof(buf));
  assert_ptr_equal(nd_err_name_r(-123456, buf, sizeof(buf)), buf);
  assert_string_equal(buf, "Unknown system error -123456");
}

/* --- the _r variants truncate and never overrun -------------------------- */

static void expect_truncated(char *(*fn)(int, char *, size_t), int err,
                             const char *prefix) {
  char buf[16];
  size_t i;

  memset(buf, 'x', sizeof(buf));
  assert_ptr_equal(fn(err, buf, 5), buf);
  assert_memory_equal(buf, prefix, 4);
  assert_int_equal(buf[4], '\0');
  for (i = 5; i < sizeof(buf); i++)
    assert_int_equal(buf[i], 'x');
}

static void test_r_variants_truncate(void **state) {
  char buf[8];

  (void)state;
  expect_truncated(nd_strerror_r, ND_ENOENT, "no s");
  expect_truncated(nd_err_name_r, ND_ENOENT, "ENOE");
  expect_truncated(nd_strerror_r, -123456, "Unkn");
  expect_truncated(nd_err_name_r, -123456, "Unkn");
  expect_truncated(nd_err_name_r, ND_EAI_NONAME, "EAI_");

  /* A one-byte buffer gets just the terminator. */
  memset(buf, 'x', sizeof(buf));
  assert_ptr_equal(nd_strerror_r(ND_ENOENT, buf, 1), buf);
  assert_int_equal(buf[0], '\0');
  assert_int_equal(buf[1], 'x');

  /* A zero-length buffer is left alone. */
  memset(buf, 'x', sizeof(buf));
  assert_ptr_equal(nd_strerror_r(ND_ENOENT, buf, 0), buf);
  assert_ptr_equal(nd_err_name_r(ND_ENOENT, buf, 0), buf);
  assert_int_equal(buf[0], 'x');

  /* Exactly fitting: "EOF" and its terminator in four bytes. */
  memset(buf, 'x', sizeof(buf));
  assert_ptr_equal(nd_err_name_r(ND_EOF, buf, 4), buf);
  assert_string_equal(buf, "EOF");
  assert_int_equal(buf[4], 'x');
}

/* --- unknown-code text is per thread ------------------------------------- */

#define TLS_ROUNDS 20000

struct tls_arg {
  int code;
  pthread_barrier_t *barrier;
  char expect[64];
  const char *first;     /* where this thread's text lives */
  unsigned int mismatches;
  unsigned int moved;
};

static void *tls_thread(void *p) {
  struct tls_arg *a = p;
  const char *s = NULL;
  int i;

  snprintf(a->expect, sizeof(a->expect), "Unknown system error %d", a->code);
  pthread_barrier_wait(a->barrier);
  for (i = 0; i < TLS_ROUNDS; i++) {
    s = (i % 2 == 0) ? nd_strerror(a->code) : nd_err_name(a->code);
    if (i == 0)
      a->first = s;
    else if (s != a->first)
      a->moved++;
    if (strcmp(s, a->expect) != 0)
      a->mismatches++;
    /* Read it again after the other thread had a chance to write. */
    if (i % 64 == 0)
      sched_yield();
    if (strcmp(s, a->expect) != 0)
      a->mismatches++;
  }
  pthread_barrier_wait(a->barrier);
  /* Both threads still hold their last result: compare them once more. */
  if (s == NULL || strcmp(s, a->expect) != 0)
    a->mismatches++;
  return NULL;
}

static void test_unknown_text_is_thread_local(void **state) {
  pthread_barrier_t barrier;
  struct tls_arg args[2];
  pthread_t threads[2];
  int i;

  (void)state;
  memset(args, 0, sizeof(args));
  assert_int_equal(pthread_barrier_init(&barrier, NULL, 2), 0);
  args[0].code = -111111;
  args[1].code = -222222;
  for (i = 0; i < 2; i++) {
    args[i].barrier = &barrier;
    assert_int_equal(pthread_create(&threads[i], NULL, tls_thread, &args[i]),
                     0);
  }
  for (i = 0; i < 2; i++)
    assert_int_equal(pthread_join(threads[i], NULL), 0);
  assert_int_equal(pthread_barrier_destroy(&barrier), 0);

  for (i = 0; i < 2; i++) {
    assert_int_equal(args[i].mismatches, 0);
    assert_non_null(args[i].first);
  }
  /* Each thread's text has its own storage. */
  assert_ptr_not_equal(args[0].first, args[1].first);
}

/* --- handle and request types --------------------------------------------- */

static void test_handle_type_names(void **state) {
  (void)state;
#define CHECK_HANDLE_NAME(uc, lc)                                            \
  assert_string_equal(nd_handle_type_name(ND_##uc), #lc);
  ND_HANDLE_TYPE_MAP(CHECK_HANDLE_NAME)
#undef CHECK_HANDLE_NAME

  assert_string_equal(nd_handle_type_name(ND_TIMER), "timer");
  assert_string_equal(nd_handle_type_name(ND_ASYNC), "async");
  assert_string_equal(nd_handle_type_name(ND_IDLE), "idle");
  assert_string_equal(nd_handle_type_name(ND_PREPARE), "prepare");
  assert_string_equal(nd_handle_type_name(ND_CHECK), "check");
  assert_string_equal(nd_handle_type_name(ND_SIGNAL), "signal");
  assert_string_equal(nd_handle_type_name(ND_POLL), "poll");
  assert_string_equal(nd_handle_type_name(ND_TCP), "tcp");
  assert_string_equal(nd_handle_type_name(ND_UDP), "udp");
  assert_string_equal(nd_handle_type_name(ND_NAMED_PIPE), "pipe");
  assert_string_equal(nd_handle_type_name(ND_HANDLE), "handle");
  /* Not in the map, but named as libuv names it. */
  assert_string_equal(nd_handle_type_name(ND_FILE), "file");
  assert_string_equal(nd_handle_type_name(ND_TLS), "tls");

  assert_null(nd_handle_type_name(ND_UNKNOWN_HANDLE));
  assert_null(nd_handle_type_name(ND_HANDLE_TYPE_MAX));
  assert_null(nd_handle_type_name((nd_handle_type)(ND_HANDLE_TYPE_MAX + 1)));
  assert_null(nd_handle_type_name((nd_handle_type)-1));
  assert_null(nd_handle_type_name((nd_handle_type)1000));
}

static void test_req_type_names(void **state) {
  (void)state;
#define CHECK_REQ_NAME(uc, lc)                                               \
  assert_string_equal(nd_req_type_name(ND_##uc), #lc);
  ND_REQ_TYPE_MAP(CHECK_REQ_NAME)
#undef CHECK_REQ_NAME

  assert_string_equal(nd_req_type_name(ND_REQ), "req");
  assert_string_equal(nd_req_type_name(ND_CONNECT), "connect");
  assert_string_equal(nd_req_type_name(ND_WRITE), "write");
  assert_string_equal(nd_req_type_name(ND_SHUTDOWN), "shutdown");
  assert_string_equal(nd_req_type_name(ND_UDP_SEND), "udp_send");
  assert_string_equal(nd_req_type_name(ND_FS), "fs");
  assert_string_equal(nd_req_type_name(ND_WORK), "work");
  assert_string_equal(nd_req_type_name(ND_GETADDRINFO), "getaddrinfo");
  assert_string_equal(nd_req_type_name(ND_GETNAMEINFO), "getnameinfo");
  assert_string_equal(nd_req_type_name(ND_RANDOM), "random");

  assert_null(nd_req_type_name(ND_UNKNOWN_REQ));
  assert_null(nd_req_type_name(ND_REQ_TYPE_MAX));
  assert_null(nd_req_type_name((nd_req_type)-1));
  assert_null(nd_req_type_name((nd_req_type)1000));
}

/*
 * The numbering is libuv's, so the compatibility layer maps one to one;
 * ND_TLS, which libuv has no counterpart for, comes after them all.
 */
static void test_type_numbering(void **state) {
  (void)state;
  assert_int_equal(ND_UNKNOWN_HANDLE, 0);
  assert_int_equal(ND_ASYNC, 1);
  assert_int_equal(ND_TIMER, 13);
  assert_int_equal(ND_SIGNAL, 16);
  assert_int_equal(ND_FILE, 17);
  assert_int_equal(ND_TLS, 18);
  assert_int_equal(ND_HANDLE_TYPE_MAX, 19);
  assert_int_equal(ND_UNKNOWN_REQ, 0);
  assert_int_equal(ND_REQ, 1);
  assert_int_equal(ND_RANDOM, 10);
  assert_int_equal(ND_REQ_TYPE_MAX, 11);
}

static void test_handle_and_req_sizes(void **state) {
  (void)state;
  assert_int_equal(nd_handle_size(ND_TIMER), sizeof(nd_timer_t));
  assert_int_equal(nd_handle_size(ND_ASYNC), sizeof(nd_async_t));
  assert_int_equal(nd_handle_size(ND_IDLE), sizeof(nd_idle_t));
  assert_int_equal(nd_handle_size(ND_PREPARE), sizeof(nd_prepare_t));
  assert_int_equal(nd_handle_size(ND_CHECK), sizeof(nd_check_t));
  assert_int_equal(nd_handle_size(ND_SIGNAL), sizeof(nd_signal_t));
  assert_int_equal(nd_handle_size(ND_POLL), sizeof(nd_poll_t));
  assert_int_equal(nd_handle_size(ND_HANDLE), sizeof(nd_handle_t));
  assert_int_equal(nd_handle_size(ND_UNKNOWN_HANDLE), (size_t)-1);
  assert_int_equal(nd_handle_size(ND_HANDLE_TYPE_MAX), (size_t)-1);
  assert_int_equal(nd_handle_size((nd_handle_type)-1), (size_t)-1);

  assert_int_equal(nd_req_size(ND_REQ), sizeof(nd_req_t));
  assert_int_equal(nd_req_size(ND_WORK), sizeof(nd_work_t));
  assert_int_equal(nd_req_size(ND_FS), sizeof(nd_fs_t));
  assert_int_equal(nd_req_size(ND_UNKNOWN_REQ), (size_t)-1);
  assert_int_equal(nd_req_size(ND_REQ_TYPE_MAX), (size_t)-1);

  assert_int_equal(nd_loop_size(), sizeof(nd_loop_t));
}

/* --- version ------------------------------------------------------------- */

static void test_version(void **state) {
  char expect[32];

  (void)state;
  assert_int_equal(nd_version(), ND_VERSION_HEX);
  assert_int_equal(nd_version(), (unsigned int)((ND_VERSION_MAJOR << 16) |
                                                (ND_VERSION_MINOR << 8) |
                                                ND_VERSION_PATCH));
  assert_int_equal(nd_version() >> 16, ND_VERSION_MAJOR);
  assert_int_equal((nd_version() >> 8) & 0xff, ND_VERSION_MINOR);
  assert_int_equal(nd_version() & 0xff, ND_VERSION_PATCH);

  snprintf(expect, sizeof(expect), "%d.%d.%d", ND_VERSION_MAJOR,
           ND_VERSION_MINOR, ND_VERSION_PATCH);
  assert_non_null(nd_version_string());
  assert_string_equal(nd_version_string(), expect);
  assert_string_equal(ND_VERSION_STRING, expect);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_every_code_has_its_name_and_message),
    cmocka_unit_test(test_codes_are_distinct_and_in_range),
    cmocka_unit_test(test_errno_codes_negate_errno),
    cmocka_unit_test(test_fixed_codes),
    cmocka_unit_test(test_translate_sys_error),
    cmocka_unit_test(test_unknown_code),
    cmocka_unit_test(test_r_variants_truncate),
    cmocka_unit_test(test_unknown_text_is_thread_local),
    cmocka_unit_test(test_handle_type_names),
    cmocka_unit_test(test_req_type_names),
    cmocka_unit_test(test_type_numbering),
    cmocka_unit_test(test_handle_and_req_sizes),
    cmocka_unit_test(test_version),
  };

  return cmocka_run_group_tests(tests, NULL, NULL);
}
