#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# tests/cli/helpers/confined-first.bash - does every applet enter
# capability mode before it touches the data of its operands?
#
#   bash confined-first.bash DIR     (CAPBOX: the binary under test)
#
# DIR holds what confinement.bats' setup makes (in, tree/, f, link...).
# Each applet of `capbox --list` runs under strace with its operand given
# as /dev/fd/3 (or a scratch tree for the filesystem applets).  The proof
# is the order of system calls: seccomp(SECCOMP_SET_MODE_FILTER) and the
# library's "capmode: entered" report on CAPMODE_TRACE_FD come before the
# first read of the operand descriptor (or the first directory listing,
# unlink, write of output...).  Prints what went wrong and
# "# not confined first: NAMES", exit 1, if an applet fails.
#
# A script of its own: inside a bats test every simple command is traced
# (bats' DEBUG trap), and the log is searched here with the shell's own
# pattern matching, line by line, instead of a grep pipeline per question.
T=$1
export LC_ALL=C

# What counts as touching data, for readers of fd 3.
# strace -y shows each descriptor as N<path>.
FD='(<[^>]*>)?'
READ3="(read|pread64|readv|preadv|preadv2|splice|copy_file_range)\\(3$FD,|sendfile\\([0-9]+$FD, 3$FD,|mmap\\(.*, 3$FD, "
OUT1="write\\(1$FD,|writev\\(1$FD,"
FSDATA='syscall_0x1c4\(|getdents64\(|unlinkat\(|mkdirat\(|renameat2?\(|linkat\(|symlinkat\(|fchmodat\(|fchmod\(|utimensat\(|ftruncate\(|fallocate\(|readlinkat\(|statfs\(|fstatfs\('

# how APPLET: sets MODE (which regex is data) and ARGS.
how() {
	local h
	case $1 in
	true | false) h="none" ;;
	sleep) h="none 0" ;;
	test | "[") h="none -f /dev/fd/3 ]" ;;
	echo) h="out hello" ;;
	yes) h="out" ;;
	seq) h="out 3" ;;
	printf) h="out %s\\n x" ;;
	basename | dirname) h="out /a/b" ;;
	tr) h="stdin a b" ;;
	tee) h="stdin $T/teeout" ;;
	md5sum | sha1sum | sha256sum | sha512sum) h="read /dev/fd/3" ;;
	# cmp: another file, or GNU's same-file shortcut reads nothing.
	cmp) h="read /dev/fd/3 $T/sums" ;;
	comm) h="read /dev/fd/3 $T/in" ;;
	paste | join) h="read /dev/fd/3 $T/in" ;;
	split) h="read /dev/fd/3 $T/splitout" ;;
	uniq) h="read /dev/fd/3" ;;
	cut) h="read -f1 /dev/fd/3" ;;
	sort) h="read /dev/fd/3" ;;
	ls) h="fs $T/tree" ;;
	du) h="fs $T/tree" ;;
	df) h="fs $T" ;;
	stat) h="fs $T/f" ;;
	cp) h="fs -r $T/tree $T/tree2" ;;
	mv) h="fs $T/f2 $T/f2moved" ;;
	rm) h="fs -r $T/tree" ;;
	rmdir) h="fs $T/emptydir" ;;
	mkdir) h="fs $T/newdir" ;;
	ln) h="fs -s f $T/newlink" ;;
	touch) h="fs $T/f3" ;;
	chmod) h="fs 600 $T/f3" ;;
	readlink) h="fs $T/link" ;;
	realpath) h="fs $T/f" ;;
	truncate) h="fs -s 0 $T/f3" ;;
	mktemp) h="out -p $T" ;;
	*) h="read /dev/fd/3" ;;
	esac
	read -r MODE ARGS <<<"$h"
}

# first REGEX: in FIRST, the line number of the first strace line that
# matches, or 999999.  The library's own look at /proc (threads,
# descriptors) is not operand data.
first() {
	local i
	FIRST=999999
	for ((i = 0; i < ${#LOG[@]}; i++)); do
		if [[ ${LOG[i]} =~ $1 && ${LOG[i]} != *'</proc/'* ]]; then
			FIRST=$((i + 1))
			return
		fi
	done
}

# trace APPLET ARGS...: run it under strace, the log in $T/strace.
trace() {
	CAPMODE_TRACE_FD=9 timeout 20 strace -f -qq -y -o "$T/strace" \
	    -e trace=seccomp,landlock_restrict_self,read,pread64,readv,preadv,preadv2,write,writev,splice,sendfile,copy_file_range,mmap,getdents64,unlinkat,mkdirat,renameat,renameat2,linkat,symlinkat,fchmodat,fchmod,utimensat,ftruncate,fallocate,readlinkat,statfs,fstatfs \
	    "$CAPBOX" "$@" 3<"$T/in" 9>"$T/trace" <"$T/in" 2>"$T/err"
}

check_applet() {
	local app=$1 enter report data i line report_line fsre inre
	how "$app"
	if [ "$app" = yes ]; then
		# yes never ends by itself: a reader that goes away ends it.
		trace "$app" $ARGS | head -c 65536 >"$T/out" || true
	else
		# shellcheck disable=SC2086
		trace "$app" $ARGS >"$T/out" || true
	fi
	IFS= read -r -d '' report_line <"$T/trace" || true
	if [[ $'\n'$report_line != *$'\n''capmode: entered'* ]]; then
		echo "# $app: no 'capmode: entered' report; stderr:"
		cat "$T/err"
		return 1
	fi
	mapfile -t LOG <"$T/strace"
	first 'seccomp\(SECCOMP_SET_MODE_FILTER.*= 0'
	enter=$FIRST
	first "write\\(9$FD, \"capmode: entered"
	report=$FIRST
	if [ "$enter" = 999999 ] || [ "$report" -lt "$enter" ]; then
		echo "# $app: no seccomp filter before the report"
		return 1
	fi
	case $MODE in
	none) return 0 ;;
	read) first "$READ3"; data=$FIRST ;;
	out) first "$OUT1"; data=$FIRST ;;
	stdin) first "read\\(0$FD,"; data=$FIRST ;;
	# Unknown to strace (fchmodat2) shows raw: no path to match, kept.
	fs)
		data=999999 fsre="$FSDATA|$OUT1" inre="$T|syscall_0x"
		for ((i = 0; i < ${#LOG[@]}; i++)); do
			line=${LOG[i]}
			if [[ $line =~ $fsre && $line =~ $inre ]]; then
				data=$((i + 1))
				break
			fi
		done ;;
	esac
	if [ "$data" = 999999 ]; then
		echo "# $app ($MODE): no data access seen; is the invocation right?"
		head -50 "$T/strace"
		return 1
	fi
	if [ "$data" -le "$report" ]; then
		echo "# $app: data touched at strace line $data, before capability mode (line $report)"
		sed -n "1,${report}p" "$T/strace" | grep -nE "$READ3|$OUT1|$FSDATA" | head
		return 1
	fi
}

failed=
for app in $("$CAPBOX" --list); do
	check_applet "$app" || failed="$failed $app"
done
[ -z "$failed" ] || { echo "# not confined first:$failed"; exit 1; }
