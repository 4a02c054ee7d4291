#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
#
# capbox.sh - time capbox's text applets against GNU coreutils, busybox,
# uutils (Debian's rust-coreutils) and toybox, with hyperfine.
#
#   CAPBOX=build/capbox sh bench/capbox.sh
#   BENCH_QUICK=1 ...        small data and few runs: a smoke test
#   BENCH_DIR=/dev/shm/x     where the data goes (default /dev/shm)
#
# Prints one table: the mean time of each implementation per row, and
# "peer/capbox", the fastest peer's time divided by capbox's (above 1:
# capbox is faster).  A "-" is an implementation without that applet.
set -eu

CAPBOX=${CAPBOX:-build/capbox}
case $CAPBOX in /*) ;; *) CAPBOX=$(pwd)/$CAPBOX ;; esac
[ -x "$CAPBOX" ] || { echo "capbox.sh: $CAPBOX: not built" >&2; exit 1; }
command -v hyperfine >/dev/null || {
	echo "capbox.sh: hyperfine is not installed: skipped" >&2; exit 0; }

DIR=${BENCH_DIR:-/dev/shm}/capbox-bench.$$
mkdir -p "$DIR"
trap 'rm -rf "$DIR"' EXIT INT TERM

if [ -n "${BENCH_QUICK:-}" ]; then
	TEXT_MIB=32; SORT_MB=4; RUNS=3
else
	TEXT_MIB=1024; SORT_MB=100; RUNS=5
fi

# Text: lines of 1 to 12 words, 16 MiB made once and repeated.
gen_text() {
	awk -v seed=7 'BEGIN { srand(seed); n = split("the of and to in is "\
	    "capability mode descriptor kernel seccomp landlock sandbox file "\
	    "read write open close rights 0 42 2026 \303\251t\303\251 na\303\257ve", w, " ");
	    while (bytes < 16777216) { k = 1 + int(rand() * 12); s = "";
	    for (i = 0; i < k; i++) s = s (i ? " " : "") w[1 + int(rand() * n)];
	    print s; bytes += length(s) + 1 } }' > "$DIR/chunk"
	: > "$DIR/big"
	i=0
	while [ $((i * 16)) -lt "$TEXT_MIB" ]; do
		cat "$DIR/chunk" >> "$DIR/big"
		i=$((i + 1))
	done
	awk -v seed=11 -v mb="$SORT_MB" 'BEGIN { srand(seed);
	    while (bytes < mb * 1000000) { s = sprintf("%c%08d %s %d",
	    65 + int(rand() * 58), int(rand() * 1e8), "k" int(rand() * 1e4),
	    int(rand() * 1e6)); print s; bytes += length(s) + 1 } }' \
	    > "$DIR/sortme"
}

# Each implementation: the prefix that runs APPLET, or empty if absent.
UUTILS=$(command -v coreutils 2>/dev/null || true)
[ -x /usr/lib/cargo/bin/coreutils/cat ] && UUTILS_DIR=/usr/lib/cargo/bin/coreutils
prefix() {
	impl=$1 app=$2
	case $impl in
	capbox) "$CAPBOX" --list | grep -qxF "$app" && echo "$CAPBOX $app" ;;
	gnu) [ -x "/usr/bin/$app" ] && echo "/usr/bin/$app" ;;
	busybox) command -v busybox >/dev/null &&
	    busybox --list | grep -qxF "$app" && echo "busybox $app" ;;
	uutils) [ -n "$UUTILS" ] && [ -e "${UUTILS_DIR:-/nonexistent}/$app" ] &&
	    echo "$UUTILS $app" ;;
	toybox) command -v toybox >/dev/null &&
	    toybox | tr ' ' '\n' | grep -qxF "$app" && echo "toybox $app" ;;
	esac
	return 0
}

IMPLS="capbox gnu busybox uutils toybox"

# row NAME APPLET TEMPLATE [ENV]: TEMPLATE has @ where the applet runs.
row() {
	name=$1 app=$2 tmpl=$3 envs=${4:-LC_ALL=C}
	line=$(printf '%-24s' "$name")
	best_peer=""
	cb=""
	for impl in $IMPLS; do
		p=$(prefix "$impl" "$app")
		if [ -z "$p" ]; then
			line="$line $(printf '%9s' -)"
			continue
		fi
		cmd=$(printf '%s' "$tmpl" | sed "s|@|$p|g")
		if ! env $envs sh -c "$cmd" >/dev/null 2>&1; then
			line="$line $(printf '%9s' fail)"
			continue
		fi
		hyperfine -N --style none --runs "$RUNS" --warmup 1 \
		    --export-csv "$DIR/h.csv" "env $envs sh -c '$cmd'" \
		    >/dev/null 2>&1 || { line="$line $(printf '%9s' err)"; continue; }
		t=$(awk -F, 'NR == 2 { print $2 }' "$DIR/h.csv")
		line="$line $(printf '%9.4f' "$t")"
		if [ "$impl" = capbox ]; then
			cb=$t
		elif [ -z "$best_peer" ] || awk "BEGIN { exit !($t < $best_peer) }"; then
			best_peer=$t
		fi
	done
	if [ -n "$cb" ] && [ -n "$best_peer" ]; then
		line="$line $(awk "BEGIN { printf \"%9.2f\", $best_peer / $cb }")"
	else
		line="$line $(printf '%9s' -)"
	fi
	echo "$line"
}

echo "capbox.sh: generating ${TEXT_MIB} MiB of text and ${SORT_MB} MB to sort in $DIR" >&2
gen_text
B=$DIR/big
S=$DIR/sortme
printf '%-24s %9s %9s %9s %9s %9s %9s\n' "row (mean seconds)" $IMPLS "peer/cb"
row "cat big >/dev/null" cat "@ $B >/dev/null"
row "cat big | cat" cat "@ $B | @ >/dev/null"
row "wc -l" wc "@ -l $B"
row "wc" wc "@ $B"
row "head -c 100M" head "@ -c 100000000 $B >/dev/null"
row "head -n 1M" head "@ -n 1000000 $B >/dev/null"
row "tail -n 1000 file" tail "@ -n 1000 $B >/dev/null"
row "tail -n 1000 pipe" tail "cat $B | @ -n 1000 >/dev/null"
row "sha256sum" sha256sum "@ $B"
row "sort (C)" sort "@ $S >/dev/null"
row "sort (C.UTF-8)" sort "@ $S >/dev/null" "LC_ALL=C.UTF-8"
row "start-up (true)" true "@"
