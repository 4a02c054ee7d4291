#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
# tests/cli/du.bats - capbox du against GNU du, escapes, fds
bats_require_minimum_version 1.5.0

# Environment, fixtures and the GNU comparison: helpers/fs.bash.
load helpers/fs

@test "du: sizes of trees, files and totals" {
	fixture 'mkdir -p a/b/c && head -c 10000 /dev/zero >a/f && ln a/f a/b/h && ln -s /etc a/l && head -c 5000 /dev/zero >a/b/c/g'
	same du a
	same du -a a
	same du -s a
	same du -sh a
	same du -b a
	same du -ab a
	same du -c a a/b
	same du --max-depth=1 a
	same du -d 0 a
	same du --apparent-size a
	same du -ahc a/f a/b
	same du -k -m a
	same du --si a
	same du -0 a
	same du a/
	same du
}

@test "du: errors" {
	fixture 'mkdir a'
	same du -sk nope a
	same du -d x a
	same du --bogus
}

@test "du: a symlink out of the tree is counted as a link, never followed" {
	mkdir -p t big && head -c 1000000 /dev/zero >big/f && ln -s ../big t/l
	run -0 "$CAPBOX" du -s t
	[ "${output%%$'\t'*}" -lt 100 ]
}

@test "du: -H follows a command-line symlink (opened before capability mode)" {
	fixture 'mkdir -p t && head -c 100000 /dev/zero >t/f && ln -s t l'
	same du -H l
	same du -sL l
}

@test "du: --root-fd lists the directory, whatever the path says" {
	mkdir -p r/x && head -c 8192 /dev/zero >r/x/f
	run -0 "$CAPBOX" du -s --root-fd=3 /../../.. 3<r
	[[ $output == *$'\t'/../../.. ]]
	[ "${output%%$'\t'*}" -ge 8 ]
}

@test "du: enters capability mode" {
	mkdir d
	entered du d
}
