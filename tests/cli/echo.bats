#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
bats_require_minimum_version 1.5.0
load differential

setup() {
	mkinputs
}

@test "echo: output matches GNU" {
	diff_run echo
	diff_run echo hello world
	diff_run echo -n no newline
	diff_run echo -e 'a\tb\x41\0101\\\a\n'
	diff_run echo -ne 'x\cy'
	diff_run echo -E 'a\tb'
	diff_run echo -nx
	diff_run echo -- -n
	diff_run echo --help x
	diff_run echo -e '\x' '\0' '\400' '\e[0m'
}

@test "echo: a lone --help or --version is answered" {
	run -0 "$CAPBOX" echo --help
	assert_line --index 0 --regexp '^usage: echo'
	run -0 "$CAPBOX" echo --version
	assert_output --regexp '^echo \(capbox\)'
}
