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
}
