#!/usr/bin/env bats
# programs.bats - unmodified Debian programs under caprun: each works
# inside its pre-opens and is refused outside them.
bats_require_minimum_version 1.5.0
load helpers

sc_ls() {
	mkdir -p "$W/d/sub" && echo x > "$W/d/f"
	run -0 cr --ro "$W/d" -- /bin/ls -la "$W/d"
	[[ "$output" == *" f"* && "$output" == *" sub"* ]]
	run ! cr --ro "$W/d" -- /bin/ls -la /etc
}
@test "ls -la: lists a pre-opened directory, not /etc" { both sc_ls; }

sc_cat() {
	echo secret-ok > "$W/f"
	run -0 cr --ro "$W" -- /bin/cat "$W/f"
	[ "$output" = secret-ok ]
	run ! cr --ro "$W" -- /bin/cat /etc/shadow
	run ! cr --ro "$W" -- /bin/cat /etc/passwd
	[[ "$output" != *root:* ]]
	[[ "$output" == *"/etc/passwd: Not permitted in capability mode"* ]]
}
@test "cat: reads a granted file, not /etc/shadow or /etc/passwd" { both sc_cat; }

sc_verbose() {
	run ! cr --verbose --ro "$W" -- /bin/cat /etc/shadow
	[[ "$output" == *"caprun: denied: open /etc/shadow (no pre-opened directory covers it)"* ]]
}
@test "--verbose explains a denial" { both sc_verbose; }

sc_cp() {
	mkdir -p "$W/src/a/b" "$W/dst" && echo 1 > "$W/src/a/b/f" && echo 2 > "$W/src/g"
	run -0 cr --ro "$W/src" --rw "$W/dst" -- /bin/cp -r "$W/src" "$W/dst/copy"
	diff -r "$W/src" "$W/dst/copy"
	run ! cr --ro "$W/src" --rw "$W/dst" -- /bin/cp -r /etc/apt "$W/dst/apt"
	[ ! -e "$W/dst/apt/sources.list" ]
	# read-only grant: no writing there
	run ! cr --ro "$W/src" -- /bin/cp "$W/src/g" "$W/src/h"
	[ ! -e "$W/src/h" ]
}
@test "cp -r: copies between grants; refused from /etc and into a read-only grant" { both sc_cp; }

sc_rm() {
	mkdir -p "$W/t/x/y" && touch "$W/t/x/y/f" "$W/t/g"
	mkdir -p "$W/keep" && touch "$W/keep/k"
	run -0 cr --rw "$W/t" -- /bin/rm -r "$W/t/x"
	[ ! -e "$W/t/x" ] && [ -e "$W/t/g" ]
	run ! cr --rw "$W/t" -- /bin/rm -r "$W/keep"
	[ -e "$W/keep/k" ]
	run ! cr --ro "$W/t" -- /bin/rm "$W/t/g"
	[ -e "$W/t/g" ]
}
@test "rm -r: removes inside a rw grant only" { both sc_rm; }

sc_find() {
	mkdir -p "$W/t/a/b" && touch "$W/t/a/b/needle" "$W/t/hay"
	run -0 cr --ro "$W/t" --cwd "$W/t" -- /usr/bin/find "$W/t" -name needle
	[ "$output" = "$W/t/a/b/needle" ]
	run ! cr --ro "$W/t" --cwd "$W/t" -- /usr/bin/find /etc -maxdepth 1 -name passwd
	[[ "$output" != "/etc/passwd" ]]
}
@test "find: walks a grant, not /etc" { both sc_find; }

sc_grep() {
	mkdir -p "$W/t/a" && echo "the needle here" > "$W/t/a/f" && echo no > "$W/t/g"
	run -0 cr --ro "$W/t" -- /bin/grep -r needle "$W/t"
	[ "$output" = "$W/t/a/f:the needle here" ]
	run ! cr --ro "$W/t" -- /bin/grep -r root /etc/passwd
	[[ "$output" != *root:x:* ]]
}
@test "grep -r: searches a grant, not /etc" { both sc_grep; }

sc_sed() {
	printf 'a\nb\n' > "$W/f"
	run -0 cr --rw "$W" -- /bin/sed -i s/a/z/ "$W/f"
	[ "$(cat "$W/f")" = "$(printf 'z\nb')" ]
	mkdir "$W/ro" && echo a > "$W/ro/f"
	run ! cr --ro "$W/ro" -- /bin/sed -i s/a/z/ "$W/ro/f"
	[ "$(cat "$W/ro/f")" = a ]
}
@test "sed -i: temporary file and rename inside a rw grant; refused read-only" { both sc_sed; }

sc_sort() {
	mkdir "$W/tmp"
	seq 1 200000 | shuf --random-source=/dev/zero > "$W/in"
	run -0 cr --ro "$W/in" --rw "$W/tmp" -- /usr/bin/sort -n -S 64k -T "$W/tmp" -o "$W/tmp/out" "$W/in"
	seq 1 200000 | cmp - "$W/tmp/out"
	# temporary files through --tmp and $TMPDIR
	run -0 cr --ro "$W/in" --tmp -- /usr/bin/sort -n -S 64k "$W/in"
	[ "${#lines[@]}" -eq 200000 ] && [ "${lines[0]}" = 1 ]
	run ! cr --ro "$W/in" -- /usr/bin/sort -n -S 64k -T /var/tmp "$W/in"
}
@test "sort: temporary files with -T and with --tmp, refused elsewhere" { both sc_sort; }

sc_tar() {
	mkdir -p "$W/src/d" "$W/out" "$W/x" && echo hi > "$W/src/d/f"
	run -0 cr --ro "$W/src" --rw "$W/out" -- /bin/tar -C "$W/src" -cf "$W/out/a.tar" d
	run -0 cr --ro "$W/out" --rw "$W/x" -- /bin/tar -C "$W/x" -xf "$W/out/a.tar"
	[ "$(cat "$W/x/d/f")" = hi ]
	run ! cr --ro "$W/out" --rw "$W/x" -- /bin/tar -C "$W/x" -cf "$W/x/b.tar" /etc/passwd
	run -0 tar -tf "$W/x/b.tar"
	[[ "$output" != *passwd* ]]
}
@test "tar: create and extract between grants; /etc not archived" { both sc_tar; }

sc_python() {
	command -v python3 >/dev/null || skip "python3 is not installed"
	run -0 cr --ro /usr --rw "$W" -- /usr/bin/python3 -c "
import os
with open('$W/p.txt', 'w') as f: f.write('py')
os.rename('$W/p.txt', '$W/q.txt')
print(open('$W/q.txt').read(), sorted(os.listdir('$W')))"
	[ "$output" = "py ['q.txt']" ]
	# C extension modules come through dlopen, whose opens are trapped
	run -0 cr --ro /usr -- /usr/bin/python3 -c "import _decimal; print(_decimal.__file__)"
	[[ "$output" == /usr/lib/python3*/lib-dynload/_decimal.*.so ]]
	# subprocess: vfork, close_fds, then exec, all inside
	echo sub > "$W/s"
	run -0 cr --ro /usr --ro "$W" -- /usr/bin/python3 -c "
import subprocess
print(subprocess.run(['cat', '$W/s'], capture_output=True).stdout.decode().strip())
print(subprocess.run(['cat', '/etc/passwd'], capture_output=True).returncode)"
	[ "${lines[0]}" = sub ] && [ "${lines[1]}" = 1 ]
	run -1 cr --ro /usr --rw "$W" -- /usr/bin/python3 -c "open('/etc/passwd').read()"
	[[ "$output" == *Error* ]]
}
@test "python3: reads and writes in a grant, not /etc/passwd" { both sc_python; }

sc_sqlite() {
	command -v sqlite3 >/dev/null || skip "sqlite3 is not installed (apt-get install sqlite3)"
	run -0 cr --rw "$W" -- /usr/bin/sqlite3 "$W/db" \
	    "create table t(x); insert into t values (41),(1); select sum(x) from t;"
	[ "$output" = 42 ]
	run -0 cr --ro "$W" -- /usr/bin/sqlite3 "$W/db" "select count(*) from t;"
	[ "$output" = 2 ]
	run ! cr --rw "$W" -- /usr/bin/sqlite3 /var/tmp/caprun-escape.db "create table t(x);"
	[ ! -e /var/tmp/caprun-escape.db ]
}
@test "sqlite3: creates and queries a db in a rw grant, not outside" { both sc_sqlite; }

sc_static() {
	S="$CAPRUN_BUILD/tests/caprun/escape-static"
	file -L "$S" | grep -q 'statically linked' || skip "$S is not static"
	echo static-ok > "$W/f"
	# its raw path calls are served beneath the grants ...
	run -0 cr --ro "$W" -- "$S" rawread "$W/f"
	[ "$output" = static-ok ]
	# ... and refused outside them, as are sockets
	run -0 cr --ro "$W" -- "$S" rawopen /etc/passwd
	[ "$output" = "refused: raw openat(AT_FDCWD) (errno 134)" ]
	run -0 cr --ro "$W" -- "$S" net
	[[ "$output" != *ESCAPED* ]]
}
@test "a static binary runs under SIGSYS emulation: grants only" { both sc_static; }

sc_cwd() {
	mkdir -p "$W/c" && echo rel > "$W/c/r"
	run -0 cr --rw "$W" --cwd "$W/c" -- /bin/cat r
	[ "$output" = rel ]
	run -0 cr --rw "$W" --cwd "$W/c" -- /bin/pwd
	[ "$output" = "$W/c" ]
}
@test "--cwd: relative paths and getcwd use the virtual cwd" { both sc_cwd; }

@test "exit statuses: 125 caprun, 126 cannot run, 127 not found, else the child's" {
	run -125 "$CAPRUN" --no-such-option -- /bin/true
	run -126 "$CAPRUN" --ro /nonexistent/dir -- /bin/true
	[[ "$output" == "caprun: /nonexistent/dir: No such file or directory" ]]
	run -127 "$CAPRUN" --ro "$W" -- /nonexistent/prog
	run -3 "$CAPRUN" --ro /usr -- /bin/sh -c 'exit 3'
	run -143 "$CAPRUN" --ro /usr --tmp -- /bin/sh -c 'kill -TERM $$'
}

@test "--print-policy prints JSON naming the layers" {
	command -v python3 >/dev/null || skip "python3 is not installed"
	run -0 "$CAPRUN" --print-policy --ro "$W" -- /bin/true
	echo "$output" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert any(p["path"]==sys.argv[1] for p in d["preopens"]); assert d["layers"]["seccomp"]=="enforced"' "$W"
}

@test "--learn prints the command line a program needs" {
	command -v strace >/dev/null || skip "strace is not installed"
	echo hi > "$W/f"
	run -0 "$CAPRUN" --learn -- /bin/cat "$W/f"
	[[ "${lines[1]}" == "caprun "*"--ro $W/f"*" -- /bin/cat $W/f" ]]
	# and the command it prints runs the program, confined
	cmd=${lines[1]#caprun }
	run -0 eval "\"\$CAPRUN\" $cmd"
	[ "$output" = hi ]
}

sc_shell() {
	echo data > "$W/f"
	run -0 cr --ro /usr --rw "$W" -- /bin/sh -c "cd '$W' && cat f > g && ls"
	[ "$(cat "$W/g")" = data ]
	[[ "$output" == *g* ]]
	# children run confined: the shell's cat cannot read /etc/passwd
	run ! cr --ro /usr --rw "$W" -- /bin/sh -c 'cat /etc/passwd'
	[[ "$output" != *root:* ]]
}
@test "sh -c: dynamically linked children run, confined, with the shim" { both sc_shell; }

sc_fd() {
	echo fd-data > "$W/f"
	run -0 cr --fd 5:read,fstat,seek --ro /usr -- /bin/sh -c 'cat <&5' 5<"$W/f"
	[ "$output" = fd-data ]
	# not in the manifest: closed before the program runs
	run ! cr --ro /usr -- /bin/sh -c 'cat <&5' 5<"$W/f"
	[[ "$output" != *fd-data* ]]
}
@test "--fd: a listed descriptor is passed, any other is closed" { both sc_fd; }

sc_symlinks() {
	mkdir -p "$W/a" "$W/b" && echo in-b > "$W/b/f"
	ln -s "$W/b/f" "$W/a/tob"
	ln -s /etc/passwd "$W/a/pw"
	# an absolute link into another grant is followed through the map
	run -0 cr --ro "$W/a" --ro "$W/b" -- /bin/cat "$W/a/tob"
	[ "$output" = in-b ]
	# ... but not into a place no grant covers
	run ! cr --ro "$W/a" -- /bin/cat "$W/a/tob"
	run ! cr --ro "$W/a" --ro "$W/b" -- /bin/cat "$W/a/pw"
	[[ "$output" != *root:* ]]
}
@test "absolute symlinks: followed into grants, refused elsewhere" { both sc_symlinks; }

sc_alternatives() {
	[ -L /usr/bin/awk ] || skip "/usr/bin/awk is not a symlink here"
	run -0 cr --ro /usr --ro /etc/alternatives -- /bin/sh -c 'echo a b | awk "{print \$2}"'
	[ "$output" = b ]
}
@test "Debian alternatives: awk through /etc/alternatives" { both sc_alternatives; }

sc_tmp_cleanup() {
	run -0 cr --ro /usr --tmp -- /bin/sh -c 'echo t > /tmp/x && cat /tmp/x && echo "$TMPDIR"'
	[ "${lines[0]}" = t ] && [ "${lines[1]}" = /tmp ]
	run -0 sh -c 'ls -d /tmp/caprun.* 2>/dev/null | wc -l'
	[ "$output" -eq 0 ]
}
@test "--tmp: a private /tmp, removed afterwards" { both sc_tmp_cleanup; }

sc_env() {
	run -0 cr --clearenv --env FOO=bar --ro /usr -- /usr/bin/env
	[[ "$output" == *FOO=bar* ]]
	[[ "$output" != *HOME=* ]]
}
@test "--clearenv and --env" { both sc_env; }

sc_autolibs() {
	echo hello > "$W/h"
	# No --ro /usr: the loader and libc come pre-opened by themselves,
	# enough for the shell and the one program it is allowed to run.
	run -0 cr --ro /usr/bin/cat --ro "$W" -- /bin/sh -c "/usr/bin/cat '$W/h'"
	[ "$output" = hello ]
	run ! cr --ro /usr/bin/cat --ro "$W" -- /bin/sh -c "/usr/bin/head '$W/h'"
	[[ "$output" != hello ]]
}
@test "the loader and needed libraries are pre-opened, nothing more" { both sc_autolibs; }
