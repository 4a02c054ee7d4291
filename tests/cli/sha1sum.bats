#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
bats_require_minimum_version 1.5.0
load differential

setup() {
	mkinputs
}

@test "sha1sum: digests match GNU" {
	for f in empty nonl nul long utf8 lines bin; do
		diff_run sha1sum "$f"
	done
	diff_run sha1sum empty nonl nul long utf8 lines bin
	diff_run sha1sum --tag nonl bin
	diff_run sha1sum -b nonl
	diff_run sha1sum -z nonl
	DIFF_STDIN=$T/bin diff_run sha1sum
	DIFF_STDIN=$T/bin diff_run sha1sum - nonl
	printf 'x' > "$T/back\\slash"
	diff_run sha1sum "back\\slash"
}

@test "sha1sum: padding boundaries match GNU" {
	for n in 1 55 56 63 64 65 111 112 119 120 127 128 129 1000; do
		head -c "$n" "$T/bin" > "$T/p$n"
		diff_run sha1sum "p$n"
	done
}

@test "sha1sum: errors match GNU" {
	diff_run sha1sum missing nonl
	diff_run sha1sum dir
	diff_run sha1sum -x
	diff_run sha1sum --quiet nonl
	diff_run sha1sum --tag -c nonl
}

@test "sha1sum: --check matches GNU, files opened beneath the directory" {
	(cd "$T" && /usr/bin/sha1sum nonl lines bin > sums)
	echo "garbage line" >> "$T/sums"
	diff_run sha1sum -c sums
	diff_run sha1sum --quiet -c sums
	diff_run sha1sum --status -c sums
	diff_run sha1sum --strict -c sums
	diff_run sha1sum -w -c sums
	(cd "$T" && /usr/bin/sha1sum nonl > one && echo changed >> nonl)
	diff_run sha1sum -c one
	(cd "$T" && /usr/bin/sha1sum lines | sed 's/lines$/gone/' > missing.sums)
	diff_run sha1sum -c missing.sums
	diff_run sha1sum --ignore-missing -c missing.sums
	echo "0123  x" > "$T/bad"
	diff_run sha1sum -c bad
}

@test "sha1sum: --check cannot open names outside the directory" {
	mkdir "$T/jail"
	(cd "$T" && /usr/bin/sha1sum nonl | sed 's| nonl$| ../nonl|' > jail/sums)
	run -1 --separate-stderr bash -c 'cd "$1" && "$CAPBOX" sha1sum -c sums' _ "$T/jail"
	assert_output "../nonl: FAILED open or read"
	assert_equal "${stderr%%$'\n'*}" "sha1sum: ../nonl: Capabilities insufficient"
}
