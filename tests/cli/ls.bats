#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
# tests/cli/ls.bats - capbox ls against GNU ls, escapes, fds
bats_require_minimum_version 1.5.0

# What helpers/common sets up, without loading the assertion libraries:
# sourcing them costs more than most of these tests, once per test.
: "${CAPBOX:=$BATS_TEST_DIRNAME/../../build/capbox}"
export CAPBOX LC_ALL=C TZ=UTC
# Processes in capability mode cannot run LeakSanitizer (it needs ptrace).
export ASAN_OPTIONS=detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}

# expect_output TEXT: $output (from run) is TEXT.
expect_output() {
	[ "$output" = "$1" ] && return 0
	printf 'expected: %s\nactual:   %s\n' "$1" "$output"
	return 1
}

# expect_equal ACTUAL EXPECTED
expect_equal() {
	[ "$1" = "$2" ] && return 0
	printf 'expected: %s\nactual:   %s\n' "$2" "$1"
	return 1
}

# The filesystem applets change trees: each test gets two scratch trees,
# g/ for GNU and c/ for capbox, in tmpfs (fast to create and remove).
setup() {
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

# tree DIR: what a directory holds (names, types, modes, links, sizes,
# link targets; no times), for comparing two trees.  One process.
tree() {
	cd "$1" && /usr/bin/ls -lnAR --time-style=+ . && cd ..
}

# slurp FILE: the file's text in $REPLY, with the two scratch trees' names
# made one ($T/g and $T/c both read $T/X); bash builtins only, no fork.
slurp() {
	REPLY=
	IFS= read -r -d '' REPLY <"$1" || true
	REPLY=${REPLY//"$T"\/[gc]/"$T"/X}
}

# differ APPLET ARGS...: run GNU's applet in g/ and capbox's in c/ with the
# same arguments; stdout, stderr, exit status and the trees left behind
# must be the same.  GNU runs with argv[0] = APPLET, so messages match.
differ() {
	local a=$1 rg=0 rc=0 f g c
	shift
	(cd g && exec -a "$a" "/usr/bin/$a" "$@") </dev/null >g.out 2>g.err ||
	    rg=$?
	(cd c && exec "$CAPBOX" "$a" "$@") </dev/null >c.out 2>c.err || rc=$?
	echo "$rg" >g.rc
	echo "$rc" >c.rc
	tree g >g.tree
	tree c >c.tree
	for f in out err rc tree; do
		slurp "g.$f"
		g=$REPLY
		slurp "c.$f"
		c=$REPLY
		if [ "$g" != "$c" ]; then
			echo "$a $*: $f differs (GNU first)"
			diff -u "g.$f" "c.$f"
			return 1
		fi
	done
}

# same APPLET ARGS...: like differ, for commands that only look: both run
# in g/, on the very same files (inode numbers and times included).
same() {
	local a=$1 rg=0 rc=0 f g c
	shift
	(cd g && exec -a "$a" "/usr/bin/$a" "$@") </dev/null >g.out 2>g.err ||
	    rg=$?
	(cd g && exec "$CAPBOX" "$a" "$@") </dev/null >c.out 2>c.err || rc=$?
	echo "$rg" >g.rc
	echo "$rc" >c.rc
	for f in out err rc; do
		slurp "g.$f"
		g=$REPLY
		slurp "c.$f"
		c=$REPLY
		if [ "$g" != "$c" ]; then
			echo "$a $*: $f differs (GNU first)"
			diff -u "g.$f" "c.$f"
			return 1
		fi
	done
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
	same ls
	same ls a
	same ls -a a
	same ls -A a
	same ls -r a
	same ls -d a a/f
	same ls -R
	same ls -R a/
	same ls -R .
	same ls a a/sub
	same ls -1 --color=never a
}

@test "ls: -l is byte for byte GNU's" {
	mkls
	same ls -l a
	same ls -la a
	same ls -lR
	same ls -laR a
	same ls -ln a
	same ls -lg a
	same ls -lo a
	same ls -lG a
	same ls -lh a
	same ls -l a /dev/null
	same ls -ld a/l a/abs a
	same ls -l --full-time a/f
	same ls -l /dev
	same ls -la /etc/ssl
}

@test "ls: -t -S -U -c -u -r" {
	mkls
	same ls -lt a
	same ls -ltr a
	same ls -lS a
	same ls -Sr a
	same ls -lu a
	same ls -c a
	same ls -U a
}

@test "ls: -i -s -F -p" {
	mkls
	same ls -i1 a
	same ls -s a
	same ls -sh a
	same ls -ls a
	same ls -lai a
	same ls -F a
	same ls -p a
	same ls -F a/l
}

@test "ls: errors" {
	mkls
	same ls nope a/f
	same ls --bogus
	run -2 --separate-stderr "$CAPBOX" ls -C a
	expect_equal "$stderr" "ls: option '-C' is not supported
Try 'ls --help' for more information."
}

@test "ls: unreadable directory as an unprivileged user" {
	command -v setpriv >/dev/null || skip "setpriv missing"
	fixture 'mkdir -p d/locked d/open && touch d/open/f && chmod 000 d/locked'
	chmod 755 . g c
	run setpriv --reuid=65534 --regid=65534 --clear-groups \
	    bash -c "cd g && (exec -a ls /usr/bin/ls -R d) 2>&1; echo \$?"
	gnu=$output
	run setpriv --reuid=65534 --regid=65534 --clear-groups \
	    bash -c "cd c && '$CAPBOX' ls -R d 2>&1; echo \$?"
	expect_equal "$output" "$gnu"
}

@test "ls: /dev/fd/N and --root-fd list the directory held" {
	mkdir -p d/x && touch d/y
	run -0 "$CAPBOX" ls /dev/fd/3 3<d
	expect_output "x
y"
	run -0 "$CAPBOX" ls --root-fd=3 /../.. 3<d
	expect_output "x
y"
	run -0 "$CAPBOX" ls --cwd-fd=3 x 3<d
	expect_output ""
	run -2 --separate-stderr "$CAPBOX" ls --cwd-fd=3 .. 3<d
}

@test "ls -R: a symlink to a directory outside the tree is not entered" {
	mkdir -p t out/secret && ln -s ../out t/l
	run -0 "$CAPBOX" ls -R t
	[[ $output != *secret* ]]
}

@test "ls: enters capability mode" {
	entered ls
}
