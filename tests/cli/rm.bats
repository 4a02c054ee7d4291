#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
# tests/cli/rm.bats - capbox rm against GNU rm, escapes, fds
bats_require_minimum_version 1.5.0

# Environment, fixtures and the GNU comparison: helpers/fs.bash.
load helpers/fs

@test "rm: files, missing operands, -f" {
	fixture 'touch a b'
	differ rm a nope b
	differ rm -f nope
	differ rm
	differ rm -f
}

@test "rm: a directory needs -r or -d" {
	fixture 'mkdir -p d e/f'
	differ rm d
	differ rm -d e
	differ rm -d d
}

@test "rm: -r removes a tree, -v says what it removed" {
	fixture 'mkdir -p t/a/b t/c && touch t/a/b/f t/c/g t/h && ln -s h t/l'
	differ rm -rv t
}

@test "rm: refuses '.', '..' and '/'" {
	fixture 'mkdir -p d/e'
	differ rm -r .
	differ rm -r d/..
	differ rm -r /
	differ rm -rf d/.
}

@test "rm: unsupported and unknown options are errors" {
	fixture 'touch a'
	differ rm --bogus a
	differ rm -z a
}

@test "rm -r: a symlink to a directory outside the tree is removed, not followed" {
	mkdir -p out t && touch out/keep && ln -s ../out t/link && ln -s "$T/out" t/abs
	run -0 "$CAPBOX" rm -r t
	[ ! -e t ]
	[ -f out/keep ]
}

@test "rm: operands through --cwd-fd stay beneath it" {
	mkdir -p base/sub && touch base/sub/f secret
	run -1 --separate-stderr "$CAPBOX" rm --cwd-fd=3 ../secret 3<base
	[ -f secret ]
	run -0 "$CAPBOX" rm -r --cwd-fd=3 sub 3<base
	[ ! -e base/sub ]
}

@test "rm: a directory named /dev/fd/N is not removed by name" {
	mkdir d
	run -1 --separate-stderr "$CAPBOX" rm -r /dev/fd/3 3<d
	[ -d d ]
}

@test "rm: unreadable directory as an unprivileged user" {
	command -v setpriv >/dev/null || skip "setpriv missing"
	mkdir -p g/d/sub c/d/sub && touch g/d/sub/f c/d/sub/f
	chmod 555 g/d c/d
	chmod 777 . g c
	run setpriv --reuid=65534 --regid=65534 --clear-groups \
	    bash -c "cd g && (exec -a rm /usr/bin/rm -rf d) 2>&1; echo \$?"
	gnu=$output
	run setpriv --reuid=65534 --regid=65534 --clear-groups \
	    bash -c "cd c && '$CAPBOX' rm -rf d 2>&1; echo \$?"
	expect_equal "$output" "$gnu"
}

@test "rm: enters capability mode" {
	touch a
	entered rm a
	[ ! -e a ]
}
