#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
# tests/cli/chmod.bats - capbox chmod against GNU chmod, escapes, fds
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
	expect_output 600
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
	expect_output 640
}

@test "chmod: enters capability mode" {
	touch f
	entered chmod 600 f
}
