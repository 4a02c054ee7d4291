#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
bats_require_minimum_version 1.5.0
load differential

setup() {
	mkinputs
	printf 'a\na\nA\nb\nb\nb\nc\n x y\n z y\n' > "$T/uq"
}

@test "comm: columns match GNU" {
	printf 'a\nb\nd\nf\n' > "$T/c1"
	printf 'b\nc\nd\ng\n' > "$T/c2"
	for o in "" -1 -2 -3 -12 -13 -23 -123 --total "--output-delimiter=::" -z; do
		diff_run comm $o c1 c2
		diff_run comm $o c2 c1
	done
	diff_run comm lines lines
	diff_run comm empty c1
	DIFF_STDIN=$T/c2 diff_run comm c1 -
}

@test "comm: order checks and errors match GNU" {
	printf 'b\na\n' > "$T/cu"
	printf 'a\nb\n' > "$T/c1"
	diff_run comm cu c1
	diff_run comm --check-order cu c1
	diff_run comm --nocheck-order cu c1
	diff_run comm c1
	diff_run comm
	diff_run comm a b c
	diff_run comm c1 missing
	diff_run comm -x
}
