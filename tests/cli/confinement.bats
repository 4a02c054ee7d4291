#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
#
# confinement.bats - every applet enters capability mode before it touches
# the data of its operands.
#
# Each applet runs under strace with its operand given as /dev/fd/3 (or
# a scratch tree for the filesystem applets).  The proof is the order of
# system calls: seccomp(SECCOMP_SET_MODE_FILTER) and the library's
# "capmode: entered" report on CAPMODE_TRACE_FD come before the first
# read of the operand descriptor (or the first directory listing,
# unlink, write of output...).  The test iterates over `capbox --list`, so
# a new applet is covered as soon as it is built.
bats_require_minimum_version 1.5.0
load helpers/common

# What counts as touching data, for readers of fd 3.
# strace -y shows each descriptor as N<path>.
FD='(<[^>]*>)?'
READ3="(read|pread64|readv|preadv|preadv2|splice|copy_file_range)\\(3$FD,|sendfile\\([0-9]+$FD, 3$FD,|mmap\\(.*, 3$FD, "
OUT1="write\\(1$FD,|writev\\(1$FD,"
FSDATA='syscall_0x1c4\(|getdents64\(|unlinkat\(|mkdirat\(|renameat2?\(|linkat\(|symlinkat\(|fchmodat\(|fchmod\(|utimensat\(|ftruncate\(|fallocate\(|readlinkat\(|statfs\(|fstatfs\('

setup() {
	command -v strace >/dev/null || skip "strace is not installed"
	T=$BATS_TEST_TMPDIR
	seq 1 50 > "$T/in"
	mkdir -p "$T/tree/sub" "$T/emptydir"
	echo data > "$T/tree/sub/f"
	echo data > "$T/f"
	echo data > "$T/f2"
	echo data > "$T/f3"
	ln -sf f "$T/link"
	sha256sum "$T/in" | sed 's|  .*|  in|' > "$T/sums"
}

# how APPLET: prints "MODE ARGS" where MODE names the data regex.
how() {
	case $1 in
	true | false) echo "none" ;;
	sleep) echo "none 0" ;;
	test | "[") echo "none -f /dev/fd/3 ]" ;;
	echo | yes | seq | basename | dirname | printf)
		case $1 in
		echo) echo "out hello" ;;
		yes) echo "out" ;;
		seq) echo "out 3" ;;
		printf) echo "out %s\\n x" ;;
		*) echo "out /a/b" ;;
		esac ;;
	tee | tr)
		[ "$1" = tr ] && echo "stdin a b" || echo "stdin $T/teeout" ;;
	md5sum | sha1sum | sha256sum | sha512sum) echo "read /dev/fd/3" ;;
	# cmp: another file, or GNU's same-file shortcut reads nothing.
	cmp) echo "read /dev/fd/3 $T/sums" ;;
	comm) echo "read /dev/fd/3 $T/in" ;;
	paste | join) echo "read /dev/fd/3 $T/in" ;;
	split) echo "read /dev/fd/3 $T/splitout" ;;
	uniq) echo "read /dev/fd/3" ;;
	cut) echo "read -f1 /dev/fd/3" ;;
	sort) echo "read /dev/fd/3" ;;
	ls) echo "fs $T/tree" ;;
	du) echo "fs $T/tree" ;;
	df) echo "fs $T" ;;
	stat) echo "fs $T/f" ;;
	cp) echo "fs -r $T/tree $T/tree2" ;;
	mv) echo "fs $T/f2 $T/f2moved" ;;
	rm) echo "fs -r $T/tree" ;;
	rmdir) echo "fs $T/emptydir" ;;
	mkdir) echo "fs $T/newdir" ;;
	ln) echo "fs -s f $T/newlink" ;;
	touch) echo "fs $T/f3" ;;
	chmod) echo "fs 600 $T/f3" ;;
	readlink) echo "fs $T/link" ;;
	realpath) echo "fs $T/f" ;;
	truncate) echo "fs -s 0 $T/f3" ;;
	mktemp) echo "out -p $T" ;;
	*) echo "read /dev/fd/3" ;;
	esac
}

# first LINE-NUMBER of a regex in the strace log, or a large number.  The
# library's own look at /proc (threads, descriptors) is not operand data.
first() {
	local n
	n=$(grep -nE -- "$1" "$T/strace" | grep -v '</proc/' | head -n 1 |
	    cut -d: -f1)
	echo "${n:-999999}"
}

check_applet() {
	local app=$1 mode args enter report data
	read -r mode args <<<"$(how "$app")"
	# shellcheck disable=SC2086
	CAPMODE_TRACE_FD=9 timeout 20 strace -f -qq -y -o "$T/strace" \
	    -e trace=seccomp,landlock_restrict_self,read,pread64,readv,preadv,preadv2,write,writev,splice,sendfile,copy_file_range,mmap,getdents64,unlinkat,mkdirat,renameat,renameat2,linkat,symlinkat,fchmodat,fchmod,utimensat,ftruncate,fallocate,readlinkat,statfs,fstatfs \
	    "$CAPBOX" "$app" $args 3<"$T/in" 9>"$T/trace" <"$T/in" \
	    >"$T/out" 2>"$T/err" | head -c 0 || true
	if ! grep -q '^capmode: entered' "$T/trace"; then
		echo "# $app: no 'capmode: entered' report; stderr:"
		cat "$T/err"
		return 1
	fi
	enter=$(first 'seccomp\(SECCOMP_SET_MODE_FILTER.*= 0')
	report=$(first "write\\(9$FD, \"capmode: entered")
	if [ "$enter" = 999999 ] || [ "$report" -lt "$enter" ]; then
		echo "# $app: no seccomp filter before the report"
		return 1
	fi
	case $mode in
	none) return 0 ;;
	read) data=$(first "$READ3") ;;
	out) data=$(first "$OUT1") ;;
	stdin) data=$(first "read\\(0$FD,") ;;
	# Unknown to strace (fchmodat2) shows raw: no path to match, kept.
	fs) data=$(grep -nE -- "$FSDATA|$OUT1" "$T/strace" |
	    grep -E -- "$T|syscall_0x" |
	    head -n 1 | cut -d: -f1)
	    data=${data:-999999} ;;
	esac
	if [ "$data" = 999999 ]; then
		echo "# $app ($mode): no data access seen; is the invocation right?"
		head -50 "$T/strace"
		return 1
	fi
	if [ "$data" -le "$report" ]; then
		echo "# $app: data touched at strace line $data, before capability mode (line $report)"
		sed -n "1,${report}p" "$T/strace" | grep -nE "$READ3|$OUT1|$FSDATA" | head
		return 1
	fi
}

@test "confinement: every applet enters capability mode before touching data" {
	local app failed=""
	for app in $("$CAPBOX" --list); do
		check_applet "$app" || failed="$failed $app"
	done
	[ -z "$failed" ] || { echo "# not confined first:$failed"; return 1; }
}

@test "confinement: names in data cannot reach outside the held directory" {
	require_applet sha256sum
	# sha256sum -c opens the listed names after cap_enter, beneath ".".
	(cd "$T" && sha256sum in > tree/sums.ok && sed 's| in$| ../in|' tree/sums.ok > tree/sums.up)
	run -0 bash -c 'cd "$1/tree" && "$CAPBOX" sha256sum -c sums.up 2>&1 | grep -c "Capabilities insufficient"; exit 0' _ "$T"
	assert_output 1
	run -1 --separate-stderr bash -c 'cd "$1/tree" && "$CAPBOX" sha256sum -c sums.up' _ "$T"
	assert_output "../in: FAILED open or read"
}

@test "confinement: CAPMODE_STRICT=1 still runs where every guarantee holds" {
	require_applet cat
	run "$CAPBOX" cat /dev/fd/3 3<"$T/in"
	assert_success
	CAPMODE_STRICT=1 run "$CAPBOX" cat /dev/fd/3 3<"$T/in"
	# Strict mode either runs confined or refuses with a clear message.
	if [ "$status" -ne 0 ]; then
		assert_output --partial "cannot enter capability mode"
	else
		assert_output "$(cat "$T/in")"
	fi
}
