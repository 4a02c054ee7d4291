#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
# tests/cli/mv.bats - capbox mv against GNU mv, escapes, fds
bats_require_minimum_version 1.5.0

# Environment, fixtures and the GNU comparison: helpers/fs.bash.
load helpers/fs

@test "mv: rename, into a directory, -t, -v" {
	fixture 'echo a >a && echo b >b && echo c >c && mkdir d e'
	differ mv a x
	differ mv -v b d
	differ mv -t e c
	differ mv -v d e
}

@test "mv: same file, into itself, kinds that do not fit" {
	fixture 'touch f g && mkdir -p s/sub t'
	differ mv f f
	differ mv s s/sub
	differ mv s g
	differ mv g t/../s
	differ mv nope x
	differ mv f
	differ mv
}

@test "mv: -n keeps the destination" {
	fixture 'echo new >a && echo old >b'
	differ mv -n a b
	differ cat b
}

@test "mv: across file systems copies, then removes the source" {
	S=$(mktemp -d /var/tmp/cbfs.XXXXXX)
	[ "$(stat -c %d "$S")" != "$(stat -c %d "$T")" ] || {
		rmdir "$S"
		skip "/var/tmp is on the same file system as $T"
	}
	mkdir -p "$S/tree/sub" && echo data >"$S/tree/sub/f" &&
	    ln -s f "$S/tree/sub/l" && chmod 750 "$S/tree/sub" &&
	    touch -d @1234567890 "$S/tree/sub/f"
	run -0 "$CAPBOX" mv "$S/tree" moved
	[ ! -e "$S/tree" ]
	rmdir "$S"
	run -0 cat moved/sub/f
	expect_output data
	run -0 stat -c '%a %Y' moved/sub moved/sub/f
	expect_output "750 $(stat -c %Y moved/sub)
644 1234567890"
	[ "$(readlink moved/sub/l)" = f ]
}

@test "mv: enters capability mode" {
	touch a
	entered mv a b
	[ -e b ]
}
