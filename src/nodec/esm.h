/*
 * esm.h - the ES module transform: a module's source in, a script
 * function body and its metadata out.  Pure C, no JavaScriptCore, so that
 * tests/fuzz/esm.c links it alone.
 *
 * The body keeps every byte of the source that is not part of an import
 * or export declaration, and every line break, so line numbers in stacks
 * and errors are the file's own.  It is written to be compiled with the
 * parameters (__nd_w, __nd_m, __nd_i, __nd_meta__):
 *
 *   return function* () { 'use strict';
 *     __nd_m.x({ "name": () => local, ... }); yield; <module body> }
 *
 * A module that uses top-level await is an async function instead, which
 * hands over its getters when it starts: its body must begin when the
 * loader evaluates it, not a microtask later.  __nd_w holds one getter
 * per imported binding, and every reference to an imported name in the
 * body becomes __nd_w.name (outside the scopes where a nested declaration
 * hides it), so importers read exports live;
 * __nd_m.x() receives the module's export getters when the loader first
 * steps the generator (function declarations are hoisted by then, which
 * is what cycles need); the second step evaluates the module.  import()
 * becomes __nd_i(), import.meta becomes __nd_meta__.
 *
 * The metadata is JSON:
 *   {"r":[request...],"e":[[exported,local]...],"tla":0|1}
 * with request = {"s":"<specifier literal>","t":"<type literal>"|null,
 *   "i":[[imported,local]...], "x":[[imported,exported]...], "star":0|1}.
 * Literals are the source's own text, quotes included; "*" as imported
 * name means the namespace.  Requests are in source order.
 */
#ifndef NODEC_ESM_H
#define NODEC_ESM_H

#include <stddef.h>

enum {
  ND_ESM_MODULE = 0, /* an ES module: the whole transform */
  ND_ESM_SCRIPT = 1  /* CommonJS: only import() is rewritten */
};

typedef struct {
  char *code;      /* malloc'd, NUL-terminated */
  size_t code_len;
  char *meta;      /* malloc'd JSON, NUL-terminated (NULL for scripts) */
  size_t meta_len;
  size_t prefix_len; /* bytes the wrapper adds before line 1's text */
  /* On a syntax error: */
  const char *error; /* the message (static, or in message[]) */
  char message[96];
  int line;          /* 1-based */
  int column;        /* 1-based, in bytes */
} nd__esm_result;

/*
 * Transform src.  Returns 0, or -1 with error/line/column set (a syntax
 * error), or -2 when memory ran out.  Free the result with
 * nd__esm_result_free() in every case.
 */
int nd__esm_transform(const char *src, size_t len, int mode,
                      nd__esm_result *out);

/*
 * The names a CommonJS source exports, found statically the way Node's
 * cjs-module-lexer finds them (exports.x =, module.exports = { a, b },
 * Object.defineProperty(exports, 'x', ...), module.exports = require()):
 * meta is {"e":[literal...],"re":[specifier literal...]}.  Never fails on
 * bad syntax (what it found up to there is the answer); -2 on no memory.
 */
int nd__esm_cjs_exports(const char *src, size_t len, nd__esm_result *out);

void nd__esm_result_free(nd__esm_result *r);

#endif
