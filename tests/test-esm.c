/*
 * test-esm.c - the ES module transform (src/nodec/esm.c) on its own: what
 * each import and export form becomes (body and metadata), that line
 * breaks never move, that import/export text in strings, templates,
 * comments, regular expressions and property names is left alone, the
 * top-level await detection, the syntax errors with their positions, and
 * the CommonJS export scanner.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "nodec/esm.h"

static size_t newlines(const char *s, size_t n) {
  size_t k = 0, i;
  for (i = 0; i < n; i++)
    k += s[i] == '\n';
  return k;
}

/* Transform src as a module; the body after the wrapper's first step. */
static char *body_of(const char *src, nd__esm_result *r) {
  const char *start;
  size_t len;
  char *out;

  assert_int_equal(nd__esm_transform(src, strlen(src), ND_ESM_MODULE, r), 0);
  assert_int_equal(newlines(r->code, r->code_len), newlines(src, strlen(src)) + 1);
  start = r->code + r->prefix_len;
  len = r->code_len - r->prefix_len - 2; /* the closing "\n}" */
  out = malloc(len + 1);
  memcpy(out, start, len);
  out[len] = '\0';
  return out;
}

static void expect(const char *src, const char *body, const char *meta) {
  nd__esm_result r;
  char *b = body_of(src, &r);
  assert_string_equal(b, body);
  if (meta != NULL)
    assert_string_equal(r.meta, meta);
  free(b);
  nd__esm_result_free(&r);
}

static void expect_error(const char *src, const char *msg, int line, int col) {
  nd__esm_result r;
  if (nd__esm_transform(src, strlen(src), ND_ESM_MODULE, &r) != -1)
    fail_msg("no error for %s", src);
  assert_string_equal(r.error, msg);
  assert_int_equal(r.line, line);
  assert_int_equal(r.column, col);
  nd__esm_result_free(&r);
}

static void test_imports(void **state) {
  (void)state;
  expect("import a, { b as c, 'd' as e } from './m.js';\nx;",
         "                                             \nx;",
         "{\"r\":[{\"s\":\"'./m.js'\",\"t\":null,\"i\":[[\"default\",\"a\"],"
         "[\"b\",\"c\"],[\"'d'\",\"e\"]],\"x\":[],\"star\":0}],\"e\":[],\"tla\":0}");
  expect("import * as ns from \"n\"\nimport 's'", "                       \n          ",
         "{\"r\":[{\"s\":\"\\\"n\\\"\",\"t\":null,\"i\":[[\"*\",\"ns\"]],\"x\":[],"
         "\"star\":0},{\"s\":\"'s'\",\"t\":null,\"i\":[],\"x\":[],\"star\":0}],"
         "\"e\":[],\"tla\":0}");
  expect("import j from './j.json' with { type: 'json' };",
         "                                               ",
         "{\"r\":[{\"s\":\"'./j.json'\",\"t\":\"'json'\",\"i\":[[\"default\",\"j\"]],"
         "\"x\":[],\"star\":0}],\"e\":[],\"tla\":0}");
  /* A statement over several lines keeps its line breaks. */
  expect("import {\n  a,\n  b\n} from 'm'; f()", "        \n    \n   \n            f()", NULL);
}

static void test_exports(void **state) {
  (void)state;
  expect("export const a = 1, { b, c: [d] } = o;",
         "       const a = 1, { b, c: [d] } = o;",
         "{\"r\":[],\"e\":[[\"a\",\"a\"],[\"b\",\"b\"],[\"d\",\"d\"]],\"tla\":0}");
  expect("export function f() {}\nexport class K {}",
         "       function f() {}\n       class K {}",
         "{\"r\":[],\"e\":[[\"f\",\"f\"],[\"K\",\"K\"]],\"tla\":0}");
  expect("export default 1 + 2;", "let __nodec_d= 1 + 2;",
         "{\"r\":[],\"e\":[[\"default\",\"__nodec_d\"]],\"tla\":0}");
  expect("export default function () {}", "               function __nodec_d () {}", NULL);
  expect("export default function* g() {}", "               function* g() {}",
         "{\"r\":[],\"e\":[[\"default\",\"g\"]],\"tla\":0}");
  expect("let x; export { x as y, x as 'z' };", "let x;                             ",
         "{\"r\":[],\"e\":[[\"y\",\"x\"],[\"'z'\",\"x\"]],\"tla\":0}");
  expect("export * from 'a'; export * as n from 'b'; export { q as r } from 'c';",
         "                                                                      ",
         "{\"r\":[{\"s\":\"'a'\",\"t\":null,\"i\":[],\"x\":[],\"star\":1},"
         "{\"s\":\"'b'\",\"t\":null,\"i\":[],\"x\":[[\"*\",\"n\"]],\"star\":0},"
         "{\"s\":\"'c'\",\"t\":null,\"i\":[],\"x\":[[\"q\",\"r\"]],\"star\":0}],"
         "\"e\":[],\"tla\":0}");
}

static void test_untouched(void **state) {
  static const char *const same[] = {
      "const s = \"import a from 'b'\"; const t = 'export default 1';",
      "const t = `import ${`export ${1}`} from`;",
      "// import a from 'b'\n/* export default 2 */",
      "const r = /import a from 'b'/g; const d = a / b / c;",
      "o.import(1); o.export = 2; const p = { import: 1, export() {} };",
      "class A { import() { return 1; } static export = 2; }",
      "if (x) /export/.test(y); const q = (1) / 2 / 3;",
      "const \\u0066rom = 1; x = {} / 1;",
      "label: { break label; }",
  };
  size_t i;
  (void)state;
  for (i = 0; i < sizeof(same) / sizeof(same[0]); i++)
    expect(same[i], same[i], "{\"r\":[],\"e\":[],\"tla\":0}");
}

static void test_dynamic_and_meta(void **state) {
  nd__esm_result r;
  (void)state;
  expect("const m = import('./x.js'); const u = import.meta.url;",
         "const m = __nd_i('./x.js'); const u = __nd_meta__.url;", NULL);
  expect("const o = { import(a) { return a; } };", "const o = { import(a) { return a; } };", NULL);
  /* A script (CommonJS): only import() changes, and nothing else fails. */
  assert_int_equal(nd__esm_transform("import('a'); import x from 'y'", 30, ND_ESM_SCRIPT, &r), 0);
  assert_string_equal(r.code, "__nd_i('a'); import x from 'y'");
  nd__esm_result_free(&r);
}

static void test_import_references(void **state) {
  (void)state;
  /* References read the import through __nd_w; calls pass no this. */
  expect("import { a, f } from 'm';\nf(a); new f(); typeof a; `${a}`;",
         "                         \n__nd_w.f.call(void 0,__nd_w.a); new __nd_w.f(); "
         "typeof __nd_w.a; `${__nd_w.a}`;", NULL);
  /* Keys, shorthands, members, properties and labels. */
  expect("import { a } from 'm';\nconst o = { a: 1, a() {}, a }; o.a; class C { a() {} static a = a; }",
         "                      \nconst o = { a: 1, a() {}, a:__nd_w.a }; o.a; "
         "class C { a() {} static a = __nd_w.a; }", NULL);
  /* Nested declarations hide the import in their scope only. */
  expect("import { a } from 'm';\n"
         "function f(a) { return a; }\n"
         "function g() { let a = 1; { a; } return a; }\n"
         "const h = (x, { a }) => a, k = a => a;\n"
         "try {} catch (a) { a; }\n"
         "function v() { if (1) { var a; } return a; }\n"
         "a;",
         "                      \n"
         "function f(a) { return a; }\n"
         "function g() { let a = 1; { a; } return a; }\n"
         "const h = (x, { a }) => a, k = a => a;\n"
         "try {} catch (a) { a; }\n"
         "function v() { if (1) { var a; } return a; }\n"
         "__nd_w.a;", NULL);
  /* A loop variable hides the import in the loop only. */
  expect("import { a } from 'm';\nfor (const a of l) f(a)\na;\nfor (let a = 0; a < 1; a++) { a; }\na;",
         "                      \nfor (const a of l) f(a)\n__nd_w.a;\n"
         "for (let a = 0; a < 1; a++) { a; }\n__nd_w.a;", NULL);
  /* Re-exporting an import hands over a getter that reads it. */
  expect("import { a } from 'm'; export { a as b };",
         "                                         ",
         "{\"r\":[{\"s\":\"'m'\",\"t\":null,\"i\":[[\"a\",\"a\"]],\"x\":[],"
         "\"star\":0}],\"e\":[[\"b\",\"a\"]],\"tla\":0}");
}

static void test_top_level_await(void **state) {
  nd__esm_result r;
  static const struct {
    const char *src;
    int tla;
  } cases[] = {
      {"await x;", 1},
      {"for await (const a of b) {}", 1},
      {"async function f() { await x; }", 0},
      {"const f = async () => await x;", 0},
      {"const f = async () => await x\nawait y", 1},
      {"class A { async m() { await 1; } }", 0},
      {"o.await; const p = { await: 1 };", 0},
      {"if (a) { await b; }", 1},
  };
  size_t i;
  (void)state;
  for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
    assert_int_equal(nd__esm_transform(cases[i].src, strlen(cases[i].src),
                                       ND_ESM_MODULE, &r), 0);
    if ((strstr(r.meta, "\"tla\":1") != NULL) != cases[i].tla)
      fail_msg("tla of %s", cases[i].src);
    nd__esm_result_free(&r);
  }
}

static void test_errors(void **state) {
  (void)state;
  expect_error("import { a b } from 'x';", "Unexpected identifier 'b'", 1, 12);
  expect_error("const a = 1;\nimport x 'y';", "Unexpected string", 2, 10);
  expect_error("const s = 'open", "Invalid or unexpected token", 1, 11);
  expect_error("x;\n/* never closed", "Invalid or unexpected token", 2, 1);
  expect_error("const t = `${a}", "Unterminated template literal", 1, 15);
  expect_error("f(\n", "Unexpected end of input", 2, 1);
  expect_error("a = /unclosed", "Invalid regular expression: missing /", 1, 5);
  expect_error("}", "Unexpected token '}'", 1, 1);
  expect_error("export", "Unexpected end of input", 1, 7);
  expect_error("f();\nif (x) { return; }", "Illegal return statement", 2, 10);
  expect("function f() { return 1; } const o = { return: 2 }; class A { m() { return 3; } }",
         "function f() { return 1; } const o = { return: 2 }; class A { m() { return 3; } }", NULL);
}

static void test_cjs_exports(void **state) {
  static const char src[] =
      "exports.a = 1; module.exports.b = 2; exports['c'] = 3;\n"
      "Object.defineProperty(exports, 'd', { value: 4 });\n"
      "Object.defineProperty(exports, 'n', { get() { return 'lit'; } });\n"
      "Object.defineProperty(exports, 'm', { enumerable: true, get: function () { return q.m; } });\n"
      "if (exports.e == 1) {} x.exports.f = 1;\n"
      "module.exports = { g, h: i, ...require('./j') };\n"
      "module.exports = require('k');\n";
  nd__esm_result r;
  (void)state;
  assert_int_equal(nd__esm_cjs_exports(src, sizeof(src) - 1, &r), 0);
  assert_string_equal(r.meta, "{\"e\":[\"a\",\"b\",\"'c'\",\"'d'\",\"'m'\",\"g\",\"h\"],"
                              "\"re\":[\"'./j'\",\"'k'\"]}");
  nd__esm_result_free(&r);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_imports),
      cmocka_unit_test(test_exports),
      cmocka_unit_test(test_untouched),
      cmocka_unit_test(test_dynamic_and_meta),
      cmocka_unit_test(test_import_references),
      cmocka_unit_test(test_top_level_await),
      cmocka_unit_test(test_errors),
      cmocka_unit_test(test_cjs_exports),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
