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

@test "chmod: octal and symbolic modes" {
	fixture 'touch f g h && chmod 644 f g h && mkdir d && chmod 2755 d'
	differ chmod 600 f
	differ chmod -v u+x,g-r,o=u g
	differ chmod -c a-w h
	differ chmod -v 755 d
	differ chmod -v 0755 d
	differ chmod -v 00755 d
	differ chmod -v g+s,+t d
}

@test "chmod: mode-like options and the umask" {
	fixture 'touch f && chmod 666 f'
	(umask 022; differ chmod -w f)
	(umask 022; differ chmod +w f)
	differ chmod -x,u+x f
}

@test "chmod: -R changes a tree, not what symlinks point to" {
	fixture 'mkdir -p t/a && touch t/f t/a/g && ln -s ../f t/a/l && touch outside && chmod 600 outside && ln -s ../outside t/out'
	differ chmod -Rv 750 t
	run -0 stat -c %a c/outside
	assert_output 600
}

@test "chmod: errors" {
	fixture 'touch f && ln -s nowhere dl'
	differ chmod xyz f
	differ chmod 644
	differ chmod
	differ chmod 644 nope f
	differ chmod 644 dl
	differ chmod 8 f
}

@test "chmod: --reference" {
	fixture 'touch r f && chmod 741 r'
	differ chmod --reference=r f
	differ chmod --reference=nope f
}

@test "chmod: a symlink operand pointing outside its directory is followed" {
	mkdir d && touch target && chmod 600 target && ln -s ../target d/l
	run -0 "$CAPBOX" chmod 640 d/l
	run -0 stat -c %a target
	assert_output 640
}

@test "chmod: enters capability mode" {
	touch f
	entered chmod 600 f
}
