#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
# tests/cli/cp.bats - capbox cp against GNU cp, escapes, fds
bats_require_minimum_version 1.5.0

# Environment, fixtures and the GNU comparison: helpers/fs.bash.
load helpers/fs

@test "cp: files, into directories, -t, -T" {
	fixture 'echo hello >a && echo b >b && mkdir d e && ln -s a la'
	differ cp a x
	differ cp -v a b d
	differ cp -t e a b
	differ cp la y
	differ cp -T a z
	differ cat x y z d/a e/b
}

@test "cp: -r copies a tree, links as links" {
	fixture 'mkdir -p s/sub/deep && echo 1 >s/a && echo 2 >s/sub/b && ln -s ../a s/sub/la && ln -s /etc/passwd s/abs && mkfifo s/p && chmod 700 s/sub'
	differ cp -r s d
	differ cp -R s d
	differ cp -r s/sub d2
}

@test "cp: refuses a file onto itself and a directory into itself" {
	fixture 'echo a >a && mkdir -p s/sub t/sub'
	differ cp a a
	differ cp a ./a
	differ cp -r s s
	differ cp -r t t/sub
}

@test "cp: errors" {
	fixture 'echo a >a && mkdir d'
	differ cp nope x
	differ cp d x
	differ cp a
	differ cp
	differ cp a b c
	differ cp a nodir/x
	differ cp -r --bogus a b
	run -1 --separate-stderr "$CAPBOX" cp --update a b
	expect_equal "$stderr" "cp: option '--update' is not supported
Try 'cp --help' for more information."
}

@test "cp: -n keeps, -f replaces, -i asks" {
	fixture 'echo new >a && echo old >b && echo old >c && chmod 444 c'
	differ cp -n a b
	differ cp -f a c
	differ cat b c
	run -0 bash -c "echo n | '$CAPBOX' cp -i c/a c/b"
	run -0 cat c/b
	expect_output old
}

@test "cp: -p and -a keep modes, times and hard links" {
	fixture 'mkdir -p s && echo x >s/f && chmod 640 s/f && touch -d @1234567890 s/f && ln s/f s/h && chmod 750 s &&
	    touch -d @1234567000 s'
	differ cp -a s a
	differ cp -rp s p
	differ stat -c '%n %a %Y %h' a/f a/h p/f p/h a p
}

@test "cp -r: symlinks pointing out of the tree are copied as links" {
	mkdir -p out t && echo secret >out/s && ln -s ../out t/l && ln -s ../out/s t/f
	run -0 "$CAPBOX" cp -r t copy
	[ -L copy/l ] && [ -L copy/f ]
	[ "$(readlink copy/l)" = ../out ]
}

@test "cp: /dev/fd/N as destination file and directory" {
	echo hello >a
	echo long-old-contents >out
	run -0 "$CAPBOX" cp a /dev/fd/4 4<>out
	run -0 cat out
	expect_output hello
	mkdir d
	run -0 "$CAPBOX" cp -t /dev/fd/5 a 5<d
	run -0 cat d/a
	expect_output hello
}

@test "cp: a big file is copied whole" {
	head -c 5000000 /dev/urandom >big
	run -0 "$CAPBOX" cp big copy
	cmp big copy
}

@test "cp: enters capability mode" {
	echo a >a
	entered cp a b
	cmp a b
}
