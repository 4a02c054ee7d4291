#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
bats_require_minimum_version 1.5.0
load differential

setup() {
	mkinputs
}

@test "true and false: exit statuses match GNU" {
	diff_run true
	diff_run true --bogus x
	diff_run false
	diff_run false --bogus
	run -0 "$CAPBOX" false --help
	assert_line --index 0 --regexp '^usage: false'
	run -0 "$CAPBOX" true --version
	assert_output --regexp '^true \(capbox\)'
}
