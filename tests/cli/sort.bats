#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
bats_require_minimum_version 1.5.0
load differential

setup() {
	mkinputs
}

@test "sort: orderings match GNU" {
	for o in "" -r -n -nr -f -d -b -u -s -g -fu -un "-k2" "-k2n" "-k3,3" \
	    "-k2,2 -k1,1r" "-k1.2" "-k1.2,1.3" "-k2b" "-t: -k2n" "-z"; do
		diff_run sort $o fields
		diff_run sort $o lines nonl utf8
	done
	printf 'x:3\ny:1\nz:2\nw:1\n' > "$T/colon"
	diff_run sort -t: -k2,2n colon
	diff_run sort -t: -k2,2n -s colon
	diff_run sort -t: -u -k2,2 colon
	printf '10\n-2\n3.5\n-0\n0\n+4\n1e3\nabc\n007\n-10.25\n.5\n' > "$T/nums"
	diff_run sort -n nums
	diff_run sort -g nums
	diff_run sort -rn nums
	diff_run sort nul bin
}

@test "sort: a UTF-8 locale orders as GNU" {
	LC_ALL=C.UTF-8 diff_run sort utf8 fields
}

@test "sort: -c and -C match GNU" {
	diff_run sort -c lines
	diff_run sort -c fields
	diff_run sort -C fields
	diff_run sort -cn lines
	diff_run sort -c lines nonl
}

@test "sort: errors match GNU" {
	diff_run sort missing
	diff_run sort dir
	diff_run sort -k0 fields
	diff_run sort -t ab fields
	diff_run sort -x
	# Keys, tabs, --check and sizes checked as GNU checks them.
	for a in -k1x -k1.2b,1.2b,1 -k1,1bx "-k 1.x" "-k 1,x" "-k 0x" \
	    -dfn -gn "-k1,1dn" -rbdn "-t a -t b" "-t a -t a" "-t ab" \
	    --check=x --check= --check=q --check=s --check=diag \
	    "-S \"knh'fg\"" "-S 1x" "--paral x" "--parallel x" "-d -k1,1n"; do
		eval "diff_run sort $a fields"
	done
	diff_run sort -c fields "$(printf ' x\n')"
}

@test "sort: a newline is a blank, as in GNU (-z)" {
	printf 'b\nz a\0a\nb c\0\na\0 b\0' > "$T/nl"
	for a in "-z" "-zb" "-zd" "-z -k2" "-z -k2,2" "-zb -k1.2"; do
		eval "diff_run sort $a nl"
	done
}

@test "sort: -o may name an input" {
	cp "$T/fields" "$T/out"
	run -0 "$CAPBOX" sort -o "$T/out" "$T/out"
	assert_equal "$(cat "$T/out")" "$(sort "$T/fields")"
}

@test "sort: unsupported orderings are refused, not ignored" {
	run -2 --separate-stderr "$CAPBOX" sort -R "$T/lines"
	assert_equal "${stderr%%$'\n'*}" "sort: option '--random-sort' is not supported"
}
