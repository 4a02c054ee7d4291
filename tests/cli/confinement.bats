#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
#
# confinement.bats - every applet enters capability mode before it touches
# the data of its operands.
#
# Each applet runs under strace with its operand given as /dev/fd/3 (or
# a scratch tree for the filesystem applets).  The proof is the order of
# system calls: seccomp(SECCOMP_SET_MODE_FILTER) and the library's
# "capmode: entered" report on CAPMODE_TRACE_FD come before the first
# read of the operand descriptor (or the first directory listing,
# unlink, write of output...).  The test iterates over `capbox --list`, so
# a new applet is covered as soon as it is built.  The checks are in
# helpers/confined-first.bash, a script of its own (bats traces every
# command of a test, which made this suite slow).
bats_require_minimum_version 1.5.0
load helpers/common

setup() {
	command -v strace >/dev/null || skip "strace is not installed"
	T=$BATS_TEST_TMPDIR
	seq 1 50 > "$T/in"
	mkdir -p "$T/tree/sub" "$T/emptydir"
	echo data > "$T/tree/sub/f"
	echo data > "$T/f"
	echo data > "$T/f2"
	echo data > "$T/f3"
	ln -sf f "$T/link"
	sha256sum "$T/in" | sed 's|  .*|  in|' > "$T/sums"
}

@test "confinement: every applet enters capability mode before touching data" {
	bash "$BATS_TEST_DIRNAME/helpers/confined-first.bash" "$T"
}

@test "confinement: names in data cannot reach outside the held directory" {
	require_applet sha256sum
	# sha256sum -c opens the listed names after cap_enter, beneath ".".
	(cd "$T" && sha256sum in > tree/sums.ok && sed 's| in$| ../in|' tree/sums.ok > tree/sums.up)
	run -0 bash -c 'cd "$1/tree" && "$CAPBOX" sha256sum -c sums.up 2>&1 | grep -c "Capabilities insufficient"; exit 0' _ "$T"
	assert_output 1
	run -1 --separate-stderr bash -c 'cd "$1/tree" && "$CAPBOX" sha256sum -c sums.up' _ "$T"
	assert_output "../in: FAILED open or read"
}

@test "confinement: CAPMODE_STRICT=1 still runs where every guarantee holds" {
	require_applet cat
	run "$CAPBOX" cat /dev/fd/3 3<"$T/in"
	assert_success
	CAPMODE_STRICT=1 run "$CAPBOX" cat /dev/fd/3 3<"$T/in"
	# Strict mode either runs confined or refuses with a clear message.
	if [ "$status" -ne 0 ]; then
		assert_output --partial "cannot enter capability mode"
	else
		assert_output "$(cat "$T/in")"
	fi
}
