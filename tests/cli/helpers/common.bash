# SPDX-License-Identifier: BSD-2-Clause
# common.bash - what every capbox suite loads
#
#   load helpers/common
#
# CAPBOX is the binary under test (default build/capbox; the static build
# sets it to build/static/capbox).  Messages are compared in the C locale.
bats_load_library bats-support
bats_load_library bats-assert
bats_load_library bats-file

: "${CAPBOX:=$BATS_TEST_DIRNAME/../../build/capbox}"
export CAPBOX
export LC_ALL=C TZ=UTC
# Processes in capability mode cannot run LeakSanitizer (it needs ptrace).
export ASAN_OPTIONS=detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}

# require_applet NAME: skip unless this capbox has the applet.
require_applet() {
	"$CAPBOX" --list | grep -qxF -- "$1" ||
	    skip "applet $1 is not part of this capbox"
}

# require_gnu NAME: skip unless GNU coreutils' NAME is installed.
require_gnu() {
	[ -x "/usr/bin/$1" ] || skip "GNU $1 is not installed"
}

# mkinputs: the usual awkward inputs, in $T.
mkinputs() {
	T=$BATS_TEST_TMPDIR
	: > "$T/empty"
	printf 'one\ntwo\nthree' > "$T/nonl"
	printf 'a\0b\nc\0\0d\n\377\376\001\n' > "$T/nul"
	printf 'x%.0s' $(seq 1 100000) > "$T/long"
	printf '\n' >> "$T/long"
	printf 'caf\303\251\n\316\273x.y\n\344\270\255\346\226\207 text\n' > "$T/utf8"
	seq 1 2000 > "$T/lines"
	printf 'b\tB 2\na\tA 10\nc\tC 1\n\n a\tx -3\n' > "$T/fields"
	mkdir -p "$T/dir"
	mkfifo "$T/fifo" 2>/dev/null || true
	head -c 300000 /dev/urandom > "$T/bin" 2>/dev/null
}
