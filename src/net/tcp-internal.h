/* tcp-internal.h - what stream.c needs from tcp.c. */
#ifndef ND_NET_TCP_INTERNAL_H
#define ND_NET_TCP_INTERNAL_H

#include "nodec.h"

int nd__tcp_listen(nd_tcp_t *tcp, int backlog, nd_connection_cb cb);

#endif
