#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
bats_require_minimum_version 1.5.0
bats_load_library bats-support
bats_load_library bats-assert

: "${CAPBOX:=$BATS_TEST_DIRNAME/../../build/capbox}"

setup() {
	export LC_ALL=C TZ=UTC
	T=$(mktemp -d /dev/shm/cbfs.XXXXXX)
	cd "$T" || return 1
}

teardown() {
	cd / && chmod -R u+rwx "$T" 2>/dev/null
	rm -rf "$T"
}

# fixture CMD...: build the same files in g/ (for GNU) and c/ (for capbox).
fixture() {
	mkdir -p g c
	(cd g && eval "$*") && (cd c && eval "$*")
}

# tree DIR: what a directory holds, for comparing two trees.
tree() {
	(cd "$1" && find . -printf '%p %y %m %s %l %n\n' | sort)
}

# differ APPLET ARGS...: run GNU's applet in g/ and capbox's in c/ with the
# same arguments; stdout, stderr, exit status and the trees left behind
# must be the same.  GNU runs with argv[0] = APPLET, so messages match.
differ() {
	local a=$1
	shift
	local rg=0 rc=0
	(cd g && exec -a "$a" "/usr/bin/$a" "$@") <&- >g.out 2>g.err || rg=$?
	(cd c && exec "$CAPBOX" "$a" "$@") <&- >c.out 2>c.err || rc=$?
	echo "$rg" >g.rc
	echo "$rc" >c.rc
	sed -i "s|$T/[gc]|$T/X|g" g.out c.out g.err c.err
	diff -u g.out c.out && diff -u g.err c.err && diff -u g.rc c.rc &&
	    diff -u <(tree g) <(tree c)
}

# entered APPLET ARGS...: capbox's applet runs and enters capability mode.
entered() {
	local a=$1
	shift
	CAPMODE_TRACE_FD=9 "$CAPBOX" "$a" "$@" 9>trace.out
	grep -q '^capmode: entered' trace.out
}

# mktemp's names are random: compare everything but the X's.
mkt() {
	local a rg=0 rc=0
	(cd g && exec -a mktemp /usr/bin/mktemp "$@") >g.out 2>g.err || rg=$?
	(cd c && exec "$CAPBOX" mktemp "$@") >c.out 2>c.err || rc=$?
	echo "$rg" >g.rc
	echo "$rc" >c.rc
	for a in g c; do
		sed -E 's/[A-Za-z0-9]{3,}$/N/; s/\.[A-Za-z0-9]{10}/.N/' $a.out >$a.norm
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
	run -0 bash -c "ls c | wc -l"
	assert_output 4
	run -0 stat -c %a c/d*
	assert_output 700
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
	assert_output 600
}

@test "mktemp: enters capability mode" {
	entered mktemp -p . xXXXXXX
}
