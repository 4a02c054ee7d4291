#!/bin/sh
# caprun.sh - what confinement by caprun costs
#
#   1. per path operation: stat() and open()+close() of one file, 200k
#      calls, plain vs under caprun (goal: <= 1 us added per call);
#   2. start-up: /bin/true plain, under caprun --ro /usr, under bwrap.
#
# usage: CAPRUN=... CAPRUN_SHIM=... sh bench/caprun.sh PATHBENCH
set -eu
: "${CAPRUN:?}" "${CAPRUN_SHIM:?}"
export CAPRUN_SHIM
PB=${1:?pathbench binary}
N=${N:-200000}
D=$(mktemp -d /tmp/caprun-bench.XXXXXX)
trap 'rm -rf "$D"' EXIT
mkdir -p "$D/a/b/c" && echo x > "$D/a/b/c/f"
F="$D/a/b/c/f"
PBDIR=$(dirname "$PB")

run_pb() {	# label, command...
	"$@" "$F" "$N" | awk -v l="$1" '{ print l, $0 }'
}
plain=$("$PB" "$F" "$N")
conf=$("$CAPRUN" --best-effort --ro "$PBDIR" --ro "$D" -- "$PB" "$F" "$N")

echo "== caprun: cost per path operation ($N calls, ns per call) =="
printf '%-12s %10s %10s %10s\n' operation plain caprun added
for op in stat open+close; do
	p=$(echo "$plain" | awk -v o="$op" '$1 == o { print $2 }')
	c=$(echo "$conf" | awk -v o="$op" '$1 == o { print $2 }')
	printf '%-12s %10s %10s %10s\n' "$op" "$p" "$c" "$((c - p))"
done

echo
echo "== caprun: start-up of /bin/true =="
if ! command -v hyperfine >/dev/null; then
	echo "skipped: hyperfine is not installed"
	exit 0
fi
set -- -N --warmup 20 --runs 300 --style basic \
    -n plain '/bin/true' \
    -n caprun "$CAPRUN --best-effort --ro /usr -- /bin/true"
if command -v bwrap >/dev/null && bwrap --ro-bind /usr /usr --symlink usr/lib /lib \
    --symlink usr/lib64 /lib64 --symlink usr/bin /bin /bin/true 2>/dev/null; then
	set -- "$@" -n bwrap "bwrap --ro-bind /usr /usr --symlink usr/lib /lib --symlink usr/lib64 /lib64 --symlink usr/bin /bin /bin/true"
else
	echo "(bwrap cannot create namespaces here: not compared)"
fi
hyperfine "$@" --export-markdown "$D/startup.md" >/dev/null
cat "$D/startup.md"
