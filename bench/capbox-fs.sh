#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
#
# bench/capbox-fs.sh - capbox's filesystem applets against their peers
#
# Rows: cp of one big file, cp -r of a tree of small files in nested
# directories, ls -lR and du -s of that tree, rm -r of a copy of it.
# Columns: capbox, GNU coreutils, busybox, uutils (rust-coreutils), toybox,
# each timed by hyperfine (mean of the runs), and the ratio
# fastest peer / capbox: 1.0 or more means capbox is the fastest.
#
# Data lives in /dev/shm: the root file system may be ext4 with discard,
# where creating many files right after deleting many is slow, and that
# would measure the disk, not the tools.
#
#   CAPBOX=build/capbox sh bench/capbox-fs.sh
#   BENCH_QUICK=1 ...      small smoke run (10,000 files, 64 MiB, 2 runs)
#   BENCH_FILES=N BENCH_BIG_MB=M BENCH_RUNS=R   override the sizes
set -eu

CAPBOX=${CAPBOX:-build/capbox}
case $CAPBOX in
/*) ;;
*) CAPBOX=$(pwd)/$CAPBOX ;;
esac
if [ "${BENCH_QUICK:-0}" = 1 ]; then
	FILES=${BENCH_FILES:-10000}
	BIG_MB=${BENCH_BIG_MB:-64}
	RUNS=${BENCH_RUNS:-2}
else
	FILES=${BENCH_FILES:-100000}
	BIG_MB=${BENCH_BIG_MB:-1024}
	RUNS=${BENCH_RUNS:-5}
fi

if ! command -v hyperfine >/dev/null 2>&1; then
	echo "capbox-fs: hyperfine is not installed; skipping" >&2
	exit 0
fi
if [ ! -x "$CAPBOX" ]; then
	echo "capbox-fs: $CAPBOX: not built" >&2
	exit 1
fi

W=$(mktemp -d /dev/shm/capbox-fs.XXXXXX)
trap 'rm -rf "$W"' EXIT INT TERM
cd "$W"

# The peers, as "label command-prefix".  A peer that is not installed is
# left out of the table, and said so.
PEERS="capbox:$CAPBOX
GNU:/usr/bin/
busybox:busybox
uutils:coreutils
toybox:toybox"

have_peer() {
	case $1 in
	GNU) return 0 ;;
	*) command -v "$2" >/dev/null 2>&1 ;;
	esac
}

# The tree: FILES files of 100 bytes, 100 per directory, in directories
# nested three deep (d00/d00/d00 ...), made with split(1) so that making
# it takes seconds, not minutes.
make_tree() {
	ndirs=$(( (FILES + 99) / 100 ))
	i=0
	head -c 10000 /dev/urandom >chunk
	while [ "$i" -lt "$ndirs" ]; do
		d=$(printf 'tree/d%02d/d%02d/d%02d' $((i / 100 % 100)) \
		    $((i / 10 % 10)) $((i % 10)))
		mkdir -p "$d"
		split -b 100 -a 3 chunk "$d/f"
		i=$((i + 1))
	done
	rm chunk
}

echo "capbox-fs: making $FILES files and a $BIG_MB MiB file in $W" >&2
make_tree
head -c "${BIG_MB}M" /dev/urandom >big
sync

# row LABEL PREPARE COMMAND: COMMAND uses @ for the tool's prefix.
row() {
	label=$1
	prepare=$2
	cmd=$3
	cmds=""
	names=""
	echo "$PEERS" | while IFS=: read -r name prefix; do
		have_peer "$name" "$prefix" || continue
		case $name in
		GNU) c=$(echo "$cmd" | sed "s|@ |$prefix|g") ;;
		*) c=$(echo "$cmd" | sed "s|@|$prefix|g") ;;
		esac
		# A peer that cannot do the operation at all is left out.
		sh -c "$prepare" >/dev/null 2>&1
		if ! sh -c "$c" >/dev/null 2>&1; then
			echo "capbox-fs: $name cannot run: $c" >&2
			continue
		fi
		printf '%s\n%s\n' "$name" "$c"
	done >cmds.txt
	set --
	while IFS= read -r name && IFS= read -r c; do
		set -- "$@" --command-name "$name" "$c"
	done <cmds.txt
	hyperfine --style none --runs "$RUNS" --warmup 1 \
	    --prepare "$prepare" --export-csv "row.csv" "$@" >/dev/null 2>&1 ||
	    hyperfine --runs "$RUNS" --warmup 1 --prepare "$prepare" \
	    --export-csv "row.csv" "$@" >&2
	awk -F, -v label="$label" -v peers="$ALL" '
	NR > 1 { t[$1] = $2 }
	END {
		n = split(peers, order, " ")
		line = "| " label
		best = 0
		for (i = 1; i <= n; i++) {
			k = order[i]
			if (k in t)
				line = line sprintf(" | %.3f", t[k])
			else
				line = line " | -"
			if (k != "capbox" && (k in t) && (best == 0 || t[k] < best))
				best = t[k]
		}
		if (("capbox" in t) && best > 0)
			line = line sprintf(" | %.2f |", best / t["capbox"])
		else
			line = line " | - |"
		print line
	}' row.csv >>table.txt
}

ALL=$(echo "$PEERS" | while IFS=: read -r name prefix; do
	have_peer "$name" "$prefix" && printf '%s ' "$name"
done)

: >table.txt
row "cp big (${BIG_MB} MiB)" "rm -f big.copy" "@ cp big big.copy"
row "cp -r tree ($FILES files)" "rm -rf tree.copy" "@ cp -r tree tree.copy"
row "ls -lR tree" "true" "@ ls -lR tree >/dev/null"
row "du -s tree" "true" "@ du -s tree >/dev/null"
row "rm -r copy of tree" "rm -rf victim; cp -r tree victim" "@ rm -r victim"

echo
echo "capbox filesystem applets: mean seconds over $RUNS runs (hyperfine)"
echo
printf '| operation |'
for n in $ALL; do printf ' %s |' "$n"; done
echo ' fastest peer / capbox |'
printf '|---|'
for n in $ALL; do printf -- '---:|'; done
printf -- '---:|\n'
cat table.txt
