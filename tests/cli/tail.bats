#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
bats_require_minimum_version 1.5.0
load differential

setup() {
	mkinputs
}

@test "tail: line and byte counts match GNU on files" {
	for f in empty nonl nul long utf8 lines bin; do
		diff_run tail "$f"
		diff_run tail -n 3 "$f"
		diff_run tail -c 7 "$f"
		diff_run tail -n +2 "$f"
		diff_run tail -c +5 "$f"
	done
	diff_run tail -n 0 lines
	diff_run tail -n 5000 lines
	diff_run tail -c 2k lines
	diff_run tail -5 lines
	diff_run tail +1990 lines
	diff_run tail -z -n 2 nul
}

@test "tail: pipes match GNU" {
	for f in empty nonl nul lines bin; do
		DIFF_STDIN=$T/$f diff_run tail -n 3
		DIFF_STDIN=$T/$f diff_run tail -c 9
		DIFF_STDIN=$T/$f diff_run tail -n +3
	done
}

@test "tail: headers and errors match GNU" {
	diff_run tail -n 2 nonl lines utf8
	diff_run tail -q -n 1 nonl lines
	diff_run tail -v nonl
	diff_run tail missing nonl
	diff_run tail dir
	diff_run tail -n x lines
	diff_run tail -x
}

@test "tail: --follow is refused, not ignored" {
	run -1 --separate-stderr "$CAPBOX" tail -f "$T/lines"
	assert_equal "$stderr" "$(printf "tail: option '--follow' is not supported\nTry 'tail --help' for more information.")"
}

@test "tail: an unreadable file as an unprivileged user matches GNU" {
	mk_unreadable
	diff_run_nobody tail unreadable nonl
}
