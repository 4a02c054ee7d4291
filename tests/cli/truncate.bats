#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
# tests/cli/truncate.bats - capbox truncate against GNU truncate, escapes, fds
bats_require_minimum_version 1.5.0

# Environment, fixtures and the GNU comparison: helpers/fs.bash.
load helpers/fs

@test "truncate: sizes with suffixes and modifiers" {
	fixture 'head -c 3000 /dev/zero > f'
	differ truncate -s 1K a
	differ truncate -s +1K f
	differ truncate -s -100 f
	differ truncate -s %1000 f
	differ truncate -s /1000 f
	differ truncate -s '<100' f
	differ truncate -s '>5000' f
	differ truncate -o -s 1 b
	differ truncate -s 1KB c
	differ truncate -s 2MiB d
}

@test "truncate: -c and -r" {
	fixture 'head -c 123 /dev/zero > r'
	differ truncate -c -s 5 none
	differ truncate -r r x
	differ truncate -r r -s +2 y
	differ truncate -r nope x
}

@test "truncate: bad input" {
	fixture 'mkdir d'
	differ truncate
	differ truncate x
	differ truncate -s abc x
	differ truncate -s 10 -r x y
	differ truncate -s 5 d
	differ truncate -s 5 nodir/x
	differ truncate -s --5 x
	differ truncate -s /0 x
}

@test "truncate: /dev/fd/N is the descriptor" {
	printf 'hello world' >f
	run -0 "$CAPBOX" truncate -s 5 /dev/fd/3 3>>f
	run -0 cat f
	expect_output hello
}

@test "truncate: enters capability mode" {
	entered truncate -s 10 f
	[ "$(stat -c %s f)" = 10 ]
}
