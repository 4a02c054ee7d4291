#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
bats_require_minimum_version 1.5.0
load differential

setup() {
	mkinputs
}

@test "wc: counts match GNU on awkward inputs" {
	for f in empty nonl nul long utf8 lines bin fields; do
		diff_run wc "$f"
		diff_run wc -l "$f"
		diff_run wc -w "$f"
		diff_run wc -c "$f"
		diff_run wc -m "$f"
		diff_run wc -L "$f"
		diff_run wc -lwmcL "$f"
	done
	diff_run wc empty nonl nul long utf8 lines bin
	DIFF_STDIN=$T/lines diff_run wc
	DIFF_STDIN=$T/lines diff_run wc -l
	DIFF_STDIN=$T/lines diff_run wc lines -
}

@test "wc: UTF-8 characters, words and widths match GNU" {
	LC_ALL=C.UTF-8 diff_run wc -m utf8 nul
	LC_ALL=C.UTF-8 diff_run wc -w utf8 nul
	LC_ALL=C.UTF-8 diff_run wc -L utf8
	LC_ALL=C.UTF-8 diff_run wc utf8
}

@test "wc: errors match GNU" {
	diff_run wc missing nonl
	diff_run wc dir
	diff_run wc -x
	diff_run wc --bytes=3
}

@test "wc: --files0-from is refused, not ignored" {
	run -1 --separate-stderr "$CAPBOX" wc --files0-from=x
	assert_equal "${stderr%%$'\n'*}" "wc: option '--files0-from' is not supported"
}

@test "wc: line count of a large file with lines across buffer ends" {
	head -c 3000000 /dev/urandom | od -An -tx1 > "$T/big"
	run -0 "$CAPBOX" wc -l "$T/big"
	assert_output "$(wc -l < "$T/big") $T/big"
}

@test "wc: an unreadable file as an unprivileged user matches GNU" {
	mk_unreadable
	diff_run_nobody wc unreadable nonl
}
