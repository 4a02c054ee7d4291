#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
# tests/cli/df.bats - capbox df against GNU df, escapes, fds
bats_require_minimum_version 1.5.0

# Environment, fixtures and the GNU comparison: helpers/fs.bash.
load helpers/fs

# dfsame ARGS...: GNU's and capbox's df agree on everything but the
# usage numbers, which other processes may change between the two runs.
dfsame() {
	local rg=0 rc=0
	(exec -a df /usr/bin/df "$@") >g.out 2>&1 || rg=$?
	"$CAPBOX" df "$@" >c.out 2>&1 || rc=$?
	[ "$rg" = "$rc" ]
	diff -u <(awk '{ print NF, $1, $2, $NF, length($0) }' g.out) \
	    <(awk '{ print NF, $1, $2, $NF, length($0) }' c.out)
}

@test "df: file systems of operands" {
	dfsame / /proc
	dfsame -h /
	dfsame -T /dev/shm
	dfsame -i /
	dfsame -k -hT / /dev/shm
}

@test "df: errors and unsupported options" {
	dfsame nope
	run -1 --separate-stderr "$CAPBOX" df --output=source .
	expect_equal "$stderr" "df: option '--output' is not supported
Try 'df --help' for more information."
}

@test "df: /dev/fd/N" {
	run -0 "$CAPBOX" df /dev/fd/3 3</dev/shm
	[[ ${lines[1]} == *' /dev/shm' ]]
}

@test "df: enters capability mode" {
	entered df .
}
