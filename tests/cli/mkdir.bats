#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
# tests/cli/mkdir.bats - capbox mkdir against GNU mkdir, escapes, fds
bats_require_minimum_version 1.5.0

# Environment, fixtures and the GNU comparison: helpers/fs.bash.
load helpers/fs

@test "mkdir: plain, existing, missing parent" {
	fixture 'mkdir e'
	differ mkdir a e x/y
	differ mkdir
}

@test "mkdir: -p makes parents, -v reports each" {
	fixture 'mkdir -p e/f'
	differ mkdir -pv a/b/c e/f/g e
	differ mkdir -p e/f
}

@test "mkdir: -m sets the mode regardless of umask" {
	fixture ':'
	differ mkdir -m 700 m7
	differ mkdir -m u=rwx,g=rx,o= m2
	differ mkdir -p -m 750 p/q/r
	differ mkdir -m bogus m3
}

@test "mkdir: a file in the way" {
	fixture 'touch f'
	differ mkdir f
	differ mkdir -p f/x
}

@test "mkdir: --cwd-fd keeps '..' beneath the directory" {
	mkdir base
	run -1 --separate-stderr "$CAPBOX" mkdir --cwd-fd=3 ../escape 3<base
	[ ! -e escape ]
	run -0 "$CAPBOX" mkdir -p --cwd-fd=3 x/y 3<base
	[ -d base/x/y ]
}

@test "mkdir: enters capability mode" {
	entered mkdir d
	[ -d d ]
}
