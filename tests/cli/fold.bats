#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
bats_require_minimum_version 1.5.0
load differential

setup() {
	mkinputs
	printf 'a\na\nA\nb\nb\nb\nc\n x y\n z y\n' > "$T/uq"
}

@test "fold: wrapping matches GNU" {
	printf 'aaaa bbbb cccc dddd\tx\n%0200d\nab\bc\rdef\n' 0 > "$T/fl"
	for o in "" "-w 5" "-s -w 7" "-b -w 3" "-w 1" "-sw 3" "-bs -w 4"; do
		diff_run fold $o fl nonl utf8 long empty
	done
	DIFF_STDIN=$T/fl diff_run fold -w 10
}

@test "fold: errors match GNU" {
	diff_run fold -w 0 nonl
	diff_run fold -w x nonl
	diff_run fold missing
	diff_run fold -x
}
