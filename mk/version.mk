# The version comes from include/nodec/version.h, its one source.
nd_version_field = $(shell sed -n 's/^\#define ND_VERSION_$(1) //p' include/nodec/version.h)
ND_MAJOR := $(call nd_version_field,MAJOR)
ND_MINOR := $(call nd_version_field,MINOR)
ND_PATCH := $(call nd_version_field,PATCH)
ND_VERSION := $(ND_MAJOR).$(ND_MINOR).$(ND_PATCH)
