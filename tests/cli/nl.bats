#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
bats_require_minimum_version 1.5.0
load differential

setup() {
	mkinputs
	printf 'a\na\nA\nb\nb\nb\nc\n x y\n z y\n' > "$T/uq"
}

@test "nl: numbering matches GNU" {
	printf 'a\n\nb\n\\:\\:\\:\nh\n\\:\\:\nbody\n\n\\:\nfoot\n' > "$T/nlin"
	for o in "" -ba -bn -bt -nln -nrz "-nrz -w3" "-s: -v5 -i2" -p "-d@"; do
		diff_run nl $o nlin
		diff_run nl $o lines
	done
	DIFF_STDIN=$T/lines diff_run nl
}

@test "nl: errors match GNU" {
	diff_run nl -bx lines
	diff_run nl -w0 lines
	diff_run nl -nxx lines
	diff_run nl missing
	diff_run nl -x
}
