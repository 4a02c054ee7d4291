# preload/build.mk - libcap_mode_preload.so, the shim caprun preloads
#
# The shim carries its own copy of libcap_mode, compiled without
# sanitizers (an instrumented shim cannot be preloaded into uninstrumented
# programs) and with the library's path functions renamed cmlib_*, so the
# shim can export openat, fstatat, ... itself and call the library's
# versions once it has mapped the path onto a pre-opened descriptor.
ifeq ($(STATIC),)
SHIM_SO     := $(O)/libcap_mode_preload.so
SHIM_SRCS   := $(wildcard preload/*.c) sandbox/manifest.c
SHIM_OBJS   := $(SHIM_SRCS:%.c=$(O)/preload/obj/%.lo)
SHIM_LIBOBJ := $(LIB_SRCS:%.c=$(O)/preload/obj/%.lo)
SHIM_CFLAGS := $(filter-out $(SANFLAGS) -D_FORTIFY_SOURCE=%,$(CFLAGS)) \
	-U_FORTIFY_SOURCE -fPIC -fvisibility=hidden
SHIM_RENAME := openat openat64 __openat_2 __openat64_2 fstatat fstatat64 \
	statx faccessat readlinkat fchmodat fchownat utimensat mkdirat mknodat \
	mkfifoat unlinkat symlinkat linkat renameat renameat2 fchdir close \
	close_range

ALL_TARGETS += $(SHIM_SO)
INSTALL_TARGETS += install-shim

$(O)/preload/obj/%.lo: %.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(SHIM_CFLAGS) -c -o $@ $<

$(O)/preload/obj/libcap_mode/seccomp.lo: $(SECCOMP_H)

$(O)/preload/rename.txt: preload/build.mk
	@mkdir -p $(@D)
	for s in $(SHIM_RENAME); do echo "$$s cmlib_$$s"; done > $@

$(O)/preload/cmlib.a: $(SHIM_LIBOBJ) $(O)/preload/rename.txt
	rm -f $@ $@.tmp
	$(AR) rcs $@.tmp $(SHIM_LIBOBJ)
	objcopy --redefine-syms=$(O)/preload/rename.txt $@.tmp $@
	rm -f $@.tmp

$(SHIM_SO): $(SHIM_OBJS) $(O)/preload/cmlib.a preload/shim.map
	$(CC) -shared -o $@ $(SHIM_OBJS) $(O)/preload/cmlib.a \
	    -Wl,--version-script=preload/shim.map -Wl,-z,relro,-z,now \
	    -Wl,--no-undefined -lpthread -ldl

.PHONY: install-shim
install-shim: $(SHIM_SO)
	install -d $(DESTDIR)$(LIBDIR)
	install -m 755 $(SHIM_SO) $(DESTDIR)$(LIBDIR)/
endif
