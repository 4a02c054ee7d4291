#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
bats_require_minimum_version 1.5.0
load differential

setup() {
	mkinputs
}

@test "yes: repeats its operands, matches GNU" {
	run -0 bash -c '"$CAPBOX" yes | head -n 3'
	assert_output "$(printf 'y\ny\ny')"
	run -0 bash -c '"$CAPBOX" yes a b | head -n 2'
	assert_output "$(printf 'a b\na b')"
	run -0 bash -c 'cmp <("$CAPBOX" yes "$1" | head -c 1000000) <(yes "$1" | head -c 1000000)' _ "$(printf 'x%.0s' $(seq 1 70000))"
	diff_run yes -x
}

@test "yes: a write error ends it" {
	[ -w /dev/full ] || skip "no /dev/full"
	run -1 --separate-stderr bash -c '"$CAPBOX" yes > /dev/full'
	assert_equal "$stderr" "yes: write error: No space left on device"
}
