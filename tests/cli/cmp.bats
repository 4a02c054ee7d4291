#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
bats_require_minimum_version 1.5.0
load differential

setup() {
	mkinputs
	printf 'abc\ndef\n' > "$T/a"
	printf 'abc\ndxf\nzz' > "$T/b"
	printf 'abc' > "$T/c"
	printf '\201\377\001' > "$T/h"
	printf 'aaa' > "$T/h2"
	sed 's/^1500$/1501/; s/^20$/2x/' "$T/lines" > "$T/lines2"
	cp "$T/lines" "$T/lines3" && echo more >> "$T/lines3"
	cp "$T/bin" "$T/bin2" && printf 'Z' | dd of="$T/bin2" bs=1 seek=200000 \
	    conv=notrunc status=none
}

@test "cmp: identical, different and shorter files match GNU" {
	for o in "" -b -l -lb -s --print-bytes --verbose --quiet --silent -c; do
		for p in "a b" "a c" "c a" "empty a" "a empty" "empty empty" \
		    "a a" "nonl nonl" "lines lines2" "lines lines3" \
		    "lines3 lines" "bin bin2" "h h2" "nul utf8" "long lines"; do
			eval "diff_run cmp $o $p"
		done
	done
	diff_run cmp -l bin bin2
	diff_run cmp -l lines lines3
	DIFF_STDIN=$T/a diff_run cmp a
	DIFF_STDIN=$T/a diff_run cmp a -
	DIFF_STDIN=$T/b diff_run cmp - a
	DIFF_STDIN=$T/b diff_run cmp - -
	DIFF_STDIN=$T/lines diff_run cmp -i 100 - lines2
}

@test "cmp: skips and limits match GNU" {
	for p in "-i 2 a b" "-i 1:2 a b" "a b 1 2" "a b 4" "-i 0x2 a b" \
	    "-i 010 lines lines2" "-i 1K a b" "-i 1K:2M a b" "a b 1K" "a b 1KB" \
	    "a b 1KiB" "-i 5 a b 1" "-n 2 a b" "-n 3 a b" "-n 6 a b" \
	    "-n 100 lines lines2" "--bytes=1kB lines lines2" \
	    "-i 10:20 lines lines2" "--ignore-initial=3 a b" \
	    "-l -n 5000 lines lines3" "-n 0 a b" "-i 8 a c" "-l -i 1 h h2"; do
		eval "diff_run cmp $p"
	done
}

@test "cmp: errors match GNU" {
	diff_run cmp
	diff_run cmp a missing
	diff_run cmp missing a
	diff_run cmp missing missing
	diff_run cmp -s missing a
	diff_run cmp dir a
	diff_run cmp a dir
	diff_run cmp -s dir a
	diff_run cmp dir dir
	diff_run cmp a b c d e
	diff_run cmp a b 0 0 x
	diff_run cmp a b x
	diff_run cmp a b 1x
	diff_run cmp a b -1
	diff_run cmp a b 1 x
	diff_run cmp -x a b
	diff_run cmp --foo a b
	diff_run cmp -l -s a b
	diff_run cmp -s -l a b
	diff_run cmp -n x a b
	diff_run cmp -n -1 a b
	diff_run cmp -n 99999999999999999999 a b
	diff_run cmp -i x a b
	diff_run cmp -i 1:x a b
	diff_run cmp -i 99999999999999999999 a b
	diff_run cmp --ignore-initial
}

@test "cmp: unreadable files match GNU" {
	mk_unreadable
	diff_run_nobody cmp unreadable a
	diff_run_nobody cmp a unreadable
	diff_run_nobody cmp -s a unreadable
}

@test "cmp: -v and --version" {
	run -0 "$CAPBOX" cmp -v
	[[ $output == "cmp (capbox) "* ]]
	run -0 "$CAPBOX" cmp --version
	[[ $output == "cmp (capbox) "* ]]
}

@test "cmp: operands given as descriptors and beneath --cwd-fd" {
	run -1 "$CAPBOX" cmp /dev/fd/3 /dev/fd/4 3<"$T/a" 4<"$T/b"
	[ "$output" = "/dev/fd/3 /dev/fd/4 differ: char 6, line 2" ]
	run -0 "$CAPBOX" cmp --cwd-fd=3 a /dev/fd/4 3<"$T" 4<"$T/a"
	run -2 --separate-stderr "$CAPBOX" cmp --cwd-fd=3 ../a a 3<"$T/dir"
	[ "$stderr" = "cmp: ../a: Capabilities insufficient" ]
}
