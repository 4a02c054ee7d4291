#!/bin/sh
# install-deps.sh - install the Debian packages capmode's build and tests use
#
# Run as root on Debian 12 (bookworm) or newer.  Installs only what is
# missing, so it is cheap to run before every build.
set -eu

PACKAGES="
build-essential pkg-config clang lld llvm libclang-rt-dev
libseccomp-dev libcmocka-dev musl-tools libbpf-dev libssl-dev
bats bats-assert bats-support bats-file
strace util-linux procps file parallel
python3 sqlite3 tar findutils grep sed
hyperfine busybox toybox rust-coreutils bubblewrap
mandoc debhelper dpkg-dev fakeroot lintian debootstrap man-db
bpftool libelf-dev zlib1g-dev qemu-system-x86 cpio
"

missing=""
for p in $PACKAGES; do
	if ! dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null |
	    grep -q '^install ok installed$'; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "install-deps: missing packages:$missing" >&2
	echo "install-deps: run as root: sh tools/install-deps.sh" >&2
	exit 1
fi
echo "install-deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing
