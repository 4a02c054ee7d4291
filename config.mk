# config.mk - knobs a user may override on the command line:
#   make PREFIX=/usr LIBDIR=/usr/lib/x86_64-linux-gnu DESTDIR=/tmp/root install
#   make CC=clang            make CC=musl-gcc (static library and binaries)
#   make SANITIZE=1          (AddressSanitizer + UndefinedBehaviorSanitizer)
VERSION    = 0.1.0
SOVERSION  = 0
PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
SBINDIR   ?= $(PREFIX)/sbin
LIBDIR    ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
MANDIR    ?= $(PREFIX)/share/man
DATADIR   ?= $(PREFIX)/share
DESTDIR   ?=
CC        ?= cc
HOSTCC    ?= cc
AR        ?= ar
SANITIZE  ?=
# musl-gcc has no shared libseccomp and no glibc: build everything static.
ifneq ($(findstring musl,$(CC)),)
STATIC    ?= 1
endif
STATIC    ?=
# Where objects go; a sanitizer or musl build gets a tree of its own.
ifneq ($(SANITIZE),)
O         ?= build/san
else ifneq ($(STATIC),)
O         ?= build/static
else
O         ?= build
endif
