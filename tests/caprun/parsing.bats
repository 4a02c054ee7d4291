#!/usr/bin/env bats
# parsing.bats - caprun's command line and the manifest it hands the shim:
# malformed input is refused with a message, never half-understood.
bats_require_minimum_version 1.5.0
load helpers

@test "--fd N:RIGHTS: an empty right name is refused, also a last one" {
	run -125 "$CAPRUN" --fd 1:read, -- /bin/true
	[ "$output" = "caprun: --fd 1:read,: unknown rights" ]
	run -125 "$CAPRUN" --fd 1:,read -- /bin/true
	run -125 "$CAPRUN" --fd 1:read,,write -- /bin/true
	run -125 "$CAPRUN" --fd 1: -- /bin/true
	run -0 "$CAPRUN" --print-policy --fd 1:read,write -- /bin/true
}

# event and ioctl are rights of the second word of a cap_rights_t.
sc_fd_second_word() {
	echo fd-data > "$W/f"
	run -0 cr --fd 5:read,event,ioctl,fstat,seek --ro /usr -- \
	    /bin/sh -c 'cat <&5' 5<"$W/f"
	[ "$output" = fd-data ]
	# a set of second-word rights only is a valid limit too
	run -0 cr --fd 5:event,ioctl --ro /usr -- /bin/true 5<"$W/f"
}
@test "--fd N:event,ioctl: rights of the second word are kept" { both sc_fd_second_word; }

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

@test "the shim refuses a malformed manifest before the program runs" {
	local m
	for m in 'v1;e=3,' 'v1;e=4294967299,r,/' 'v1;e=2147483648,r,/' \
	    'v1;f=4294967297' 'v1;e=3,r,/tmp%00/x' 'v1;e=3,r,/tmp/' \
	    'v1;e=3,r,/tmp/../etc' 'v1;c=/tmp/.' 'v1;e=3,f,1,2%35' \
	    'v1;e=3,f,99999999999999999999999,0' 'v1;e=3,f,1'; do
		run -126 env CAPRUN_MANIFEST="$m" LD_PRELOAD="$CAPRUN_SHIM" \
		    /bin/echo ran
		[[ "$output" == "caprun: bad manifest: "* ]]
	done
}

# A library the loader names through a runpath with "..": the manifest
# holds it under its normalised name, which the shim looks up.
sc_runpath_dotdot() {
	command -v cc >/dev/null || skip "no C compiler"
	mkdir -p "$W/bin" "$W/lib"
	echo 'int rp_value(void) { return 42; }' > "$W/lib/rp.c"
	cat > "$W/bin/p.c" <<-'EOF'
	#include <stdio.h>
	#include <unistd.h>
	int rp_value(void);
	int main(int argc, char **argv) {
		if (argc > 1)	/* again, from inside: the loader runs confined */
			return execv(argv[0], (char *[]){ argv[0], NULL });
		printf("%d\n", rp_value());
		return 0;
	}
	EOF
	cc -shared -fPIC -o "$W/lib/librp.so" "$W/lib/rp.c"
	cc -o "$W/bin/p" "$W/bin/p.c" -L"$W/lib" -lrp -Wl,-rpath,"$W/bin/../lib"
	rm -f "$W/bin/p.c" "$W/lib/rp.c"
	run -0 cr --ro "$W/bin" -- "$W/bin/p" again
	[ "$output" = 42 ]
}
@test "a library found through a runpath with \"..\" loads inside" { both sc_runpath_dotdot; }
