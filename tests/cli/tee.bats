#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
bats_require_minimum_version 1.5.0
load differential

setup() {
	mkinputs
}

@test "tee: copies stdin to stdout and every file" {
	run -0 bash -c '"$CAPBOX" tee "$1/o1" "$1/o2" < "$1/bin" | cmp - "$1/bin"' _ "$T"
	cmp "$T/o1" "$T/bin"
	cmp "$T/o2" "$T/bin"
	"$CAPBOX" tee "$T/o4" < "$T/lines" > /dev/null
	run -0 bash -c 'echo more | "$CAPBOX" tee -a "$1/o4" > /dev/null' _ "$T"
	assert_equal "$(tail -n 1 "$T/o4")" more
	assert_equal "$(head -n 1 "$T/o4")" 1
}

@test "tee: a bad file is reported, the others still get the data" {
	run -1 --separate-stderr bash -c '"$CAPBOX" tee "$1/dir" "$1/o3" < "$1/nonl"' _ "$T"
	assert_equal "$stderr" "tee: $T/dir: Is a directory"
	assert_output "$(cat "$T/nonl")"
	cmp "$T/o3" "$T/nonl"
}

@test "tee: output and errors match GNU" {
	DIFF_STDIN=$T/lines diff_run tee
	DIFF_STDIN=$T/lines diff_run tee dir
	diff_run tee -x
}

@test "tee: writes to /dev/fd/N, an inherited descriptor" {
	run -0 bash -c 'echo fd | "$CAPBOX" tee /dev/fd/5 >/dev/null 5>"$1/o5"' _ "$T"
	assert_equal "$(cat "$T/o5")" fd
}
