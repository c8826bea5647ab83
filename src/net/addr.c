/*
 * addr.c - socket addresses to text and back.
 */
#include <arpa/inet.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>

#include "loop/internal.h"

int nd_inet_pton(int af, const char *src, void *dst) {
  if (src == NULL || dst == NULL)
    return ND_EINVAL;
  if (af != AF_INET && af != AF_INET6)
    return ND_EAFNOSUPPORT;
  return inet_pton(af, src, dst) == 1 ? 0 : ND_EINVAL;
}

int nd_inet_ntop(int af, const void *src, char *dst, size_t size) {
  if (src == NULL || dst == NULL)
    return ND_EINVAL;
  if (af != AF_INET && af != AF_INET6)
    return ND_EAFNOSUPPORT;
  if (inet_ntop(af, src, dst, (socklen_t)size) == NULL)
    return errno == ENOSPC ? ND_ENOSPC : -errno;
  return 0;
}

int nd_ip4_addr(const char *ip, int port, struct sockaddr_in *addr) {
  if (addr == NULL)
    return ND_EINVAL;
  memset(addr, 0, sizeof(*addr));
  addr->sin_family = AF_INET;
  addr->sin_port = htons((uint16_t)port);
  return nd_inet_pton(AF_INET, ip, &addr->sin_addr);
}

/* "fe80::1%eth0": the part after % names the scope (an interface). */
int nd_ip6_addr(const char *ip, int port, struct sockaddr_in6 *addr) {
  char host[INET6_ADDRSTRLEN + IF_NAMESIZE + 2];
  const char *zone;
  size_t len;

  if (addr == NULL || ip == NULL)
    return ND_EINVAL;
  memset(addr, 0, sizeof(*addr));
  addr->sin6_family = AF_INET6;
  addr->sin6_port = htons((uint16_t)port);
  zone = strchr(ip, '%');
  if (zone == NULL)
    return nd_inet_pton(AF_INET6, ip, &addr->sin6_addr);
  len = (size_t)(zone - ip);
  if (len >= sizeof(host))
    return ND_EINVAL;
  memcpy(host, ip, len);
  host[len] = '\0';
  addr->sin6_scope_id = if_nametoindex(zone + 1);
  return nd_inet_pton(AF_INET6, host, &addr->sin6_addr);
}

int nd_ip4_name(const struct sockaddr_in *src, char *dst, size_t size) {
  if (src == NULL)
    return ND_EINVAL;
  return nd_inet_ntop(AF_INET, &src->sin_addr, dst, size);
}

int nd_ip6_name(const struct sockaddr_in6 *src, char *dst, size_t size) {
  if (src == NULL)
    return ND_EINVAL;
  return nd_inet_ntop(AF_INET6, &src->sin6_addr, dst, size);
}

int nd_ip_name(const struct sockaddr *src, char *dst, size_t size) {
  if (src == NULL)
    return ND_EINVAL;
  switch (src->sa_family) {
  case AF_INET:
    return nd_ip4_name((const struct sockaddr_in *)(const void *)src, dst,
                       size);
  case AF_INET6:
    return nd_ip6_name((const struct sockaddr_in6 *)(const void *)src, dst,
                       size);
  default:
    return ND_EAFNOSUPPORT;
  }
}
