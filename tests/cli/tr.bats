#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
bats_require_minimum_version 1.5.0
load differential

setup() {
	mkinputs
}

@test "tr: translations match GNU" {
	for f in nonl nul utf8 bin fields; do
		DIFF_STDIN=$T/$f diff_run tr a-z A-Z
		DIFF_STDIN=$T/$f diff_run tr -d aeiou
		DIFF_STDIN=$T/$f diff_run tr -s 'a-z\n'
		DIFF_STDIN=$T/$f diff_run tr -cd '[:alnum:]\n'
		DIFF_STDIN=$T/$f diff_run tr '[:lower:]' '[:upper:]'
		DIFF_STDIN=$T/$f diff_run tr -c 'a-z\n' _
		DIFF_STDIN=$T/$f diff_run tr '\000-\377' x
	done
	DIFF_STDIN=$T/fields diff_run tr abc x
	DIFF_STDIN=$T/fields diff_run tr -t abc xy
	DIFF_STDIN=$T/fields diff_run tr -ds a-z x
	DIFF_STDIN=$T/fields diff_run tr a-z '[x*]'
	DIFF_STDIN=$T/fields diff_run tr a-c '[x*2]yz'
	DIFF_STDIN=$T/fields diff_run tr -s '[:space:]'
	DIFF_STDIN=$T/fields diff_run tr '\t' '\n'
	# A set ending in '[' (the next argument is not part of it).
	printf '[a]\n' > "$T/brackets"
	DIFF_STDIN=$T/brackets diff_run tr '[' '*]'
	DIFF_STDIN=$T/brackets diff_run tr 'a[' 'x['
}

@test "tr: errors match GNU" {
	diff_run tr
	diff_run tr abc
	diff_run tr -d a b
	diff_run tr -ds a
	diff_run tr a b c
	diff_run tr z-a x
	diff_run tr '[:foo:]' x
	diff_run tr -x a
	diff_run tr a ''
	diff_run tr a b "c'd"
	diff_run tr $'\x01'
}

@test "tr: [:class:], [=c=] and [c*n] read and checked as GNU does" {
	printf 'aaab[AB]xyz:=*\\ 0\n' > "$T/sets"
	export DIFF_STDIN=$T/sets
	# SET1 may repeat a character n times; [c*] is for SET2 only.
	diff_run tr '[a*3]' x
	diff_run tr '[a*]' x
	diff_run tr '[a*0]' x
	# A class or equivalence ends at the first ":]" or "=]".
	diff_run tr -d '[:di]::[gtigraph:]'
	diff_run tr -d '[::]'
	diff_run tr -d '[==]'
	diff_run tr -d '[=ab=]'
	diff_run tr '[:*3]' x
	diff_run tr '[=*3]' x
	# A repeat count is everything up to ']'.
	diff_run tr '[a*x]' y
	diff_run tr x '[a*2x]'
	diff_run tr '[a\*3]' x
	diff_run tr a '[b*1\]'
	diff_run tr -ds a '[b*]'
	# SET2 when translating: upper and lower only, aligned with SET1.
	for s in "a [=a=]" "ab [:digit:]" "a[:upper:] [:lower:]b" \
	    "[:upper:] a[:lower:]" "[:alpha:] [:upper:]" "a x[:upper:]" \
	    "[:upper:]a [:lower:]b" "x[:upper:] y[:lower:]" \
	    "[:lower:][:upper:] [:upper:][:lower:]" "abc [x*][:upper:]" \
	    "[:upper:][:lower:] [:lower:]" "-t [:lower:] x[:upper:]" \
	    "-c a [:upper:]" "-c [:alpha:] xy" "-c [:upper:][:lower:] x" \
	    "-ct a x[:upper:]"; do
		eval "diff_run tr $s"
	done
	# Escapes GNU warns about.
	diff_run tr '\4000' xy
	diff_run tr 'a\' xy
}
