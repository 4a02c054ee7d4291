#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
bats_require_minimum_version 1.5.0
load differential

setup() {
	mkinputs
	head -c 64 /dev/zero > "$T/zeros"
	(head -c 64 /dev/zero; echo x) > "$T/zeros2"
	printf 'abcdefghijklmnopq' > "$T/abc"
	printf '\000\001\037 ~\177\200\201\237\240\377\n\t\r\b\a\f\v' > "$T/bytes"
}

@test "od: default and traditional formats match GNU" {
	for f in empty nonl nul utf8 lines bin abc bytes zeros zeros2; do
		diff_run od "$f"
	done
	for o in -a -b -c -d -f -i -l -o -s -x -B -D -e -F -H -h -I -L -O -X; do
		diff_run od "$o" nul abc bytes
	done
	diff_run od -a -b -c -d -f -i -l -o -s -x bin
	DIFF_STDIN=$T/bin diff_run od -c
	DIFF_STDIN=$T/nonl diff_run od - abc -
}

@test "od: -t types and sizes match GNU" {
	for t in a c d d1 d2 d4 d8 dC dS dI dL o o1 o2 o4 o8 u u1 u2 u4 u8 \
	    x x1 x2 x4 x8 xC xL f f4 f8 fF fD x1z cz az d2z "x1 c a" \
	    "d1 u1 o1 x1" "f4 x4" "f8 d8"; do
		eval "diff_run od -t $t abc bytes nonl"
	done
	for t in x1 d2 o4 u8 f4 f8 fD c; do
		diff_run od -t "$t" bin
	done
	diff_run od -t fL -t x1 abc lines
	diff_run od -t o1C -t x2S -t d4I -t u8L abc
	diff_run od --format=x4 --format=c abc
	diff_run od -tx1z -w4 nul
}

@test "od: addresses, skip, limit and width match GNU" {
	for a in d o x n; do
		diff_run od -A "$a" abc lines
		diff_run od -A "$a" -t x1z -w 5 bytes
	done
	diff_run od -Ad abc
	diff_run od -A dx abc
	for j in 0 1 3 16 17 100 0x10 010 1b 1K 1KB 1KiB; do
		diff_run od -j "$j" lines abc
	done
	for n in 0 1 3 16 17 0x11 1k; do
		diff_run od -N "$n" lines
		diff_run od -j 5 -N "$n" -t x1 abc bytes nonl
	done
	diff_run od --skip-bytes=3000 --read-bytes=100 lines
	diff_run od -j 99999 -N 10 long
	for w in 1 2 3 4 5 8 32 0; do
		diff_run od -w"$w" -t x1 abc bytes
	done
	diff_run od -w abc lines
	diff_run od --width=12 -t x4 lines
	diff_run od -w6 -t x2 -t x4 abc
	diff_run od --endian=big -t x2 -t x4 -t x8 -t f8 abc bytes
	diff_run od --endian=little -t x4 abc
	diff_run od --endian=l -t x4 abc
}

@test "od: duplicate suppression and many operands match GNU" {
	diff_run od zeros zeros2
	diff_run od -v zeros
	diff_run od -w32 zeros2
	diff_run od -w zeros
	diff_run od -t x1 zeros zeros zeros2 zeros
	diff_run od -c empty nonl empty abc empty nul utf8 fields
	diff_run od -t x1 lines lines lines
	diff_run od -A x -t x8 long
	DIFF_STDIN=$T/long diff_run od -A x -t x2
	# POSIX's offset operand, without modern options.
	diff_run od abc +1
	diff_run od abc +10.
	diff_run od abc 10
	diff_run od abc +0x3
	diff_run od abc +1b
	diff_run od -t x abc +1
	DIFF_STDIN=$T/abc diff_run od +2
}

@test "od: errors match GNU" {
	diff_run od missing
	diff_run od abc missing nonl
	diff_run od missing empty
	diff_run od dir
	diff_run od abc dir nonl
	diff_run od -j 100 abc
	diff_run od -j 17 abc
	diff_run od -j 18 abc nonl
	diff_run od -x
	diff_run od --foo abc
	diff_run od -t
	diff_run od -A
	diff_run od -A q abc
	for t in q f2 d3 d16 d0 f10 d99999999999999999999999 xz2 "" dQ; do
		diff_run od -t "$t" abc
	done
	for bad in x 1x -1 99999999999999999999 1Q; do
		diff_run od -j "$bad" abc
		diff_run od -N "$bad" abc
	done
	diff_run od --skip-bytes=1x abc
	diff_run od --read-bytes=x abc
	diff_run od -wx abc
	diff_run od -w-5 abc
	diff_run od --width=abc abc
	diff_run od -w99999999999999999999 abc
	diff_run od -j 1 -N 18446744073709551615 abc
	diff_run od --endian=x abc
	diff_run od --endian= abc
	# Type strings and --endian quoted as GNU's quote() does.
	diff_run od -tx3 -tu3\'2 "-tf3456"$'\001' -t$'\x9dx4' abc
	diff_run od --endian="it's" abc
	# Control characters in a name: one $'...' run each.
	diff_run od $'\x10\x09' $'a\x10\x09b\nc' $'\x01it\'s' $'a\x01\''
}

@test "od: unreadable files match GNU" {
	mk_unreadable
	diff_run_nobody od unreadable abc
	diff_run_nobody od -c abc unreadable
}

@test "od: -S and --strings match GNU" {
	printf 'hello\0ab\0wor\tld!!\0xyz\0\0\0abc' > "$T/strs"
	printf 'de\0fgh' > "$T/strs2"
	for a in "-S3 strs" "--strings strs" "--strings=2 strs strs2" \
	    "-S1 strs strs2" "-S0 strs" "-S3 -Ad strs" "-S3 -Ax strs strs2" \
	    "-S3 -An strs" "-S3 -j2 -N10 strs" "-S3 -N5 strs" "-S3 -N2 strs" \
	    "-S4 bin" "-S8 -Ax bin lines" "-S3 -w5 strs" "-S3 -tx1 strs" \
	    "-S3 -c strs" "-S x strs" "-S 1k strs" "-S 99999999999999999999 strs" \
	    "-S3 missing strs" "-S3 -j100 strs" "-S 0x2 strs" "-S 2b strs"; do
		eval "diff_run od $a"
	done
	DIFF_STDIN=$T/strs diff_run od -S2 -
}

@test "od: unsupported options say so" {
	for o in --traditional; do
		run -1 --separate-stderr "$CAPBOX" od "$o" "$T/abc"
		[[ $stderr == *"is not supported"* ]]
	done
}

@test "od: operands given as descriptors and beneath --cwd-fd" {
	run -0 "$CAPBOX" od -c /dev/fd/3 3<"$T/abc"
	[ "$output" = "$(cd "$T" && /usr/bin/od -c abc)" ]
	run -0 "$CAPBOX" od --cwd-fd=3 -c abc 3<"$T"
	[ "$output" = "$(cd "$T" && /usr/bin/od -c abc)" ]
	run -1 --separate-stderr "$CAPBOX" od --cwd-fd=3 ../abc 3<"$T/dir"
	[ "$stderr" = "od: ../abc: Capabilities insufficient" ]
}
