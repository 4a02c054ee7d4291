#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
# tests/cli/readlink.bats - capbox readlink against GNU readlink, escapes, fds
bats_require_minimum_version 1.5.0

# Environment, fixtures and the GNU comparison: helpers/fs.bash.
load helpers/fs

@test "readlink: links, non-links, missing" {
	fixture 'mkdir -p d/e && ln -s d/e l && ln -s /etc/passwd abs && ln -s ../.. up && touch f'
	same readlink l abs up
	same readlink f
	same readlink -v f nope
	same readlink -n l
	same readlink -z l abs
	same readlink -v l/
	same readlink
}

@test "readlink: -f -e -m canonicalize" {
	fixture 'mkdir -p d/e && ln -s d/e l && ln -s ../.. up && ln -s loop1 loop2 && ln -s loop2 loop1'
	same readlink -f l d/e/../x up
	same readlink -e l d/e/../x
	same readlink -m l missing/x/../y
	same readlink -fv loop1
	same readlink -f ''
}

@test "readlink: enters capability mode" {
	ln -s target l
	entered readlink l
}
