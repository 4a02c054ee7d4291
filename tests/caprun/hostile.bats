#!/usr/bin/env bats
# hostile.bats - caprun against hostile input: invalid options, bad --fd
# specifications, missing, empty and enormous paths, programs that are
# missing or no programs, closed and full standard streams.  Each case
# asserts the exit status (125: caprun failed, 126: the program cannot
# run, 127: not found; never a crash) and the message.
bats_require_minimum_version 1.5.0
load helpers

# expect STATUS MESSAGE ARG...: caprun ARG... exits STATUS and says
# MESSAGE (all of stderr), with stdout empty.
expect() {
	local want=$1 msg=$2
	shift 2
	run "-$want" --separate-stderr cr "$@"
	if [ "$stderr" != "$msg" ] || [ -n "$output" ]; then
		printf '# caprun %s\n#   stderr: %s\n#   expected: %s\n' \
		    "$*" "$stderr" "$msg"
		return 1
	fi
}

TRY="Try 'caprun --help' for more information."

@test "caprun: invalid options: GNU's words, status 125" {
	expect 125 "caprun: unrecognized option '--bogus'"$'\n'"$TRY" \
	    --bogus -- /bin/true
	expect 125 "caprun: invalid option -- 'x'"$'\n'"$TRY" -x -- /bin/true
	expect 125 "caprun: invalid option -- 'x'"$'\n'"$TRY" -xyz
	expect 125 "caprun: option '--r' is ambiguous; possibilities: '--ro' '--rw'"$'\n'"$TRY" \
	    --r /tmp -- /bin/true
	expect 125 "caprun: option '--help' doesn't allow an argument"$'\n'"$TRY" \
	    --help=x
	expect 125 "caprun: option '--ro' requires an argument"$'\n'"$TRY" --ro
	expect 125 "caprun: option '--fd' requires an argument"$'\n'"$TRY" --fd
	expect 125 "caprun: --env wants NAME=VALUE"$'\n'"$TRY" \
	    --env NOEQUALS -- /bin/true
	expect 125 "caprun: no program given"$'\n'"$TRY"
	expect 125 "caprun: no program given"$'\n'"$TRY" --
}

@test "caprun: bad --fd specifications: named, status 125" {
	local spec
	for spec in 1:BOGUS 1: 1:read,,write 1:read,bogus; do
		expect 125 "caprun: --fd $spec: unknown rights" --fd "$spec" \
		    -- /bin/true
	done
	for spec in -1 -1:read x : '' 2147483648 99999999999999999999 \
	    18446744073709551616:read 1x 1.5; do
		expect 125 "caprun: --fd $spec: not a descriptor number" \
		    --fd "$spec" -- /bin/true
	done
	# A number that is no open descriptor.
	expect 125 "caprun: --fd 99: Bad file descriptor" --fd 99:read \
	    -- /bin/true
}

@test "caprun: missing, empty and enormous paths: named, status 126" {
	local long path n
	printf -v long '%300s' ''
	long=${long// /y}
	path=$long
	for ((n = 0; n < 14; n++)); do path+=/$long; done
	expect 126 "caprun: /nonexistent: No such file or directory" \
	    --ro /nonexistent -- /bin/true
	expect 126 "caprun: $W/missing/x: No such file or directory" \
	    --rw "$W/missing/x" -- /bin/true
	expect 126 "caprun: '': No such file or directory" --ro '' -- /bin/true
	expect 126 "caprun: --cwd /nonexistent: No such file or directory" \
	    --cwd /nonexistent -- /bin/true
	expect 126 "caprun: $W/$long: File name too long" \
	    --ro "$W/$long" -- /bin/true
	expect 126 "caprun: $W/$path: File name too long" \
	    --ro "$W/$path" -- /bin/true
	expect 126 "caprun: --cwd $W/$path: File name too long" \
	    --cwd "$W/$path" -- /bin/true
	# getopt takes the next word for --ro's path, "--" too.
	expect 126 "caprun: --: No such file or directory" --ro -- /bin/true
}

@test "caprun: a program missing, empty, enormous, a directory, not executable" {
	local long
	printf -v long '%300s' ''
	long=${long// /z}
	expect 127 "caprun: nosuchprogram: No such file or directory" \
	    -- nosuchprogram
	expect 127 "caprun: /nonexistent/prog: No such file or directory" \
	    -- /nonexistent/prog
	expect 127 "caprun: '': No such file or directory" -- ''
	expect 126 "caprun: $long: File name too long" -- "$long"
	expect 126 "caprun: /tmp: Permission denied" -- /tmp
	echo 'echo hi' >"$W/script"
	chmod 644 "$W/script"
	expect 126 "caprun: $W/script: Permission denied" -- "$W/script"
}

@test "caprun: an unreadable grant as an unprivileged user: status 126" {
	as_nobody
	mkdir -m 700 "$W/secret"
	run --separate-stderr "${AS[@]}" "$CAPRUN" --ro "$W/secret/x" \
	    -- /bin/true
	[ "$status" = 126 ]
	[ "$stderr" = "caprun: $W/secret/x: Permission denied" ]
}

@test "caprun: its own output into a closed or full stdout: status 125" {
	run --separate-stderr bash -c '"$CAPRUN" --help >&-'
	[ "$status" = 125 ]
	[ "$stderr" = "caprun: write error: Bad file descriptor" ]
	run --separate-stderr bash -c '"$CAPRUN" --help >/dev/full'
	[ "$status" = 125 ]
	[ "$stderr" = "caprun: write error: No space left on device" ]
	run --separate-stderr bash -c \
	    '"$CAPRUN" --print-policy -- /bin/true >/dev/full'
	[ "$status" = 125 ]
	[ "$stderr" = "caprun: write error: No space left on device" ]
}

@test "caprun: a program's closed or full standard streams fail as without caprun" {
	local redir direct
	# A closed stream stays unusable for the program (EBADF), as it is
	# without caprun: no write into /dev/null that looks like success.
	for redir in '>&-' '>/dev/full' '<&-'; do
		case $redir in
		'<&-') direct="/bin/cat $redir" ;;
		*) direct="/bin/echo hi $redir" ;;
		esac
		run --separate-stderr bash -c "$direct"
		local want_status=$status want_err=${stderr%%$'\n'*}
		run --separate-stderr bash -c "\"\$CAPRUN\" --ro '$W' -- $direct"
		[ "$want_status" != 0 ]
		# The first line: a truly closed stdin also fails cat's closing
		# of it ("closing standard input"), the one held by caprun
		# closes.
		if [ "$status" != "$want_status" ] ||
		    [ "${stderr%%$'\n'*}" != "$want_err" ]; then
			echo "# caprun -- $direct: status $status ($want_status), '$stderr' ('$want_err')"
			return 1
		fi
	done
}
