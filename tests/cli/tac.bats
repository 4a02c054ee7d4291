#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
bats_require_minimum_version 1.5.0
load differential

setup() {
	mkinputs
}

@test "tac: records match GNU" {
	for f in empty nonl nul long utf8 lines fields; do
		diff_run tac "$f"
		diff_run tac -b "$f"
		diff_run tac -s a "$f"
		diff_run tac -b -s a "$f"
		diff_run tac -s ab "$f"
	done
	diff_run tac nonl lines
	DIFF_STDIN=$T/lines diff_run tac
	DIFF_STDIN=$T/nonl diff_run tac - nonl
}

@test "tac: errors match GNU" {
	diff_run tac missing nonl
	diff_run tac dir
	diff_run tac -s '' nonl
	diff_run tac -x
}
