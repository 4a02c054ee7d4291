#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
#
# run.sh - run every escape program and print TAP
#
#   sh tests/escape/run.sh [BUILDDIR] [-v]
#
# BUILDDIR holds the E* programs (default build/tests/escape).  Each case
# exits 0 (every attempt refused by the expected layer), 1 (an escape),
# 2 (refused by the wrong layer, or a failed control) or 77 (skipped).
# As root every case runs twice: as root, and as an unprivileged user
# (setpriv --reuid=65534 --regid=65534 --clear-groups).  Otherwise it runs
# once, unprivileged, and says that the root pass was skipped.  -v prints
# every case's log, not only the failures'.
set -u

dir=build/tests/escape
verbose=0
for a in "$@"; do
	case $a in
	-v) verbose=1 ;;
	*) dir=$a ;;
	esac
done

cases=$(find "$dir" -maxdepth 1 -type f -name 'E[0-9]*' ! -name '*.[od]' \
    -perm -u+x | sort)
if [ -z "$cases" ]; then
	echo "run.sh: no escape programs in $dir" >&2
	exit 2
fi
ncases=$(echo "$cases" | wc -l)

unpriv_uid=65534
passes=user
if [ "$(id -u)" -eq 0 ]; then
	if command -v setpriv >/dev/null 2>&1; then
		passes="root nobody"
	else
		passes=root
		echo "# setpriv not found: unprivileged pass skipped"
	fi
else
	echo "# not root: root pass skipped (running unprivileged only)"
fi
npasses=$(echo $passes | wc -w)
echo "1..$((ncases * npasses))"

# Processes in capability mode cannot run LeakSanitizer's exit check.
ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
export ASAN_OPTIONS UBSAN_OPTIONS

n=0 passed=0 failed=0 skipped=0
scratch=
log=$(mktemp /tmp/capmode-esc-log.XXXXXX) || exit 2
trap 'rm -rf "$log" ${scratch:+"$scratch"}' EXIT
trap 'exit 2' HUP INT PIPE TERM

for who in $passes; do
	scratch=$(mktemp -d /tmp/capmode-esc.XXXXXX) || exit 2
	chmod 0777 "$scratch"
	for c in $cases; do
		n=$((n + 1))
		name=$(basename "$c")
		id=${name%%-*}
		slug=${name#*-}
		case $who in
		nobody)
			TMPDIR=$scratch setpriv --reuid=$unpriv_uid \
			    --regid=$unpriv_uid --clear-groups \
			    "$c" >"$log" 2>&1 </dev/null
			st=$? ;;
		*)
			TMPDIR=$scratch "$c" >"$log" 2>&1 </dev/null
			st=$? ;;
		esac
		label="$id $slug ($who)"
		case $st in
		0)
			echo "ok $n - $label"
			passed=$((passed + 1)) ;;
		77)
			why=$(sed -n 's/^# SKIP //p' "$log" | head -n 1)
			echo "ok $n - $label # SKIP ${why:-no reason given}"
			skipped=$((skipped + 1)) ;;
		1)
			echo "not ok $n - $label: ESCAPE"
			failed=$((failed + 1)) ;;
		2)
			echo "not ok $n - $label: refused by the wrong layer or control failed"
			failed=$((failed + 1)) ;;
		*)
			echo "not ok $n - $label: exit status $st"
			failed=$((failed + 1)) ;;
		esac
		if [ $verbose -eq 1 ] || { [ $st -ne 0 ] && [ $st -ne 77 ]; }; then
			sed 's/^/#   /; s/^#   #/#/' "$log"
		fi
	done
	rm -rf "$scratch"
done

echo "$passed passed, $failed failed, $skipped skipped"
[ $failed -eq 0 ]
