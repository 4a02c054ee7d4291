#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
bats_require_minimum_version 1.5.0
load differential

setup() {
	mkinputs
	printf 'a\na\nA\nb\nb\nb\nc\n x y\n z y\n' > "$T/uq"
}

@test "paste: merging matches GNU" {
	printf '1\n2\n3\n' > "$T/p1"
	printf 'a\nb\n' > "$T/p2"
	diff_run paste p1 p2
	diff_run paste p2 p1
	diff_run paste p1 empty p2
	diff_run paste -s p1 p2
	diff_run paste -d, p1 p2 p1
	diff_run paste -d ',;' p1 p2 p1
	diff_run paste -d '\n' p1 p2
	diff_run paste -d '' p1 p2
	diff_run paste -s -d, p1 nonl
	diff_run paste nonl p1
	diff_run paste -z nul p1
	DIFF_STDIN=$T/p1 diff_run paste - p2
}

@test "paste: errors match GNU" {
	diff_run paste p1 missing
	diff_run paste -x
}
