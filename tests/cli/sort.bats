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

# Inputs for -h, -M and -V: units, signs, bare decimal points, months in
# any case and with blanks, versions with suffixes, tildes and dot files.
mk_order_inputs() {
	printf '1K\n2M\n500\n-1K\n1.5G\n0K\n1.K\n 3k\n10\n-2\nabc\n1e3\n' > "$T/human"
	printf '1,000\n0.5M\n\n-0\n2E\n7T 1\n7T 0\n3P\n-3P\n0.5k\n' >> "$T/human"
	printf 'Jan 1\nfeb 2\n  MAR\nxyz\nDEC\ndecember\nApr\nju\nJUN\n\nmay\n' > "$T/month"
	printf 'aug 3\nAUG 1\n\tsep\nOctober\nnov x\n' >> "$T/month"
	printf 'a-1.10.txt\na-1.9.txt\na-1.10\n.\n..\n.hidden\n.a2\nfoo~\n' > "$T/version"
	printf 'foo\nfoo.tar.gz\nfoo-1.2.tar.gz\nfoo-1.10.tar.gz\n1.2.3\n' >> "$T/version"
	printf '1.02.3\n1.2~rc1\n1.2\n\nz\nZ\nabc\n100\n99\nx.~1~\n' >> "$T/version"
	printf 'v1.2-b\nv1.2-a\n007\n7\nfile10.c\nfile9.c\nFILE9.c\n' >> "$T/version"
}

@test "sort: -h, -M, -V and -i order as GNU" {
	mk_order_inputs
	for o in -h -hr -hu "-h -s" "-k1,1h" "-k2n -k1,1h" -M -Mr -Mu "-k1,1M" \
	    -Mf "-M -k2n" -V -Vr -Vu -Vf "-k1,1V" "-t. -k2V" -i -fi "-k1,1i" \
	    -iu --sort=human --sort=ver --sort=month --sort=g --sort=n \
	    --sort=general-numeric; do
		eval "diff_run sort $o human month version"
		eval "diff_run sort $o fields"
	done
	diff_run sort -V lines
	diff_run sort -h lines
	# A number may start with its decimal point.
	printf '.5k\n.4M\n1k\n-.5k\n' > "$T/point"
	diff_run sort -h point
	# A name that starts with '.' and is all suffix (".a"): GNU 9.1
	# (Debian 12) takes the whole name for a suffix and orders ".a" before
	# ".5"; later GNU never takes the first character, as capbox does.
	run -0 "$CAPBOX" sort -V <<<$'.a\n.5'
	assert_equal "$output" $'.5\n.a'
	run -0 "$CAPBOX" sort -V <<<$'b\n.\n..\n\n.b\n.5\na'
	assert_equal "$output" $'\n.\n..\n.5\n.b\na\nb'
	diff_run sort -M utf8 nul
	LC_ALL=C.UTF-8 diff_run sort -M month
	LC_ALL=C.UTF-8 diff_run sort -V version utf8
}

@test "sort: -R with --random-source gives GNU's order; keys that hash alike stay together" {
	mk_order_inputs
	head -c 64 /dev/urandom > "$T/seed"
	printf 'a\nb\nc\nd\na\ne\nf\nA\nb\nB\n' > "$T/dups"
	for o in "" -f -u -s -r -fu -V "-k1,1R" "-k1,1R -k1,1n" "-t. -k2R"; do
		eval "diff_run sort -R $o --random-source=seed dups lines version"
	done
	diff_run sort --sort=random --random-source=seed lines
	# The same salt gives the same order; the output is a permutation.
	run -0 "$CAPBOX" sort -R --random-source="$T/seed" "$T/lines"
	local first=$output
	run -0 "$CAPBOX" sort -R --random-source="$T/seed" "$T/lines"
	assert_equal "$output" "$first"
	assert_equal "$(printf '%s\n' "$output" | sort -n)" "$(cat "$T/lines")"
	[ "$output" != "$(cat "$T/lines")" ]
	# Without a source, getrandom: equal lines (and -f-equal ones) adjacent.
	run -0 "$CAPBOX" sort -Rf "$T/dups"
	assert_equal "$(printf '%s\n' "$output" | sort)" "$(sort "$T/dups")"
	printf '%s\n' "$output" | tr a-z A-Z | uniq | sort | uniq -d > "$T/split"
	assert_equal "$(cat "$T/split")" ""
}

@test "sort: -R and orderings: errors match GNU" {
	mk_order_inputs
	: > "$T/short"
	printf 'fifteen bytes..' > "$T/fifteen"
	for a in "-R --random-source=short" "-R --random-source=fifteen" \
	    "-R --random-source=missing" "-R --random-source=dir" \
	    "--random-source=a --random-source=b" "--random-source=missing" \
	    "--random-source=lines --random-source=lines -R" \
	    -hM -hn -gM -dM "-k1,1hn" "-k1,1Vn" -iM -fgV -nR -nRV \
	    "-k1,1Mi" "--sort=x" "--sort=" "--sort=randomly" "--sort=nu" \
	    "--sort=month --sort=numeric" -k1j -k1,1Q; do
		eval "diff_run sort $a version"
	done
	# quote() in UTF-8: \u2018short\u2019 and \u2018--sort\u2019.
	LC_ALL=C.UTF-8 diff_run sort -R --random-source=short version
	LC_ALL=C.UTF-8 diff_run sort --sort=x version
}
