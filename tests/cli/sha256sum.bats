#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
bats_require_minimum_version 1.5.0
load differential

setup() {
	mkinputs
}

@test "sha256sum: digests match GNU" {
	for f in empty nonl nul long utf8 lines bin; do
		diff_run sha256sum "$f"
	done
	diff_run sha256sum empty nonl nul long utf8 lines bin
	diff_run sha256sum --tag nonl bin
	diff_run sha256sum -b nonl
	diff_run sha256sum -z nonl
	DIFF_STDIN=$T/bin diff_run sha256sum
	DIFF_STDIN=$T/bin diff_run sha256sum - nonl
	printf 'x' > "$T/back\\slash"
	diff_run sha256sum "back\\slash"
}

@test "sha256sum: padding boundaries match GNU" {
	for n in 1 55 56 63 64 65 111 112 119 120 127 128 129 1000; do
		head -c "$n" "$T/bin" > "$T/p$n"
		diff_run sha256sum "p$n"
	done
}

@test "sha256sum: errors match GNU" {
	diff_run sha256sum missing nonl
	diff_run sha256sum dir
	diff_run sha256sum -x
	diff_run sha256sum --quiet nonl
	diff_run sha256sum --tag -c nonl
}

@test "sha256sum: --check matches GNU, files opened beneath the directory" {
	(cd "$T" && /usr/bin/sha256sum nonl lines bin > sums)
	echo "garbage line" >> "$T/sums"
	diff_run sha256sum -c sums
	diff_run sha256sum --quiet -c sums
	diff_run sha256sum --status -c sums
	diff_run sha256sum --strict -c sums
	diff_run sha256sum -w -c sums
	(cd "$T" && /usr/bin/sha256sum nonl > one && echo changed >> nonl)
	diff_run sha256sum -c one
	(cd "$T" && /usr/bin/sha256sum lines | sed 's/lines$/gone/' > missing.sums)
	diff_run sha256sum -c missing.sums
	diff_run sha256sum --ignore-missing -c missing.sums
	echo "0123  x" > "$T/bad"
	diff_run sha256sum -c bad
}

@test "sha256sum: --check cannot open names outside the directory" {
	mkdir "$T/jail"
	(cd "$T" && /usr/bin/sha256sum nonl | sed 's| nonl$| ../nonl|' > jail/sums)
	run -1 --separate-stderr bash -c 'cd "$1" && "$CAPBOX" sha256sum -c sums' _ "$T/jail"
	assert_output "../nonl: FAILED open or read"
	assert_equal "${stderr%%$'\n'*}" "sha256sum: ../nonl: Capabilities insufficient"
}
