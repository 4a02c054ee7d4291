#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
bats_require_minimum_version 1.5.0
load differential

setup() {
	mkinputs
	printf 'a\na\nA\nb\nb\nb\nc\n x y\n z y\n' > "$T/uq"
}

@test "uniq: filters match GNU" {
	for o in "" -c -d -D -u -i -ic -f1 -s1 -w1 -w0 -z "-f1 -s1" -cd -cu; do
		diff_run uniq $o uq
		diff_run uniq $o nul
	done
	for f in empty nonl long utf8 lines; do
		diff_run uniq -c "$f"
	done
	DIFF_STDIN=$T/uq diff_run uniq -c
	DIFF_STDIN=$T/uq diff_run uniq -c -
}

@test "uniq: an OUTPUT operand is written" {
	run -0 "$CAPBOX" uniq "$T/uq" "$T/out"
	assert_equal "$(cat "$T/out")" "$(uniq "$T/uq")"
}

@test "uniq: errors match GNU" {
	diff_run uniq a b c
	diff_run uniq -f x uq
	diff_run uniq -s -1 uq
	diff_run uniq missing
	diff_run uniq -Dc uq
	diff_run uniq -x
}
