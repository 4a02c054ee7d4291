#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
#
# help.bats - the help block of each applet and its option tables agree.
#
# For every applet source (coreutils/NAME.c with an APPLET() line): each
# short option in optstr and each long option in longopts appears in
# `capbox NAME --help`, or, when it does not, the applet refuses it as
# "not supported" (never ignores it).  Each option the help text lists is
# in the tables.
bats_require_minimum_version 1.5.0
load helpers/common

SRC=$BATS_TEST_DIRNAME/../../coreutils

# The file holding the option tables of an applet.
table_file() {
	local f=$SRC/$1.c
	if ! grep -q '^static const char optstr' "$f"; then
		f=$(sed -n 's/.*Options are parsed in \([a-z_]*\.c\).*/\1/p' "$f")
		[ -n "$f" ] && f=$SRC/$f
	fi
	echo "$f"
}

short_opts() {
	sed -n 's/^static const char optstr\[\] = "\(.*\)";/\1/p' "$1" |
	    sed 's/^[+-]//; s/://g' | fold -w1
}

long_opts() {
	sed -n 's/^[[:space:]]*{ "\([a-z0-9-]*\)", \([a-z_]*\),.*/\1 \2/p' "$1"
}

in_help() {
	grep -qE -- "(^|[^A-Za-z0-9-])$2([^A-Za-z0-9-]|$)" <<<"$1"
}

# Not in the help: the applet must refuse it as unsupported.
refused() {
	local app=$1
	shift
	run --separate-stderr timeout 5 "$CAPBOX" "$app" "$@" </dev/null
	[ "$status" -ne 0 ] && [[ $stderr == *"is not supported"* ]]
}

check_applet() {
	local app=$1 tab help o name arg bad=""
	tab=$(table_file "$app")
	[ -n "$tab" ] || return 0
	help=$("$CAPBOX" "$app" --help)
	while read -r o; do
		[ -n "$o" ] || continue
		in_help "$help" "-$o" && continue
		if grep -q "optstr.*$o:" "$tab"; then arg=x; else arg=; fi
		refused "$app" "-$o" $arg || bad="$bad -$o"
	done < <(short_opts "$tab")
	while read -r name arg; do
		[ -n "$name" ] || continue
		in_help "$help" "--$name" && continue
		if [ "$arg" = no_argument ]; then
			refused "$app" "--$name" || bad="$bad --$name"
		else
			refused "$app" "--$name=x" || bad="$bad --$name"
		fi
	done < <(long_opts "$tab")
	# The other way: options the help lists are in the tables.
	for o in $(grep -oE '^ +-[A-Za-z0-9]' <<<"$help" | tr -d ' -'); do
		short_opts "$tab" | grep -qxF -- "$o" || bad="$bad help:-$o"
	done
	for name in $(grep -oE '^ +(-[A-Za-z0-9], )?--[a-z0-9-]+' <<<"$help" |
	    sed 's/.*--//'); do
		long_opts "$tab" | grep -q "^$name " || bad="$bad help:--$name"
	done
	[ -z "$bad" ] || { echo "# $app:$bad"; return 1; }
}

@test "help: every applet answers --help with a usage line, exit 0" {
	local app bad=""
	for app in $("$CAPBOX" --list); do
		# "test --help" is a string (POSIX); test.bats checks "[ --help".
		case $app in "[" | test) continue ;; esac
		run -0 "$CAPBOX" "$app" --help
		[[ ${lines[0]} == "usage: $app"* ]] || bad="$bad $app"
	done
	[ -z "$bad" ] || { echo "# no usage line:$bad"; return 1; }
}

@test "help: option tables and help texts agree" {
	local f app bad=""
	cd "$BATS_TEST_TMPDIR"
	for f in "$SRC"/*.c; do
		app=$(sed -n 's/^APPLET(\([a-z0-9_]*\),.*/\1/p' "$f")
		[ -n "$app" ] || continue
		"$CAPBOX" --list | grep -qxF "$app" || continue
		check_applet "$app" || bad="$bad $app"
	done
	[ -z "$bad" ] || { echo "# disagree:$bad"; return 1; }
}

@test "help: --version and capbox --list, --help" {
	run -0 "$CAPBOX" --version
	assert_output --regexp '^capbox \(capbox\) [0-9]'
	run -0 "$CAPBOX" cat --version
	assert_output --regexp '^cat \(capbox\) '
	run -0 "$CAPBOX" --list
	assert_line cat
	run -0 "$CAPBOX" --help
	assert_line --partial "usage: capbox APPLET"
	run -0 "$CAPBOX" --help head
	assert_output --regexp '^usage: head '
	run -1 --separate-stderr "$CAPBOX" nosuchapplet
	assert_equal "$stderr" "capbox: nosuchapplet: applet not found"
}

@test "help: a link named after the applet runs it, messages name it" {
	ln -s "$CAPBOX" "$BATS_TEST_TMPDIR/head"
	run -1 --separate-stderr "$BATS_TEST_TMPDIR/head" -x
	assert_equal "$stderr" "$(printf "head: invalid option -- 'x'\nTry 'head --help' for more information.")"
	run -1 --separate-stderr "$CAPBOX" head -x
	assert_equal "$stderr" "$(printf "head: invalid option -- 'x'\nTry 'head --help' for more information.")"
}
