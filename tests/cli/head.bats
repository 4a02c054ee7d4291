#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
bats_require_minimum_version 1.5.0
load differential

setup() {
	mkinputs
}

@test "head: line and byte counts match GNU" {
	for f in empty nonl nul long utf8 lines bin; do
		diff_run head "$f"
		diff_run head -n 3 "$f"
		diff_run head -c 7 "$f"
		diff_run head -n -2 "$f"
		diff_run head -c -5 "$f"
	done
	diff_run head -n 0 lines
	diff_run head -c 2k lines
	diff_run head -c 1KB lines
	diff_run head -5 lines
	diff_run head -z -n 2 nul
}

@test "head: headers, stdin and errors match GNU" {
	diff_run head -n 2 nonl lines utf8
	diff_run head -q -n 1 nonl lines
	diff_run head -v nonl
	DIFF_STDIN=$T/lines diff_run head -n 3 - nonl
	diff_run head missing nonl
	diff_run head dir
	diff_run head -n x lines
	diff_run head -c 5q lines
	diff_run head -n 99999999999999999999999 lines
	diff_run head -x
	diff_run head -n
	diff_run head --lines
}

@test "head: an unreadable file as an unprivileged user matches GNU" {
	mk_unreadable
	diff_run_nobody head unreadable nonl
}

@test "head: leaves a seekable input just after what it printed" {
	run -0 bash -c '{ "$CAPBOX" head -n 2; cat; } < "$1" | wc -l' _ "$T/lines"
	assert_output 2000
}

@test "head: /dev/fd/N and a fifo" {
	run -0 "$CAPBOX" head -n 1 /dev/fd/3 3<"$T/lines"
	assert_output 1
	[ -p "$T/fifo" ] || skip "mkfifo failed"
	seq 100 > "$T/fifo" &
	run -0 "$CAPBOX" head -n 2 "$T/fifo"
	wait
	assert_output "$(printf '1\n2')"
}
