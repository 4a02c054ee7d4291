#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
# tests/cli/mktemp.bats - capbox mktemp against GNU mktemp, escapes, fds
bats_require_minimum_version 1.5.0

# Environment, fixtures and the GNU comparison: helpers/fs.bash.
load helpers/fs

# mktemp's names are random: compare everything but the X's.
mkt() {
	local a rg=0 rc=0
	(cd g && exec -a mktemp /usr/bin/mktemp "$@") >g.out 2>g.err || rg=$?
	(cd c && exec "$CAPBOX" mktemp "$@") >c.out 2>c.err || rc=$?
	echo "$rg" >g.rc
	echo "$rc" >c.rc
	for a in g c; do
		sed 's/[A-Za-z0-9]/x/g' $a.out >$a.norm
	done
	diff -u g.norm c.norm
	diff -u g.err c.err
	diff -u g.rc c.rc
}

@test "mktemp: templates, directories, dry runs" {
	fixture 'mkdir d'
	mkt fXXXX
	mkt -d dXXXXX
	mkt -p d zXXX
	mkt -u aXXXb
	mkt -u --suffix=.txt tXXX
	mkt -u -p /nonexist qXXX
}

@test "mktemp: bad templates and failures" {
	fixture ':'
	mkt XX
	mkt -u --suffix=/x aXXX
	mkt --suffix=.txt aXXXb
	mkt -t a/XXX
	mkt a b
	mkt -p /nonexist
	mkt -q -d /nonexist/XXX
}

@test "mktemp: the file is made beneath the directory, mode 0600" {
	mkdir d
	run -0 "$CAPBOX" mktemp -p d
	[[ $output == d/tmp.* ]]
	run -0 stat -c %a "$output"
	expect_output 600
	run -0 "$CAPBOX" mktemp -d -p d
	run -0 stat -c %a "$output"
	expect_output 700
}

@test "mktemp: enters capability mode" {
	entered mktemp -p . xXXXXXX
}
