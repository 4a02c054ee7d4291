#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
# tests/cli/ls.bats - capbox ls against GNU ls, escapes, fds
bats_require_minimum_version 1.5.0

# Environment, fixtures and the GNU comparison: helpers/fs.bash.
load helpers/fs

mkls() {
	fixture 'mkdir -p a/sub/deep && touch a/f a/.hid && ln -s f a/l && ln -s /etc/passwd a/abs && mkfifo a/p && touch -d 2020-01-01 a/old && echo hello >a/sz && chmod 755 a/sz && ln a/f a/hard && touch -d "@$(( $(date +%s) + 86400 * 400 ))" a/future'
}

@test "ls: names, sorting, -a -A -d -R" {
	mkls
	same ls
	same ls a
	same ls -a a
	same ls -A a
	same ls -r a
	same ls -d a a/f
	same ls -R
	same ls -R a/
	same ls -R .
	same ls a a/sub
	same ls -1 --color=never a
}

@test "ls: -l is byte for byte GNU's" {
	mkls
	same ls -l a
	same ls -la a
	same ls -lR
	same ls -laR a
	same ls -ln a
	same ls -lg a
	same ls -lo a
	same ls -lG a
	same ls -lh a
	same ls -l a /dev/null
	same ls -ld a/l a/abs a
	same ls -l --full-time a/f
	# Not all of /dev: /dev/shm changes under other processes.
	same ls -l /dev/null /dev/zero /dev/full /dev/random /dev/urandom /dev/fd
	same ls -la /etc/ssl
}

@test "ls: -t -S -U -c -u -r" {
	mkls
	same ls -lt a
	same ls -ltr a
	same ls -lS a
	same ls -Sr a
	same ls -lu a
	same ls -c a
	same ls -U a
}

@test "ls: -i -s -F -p" {
	mkls
	same ls -i1 a
	same ls -s a
	same ls -sh a
	same ls -ls a
	same ls -lai a
	same ls -F a
	same ls -p a
	same ls -F a/l
}

@test "ls: errors" {
	mkls
	same ls nope a/f
	same ls --bogus
	run -2 --separate-stderr "$CAPBOX" ls -C a
	expect_equal "$stderr" "ls: option '-C' is not supported
Try 'ls --help' for more information."
}

@test "ls: unreadable directory as an unprivileged user" {
	command -v setpriv >/dev/null || skip "setpriv missing"
	fixture 'mkdir -p d/locked d/open && touch d/open/f && chmod 000 d/locked'
	chmod 755 . g c
	run setpriv --reuid=65534 --regid=65534 --clear-groups \
	    bash -c "cd g && (exec -a ls /usr/bin/ls -R d) 2>&1; echo \$?"
	gnu=$output
	run setpriv --reuid=65534 --regid=65534 --clear-groups \
	    bash -c "cd c && '$CAPBOX' ls -R d 2>&1; echo \$?"
	expect_equal "$output" "$gnu"
}

@test "ls: /dev/fd/N and --root-fd list the directory held" {
	mkdir -p d/x && touch d/y
	run -0 "$CAPBOX" ls /dev/fd/3 3<d
	expect_output "x
y"
	run -0 "$CAPBOX" ls --root-fd=3 /../.. 3<d
	expect_output "x
y"
	run -0 "$CAPBOX" ls --cwd-fd=3 x 3<d
	expect_output ""
	run -2 --separate-stderr "$CAPBOX" ls --cwd-fd=3 .. 3<d
}

@test "ls -R: a symlink to a directory outside the tree is not entered" {
	mkdir -p t out/secret && ln -s ../out t/l
	run -0 "$CAPBOX" ls -R t
	[[ $output != *secret* ]]
}

@test "ls: enters capability mode" {
	entered ls
}
