#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
# tests/cli/realpath.bats - capbox realpath against GNU realpath, escapes, fds
bats_require_minimum_version 1.5.0

# Environment, fixtures and the GNU comparison: helpers/fs.bash.
load helpers/fs

@test "realpath: resolves links, dots and missing last components" {
	fixture 'mkdir -p d/e && ln -s d/e l && ln -s /etc/passwd abs && ln -s ../.. up'
	same realpath l abs up d/../d/e/.. nope /etc/../tmp
	same realpath missing/x
	same realpath -e nope l
	same realpath -m a/b/../c
	same realpath -s l
	same realpath -z l abs
	same realpath -q missing/x
	same realpath
}

@test "realpath: unsupported options say so" {
	run -1 --separate-stderr "$CAPBOX" realpath --relative-to=/ .
	expect_equal "$stderr" "realpath: option '--relative-to' is not supported
Try 'realpath --help' for more information."
}

@test "realpath: enters capability mode" {
	entered realpath .
}
