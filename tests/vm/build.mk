# tests/vm/build.mk - the capbpf suite in a virtual machine (make check-vm)
#
# The build machine's kernel may not run BPF LSM programs; check-vm boots
# Debian's linux-image-amd64 in qemu (KVM when /dev/kvm is usable, TCG
# otherwise) with "bpf" in lsm=, loads capbpf, and runs tests/vm/bpftest,
# tests/vm/libtest and the library's unit tests there.  make check runs it
# when qemu can; see tests/vm/run.sh.
VM_DIR    := $(O)/vm
VM_CACHE  ?= $(O)/vm-cache
VM_MUSL   := $(O)/vm/musl
QEMU      ?= qemu-system-x86_64
VM_BINS   := $(VM_DIR)/capbpf $(VM_DIR)/bpftest $(VM_DIR)/libtest

ifeq ($(SANITIZE)$(STATIC),)
CHECK_TARGETS += check-vm-auto
endif
.PHONY: check-vm check-vm-auto vm-force

$(VM_DIR)/bpftest: tests/vm/bpftest.c bpf/capbpf.h
	@mkdir -p $(@D)
	$(CC) $(CSTD) $(WARN) -O2 -Iinclude -Ibpf -static -o $@ $< -lpthread

# libtest links libcap_mode statically, built with musl in a tree of its
# own (by a make of its own, which knows the library's dependencies).
$(VM_MUSL)/libcap_mode.a: vm-force
	$(MAKE) --no-print-directory O=$(VM_MUSL) CC=musl-gcc STATIC=1 $@

$(VM_DIR)/libtest: tests/vm/libtest.c bench/rtable_cost.h $(VM_MUSL)/libcap_mode.a
	musl-gcc $(CSTD) $(WARN) -O2 -Iinclude -static -o $@ $< \
	    $(VM_MUSL)/libcap_mode.a -lpthread

check-vm: $(VM_BINS) $(UNIT_BINS)
	sh tests/vm/run.sh $(VM_DIR) $(VM_CACHE) $(UNIT_BINS)

# Only where it can run: an x86-64 host with qemu, and capbpf buildable.
check-vm-auto:
	@if [ "$$(uname -m)" != x86_64 ]; then \
	    echo "check-vm: SKIP: the test kernel is amd64, this host is $$(uname -m)"; \
	elif ! command -v $(QEMU) >/dev/null 2>&1; then \
	    echo "check-vm: SKIP: $(QEMU) not installed (apt-get install qemu-system-x86)"; \
	elif [ "$(CAPBPF_OK)" != yes ]; then \
	    echo "check-vm: SKIP: capbpf cannot be built here (needs clang, bpftool, libbpf-dev, $(BPF_BTF))"; \
	else \
	    $(MAKE) --no-print-directory check-vm; \
	fi
