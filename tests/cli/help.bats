#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
#
# help.bats - the help block of each applet and its option tables agree.
#
# For every applet source (coreutils/NAME.c with an APPLET() line): each
# short option in optstr and each long option in longopts appears in
# `capbox NAME --help`, or, when it does not, the applet refuses it as
# "not supported" (never ignores it).  Each option the help text lists is
# in the tables (helpers/help-tables.bash).
bats_require_minimum_version 1.5.0
load helpers/common

SRC=$BATS_TEST_DIRNAME/../../coreutils

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
	# A script of its own (see there): bats' tracing of each command made
	# this test most of the suite's time.
	cd "$BATS_TEST_TMPDIR"
	bash "$BATS_TEST_DIRNAME/helpers/help-tables.bash" "$SRC"
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

# --help and --version are options like the others, as in GNU: they may be
# abbreviated, may be ambiguous, and are taken in order with the rest.
@test "help: --help and --version abbreviated, ambiguous and in order as GNU" {
	local app
	for app in cat head sort ls; do
		run -0 "$CAPBOX" "$app" --he
		[[ ${lines[0]} == "usage: $app"* ]]
	done
	run -0 "$CAPBOX" cat --vers
	assert_output --regexp '^cat \(capbox\) '
	run -0 "$CAPBOX" cmp --vers
	assert_output --regexp '^cmp \(capbox\) '
	# --vers could be --version-sort as well: GNU refuses it.
	run -2 --separate-stderr "$CAPBOX" sort --vers /dev/null
	assert_equal "$stderr" "sort: option '--vers' is ambiguous; possibilities: '--version-sort' '--version'
Try 'sort --help' for more information."
	run -1 --separate-stderr "$CAPBOX" cat --help=x
	assert_equal "$stderr" "cat: option '--help' doesn't allow an argument
Try 'cat --help' for more information."
	# An error before --help is reported, as GNU's getopt order has it.
	run -2 --separate-stderr "$CAPBOX" sort -k0 --help
	assert_equal "${stderr%%$'\n'*}" "sort: field number is zero: invalid field specification '0'"
	# An option's argument is not an option, even when it reads --help.
	run -1 --separate-stderr "$CAPBOX" head -n --help /dev/null
	assert_equal "$stderr" "head: invalid number of lines: '-help'"
	cd "$BATS_TEST_TMPDIR"
	run -1 --separate-stderr "$CAPBOX" cat -- --help
	assert_equal "$stderr" "cat: --help: No such file or directory"
}
