#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
bats_require_minimum_version 1.5.0
load differential

setup() {
	mkinputs
}

@test "sleep: waits, sums its operands, and errors match GNU" {
	local t0 t1
	t0=$(date +%s%N)
	run -0 "$CAPBOX" sleep 0.1 0.1s 0.001m
	t1=$(date +%s%N)
	[ $(((t1 - t0) / 1000000)) -ge 250 ]
	diff_run sleep
	diff_run sleep x
	diff_run sleep 1q
	diff_run sleep -1
	diff_run sleep 0
	diff_run sleep 0.01 x y
}
