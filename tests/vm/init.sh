#!/bin/busybox sh
# init.sh - /init of the test virtual machine (tests/vm/run.sh)
#
# Every step prints "vm: rc NAME STATUS"; run.sh fails on a non-zero
# status, on a "not ok" line, and on a missing step or "vm: end".
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
mount -t tmpfs tmp /tmp
mount -t securityfs securityfs /sys/kernel/security
mount -t bpf bpf /sys/fs/bpf
export PATH=/bin TMPDIR=/tmp HOME=/tmp

echo
echo "vm: kernel $(uname -r)"
echo "vm: lsm $(cat /sys/kernel/security/lsm)"

# The overhead run (run.sh boots it apart, with a deterministic clock).
case " $(cat /proc/cmdline) " in
*" vmtest=bench "*)
	/bin/libtest table
	echo "vm: rc table-unloaded $?"
	/bin/bpftest bench
	echo "vm: rc bench $?"
	/bin/libtest table
	echo "vm: rc table-loaded $?"
	echo "vm: end"
	poweroff -f
	;;
esac

# Without the programs: the library degrades and says so.
/bin/libtest unloaded
echo "vm: rc libtest-unloaded $?"

# The library's unit tests on this kernel (older Landlock ABI), without
# and then with the programs.  Each line is prefixed with the binary's
# name, for run.sh to judge.
units() {
	for t in /unit/test_*; do
		[ -x "$t" ] || continue
		t0=$(date +%s)
		(cd /tmp && CMOCKA_MESSAGE_OUTPUT=TAP "$t") > /tmp/unit.out 2>&1
		rc=$?
		sed "s/^/[${t##*/}$1] /" /tmp/unit.out
		echo "vm: time ${t##*/}$1 $(($(date +%s) - t0)) s"
		echo "vm: unit ${t##*/}$1 $rc"
	done
}
units ""

/bin/capbpf load
echo "vm: rc capbpf-load $?"
/bin/capbpf status
echo "vm: rc capbpf-status $?"
/bin/bpftest
echo "vm: rc bpftest $?"
/bin/libtest loaded
echo "vm: rc libtest-loaded $?"
units "+capbpf"
/bin/capbpf unload
echo "vm: rc capbpf-unload $?"
/bin/capbpf status
echo "vm: rc capbpf-status-after-unload $([ $? -ne 0 ] && echo 0 || echo 1)"
echo "vm: end"
poweroff -f
