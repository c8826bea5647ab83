/*
 * dns-hosts.c - the hosts file, parsed once per loop and kept while it is
 * unchanged.
 *
 * c-ares (like glibc) opens and parses the hosts file on every lookup, and
 * orders the addresses by RFC 6724 by connecting a socket to each one.
 * Most lookups a program makes are of names the hosts file answers
 * (localhost above all), so nd_getaddrinfo answers them from this copy:
 * one stat(2) to see the file is unchanged, no parse.  A single address
 * needs no ordering.  Several (Debian's localhost: 127.0.0.1 and ::1) go
 * the c-ares way once, and the order c-ares gave is remembered for a
 * second of loop time, as long as the file is unchanged: the order depends
 * on the machine's addresses and routes, which a second does not change
 * in practice, and glibc's nscd keeps such answers far longer.
 *
 * The file is CARES_HOSTS when set (as c-ares reads it), else /etc/hosts.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "dns-internal.h"

struct host_line {
  int family;
  unsigned char addr[16];
  unsigned int names;  /* offset of the first name in text */
  unsigned int nnames; /* NUL-separated names from there */
};

/* The order c-ares gave the addresses of a name with several. */
struct memo {
  char name[256];
  int family;
  uint64_t version;
  uint64_t at; /* loop time, ms */
  struct nd__dns_hosts_answer answer;
};

#define MEMO_SLOTS 8
#define MEMO_MS 1000

struct nd__dns_hosts {
  struct memo memo[MEMO_SLOTS];
  unsigned int memo_next;
  uint64_t version; /* bumped by every reload */
  char path[4096];
  dev_t dev;
  ino_t ino;
  off_t size;
  struct timespec mtime;
  int loaded;
  char *text;
  struct host_line *lines;
  size_t nlines;
};

void nd__dns_hosts_free(struct nd__dns_hosts *h) {
  if (h == NULL)
    return;
  free(h->text);
  free(h->lines);
  free(h);
}

static const char *hosts_path(void) {
  const char *env = getenv("CARES_HOSTS");

  return env != NULL && env[0] != '\0' ? env : "/etc/hosts";
}

/* Parse the file into text (names, NUL-separated) and lines. */
static int load(struct nd__dns_hosts *h, const char *path) {
  char buf[1024];
  size_t cap_lines = 0;
  size_t cap_text = 0;
  size_t used = 0;
  FILE *f;

  free(h->text);
  free(h->lines);
  h->text = NULL;
  h->lines = NULL;
  h->nlines = 0;
  f = fopen(path, "re");
  if (f == NULL)
    return -1;
  while (fgets(buf, sizeof(buf), f) != NULL) {
    struct host_line line;
    char *save = NULL;
    char *tok;
    char *hash = strchr(buf, '#');

    if (hash != NULL)
      *hash = '\0';
    tok = strtok_r(buf, " \t\r\n", &save);
    if (tok == NULL)
      continue;
    if (inet_pton(AF_INET, tok, line.addr) == 1)
      line.family = AF_INET;
    else if (inet_pton(AF_INET6, tok, line.addr) == 1)
      line.family = AF_INET6;
    else
      continue;
    line.names = (unsigned int)used;
    line.nnames = 0;
    while ((tok = strtok_r(NULL, " \t\r\n", &save)) != NULL) {
      size_t len = strlen(tok) + 1;

      if (used + len > cap_text) {
        char *t;
        cap_text = (cap_text + len) * 2;
        t = realloc(h->text, cap_text);
        if (t == NULL)
          goto nomem;
        h->text = t;
      }
      memcpy(h->text + used, tok, len);
      used += len;
      line.nnames++;
    }
    if (line.nnames == 0)
      continue;
    if (h->nlines == cap_lines) {
      struct host_line *l;
      cap_lines = cap_lines ? cap_lines * 2 : 16;
      l = realloc(h->lines, cap_lines * sizeof(*l));
      if (l == NULL)
        goto nomem;
      h->lines = l;
    }
    h->lines[h->nlines++] = line;
  }
  fclose(f);
  return 0;

nomem:
  fclose(f);
  h->nlines = 0;
  return -1;
}

/* Is the copy current?  Reload it when the file changed. */
static int refresh(struct nd__dns_hosts *h) {
  const char *path = hosts_path();
  struct stat st;

  if (stat(path, &st) != 0) {
    h->loaded = 0;
    return -1;
  }
  if (h->loaded && strcmp(h->path, path) == 0 && st.st_dev == h->dev &&
      st.st_ino == h->ino && st.st_size == h->size &&
      st.st_mtim.tv_sec == h->mtime.tv_sec &&
      st.st_mtim.tv_nsec == h->mtime.tv_nsec)
    return 0;
  h->loaded = 0;
  if (strlen(path) >= sizeof(h->path) || load(h, path) != 0)
    return -1;
  snprintf(h->path, sizeof(h->path), "%s", path);
  h->version++;
  h->dev = st.st_dev;
  h->ino = st.st_ino;
  h->size = st.st_size;
  h->mtime = st.st_mtim;
  h->loaded = 1;
  return 0;
}

static int line_has(const struct nd__dns_hosts *h, const struct host_line *l,
                    const char *name) {
  const char *n = h->text + l->names;
  unsigned int i;

  for (i = 0; i < l->nnames; i++, n += strlen(n) + 1)
    if (strcasecmp(n, name) == 0)
      return 1;
  return 0;
}

/* Every line of the family that names name, up to max; the count of all. */
static size_t matches(const struct nd__dns_hosts *h, const char *name,
                      int family, const struct host_line **out, size_t max) {
  size_t n = 0;
  size_t i;

  for (i = 0; i < h->nlines; i++) {
    const struct host_line *l = &h->lines[i];

    if (family != AF_UNSPEC && l->family != family)
      continue;
    if (!line_has(h, l, name))
      continue;
    if (n < max)
      out[n] = l;
    n++;
  }
  return n;
}

static struct memo *memo_find(struct nd__dns_hosts *h, const char *name,
                              int family, uint64_t now) {
  unsigned int i;

  for (i = 0; i < MEMO_SLOTS; i++) {
    struct memo *m = &h->memo[i];

    if (m->version == h->version && m->family == family &&
        now - m->at < MEMO_MS && strcasecmp(m->name, name) == 0)
      return m;
  }
  return NULL;
}

int nd__dns_hosts_lookup(struct nd__dns_hosts **hp, const char *name,
                         int family, uint64_t now,
                         struct nd__dns_hosts_answer *out) {
  const struct host_line *found[ND__DNS_HOSTS_MAX];
  struct nd__dns_hosts *h = *hp;
  struct memo *m;
  size_t n;

  if (h == NULL) {
    h = calloc(1, sizeof(*h));
    if (h == NULL)
      return -1;
    *hp = h;
  }
  if (refresh(h) != 0)
    return -1;
  n = matches(h, name, family, found, ND__DNS_HOSTS_MAX);
  if (n == 0)
    return 0;
  out->canon = h->text + found[0]->names;
  if (n == 1) {
    out->n = 1;
    out->family[0] = found[0]->family;
    memcpy(out->addr[0], found[0]->addr, 16);
    return 1;
  }
  m = memo_find(h, name, family, now);
  if (m == NULL)
    return 2; /* several: c-ares orders them */
  out->n = m->answer.n;
  memcpy(out->family, m->answer.family, sizeof(out->family));
  memcpy(out->addr, m->answer.addr, sizeof(out->addr));
  return 1;
}

void nd__dns_hosts_remember(struct nd__dns_hosts *h, const char *name,
                            int family, uint64_t now,
                            const struct nd__dns_hosts_answer *answer) {
  const struct host_line *found[ND__DNS_HOSTS_MAX];
  struct memo *m;
  size_t i;
  size_t j;

  if (h == NULL || !h->loaded || strlen(name) >= sizeof(m->name))
    return;
  /* Only what the file says now, every address of it, once each. */
  if (matches(h, name, family, found, ND__DNS_HOSTS_MAX) != answer->n)
    return;
  for (i = 0; i < answer->n; i++) {
    for (j = 0; j < answer->n; j++)
      if (found[j] != NULL && found[j]->family == answer->family[i] &&
          memcmp(found[j]->addr, answer->addr[i],
                 found[j]->family == AF_INET ? 4 : 16) == 0)
        break;
    if (j == answer->n)
      return;
    found[j] = NULL;
  }
  m = memo_find(h, name, family, now);
  if (m == NULL) {
    m = &h->memo[h->memo_next++ % MEMO_SLOTS];
    snprintf(m->name, sizeof(m->name), "%s", name);
    m->family = family;
  }
  m->version = h->version;
  m->at = now;
  m->answer = *answer;
  m->answer.canon = NULL;
}
