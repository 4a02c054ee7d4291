#!/bin/sh
# run.sh - boot Debian's kernel in qemu with the capbpf tests, judge the log
#
# usage: run.sh VMDIR CACHE [UNIT_TEST_BINARY]...
#
# VMDIR holds the static capbpf, bpftest and libtest.  CACHE keeps the
# downloaded kernel and busybox-static packages between runs.  The kernel
# is the one Debian's linux-image-amd64 depends on, booted with "bpf" in
# its lsm= list; the serial console is the test output.
set -eu

vmdir=$1
cache=$2
shift 2
timeout=${VM_TIMEOUT:-420}
qemu=${QEMU:-qemu-system-x86_64}

fail() {
	echo "check-vm: FAIL: $*" >&2
	exit 1
}

command -v "$qemu" >/dev/null || fail "$qemu not found (apt-get install qemu-system-x86)"
command -v cpio >/dev/null || fail "cpio not found (apt-get install cpio)"
mkdir -p "$cache"

# The kernel and busybox-static, downloaded once with apt and unpacked.
kpkg=$(apt-cache depends linux-image-amd64 2>/dev/null |
    awk '/Depends: linux-image-[0-9]/ { print $2; exit }')
if [ -z "$kpkg" ] && [ "$(id -u)" = 0 ]; then
	apt-get update -qq >/dev/null 2>&1 || true
	kpkg=$(apt-cache depends linux-image-amd64 2>/dev/null |
	    awk '/Depends: linux-image-[0-9]/ { print $2; exit }')
fi
if [ -z "$kpkg" ]; then
	# Offline: the newest kernel already in the cache.
	kpkg=$(ls "$cache" 2>/dev/null | grep '^linux-image-' | sort -V | tail -n 1)
fi
[ -n "$kpkg" ] || fail "cannot tell which kernel linux-image-amd64 installs (apt-get update?)"
kdir=$cache/$kpkg
if [ ! -f "$kdir/vmlinuz" ]; then
	echo "check-vm: downloading $kpkg"
	rm -rf "$cache/dl" && mkdir -p "$cache/dl" "$kdir"
	(cd "$cache/dl" && apt-get download "$kpkg" >/dev/null 2>&1) ||
	    fail "apt-get download $kpkg failed"
	dpkg-deb --fsys-tarfile "$cache"/dl/"$kpkg"_*.deb |
	    tar -x -C "$cache/dl" ./boot
	cp "$cache"/dl/boot/vmlinuz-* "$kdir/vmlinuz"
	cp "$cache"/dl/boot/config-* "$kdir/config"
	rm -rf "$cache/dl"
fi
grep -q '^CONFIG_BPF_LSM=y' "$kdir/config" ||
    fail "$kpkg is built without CONFIG_BPF_LSM: BPF LSM cannot be tested"
if [ ! -x "$cache/busybox" ]; then
	rm -rf "$cache/dl" && mkdir -p "$cache/dl"
	(cd "$cache/dl" && apt-get download busybox-static >/dev/null 2>&1) ||
	    fail "apt-get download busybox-static failed"
	dpkg-deb --fsys-tarfile "$cache"/dl/busybox-static_*.deb |
	    tar -x -C "$cache/dl" ./bin/busybox
	cp "$cache/dl/bin/busybox" "$cache/busybox"
	rm -rf "$cache/dl"
fi

# The initramfs: busybox, the static test programs, the unit tests with
# the shared libraries they load.
root=$vmdir/root
rm -rf "$root"
mkdir -p "$root/bin" "$root/unit" "$root/proc" "$root/sys" "$root/dev" \
    "$root/tmp" "$root/etc"
cp "$cache/busybox" "$vmdir/capbpf" "$vmdir/bpftest" "$vmdir/libtest" \
    "$root/bin/"
cp "$(dirname "$0")/init.sh" "$root/init"
chmod 755 "$root/init"
echo "root:x:0:0:root:/tmp:/bin/sh" > "$root/etc/passwd"
echo "nobody:x:65534:65534:nobody:/nonexistent:/bin/false" >> "$root/etc/passwd"
echo "root:x:0:" > "$root/etc/group"
for t in "$@"; do
	cp "$t" "$root/unit/"
	for lib in $(ldd "$t" 2>/dev/null | awk '/=> \// { print $3 } /^\t\// { print $1 }'); do
		mkdir -p "$root$(dirname "$lib")"
		cp -L "$lib" "$root$lib"
	done
done
(cd "$root" && find . | cpio -o -H newc 2>/dev/null) | gzip -1 > "$vmdir/initrd.gz"

if [ -w /dev/kvm ]; then
	accel="-accel kvm -cpu host"
else
	accel="-accel tcg -cpu max"
fi

# boot LOG QEMU_OPTIONS KERNEL_ARGUMENTS: one run of the virtual machine.
boot() {
	start=$(date +%s)
	# shellcheck disable=SC2086
	timeout "$timeout" "$qemu" -machine q35 $2 -m 1024 -smp 1 \
	    -nographic -no-reboot -nic none \
	    -kernel "$kdir/vmlinuz" -initrd "$vmdir/initrd.gz" \
	    -append "console=ttyS0 lsm=lockdown,capability,landlock,yama,apparmor,bpf panic=-1 quiet $3" \
	    > "$1" 2>&1 || true
	tr -d '\r' < "$1" > "$1.txt"
	echo "check-vm: the virtual machine ran for $(($(date +%s) - start)) s"
}

log=$vmdir/console.log
echo "check-vm: booting $kpkg (${accel%% -cpu*}), log in $log"
boot "$log" "$accel" ""
grep -E '^(vm:|not ok|bpftest:|libtest:|capbpf:)' "$log.txt" || true
bad=0
grep -q '^vm: end$' "$log.txt" || { echo "check-vm: the run did not finish (timeout $timeout s or crash)" >&2; bad=1; }
for step in libtest-unloaded capbpf-load bpftest libtest-loaded capbpf-unload; do
	grep -q "^vm: rc $step " "$log.txt" || { echo "check-vm: step $step did not run" >&2; bad=1; }
done
if grep -E '^vm: rc [^ ]+ [1-9][0-9]*$' "$log.txt" >&2; then bad=1; fi
if grep '^not ok' "$log.txt" >&2; then bad=1; fi

# The library's unit tests on the VM's kernel.  A failure is one, except
# those listed here, which are limits of that kernel, printed as XFAIL.
kver=$(sed -n 's/^vm: kernel \([0-9]*\)\.\([0-9]*\).*/\1 \2/p' "$log.txt")
set -- $kver
kmaj=${1:-0} kmin=${2:-0}
xfail() {	# xfail TEST: why it fails on this kernel, or nothing
	case $1 in
	signals_to_self)
		# PIDFD_SELF_* (Linux 6.15): a child forked in capability
		# mode has no other way to signal itself past the filter.
		if [ "$kmaj" -lt 6 ] || { [ "$kmaj" = 6 ] && [ "$kmin" -lt 15 ]; }; then
			echo "a child forked after cap_enter cannot signal itself before Linux 6.15 (no PIDFD_SELF)"
		fi ;;
	esac
}
units=$(sed -n 's/^vm: unit \([^ ]*\) [0-9]*$/\1/p' "$log.txt")
[ -n "$units" ] || { echo "check-vm: no unit test ran" >&2; bad=1; }
for u in $units; do
	rc=$(sed -n "s/^vm: unit $u \([0-9]*\)$/\1/p" "$log.txt")
	nfail=0 nx=0
	for t in $(sed -n "s/^\[$u\] not ok [0-9]* - \(.*\)/\1/p" "$log.txt"); do
		nfail=$((nfail + 1))
		why=$(xfail "$t")
		if [ -n "$why" ]; then
			echo "check-vm: XFAIL $u $t: $why"
			nx=$((nx + 1))
		else
			echo "check-vm: FAIL $u $t" >&2
			bad=1
		fi
	done
	if [ "$rc" != 0 ] && [ "$nfail" = 0 ]; then
		echo "check-vm: FAIL $u exited $rc without a failed test (crash?)" >&2
		bad=1
	fi
	grep -q "^\[$u\] 1\.\." "$log.txt" ||
	    { echo "check-vm: FAIL $u printed no test plan" >&2; bad=1; }
	echo "check-vm: unit $u: $(grep -c "^\[$u\] ok " "$log.txt") passed, $nfail failed ($nx expected on this kernel)"
done
[ $bad = 0 ] || fail "see $log.txt"
echo "check-vm: all passed ($(grep -c '^ok' "$log.txt") checks)"

# The overhead: a second boot under TCG with -icount, where the guest's
# clock counts instructions, so the host's load does not blur the ratios
# (KVM: real time).  Printed, not judged.
[ "${VM_BENCH:-1}" = 1 ] || exit 0
blog=$vmdir/bench.log
if [ -w /dev/kvm ]; then
	baccel=$accel
else
	baccel="-accel tcg -icount shift=0,sleep=off -cpu max"
fi
echo "check-vm: measuring overhead (${baccel%% -cpu*}), log in $blog"
boot "$blog" "$baccel" "vmtest=bench"
grep '^bench:' "$blog.txt" || true
for step in table-unloaded bench table-loaded; do
	grep -q "^vm: rc $step 0\$" "$blog.txt" ||
	    fail "the overhead run ($step) failed, see $blog.txt"
done
