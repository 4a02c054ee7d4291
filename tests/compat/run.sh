#!/bin/sh
# run.sh - capability mode on older and reduced kernels (TAP)
#
# usage: run.sh BUILD_DIR
#
# Each case runs tests/compat/probe under fakekernel, which makes a kernel
# feature look missing, and checks that best-effort mode says what is not
# enforced and still enforces the rest, and that strict mode refuses.
set -u
B=$1
FK=$B/tests/compat/fakekernel
PROBE=$B/tests/compat/probe
DIR=$(mktemp -d /tmp/capmode-compat.XXXXXX)
mkdir "$DIR/held"
trap 'rm -rf "$DIR"' EXIT
n=0 pass=0 fail=0

check() {	# check NAME OUTPUT EXPECTED-LINE...
	name=$1 out=$2
	shift 2
	n=$((n + 1))
	for want in "$@"; do
		if ! printf '%s\n' "$out" | grep -qx -- "$want"; then
			echo "not ok $n - $name: missing line '$want'"
			printf '%s\n' "$out" | sed 's/^/#   /'
			fail=$((fail + 1))
			return
		fi
	done
	echo "ok $n - $name"
	pass=$((pass + 1))
}

run() { "$FK" "$@" -- "$PROBE" "$DIR/held" 2>&1; }
strict() { CAPMODE_STRICT=1 "$FK" "$@" -- "$PROBE" "$DIR/held" 2>&1; }

# The real kernel, for reference.
abi=$("$PROBE" "$DIR/held" | sed -n 's/^landlock abi: //p')
echo "# kernel Landlock ABI: $abi"

check "no landlock: best effort enters, seccomp holds, library holds" \
    "$(run --no-landlock)" "enter: ok" "mode: 1" \
    "landlock-fs        missing: no Landlock (Linux >= 5.13 with CONFIG_SECURITY_LANDLOCK=y and \"landlock\" in the lsm= boot parameter)" \
    "lib-escape: ENOTCAPABLE" "raw-global: ECAPMODE" "raw-escape: ok"
check "no landlock: strict mode refuses and enters nothing" \
    "$(strict --no-landlock)" "enter: ENOTSUP" "mode: 0" "raw-global: ok"

for a in 1 2 3 4 5 6; do
	[ "$abi" -ge "$a" ] 2>/dev/null || { n=$((n + 1)); echo "ok $n - # SKIP kernel ABI $abi < $a"; continue; }
	out=$(run --landlock-abi "$a")
	case $a in
	1) miss="landlock-refer" ;;
	2) miss="landlock-truncate" ;;
	3) miss="landlock-net" ;;
	4) miss="landlock-ioctl" ;;
	5) miss="landlock-scope" ;;
	6) miss="" ;;
	esac
	if [ -n "$miss" ]; then
		check "landlock ABI $a: best effort enters, reports $miss missing" \
		    "$out" "enter: ok" "mode: 1" "landlock abi: $a" \
		    "raw-escape: EACCES" "raw-global: ECAPMODE" "lib-escape: ENOTCAPABLE"
		n=$((n + 1))
		if printf '%s\n' "$out" | grep -q "^$miss *missing: "; then
			echo "ok $n - landlock ABI $a: $miss listed as missing"; pass=$((pass + 1))
		else
			echo "not ok $n - landlock ABI $a: $miss not listed as missing"; fail=$((fail + 1))
		fi
		check "landlock ABI $a: strict mode refuses" \
		    "$(strict --landlock-abi "$a")" "enter: ENOTSUP" "mode: 0"
	else
		check "landlock ABI $a: strict mode enters" \
		    "$(strict --landlock-abi "$a")" "enter: ok" "mode: 1" \
		    "raw-escape: EACCES" "raw-global: ECAPMODE"
	fi
done

check "no seccomp: best effort enters with Landlock only" \
    "$(run --no-seccomp)" "enter: ok" \
    "seccomp            missing: seccomp filters unavailable (CONFIG_SECCOMP_FILTER=y needed)" \
    "raw-escape: EACCES" "lib-escape: ENOTCAPABLE"
check "no seccomp: strict mode refuses" "$(strict --no-seccomp)" "enter: ENOTSUP"
check "no TSYNC: best effort enters with Landlock, seccomp reported missing" \
    "$(run --no-tsync)" "enter: ok" "raw-escape: EACCES"
check "no TSYNC: strict mode refuses" "$(strict --no-tsync)" "enter: ENOTSUP" "mode: 0"
check "neither: cap_enter fails with ENOSYS" \
    "$(run --no-landlock --no-seccomp)" "enter: ENOSYS" "mode: 0"

echo "1..$n"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
