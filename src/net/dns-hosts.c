/*
 * dns-hosts.c - the hosts file, parsed once per loop and kept while it is
 * unchanged.
 *
 * c-ares (like glibc) opens and parses the hosts file on every lookup, and
 * orders even a single address by connecting a socket to it.  Most lookups
 * a program makes are of names the hosts file answers with one address
 * (localhost above all), so nd_getaddrinfo answers those from this copy:
 * one stat(2) to see the file is unchanged, no parse, nothing to order.
 * A name with several addresses of the family asked for goes the c-ares way,
 * which orders them by RFC 6724; a name the file lacks goes to c-ares too.
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

struct nd__dns_hosts {
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

int nd__dns_hosts_lookup(struct nd__dns_hosts **hp, const char *name,
                         int family, int *out_family, unsigned char *addr,
                         const char **canon) {
  struct nd__dns_hosts *h = *hp;
  const struct host_line *found = NULL;
  size_t i;

  if (h == NULL) {
    h = calloc(1, sizeof(*h));
    if (h == NULL)
      return -1;
    *hp = h;
  }
  if (refresh(h) != 0)
    return -1;
  for (i = 0; i < h->nlines; i++) {
    const struct host_line *l = &h->lines[i];

    if (family != AF_UNSPEC && l->family != family)
      continue;
    if (!line_has(h, l, name))
      continue;
    if (found != NULL)
      return 2; /* several: c-ares orders them */
    found = l;
  }
  if (found == NULL)
    return 0;
  *out_family = found->family;
  memcpy(addr, found->addr, found->family == AF_INET ? 4 : 16);
  *canon = h->text + found->names;
  return 1;
}
