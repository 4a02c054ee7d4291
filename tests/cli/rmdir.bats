#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
# tests/cli/rmdir.bats - capbox rmdir against GNU rmdir, escapes, fds
bats_require_minimum_version 1.5.0

# Environment, fixtures and the GNU comparison: helpers/fs.bash.
load helpers/fs

@test "rmdir: empty, non-empty, missing" {
	fixture 'mkdir -p e n/x && touch n/x/f'
	differ rmdir e n nope
	differ rmdir
}

@test "rmdir: -p removes the parents too, -v reports" {
	fixture 'mkdir -p a/b/c k/l && touch k/f'
	differ rmdir -pv a/b/c
	differ rmdir -p k/l
}

@test "rmdir: --ignore-fail-on-non-empty" {
	fixture 'mkdir -p n/x'
	differ rmdir --ignore-fail-on-non-empty n
	differ rmdir -p --ignore-fail-on-non-empty n/x
}

@test "rmdir: a file is not a directory" {
	fixture 'touch f'
	differ rmdir f
}

@test "rmdir: enters capability mode" {
	mkdir d
	entered rmdir d
	[ ! -e d ]
}
