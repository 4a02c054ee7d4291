#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# tests/cli/helpers/hostile.bash - the table runner of hostile.bats
#
#   bash hostile.bash MODE [ARG]... <TABLE
#
# Each line of TABLE is a command (an applet and its arguments, split on
# blanks).  GNU coreutils' applet (argv[0] the bare name) runs in $T/g and
# capbox's in $T/c, each in a tree of the same files; what each mode
# compares is said at the mode.  A mismatch prints "# line: what" and the
# run goes on; the exit status is 1 if there was any.
#
# hostile.bats runs this as a script of its own, as help.bats does with
# help-tables.bash: inside a test bats traces every simple command (its
# DEBUG trap), which made the loops cost more than the programs they run.
#
# Environment: CAPBOX (the binary under test), T (a scratch directory),
# HX_OUT (closed: stdout closed; full: /dev/full; else a file), HX_IN
# (stdin, default /dev/null).
set -u
export LC_ALL=${HX_LOCALE:-C} TZ=UTC
export ASAN_OPTIONS=detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}
: "${CAPBOX:?}" "${T:?}"
MODE=$1
shift

# No run may write more than 16 MiB or spin for a minute: a runaway
# writer or a loop fails its case instead of filling the disk or hanging.
ulimit -f 16384
ulimit -t 60

BAD=0
bad() {
	local s=$*
	((${#s} > 400)) && s="${s:0:400}..."
	printf '# %s\n' "$s"
	BAD=1
}

# The trees: f (1..50), s1 and s2 (sorted), a directory with a file, an
# empty one, a link and a link to nowhere.
fixture() {
	local d=$1
	mkdir -p "$d/d" "$d/e"
	printf '%s\n' {1..50} >"$d/f"
	printf 'a\nb\nc\n' >"$d/s1"
	printf 'b\nc\nd\n' >"$d/s2"
	printf 'x\n' >"$d/d/x"
	ln -s f "$d/lnk"
	ln -s nowhere "$d/dangling"
}
rm -rf "$T/tpl" "$T/g" "$T/c"
fixture "$T/tpl"
DIRTY=1

# Applets that may change their tree: the trees are made again after.
MUTATING=" chmod cp ln mkdir mktemp mv rm rmdir split tee touch truncate sort "
# Names the shell would take for its builtins.
BUILTIN=" [ echo false printf test true "

# run1 gnu|cb APP ARG...: one run, in g/ or c/, stdin, stdout and stderr
# as the environment says; its status in ST, outputs in T/WHO.out|.err.
run1() {
	local who=$1 app=$2 dir out in=${HX_IN:-/dev/null}
	shift 2
	dir=$T/${who:0:1}
	case ${HX_OUT-} in
	closed) out=- ;;
	full) out=/dev/full ;;
	*) out=$T/$who.out ;;
	esac
	: >"$T/$who.out"
	ST=0
	cd "$dir" || exit 2
	if [ "$who" = cb ]; then
		if [ "$out" = - ]; then
			"$CAPBOX" "$app" "$@" <"$in" >&- 2>"$T/$who.err" || ST=$?
		else
			"$CAPBOX" "$app" "$@" <"$in" >"$out" 2>"$T/$who.err" || ST=$?
		fi
	elif [[ $BUILTIN == *" $app "* ]]; then
		if [ "$out" = - ]; then
			(exec -a "$app" "/usr/bin/$app" "$@") <"$in" >&- \
			    2>"$T/$who.err" || ST=$?
		else
			(exec -a "$app" "/usr/bin/$app" "$@") <"$in" >"$out" \
			    2>"$T/$who.err" || ST=$?
		fi
	else
		# Found in PATH, GNU's program sees argv[0] = APP.
		if [ "$out" = - ]; then
			PATH=/usr/bin "$app" "$@" <"$in" >&- 2>"$T/$who.err" ||
			    ST=$?
		else
			PATH=/usr/bin "$app" "$@" <"$in" >"$out" \
			    2>"$T/$who.err" || ST=$?
		fi
	fi
	cd "$T" || exit 2
}

# slurp FILE: its text in REPLY, the two trees' names made one.
slurp() {
	REPLY=
	IFS= read -r -d '' REPLY <"$1" || true
	REPLY=${REPLY//"$T/"[gc]/"$T/X"}
}

# hx APP ARG...: run both; GS CS statuses, GO CO stdout, GE CE stderr.
hx() {
	if ((DIRTY)); then
		rm -rf "$T/g" "$T/c"
		cp -a "$T/tpl" "$T/g"
		cp -a "$T/tpl" "$T/c"
		DIRTY=0
	fi
	[[ $MUTATING == *" $1 "* ]] && DIRTY=1
	run1 gnu "$@"
	GS=$ST
	run1 cb "$@"
	CS=$ST
	slurp "$T/gnu.out"
	GO=$REPLY
	slurp "$T/cb.out"
	CO=$REPLY
	slurp "$T/gnu.err"
	GE=$REPLY
	slurp "$T/cb.err"
	CE=$REPLY
}

# sane APP ARG...: capbox's run was no crash (a signal, a sanitizer's or
# a limit's status) and a failure names the program.
sane() {
	if ((CS > 125)); then
		bad "$*: capbox status $CS (crash, signal or limit)"
		return 1
	fi
	if ((CS != 0)) && [ -n "$CE" ] && [[ $CE != "$1: "* ]]; then
		bad "$*: the message does not name the program: ${CE%%$'\n'*}"
		return 1
	fi
}

# same APP ARG...: status, stderr and stdout are GNU's.
same() {
	hx "$@"
	sane "$@" || return 0
	if [ "$GS" != "$CS" ]; then
		bad "$*: status GNU $GS, capbox $CS: ${CE%%$'\n'*}"
	elif [ "$GE" != "$CE" ]; then
		bad "$*: stderr: GNU '${GE//$'\n'/|}', capbox '${CE//$'\n'/|}'"
	elif [ "$GO" != "$CO" ]; then
		bad "$*: stdout differs"
	fi
}

# fails_like REGEX APP ARG...: both fail with the same status, capbox's
# last line of stderr is "APP: " and then matches REGEX (GNU's wording
# aside: capbox gives the reason of a write error where GNU does not).
fails_like() {
	local re=$1 last
	shift
	hx "$@"
	sane "$@" || return 0
	last=${CE%$'\n'}
	last=${last##*$'\n'}
	if [ "$GS" != "$CS" ]; then
		bad "$*: status GNU $GS, capbox $CS: ${CE%%$'\n'*}"
	elif ((CS == 0)); then
		bad "$*: no failure (status 0)"
	elif [[ $last != "$1: "* ]] || ! [[ ${last#"$1: "} =~ $re ]]; then
		bad "$*: message '$last' is not '$1: ' and /$re/"
	fi
}

# each: the table's lines, as words in W (comments and blank lines out).
each() {
	local line
	while IFS= read -r line; do
		case $line in '' | '#'*) continue ;; esac
		read -ra W <<<"$line"
		"$@"
	done
}

# subst FROM TO: W with every FROM in its words made TO; an argument that
# is FROM alone may become empty.
subst() {
	local k
	for k in "${!W[@]}"; do
		if [ "${W[k]}" = "$1" ]; then
			W[k]=$2
		else
			W[k]=${W[k]//"$1"/"$2"}
		fi
	done
}

mode_same() {
	each eval 'same "${W[@]}"'
}

# per_value MARK VALUE...: each line once per value, MARK standing for it.
per_value() {
	local mark=$1 w
	local -a vals=("${@:2}")
	value_line() {
		local v
		w=("${W[@]}")
		for v in "${vals[@]}"; do
			W=("${w[@]}")
			subst "$mark" "$v"
			same "${W[@]}"
		done
	}
	each value_line
}

# huge VALUE...: each line once per value, '@' standing for it.
mode_huge() {
	per_value @ "$@"
}

# operand NAME...: each line once per name, E standing for it.
mode_operand() {
	per_value E "$@"
}

# fails REGEX: every line fails as GNU's, capbox saying REGEX.
mode_fails() {
	local re=$1
	each eval 'fails_like "$re" "${W[@]}"'
}

# nobody: as an unprivileged user, in trees where U is a file of mode
# 000 and D a directory of mode 700, both root's; compare status, stdout
# and stderr.
mode_nobody() {
	local -a priv=(setpriv --reuid=65534 --regid=65534 --clear-groups)
	local d=$T
	while [ "$d" != / ]; do chmod o+x "$d"; d=${d%/*}; d=${d:-/}; done
	echo secret >"$T/tpl/U"
	chmod 000 "$T/tpl/U"
	mkdir "$T/tpl/D"
	: >"$T/tpl/D/x"
	chmod 700 "$T/tpl/D"
	chmod 777 "$T/tpl"
	nobody_line() {
		local who app=${W[0]}
		for who in g c; do
			rm -rf "${T:?}/$who"
			cp -a "$T/tpl" "$T/$who"
			cd "$T/$who" || exit 2
			ST=0
			if [ $who = g ]; then
				"${priv[@]}" "/usr/bin/$app" "${W[@]:1}" \
				    >"$T/$who.out" 2>"$T/$who.err" </dev/null || ST=$?
			else
				"${priv[@]}" "$CAPBOX" "${W[@]}" \
				    >"$T/$who.out" 2>"$T/$who.err" </dev/null || ST=$?
			fi
			cd "$T" || exit 2
			slurp "$T/$who.err"
			# Through setpriv, GNU sees its full path as argv[0].
			REPLY=${REPLY//"/usr/bin/$app:"/"$app:"}
			REPLY=${REPLY//"'/usr/bin/$app --help'"/"'$app --help'"}
			printf -v "E_$who" '%s' "$REPLY"
			slurp "$T/$who.out"
			printf -v "O_$who" '%s[%s]' "$REPLY" "$ST"
		done
		[ "$E_g" = "$E_c" ] && [ "$O_g" = "$O_c" ] ||
		    bad "${W[*]}: GNU '$O_g ${E_g//$'\n'/|}', capbox '$O_c ${E_c//$'\n'/|}'"
	}
	each nobody_line
	DIRTY=1
}

# gone: in a working directory removed before the applet starts.
mode_gone() {
	gone_line() {
		local who
		for who in gnu cb; do
			mkdir "$T/gone"
			cd "$T/gone" && rmdir "$T/gone" || exit 2
			ST=0
			if [ $who = gnu ]; then
				PATH=/usr/bin "${W[@]}" >"$T/$who.out" \
				    2>"$T/$who.err" </dev/null || ST=$?
			else
				"$CAPBOX" "${W[@]}" >"$T/$who.out" \
				    2>"$T/$who.err" </dev/null || ST=$?
			fi
			cd "$T" || exit 2
			echo "[$ST]" >>"$T/$who.out"
		done
		slurp "$T/gnu.out"; GO=$REPLY
		slurp "$T/cb.out"; CO=$REPLY
		slurp "$T/gnu.err"; GE=$REPLY
		slurp "$T/cb.err"; CE=$REPLY
		[ "$GO$GE" = "$CO$CE" ] ||
		    bad "${W[*]}: GNU '${GO//$'\n'/|} ${GE//$'\n'/|}', capbox '${CO//$'\n'/|} ${CE//$'\n'/|}'"
	}
	each gone_line
}

# pipe default|ignore: each line (a shell command line, @ARGS standing
# for 20000 arguments) writes into "head -c1", with SIGPIPE as it is or
# ignored.  The writer's status is GNU's; when it is neither 0 nor 141
# (killed by SIGPIPE) capbox says "APP: ...Broken pipe", else nothing.
mode_pipe() {
	local disp=$1 line cmd who last app
	local args
	args=$(seq -s ' ' 20000)
	seq 1 200000 >"$T/big"
	cd "$T" || exit 2
	while IFS= read -r line; do
		[ -n "$line" ] || continue
		app=${line%% *}
		for who in gnu cb; do
			cmd=${line//@ARGS/$args}
			if [ $who = gnu ]; then
				cmd="exec -a $app /usr/bin/$cmd"
			else
				cmd="exec \"\$CAPBOX\" $cmd"
			fi
			(
				[ "$disp" = ignore ] && trap '' PIPE
				(eval "$cmd") 2>"$T/$who.err" | head -c1 >/dev/null
				echo "${PIPESTATUS[0]}"
			) >"$T/$who.st"
		done
		slurp "$T/gnu.st"; GS=${REPLY%$'\n'}
		slurp "$T/cb.st"; CS=${REPLY%$'\n'}
		slurp "$T/cb.err"; last=${REPLY%$'\n'}; last=${last##*$'\n'}
		if [ "$GS" != "$CS" ]; then
			bad "$app: status GNU $GS, capbox $CS ($disp SIGPIPE): $last"
		elif [ "$CS" = 141 ] || [ "$CS" = 0 ]; then
			[ -z "$last" ] || bad "$app: status $CS with a message: $last"
		elif [[ $last != "$app: "*"Broken pipe" ]]; then
			bad "$app: status $CS ($disp SIGPIPE), message '$last'"
		fi
	done
}

# fs FULL NOINODE: FULL a filesystem of 64 KiB, NOINODE one with a free
# inode, taken before each run.  Each line (@F and @I standing for them)
# runs in $T/src, stdin the source file; status, the first line of
# stderr and what was left where (names and sizes) are GNU's.
mode_fs() {
	local full=$1 noinode=$2
	mkdir -p "$T/srctpl/dd/sub"
	seq 1 100000 >"$T/srctpl/big"
	seq 1 20000 >"$T/srctpl/dd/a"
	seq 1 30000 >"$T/srctpl/dd/sub/b"
	cp -a "$T/srctpl" "$T/src"
	fs_run() {
		local who=$1
		shift
		rm -rf "${full:?}/"* "${noinode:?}/"*
		: >"$noinode/taken"
		# Only mv changes its source tree.
		if [ "$1" = mv ]; then
			rm -rf "$T/src"
			cp -a "$T/srctpl" "$T/src"
		fi
		cd "$T/src" || exit 2
		ST=0
		if [ "$who" = gnu ]; then
			PATH=/usr/bin "$@" <"$T/src/big" >/dev/null \
			    2>"$T/$who.err" || ST=$?
		else
			"$CAPBOX" "$@" <"$T/src/big" >/dev/null \
			    2>"$T/$who.err" || ST=$?
		fi
		cd "$T" || exit 2
		slurp "$T/$who.err"
		{
			echo "status $ST"
			echo "${REPLY%%$'\n'*}"
			find "$full" "$noinode" src -printf '%p %s\n' | sort
		} >"$T/$who.res"
	}
	fs_line() {
		subst @F "$full"
		subst @I "$noinode"
		fs_run gnu "${W[@]}"
		fs_run cb "${W[@]}"
		if ! cmp -s "$T/gnu.res" "$T/cb.res"; then
			bad "${W[*]}: $(diff "$T/gnu.res" "$T/cb.res" | tr '\n' '|')"
		elif grep -q '^status 0$' "$T/cb.res" && [ -s "$T/cb.err" ]; then
			bad "${W[*]}: status 0 with a message"
		fi
	}
	each fs_line
}

"mode_$MODE" "$@"
exit "$BAD"
