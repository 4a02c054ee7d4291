#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
bats_require_minimum_version 1.5.0
load differential

setup() {
	mkinputs
	printf 1234567 > "$T/f"
	seq 1 20 > "$T/g"
	printf 'a\n' > "$T/s2"
	printf 'a\nb\nc\n' > "$T/s3"
	printf 'aaaaaaaaaaaaaaaaaaaaaaa\nb\ncc\n' > "$T/lng"
	printf 'a\0b\0cc\0' > "$T/z"
	seq 1 3000 > "$T/big"
}

# split_run ARG...: GNU split in $T/g, capbox's in $T/c, both with the
# inputs copied in; the files made, stdout, stderr and status must agree.
split_run() {
	local gs=0 cs=0 f
	require_gnu split
	rm -rf "$T/gnu.d" "$T/cb.d"
	mkdir "$T/gnu.d" "$T/cb.d"
	for f in f g s2 s3 lng z big empty nonl nul bin lines; do
		cp "$T/$f" "$T/gnu.d/$f"
		cp "$T/$f" "$T/cb.d/$f"
	done
	mkdir "$T/gnu.d/d" "$T/cb.d/d"
	(cd "$T/gnu.d" && exec -a split /usr/bin/split "$@") \
	    <"${DIFF_STDIN:-/dev/null}" >"$T/g.out" 2>"$T/g.err" || gs=$?
	(cd "$T/cb.d" && exec "$CAPBOX" split "$@") \
	    <"${DIFF_STDIN:-/dev/null}" >"$T/c.out" 2>"$T/c.err" || cs=$?
	if ! diff -r "$T/gnu.d" "$T/cb.d" >/dev/null; then
		echo "# files differ for: split $*"
		diff -r "$T/gnu.d" "$T/cb.d" | head -5
		(cd "$T/gnu.d" && ls -l) | head -20
		(cd "$T/cb.d" && ls -l) | head -20
		return 1
	fi
	cmp -s "$T/g.out" "$T/c.out" ||
	    { echo "# stdout differs: split $*"; diff "$T/g.out" "$T/c.out" | head; return 1; }
	cmp -s "$T/g.err" "$T/c.err" ||
	    { echo "# stderr differs: split $*"; diff "$T/g.err" "$T/c.err"; return 1; }
	[ "$gs" = "$cs" ] ||
	    { echo "# status differs: split $*: GNU $gs, capbox $cs"; return 1; }
}

@test "split: lines, bytes and line-bytes match GNU" {
	for a in "f" "big" "-l 100 big" "-l 1 g" "-l 7 nonl" "-l 2 lng" \
	    "--lines=999 big" "-5 big" "-l 1 lines" "-b 5 lng" "-b 1000 big" \
	    "-b 10K bin" "-b 1M bin" "-b 1KB bin" "-b 4 nonl" "--bytes=3 nul" \
	    "-C 5 lng" "-C 1000 big" "-C 7 big" "-C 100 bin" "-C 4 nonl" \
	    "-C 1 s3" "--line-bytes=2K lines" "-C 3 nul" "empty" "-b 3 empty" \
	    "-C 5 empty" "-l 2 nul" "-t '\\0' -l 1 z" "-t 2 -l 1 big" \
	    "-t x -C 9 big" "--separator=0 -l 3 big"; do
		eval "split_run $a"
	done
	DIFF_STDIN=$T/big split_run -l 7 - p
	DIFF_STDIN=$T/bin split_run -b 77777
	DIFF_STDIN=$T/lines split_run -C 333
}

@test "split: chunks and round robin match GNU" {
	for a in "-n 3 f" "-n 10 f" "-e -n 10 f" "-n 3 g" "-n l/3 g" \
	    "-n l/7 g" "-n l/30 g" "-e -n l/30 g" "-n r/3 g" "-n l/5 s2" \
	    "-n 5 s2" "-n l/5 s3" "-n l/4 s3" "-n l/5 lng" "-n l/100 lng" \
	    "-e -n l/100 lng" "-n 7 bin" "-n l/7 bin" "-n r/7 bin" "-n 3 empty" \
	    "-n l/3 empty" "-n r/3 empty" "-e -n r/30 g" "-e -n 1000 g" \
	    "-n 4 big pre" "-n l/2 nonl" "-n r/2 nonl" "-u -n r/2 g" \
	    "-n l/9 s3" "-n ' 4' big"; do
		eval "split_run $a"
	done
	for k in 1 2 3 4 5 6 7; do
		split_run -n "$k/7" bin
		split_run -n "l/$k/7" bin
		split_run -n "r/$k/7" big
		split_run -n "l/$k/7" g
	done
	split_run -n l/3/9 s3
	DIFF_STDIN=$T/big split_run -n 3
	DIFF_STDIN=$T/big split_run -n l/4
	DIFF_STDIN=$T/bin split_run -n 3
}

@test "split: suffixes and names match GNU" {
	for a in "-a 1 -b 1 lng" "-l 1 -a 1 g" "-d3 f" "-x -n 20 f" \
	    "-l 100 -d big" "-l1 -d big" "-l1 -x big" "-l 1 lines" \
	    "--additional-suffix=.txt -l 500 big out_" \
	    "--numeric-suffixes=5 -l 500 big" "--numeric-suffixes=99 -l 500 big" \
	    "--numeric-suffixes=007 -l 500 big" "--hex-suffixes=1 -l 500 big" \
	    "--numeric-suffixes -a 4 -l 500 big x." "--verbose -b3 f" \
	    "--verbose -n 3 g" "-a 3 -n 30 big" "-n 30 big" "-d -n 11 big" \
	    "-l 300 big d/p" "-a 0 f" "--numeric-suffixes=3 -n 5 big"; do
		eval "split_run $a"
	done
}

@test "split: errors match GNU" {
	for a in "-n 0 f" "-n 2/1 f" "-n x f" "-n 1/x f" "-n 0/3 f" "-l 0 f" \
	    "-l -1 f" "-l 99999999999999999999 f" "-b 0 f" "-b 1x f" "-C 0 f" \
	    "-a x f" "-a -1 f" "-l1 -b1 f" "-n 2 -l 3 f" "missing" "f a b" \
	    "--numeric-suffixes=x f" "--hex-suffixes=g f" "-a1 -n 30 f" \
	    "--numeric-suffixes=123 -a2 f" "-t ab f" "-t '' f" "-t a -t b f" \
	    "d" "-n 2 d" "f nodir/x" "-x" "--additional-suffix=a/b f" "-q" \
	    "--foo" "-b" "-a 1 -l 1 big"; do
		eval "split_run $a"
	done
	DIFF_STDIN=$T/bin split_run -n 2
}

@test "split: an unreadable input is reported as GNU does" {
	mk_unreadable
	[ "$(id -u)" = 0 ] || skip "needs root to switch to an unprivileged uid"
	chmod 000 "$T/unreadable"
	mkdir -m 777 "$T/o"
	run -1 --separate-stderr setpriv --reuid=65534 --regid=65534 \
	    --clear-groups /usr/bin/split "$T/unreadable" "$T/o/x"
	local gnu=$stderr
	run -1 --separate-stderr setpriv --reuid=65534 --regid=65534 \
	    --clear-groups "$CAPBOX" split "$T/unreadable" "$T/o/x"
	[ "$stderr" = "${gnu/\/usr\/bin\/split/split}" ]
	[ "$stderr" = "split: cannot open '$T/unreadable' for reading: Permission denied" ]
}

@test "split: --filter is refused, not ignored" {
	run -1 --separate-stderr "$CAPBOX" split --filter=cat "$T/f"
	[ "$stderr" = "$(printf "split: option '--filter' is not supported\nTry 'split --help' for more information.")" ]
}

@test "split: pieces are created beneath --cwd-fd, never outside it" {
	mkdir "$T/out" "$T/out/sub"
	run -0 "$CAPBOX" split --cwd-fd=3 -l 1000 /dev/fd/4 sub/p 3<"$T/out" \
	    4<"$T/big"
	[ "$(cat "$T/out/sub/paa" "$T/out/sub/pab" "$T/out/sub/pac")" = "$(cat "$T/big")" ]
	run -1 --separate-stderr "$CAPBOX" split --cwd-fd=3 /dev/fd/4 ../escape \
	    3<"$T/out" 4<"$T/big"
	[ "$stderr" = "split: ../escapeaa: Capabilities insufficient" ]
	[ ! -e "$T/escapeaa" ]
	# A pieces' name that would overwrite the input is refused.
	cp "$T/f" "$T/out/xaa"
	run -1 --separate-stderr "$CAPBOX" split --cwd-fd=3 -b 1 xaa 3<"$T/out"
	[ "$stderr" = "split: 'xaa' would overwrite input; aborting" ]
}
