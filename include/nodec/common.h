/* nodec/common.h - what every nodec header needs. */
#ifndef NODEC_COMMON_H
#define NODEC_COMMON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __GNUC__
#define ND_EXTERN __attribute__((visibility("default")))
#else
#define ND_EXTERN
#endif

#endif
