#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
bats_require_minimum_version 1.5.0
load differential

setup() {
	mkinputs
}

@test "basename and dirname: match GNU" {
	for n in /a/b/c.txt a// / // "" . .. a/b/ ///x//y// noslash; do
		diff_run basename "$n"
		diff_run dirname "$n"
	done
	diff_run basename /a/b/c.txt .txt
	diff_run basename .txt .txt
	diff_run basename -a /x/ y/z
	diff_run basename -s .c a.c b.c d.h
	diff_run basename -z /a/b
	diff_run dirname -z /a/b c/d
	diff_run dirname a b c
}

@test "basename and dirname: errors match GNU" {
	diff_run basename
	diff_run basename a b c
	diff_run basename -x
	diff_run dirname
	diff_run dirname -x
}
