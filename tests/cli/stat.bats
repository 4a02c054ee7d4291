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

@test "stat: the default format" {
	fixture 'mkdir -p a && touch a/f && ln -s f a/l && mkfifo a/p && echo hi >"a/sp ace"'
	differ stat a/f a a/p "a/sp ace"
	differ stat /dev/null
	differ stat -L a/l
}

@test "stat: -c, --printf and -t" {
	fixture 'mkdir a && touch -d @1600000000 a/f && ln -s f a/l'
	differ stat -c '%N|%n|%F|%s|%h|%a|%A|%u|%U|%g|%G|%X|%Y' a/f a/l
	differ stat --printf='%s\n%U\t%a\\' a/f
	differ stat -c '%10s|%-5h|%.3Y|%.Y|%x|%y' a/f
	differ stat -c '%Hd %Ld %d %D %i %b %B %o %f %q %%' a a/f
	differ stat -c '%Hr,%Lr %t %T' /dev/null
	differ stat -t a/f
}

@test "stat: errors" {
	fixture ':'
	differ stat nope
	differ stat
	differ stat --bogus x
}

@test "stat: /dev/fd/N describes the descriptor" {
	printf abc >f
	run -0 "$CAPBOX" stat -c %s /dev/fd/3 3<f
	assert_output 3
}

@test "stat: enters capability mode" {
	touch f
	entered stat f
}
