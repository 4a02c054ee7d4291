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
	assert_output hello
}

@test "truncate: enters capability mode" {
	entered truncate -s 10 f
	[ "$(stat -c %s f)" = 10 ]
}
