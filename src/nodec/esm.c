/*
 * esm.c - the ES module transform (see esm.h for what it produces).
 *
 * A JavaScript lexer that is exact about what can hide an import or an
 * export: strings, template literals with nested ${}, comments, regular
 * expressions (told from division by the token before the slash, and for
 * ")" and "}" by what opened the group), identifiers with unicode escapes
 * (an escaped `import` is never the keyword).  It keeps a stack of open
 * brackets, so static import/export are recognised only at the top level,
 * and a count of enclosing function bodies, so `await` outside every
 * function marks the module as using top-level await.  It is one pass,
 * linear in the input, with a bounded look-ahead for names.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "esm.h"

enum {
  TK_EOF,
  TK_IDENT,
  TK_NUM,
  TK_STR,
  TK_TMPL,      /* a template, or its tail after the last ${} */
  TK_TMPL_HEAD, /* a template's text up to a ${ */
  TK_REGEX,
  TK_PUNCT
};

/* Punctuators with more than one character get codes above 255. */
enum { P_ARROW = 256, P_INC, P_DEC, P_OPTDOT, P_SPREAD };

enum { F_PAREN, F_BRACKET, F_BRACE, F_TMPL, F_ARROW };
enum {
  FL_COND = 1,   /* ( after if/while/for/with: a regex may follow ")" */
  FL_NOFUNC = 2, /* ( whose ")" is not followed by a function body */
  FL_EXPR = 4,   /* { of an object literal: "}" ends an expression */
  FL_FUNC = 8,   /* { of a function body */
  FL_CLASS = 16, /* { of a class body */
  FL_CATCH = 32  /* ( of catch: its names belong to the block after */
};

typedef struct {
  unsigned char kind, flags;
  size_t start; /* where the group opened */
} frame;

typedef struct {
  int kind;
  int punct; /* TK_PUNCT: the character or P_* */
  size_t start, end;
  int newline_before;
  int escaped; /* an identifier with \u escapes */
  int property; /* a name after "." or "?." */
} token;

/* Everything a look-ahead saves and restores. */
typedef struct {
  size_t pos;
  int line;
  size_t line_start;
  size_t depth;
  int fdepth;
  int after_arrow;
  /* The previous token, for regex-or-division and brace kinds. */
  int prev_kind, prev_punct;
  int prev_kw_expr;  /* a keyword after which an expression starts */
  int prev_kw_nofunc; /* if/while/for/with/switch/catch */
  int prev_kw_cond;   /* if/while/for/with */
  int prev_close_flags; /* flags of the group ")" or "}" closed */
  int prev_dot;        /* "." or "?.": the next name is a property */
  int prev_kw_catch;
  size_t class_pending; /* depth + 1 where `class` waits for its body */
} lstate;

typedef struct {
  const char *s;
  size_t n;
  frame *stack;
  size_t cap;
  lstate st;
  const char *err;
  size_t err_pos;
  int err_line;
  size_t err_line_start;
  int oom;
  char message[96]; /* err, when it names the token */
  size_t tok_start;  /* the token being lexed */
} lexer;

typedef struct {
  char *p;
  size_t len, cap;
  int oom;
} buf;

static void buf_add(buf *b, const char *s, size_t n) {
  if (b->oom)
    return;
  if (b->len + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 256;
    char *p;
    while (cap < b->len + n + 1)
      cap *= 2;
    p = realloc(b->p, cap);
    if (p == NULL) {
      b->oom = 1;
      return;
    }
    b->p = p;
    b->cap = cap;
  }
  memcpy(b->p + b->len, s, n);
  b->len += n;
  b->p[b->len] = '\0';
}

static void buf_str(buf *b, const char *s) { buf_add(b, s, strlen(s)); }

/* A JSON string holding the source text s[0..n) as it is. */
static void buf_json(buf *b, const char *s, size_t n) {
  static const char hex[] = "0123456789abcdef";
  size_t i, run = 0;

  buf_add(b, "\"", 1);
  for (i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x20 && c != '"' && c != '\\')
      continue;
    buf_add(b, s + run, i - run);
    run = i + 1;
    if (c == '"' || c == '\\') {
      char e[2] = {'\\', (char)c};
      buf_add(b, e, 2);
    } else {
      char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
      buf_add(b, e, 6);
    }
  }
  buf_add(b, s + run, n - run);
  buf_add(b, "\"", 1);
}

/* --- the lexer ------------------------------------------------------------ */

static int is_id_start(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         c == '$' || c == '\\' || c >= 0x80;
}

static int is_id_part(unsigned char c) {
  return is_id_start(c) || (c >= '0' && c <= '9');
}

static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

static void fail(lexer *L, const char *msg, size_t pos) {
  if (L->err != NULL)
    return;
  L->err = msg;
  L->err_pos = pos;
  L->err_line = L->st.line;
  L->err_line_start = L->st.line_start;
}

static void newline(lexer *L, size_t at) {
  L->st.line++;
  L->st.line_start = at + 1;
}

static int push(lexer *L, int kind, int flags) {
  if (L->st.depth == L->cap) {
    size_t cap = L->cap ? L->cap * 2 : 64;
    frame *f = realloc(L->stack, cap * sizeof(*f));
    if (f == NULL) {
      L->oom = 1;
      fail(L, "out of memory", L->st.pos);
      return -1;
    }
    L->stack = f;
    L->cap = cap;
  }
  L->stack[L->st.depth].kind = (unsigned char)kind;
  L->stack[L->st.depth].flags = (unsigned char)flags;
  L->stack[L->st.depth].start = L->tok_start;
  L->st.depth++;
  if (kind == F_ARROW || (kind == F_BRACE && (flags & FL_FUNC)))
    L->st.fdepth++;
  return 0;
}

static frame *top(lexer *L) {
  return L->st.depth > 0 ? &L->stack[L->st.depth - 1] : NULL;
}

static frame pop(lexer *L) {
  frame f = L->stack[--L->st.depth];
  if (f.kind == F_ARROW || (f.kind == F_BRACE && (f.flags & FL_FUNC)))
    L->st.fdepth--;
  return f;
}

static int word_is(const lexer *L, const token *t, const char *w) {
  size_t n = strlen(w);
  return t->kind == TK_IDENT && !t->escaped && t->end - t->start == n &&
         memcmp(L->s + t->start, w, n) == 0;
}

static int punct_is(const token *t, int c) {
  return t->kind == TK_PUNCT && t->punct == c;
}

static int in_list(const char *s, size_t n, const char *const *list) {
  for (; *list != NULL; list++)
    if (strlen(*list) == n && memcmp(*list, s, n) == 0)
      return 1;
  return 0;
}

/* Keywords after which an expression, so a regular expression, starts. */
static const char *const kw_expr[] = {
    "return", "typeof", "instanceof", "in",    "of",      "new",
    "delete", "void",   "throw",      "case",  "do",      "else",
    "yield",  "await",  "extends",    "default", NULL};
static const char *const kw_cond[] = {"if", "while", "for", "with", NULL};
static const char *const kw_nofunc[] = {"if",     "while", "for", "with",
                                        "switch", "catch", NULL};

/* Does the previous token end an expression (so "/" divides)? */
static int prev_ends_expr(const lexer *L) {
  switch (L->st.prev_kind) {
  case TK_EOF:
  case TK_TMPL_HEAD:
    return 0;
  case TK_IDENT:
    return !L->st.prev_kw_expr;
  case TK_NUM:
  case TK_STR:
  case TK_TMPL:
  case TK_REGEX:
    return 1;
  default:
    switch (L->st.prev_punct) {
    case ')':
      return !(L->st.prev_close_flags & FL_COND);
    case ']':
    case P_INC:
    case P_DEC:
      return 1;
    case '}':
      return (L->st.prev_close_flags & FL_EXPR) != 0;
    default:
      return 0;
    }
  }
}

/* The kind of a "{" from the token before it. */
static int brace_flags(const lexer *L) {
  switch (L->st.prev_kind) {
  case TK_EOF:
    return 0;
  case TK_IDENT:
    return L->st.prev_kw_expr ? FL_EXPR : 0;
  case TK_TMPL_HEAD:
    return FL_EXPR;
  case TK_PUNCT:
    switch (L->st.prev_punct) {
    case ')':
      return (L->st.prev_close_flags & FL_NOFUNC) ? 0 : FL_FUNC;
    case P_ARROW:
      return FL_FUNC;
    case ';':
    case '{':
    case '}':
      return 0;
    default:
      return FL_EXPR;
    }
  default:
    return 0;
  }
}

/* Template characters from pos up to "`" (TK_TMPL) or "${" (TK_TMPL_HEAD). */
static int scan_template(lexer *L, size_t pos, token *t) {
  const char *s = L->s;
  size_t n = L->n;

  while (pos < n) {
    char c = s[pos];
    if (c == '\\') {
      if (pos + 1 < n && s[pos + 1] == '\n')
        newline(L, pos + 1);
      pos += 2;
      continue;
    }
    if (c == '\n')
      newline(L, pos);
    if (c == '`') {
      L->st.pos = pos + 1;
      t->kind = TK_TMPL;
      return t->kind;
    }
    if (c == '$' && pos + 1 < n && s[pos + 1] == '{') {
      L->st.pos = pos + 2;
      if (push(L, F_TMPL, 0) < 0)
        return TK_EOF;
      t->kind = TK_TMPL_HEAD;
      return t->kind;
    }
    pos++;
  }
  fail(L, "Unterminated template literal", t->start);
  return TK_EOF;
}

static size_t scan_ident(lexer *L, size_t pos, int *escaped) {
  const char *s = L->s;
  size_t n = L->n;

  while (pos < n && is_id_part((unsigned char)s[pos])) {
    if (s[pos] == '\\') {
      *escaped = 1;
      if (pos + 1 >= n || s[pos + 1] != 'u') {
        fail(L, "Invalid or unexpected token", pos);
        return n;
      }
      pos += 2;
      if (pos < n && s[pos] == '{') {
        while (pos < n && s[pos] != '}' && s[pos] != '\n')
          pos++;
        if (pos >= n || s[pos] != '}') {
          fail(L, "Invalid Unicode escape sequence", pos);
          return n;
        }
        pos++;
      } else {
        int k;
        for (k = 0; k < 4; k++, pos++) {
          char c = pos < n ? s[pos] : 0;
          if (!is_digit((unsigned char)c) && !(c >= 'a' && c <= 'f') &&
              !(c >= 'A' && c <= 'F')) {
            fail(L, "Invalid Unicode escape sequence", pos);
            return n;
          }
        }
      }
      continue;
    }
    pos++;
  }
  return pos;
}

/* Skip white space and comments; report whether a line ended. */
static int skip_space(lexer *L) {
  const char *s = L->s;
  size_t n = L->n, pos = L->st.pos;
  int nl = 0;

  while (pos < n) {
    unsigned char c = (unsigned char)s[pos];
    if (c == '\n') {
      newline(L, pos);
      nl = 1;
      pos++;
    } else if (c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f') {
      pos++;
    } else if (c == 0xe2 && pos + 2 < n && (unsigned char)s[pos + 1] == 0x80 &&
               ((unsigned char)s[pos + 2] == 0xa8 ||
                (unsigned char)s[pos + 2] == 0xa9)) {
      nl = 1; /* LINE and PARAGRAPH SEPARATOR end lines too */
      pos += 3;
    } else if (c == 0xc2 && pos + 1 < n && (unsigned char)s[pos + 1] == 0xa0) {
      pos += 2;
    } else if (c == 0xef && pos + 2 < n && (unsigned char)s[pos + 1] == 0xbb &&
               (unsigned char)s[pos + 2] == 0xbf) {
      pos += 3;
    } else if (c == '/' && pos + 1 < n && s[pos + 1] == '/') {
      while (pos < n && s[pos] != '\n')
        pos++;
    } else if (c == '/' && pos + 1 < n && s[pos + 1] == '*') {
      size_t start = pos;
      pos += 2;
      while (pos + 1 < n && !(s[pos] == '*' && s[pos + 1] == '/')) {
        if (s[pos] == '\n') {
          newline(L, pos);
          nl = 1;
        }
        pos++;
      }
      if (pos + 1 >= n) {
        L->st.pos = start;
        fail(L, "Invalid or unexpected token", start);
        return nl;
      }
      pos += 2;
    } else if (c == '#' && pos == 0 && n > 1 && s[1] == '!') {
      while (pos < n && s[pos] != '\n')
        pos++;
    } else {
      break;
    }
  }
  L->st.pos = pos;
  return nl;
}

static void remember(lexer *L, const token *t) {
  if (t->kind == TK_IDENT && !t->escaped && !L->st.prev_dot &&
      t->end - t->start == 5 && memcmp(L->s + t->start, "class", 5) == 0)
    L->st.class_pending = L->st.depth + 1;
  L->st.prev_kind = t->kind;
  L->st.prev_punct = t->kind == TK_PUNCT ? t->punct : 0;
  L->st.prev_dot = t->kind == TK_PUNCT &&
                   (t->punct == '.' || t->punct == P_OPTDOT);
  L->st.prev_kw_expr = L->st.prev_kw_nofunc = L->st.prev_kw_cond = 0;
  if (t->kind == TK_IDENT && !t->escaped) {
    const char *w = L->s + t->start;
    size_t k = t->end - t->start;
    L->st.prev_kw_expr = in_list(w, k, kw_expr);
    L->st.prev_kw_nofunc = in_list(w, k, kw_nofunc);
    L->st.prev_kw_cond = in_list(w, k, kw_cond);
    L->st.prev_kw_catch = k == 5 && memcmp(w, "catch", 5) == 0;
  } else {
    L->st.prev_kw_catch = 0;
  }
}

/* The next token; TK_EOF at the end or after an error (L->err). */
static int lex(lexer *L, token *t) {
  const char *s = L->s;
  size_t n = L->n, pos;
  unsigned char c;
  int was_prev_dot = L->st.prev_dot;

  memset(t, 0, sizeof(*t));
  if (L->err != NULL) {
    t->kind = TK_EOF;
    return TK_EOF;
  }
  t->newline_before = skip_space(L);
  pos = L->st.pos;
  t->start = pos;
  L->tok_start = pos;
  if (L->err != NULL || pos >= n) {
    t->kind = TK_EOF;
    t->end = pos;
    return TK_EOF;
  }
  c = (unsigned char)s[pos];

  /* A concise arrow body ends at ";", ",", a closing bracket, or a new
     line that starts another statement. */
  {
    int closes = c == ';' || c == ',' || c == ')' || c == ']' || c == '}';
    int starts = is_id_start(c) || is_digit(c) || c == '"' || c == '\'' ||
                 c == '`';
    if (L->st.after_arrow) {
      L->st.after_arrow = 0;
      if (c != '{' && push(L, F_ARROW, 0) < 0)
        return t->kind = TK_EOF;
    } else {
      while (top(L) != NULL && top(L)->kind == F_ARROW &&
             (closes || (t->newline_before && starts && prev_ends_expr(L))))
        pop(L);
    }
  }

  if (is_id_start(c) || (c == '#' && pos + 1 < n &&
                         is_id_start((unsigned char)s[pos + 1]))) {
    L->st.pos = scan_ident(L, pos + 1, &t->escaped);
    if (c == '\\') {
      L->st.pos = scan_ident(L, pos, &t->escaped);
    }
    t->kind = TK_IDENT;
  } else if (is_digit(c) ||
             (c == '.' && pos + 1 < n && is_digit((unsigned char)s[pos + 1]))) {
    pos++;
    while (pos < n && (is_id_part((unsigned char)s[pos]) || s[pos] == '.') &&
           s[pos] != '\\')
      pos++;
    L->st.pos = pos;
    t->kind = TK_NUM;
  } else if (c == '"' || c == '\'') {
    pos++;
    for (;;) {
      if (pos >= n || s[pos] == '\n' || s[pos] == '\r') {
        fail(L, "Invalid or unexpected token", t->start);
        return t->kind = TK_EOF;
      }
      if (s[pos] == (char)c)
        break;
      if (s[pos] == '\\') {
        pos++;
        if (pos < n && s[pos] == '\r' && pos + 1 < n && s[pos + 1] == '\n')
          pos++;
        if (pos < n && s[pos] == '\n')
          newline(L, pos);
      }
      pos++;
    }
    L->st.pos = pos + 1;
    t->kind = TK_STR;
  } else if (c == '`') {
    scan_template(L, pos + 1, t);
  } else if (c == '/' && !prev_ends_expr(L)) {
    int in_class = 0;
    pos++;
    for (;;) {
      if (pos >= n || s[pos] == '\n' || s[pos] == '\r') {
        fail(L, "Invalid regular expression: missing /", t->start);
        return t->kind = TK_EOF;
      }
      if (s[pos] == '\\') {
        pos += 2;
        continue;
      }
      if (s[pos] == '[')
        in_class = 1;
      else if (s[pos] == ']')
        in_class = 0;
      else if (s[pos] == '/' && !in_class)
        break;
      pos++;
    }
    pos++;
    while (pos < n && is_id_part((unsigned char)s[pos]) && s[pos] != '\\')
      pos++;
    L->st.pos = pos;
    t->kind = TK_REGEX;
  } else {
    frame *f;
    t->kind = TK_PUNCT;
    t->punct = c;
    L->st.pos = pos + 1;
    switch (c) {
    case '.':
      if (pos + 2 < n && s[pos + 1] == '.' && s[pos + 2] == '.') {
        t->punct = P_SPREAD;
        L->st.pos = pos + 3;
      }
      break;
    case '?':
      if (pos + 1 < n && s[pos + 1] == '.' &&
          !(pos + 2 < n && is_digit((unsigned char)s[pos + 2]))) {
        t->punct = P_OPTDOT;
        L->st.pos = pos + 2;
      }
      break;
    case '=':
      if (pos + 1 < n && s[pos + 1] == '>') {
        t->punct = P_ARROW;
        L->st.pos = pos + 2;
        L->st.after_arrow = 1;
      }
      break;
    case '+':
    case '-':
      if (pos + 1 < n && s[pos + 1] == (char)c) {
        t->punct = c == '+' ? P_INC : P_DEC;
        L->st.pos = pos + 2;
      }
      break;
    case '(':
      if (push(L, F_PAREN,
               (L->st.prev_kind == TK_IDENT && L->st.prev_kw_cond ? FL_COND
                                                                  : 0) |
                   (L->st.prev_kind == TK_IDENT && L->st.prev_kw_nofunc
                        ? FL_NOFUNC
                        : 0) |
                   (L->st.prev_kind == TK_IDENT && L->st.prev_kw_catch
                        ? FL_CATCH
                        : 0)) < 0)
        return t->kind = TK_EOF;
      break;
    case '[':
      if (push(L, F_BRACKET, 0) < 0)
        return t->kind = TK_EOF;
      break;
    case '{': {
      int fl = brace_flags(L);
      if (L->st.class_pending == L->st.depth + 1) {
        fl = FL_CLASS;
        L->st.class_pending = 0;
      }
      if (push(L, F_BRACE, fl) < 0)
        return t->kind = TK_EOF;
      break;
    }
    case ')':
    case ']':
      f = top(L);
      if (f == NULL || f->kind != (c == ')' ? F_PAREN : F_BRACKET)) {
        fail(L, c == ')' ? "Unexpected token ')'" : "Unexpected token ']'",
             pos);
        return t->kind = TK_EOF;
      }
      L->st.prev_close_flags = pop(L).flags;
      break;
    case '}':
      f = top(L);
      if (f != NULL && f->kind == F_TMPL) {
        pop(L);
        scan_template(L, pos + 1, t);
        break;
      }
      if (f == NULL || f->kind != F_BRACE) {
        fail(L, "Unexpected token '}'", pos);
        return t->kind = TK_EOF;
      }
      L->st.prev_close_flags = pop(L).flags;
      break;
    default:
      break;
    }
  }
  t->end = L->st.pos;
  if (L->err != NULL)
    return t->kind = TK_EOF;
  remember(L, t);
  /* A name after "." is a property, never import/export/await. */
  t->property = t->kind == TK_IDENT && was_prev_dot;
  return t->kind;
}

/* --- the transform --------------------------------------------------------- */

typedef struct {
  size_t start, end;
  const char *text; /* replacement; NULL: blank out */
  char *owned;      /* text, when made for this edit */
} edit;

typedef struct {
  const char *p;
  size_t n;
} slice;

/* A range of the source where a nested declaration hides an import. */
typedef struct {
  size_t name; /* index in imports */
  size_t start, end;
} shadow;

typedef struct {
  lexer L;
  int mode;
  edit *edits;
  size_t nedits, capedits;
  buf meta_reqs;   /* the requests' JSON, comma-separated */
  buf meta_exports; /* [exported, local] pairs */
  buf prefix;      /* the export getters */
  slice *imports;  /* the local names imports bind */
  size_t nimports, capimports;
  slice *exps;     /* (exported, local) pairs, two slices each */
  size_t nexps, capexps;
  shadow *shadows;
  size_t nshadows, capshadows;
  int nreqs, nexports;
  int tla;
  int oom;
} xform;

static void add_edit(xform *X, size_t start, size_t end, const char *text) {
  if (X->nedits == X->capedits) {
    size_t cap = X->capedits ? X->capedits * 2 : 32;
    edit *e = realloc(X->edits, cap * sizeof(*e));
    if (e == NULL) {
      X->oom = 1;
      return;
    }
    X->edits = e;
    X->capedits = cap;
  }
  X->edits[X->nedits].start = start;
  X->edits[X->nedits].end = end;
  X->edits[X->nedits].text = text;
  X->edits[X->nedits].owned = NULL;
  X->nedits++;
}

/* An edit whose replacement is a + b + c (copied). */
static void add_edit3(xform *X, size_t start, size_t end, const char *a,
                      const char *b, size_t bn, const char *c) {
  size_t an = strlen(a), cn = strlen(c);
  char *text = malloc(an + bn + cn + 1);
  if (text == NULL) {
    X->oom = 1;
    return;
  }
  memcpy(text, a, an);
  memcpy(text + an, b, bn);
  memcpy(text + an + bn, c, cn);
  text[an + bn + cn] = '\0';
  add_edit(X, start, end, text);
  if (X->oom) {
    free(text);
    return;
  }
  X->edits[X->nedits - 1].owned = text;
}

/* Grow an array of n elements of size sz to hold one more. */
static int grow(void **arr, size_t *cap, size_t n, size_t sz) {
  if (n < *cap)
    return 0;
  {
    size_t c = *cap ? *cap * 2 : 16;
    void *p = realloc(*arr, c * sz);
    if (p == NULL)
      return -1;
    *arr = p;
    *cap = c;
  }
  return 0;
}

static void add_import_local(xform *X, const token *t) {
  if (grow((void **)&X->imports, &X->capimports, X->nimports,
           sizeof(*X->imports)) < 0) {
    X->oom = 1;
    return;
  }
  X->imports[X->nimports].p = X->L.s + t->start;
  X->imports[X->nimports].n = t->end - t->start;
  X->nimports++;
}

/* The import a name is bound by, or -1. */
static long import_index(const xform *X, const char *p, size_t n) {
  size_t i;
  for (i = 0; i < X->nimports; i++)
    if (X->imports[i].n == n && memcmp(X->imports[i].p, p, n) == 0)
      return (long)i;
  return -1;
}

/* V8's words for an unexpected token, which Node prints. */
static void syntax(xform *X, const token *t, const char *msg) {
  lexer *L = &X->L;
  int n = (int)(t->end - t->start);

  if (L->err != NULL)
    return;
  if (n > 40)
    n = 40;
  if (strcmp(msg, "Unexpected token") == 0 || strcmp(msg, "Unexpected string") == 0) {
    switch (t->kind) {
    case TK_EOF:
      msg = "Unexpected end of input";
      break;
    case TK_IDENT:
      snprintf(L->message, sizeof(L->message), "Unexpected identifier '%.*s'",
               n, L->s + t->start);
      msg = L->message;
      break;
    case TK_STR:
      msg = "Unexpected string";
      break;
    case TK_NUM:
      msg = "Unexpected number";
      break;
    case TK_TMPL:
    case TK_TMPL_HEAD:
      msg = "Unexpected template string";
      break;
    default:
      snprintf(L->message, sizeof(L->message), "Unexpected token '%.*s'", n,
               L->s + t->start);
      msg = L->message;
      break;
    }
  }
  fail(L, msg, t->start);
}

static void add_export(xform *X, const char *ex, size_t exn, const char *loc,
                       size_t locn) {
  buf *m = &X->meta_exports;
  if (X->nexports++ > 0)
    buf_add(m, ",", 1);
  buf_add(m, "[", 1);
  buf_json(m, ex, exn);
  buf_add(m, ",", 1);
  buf_json(m, loc, locn);
  buf_add(m, "]", 1);
  if (grow((void **)&X->exps, &X->capexps, X->nexps + 1,
           sizeof(*X->exps)) < 0) {
    X->oom = 1;
    return;
  }
  X->exps[X->nexps].p = ex;
  X->exps[X->nexps].n = exn;
  X->exps[X->nexps + 1].p = loc;
  X->exps[X->nexps + 1].n = locn;
  X->nexps += 2;
}

/* The getters the module hands over: an import re-exported reads the
   import. */
static void build_prefix(xform *X) {
  size_t i;
  for (i = 0; i < X->nexps; i += 2) {
    slice ex = X->exps[i], loc = X->exps[i + 1];
    buf_add(&X->prefix, ex.p, ex.n);
    buf_add(&X->prefix, ":()=>", 5);
    if (import_index(X, loc.p, loc.n) >= 0)
      buf_add(&X->prefix, "__nd_w.", 7);
    buf_add(&X->prefix, loc.p, loc.n);
    buf_add(&X->prefix, ",", 1);
  }
}

static void tok_json(xform *X, buf *b, const token *t) {
  buf_json(b, X->L.s + t->start, t->end - t->start);
}

/* A request's pairs list: "[[a,b],[c,d]]" from tokens. */
typedef struct {
  buf b;
  int n;
} pairs;

static void pair_add(xform *X, pairs *p, const token *a, const token *b,
                     const char *a_lit) {
  if (p->n++ > 0)
    buf_add(&p->b, ",", 1);
  buf_add(&p->b, "[", 1);
  if (a_lit != NULL)
    buf_json(&p->b, a_lit, strlen(a_lit));
  else
    tok_json(X, &p->b, a);
  buf_add(&p->b, ",", 1);
  tok_json(X, &p->b, b);
  buf_add(&p->b, "]", 1);
}

static int is_name(const token *t) { return t->kind == TK_IDENT; }

/* "with { type: 'json' }" (or "assert"), then an optional ";". */
static void parse_attributes(xform *X, token *type) {
  lexer *L = &X->L;
  lstate save = L->st;
  token t, k, v;

  type->kind = TK_EOF;
  lex(L, &t);
  if (word_is(L, &t, "with") || (word_is(L, &t, "assert") &&
                                 !t.newline_before)) {
    lex(L, &t);
    if (!punct_is(&t, '{')) {
      syntax(X, &t, "Unexpected token");
      return;
    }
    for (;;) {
      lex(L, &k);
      if (punct_is(&k, '}'))
        break;
      if (k.kind != TK_IDENT && k.kind != TK_STR) {
        syntax(X, &k, "Unexpected token");
        return;
      }
      lex(L, &t);
      if (!punct_is(&t, ':')) {
        syntax(X, &t, "Unexpected token");
        return;
      }
      lex(L, &v);
      if (v.kind != TK_STR) {
        syntax(X, &v, "Unexpected token");
        return;
      }
      if ((k.kind == TK_IDENT && word_is(L, &k, "type")) ||
          (k.kind == TK_STR && k.end - k.start == 6 &&
           memcmp(L->s + k.start + 1, "type", 4) == 0))
        *type = v;
      lex(L, &t);
      if (punct_is(&t, '}'))
        break;
      if (!punct_is(&t, ',')) {
        syntax(X, &t, "Unexpected token");
        return;
      }
    }
    save = L->st;
    lex(L, &t);
  }
  if (!punct_is(&t, ';'))
    L->st = save;
}

static void add_request(xform *X, const token *spec, const token *type,
                        pairs *imports, pairs *reexports, int star) {
  buf *m = &X->meta_reqs;
  if (X->nreqs++ > 0)
    buf_add(m, ",", 1);
  buf_str(m, "{\"s\":");
  tok_json(X, m, spec);
  buf_str(m, ",\"t\":");
  if (type->kind == TK_STR)
    tok_json(X, m, type);
  else
    buf_str(m, "null");
  buf_str(m, ",\"i\":[");
  if (imports != NULL && imports->b.p != NULL)
    buf_add(m, imports->b.p, imports->b.len);
  buf_str(m, "],\"x\":[");
  if (reexports != NULL && reexports->b.p != NULL)
    buf_add(m, reexports->b.p, reexports->b.len);
  buf_str(m, star ? "],\"star\":1}" : "],\"star\":0}");
}

static int expect_from(xform *X, token *spec) {
  token t;
  lex(&X->L, &t);
  if (!word_is(&X->L, &t, "from")) {
    syntax(X, &t, "Unexpected token");
    return -1;
  }
  lex(&X->L, spec);
  if (spec->kind != TK_STR) {
    syntax(X, spec, "Unexpected token");
    return -1;
  }
  return 0;
}

/* "{ a, b as c, 'd' as e }" after its "{": pairs of (name, alias). */
static int parse_specifiers(xform *X, pairs *p, int string_local_ok) {
  lexer *L = &X->L;
  token a, b, t;

  for (;;) {
    lex(L, &a);
    if (punct_is(&a, '}'))
      return 0;
    if (a.kind != TK_IDENT && a.kind != TK_STR) {
      syntax(X, &a, "Unexpected token");
      return -1;
    }
    lex(L, &t);
    b = a;
    if (word_is(L, &t, "as")) {
      lex(L, &b);
      if (b.kind != TK_IDENT && !(string_local_ok && b.kind == TK_STR)) {
        syntax(X, &b, "Unexpected token");
        return -1;
      }
      lex(L, &t);
    } else if (a.kind == TK_STR && !string_local_ok) {
      syntax(X, &a, "Unexpected string");
      return -1;
    }
    pair_add(X, p, &a, &b, NULL);
    if (!string_local_ok)
      add_import_local(X, &b);
    if (punct_is(&t, '}'))
      return 0;
    if (!punct_is(&t, ',')) {
      syntax(X, &t, "Unexpected token");
      return -1;
    }
  }
}

static void parse_import(xform *X, const token *kw) {
  lexer *L = &X->L;
  token t, spec, type, local;
  pairs p = {{0}, 0};

  lex(L, &t);
  if (t.kind == TK_STR) {
    spec = t;
  } else {
    if (is_name(&t)) {
      pair_add(X, &p, NULL, &t, "default");
      add_import_local(X, &t);
      lex(L, &t);
      if (punct_is(&t, ',')) {
        lex(L, &t);
      } else if (word_is(L, &t, "from")) {
        goto from;
      } else {
        syntax(X, &t, "Unexpected token");
        goto out;
      }
    }
    if (punct_is(&t, '*')) {
      lex(L, &t);
      if (!word_is(L, &t, "as")) {
        syntax(X, &t, "Unexpected token");
        goto out;
      }
      lex(L, &local);
      if (!is_name(&local)) {
        syntax(X, &local, "Unexpected token");
        goto out;
      }
      pair_add(X, &p, NULL, &local, "*");
      add_import_local(X, &local);
    } else if (punct_is(&t, '{')) {
      if (parse_specifiers(X, &p, 0) < 0)
        goto out;
    } else {
      syntax(X, &t, "Unexpected token");
      goto out;
    }
    if (expect_from(X, &spec) < 0)
      goto out;
    goto attrs;
  from:
    lex(L, &spec);
    if (spec.kind != TK_STR) {
      syntax(X, &spec, "Unexpected token");
      goto out;
    }
  }
attrs:
  parse_attributes(X, &type);
  if (L->err != NULL)
    goto out;
  add_request(X, &spec, &type, &p, NULL, 0);
  add_edit(X, kw->start, L->st.pos, NULL);
out:
  free(p.b.p);
}

/*
 * The names a declaration binds, by look-ahead from after var/let/const:
 * identifiers, and the targets of object and array patterns.
 */
static void declared_names(xform *X) {
  lexer *L = &X->L;
  size_t base = L->st.depth;
  token t, prev = {0};
  int expect_target = 1; /* the next name is a binding, not a key */

  for (;;) {
    lex(L, &t);
    if (t.kind == TK_EOF)
      return;
    if (L->st.depth < base)
      return;
    if (L->st.depth == base) {
      if (punct_is(&t, ';'))
        return;
      if (punct_is(&t, ',')) {
        expect_target = 1;
        continue;
      }
      if (punct_is(&t, '=')) {
        /* The initializer, up to "," or ";" at this depth or a line
           that starts a new statement. */
        int started = 0;
        for (;;) {
          lstate save = L->st;
          lex(L, &t);
          if (t.kind == TK_EOF || L->st.depth < base)
            return;
          if (L->st.depth == base && started &&
              (punct_is(&t, ',') || punct_is(&t, ';')))
            break;
          if (L->st.depth == base && started && t.newline_before &&
              t.kind == TK_IDENT && prev.kind != TK_PUNCT) {
            L->st = save;
            return;
          }
          started = 1;
          prev = t;
        }
        if (punct_is(&t, ';'))
          return;
        expect_target = 1;
        continue;
      }
      if (t.kind == TK_IDENT && expect_target) {
        add_export(X, L->s + t.start, t.end - t.start, L->s + t.start,
                   t.end - t.start);
        expect_target = 0;
        continue;
      }
      if (punct_is(&t, '{') || punct_is(&t, '['))
        expect_target = 1;
      else if (t.kind != TK_IDENT)
        return;
      else
        return; /* a new statement on the next line */
      continue;
    }
    /* Inside a pattern. */
    if (punct_is(&t, '{') || punct_is(&t, '[') || punct_is(&t, ',') ||
        punct_is(&t, P_SPREAD) || punct_is(&t, ':')) {
      expect_target = 1;
      prev = t;
      continue;
    }
    if (punct_is(&t, '=')) {
      /* A default value: skip to "," or the pattern's end. */
      size_t d = L->st.depth;
      for (;;) {
        lex(L, &t);
        if (t.kind == TK_EOF || L->st.depth < d)
          break;
        if (L->st.depth == d && punct_is(&t, ','))
          break;
      }
      if (t.kind == TK_EOF)
        return;
      expect_target = 1;
      continue;
    }
    if (t.kind == TK_IDENT && expect_target) {
      /* In an object pattern, "key:" names a property, not a binding. */
      /* Read the frame before lexing on: lex() may grow the stack. */
      int in_object = top(L) != NULL && top(L)->kind == F_BRACE;
      lstate save = L->st;
      token n;
      lex(L, &n);
      L->st = save;
      if (!(in_object && punct_is(&n, ':')))
        add_export(X, L->s + t.start, t.end - t.start, L->s + t.start,
                   t.end - t.start);
      expect_target = 0;
      continue;
    }
    if (punct_is(&t, '}') || punct_is(&t, ']')) {
      expect_target = 0;
      continue;
    }
    expect_target = 0;
  }
}

static const char default_local[] = "__nodec_d";

static void parse_export(xform *X, const token *kw) {
  lexer *L = &X->L;
  token t, spec, type, name;
  pairs p = {{0}, 0};
  lstate after_kw = L->st;

  lex(L, &t);
  if (punct_is(&t, '*')) {
    int star = 1;
    lex(L, &t);
    if (word_is(L, &t, "as")) {
      lex(L, &name);
      if (name.kind != TK_IDENT && name.kind != TK_STR) {
        syntax(X, &name, "Unexpected token");
        goto out;
      }
      pair_add(X, &p, NULL, &name, "*");
      star = 0;
      lex(L, &t);
    }
    if (!word_is(L, &t, "from")) {
      syntax(X, &t, "Unexpected token");
      goto out;
    }
    lex(L, &spec);
    if (spec.kind != TK_STR) {
      syntax(X, &spec, "Unexpected token");
      goto out;
    }
    parse_attributes(X, &type);
    if (L->err != NULL)
      goto out;
    add_request(X, &spec, &type, NULL, &p, star);
    add_edit(X, kw->start, L->st.pos, NULL);
  } else if (punct_is(&t, '{')) {
    lstate save;
    if (parse_specifiers(X, &p, 1) < 0)
      goto out;
    save = L->st;
    lex(L, &t);
    if (word_is(L, &t, "from")) {
      lex(L, &spec);
      if (spec.kind != TK_STR) {
        syntax(X, &spec, "Unexpected token");
        goto out;
      }
      parse_attributes(X, &type);
      if (L->err != NULL)
        goto out;
      add_request(X, &spec, &type, NULL, &p, 0);
    } else {
      /* Local names: re-lex the list to emit (exported, local). */
      lstate end;
      token a, b;
      if (!punct_is(&t, ';'))
        L->st = save;
      end = L->st;
      L->st = after_kw;
      lex(L, &t); /* "{" */
      for (;;) {
        lex(L, &a);
        if (punct_is(&a, '}') || a.kind == TK_EOF)
          break;
        if (a.kind == TK_STR) {
          syntax(X, &a, "Unexpected string");
          goto out;
        }
        lex(L, &t);
        b = a;
        if (word_is(L, &t, "as")) {
          lex(L, &b);
          lex(L, &t);
        }
        add_export(X, L->s + b.start, b.end - b.start, L->s + a.start,
                   a.end - a.start);
        if (punct_is(&t, '}'))
          break;
      }
      L->st = end;
    }
    add_edit(X, kw->start, L->st.pos, NULL);
  } else if (word_is(L, &t, "default")) {
    lstate after_default = L->st;
    token d = t;
    lex(L, &t);
    if (word_is(L, &t, "async")) {
      token f;
      lstate s2 = L->st;
      lex(L, &f);
      if (word_is(L, &f, "function") && !f.newline_before)
        t = f;
      else
        L->st = s2;
    }
    if (word_is(L, &t, "function") || word_is(L, &t, "class")) {
      int is_class = word_is(L, &t, "class");
      lstate at = L->st;
      size_t insert_at = t.end;
      lex(L, &name);
      if (!is_class && punct_is(&name, '*')) {
        insert_at = name.end;
        lex(L, &name);
      }
      add_edit(X, kw->start, d.end, NULL);
      if (is_name(&name) && !word_is(L, &name, "extends")) {
        add_export(X, "default", 7, L->s + name.start, name.end - name.start);
      } else {
        add_edit(X, insert_at, insert_at, " __nodec_d");
        add_export(X, "default", 7, default_local, strlen(default_local));
      }
      (void)at;
      L->st = after_default;
    } else {
      L->st = after_default;
      add_edit(X, kw->start, d.end, "let __nodec_d=");
      add_export(X, "default", 7, default_local, strlen(default_local));
    }
  } else if (word_is(L, &t, "var") || word_is(L, &t, "let") ||
             word_is(L, &t, "const")) {
    lstate after_decl = L->st;
    add_edit(X, kw->start, kw->end, NULL);
    declared_names(X);
    L->st = after_decl;
    L->st = after_kw;
  } else if (word_is(L, &t, "function") || word_is(L, &t, "class") ||
             word_is(L, &t, "async")) {
    if (word_is(L, &t, "async"))
      lex(L, &t);
    if (!word_is(L, &t, "function") && !word_is(L, &t, "class")) {
      syntax(X, &t, "Unexpected token");
      goto out;
    }
    lex(L, &name);
    if (punct_is(&name, '*'))
      lex(L, &name);
    if (!is_name(&name)) {
      syntax(X, &name, "Unexpected token");
      goto out;
    }
    add_export(X, L->s + name.start, name.end - name.start, L->s + name.start,
               name.end - name.start);
    add_edit(X, kw->start, kw->end, NULL);
    L->st = after_kw;
  } else {
    syntax(X, &t, t.kind == TK_EOF ? "Unexpected end of input"
                                   : "Unexpected token 'export'");
  }
out:
  free(p.b.p);
}

/* Is the "(" after this import() a method's parameter list ("{" next)? */
static int is_method(lexer *L) {
  lstate save = L->st;
  size_t base = L->st.depth;
  token t;
  int method = 0;

  lex(L, &t); /* "(" */
  for (;;) {
    lex(L, &t);
    if (t.kind == TK_EOF)
      break;
    if (L->st.depth == base) {
      lex(L, &t);
      method = punct_is(&t, '{');
      break;
    }
  }
  if (L->err != NULL && !L->oom)
    L->err = NULL;
  L->st = save;
  return method;
}


/* --- imported names -------------------------------------------------------- */

/*
 * Imported bindings are read through getters on __nd_w: every reference
 * to an imported name becomes __nd_w.name (a call, __nd_w.name.call(void
 * 0, ...), so that the callee sees no `this`, as a module's own call
 * would).  A `with` statement would do this without any analysis, but
 * JavaScriptCore resolves every free name inside `with` dynamically:
 * measured here, a loop reading Math ran 80 times slower.
 *
 * Two passes over the tokens.  The first finds nested declarations of an
 * imported name (let/const/class, var/function, parameters, catch
 * bindings) and the range of source they hide the import in; the second
 * rewrites the references outside those ranges, leaving alone property
 * names, object keys (a shorthand { x } becomes { x: __nd_w.x }), class
 * member names and labels.
 */

typedef struct {
  long name;
  size_t depth; /* the frame (index + 1) whose end ends the shadow */
  size_t start;
  size_t body;  /* a loop's brace-less body: where it starts */
} pending_decl;

typedef struct {
  pending_decl *v;
  size_t n, cap;
} pendings;

static void pend(xform *X, pendings *P, long name, size_t depth,
                 size_t start) {
  if (depth == 0 || name < 0)
    return; /* the top level: a duplicate declaration, the engine's error */
  if (grow((void **)&P->v, &P->cap, P->n, sizeof(*P->v)) < 0) {
    X->oom = 1;
    return;
  }
  P->v[P->n].name = name;
  P->v[P->n].depth = depth;
  P->v[P->n].start = start;
  P->v[P->n].body = start;
  P->n++;
}

static void add_shadow(xform *X, long name, size_t start, size_t end) {
  if (grow((void **)&X->shadows, &X->capshadows, X->nshadows,
           sizeof(*X->shadows)) < 0) {
    X->oom = 1;
    return;
  }
  X->shadows[X->nshadows].name = (size_t)name;
  X->shadows[X->nshadows].start = start;
  X->shadows[X->nshadows].end = end;
  X->nshadows++;
}

/* Frames at index >= depth have closed at `end`: their declarations
   become shadows. */
static void close_frames(xform *X, pendings *P, size_t depth, size_t end) {
  size_t i = 0;
  while (i < P->n) {
    if (P->v[i].depth > depth) {
      add_shadow(X, P->v[i].name, P->v[i].start, end);
      P->v[i] = P->v[--P->n];
    } else {
      i++;
    }
  }
}

/* The innermost block (brace) frame, or function frame, as depth. */
static size_t scope_depth(const lexer *L, int function_only) {
  size_t d = L->st.depth;
  while (d > 0) {
    const frame *f = &L->stack[d - 1];
    if (f->kind == F_ARROW)
      return d;
    if (f->kind == F_BRACE && !(f->flags & (FL_EXPR | FL_CLASS)) &&
        (!function_only || (f->flags & FL_FUNC)))
      return d;
    d--;
  }
  return 0;
}

/* A declaration hides the import from its scope's start (hoisting, TDZ). */
static void declare(xform *X, pendings *P, const lexer *R, long name,
                    size_t depth) {
  if (depth > 0)
    pend(X, P, name, depth, R->stack[depth - 1].start);
}

static int is_word(const lexer *L, const token *t, const char *w) {
  return word_is(L, t, w) && !t->property;
}

static void find_shadows(xform *X) {
  lexer R;
  token t, prev, prev2;
  pendings P = {NULL, 0, 0};
  /* Names in the parameter list that just closed, waiting for "{"/"=>". */
  pendings params = {NULL, 0, 0};
  pendings cands = {NULL, 0, 0}; /* in open parameter lists */
  pendings stmt = {NULL, 0, 0};  /* loop variables of a brace-less body */
  int after_params = 0, after_arrow = 0;
  int decl = 0; /* 1 let/const, 2 var */
  size_t decl_depth = 0;
  int decl_init = 0;

  memset(&R, 0, sizeof(R));
  R.s = X->L.s;
  R.n = X->L.n;
  R.st.line = 1;
  memset(&prev, 0, sizeof(prev));
  memset(&prev2, 0, sizeof(prev2));
  for (;;) {
    size_t before = R.st.depth;
    long idx = -1;

    lex(&R, &t);
    if (R.st.depth < before)
      close_frames(X, &P, R.st.depth, t.start);
    if (t.kind == TK_EOF)
      break;
    /* Candidates of a parameter list whose ")" has passed. */
    if (R.st.depth < before) {
      size_t i = 0;
      while (i < cands.n) {
        if (cands.v[i].depth > R.st.depth) {
          pend(X, &params, cands.v[i].name, 1, cands.v[i].start);
          cands.v[i] = cands.v[--cands.n];
        } else {
          i++;
        }
      }
    }
    if (stmt.n > 0) {
      size_t i = 0;
      while (i < stmt.n) {
        size_t d = stmt.v[i].depth - 1; /* stored + 1, as pend() wants */
        int ends_expr = prev.kind == TK_IDENT || prev.kind == TK_NUM ||
                        prev.kind == TK_STR || prev.kind == TK_TMPL ||
                        prev.kind == TK_REGEX || punct_is(&prev, ')') ||
                        punct_is(&prev, ']') || punct_is(&prev, '}');
        if (R.st.depth < d || (R.st.depth == d && punct_is(&t, ';')) ||
            (R.st.depth == d && t.newline_before &&
             prev.start >= stmt.v[i].body && ends_expr)) {
          /* A ";" is the statement's; a new line's token is not. */
          add_shadow(X, stmt.v[i].name, stmt.v[i].start,
                     punct_is(&t, ';') ? t.end : t.start);
          stmt.v[i] = stmt.v[--stmt.n];
        } else {
          i++;
        }
      }
    }
    if (after_arrow) {
      /* The body after "=>": a brace, or the concise body's frame. */
      size_t d = R.st.depth, i;
      if (!punct_is(&t, '{'))
        while (d > 0 && R.stack[d - 1].kind != F_ARROW)
          d--;
      for (i = 0; i < params.n; i++)
        pend(X, &P, params.v[i].name, d, params.v[i].start);
      params.n = 0;
      after_arrow = 0;
    } else if (after_params) {
      frame *f = R.st.depth > 0 ? &R.stack[R.st.depth - 1] : NULL;
      if (punct_is(&t, P_ARROW)) {
        after_arrow = 1;
      } else {
        size_t i;
        if (punct_is(&t, '{') && f != NULL && f->kind == F_BRACE &&
            ((f->flags & FL_FUNC) || after_params >= 2)) {
          for (i = 0; i < params.n; i++)
            pend(X, &P, params.v[i].name, R.st.depth, params.v[i].start);
        } else if (after_params == 3) {
          /* for (let x ...) statement; without braces: the statement,
             to its ";" or the end of its line or group. */
          for (i = 0; i < params.n; i++) {
            pend(X, &stmt, params.v[i].name, R.st.depth + 1,
                 params.v[i].start);
            if (stmt.n > 0)
              stmt.v[stmt.n - 1].body = t.start;
          }
        }
        params.n = 0;
      }
      after_params = 0;
    }
    if (punct_is(&t, ')') && params.n > 0) {
      after_params = (R.st.prev_close_flags & FL_CATCH) ? 2 :
                     (R.st.prev_close_flags & FL_COND) ? 3 : 1;
    }
    if (X->oom)
      break;

    /* The declaration context of let/const/var. */
    if (decl != 0) {
      if (R.st.depth < decl_depth || (R.st.depth == decl_depth &&
                                      (punct_is(&t, ';') ||
                                       is_word(&R, &t, "of") ||
                                       is_word(&R, &t, "in"))))
        decl = 0;
      else if (R.st.depth == decl_depth && punct_is(&t, '='))
        decl_init = 1;
      else if (R.st.depth == decl_depth && punct_is(&t, ','))
        decl_init = 0;
      else if (decl_init && t.newline_before && t.kind == TK_IDENT &&
               R.st.depth == decl_depth && prev.kind != TK_PUNCT)
        decl = 0;
    }
    if (t.kind == TK_IDENT && !t.property && !t.escaped &&
        (is_word(&R, &t, "let") || is_word(&R, &t, "const") ||
         is_word(&R, &t, "var"))) {
      decl = is_word(&R, &t, "var") ? 2 : 1;
      decl_depth = R.st.depth;
      decl_init = 0;
    }

    if (t.kind == TK_IDENT && !t.property && !t.escaped)
      idx = import_index(X, R.s + t.start, t.end - t.start);
    if (idx >= 0) {
      if (prev.kind == TK_IDENT && !prev.property &&
          (word_is(&R, &prev, "let") || word_is(&R, &prev, "const")) &&
          R.st.depth > 0 && R.stack[R.st.depth - 1].kind == F_PAREN &&
          (R.stack[R.st.depth - 1].flags & FL_COND)) {
        /* for (let x ...): the loop's, made a shadow when ")" closes */
        pend(X, &cands, idx, R.st.depth, R.stack[R.st.depth - 1].start);
      } else if (prev.kind == TK_IDENT && !prev.property &&
          (word_is(&R, &prev, "let") || word_is(&R, &prev, "const") ||
           word_is(&R, &prev, "class"))) {
        declare(X, &P, &R, idx, scope_depth(&R, 0));
      } else if ((prev.kind == TK_IDENT && word_is(&R, &prev, "var")) ||
                 (prev.kind == TK_IDENT && word_is(&R, &prev, "function")) ||
                 (punct_is(&prev, '*') && word_is(&R, &prev2, "function"))) {
        declare(X, &P, &R, idx, scope_depth(&R, 1));
      } else if (decl != 0 && !decl_init &&
                 (R.st.depth > decl_depth || punct_is(&prev, ','))) {
        lstate save = R.st;
        token n;
        lex(&R, &n);
        R.st = save;
        if (!punct_is(&n, ':'))
          declare(X, &P, &R, idx, scope_depth(&R, decl == 2));
      } else {
        /* A parameter?  In a parameter list (through patterns), in a
           binding position. */
        size_t d = R.st.depth;
        while (d > 0 && (R.stack[d - 1].kind == F_BRACKET ||
                         (R.stack[d - 1].kind == F_BRACE &&
                          (R.stack[d - 1].flags & FL_EXPR))))
          d--;
        if (d > 0 && R.stack[d - 1].kind == F_PAREN &&
            (!(R.stack[d - 1].flags & FL_NOFUNC) ||
             (R.stack[d - 1].flags & FL_CATCH)) &&
            (punct_is(&prev, '(') || punct_is(&prev, ',') ||
             punct_is(&prev, P_SPREAD) || punct_is(&prev, '{') ||
             punct_is(&prev, '[') || punct_is(&prev, ':'))) {
          lstate save = R.st;
          token n;
          lex(&R, &n);
          R.st = save;
          if (punct_is(&n, ',') || punct_is(&n, ')') || punct_is(&n, '=') ||
              punct_is(&n, '}') || punct_is(&n, ']'))
            pend(X, &cands, idx, d, R.stack[d - 1].start);
        } else {
          /* A lone arrow parameter: x => ... */
          lstate save = R.st;
          token n;
          lex(&R, &n);
          R.st = save;
          if (punct_is(&n, P_ARROW)) {
            params.n = 0;
            pend(X, &params, idx, 1, t.start);
            after_params = 1;
            /* the "=>" comes next: after_params sees it */
            prev2 = prev;
            prev = t;
            continue;
          }
        }
      }
    }
    prev2 = prev;
    prev = t;
  }
  close_frames(X, &P, 0, R.n);
  {
    size_t i;
    for (i = 0; i < stmt.n; i++)
      add_shadow(X, stmt.v[i].name, stmt.v[i].start, R.n);
  }
  free(stmt.v);
  free(P.v);
  free(params.v);
  free(cands.v);
  free(R.stack);
}

static int shadowed(const xform *X, long name, size_t at) {
  size_t i;
  for (i = 0; i < X->nshadows; i++)
    if (X->shadows[i].name == (size_t)name && at >= X->shadows[i].start &&
        at < X->shadows[i].end)
      return 1;
  return 0;
}

static void rewrite_imports(xform *X) {
  lexer R;
  token t, prev;

  find_shadows(X);
  memset(&R, 0, sizeof(R));
  R.s = X->L.s;
  R.n = X->L.n;
  R.st.line = 1;
  memset(&prev, 0, sizeof(prev));
  for (;;) {
    long idx = -1;
    lex(&R, &t);
    if (t.kind == TK_EOF || X->oom)
      break;
    if (t.kind == TK_IDENT && !t.property && !t.escaped)
      idx = import_index(X, R.s + t.start, t.end - t.start);
    if (idx >= 0 && !shadowed(X, idx, t.start)) {
      const frame *f = R.st.depth > 0 ? &R.stack[R.st.depth - 1] : NULL;
      int in_object = f != NULL && f->kind == F_BRACE && (f->flags & FL_EXPR);
      int in_class = f != NULL && f->kind == F_BRACE && (f->flags & FL_CLASS);
      int after_sep = prev.kind == TK_EOF || punct_is(&prev, '{') ||
                      punct_is(&prev, ',');
      lstate save = R.st;
      token n;
      lex(&R, &n);
      R.st = save;
      if (in_object && (after_sep || word_is(&R, &prev, "get") ||
                        word_is(&R, &prev, "set") ||
                        word_is(&R, &prev, "async") || punct_is(&prev, '*')) &&
          (punct_is(&n, ':') || punct_is(&n, '('))) {
        /* a key or a method name */
      } else if (in_object && after_sep &&
                 (punct_is(&n, ',') || punct_is(&n, '}'))) {
        add_edit3(X, t.start, t.end, "", R.s + t.start, t.end - t.start, ":");
        add_edit3(X, t.end, t.end, "__nd_w.", R.s + t.start, t.end - t.start,
                  "");
      } else if (in_class &&
                 (punct_is(&prev, '{') || punct_is(&prev, ';') ||
                  punct_is(&prev, '}') || punct_is(&prev, '*') ||
                  word_is(&R, &prev, "static") || word_is(&R, &prev, "get") ||
                  word_is(&R, &prev, "set") || word_is(&R, &prev, "async"))) {
        /* a class member's name */
      } else if (punct_is(&n, ':') && !in_object &&
                 (prev.kind == TK_EOF || punct_is(&prev, ';') ||
                  punct_is(&prev, '{') || punct_is(&prev, '}'))) {
        /* a label */
      } else if (punct_is(&n, '(') && !word_is(&R, &prev, "new")) {
        add_edit3(X, t.start, n.end, "__nd_w.", R.s + t.start,
                  t.end - t.start, ".call(void 0,");
      } else {
        add_edit3(X, t.start, t.end, "__nd_w.", R.s + t.start,
                  t.end - t.start, "");
      }
    }
    prev = t;
  }
  free(R.stack);
}

static int cmp_edit(const void *a, const void *b) {
  const edit *x = a, *y = b;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->end < y->end ? -1 : x->end > y->end;
}

/* The body: the source with the edits, line breaks kept everywhere. */
static void apply_edits(xform *X, buf *out) {
  const char *s = X->L.s;
  size_t at = 0, i;

  if (X->nedits > 0)
    qsort(X->edits, X->nedits, sizeof(*X->edits), cmp_edit);
  for (i = 0; i < X->nedits; i++) {
    edit *e = &X->edits[i];
    size_t k;
    if (e->start < at)
      continue; /* overlaps one applied already */
    buf_add(out, s + at, e->start - at);
    if (e->text != NULL)
      buf_str(out, e->text);
    for (k = e->start; k < e->end; k++) {
      unsigned char c = (unsigned char)s[k];
      if (c == '\n' || c == '\r') {
        buf_add(out, s + k, 1);
      } else if (c == 0xe2 && k + 2 < e->end &&
                 (unsigned char)s[k + 1] == 0x80 &&
                 ((unsigned char)s[k + 2] & 0xfe) == 0xa8) {
        buf_add(out, s + k, 3);
        k += 2;
      } else if (e->text == NULL) {
        buf_add(out, " ", 1);
      }
    }
    at = e->end;
  }
  buf_add(out, s + at, X->L.n - at);
}

static void xform_free(xform *X) {
  size_t i;
  for (i = 0; i < X->nedits; i++)
    free(X->edits[i].owned);
  free(X->imports);
  free(X->exps);
  free(X->shadows);
  free(X->L.stack);
  free(X->edits);
  free(X->meta_reqs.p);
  free(X->meta_exports.p);
  free(X->prefix.p);
}

static int finish_error(xform *X, nd__esm_result *out) {
  lexer *L = &X->L;
  if (L->err == L->message) {
    memcpy(out->message, L->message, sizeof(out->message));
    out->error = out->message;
  } else {
    out->error = L->err;
  }
  out->line = L->err_line;
  out->column = (int)(L->err_pos - L->err_line_start) + 1;
  if (L->err_pos < L->err_line_start)
    out->column = 1;
  return L->oom ? -2 : -1;
}

int nd__esm_transform(const char *src, size_t len, int mode,
                      nd__esm_result *out) {
  xform X;
  lexer *L = &X.L;
  token t, n;
  buf code = {0}, meta = {0};
  int rc = 0;

  memset(out, 0, sizeof(*out));
  memset(&X, 0, sizeof(X));
  X.mode = mode;
  L->s = src;
  L->n = len;
  L->st.line = 1;
  buf_str(&X.prefix, "");
  /* The wrapper goes before line 1: a hashbang becomes a comment. */
  if (mode == ND_ESM_MODULE && len >= 2 && src[0] == '#' && src[1] == '!')
    add_edit(&X, 0, 2, "//");

  for (;;) {
    lex(L, &t);
    if (t.kind == TK_EOF)
      break;
    if (t.kind != TK_IDENT || t.escaped || t.property)
      continue;
    if (word_is(L, &t, "import")) {
      lstate save = L->st;
      lex(L, &n);
      L->st = save;
      if (punct_is(&n, '(')) {
        if (L->st.depth == 0 || !is_method(L))
          add_edit(&X, t.start, t.end, "__nd_i");
      } else if (punct_is(&n, '.')) {
        token m;
        lex(L, &n);
        lex(L, &m);
        if (word_is(L, &m, "meta")) {
          if (mode == ND_ESM_MODULE)
            add_edit(&X, t.start, m.end, "__nd_meta__");
        } else {
          L->st = save;
        }
      } else if (mode == ND_ESM_MODULE && L->st.depth == 0 &&
                 !punct_is(&n, ':')) {
        parse_import(&X, &t);
      }
    } else if (mode == ND_ESM_MODULE && L->st.depth == 0 &&
               word_is(L, &t, "export")) {
      parse_export(&X, &t);
    } else if (mode == ND_ESM_MODULE && L->st.fdepth == 0 &&
               word_is(L, &t, "return")) {
      /* The wrapper is a function: refuse what a module refuses. */
      lstate save = L->st;
      lex(L, &n);
      L->st = save;
      if (!punct_is(&n, ':'))
        syntax(&X, &t, "Illegal return statement");
    } else if (mode == ND_ESM_MODULE && L->st.fdepth == 0 &&
               word_is(L, &t, "await")) {
      /* Not a key ("{ await: 1 }") or a lone name: an await expression. */
      lstate save = L->st;
      lex(L, &n);
      L->st = save;
      if (!(n.kind == TK_PUNCT &&
            (n.punct == ':' || n.punct == ',' || n.punct == ')' ||
             n.punct == ']' || n.punct == '}' || n.punct == ';' ||
             n.punct == '=')))
        X.tla = 1;
    }
    if (X.oom)
      break;
  }
  if (L->err == NULL && !X.oom && L->st.depth > 0 && mode == ND_ESM_MODULE) {
    /* An open bracket or template at the end. */
    size_t d;
    for (d = 0; d < L->st.depth && L->stack[d].kind == F_ARROW; d++)
      ;
    if (d < L->st.depth)
      fail(L, "Unexpected end of input", len);
  }
  if (X.oom || X.prefix.oom || X.meta_reqs.oom || X.meta_exports.oom) {
    xform_free(&X);
    return -2;
  }
  if (L->err != NULL) {
    if (mode == ND_ESM_SCRIPT) {
      /* The engine reports a script's own errors; import() stays. */
      X.nedits = 0;
      L->err = NULL;
    } else {
      rc = finish_error(&X, out);
      xform_free(&X);
      return rc;
    }
  }

  if (mode == ND_ESM_MODULE) {
    if (X.nimports > 0)
      rewrite_imports(&X);
    build_prefix(&X);
    if (X.oom || X.prefix.oom) {
      xform_free(&X);
      return -2;
    }
    buf_str(&code, X.tla ? "return async function(){"
                         : "return function*(){");
    buf_str(&code, "'use strict';__nd_m.x({");
    if (X.prefix.p != NULL)
      buf_add(&code, X.prefix.p, X.prefix.len);
    buf_str(&code, X.tla ? "});" : "});yield;");
  }
  out->prefix_len = code.len;
  apply_edits(&X, &code);
  if (mode == ND_ESM_MODULE) {
    buf_str(&code, "\n}");
    buf_str(&meta, "{\"r\":[");
    if (X.meta_reqs.p != NULL)
      buf_add(&meta, X.meta_reqs.p, X.meta_reqs.len);
    buf_str(&meta, "],\"e\":[");
    if (X.meta_exports.p != NULL)
      buf_add(&meta, X.meta_exports.p, X.meta_exports.len);
    buf_str(&meta, X.tla ? "],\"tla\":1}" : "],\"tla\":0}");
  }
  xform_free(&X);
  if (code.oom || meta.oom) {
    free(code.p);
    free(meta.p);
    return -2;
  }
  if (code.p == NULL)
    buf_add(&code, "", 0);
  out->code = code.p;
  out->code_len = code.len;
  out->meta = meta.p;
  out->meta_len = meta.len;
  return code.p == NULL ? -2 : 0;
}

/* --- CommonJS exports ------------------------------------------------------ */

typedef struct {
  xform X;
  buf names, reexports;
  int nnames, nre;
} cjs;

static void cjs_name(cjs *C, const token *t) {
  if (C->nnames++ > 0)
    buf_add(&C->names, ",", 1);
  buf_json(&C->names, C->X.L.s + t->start, t->end - t->start);
}

static void cjs_reexport(cjs *C, const token *t) {
  if (C->nre++ > 0)
    buf_add(&C->reexports, ",", 1);
  buf_json(&C->reexports, C->X.L.s + t->start, t->end - t->start);
}

/* require('x') after "require": the specifier, or TK_EOF. */
static int cjs_require(lexer *L, token *spec) {
  token t;
  lex(L, &t);
  if (!punct_is(&t, '('))
    return 0;
  lex(L, spec);
  if (spec->kind != TK_STR)
    return 0;
  lex(L, &t);
  return punct_is(&t, ')');
}

/* After "exports" or "module.exports": ".x =" / "['x'] =" / "= ...". */
static void cjs_after_exports(cjs *C, int is_module) {
  lexer *L = &C->X.L;
  token t, name, v;

  lex(L, &t);
  if (punct_is(&t, '.')) {
    lex(L, &name);
    lex(L, &t);
    if (name.kind == TK_IDENT && punct_is(&t, '=') &&
        !(L->st.pos < L->n && L->s[L->st.pos] == '='))
      cjs_name(C, &name);
  } else if (punct_is(&t, '[')) {
    lex(L, &name);
    lex(L, &t);
    if (name.kind == TK_STR && punct_is(&t, ']')) {
      lex(L, &t);
      if (punct_is(&t, '=') && !(L->st.pos < L->n && L->s[L->st.pos] == '='))
        cjs_name(C, &name);
    }
  } else if (is_module && punct_is(&t, '=') &&
             !(L->st.pos < L->n && L->s[L->st.pos] == '=')) {
    lex(L, &t);
    if (word_is(L, &t, "require")) {
      if (cjs_require(L, &v))
        cjs_reexport(C, &v);
      return;
    }
    if (!punct_is(&t, '{'))
      return;
    for (;;) {
      lex(L, &name);
      if (punct_is(&name, P_SPREAD)) {
        lex(L, &t);
        if (!word_is(L, &t, "require") || !cjs_require(L, &v))
          return;
        cjs_reexport(C, &v);
        lex(L, &t);
      } else if (name.kind == TK_IDENT || name.kind == TK_STR) {
        lex(L, &t);
        if (punct_is(&t, ':')) {
          lex(L, &v);
          cjs_name(C, &name);
          if (v.kind != TK_IDENT)
            return;
          lex(L, &t);
        } else if (name.kind == TK_IDENT) {
          cjs_name(C, &name);
        } else {
          return;
        }
      } else {
        return;
      }
      if (!punct_is(&t, ','))
        return;
    }
  }
}

/*
 * After Object.defineProperty(exports, 'x': does the descriptor make a
 * value Node's lexer counts?  `{ value: ... }` or a getter that returns a
 * name or a member chain (`get: function () { return a.b; }`, `get() {
 * return a; }`), either after `enumerable: true,`.
 */
static int cjs_descriptor(lexer *L) {
  token t;

  lex(L, &t);
  if (!punct_is(&t, ','))
    return 0;
  lex(L, &t);
  if (!punct_is(&t, '{'))
    return 0;
  lex(L, &t);
  if (word_is(L, &t, "enumerable")) {
    lex(L, &t);
    if (!punct_is(&t, ':'))
      return 0;
    lex(L, &t);
    if (!word_is(L, &t, "true"))
      return 0;
    lex(L, &t);
    if (!punct_is(&t, ','))
      return 0;
    lex(L, &t);
  }
  if (word_is(L, &t, "value")) {
    lex(L, &t);
    return punct_is(&t, ':');
  }
  if (!word_is(L, &t, "get"))
    return 0;
  lex(L, &t);
  if (punct_is(&t, ':')) {
    lex(L, &t);
    if (!word_is(L, &t, "function"))
      return 0;
    lex(L, &t);
  }
  if (!punct_is(&t, '('))
    return 0;
  lex(L, &t);
  if (!punct_is(&t, ')'))
    return 0;
  lex(L, &t);
  if (!punct_is(&t, '{'))
    return 0;
  lex(L, &t);
  if (!word_is(L, &t, "return"))
    return 0;
  lex(L, &t);
  if (t.kind != TK_IDENT)
    return 0;
  for (;;) {
    lex(L, &t);
    if (punct_is(&t, '.')) {
      lex(L, &t);
      if (t.kind != TK_IDENT)
        return 0;
      continue;
    }
    if (punct_is(&t, ';'))
      lex(L, &t);
    return punct_is(&t, '}');
  }
}

int nd__esm_cjs_exports(const char *src, size_t len, nd__esm_result *out) {
  cjs C;
  lexer *L = &C.X.L;
  token t;
  buf meta = {0};

  memset(out, 0, sizeof(*out));
  memset(&C, 0, sizeof(C));
  L->s = src;
  L->n = len;
  L->st.line = 1;
  for (;;) {
    lex(L, &t);
    if (t.kind == TK_EOF)
      break;
    if (t.kind != TK_IDENT || t.escaped || t.property)
      continue;
    if (word_is(L, &t, "exports")) {
      cjs_after_exports(&C, 0);
    } else if (word_is(L, &t, "module")) {
      token a, b;
      lstate save = L->st;
      lex(L, &a);
      lex(L, &b);
      if (punct_is(&a, '.') && word_is(L, &b, "exports"))
        cjs_after_exports(&C, 1);
      else
        L->st = save;
    } else if (word_is(L, &t, "Object")) {
      token a;
      lstate save = L->st;
      lex(L, &a);
      if (!punct_is(&a, '.')) {
        L->st = save;
        continue;
      }
      lex(L, &a);
      if (!word_is(L, &a, "defineProperty")) {
        L->st = save;
        continue;
      }
      lex(L, &a);
      if (!punct_is(&a, '('))
        continue;
      lex(L, &a);
      if (word_is(L, &a, "module")) {
        lex(L, &a);
        lex(L, &a);
        if (!word_is(L, &a, "exports"))
          continue;
      } else if (!word_is(L, &a, "exports")) {
        continue;
      }
      lex(L, &a);
      if (!punct_is(&a, ','))
        continue;
      lex(L, &a);
      if (a.kind == TK_STR && cjs_descriptor(L))
        cjs_name(&C, &a);
    }
  }
  buf_str(&meta, "{\"e\":[");
  if (C.names.p != NULL)
    buf_add(&meta, C.names.p, C.names.len);
  buf_str(&meta, "],\"re\":[");
  if (C.reexports.p != NULL)
    buf_add(&meta, C.reexports.p, C.reexports.len);
  buf_str(&meta, "]}");
  free(C.names.p);
  free(C.reexports.p);
  xform_free(&C.X);
  if (meta.oom || C.names.oom || C.reexports.oom) {
    free(meta.p);
    return -2;
  }
  out->meta = meta.p;
  out->meta_len = meta.len;
  return 0;
}

void nd__esm_result_free(nd__esm_result *r) {
  free(r->code);
  free(r->meta);
  r->code = NULL;
  r->meta = NULL;
}
