#!/usr/bin/env bats
# capbpf.bats - the eBPF loader's command line, and what it does where it
# may not load.  Loading itself is tested in the VM (tests/vm), the only
# place here with a kernel that accepts BPF LSM programs.
bats_require_minimum_version 1.5.0
load helpers

setup() {
	if [ -z "${CAPBPF:-}" ]; then
		skip "capbpf is not built here (it needs clang, bpftool, libbpf-dev and kernel BTF)"
	fi
	W=$(mktemp -d /tmp/caprun-test.XXXXXX)
	chmod 755 "$W"
	AS=()
}

@test "capbpf --help and -h: the usage on stdout, status 0" {
	run --separate-stderr -0 "$CAPBPF" --help
	[[ "$output" == "usage: capbpf [-v] load | unload | status"* ]]
	[[ "$output" == *"--version"* ]]
	[ -z "$stderr" ]
	local long=$output
	run --separate-stderr -0 "$CAPBPF" -h
	[ "$output" = "$long" ]
}

@test "capbpf --version names the program and the version" {
	run -0 "$CAPBPF" --version
	[[ "$output" =~ ^capbpf\ \(capmode\)\ [0-9]+\.[0-9]+\.[0-9]+$ ]]
}

@test "capbpf: a missing, unknown or extra command is a usage error, status 2" {
	run --separate-stderr -2 "$CAPBPF"
	[ -z "$output" ]
	[ "$stderr" = "capbpf: missing command
Try 'capbpf --help' for more information." ]
	run --separate-stderr -2 "$CAPBPF" lod
	[ "$stderr" = "capbpf: unknown command 'lod'
Try 'capbpf --help' for more information." ]
	run --separate-stderr -2 "$CAPBPF" status load
	[ "$stderr" = "capbpf: extra operand 'load'
Try 'capbpf --help' for more information." ]
	run --separate-stderr -2 "$CAPBPF" --no-such-option status
	[[ "$stderr" == *"unrecognized option '--no-such-option'"* ]]
	[[ "$stderr" == *"Try 'capbpf --help' for more information." ]]
}

@test "capbpf load as an unprivileged user: refused with a reason, status 1, nothing pinned" {
	as_nobody
	local pins_before=absent
	[ -e /sys/fs/bpf/capmode ] && pins_before=present
	run --separate-stderr -1 "${AS[@]}" "$CAPBPF" load
	[[ "$stderr" == *"capbpf: loading the programs failed: Operation not permitted"* ]]
	local pins_after=absent
	[ -e /sys/fs/bpf/capmode ] && pins_after=present
	[ "$pins_before" = "$pins_after" ]
	# status tells the same user the programs are not there
	if [ "$pins_after" = absent ]; then
		run --separate-stderr -1 "${AS[@]}" "$CAPBPF" status
		[ "$output" = "capbpf: not loaded" ]
	fi
}
