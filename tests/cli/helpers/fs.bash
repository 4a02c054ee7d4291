# SPDX-License-Identifier: BSD-2-Clause
# tests/cli/helpers/fs.bash - shared set-up of the filesystem applet tests
#
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
