#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
bats_require_minimum_version 1.5.0
load differential

setup() {
	mkinputs
}

@test "seq: sequences match GNU" {
	for a in "5" "0" "-2 2" "1 0.5 3" "-w 8 10" "-s, 3" "1.5 3" "-w -1 1" \
	    "-w 1 0.5 10" "10 -3 1" "1e3 1e3" "0.1 0.1 0.5" "-f %03g 3" \
	    "-f %.2f 1 0.25 2" "-s '' 3" "3 1" "1 1 1" "-5 -1" \
	    "9223372036854775800 9223372036854775807"; do
		eval "diff_run seq $a"
	done
}

@test "seq: errors match GNU" {
	diff_run seq
	diff_run seq x
	diff_run seq 1 0 3
	diff_run seq 1 2 3 4
	diff_run seq -f %d 3
	diff_run seq -f %g%g 3
	diff_run seq -w -f %g 3
	# GNU's order: the format, -w with -f, the numbers from the first.
	for f in % %g% %.f%. abc %q %LLg; do
		diff_run seq -f "$f" 1
		diff_run seq -w -f "$f" x
	done
	diff_run seq -w -f %g 1 0 2
	diff_run seq nan
	diff_run seq - '' ''
	diff_run seq 1 x y
}

@test "seq: -0 and L in formats match GNU" {
	for a in "-0 0" "-0 1" "-0 2 4" "-w -0 1" "2. -0" "0 1 -0" \
	    "-f %Lg 1 2" "-f '%-5.2Lf|' 1" "-f \"%'.3Lf\" 2" "-f a%%b%Lgc%% 2"; do
		eval "diff_run seq $a"
	done
	diff_run seq -x
}

@test "seq: a write error ends even an endless sequence, as in GNU" {
	[ -w /dev/full ] || skip "no /dev/full"
	for a in "inf" "1 0.5 inf" "-f %g 1 1e30" "-s, 1 1e18"; do
		run -1 --separate-stderr timeout 10 bash -c \
		    "\"\$CAPBOX\" seq $a > /dev/full"
		assert_equal "$stderr" "seq: write error: No space left on device"
	done
}
