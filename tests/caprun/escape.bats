#!/usr/bin/env bats
# escape.bats - escape attempts by a program under caprun, all refused
bats_require_minimum_version 1.5.0
load helpers

E() {
	B="$CAPRUN_BUILD/tests/caprun"
	cr --ro "$B" --ro "$W" -- "$B/escape" "$@"
}

sc_rawopen() {
	run -0 E rawopen /etc/passwd
	[[ "$output" == "refused: raw openat(AT_FDCWD) (errno 134)" ]]
}
@test "E1 raw syscall openat(AT_FDCWD, /etc/passwd): refused" { both sc_rawopen; }

sc_rawread() {
	echo granted > "$W/f"
	run -0 E rawread "$W/f"
	[ "$output" = granted ]
}
@test "raw openat(AT_FDCWD) of a granted file is emulated beneath its pre-open" { both sc_rawread; }

sc_dotdot() {
	run -0 E dotdot "$W"
	[[ "$output" != *ESCAPED* ]]
}
@test "E2 openat(dirfd, ../..): refused via libc and raw" { both sc_dotdot; }

sc_exec() {
	run -0 E exec
	[[ "$output" != *ESCAPED* ]]
}
@test "E3 execve(/bin/sh): refused" { both sc_exec; }

sc_net() {
	run -0 E net
	[[ "$output" != *ESCAPED* ]]
}
@test "E4 socket/connect: refused" { both sc_net; }

sc_ptrace() {
	run -0 E ptrace
	[[ "$output" != *ESCAPED* ]]
}
@test "E5 ptrace of the parent: refused" { both sc_ptrace; }

sc_unpreload() {
	run -0 E unpreload "$CAPRUN_BUILD/tests/caprun/escape-static"
	[[ "$output" == *refused* && "$output" != *ESCAPED* ]]
}
@test "E6 unset LD_PRELOAD and exec a child: still confined" { both sc_unpreload; }

sc_unpreload_dynamic() {
	echo data > "$W/f"
	# Without LD_PRELOAD the child has no interposers, yet stays confined.
	run -0 cr --ro /usr --ro "$W" -- /bin/sh -c "env -u LD_PRELOAD /bin/cat '$W/f'"
	[ "$output" = data ]
	run ! cr --ro /usr --ro "$W" -- /bin/sh -c 'env -u LD_PRELOAD /bin/cat /etc/passwd'
	[[ "$output" != *root:* ]]
	run ! cr --ro /usr --ro "$W" -- /bin/sh -c \
	    "env -u LD_PRELOAD python3 -c 'import socket; socket.socket()'"
	[[ "$output" == *134* ]]
}
@test "E7 unset LD_PRELOAD, exec a dynamic child: no path, no socket outside" { both sc_unpreload_dynamic; }

sc_popen() {
	echo piped > "$W/f"
	run -0 cr --ro /usr --ro "$CAPRUN_BUILD/tests/caprun" --ro "$W" -- \
	    "$CAPRUN_BUILD/tests/caprun/escape" popen "cat '$W/f'"
	[ "${lines[0]}" = piped ] && [ "${lines[1]}" = "status 0" ]
	run -0 cr --ro /usr --ro "$CAPRUN_BUILD/tests/caprun" --ro "$W" -- \
	    "$CAPRUN_BUILD/tests/caprun/escape" popen "cat /etc/passwd"
	[[ "$output" != *root:* && "$output" == *"status 256"* ]]
}
@test "popen: the shell and its children run confined" { both sc_popen; }
