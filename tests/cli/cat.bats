#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
bats_require_minimum_version 1.5.0
load differential

setup() {
	mkinputs
}

@test "cat: awkward inputs match GNU" {
	for f in empty nonl nul long utf8 lines bin; do
		diff_run cat "$f"
	done
	diff_run cat empty nonl nul long utf8 lines
}

@test "cat: formatting options match GNU" {
	for o in -n -b -s -E -T -v -A -e -t -vET -ns -bn; do
		diff_run cat $o nonl nul utf8 fields
	done
	printf 'a\n\n\n\nb\n\n' > "$T/blank"
	diff_run cat -s blank
	diff_run cat -bs blank nonl
}

@test "cat: stdin, - and errors match GNU" {
	DIFF_STDIN=$T/lines diff_run cat
	DIFF_STDIN=$T/lines diff_run cat nonl - nonl
	diff_run cat missing nonl
	diff_run cat dir nonl
	diff_run cat -x
	diff_run cat --number=3
	diff_run cat --show
	diff_run cat --bogus
}

@test "cat: an unreadable file as an unprivileged user matches GNU" {
	mk_unreadable
	diff_run_nobody cat nonl unreadable nonl
}

@test "cat: /dev/fd/N reads the inherited descriptor" {
	run -0 --separate-stderr "$CAPBOX" cat /dev/fd/3 3<"$T/nonl"
	assert_output "$(cat "$T/nonl")"
	run -1 --separate-stderr "$CAPBOX" cat /dev/fd/7
	assert_equal "$stderr" "cat: /dev/fd/7: Bad file descriptor"
}

@test "cat: a fifo is read like a pipe" {
	[ -p "$T/fifo" ] || skip "mkfifo failed"
	printf 'through the fifo\n' > "$T/fifo" &
	run -0 "$CAPBOX" cat "$T/fifo"
	wait
	assert_output "through the fifo"
}

@test "cat: input file is output file is refused" {
	cp "$T/nonl" "$T/self"
	run -1 --separate-stderr bash -c '"$CAPBOX" cat "$1" >> "$1"' _ "$T/self"
	assert_equal "$stderr" "cat: $T/self: input file is output file"
	assert_equal "$(cat "$T/self")" "$(cat "$T/nonl")"
}

@test "cat: --cwd-fd resolves beneath the directory, .. is refused" {
	mkdir -p "$T/jail/sub"
	echo inside > "$T/jail/sub/f"
	run -0 "$CAPBOX" cat --cwd-fd=5 sub/f 5<"$T/jail"
	assert_output inside
	run -1 --separate-stderr "$CAPBOX" cat --cwd-fd=5 ../nonl 5<"$T/jail"
	assert_equal "$stderr" "cat: ../nonl: Capabilities insufficient"
}

@test "cat: --root-fd makes / the directory" {
	mkdir -p "$T/root/etc"
	echo jailed > "$T/root/etc/hostname"
	run -0 "$CAPBOX" cat --root-fd=5 /etc/hostname 5<"$T/root"
	assert_output jailed
	run -0 "$CAPBOX" cat --root-fd=5 /../../etc/hostname 5<"$T/root"
	assert_output jailed
	run -1 "$CAPBOX" cat --root-fd=9 /etc/hostname
	assert_output --partial "Bad file descriptor"
}

@test "cat: a write error is reported and fails" {
	[ -w /dev/full ] || skip "no /dev/full"
	run -1 --separate-stderr bash -c '"$CAPBOX" cat "$1" > /dev/full' _ "$T/lines"
	assert_equal "$stderr" "cat: write error: No space left on device"
	run -1 --separate-stderr bash -c '"$CAPBOX" cat -n "$1" > /dev/full' _ "$T/lines"
	assert_equal "$stderr" "cat: write error: No space left on device"
}

@test "cat: a closed pipe ends cat (SIGPIPE or EPIPE)" {
	run bash -c 'set -o pipefail; "$CAPBOX" cat "$1" "$1" "$1" | head -c 10 >/dev/null' _ "$T/bin"
	[ "$status" -ne 0 ]
}

@test "cat: copies a large file exactly (zero-copy paths)" {
	head -c 5000000 /dev/urandom > "$T/big"
	"$CAPBOX" cat "$T/big" > "$T/copy"
	cmp "$T/big" "$T/copy"
	"$CAPBOX" cat "$T/big" | "$CAPBOX" cat > "$T/copy2"
	cmp "$T/big" "$T/copy2"
	"$CAPBOX" cat < "$T/big" | cat > "$T/copy3"
	cmp "$T/big" "$T/copy3"
}
