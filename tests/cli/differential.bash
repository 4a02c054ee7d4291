# SPDX-License-Identifier: BSD-2-Clause
# differential.bash - run GNU coreutils and capbox on the same input
#
#   load differential
#   diff_run APPLET ARG...      compare stdout, stderr and exit status
#   DIFF_STDIN=file diff_run ...   (default stdin: /dev/null)
#   diff_run_nobody APPLET ARG...  the same, as uid 65534 (for unreadable
#                                  files; skipped when not root)
#
# GNU runs with argv[0] set to the bare applet name, so both print
# "head: ..." and no renaming of messages is needed.  Both run in $T.
load helpers/common

_diff_exec() {
	local who=$1 app=$2
	shift 2
	if [ "$who" = gnu ]; then
		(cd "$T" && exec -a "$app" ${DIFF_PRIV:+$DIFF_PRIV} "/usr/bin/$app" "$@")
	else
		(cd "$T" && exec ${DIFF_PRIV:+$DIFF_PRIV} "$CAPBOX" "$app" "$@")
	fi
}

# same_file A B: the two files hold the same bytes.  Texts without a NUL
# byte are compared by the shell (no process); others by cmp.
same_file() {
	local a b
	if ! IFS= read -r -d '' a <"$1" && ! IFS= read -r -d '' b <"$2"; then
		[ "$a" = "$b" ]
		return
	fi
	cmp -s "$1" "$2"
}

diff_run() {
	local app=$1 gs cs
	shift
	require_gnu "$app"
	require_applet "$app"
	: "${T:=$BATS_TEST_TMPDIR}"
	gs=0
	_diff_exec gnu "$app" "$@" <"${DIFF_STDIN:-/dev/null}" \
	    >"$BATS_TEST_TMPDIR/gnu.out" 2>"$BATS_TEST_TMPDIR/gnu.err" || gs=$?
	# Through setpriv, GNU sees its full path as argv[0].
	[ -z "${DIFF_PRIV-}" ] ||
	    sed -i "s|^/usr/bin/$app:|$app:|; s|'/usr/bin/$app --help'|'$app --help'|" \
	    "$BATS_TEST_TMPDIR/gnu.err"
	cs=0
	_diff_exec capbox "$app" "$@" <"${DIFF_STDIN:-/dev/null}" \
	    >"$BATS_TEST_TMPDIR/cb.out" 2>"$BATS_TEST_TMPDIR/cb.err" || cs=$?
	if ! same_file "$BATS_TEST_TMPDIR/gnu.out" "$BATS_TEST_TMPDIR/cb.out"; then
		echo "# stdout differs for: $app $*"
		diff <(od -An -c "$BATS_TEST_TMPDIR/gnu.out" | head -40) \
		    <(od -An -c "$BATS_TEST_TMPDIR/cb.out" | head -40) || true
		return 1
	fi
	if ! same_file "$BATS_TEST_TMPDIR/gnu.err" "$BATS_TEST_TMPDIR/cb.err"; then
		echo "# stderr differs for: $app $*"
		diff "$BATS_TEST_TMPDIR/gnu.err" "$BATS_TEST_TMPDIR/cb.err" || true
		return 1
	fi
	if [ "$gs" != "$cs" ]; then
		echo "# exit status differs for: $app $*: GNU $gs, capbox $cs"
		return 1
	fi
}

diff_run_nobody() {
	[ "$(id -u)" = 0 ] || skip "needs root to switch to an unprivileged uid"
	DIFF_PRIV="setpriv --reuid=65534 --regid=65534 --clear-groups" \
	    diff_run "$@"
}

# An unreadable file for diff_run_nobody (mode 000, owned by root).
mk_unreadable() {
	local d=$T
	echo secret > "$T/unreadable"
	chmod 000 "$T/unreadable"
	chmod -R o+rX "$T"
	while [ "$d" != / ]; do
		chmod o+x "$d"
		d=$(dirname "$d")
	done
}
