#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
# tests/cli/touch.bats - capbox touch against GNU touch, escapes, fds
bats_require_minimum_version 1.5.0

# Environment, fixtures and the GNU comparison: helpers/fs.bash.
load helpers/fs

@test "touch: creates, -c does not" {
	fixture 'touch old'
	differ touch new old
	differ touch -c none
	differ touch nodir/x
	differ touch
}

@test "touch: -d and -t set the given time" {
	fixture 'touch a b c'
	differ touch -d '2020-02-03 04:05:06' a
	differ touch -t 202001020304.05 b
	differ touch -d @1600000000 c
	differ stat -c '%n %X %Y' a b c
}

@test "touch: -a and -m change one time, -r copies another file's" {
	fixture 'touch -d @1000 r && touch -d @2000 a m && touch x'
	differ touch -a -d @3000 a
	differ touch -m -d @3000 m
	differ touch -r r x
	differ stat -c '%n %X %Y' a m x
}

@test "touch: invalid dates and a missing reference" {
	fixture 'touch a'
	differ touch -d 'not a date' a
	differ touch -t 99 a
	differ touch -r nope a
}

@test "touch: /dev/fd/N and - change the descriptor's file" {
	touch -d @5 f
	run -0 "$CAPBOX" touch -d @7 /dev/fd/3 3<f
	run -0 stat -c %Y f
	expect_output 7
	run -0 bash -c "'$CAPBOX' touch -d @9 - >>f"
	run -0 stat -c %Y f
	expect_output 9
}

@test "touch: enters capability mode" {
	entered touch f
	[ -f f ]
}
