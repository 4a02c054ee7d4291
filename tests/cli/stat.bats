#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
# tests/cli/stat.bats - capbox stat against GNU stat, escapes, fds
bats_require_minimum_version 1.5.0

# Environment, fixtures and the GNU comparison: helpers/fs.bash.
load helpers/fs

@test "stat: the default format" {
	fixture 'mkdir -p a && touch a/f && ln -s f a/l && mkfifo a/p && echo hi >"a/sp ace"'
	same stat a/f a a/p "a/sp ace"
	same stat /dev/null
	same stat -L a/l
}

@test "stat: -c, --printf and -t" {
	# The link's atime lies ahead of its mtime: reading it (%N) must not
	# move the atime (relatime) between GNU's run and ours.
	fixture 'mkdir a && touch -d @1600000000 a/f && ln -s f a/l &&
	    touch -h -m -d @1600000000 a/l && touch -h -a -d @4000000000 a/l'
	same stat -c '%N|%n|%F|%s|%h|%a|%A|%u|%U|%g|%G|%X|%Y' a/f a/l
	same stat --printf='%s\n%U\t%a\\' a/f
	same stat -c '%10s|%-5h|%.3Y|%.Y|%x|%y' a/f
	same stat -c '%Hd %Ld %d %D %i %b %B %o %f %q %%' a a/f
	same stat -c '%Hr,%Lr %t %T' /dev/null
	same stat -t a/f
}

@test "stat: errors" {
	fixture ':'
	same stat nope
	same stat
	same stat --bogus x
}

@test "stat: /dev/fd/N describes the descriptor" {
	printf abc >f
	run -0 "$CAPBOX" stat -c %s /dev/fd/3 3<f
	expect_output 3
}

@test "stat: enters capability mode" {
	touch f
	entered stat f
}
