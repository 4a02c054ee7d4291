#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
bats_require_minimum_version 1.5.0
load differential

setup() {
	mkinputs
	ln -s nonl "$T/rel"
	ln -s "$T/nonl" "$T/abs"
	ln -s nowhere "$T/dangling"
	ln -s loop "$T/loop"
	ln -s dir "$T/dirlink"
	ln -s ../nonl "$T/dir/up"
	printf '#!/bin/sh\n' > "$T/script"
	chmod 755 "$T/script"
	: > "$T/suid" && chmod 4755 "$T/suid"
	: > "$T/sgid" && chmod 2755 "$T/sgid"
	mkdir "$T/sticky" && chmod 1777 "$T/sticky"
	: > "$T/ro" && chmod 444 "$T/ro"
	: > "$T/old" && touch -d '2001-01-01 00:00:00' "$T/old"
	: > "$T/new" && touch -d '2021-01-01 00:00:00' "$T/new"
	: > "$T/read" && touch -a -d '2001-01-01' "$T/read"
	ln "$T/nonl" "$T/hard"
	FILES="empty nonl nul dir fifo rel abs dangling loop dirlink dir/up
	    script suid sgid sticky ro old new read missing dir/missing
	    nonl/x /dev/null /dev/zero / /tmp /usr/bin/env . .. dir/
	    /dev/fd/0 /dev/fd/9 /dev/fd/x"
}

# bracket_run ARG...: "[" as GNU's and capbox's, compared like diff_run.
bracket_run() {
	local gs=0 cs=0
	(cd "$T" && exec /usr/bin/[ "$@") </dev/null >"$T/g.out" 2>"$T/g.err" || gs=$?
	(cd "$T" && exec "$CAPBOX" [ "$@") </dev/null >"$T/c.out" 2>"$T/c.err" || cs=$?
	sed -i 's|^/usr/bin/\[:|[:|' "$T/g.err"
	cmp -s "$T/g.out" "$T/c.out" && cmp -s "$T/g.err" "$T/c.err" &&
	    [ "$gs" = "$cs" ] && return 0
	echo "# [ $* differs: GNU $gs, capbox $cs"
	diff "$T/g.err" "$T/c.err"
	return 1
}

@test "test: file operators match GNU" {
	local o f
	for o in -e -f -d -r -w -x -s -L -h -p -S -b -c -N -O -G -u -g -k; do
		for f in $FILES; do
			diff_run test "$o" "$f"
		done
		diff_run test "$o" ""
	done
	DIFF_STDIN=$T/nonl diff_run test -f /dev/fd/0 -a -s /dev/fd/0 -a -r /dev/fd/0
}

@test "test: file operators as an unprivileged user match GNU" {
	mk_unreadable
	chmod 000 "$T/unreadable"
	local o
	for o in -e -f -r -w -x -s -O -G; do
		for f in unreadable nonl ro script dir sticky /etc/shadow /root; do
			diff_run_nobody test "$o" "$f"
		done
	done
}

@test "test: file comparisons match GNU" {
	local a b
	for a in old new nonl hard rel abs missing dir dangling; do
		for b in old new nonl hard rel missing dir; do
			diff_run test "$a" -nt "$b"
			diff_run test "$a" -ot "$b"
			diff_run test "$a" -ef "$b"
		done
	done
}

@test "test: strings and integers match GNU" {
	local e
	while IFS= read -r e; do
		eval "diff_run test $e"
	done <<'LIST'

''
x
-n
-z
!
'!' '!'
-n x
-n ''
-z x
-z ''
a = a
a = b
a == a
a != b
a != a
'' = ''
= = =
'!' = '!'
'(' = '('
-n = -n
x = x = x
1 -eq 1
1 -eq 2
1 -ne 2
-1 -lt 2
2 -le 2
3 -gt 2
2 -ge 3
' 12 ' -eq 12
+5 -eq 5
0 -eq -0
007 -eq 7
99999999999999999999999 -gt 1
-99999999999999999999999 -lt 99999999999999999999
123456789012345678901234567890 -eq 123456789012345678901234567890
-l abc -eq 3
-l a -gt -l bc
a -eq -l bb
-l '' -eq 0
2 -ge 2 -a 3 -le 2
1 -eq 1 -o 2 -eq x
a = b -o c
'(' a = a ')' -a ! -z x
! '(' x ')'
'(' '(' x ')' ')'
'(' -n x ')'
! ! x
! -e missing
-e missing -o -d dir
-e missing -a -d dir
'(' -e nonl ')' -a '(' ! -e missing ')'
-t 0
-t 1
-t 99999999999999999999
-t 2147483648
LIST
}

@test "test: syntax errors match GNU" {
	local e
	while IFS= read -r e; do
		eval "diff_run test $e"
	done <<'LIST'
-a /
-o /
-a
-f x ]
1 -lt
'(' 1
'(' 1 2 3 4
'(' ')'
'(' x
x -a '(' y
1 -eq x
'' -eq 0
x -nt -l a
-l a -ef b
a '<' b
a '>' b
a -x b
-q x
1 -a
-t x
-t
a b c d e
a = b c
"it's" -eq 1
x -a
! -e
-e
-f
--help
--version
-- x
LIST
}

@test "test: [ requires its closing ] and matches GNU" {
	bracket_run
	bracket_run ']'
	bracket_run 1 = 1 ']'
	bracket_run 1 = 2 ']'
	bracket_run 1 =
	bracket_run -f x
	bracket_run '(' ']'
	bracket_run -e missing ']'
	bracket_run -d dir -a -f nonl ']'
	bracket_run --help ']'
	bracket_run ']' ']'
	run -0 "$CAPBOX" [ --help
	[[ ${lines[0]} == "usage: test"* ]]
	run -0 "$CAPBOX" [ --version
	[[ $output == "[ (capbox) "* ]]
	# POSIX: test --help and --version are strings, true and silent.
	run -0 "$CAPBOX" test --help
	[ -z "$output" ]
	run -0 "$CAPBOX" test --version
	[ -z "$output" ]
}

@test "test: file tests run in capability mode, on descriptors held before" {
	command -v strace >/dev/null || skip "strace is not installed"
	CAPMODE_TRACE_FD=9 run -0 strace -f -qq -o "$T/strace" \
	    -e trace=seccomp,newfstatat,faccessat2 \
	    "$CAPBOX" test -f "$T/nonl" -a -r "$T/nonl" -a -h "$T/rel" 9>"$T/trace"
	grep -q '^capmode: entered' "$T/trace"
	# Every look at the operands after cap_enter goes through a descriptor
	# (AT_EMPTY_PATH, or a name beneath its directory), never by path.
	sed -n '/SECCOMP_SET_MODE_FILTER/,$p' "$T/strace" > "$T/after"
	grep -qE 'faccessat2\([0-9]+, "nonl", R_OK' "$T/after"
	! grep -E "$T" "$T/after"
}
