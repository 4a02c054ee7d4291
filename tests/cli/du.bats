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

@test "du: sizes of trees, files and totals" {
	fixture 'mkdir -p a/b/c && head -c 10000 /dev/zero >a/f && ln a/f a/b/h && ln -s /etc a/l && head -c 5000 /dev/zero >a/b/c/g'
	differ du a
	differ du -a a
	differ du -s a
	differ du -sh a
	differ du -b a
	differ du -ab a
	differ du -c a a/b
	differ du --max-depth=1 a
	differ du -d 0 a
	differ du --apparent-size a
	differ du -ahc a/f a/b
	differ du -k -m a
	differ du --si a
	differ du -0 a
	differ du a/
	differ du
}

@test "du: errors" {
	fixture 'mkdir a'
	differ du -sk nope a
	differ du -d x a
	differ du --bogus
}

@test "du: a symlink out of the tree is counted as a link, never followed" {
	mkdir -p t big && head -c 1000000 /dev/zero >big/f && ln -s ../big t/l
	run -0 "$CAPBOX" du -s t
	[ "${output%%$'\t'*}" -lt 100 ]
}

@test "du: -H follows a command-line symlink (opened before capability mode)" {
	fixture 'mkdir -p t && head -c 100000 /dev/zero >t/f && ln -s t l'
	differ du -H l
	differ du -sL l
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
