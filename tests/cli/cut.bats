#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
bats_require_minimum_version 1.5.0
load differential

setup() {
	mkinputs
}

@test "cut: byte, character and field lists match GNU" {
	for o in "-b1" "-b2-4" "-b-3" "-b5-" "-c1,3,5" "-b1-2,2-3" \
	    "--complement -b2" "-f1" "-f2-" "-f1,3" "-s -f2" \
	    "-d: -f2" "-d' ' -f2" "--output-delimiter=XY -f1,2" \
	    "-b1,3 --output-delimiter=," "-z -f1"; do
		eval "diff_run cut $o fields nonl nul utf8 empty"
	done
	DIFF_STDIN=$T/fields diff_run cut -f2
	# The output delimiter goes between ranges, adjacent ones too; with
	# --complement, between the gaps.
	for o in "-b1,2" "-b1,3-6,7-" "-b3-4,1-2" "-b1-3,2-5" "-c1,2,3" \
	    "-b2-3,4-5 --complement" "-b1,3,5 --complement" \
	    "-b-2,4- --complement"; do
		eval "diff_run cut --output-delimiter='|' $o fields nonl nul"
	done
}

@test "cut: errors match GNU" {
	diff_run cut fields
	diff_run cut -f0 fields
	diff_run cut -c0 fields
	diff_run cut -c3-1 fields
	diff_run cut -b- fields
	diff_run cut -d:: -f1 fields
	diff_run cut -d: -c1 fields
	diff_run cut -s -c1 fields
	diff_run cut -b1 -f1 fields
	diff_run cut -f1 missing fields
	diff_run cut -b1 dir
	diff_run cut -x
	# Names in messages quoted as GNU's quotef quotes them.
	diff_run cut -f1 a=b a:b : @x a]b x#y '#x' x~ '~x' '{' '{a' "a'=b" \
	    "x#'" "#'" "a'{" "a'@" "it's:x" 'a b' $'a\tb' ''
}
