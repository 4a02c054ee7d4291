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

@test "mv: rename, into a directory, -t, -v" {
	fixture 'echo a >a && echo b >b && echo c >c && mkdir d e'
	differ mv a x
	differ mv -v b d
	differ mv -t e c
	differ mv -v d e
}

@test "mv: same file, into itself, kinds that do not fit" {
	fixture 'touch f g && mkdir -p s/sub t'
	differ mv f f
	differ mv s s/sub
	differ mv s g
	differ mv g t/../s
	differ mv nope x
	differ mv f
	differ mv
}

@test "mv: -n keeps the destination" {
	fixture 'echo new >a && echo old >b'
	differ mv -n a b
	differ cat b
}

@test "mv: across file systems copies, then removes the source" {
	S=$(mktemp -d /var/tmp/cbfs.XXXXXX)
	[ "$(stat -c %d "$S")" != "$(stat -c %d "$T")" ] || {
		rmdir "$S"
		skip "/var/tmp is on the same file system as $T"
	}
	mkdir -p "$S/tree/sub" && echo data >"$S/tree/sub/f" &&
	    ln -s f "$S/tree/sub/l" && chmod 750 "$S/tree/sub" &&
	    touch -d @1234567890 "$S/tree/sub/f"
	run -0 "$CAPBOX" mv "$S/tree" moved
	[ ! -e "$S/tree" ]
	rmdir "$S"
	run -0 cat moved/sub/f
	assert_output data
	run -0 stat -c '%a %Y' moved/sub moved/sub/f
	assert_output "750 $(stat -c %Y moved/sub)
644 1234567890"
	[ "$(readlink moved/sub/l)" = f ]
}

@test "mv: enters capability mode" {
	touch a
	entered mv a b
	[ -e b ]
}
