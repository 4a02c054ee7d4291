#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# tests/cli/helpers/help-tables.bash - do option tables and help texts agree?
#
#   bash help-tables.bash SRCDIR      (CAPBOX: the binary under test)
#
# For every applet source (SRCDIR/NAME.c with an APPLET() line) of an
# applet this capbox has: each short option in optstr and each long option
# in longopts appears in `capbox NAME --help`, or, when it does not, the
# applet refuses it as "not supported" (never ignores it).  Each option the
# help text lists is in the tables.  Prints "# NAME: what" for each applet
# that disagrees and exits 1 if any did.
#
# help.bats runs this as a script of its own: inside a test, bats traces
# every simple command (its DEBUG trap), which made these loops over every
# line of every source most of the suite's time.  The sources and the help
# texts are read with the shell's own pattern matching, so the processes
# are the applets' --help and the refused options, nothing else.
SRC=$1
export LC_ALL=C

# read_source FILE: FILE's lines in SRC_LINES.
read_source() {
	SRC_LINES=()
	[ -f "$1" ] && mapfile -t SRC_LINES <"$1"
}

# table_file APPLET: in TAB, the file holding the option tables of an
# applet: its own source, or the one it names ("Options are parsed in
# cb_hash.c").  Empty when there is none.
table_file() {
	local f=$SRC/$1.c line re='.*Options are parsed in ([a-z_]*\.c).*' got=
	read_source "$f"
	for line in "${SRC_LINES[@]}"; do
		[[ $line == "static const char optstr"* ]] && { TAB=$f; return; }
	done
	for line in "${SRC_LINES[@]}"; do
		[[ $line == *"Options are parsed in "* && $line =~ $re ]] &&
		    got=${got:+$got$'\n'}${BASH_REMATCH[1]}
	done
	TAB=${got:+$SRC/$got}
}

# read_table FILE: FILE's option tables.  SHORT: each short option, one
# character an element (optstr without its leading + or - and colons);
# LONG: "name has_arg" for each longopts entry; OPTLINES: the lines that
# name optstr.
read_table() {
	local line s i
	local re_s='^static const char optstr\[\] = "(.*)";(.*)$'
	local re_l='^[[:space:]]*\{ "([a-z0-9-]*)", ([a-z_]*),'
	SHORT=() LONG=() OPTLINES=()
	read_source "$1"
	for line in "${SRC_LINES[@]}"; do
		case $line in
		*optstr*)
			OPTLINES+=("$line")
			[[ $line =~ $re_s ]] || continue
			s=${BASH_REMATCH[1]}${BASH_REMATCH[2]}
			s=${s#[+-]}
			s=${s//:/}
			for ((i = 0; i < ${#s}; i++)); do
				SHORT+=("${s:i:1}")
			done
			;;
		*'{ "'*)
			[[ $line =~ $re_l ]] &&
			    LONG+=("${BASH_REMATCH[1]} ${BASH_REMATCH[2]}")
			;;
		esac
	done
}

# takes_arg O: the short option O takes an argument (O: in optstr).
takes_arg() {
	local line
	for line in "${OPTLINES[@]}"; do
		[[ $line =~ optstr.*$1: ]] && return 0
	done
	return 1
}

# in_help HELP OPTION: OPTION is in HELP as a word of its own.  A newline
# is no part of an option name, so one pattern for the whole text is the
# same as one pattern a line.
in_help() {
	local re="(^|[^A-Za-z0-9-])$2([^A-Za-z0-9-]|\$)"
	[[ $1 =~ $re ]]
}

# refused APPLET ARGS...: not in the help, the applet must refuse it as
# unsupported.
refused() {
	local app=$1 stderr status=0
	shift
	stderr=$(timeout 5 "$CAPBOX" "$app" "$@" </dev/null 2>&1 >/dev/null) ||
	    status=$?
	[ "$status" -ne 0 ] && [[ $stderr == *"is not supported"* ]]
}

check_applet() {
	local app=$1 help o name arg bad="" line known
	local re_hs='^ +-([A-Za-z0-9])' re_hl='^ +(-[A-Za-z0-9], )?--[a-z0-9-]+'
	table_file "$app"
	[ -n "$TAB" ] || return 0
	read_table "$TAB"
	help=$("$CAPBOX" "$app" --help)
	for o in "${SHORT[@]}"; do
		in_help "$help" "-$o" && continue
		if takes_arg "$o"; then arg=x; else arg=; fi
		refused "$app" "-$o" $arg || bad="$bad -$o"
	done
	for line in "${LONG[@]}"; do
		name=${line%% *} arg=${line#* }
		[ -n "$name" ] || continue
		in_help "$help" "--$name" && continue
		if [ "$arg" = no_argument ]; then
			refused "$app" "--$name" || bad="$bad --$name"
		else
			refused "$app" "--$name=x" || bad="$bad --$name"
		fi
	done
	# The other way: options the help lists are in the tables.
	while IFS= read -r line; do
		if [[ $line =~ $re_hs ]]; then
			o=${BASH_REMATCH[1]}
			known=
			for arg in "${SHORT[@]}"; do
				[ "$arg" = "$o" ] && known=1 && break
			done
			[ -n "$known" ] || bad="$bad help:-$o"
		fi
		if [[ $line =~ $re_hl ]]; then
			name=${BASH_REMATCH[0]##*--}
			known=
			for arg in "${LONG[@]}"; do
				[ "${arg%% *}" = "$name" ] && known=1 && break
			done
			[ -n "$known" ] || bad="$bad help:--$name"
		fi
	done <<<"$help"
	[ -z "$bad" ] || { echo "# $app:$bad"; return 1; }
}

list=$'\n'$("$CAPBOX" --list)$'\n' || exit 1
bad=
re='^APPLET\(([a-z0-9_]*),'
for f in "$SRC"/*.c; do
	app=
	read_source "$f"
	for line in "${SRC_LINES[@]}"; do
		[[ $line == APPLET* && $line =~ $re ]] &&
		    app=${app:+$app$'\n'}${BASH_REMATCH[1]}
	done
	[ -n "$app" ] || continue
	[[ $list == *$'\n'"$app"$'\n'* ]] || continue
	check_applet "$app" || bad="$bad $app"
done
[ -z "$bad" ] || { echo "# disagree:$bad"; exit 1; }
