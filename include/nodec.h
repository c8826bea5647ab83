/*
 * nodec.h - libnodec, an event loop and asynchronous I/O library.
 *
 * The only header a program needs.  Each area has its own header under
 * nodec/, and each function its man page (see libnodec(7)).
 */
#ifndef NODEC_H
#define NODEC_H

#ifdef __cplusplus
extern "C" {
#endif

#include "nodec/common.h"
#include "nodec/version.h"
#include "nodec/errno.h"
#include "nodec/loop.h"
#include "nodec/timer.h"
#include "nodec/watcher.h"
#include "nodec/async.h"
#include "nodec/signal.h"
#include "nodec/poll.h"
#include "nodec/thread.h"
#include "nodec/threadpool.h"
#include "nodec/fs.h"
#include "nodec/fs-watch.h"
#include "nodec/stream.h"
#include "nodec/tcp.h"
#include "nodec/pipe.h"
#include "nodec/tty.h"
#include "nodec/udp.h"
#include "nodec/process.h"
#include "nodec/dns.h"
#include "nodec/http-parser.h"
#include "nodec/crypto.h"
#include "nodec/tls.h"

ND_EXTERN unsigned int nd_version(void);
ND_EXTERN const char *nd_version_string(void);

#ifdef __cplusplus
}
#endif

#endif
