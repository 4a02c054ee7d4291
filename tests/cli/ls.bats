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

mkls() {
	fixture 'mkdir -p a/sub/deep && touch a/f a/.hid && ln -s f a/l && ln -s /etc/passwd a/abs && mkfifo a/p && touch -d 2020-01-01 a/old && echo hello >a/sz && chmod 755 a/sz && ln a/f a/hard && touch -d "@$(( $(date +%s) + 86400 * 400 ))" a/future'
}

@test "ls: names, sorting, -a -A -d -R" {
	mkls
	differ ls
	differ ls a
	differ ls -a a
	differ ls -A a
	differ ls -r a
	differ ls -d a a/f
	differ ls -R
	differ ls -R a/
	differ ls -R .
	differ ls a a/sub
	differ ls -1 --color=never a
}

@test "ls: -l is byte for byte GNU's" {
	mkls
	differ ls -l a
	differ ls -la a
	differ ls -lR
	differ ls -ln a
	differ ls -lg a
	differ ls -lo a
	differ ls -lG a
	differ ls -lh a
	differ ls -l a /dev/null
	differ ls -ld a/l a/abs a
	differ ls -l --full-time a/f
	differ ls -l /dev
	differ ls -la /
}

@test "ls: -t -S -U -c -u -r" {
	mkls
	differ ls -lt a
	differ ls -ltr a
	differ ls -lS a
	differ ls -Sr a
	differ ls -lu a
	differ ls -c a
	differ ls -U a
}

@test "ls: -i -s -F -p" {
	mkls
	differ ls -i1 a
	differ ls -s a
	differ ls -sh a
	differ ls -ls a
	differ ls -lai a
	differ ls -F a
	differ ls -p a
	differ ls -F a/l
}

@test "ls: errors" {
	mkls
	differ ls nope a/f
	differ ls --bogus
	run -2 --separate-stderr "$CAPBOX" ls -C a
	assert_equal "$stderr" "ls: option '-C' is not supported
Try 'ls --help' for more information."
}

@test "ls: unreadable directory as an unprivileged user" {
	command -v setpriv >/dev/null || skip "setpriv missing"
	fixture 'mkdir -p d/locked d/open && touch d/open/f && chmod 000 d/locked'
	chmod 755 . g c
	run setpriv --reuid=65534 --regid=65534 --clear-groups \
	    bash -c "cd g && exec -a ls /usr/bin/ls -R d 2>&1; echo \$?"
	gnu=$output
	run setpriv --reuid=65534 --regid=65534 --clear-groups \
	    bash -c "cd c && '$CAPBOX' ls -R d 2>&1; echo \$?"
	assert_equal "$output" "$gnu"
}

@test "ls: /dev/fd/N and --root-fd list the directory held" {
	mkdir -p d/x && touch d/y
	run -0 "$CAPBOX" ls /dev/fd/3 3<d
	assert_output "x
y"
	run -0 "$CAPBOX" ls --root-fd=3 /../.. 3<d
	assert_output "x
y"
	run -0 "$CAPBOX" ls --cwd-fd=3 x 3<d
	assert_output ""
	run -2 --separate-stderr "$CAPBOX" ls --cwd-fd=3 .. 3<d
}

@test "ls -R: a symlink to a directory outside the tree is not entered" {
	mkdir -p t out/secret && ln -s ../out t/l
	run -0 "$CAPBOX" ls -R t
	refute_output --partial secret
}

@test "ls: enters capability mode" {
	entered ls
}
