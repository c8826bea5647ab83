/* nodec/version.h - library version. */
#ifndef NODEC_VERSION_H
#define NODEC_VERSION_H

#define ND_VERSION_MAJOR 0
#define ND_VERSION_MINOR 1
#define ND_VERSION_PATCH 0
#define ND_VERSION_HEX                                                       \
  ((ND_VERSION_MAJOR << 16) | (ND_VERSION_MINOR << 8) | ND_VERSION_PATCH)

#define ND_STRINGIFY_(x) #x
#define ND_STRINGIFY(x) ND_STRINGIFY_(x)
#define ND_VERSION_STRING                                                    \
  ND_STRINGIFY(ND_VERSION_MAJOR) "." ND_STRINGIFY(ND_VERSION_MINOR) "."      \
  ND_STRINGIFY(ND_VERSION_PATCH)

#endif
