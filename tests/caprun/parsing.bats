#!/usr/bin/env bats
# parsing.bats - caprun's command line and the manifest it hands the shim:
# malformed input is refused with a message, never half-understood.
bats_require_minimum_version 1.5.0
load helpers

@test "more pre-opens than the manifest holds: refused, status 125" {
	local args=() i
	# 32 grants, each with a directory of its own above it: with those
	# ancestors the manifest's 64 entries run out.
	for i in $(seq 1 32); do
		mkdir -p "$W/a$i/b"
		args+=(--ro "$W/a$i/b")
	done
	run -125 "$CAPRUN" --print-policy "${args[@]}" -- /bin/true
	[[ "$output" == "caprun: "*": too many pre-opens" ]]
}
