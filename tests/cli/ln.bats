#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
# tests/cli/ln.bats - capbox ln against GNU ln, escapes, fds
bats_require_minimum_version 1.5.0

# Environment, fixtures and the GNU comparison: helpers/fs.bash.
load helpers/fs

@test "ln: hard and symbolic links" {
	fixture 'touch a && mkdir d'
	differ ln a h
	differ ln -s a s
	differ ln -sv /no/where dangling
	differ ln -v a d
	differ ln d dh
}

@test "ln: existing destinations, -f, -n, -T" {
	fixture 'touch a b && mkdir d && ln -s d ld'
	differ ln a b
	differ ln -f a b
	differ ln -s a b
	differ ln -sf a b
	differ ln -sfn a ld
	differ ln -sfT b d
}

@test "ln: -t and several targets" {
	fixture 'touch a b && mkdir d'
	differ ln -t d a b
	differ ln -s a b c
	differ ln nope x
	differ ln
}

@test "ln -s: the target text is never looked up" {
	mkdir d
	run -0 "$CAPBOX" ln -s ../../../../etc/shadow d/l
	run -0 readlink d/l
	expect_output ../../../../etc/shadow
}

@test "ln: enters capability mode" {
	touch a
	entered ln -s a b
	[ -L b ]
}
