# bpf/build.mk - the capbpf eBPF LSM programs and their loader, capbpf(8)
#
# The programs are compiled once against a vmlinux.h generated from BTF
# (CO-RE: libbpf relocates them for the running kernel) and embedded in
# capbpf through a libbpf skeleton.  capbpf is built only where clang,
# bpftool, libbpf and a BTF file are present (tools/install-deps.sh
# installs them).
BPF_CLANG ?= clang
BPFTOOL   ?= $(or $(shell command -v bpftool 2>/dev/null),/usr/sbin/bpftool)
BPF_BTF   ?= /sys/kernel/btf/vmlinux
BPF_ARCH  := $(patsubst x86_64,x86,$(patsubst aarch64,arm64,$(shell uname -m)))
BPF_WARN  := -Wall -Wextra -Werror -Wno-unused-parameter
LIBBPF_LIBS := -lbpf -lelf -lz
CAPBPF    := $(O)/capbpf
CAPBPF_OK := $(shell test -x $(BPFTOOL) && test -r $(BPF_BTF) && \
	test -r /usr/include/bpf/libbpf.h && command -v $(BPF_CLANG) >/dev/null && \
	echo yes)

ifeq ($(CAPBPF_OK),yes)
ALL_TARGETS += $(CAPBPF)
INSTALL_TARGETS += install-capbpf
# tests/caprun/capbpf.bats: the loader's command line.
check-caprun: $(CAPBPF)
check-caprun: export CAPBPF := $(abspath $(CAPBPF))
endif

$(O)/bpf/vmlinux.h:
	@mkdir -p $(@D)
	$(BPFTOOL) btf dump file $(BPF_BTF) format c > $@.tmp && mv $@.tmp $@

$(O)/bpf/capbpf.bpf.o: bpf/capbpf.bpf.c bpf/capbpf.h $(O)/bpf/vmlinux.h
	$(BPF_CLANG) -g -O2 -target bpf -D__TARGET_ARCH_$(BPF_ARCH) $(BPF_WARN) \
	    -I$(O)/bpf -Ibpf -c -o $@ $<

$(O)/bpf/capbpf.skel.h: $(O)/bpf/capbpf.bpf.o
	$(BPFTOOL) gen skeleton $< name capbpf > $@.tmp && mv $@.tmp $@

$(O)/sandbox/capbpf.o: CPPFLAGS += -Ibpf -I$(O)/bpf -DCAPMODE_VERSION='"$(VERSION)"'
$(O)/sandbox/capbpf.o: $(O)/bpf/capbpf.skel.h

$(CAPBPF): $(O)/sandbox/capbpf.o
	$(CC) $(EXE_LDFLAGS) $(LDFLAGS) -o $@ $< $(LIBBPF_LIBS)

# A static loader for the test virtual machine (tests/vm).
$(O)/vm/capbpf: sandbox/capbpf.c $(O)/bpf/capbpf.skel.h bpf/capbpf.h
	@mkdir -p $(@D)
	$(CC) $(CSTD) $(WARN) -O2 -Ibpf -I$(O)/bpf -DCAPMODE_VERSION='"$(VERSION)"' -static -o $@ $< $(LIBBPF_LIBS)

.PHONY: capbpf install-capbpf
capbpf: $(CAPBPF)

install-capbpf: $(CAPBPF)
	install -d $(DESTDIR)$(SBINDIR)
	install -m 755 $(CAPBPF) $(DESTDIR)$(SBINDIR)/
