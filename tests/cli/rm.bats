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

@test "rm: files, missing operands, -f" {
	fixture 'touch a b'
	differ rm a nope b
	differ rm -f nope
	differ rm
	differ rm -f
}

@test "rm: a directory needs -r or -d" {
	fixture 'mkdir -p d e/f'
	differ rm d
	differ rm -d e
	differ rm -d d
}

@test "rm: -r removes a tree, -v says what it removed" {
	fixture 'mkdir -p t/a/b t/c && touch t/a/b/f t/c/g t/h && ln -s h t/l'
	differ rm -rv t
}

@test "rm: refuses '.', '..' and '/'" {
	fixture 'mkdir -p d/e'
	differ rm -r .
	differ rm -r d/..
	differ rm -r /
	differ rm -rf d/.
}

@test "rm: unsupported and unknown options are errors" {
	fixture 'touch a'
	differ rm --bogus a
	differ rm -z a
}

@test "rm -r: a symlink to a directory outside the tree is removed, not followed" {
	mkdir -p out t && touch out/keep && ln -s ../out t/link && ln -s "$T/out" t/abs
	run -0 "$CAPBOX" rm -r t
	[ ! -e t ]
	[ -f out/keep ]
}

@test "rm: operands through --cwd-fd stay beneath it" {
	mkdir -p base/sub && touch base/sub/f secret
	run -1 --separate-stderr "$CAPBOX" rm --cwd-fd=3 ../secret 3<base
	[ -f secret ]
	run -0 "$CAPBOX" rm -r --cwd-fd=3 sub 3<base
	[ ! -e base/sub ]
}

@test "rm: a directory named /dev/fd/N is not removed by name" {
	mkdir d
	run -1 --separate-stderr "$CAPBOX" rm -r /dev/fd/3 3<d
	[ -d d ]
}

@test "rm: unreadable directory as an unprivileged user" {
	command -v setpriv >/dev/null || skip "setpriv missing"
	mkdir -p g/d/sub c/d/sub && touch g/d/sub/f c/d/sub/f
	chmod 555 g/d c/d
	chmod 777 . g c
	run setpriv --reuid=65534 --regid=65534 --clear-groups \
	    bash -c "cd g && exec -a rm /usr/bin/rm -rf d 2>&1; echo \$?"
	gnu=$output
	run setpriv --reuid=65534 --regid=65534 --clear-groups \
	    bash -c "cd c && '$CAPBOX' rm -rf d 2>&1; echo \$?"
	assert_equal "$output" "$gnu"
}

@test "rm: enters capability mode" {
	touch a
	entered rm a
	[ ! -e a ]
}
