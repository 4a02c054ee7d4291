# helpers.bash - shared by the caprun tests
#
# CAPRUN, CAPRUN_SHIM and CAPRUN_BUILD come from `make check-caprun`.
# Each scenario runs twice: as root and as an unprivileged user (nobody),
# in a fresh directory the user owns.

: "${CAPRUN:?run through make check-caprun}"
: "${CAPRUN_SHIM:?run through make check-caprun}"
export CAPRUN_SHIM

setup() {
	W=$(mktemp -d /tmp/caprun-test.XXXXXX)
	chmod 755 "$W"
	AS=()
}

teardown() {
	rm -rf "$W"
}

# Switch the following cr calls to the unprivileged user.
as_nobody() {
	if ! command -v setpriv >/dev/null; then
		skip "setpriv (util-linux) is not installed"
	fi
	if [ "$(id -u)" -ne 0 ]; then
		skip "switching to nobody needs root"
	fi
	chown -R 65534:65534 "$W"
	AS=(setpriv --reuid=65534 --regid=65534 --clear-groups)
}

# cr ARGS...: caprun as the current test user.
cr() {
	# Files the scenario made as root belong to the test user too.
	if [ "${#AS[@]}" -gt 0 ]; then
		chown -R 65534:65534 "$W"
	fi
	"${AS[@]}" "$CAPRUN" "$@"
}

# Run scenario function $1 as root, then again as nobody in a fresh dir.
both() {
	"$1"
	rm -rf "$W"
	W=$(mktemp -d /tmp/caprun-test.XXXXXX)
	chmod 755 "$W"
	as_nobody
	"$1"
}
