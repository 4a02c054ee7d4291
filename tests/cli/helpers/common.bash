# SPDX-License-Identifier: BSD-2-Clause
# common.bash - what every capbox suite loads
#
#   load helpers/common
#
# CAPBOX is the binary under test (default build/capbox; the static build
# sets it to $(O)/static/capbox).  Messages are compared in the C locale.
#
# Bats sources a test file, and so this file, once per test: what is done
# here is paid for every test.  Nothing at load time forks a process.

# cb_load_library NAME: bats_load_library NAME without its forks.  A
# library's load.bash only sources its src/ files, each through
# "$(dirname "${BASH_SOURCE[0]}")", one fork per file; this sources the
# same files in the same order, and falls back to bats_load_library for a
# load.bash that does anything else.
cb_load_library() {
	local dir p line files=()
	local -a paths
	local re='^source "\$\(dirname "\$\{BASH_SOURCE\[0\]\}"\)/([^"$`]+)"$'
	IFS=: read -ra paths <<<"${BATS_LIB_PATH:-/usr/lib/bats}"
	for p in "${paths[@]}"; do
		[ -f "$p/$1" ] && break
		[ -f "$p/$1/load.bash" ] || continue
		dir=$p/$1
		while IFS= read -r line || [ -n "$line" ]; do
			case $line in '' | '#'*) continue ;; esac
			[[ $line =~ $re ]] || { dir=; break; }
			files+=("$dir/${BASH_REMATCH[1]}")
		done <"$dir/load.bash"
		break
	done
	if [ -z "$dir" ] || [ ${#files[@]} = 0 ]; then
		bats_load_library "$1"
		return
	fi
	for p in "${files[@]}"; do
		# shellcheck disable=SC1090
		source "$p" || return 1
	done
}
cb_load_library bats-support
cb_load_library bats-assert
cb_load_library bats-file

: "${CAPBOX:=$BATS_TEST_DIRNAME/../../build/capbox}"
export CAPBOX
export LC_ALL=C TZ=UTC
# Processes in capability mode cannot run LeakSanitizer (it needs ptrace).
export ASAN_OPTIONS=detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}

# cb_applets: `$CAPBOX --list` in CB_APPLETS, one name a line; asked once a
# run (BATS_RUN_TMPDIR) and once a test, not once a check.
cb_applets() {
	local cache=${BATS_RUN_TMPDIR:+$BATS_RUN_TMPDIR/capbox-list${CAPBOX//\//_}} tmp
	[ "${CB_APPLETS_OF-}" = "$CAPBOX" ] && return 0
	if [ -n "$cache" ] && [ -f "$cache" ]; then
		IFS= read -r -d '' CB_APPLETS <"$cache" || true
	else
		CB_APPLETS=$("$CAPBOX" --list) || CB_APPLETS=
		if [ -n "$cache" ] && [ -n "$CB_APPLETS" ]; then
			tmp=$cache.$BASHPID
			printf '%s' "$CB_APPLETS" >"$tmp" && mv -f "$tmp" "$cache"
		fi
	fi
	CB_APPLETS_OF=$CAPBOX
}

# has_applet NAME: this capbox has the applet.
has_applet() {
	cb_applets
	[[ $'\n'$CB_APPLETS$'\n' == *$'\n'"$1"$'\n'* ]]
}

# require_applet NAME: skip unless this capbox has the applet.
require_applet() {
	has_applet "$1" || skip "applet $1 is not part of this capbox"
}

# require_gnu NAME: skip unless GNU coreutils' NAME is installed.
require_gnu() {
	[ -x "/usr/bin/$1" ] || skip "GNU $1 is not installed"
}

# mk_input_files DIR: the usual awkward inputs, made in DIR.
mk_input_files() {
	local d=$1 long
	: > "$d/empty"
	printf 'one\ntwo\nthree' > "$d/nonl"
	printf 'a\0b\nc\0\0d\n\377\376\001\n' > "$d/nul"
	printf -v long '%100000s' ''
	printf '%s\n' "${long// /x}" > "$d/long"
	printf 'caf\303\251\n\316\273x.y\n\344\270\255\346\226\207 text\n' > "$d/utf8"
	seq 1 2000 > "$d/lines"
	printf 'b\tB 2\na\tA 10\nc\tC 1\n\n a\tx -3\n' > "$d/fields"
	mkdir -p "$d/dir"
	mkfifo "$d/fifo" 2>/dev/null || true
	head -c 300000 /dev/urandom > "$d/bin" 2>/dev/null
}

# mkinputs: the usual awkward inputs, in $T.  They are made once a run,
# in BATS_RUN_TMPDIR, and each test gets its own copy (one cp): tests may
# change them.
mkinputs() {
	local tpl tmp
	T=$BATS_TEST_TMPDIR
	if [ -z "${BATS_RUN_TMPDIR-}" ]; then
		mk_input_files "$T"
		return
	fi
	tpl=$BATS_RUN_TMPDIR/cb-inputs
	if [ ! -d "$tpl" ]; then
		# Parallel tests may race: the first rename wins.
		tmp=$(mktemp -d "$tpl.XXXXXX") && mk_input_files "$tmp" &&
		    chmod 755 "$tmp" &&
		    { mv -T "$tmp" "$tpl" 2>/dev/null || rm -rf "$tmp"; }
	fi
	cp -a "$tpl/." "$T/"
}
