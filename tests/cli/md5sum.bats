#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
bats_require_minimum_version 1.5.0
load differential

setup() {
	mkinputs
}

@test "md5sum: digests match GNU" {
	for f in empty nonl nul long utf8 lines bin; do
		diff_run md5sum "$f"
	done
	diff_run md5sum empty nonl nul long utf8 lines bin
	diff_run md5sum --tag nonl bin
	diff_run md5sum -b nonl
	diff_run md5sum -z nonl
	DIFF_STDIN=$T/bin diff_run md5sum
	DIFF_STDIN=$T/bin diff_run md5sum - nonl
	printf 'x' > "$T/back\\slash"
	diff_run md5sum "back\\slash"
}

@test "md5sum: padding boundaries match GNU" {
	for n in 1 55 56 63 64 65 111 112 119 120 127 128 129 1000; do
		head -c "$n" "$T/bin" > "$T/p$n"
		diff_run md5sum "p$n"
	done
}

@test "md5sum: errors match GNU" {
	diff_run md5sum missing nonl
	diff_run md5sum dir
	diff_run md5sum -x
	diff_run md5sum --quiet nonl
	diff_run md5sum --tag -c nonl
}

@test "md5sum: --check matches GNU, files opened beneath the directory" {
	(cd "$T" && /usr/bin/md5sum nonl lines bin > sums)
	echo "garbage line" >> "$T/sums"
	diff_run md5sum -c sums
	diff_run md5sum --quiet -c sums
	diff_run md5sum --status -c sums
	diff_run md5sum --strict -c sums
	diff_run md5sum -w -c sums
	(cd "$T" && /usr/bin/md5sum nonl > one && echo changed >> nonl)
	diff_run md5sum -c one
	(cd "$T" && /usr/bin/md5sum lines | sed 's/lines$/gone/' > missing.sums)
	diff_run md5sum -c missing.sums
	diff_run md5sum --ignore-missing -c missing.sums
	echo "0123  x" > "$T/bad"
	diff_run md5sum -c bad
}

@test "md5sum: --check cannot open names outside the directory" {
	mkdir "$T/jail"
	(cd "$T" && /usr/bin/md5sum nonl | sed 's| nonl$| ../nonl|' > jail/sums)
	run -1 --separate-stderr bash -c 'cd "$1" && "$CAPBOX" md5sum -c sums' _ "$T/jail"
	assert_output "../nonl: FAILED open or read"
	assert_equal "${stderr%%$'\n'*}" "md5sum: ../nonl: Capabilities insufficient"
}
