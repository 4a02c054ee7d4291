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
	assert_output 7
	run -0 bash -c "'$CAPBOX' touch -d @9 - >>f"
	run -0 stat -c %Y f
	assert_output 9
}

@test "touch: enters capability mode" {
	entered touch f
	[ -f f ]
}
