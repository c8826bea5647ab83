/*
 * http-static.c - a static file server on libnodec: HTTP/1.1 keep-alive,
 * files sent without copying them through the process.
 *
 * Serves the files under ROOT on 127.0.0.1.  What it shows:
 *
 *   - nd_http_parser reading requests as they come, one at a time:
 *     on_message_complete pauses the parser, so requests pipelined behind
 *     the one being answered wait unparsed in the connection's buffer,
 *     and reading stops until the response is out;
 *   - the file system on the loop: nd_fs_open and nd_fs_fstat with
 *     callbacks, nd_fs_scandir for a directory listing (off unless --list);
 *   - zero-copy bodies: a file (or a range that runs to its end) goes out
 *     through nd_stream_pipe from a pipe handle opened on the file, which
 *     moves it with sendfile(2) at the pace the client reads; a range that
 *     stops short of the end is read in 64 KiB pieces (nd_fs_read) and
 *     written one at a time;
 *   - HTTP semantics a static server owes: GET and HEAD (405 otherwise),
 *     ETag and Last-Modified with If-None-Match and If-Modified-Since
 *     (304), a single byte Range (206, or 416 when it cannot be met),
 *     Content-Type from the extension, a directory without its slash
 *     redirected (301), index.html served for a directory, and a path
 *     that would leave ROOT (a ".." segment, once percent-decoded) refused
 *     with 403; any request the parser refuses gets 400 and the close;
 *   - a clean stop on SIGINT or SIGTERM: every handle closed and
 *     nd_loop_close() returns 0.
 *
 * Symbolic links under ROOT are followed, as by most static servers: what
 * ROOT holds is what it serves.
 *
 * Run: build/examples/http-static [--list] ROOT [PORT]
 *      It prints "listening on 127.0.0.1:PORT"; try
 *      curl -i http://127.0.0.1:PORT/ , then Ctrl-C.
 */
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "nodec.h"

#define INPUT_SIZE 8192
#define CHUNK_SIZE (64 * 1024)

enum { H_NONE, H_INM, H_IMS, H_RANGE, H_IF_RANGE };

struct conn {
  nd_tcp_t tcp;
  struct conn *prev, *next;       /* every connection */
  int refs;                       /* tcp, file handle, fs request */
  nd_http_parser_t parser;
  /* Input not parsed yet: [off, len) of in. */
  size_t off, len;
  int reading;
  int busy;                       /* a response is on its way */
  int ready;                      /* a request is complete, not answered */
  int closing;                    /* the last response is out */
  int dead;                       /* tcp closed: waiting for the rest */
  /* The request. */
  char url[2048];
  size_t url_len;
  int url_overflow;
  char field[24];
  size_t field_len;
  int field_kind, last_was_value;
  char inm[256], ims[64], range[64];
  size_t inm_len, ims_len, range_len;
  int if_range, method, keep_alive;
  /* The response. */
  char path[4096];                /* ROOT + decoded path */
  nd_fs_t fs;
  int fs_busy;
  nd_file fd;
  nd_stat_t st;
  uint64_t start, remaining;      /* bytes of the file still to send */
  nd_write_t head_req, body_req;
  char head[3072];                /* the url fits, in a Location */
  char *body;                     /* a listing or a chunk of the file */
  nd_pipe_t file;                 /* the file, as a stream to pipe */
  int file_open;
  nd_stream_pipe_t pipe;
  nd_shutdown_t shutdown_req;
  char in[INPUT_SIZE];
};

static nd_loop_t loop;
static nd_tcp_t server;
static nd_signal_t sigint_h, sigterm_h;
static struct conn conns;
static const char *root;
static int listing;
static unsigned long long requests, responses_by_class[6], zero_copy_bytes;

static void parse_input(struct conn *c);
static void on_alloc(nd_handle_t *handle, size_t suggested, nd_buf_t *buf);
static void on_read(nd_stream_t *stream, ssize_t nread, const nd_buf_t *buf);

static void fail(int r, const char *what) {
  fprintf(stderr, "http-static: %s: %s (%s)\n", what, nd_strerror(r),
          nd_err_name(r));
  exit(1);
}

/* --- connection lifetime -------------------------------------------------- */

static void conn_unref(struct conn *c) {
  if (--c->refs > 0)
    return;
  c->prev->next = c->next;
  c->next->prev = c->prev;
  free(c->body);
  free(c);
}

/*
 * A file system request of c's finished.  Returns 1 when the connection
 * has gone meanwhile (it is then freed if this was its last hold on it).
 */
static int fs_finished(struct conn *c) {
  c->fs_busy = 0;
  if (c->dead) {
    conn_unref(c);
    return 1;
  }
  c->refs--; /* the open connection still holds one */
  return 0;
}

static void on_handle_closed(nd_handle_t *handle) {
  conn_unref(handle->data);
}

static void conn_close(struct conn *c) {
  if (c->dead)
    return;
  c->dead = 1;
  nd_close((nd_handle_t *)&c->tcp, on_handle_closed);
  if (c->file_open) {
    c->file_open = 0;
    nd_close((nd_handle_t *)&c->file, on_handle_closed);
  }
}

/* --- responses -------------------------------------------------------------- */

static const struct {
  const char *ext, *type;
} types[] = {
  {".html", "text/html; charset=utf-8"}, {".htm", "text/html; charset=utf-8"},
  {".txt", "text/plain; charset=utf-8"}, {".css", "text/css"},
  {".js", "text/javascript"}, {".json", "application/json"},
  {".png", "image/png"}, {".jpg", "image/jpeg"}, {".jpeg", "image/jpeg"},
  {".gif", "image/gif"}, {".svg", "image/svg+xml"},
  {".ico", "image/x-icon"}, {".wasm", "application/wasm"},
  {".pdf", "application/pdf"},
};

static const char *content_type(const char *path) {
  const char *dot = strrchr(path, '.');
  size_t i;

  if (dot != NULL && strchr(dot, '/') == NULL)
    for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
      if (strcasecmp(dot, types[i].ext) == 0)
        return types[i].type;
  return "application/octet-stream";
}

static void http_date(char *buf, size_t size, time_t t) {
  struct tm tm;

  gmtime_r(&t, &tm);
  strftime(buf, size, "%a, %d %b %Y %H:%M:%S GMT", &tm);
}

/* The response is out: go on with the next request, or end. */
static void response_done(struct conn *c) {
  c->busy = 0;
  free(c->body);
  c->body = NULL;
  if (c->file_open) {
    c->file_open = 0;
    nd_close((nd_handle_t *)&c->file, on_handle_closed);
  } else if (c->fd >= 0) {
    close(c->fd); /* opened, but sent from memory or not at all */
  }
  c->fd = -1;
  if (c->dead)
    return;
  if (c->closing) {
    /* Our side ends; the connection closes when the client's does. */
    c->shutdown_req.data = c;
    if (nd_shutdown(&c->shutdown_req, (nd_stream_t *)&c->tcp, NULL) < 0)
      conn_close(c);
    if (!c->reading && !c->dead &&
        nd_read_start((nd_stream_t *)&c->tcp, on_alloc, on_read) == 0)
      c->reading = 1;
    return;
  }
  parse_input(c);
}

static void on_body_written(nd_write_t *req, int status);

/* Reads the next piece of a range that stops short of the file's end. */
static void on_chunk_read(nd_fs_t *req) {
  struct conn *c = req->data;
  ssize_t n = req->result;
  nd_buf_t buf;

  nd_fs_req_cleanup(req);
  if (fs_finished(c))
    return;
  if (n <= 0) {
    /* The file shrank under us: the response cannot be finished. */
    conn_close(c);
    return;
  }
  c->remaining -= (uint64_t)n;
  c->start += (uint64_t)n;
  buf = nd_buf_init(c->body, (unsigned int)n);
  c->body_req.data = c;
  if (nd_write(&c->body_req, (nd_stream_t *)&c->tcp, &buf, 1,
               on_body_written) < 0)
    conn_close(c);
}

static void read_chunk(struct conn *c) {
  size_t n = c->remaining < CHUNK_SIZE ? (size_t)c->remaining : CHUNK_SIZE;
  nd_buf_t buf = nd_buf_init(c->body, (unsigned int)n);
  int r;

  c->fs.data = c;
  r = nd_fs_read(&loop, &c->fs, c->fd, &buf, 1, (int64_t)c->start,
                 on_chunk_read);
  if (r < 0) {
    conn_close(c);
    return;
  }
  c->fs_busy = 1;
  c->refs++;
}

static void on_body_written(nd_write_t *req, int status) {
  struct conn *c = req->data;

  if (status < 0) {
    if (status != ND_ECANCELED)
      conn_close(c);
    if (c->dead)
      response_done(c);
    return;
  }
  if (c->remaining > 0 && c->fd >= 0 && !c->file_open) {
    read_chunk(c);
    return;
  }
  response_done(c);
}

static void on_piped(nd_stream_pipe_t *req, int status) {
  struct conn *c = req->data;

  zero_copy_bytes += req->bytes_spliced;
  if (status < 0 && !c->dead)
    conn_close(c);
  response_done(c);
}

/* The head is out: now the body, if there is one. */
static void on_head_written(nd_write_t *req, int status) {
  struct conn *c = req->data;
  nd_buf_t buf;
  int r;

  if (status < 0) {
    if (status != ND_ECANCELED)
      conn_close(c);
    response_done(c);
    return;
  }
  if (c->body != NULL && c->fd < 0) {
    /* A body from memory: the listing. */
    buf = nd_buf_init(c->body, (unsigned int)c->remaining);
    c->remaining = 0;
    c->body_req.data = c;
    if (nd_write(&c->body_req, (nd_stream_t *)&c->tcp, &buf, 1,
                 on_body_written) < 0) {
      conn_close(c);
      response_done(c);
    }
    return;
  }
  if (c->remaining == 0 || c->fd < 0) {
    response_done(c);
    return;
  }
  if (c->start + c->remaining == (uint64_t)c->st.st_size) {
    /*
     * To the end of the file: sendfile(2), through nd_stream_pipe from a
     * pipe handle on the file, starting at the file's offset.
     */
    if (lseek(c->fd, (off_t)c->start, SEEK_SET) < 0 ||
        (r = nd_pipe_init(&loop, &c->file, 0)) < 0 ||
        (r = nd_pipe_open(&c->file, c->fd)) < 0) {
      conn_close(c);
      response_done(c);
      return;
    }
    c->file.data = c;
    c->file_open = 1;
    c->refs++;
    c->fd = -1; /* the handle owns it now */
    c->pipe.data = c;
    r = nd_stream_pipe(&c->pipe, (nd_stream_t *)&c->file,
                       (nd_stream_t *)&c->tcp, ND_STREAM_PIPE_NO_END,
                       on_piped);
    if (r < 0) {
      conn_close(c);
      response_done(c);
      return;
    }
    c->pipe.data = c; /* (the call starts the request afresh) */
    return;
  }
  /* A range that stops short of the end: read and write it. */
  c->body = malloc(CHUNK_SIZE);
  if (c->body == NULL) {
    conn_close(c);
    response_done(c);
    return;
  }
  read_chunk(c);
}

/*
 * Sends the head of a response (status line and headers), then whatever
 * body the connection holds: c->fd from c->start for c->remaining bytes,
 * or c->body from memory.
 */
__attribute__((format(printf, 3, 4)))
static void respond(struct conn *c, int status, const char *fmt, ...) {
  static const char *const reasons[] = {
    [200] = "OK", [206] = "Partial Content", [301] = "Moved Permanently",
    [304] = "Not Modified", [400] = "Bad Request", [403] = "Forbidden",
    [404] = "Not Found", [405] = "Method Not Allowed",
    [414] = "URI Too Long", [416] = "Range Not Satisfiable",
    [500] = "Internal Server Error",
  };
  nd_buf_t buf;
  va_list ap;
  int n, m;

  responses_by_class[status / 100]++;
  if (c->method == ND_HTTP_HEAD || status == 304) {
    c->remaining = 0; /* a head only */
    free(c->body);
    c->body = NULL;
  }
  n = snprintf(c->head, sizeof(c->head), "HTTP/1.1 %d %s\r\n%s", status,
               reasons[status], c->closing ? "Connection: close\r\n" : "");
  va_start(ap, fmt);
  m = vsnprintf(c->head + n, sizeof(c->head) - (size_t)n, fmt, ap);
  va_end(ap);
  /* The head holds the longest URL in a Location: only misuse overflows. */
  if (m < 0 || (size_t)n + (size_t)m + 3 > sizeof(c->head)) {
    conn_close(c);
    response_done(c);
    return;
  }
  n += m;
  n += snprintf(c->head + n, sizeof(c->head) - (size_t)n, "\r\n");
  buf = nd_buf_init(c->head, (unsigned int)n);
  c->head_req.data = c;
  if (nd_write(&c->head_req, (nd_stream_t *)&c->tcp, &buf, 1,
               on_head_written) < 0) {
    conn_close(c);
    response_done(c);
  }
}

/* A short response with a text body, from a static string. */
static void respond_text(struct conn *c, int status, const char *extra,
                         const char *text) {
  size_t len = strlen(text);

  if (c->fd >= 0) {
    close(c->fd); /* the body comes from memory, not from the file */
    c->fd = -1;
  }
  free(c->body);
  c->body = strdup(text);
  if (c->body == NULL) {
    conn_close(c);
    return;
  }
  c->remaining = len;
  respond(c, status,
          "Content-Type: text/plain; charset=utf-8\r\n"
          "Content-Length: %zu\r\n%s", len, extra);
}

/* --- the file ------------------------------------------------------------- */

/* Parses "bytes=A-B", "bytes=A-" or "bytes=-N" against size. */
static int parse_range(const char *r, uint64_t size, uint64_t *start,
                       uint64_t *end) {
  char *e;
  unsigned long long a, b;

  if (strncmp(r, "bytes=", 6) != 0)
    return -1;
  r += 6;
  if (strchr(r, ',') != NULL)
    return -1; /* several ranges: the whole file instead (RFC 9110 14.2) */
  if (*r == '-') {
    if (r[1] < '0' || r[1] > '9')
      return -1;
    b = strtoull(r + 1, &e, 10);
    if (*e != '\0')
      return -1;
    if (b == 0 || size == 0)
      return -2;
    *start = b >= size ? 0 : size - b;
    *end = size - 1;
    return 0;
  }
  if (*r < '0' || *r > '9')
    return -1;
  a = strtoull(r, &e, 10);
  if (*e != '-')
    return -1;
  if (e[1] == '\0') {
    b = size - 1;
  } else {
    if (e[1] < '0' || e[1] > '9')
      return -1;
    b = strtoull(e + 1, &e, 10);
    if (*e != '\0' || b < a)
      return -1;
    if (b >= size)
      b = size - 1;
  }
  if (a >= size)
    return -2; /* unsatisfiable */
  *start = a;
  *end = b;
  return 0;
}

static void on_scandir(nd_fs_t *req);

static void serve_file(struct conn *c) {
  char etag[64], modified[64], ims_buf[64];
  uint64_t size = (uint64_t)c->st.st_size, start = 0, end = 0;
  struct tm tm;
  int r;

  snprintf(etag, sizeof(etag), "\"%llx-%llx%09llx\"",
           (unsigned long long)size, (unsigned long long)c->st.st_mtim.tv_sec,
           (unsigned long long)c->st.st_mtim.tv_nsec);
  http_date(modified, sizeof(modified), (time_t)c->st.st_mtim.tv_sec);

  /* If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2). */
  if (c->inm_len > 0) {
    if (strcmp(c->inm, "*") == 0 || strstr(c->inm, etag) != NULL) {
      respond(c, 304, "ETag: %s\r\nLast-Modified: %s\r\n", etag, modified);
      return;
    }
  } else if (c->ims_len > 0) {
    memcpy(ims_buf, c->ims, c->ims_len + 1);
    memset(&tm, 0, sizeof(tm));
    if (strptime(ims_buf, "%a, %d %b %Y %H:%M:%S GMT", &tm) != NULL &&
        c->st.st_mtim.tv_sec <= (int64_t)timegm(&tm)) {
      respond(c, 304, "ETag: %s\r\nLast-Modified: %s\r\n", etag, modified);
      return;
    }
  }

  /* One range, unless If-Range is there (we then send it all). */
  if (c->range_len > 0 && !c->if_range) {
    r = parse_range(c->range, size, &start, &end);
    if (r == -2) {
      respond_text(c, 416, "", "Range Not Satisfiable\n");
      return;
    }
    if (r == 0) {
      c->start = start;
      c->remaining = end - start + 1;
      respond(c, 206,
              "Content-Type: %s\r\nContent-Length: %llu\r\n"
              "Content-Range: bytes %llu-%llu/%llu\r\n"
              "ETag: %s\r\nLast-Modified: %s\r\nAccept-Ranges: bytes\r\n",
              content_type(c->path), (unsigned long long)c->remaining,
              (unsigned long long)start, (unsigned long long)end,
              (unsigned long long)size, etag, modified);
      return;
    }
  }
  c->start = 0;
  c->remaining = size;
  respond(c, 200,
          "Content-Type: %s\r\nContent-Length: %llu\r\n"
          "ETag: %s\r\nLast-Modified: %s\r\nAccept-Ranges: bytes\r\n",
          content_type(c->path), (unsigned long long)size, etag, modified);
}

static void on_fstat(nd_fs_t *req) {
  struct conn *c = req->data;
  ssize_t r = req->result;
  size_t n;

  c->st = req->statbuf;
  nd_fs_req_cleanup(req);
  if (c->dead) {
    close(c->fd);
    c->fd = -1;
  }
  if (fs_finished(c))
    return;
  if (r < 0) {
    respond_text(c, 500, "", "Internal Server Error\n");
    return;
  }
  if (S_ISREG(c->st.st_mode)) {
    serve_file(c);
    return;
  }
  close(c->fd);
  c->fd = -1;
  if (!S_ISDIR(c->st.st_mode)) {
    respond_text(c, 403, "", "Forbidden\n");
    return;
  }
  /* A directory: its URL ends in a slash, so that relative links work. */
  n = strlen(c->url);
  if (n == 0 || c->url[n - 1] != '/') {
    char location[sizeof(c->url) + 16];

    snprintf(location, sizeof(location), "Location: %s/\r\n", c->url);
    respond_text(c, 301, location, "Moved Permanently\n");
    return;
  }
  if (!listing) {
    respond_text(c, 403, "", "Forbidden: directory listing is off\n");
    return;
  }
  c->fs.data = c;
  if (nd_fs_scandir(&loop, &c->fs, c->path, 0, on_scandir) < 0) {
    respond_text(c, 500, "", "Internal Server Error\n");
    return;
  }
  c->fs_busy = 1;
  c->refs++;
}

/* Appends text to the listing, HTML-escaped when escape is set. */
static int append(char **buf, size_t *len, size_t *cap, const char *text,
                  int escape) {
  char one[8];
  const char *piece;
  size_t n;

  for (; *text != '\0'; text++) {
    piece = one;
    if (escape && *text == '&')
      piece = "&amp;";
    else if (escape && *text == '<')
      piece = "&lt;";
    else if (escape && *text == '>')
      piece = "&gt;";
    else if (escape && *text == '"')
      piece = "&quot;";
    else
      one[0] = *text, one[1] = '\0';
    n = strlen(piece);
    if (*len + n + 1 > *cap) {
      char *grown = realloc(*buf, *cap * 2);

      if (grown == NULL)
        return -1;
      *buf = grown;
      *cap *= 2;
    }
    memcpy(*buf + *len, piece, n);
    *len += n;
  }
  (*buf)[*len] = '\0';
  return 0;
}

static void on_scandir(nd_fs_t *req) {
  struct conn *c = req->data;
  nd_dirent_t ent;
  size_t len = 0, cap = 4096;
  char *html;
  int bad = 0;

  if (c->dead) {
    nd_fs_req_cleanup(req); /* req is in c: before c may go */
    fs_finished(c);
    return;
  }
  fs_finished(c);
  if (req->result < 0) {
    nd_fs_req_cleanup(req);
    respond_text(c, 500, "", "Internal Server Error\n");
    return;
  }
  html = malloc(cap);
  if (html == NULL) {
    nd_fs_req_cleanup(req);
    conn_close(c);
    return;
  }
  html[0] = '\0';
  bad |= append(&html, &len, &cap, "<!DOCTYPE html>\n<title>", 0);
  bad |= append(&html, &len, &cap, c->url, 1);
  bad |= append(&html, &len, &cap, "</title>\n<ul>\n", 0);
  while (nd_fs_scandir_next(req, &ent) == 0) {
    const char *slash = ent.type == ND_DIRENT_DIR ? "/" : "";

    bad |= append(&html, &len, &cap, "<li><a href=\"", 0);
    bad |= append(&html, &len, &cap, ent.name, 1);
    bad |= append(&html, &len, &cap, slash, 0);
    bad |= append(&html, &len, &cap, "\">", 0);
    bad |= append(&html, &len, &cap, ent.name, 1);
    bad |= append(&html, &len, &cap, slash, 0);
    bad |= append(&html, &len, &cap, "</a>\n", 0);
  }
  bad |= append(&html, &len, &cap, "</ul>\n", 0);
  nd_fs_req_cleanup(req);
  if (bad) {
    free(html);
    conn_close(c);
    return;
  }
  free(c->body);
  c->body = html;
  c->remaining = len;
  respond(c, 200, "Content-Type: text/html; charset=utf-8\r\n"
          "Content-Length: %zu\r\n", len);
}

static void on_open(nd_fs_t *req) {
  struct conn *c = req->data;
  ssize_t r = req->result;
  size_t n;

  nd_fs_req_cleanup(req);
  if (c->dead && r >= 0)
    close((int)r);
  if (fs_finished(c))
    return;
  if (r == ND_ENOENT) {
    /*
     * No index.html: the directory itself, listed if listing is on,
     * refused if not (in on_fstat).
     */
    n = strlen(c->path);
    if (n > 10 && strcmp(c->path + n - 10, "index.html") == 0) {
      c->path[n - 10] = '\0';
      c->fs.data = c;
      if (nd_fs_open(&loop, &c->fs, c->path, O_RDONLY | O_CLOEXEC, 0,
                     on_open) == 0) {
        c->fs_busy = 1;
        c->refs++;
        return;
      }
    }
  }
  if (r == ND_ENOENT || r == ND_ENOTDIR || r == ND_ENAMETOOLONG) {
    respond_text(c, 404, "", "Not Found\n");
    return;
  }
  if (r == ND_EACCES || r == ND_ELOOP) {
    respond_text(c, 403, "", "Forbidden\n");
    return;
  }
  if (r < 0) {
    respond_text(c, 500, "", "Internal Server Error\n");
    return;
  }
  c->fd = (nd_file)r;
  c->fs.data = c;
  if (nd_fs_fstat(&loop, &c->fs, c->fd, on_fstat) < 0) {
    respond_text(c, 500, "", "Internal Server Error\n");
    return;
  }
  c->fs_busy = 1;
  c->refs++;
}

/* --- requests ------------------------------------------------------------- */

static int hex(int ch) {
  if (ch >= '0' && ch <= '9')
    return ch - '0';
  ch |= 0x20;
  return ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : -1;
}

/*
 * The file a URL names: ROOT, then the path percent-decoded, into c->path.
 * Returns 0, or the status that refuses it: 400 for a malformed path, 403
 * for one that would leave ROOT (a ".." segment) or hides a NUL or a
 * slash in an escape.
 */
static int resolve(struct conn *c) {
  char *q = strchr(c->url, '?'), *h = strchr(c->url, '#'), *out, *seg;
  size_t rootlen = strlen(root), i, end;
  int hi, lo;

  if (c->url[0] != '/')
    return 400; /* not origin-form: no absolute URLs, no '*' */
  end = strlen(c->url);
  if (q != NULL && (size_t)(q - c->url) < end)
    end = (size_t)(q - c->url);
  if (h != NULL && (size_t)(h - c->url) < end)
    end = (size_t)(h - c->url);
  c->url[end] = '\0';
  if (rootlen + end + sizeof("index.html") >= sizeof(c->path))
    return 414;
  memcpy(c->path, root, rootlen);
  out = c->path + rootlen;
  seg = out;
  for (i = 0; i < end; i++) {
    char ch = c->url[i];

    if (ch == '%') {
      if (i + 2 >= end)
        return 400;
      hi = hex((unsigned char)c->url[i + 1]);
      lo = hex((unsigned char)c->url[i + 2]);
      if (hi < 0 || lo < 0)
        return 400;
      ch = (char)(hi * 16 + lo);
      i += 2;
      if (ch == '\0' || ch == '/')
        return 403; /* an escaped slash or NUL is a way around the checks */
    } else if (ch == '/') {
      /* The segment that ends here may not be "..". */
      if (out - seg == 2 && seg[0] == '.' && seg[1] == '.')
        return 403;
      *out++ = '/';
      seg = out;
      continue;
    }
    *out++ = ch;
  }
  if (out - seg == 2 && seg[0] == '.' && seg[1] == '.')
    return 403;
  *out = '\0';
  if (out[-1] == '/')
    strcpy(out, "index.html");
  return 0;
}

static void handle_request(struct conn *c) {
  int status;

  requests++;
  c->busy = 1;
  c->ready = 0;
  c->fd = -1;
  c->remaining = 0;
  c->closing = !c->keep_alive;
  c->url[c->url_len] = '\0';
  if (c->method != ND_HTTP_GET && c->method != ND_HTTP_HEAD) {
    respond_text(c, 405, "Allow: GET, HEAD\r\n", "Method Not Allowed\n");
    return;
  }
  status = c->url_overflow ? 414 : resolve(c);
  if (status == 403) {
    respond_text(c, 403, "", "Forbidden: that path leaves the root\n");
    return;
  }
  if (status != 0) {
    respond_text(c, status, "", status == 414 ? "URI Too Long\n"
                                              : "Bad Request\n");
    return;
  }
  c->fs.data = c;
  if (nd_fs_open(&loop, &c->fs, c->path, O_RDONLY | O_CLOEXEC, 0, on_open) <
      0) {
    respond_text(c, 500, "", "Internal Server Error\n");
    return;
  }
  c->fs_busy = 1;
  c->refs++;
}

static int on_begin(nd_http_parser_t *p) {
  struct conn *c = p->data;

  c->url_len = c->field_len = c->inm_len = c->ims_len = c->range_len = 0;
  c->url_overflow = c->if_range = 0;
  c->field_kind = H_NONE;
  c->last_was_value = 1;
  return 0;
}

static int on_url(nd_http_parser_t *p, const char *at, size_t n) {
  struct conn *c = p->data;

  if (c->url_len + n >= sizeof(c->url)) {
    c->url_overflow = 1;
    return 0;
  }
  memcpy(c->url + c->url_len, at, n);
  c->url_len += n;
  return 0;
}

static int on_field(nd_http_parser_t *p, const char *at, size_t n) {
  struct conn *c = p->data;
  size_t i;

  if (c->last_was_value)
    c->field_len = 0;
  c->last_was_value = 0;
  for (i = 0; i < n && c->field_len < sizeof(c->field) - 1; i++)
    c->field[c->field_len++] = (char)(at[i] | 0x20); /* names: letters, - */
  c->field[c->field_len] = '\0';
  return 0;
}

static int on_value(nd_http_parser_t *p, const char *at, size_t n) {
  struct conn *c = p->data;
  char *dst = NULL;
  size_t *len = NULL, cap = 0;

  if (!c->last_was_value) {
    c->last_was_value = 1;
    c->field_kind = strcmp(c->field, "if-none-match") == 0 ? H_INM
                  : strcmp(c->field, "if-modified-since") == 0 ? H_IMS
                  : strcmp(c->field, "range") == 0 ? H_RANGE
                  : strcmp(c->field, "if-range") == 0 ? H_IF_RANGE
                  : H_NONE;
    if (c->field_kind == H_IF_RANGE)
      c->if_range = 1;
  }
  switch (c->field_kind) {
  case H_INM: dst = c->inm; len = &c->inm_len; cap = sizeof(c->inm); break;
  case H_IMS: dst = c->ims; len = &c->ims_len; cap = sizeof(c->ims); break;
  case H_RANGE:
    dst = c->range; len = &c->range_len; cap = sizeof(c->range); break;
  default: return 0;
  }
  if (*len + n >= cap) {
    *len = 0; /* too long to be one we understand: as if absent */
    c->field_kind = H_NONE;
    return 0;
  }
  memcpy(dst + *len, at, n);
  *len += n;
  dst[*len] = '\0';
  return 0;
}

static int on_complete(nd_http_parser_t *p) {
  struct conn *c = p->data;

  c->method = p->method;
  c->keep_alive = nd_http_should_keep_alive(p) && !p->upgrade;
  c->ready = 1;
  return ND_HTTP_PAUSE; /* one request at a time */
}

static const nd_http_parser_settings_t settings = {
  .on_message_begin = on_begin,
  .on_url = on_url,
  .on_header_field = on_field,
  .on_header_value = on_value,
  .on_message_complete = on_complete,
};

/* Parses what the buffer holds until a request is complete. */
static void parse_input(struct conn *c) {
  ssize_t n;

  while (!c->busy && !c->dead && c->off < c->len) {
    n = nd_http_parser_execute(&c->parser, &settings, c->in + c->off,
                               c->len - c->off);
    if (n < 0) {
      c->busy = 1;
      c->closing = 1;
      c->method = ND_HTTP_GET;
      c->fd = -1;
      respond_text(c, 400, "", "Bad Request\n");
      return;
    }
    c->off += (size_t)n;
    if (c->ready)
      handle_request(c);
  }
  if (c->off == c->len)
    c->off = c->len = 0;
  if (c->busy || c->dead) {
    if (c->reading) {
      nd_read_stop((nd_stream_t *)&c->tcp);
      c->reading = 0;
    }
  } else if (!c->reading) {
    if (nd_read_start((nd_stream_t *)&c->tcp, on_alloc, on_read) < 0)
      conn_close(c);
    else
      c->reading = 1;
  }
}

static void on_alloc(nd_handle_t *handle, size_t suggested, nd_buf_t *buf) {
  struct conn *c = handle->data;

  (void)suggested;
  if (c->closing) /* after the last response: read and drop */
    *buf = nd_buf_init(c->in, sizeof(c->in));
  else
    *buf = nd_buf_init(c->in + c->len, (unsigned int)(sizeof(c->in) - c->len));
}

static void on_read(nd_stream_t *stream, ssize_t nread, const nd_buf_t *buf) {
  struct conn *c = stream->data;

  (void)buf;
  if (nread == 0)
    return;
  if (nread < 0) {
    conn_close(c); /* the client has gone */
    return;
  }
  if (c->closing)
    return;
  c->len += (size_t)nread;
  parse_input(c);
}

static void on_connection(nd_stream_t *listener, int status) {
  struct conn *c;
  int r;

  if (status < 0) {
    fprintf(stderr, "http-static: accept: %s\n", nd_strerror(status));
    return;
  }
  c = calloc(1, sizeof(*c));
  if (c == NULL) {
    fprintf(stderr, "http-static: out of memory\n");
    return;
  }
  if ((r = nd_tcp_init(&loop, &c->tcp)) < 0)
    fail(r, "nd_tcp_init");
  if ((r = nd_http_parser_init(&c->parser, ND_HTTP_REQUEST, 0)) < 0)
    fail(r, "nd_http_parser_init");
  c->parser.data = c;
  c->tcp.data = c;
  c->refs = 1;
  c->fd = -1;
  c->next = conns.next;
  c->prev = &conns;
  conns.next->prev = c;
  conns.next = c;
  if ((r = nd_accept(listener, (nd_stream_t *)&c->tcp)) < 0) {
    fprintf(stderr, "http-static: nd_accept: %s\n", nd_strerror(r));
    conn_close(c);
    return;
  }
  nd_tcp_nodelay(&c->tcp, 1);
  parse_input(c); /* nothing to parse yet: starts reading */
}

static void on_signal(nd_signal_t *handle, int signum) {
  struct conn *c;

  (void)handle;
  fprintf(stderr, "http-static: %s: closing every handle\n",
          strsignal(signum));
  for (c = conns.next; c != &conns; c = c->next)
    conn_close(c);
  nd_close((nd_handle_t *)&server, NULL);
  nd_close((nd_handle_t *)&sigint_h, NULL);
  nd_close((nd_handle_t *)&sigterm_h, NULL);
}

int main(int argc, char **argv) {
  struct sockaddr_storage name;
  struct sockaddr_in addr;
  int namelen = sizeof(name), argi = 1, r;
  char *end;
  long port = 0;
  static char rootbuf[4096];

  if (argi < argc && strcmp(argv[argi], "--list") == 0) {
    listing = 1;
    argi++;
  }
  if (argc - argi < 1 || argc - argi > 2 ||
      (argc - argi == 2 && ((port = strtol(argv[argi + 1], &end, 10)) < 0 ||
                            port > 65535 || *end != '\0' ||
                            argv[argi + 1][0] == '\0'))) {
    fprintf(stderr, "usage: http-static [--list] ROOT [PORT]\n");
    return 2;
  }
  if (realpath(argv[argi], rootbuf) == NULL) {
    perror(argv[argi]);
    return 2;
  }
  root = rootbuf;
  conns.next = conns.prev = &conns;
  /*
   * sendfile(2) into a socket the client has closed raises SIGPIPE, which
   * would end the server; the error it also returns is all we need.  (Node
   * ignores SIGPIPE the same way.)
   */
  signal(SIGPIPE, SIG_IGN);

  if ((r = nd_loop_init(&loop)) < 0)
    fail(r, "nd_loop_init");
  if ((r = nd_ip4_addr("127.0.0.1", (int)port, &addr)) < 0)
    fail(r, "nd_ip4_addr");
  if ((r = nd_tcp_init(&loop, &server)) < 0)
    fail(r, "nd_tcp_init");
  if ((r = nd_tcp_bind(&server, (const struct sockaddr *)&addr, 0)) < 0)
    fail(r, "nd_tcp_bind");
  if ((r = nd_listen((nd_stream_t *)&server, 511, on_connection)) < 0)
    fail(r, "nd_listen");
  if ((r = nd_tcp_getsockname(&server, (struct sockaddr *)&name,
                              &namelen)) < 0)
    fail(r, "nd_tcp_getsockname");
  if ((r = nd_signal_init(&loop, &sigint_h)) < 0 ||
      (r = nd_signal_start(&sigint_h, on_signal, SIGINT)) < 0 ||
      (r = nd_signal_init(&loop, &sigterm_h)) < 0 ||
      (r = nd_signal_start(&sigterm_h, on_signal, SIGTERM)) < 0)
    fail(r, "nd_signal_start");

  printf("listening on 127.0.0.1:%d (root %s, listing %s)\n",
         ntohs(((struct sockaddr_in *)&name)->sin_port), root,
         listing ? "on" : "off");
  fflush(stdout);

  if ((r = nd_run(&loop, ND_RUN_DEFAULT)) < 0)
    fail(r, "nd_run");
  if ((r = nd_loop_close(&loop)) != 0)
    fail(r, "nd_loop_close");
  fprintf(stderr, "http-static: %llu requests (%llu 2xx, %llu 3xx, %llu 4xx, "
          "%llu 5xx), %llu bytes sent without a copy; every handle closed, "
          "nd_loop_close() == 0\n", requests, responses_by_class[2],
          responses_by_class[3], responses_by_class[4], responses_by_class[5],
          zero_copy_bytes);
  return 0;
}
