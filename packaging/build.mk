# packaging/build.mk - Debian packages, bash completions, and their checks
#
#   make deb        libcap-mode0, libcap-mode-dev, capbox, caprun and capbpf
#                   (.deb) in $(O)/deb, built from a copy of the tree, then
#                   lintian; without capbpf (profile pkg.capmode.nobpf, and
#                   said) where this machine cannot build it
#   make check-deb  the same, installed into a fresh Debian 12 root and tried
#                   there; part of `make check` only with CAPMODE_CHECK_DEB=1
#                   or CI=true, because the first run downloads a base system
#
# The source root is never written to: the tree is copied to $(O)/deb/src
# and packaging/debian becomes debian/ there.  The minimal Debian root made
# by debootstrap is kept as $(O)/deb/base.tar and unpacked for each run into
# a fresh directory outside $(O): a Debian root is full of directories named
# *.d, which the top-level Makefile would take for dependency files.

DEB_DIR    := $(abspath $(O))/deb
DEB_SRC    := $(DEB_DIR)/src
DEB_TMP    ?= /var/tmp
DEB_SUITE  ?= bookworm
DEB_MIRROR ?= http://deb.debian.org/debian
# What the smoke test needs in the root besides the packages under test,
# and what the packages depend on (dpkg -i installs no dependencies).
DEB_BASE_PACKAGES := gcc,libc6-dev,pkg-config,man-db,libseccomp2,libbpf1,libelf1,zlib1g
DEB_BASE   := $(DEB_DIR)/base-$(firstword $(shell echo \
	'$(DEB_SUITE) $(DEB_BASE_PACKAGES)' | cksum)).tar
# capbpf is built against this machine's BTF; where it cannot be, the
# packages are built without it and the log says so.
DEB_PROFILES = $(if $(filter yes,$(CAPBPF_OK)),,pkg.capmode.nobpf)

COMPLETIONS := $(wildcard completions/*)

INSTALL_TARGETS += install-completions
CHECK_TARGETS   += check-completions check-deb

.PHONY: deb deb-src deb-base check-deb check-completions install-completions

install-completions:
	install -d $(DESTDIR)$(DATADIR)/bash-completion/completions
	set -e; for f in $(COMPLETIONS); do \
	    install -m 644 $$f $(DESTDIR)$(DATADIR)/bash-completion/completions/; \
	done

# The completion functions, driven as bash drives them.
check-completions:
	@if ! command -v bash >/dev/null; then \
	    echo "check-completions: SKIP (bash is not installed)"; exit 0; fi
	CAPBOX=$(abspath $(O))/capbox bash packaging/debian/tests/completion

# A copy of the tree as git knows it, committed or not, without the build
# directory; a tarball of the directory when git is unavailable.
deb-src:
	rm -rf $(DEB_SRC)
	mkdir -p $(DEB_SRC)
	if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then \
	    git ls-files -z --cached --others --exclude-standard | \
	    xargs -0 sh -c 'for f; do [ -e "$$f" ] && printf "%s\0" "$$f"; done' sh | \
	    tar --null -T - -cf - | tar -xf - -C $(DEB_SRC); \
	else \
	    tar --exclude=./build --exclude=./.git -cf - . | tar -xf - -C $(DEB_SRC); \
	fi
	rm -rf $(DEB_SRC)/debian $(DEB_SRC)/build
	cp -R packaging/debian $(DEB_SRC)/debian

# Variables given to this make (O=, SANITIZE=, PREFIX=...) must not leak
# into the package build, which runs its own make in the copy.
DEB_ENV := env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u MAKEOVERRIDES \
	-u DESTDIR -u PREFIX -u O -u SANITIZE -u STATIC -u CC

deb: deb-src
	rm -f $(DEB_DIR)/*.deb $(DEB_DIR)/*.ddeb $(DEB_DIR)/*.changes \
	    $(DEB_DIR)/*.buildinfo
	$(if $(DEB_PROFILES),@echo "deb: without capbpf (it needs clang," \
	    "bpftool, libbpf-dev and $(BPF_BTF)): profile $(DEB_PROFILES)")
	cd $(DEB_SRC) && $(DEB_ENV) dpkg-buildpackage -us -uc -b \
	    $(if $(DEB_PROFILES),-P$(DEB_PROFILES)) \
	    > $(DEB_DIR)/build.log 2>&1; s=$$?; \
	rm -rf $(DEB_SRC)/build; \
	if [ $$s -ne 0 ]; then tail -n 30 $(DEB_DIR)/build.log; \
	    echo "deb: dpkg-buildpackage failed; see $(DEB_DIR)/build.log" >&2; \
	    exit 1; fi
	rm -rf $(DEB_SRC)
	@echo "deb: lintian"
	lintian --fail-on error --display-info \
	    $(DEB_DIR)/capmode_*.changes > $(DEB_DIR)/lintian.log 2>&1; \
	s=$$?; cat $(DEB_DIR)/lintian.log; exit $$s
	@echo "deb: packages in $(DEB_DIR):"
	@ls -1 $(DEB_DIR)/*.deb

# A minimal Debian root, made once.  When debootstrap cannot reach the
# mirror, check-deb skips and says why.
$(DEB_BASE):
	@mkdir -p $(DEB_DIR)
	set -e; t=$$(mktemp -d $(DEB_TMP)/capmode-debootstrap.XXXXXX); \
	trap 'rm -rf "$$t"' EXIT; \
	debootstrap --variant=minbase --include=$(DEB_BASE_PACKAGES) \
	    $(DEB_SUITE) "$$t" $(DEB_MIRROR) > $(DEB_DIR)/debootstrap.log 2>&1; \
	tar -C "$$t" -cf $@.tmp .; \
	mv $@.tmp $@

deb-base: $(DEB_BASE)

check-deb:
	@if [ "$(CAPMODE_CHECK_DEB)" != 1 ] && [ "$$CI" != true ]; then \
	    echo "check-deb: SKIP (builds the packages and a Debian root;" \
	        "run with CAPMODE_CHECK_DEB=1 or CI=true)"; exit 0; fi; \
	if [ -n "$(SANITIZE)$(STATIC)" ]; then \
	    echo "check-deb: SKIP (the packages are built the plain way;" \
	        "this is a SANITIZE or STATIC build)"; exit 0; fi; \
	if [ "$$(id -u)" -ne 0 ]; then \
	    echo "check-deb: SKIP (chroot and debootstrap need root)"; exit 0; fi; \
	for t in debootstrap dpkg-buildpackage lintian chroot; do \
	    command -v $$t >/dev/null || { \
	    echo "check-deb: SKIP ($$t is not installed:" \
	        "sh tools/install-deps.sh)"; exit 0; }; done; \
	$(MAKE) --no-print-directory deb || exit 1; \
	if ! $(MAKE) --no-print-directory deb-base; then \
	    echo "check-deb: SKIP (debootstrap of $(DEB_SUITE) from" \
	        "$(DEB_MIRROR) failed; see $(DEB_DIR)/debootstrap.log):"; \
	    tail -n 5 $(DEB_DIR)/debootstrap.log 2>/dev/null; exit 0; fi; \
	sh packaging/debian/tests/chroot-run $(DEB_BASE) $(DEB_TMP) $(DEB_DIR)
