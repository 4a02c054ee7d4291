# libcap_mode/build.mk - libcap_mode.a, libcap_mode.so, the seccomp filter
LIB_SRCS := $(wildcard libcap_mode/*.c)
LIB_OBJS := $(LIB_SRCS:%.c=$(O)/%.lo)
LIB_A    := $(O)/libcap_mode.a
LIB_SO   := $(O)/libcap_mode.so.$(VERSION)
LIB_SONAME := libcap_mode.so.$(SOVERSION)
SECCOMP_H := $(O)/gen/seccomp_filter.h
# Programs of the project link the static archive; -lpthread for musl/glibc<2.34.
LIB_LINK := $(LIB_A) -lpthread $(if $(STATIC),,-ldl)

ALL_TARGETS += $(LIB_A)
ifeq ($(STATIC),)
ALL_TARGETS += $(LIB_SO) $(O)/libcap_mode.pc
endif
INSTALL_TARGETS += install-lib
static-targets: $(LIB_A)

# The filter is generated on the build host with libseccomp's syscall tables
# (tools/gen_seccomp.c) and compiled into the library as a constant.
$(O)/tools/gen_seccomp: tools/gen_seccomp.c
	@mkdir -p $(@D)
	$(HOSTCC) -std=gnu11 -Wall -Wextra -Werror -O2 -o $@ $< -lseccomp

$(SECCOMP_H): $(O)/tools/gen_seccomp
	@mkdir -p $(@D)
	$(O)/tools/gen_seccomp > $@.tmp && mv $@.tmp $@

$(O)/libcap_mode/seccomp.lo: $(SECCOMP_H)

# The library defines read, openat, ... itself: _FORTIFY_SOURCE's inline
# wrappers of those names must not be in the way.
LIB_CFLAGS = $(filter-out -D_FORTIFY_SOURCE=%,$(CFLAGS)) -U_FORTIFY_SOURCE \
	-fPIC -fvisibility=hidden

$(O)/libcap_mode/%.lo: libcap_mode/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(LIB_CFLAGS) -c -o $@ $<

$(LIB_A): $(LIB_OBJS)
	rm -f $@
	$(AR) rcs $@ $^

$(LIB_SO): $(LIB_OBJS) libcap_mode/libcap_mode.map
	$(CC) $(LDFLAGS) -shared -Wl,-soname,$(LIB_SONAME) \
	    -Wl,--version-script=libcap_mode/libcap_mode.map \
	    -Wl,-z,relro,-z,now -o $@ $(LIB_OBJS) -lpthread -ldl
	ln -sf libcap_mode.so.$(VERSION) $(O)/$(LIB_SONAME)
	ln -sf $(LIB_SONAME) $(O)/libcap_mode.so

$(O)/libcap_mode.pc: packaging/libcap_mode.pc.in config.mk
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' \
	    -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|' -e 's|@VERSION@|$(VERSION)|' $< > $@

LIB_HEADERS := include/sys/capsicum.h include/sys/procdesc.h \
	include/capsicum_helpers.h include/cap_mode.h include/libcasper.h \
	include/casper/cap_fileargs.h

install-lib: $(LIB_A) $(if $(STATIC),,$(LIB_SO) $(O)/libcap_mode.pc)
	install -d $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR)/sys \
	    $(DESTDIR)$(INCLUDEDIR)/casper $(DESTDIR)$(LIBDIR)/pkgconfig
	install -m 644 $(LIB_A) $(DESTDIR)$(LIBDIR)/
	set -e; for h in $(LIB_HEADERS); do \
	    install -m 644 $$h $(DESTDIR)$(INCLUDEDIR)/$${h#include/}; done
ifeq ($(STATIC),)
	install -m 755 $(LIB_SO) $(DESTDIR)$(LIBDIR)/
	ln -sf libcap_mode.so.$(VERSION) $(DESTDIR)$(LIBDIR)/$(LIB_SONAME)
	ln -sf $(LIB_SONAME) $(DESTDIR)$(LIBDIR)/libcap_mode.so
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' \
	    -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|' -e 's|@VERSION@|$(VERSION)|' \
	    packaging/libcap_mode.pc.in > $(DESTDIR)$(LIBDIR)/pkgconfig/libcap_mode.pc
	chmod 644 $(DESTDIR)$(LIBDIR)/pkgconfig/libcap_mode.pc
endif

# The demonstration of the README's quick start.
$(O)/demo/capdemo: tools/capdemo.c $(LIB_A)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(EXE_CFLAGS) $(EXE_LDFLAGS) $(LDFLAGS) -o $@ $< $(LIB_LINK)

# A program written for FreeBSD's API, built against a staged install with
# pkg-config only, against the shared library, and run.
CHECK_TARGETS += check-pkgconfig
STAGE := $(O)/stage
.PHONY: check-pkgconfig
check-pkgconfig: $(LIB_A) $(LIB_SO) $(O)/libcap_mode.pc
	rm -rf $(STAGE)
	$(MAKE) --no-print-directory install-lib DESTDIR=$(abspath $(STAGE)) \
	    PREFIX=/usr LIBDIR=/usr/lib >/dev/null
	PKG_CONFIG_SYSROOT_DIR=$(abspath $(STAGE)) \
	PKG_CONFIG_LIBDIR=$(abspath $(STAGE))/usr/lib/pkgconfig \
	    sh -c '$(CC) $(SANFLAGS) -o $(STAGE)/capdemo tools/capdemo.c \
	    $$(pkg-config --cflags --libs libcap_mode)'
	@if readelf -d $(STAGE)/capdemo | grep -q 'NEEDED.*libcap_mode.so.$(SOVERSION)'; \
	then echo "check-pkgconfig: linked against libcap_mode.so.$(SOVERSION)"; \
	else echo "check-pkgconfig: not linked against the shared library" >&2; exit 1; fi
	ASAN_OPTIONS=detect_leaks=0 LD_LIBRARY_PATH=$(abspath $(STAGE))/usr/lib timeout 60 \
	    $(STAGE)/capdemo
