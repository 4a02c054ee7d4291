#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
#
# hostile.bats - every applet against hostile input: invalid options, huge
# numbers, empty and enormous operands, unreadable, missing and vanished
# files, a closed or full standard output, full filesystems, broken pipes.
#
# What is asserted, for each case: the exit status (never a crash, never 0
# for a failure) and the message (the program's name, what failed, why).
# Most cases run GNU coreutils and capbox the same way and compare status,
# standard error and standard output (helpers/hostile.bash, which runs
# the tables: see there).  Where capbox differs from GNU on purpose, the
# test says why and asserts capbox's behaviour.
bats_require_minimum_version 1.5.0
load helpers/common

setup() {
	T=$BATS_TEST_TMPDIR
	export T
	MOUNTED=()
	[ -x /usr/bin/cat ] && [ -x /usr/bin/sort ] ||
	    skip "GNU coreutils are not installed"
}

teardown() {
	local m
	for m in "${MOUNTED[@]}"; do
		umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
	done
}

# hostile MODE ARG... <TABLE: the table runner; it prints one line for
# each case that does not match, and fails if there was one.
hostile() {
	bash "$BATS_TEST_DIRNAME/helpers/hostile.bash" "$@"
}

@test "hostile: an invalid option, every applet, as GNU" {
	local app table=
	cb_applets
	for app in $CB_APPLETS; do
		[ -x "/usr/bin/$app" ] || { echo "# no GNU $app"; return 1; }
		# An invalid short option, then an unknown long one: GNU's
		# du and nl report both, the others the first.
		table+="$app -^ --no-such-option"$'\n'
	done
	hostile same <<<"$table"
}

@test "hostile: a missing option argument, as GNU" {
	# An operand before the option: musl's getopt then permutes argv
	# into a vector capbox once read past its end.
	hostile same <<'EOF'
head f -n
head f -c
head f --lines
tail f -n
fold f -w
cut f -b
cut f -d
split f -l
split f -a
sort f -k
sort f -t
sort f -o
sort f -S
nl f -w
od f -j
od f -N
od f -t
uniq f -f
uniq f -w
truncate f -s
mktemp -p
seq -s
seq -f
tee --append=x
du -d
cmp f s1 -i
chmod --reference
touch f -d
EOF
}

@test "hostile: huge and negative numbers for numeric options, as GNU" {
	# Past uintmax_t, past intmax_t, and negative.
	hostile huge 99999999999999999999999 9223372036854775808 -1 <<'EOF'
head -n @ f
head -c @ f
head -n -@ f
head -c -@ f
tail -n @ f
tail -n +@ f
fold -w @ f
split -l @ f
split -b @ f
split -n @ f
split -a @ f
seq @ @
seq 1 @ 3
truncate -s @ f
truncate -s +@ f
truncate -s %@ f
od -N @ f
od -j @ f
od -t d@ f
cut -b @ f
cut -f @ f
cut -b 1-@ f
cut -f @- f
nl -w @ f
nl -v @ f
uniq -f @ f
uniq -w @ f
sort -k @ f
sort -k 1,@ f
sort -S @ f
du -d @ f
cmp -i @ f s1
stat -c %@ f
printf %d @
printf %.3f @
test @ -eq 1
[ 1 -lt @ ]
sleep -@
EOF
}

@test "hostile: a huge count makes sleep sleep, as GNU's" {
	local v s
	for v in 99999999999999999999999 1e9999 inf; do
		s=0
		timeout 0.2 "$CAPBOX" sleep "$v" || s=$?
		[ "$s" = 124 ] || { echo "# sleep $v: status $s"; return 1; }
	done
}

@test "hostile: where GNU's handling of a huge number is odd, capbox's own" {
	cd "$T"
	printf 'a\nb\nc\n' >s1
	printf 'b\nc\nd\n' >s2
	# GNU fails to seek past the end (EINVAL); there is nothing there to
	# print, so capbox prints nothing and succeeds.
	run -0 --separate-stderr "$CAPBOX" tail -c +9223372036854775808 s1
	assert_equal "$output$stderr" ""
	# GNU allocates a thread table of that size ("memory exhausted");
	# capbox sorts in one thread and accepts any count.
	run -0 --separate-stderr "$CAPBOX" sort --parallel=9223372036854775808 s2
	assert_equal "$output" "$(printf 'b\nc\nd')"
	# GNU's key start then points before the line (overflowed pointer
	# arithmetic) and its order is arbitrary; capbox's keys are empty and
	# the lines compare whole.
	run -0 --separate-stderr "$CAPBOX" sort -k 1.99999999999999999999999 s2 s1
	assert_equal "$output" "$(printf 'a\nb\nb\nc\nc\nd')"
	# A precision libc cannot print: GNU goes on and ends with "write
	# error"; capbox stops there, saying why.  Both exit 1.
	run -1 --separate-stderr "$CAPBOX" printf 'a%.99999999999999999999dz\n' 1
	assert_equal "$stderr" "printf: write error: Value too large for defined data type"
	# GNU's sleep takes "--" for an operand list and sleeps 0; it is no
	# operand, so capbox says one is missing.
	run -1 --separate-stderr "$CAPBOX" sleep --
	assert_equal "$stderr" "$(printf "sleep: missing operand\nTry 'sleep --help' for more information.")"
	# seq on integers past long long counts exactly, as GNU's does.
	run -0 "$CAPBOX" seq 99999999999999999999999 100000000000000000000001
	assert_equal "$output" "$(printf '99999999999999999999999\n100000000000000000000000\n100000000000000000000001')"
	run -0 "$CAPBOX" seq 1e23 1e23
	assert_equal "$output" 100000000000000000000000
}

# The applets' file operands, E standing for the hostile name.
OPERANDS='cat E
chmod 644 E
cmp E f
cmp f E
comm E s1
cp E h
cp f E
cut -c1 E
df E
du E
fold E
head E
ln -s f E
ln E h
ls E
md5sum E
mkdir E
mkdir -p E
mv E h
mv f E
od E
paste E
readlink -f E
realpath E
rm E
rmdir E
sort -o E f
split f E
stat -c %n:%F E
tail E
tee E
test -e E
touch E
truncate -s 0 E
uniq f E
wc E'

@test "hostile: the empty operand, as GNU" {
	hostile operand '' <<<"$OPERANDS
basename E
dirname E"
	# mktemp -p '': a random name in $TMPDIR or /tmp, as GNU's.
	TMPDIR= run -0 "$CAPBOX" mktemp -u -p ''
	[[ $output == /tmp/tmp.?????????? ]]
}

# Bytes the locale cannot print are escaped in messages, as GNU's quoting
# does: every byte above 0x7f in the C locale, only invalid sequences and
# unprintable characters in UTF-8 (HX_LOCALE: the runner's LC_ALL).
@test "hostile: names with bytes the locale cannot print, quoted as GNU (C, UTF-8)" {
	local loc
	for loc in C C.UTF-8; do
		HX_LOCALE=$loc hostile operand $'caf\303\251' $'a\377b' \
		    $'x\033\303\251y' $'\342\200\213' $'tr\303' <<<"$OPERANDS"
	done
}

# A bad argument is quoted as GNU's quote() does: 'c\'d' and octal escapes
# in the C locale, \u2018c'd\u2019 with the characters as they are in UTF-8.
@test "hostile: bad arguments quoted as GNU (C, UTF-8)" {
	local loc
	for loc in C C.UTF-8; do
		HX_LOCALE=$loc hostile huge "c'd" $'caf\303\251' $'a\tb\\' \
		    $'x\377\342\200\231' <<'EOF'
head -n @ f
tail -c @ f
fold -w @ f
seq @
seq 1 @
seq -f @ 1
nl -v @ f
uniq -f @ f
cmp -i @ f s1
sleep @
cut -b @ f
basename a b @
comm s1 s2 @
uniq f g @
seq 1 2 3 @
sort --check=@ f
touch --time=@ f
od -t @ f
EOF
	done
}

@test "hostile: a name over NAME_MAX and a path over PATH_MAX, as GNU" {
	local long path n
	printf -v long '%300s' ''
	long=${long// /x}
	path=$long
	for ((n = 0; n < 14; n++)); do path+=/$long; done
	hostile operand "$long" "$path" <<<"$OPERANDS"
}

@test "hostile: missing files, dangling links, files for directories, as GNU" {
	hostile operand missing <<<"$OPERANDS"
	hostile operand dangling d/missing f/x <<'EOF'
cat E
cp f E
cp E h
ln -s f E
ls E
mkdir E
mkdir -p E
mv f E
readlink -f E
rm E
rmdir E
sort -o E f
split f E
stat -c %n E
tee E
touch E
truncate -s 0 E
EOF
}

@test "hostile: a working directory removed before the applet runs, as GNU" {
	hostile gone <<'EOF'
ls
ls -la .
du .
du -a
realpath .
realpath . /
readlink -f .
readlink -fv . /
realpath -m x
touch x
mkdir x
cat x
mktemp -p . x.XXXX
rm -r .
rmdir .
stat -c %n .
EOF
}

@test "hostile: unreadable files as an unprivileged user, as GNU" {
	[ "$(id -u)" = 0 ] || skip "needs root to switch to an unprivileged uid"
	hostile nobody <<'EOF'
cat U
cat U f
cmp U f
comm U s1
cp U h
cut -c1 U
du D
fold U
head U
tail U
ls D
ls -R D
md5sum U
nl U
od U
paste U
sort U
split U
stat -c %n U
tac U
uniq U
wc U
tee U
touch U
truncate -s 0 U
rm -r D
rmdir D/x
mv U h
mkdir D/x
mktemp -p D
cp f D
cp -r D h
readlink -f D/x
realpath D/x
test -r U
[ -w U ]
EOF
	# chmod of a file the user may not change: GNU's chmod(2) says EPERM;
	# in capability mode the mode is changed through a descriptor of the
	# file, which an unreadable file of another user does not give
	# (EACCES).  Both refuse, with status 1.
	mkdir -m 777 "$T/u"
	echo secret >"$T/u/U"
	chmod 000 "$T/u/U"
	run -1 --separate-stderr setpriv --reuid=65534 --regid=65534 \
	    --clear-groups "$CAPBOX" chmod 644 "$T/u/U"
	assert_equal "$stderr" "chmod: changing permissions of '$T/u/U': Permission denied"
}

# In a UTF-8 locale the first quoting loads the locale, which may set
# errno: the reason printed must still be the open's (Permission denied).
@test "hostile: unreadable files as an unprivileged user in UTF-8, as GNU" {
	[ "$(id -u)" = 0 ] || skip "needs root to switch to an unprivileged uid"
	HX_LOCALE=C.UTF-8 hostile nobody <<'EOF'
cat U
head U
tail U
sort U
sort -R --random-source=U f
od U
wc U
cp U h
tac U
md5sum U
ls D
du D
EOF
}

@test "hostile: chmod changes the mode of one's own mode-000 file" {
	skip "libcap_mode's fchmodat opens the file to change its mode: an unprivileged owner cannot open a mode-000 file, so capbox chmod cannot restore its mode"
}

# Applets that write to standard output, one invocation each.
WRITERS='basename a/b
cat f
chmod -v 644 f
comm s1 s2
cp -v f h
cut -c1 f
df .
dirname a/b
du f
echo x
fold -w2 f
head f
ln -sv f h
ls f
ls -l
ls -R .
md5sum f
mkdir -v x
mktemp -p .
mv -v f h
nl f
od f
paste f s1
printf %s\n x
readlink lnk
realpath f
rm -v f
rmdir -v e
seq 10
sort f
split --verbose f
stat f
tac f
tail f
tee h
tr 1 2
uniq f
wc f
yes'

@test "hostile: a closed stdout: a write error like GNU's, every writer" {
	seq 1 1000 >"$T/in"
	# The status is GNU's; the message says the write failed and why.
	HX_IN=$T/in HX_OUT=closed hostile fails \
	    '^(write error|write failed|standard output).*: Bad file descriptor$' \
	    <<<"$WRITERS"
	# GNU's cmp finds its stdout is no /dev/null it knows and stays
	# silent when it cannot write: so does capbox's, the answer is the
	# status (1: the files differ).
	HX_OUT=closed hostile same <<<"cmp f s1"
}

@test "hostile: a closed stdout does not fail the applets that write none" {
	HX_OUT=closed hostile same <<'EOF'
true
false
sleep 0
touch f
mkdir x
rmdir e
chmod 600 f
cp f h
mv f h
ln -s f h
rm f
truncate -s 0 f
test -e f
[ -e f ]
cmp -s f s1
split f
sort -o h f
EOF
	# GNU's cat looks at its stdout before reading (is the output one
	# of the inputs?) and fails even with nothing to write.  capbox's
	# stdout is an error only when something was written to it.
	run -0 --separate-stderr bash -c '"$CAPBOX" cat /dev/null >&-'
	assert_equal "$stderr" ""
}

@test "hostile: /dev/full (ENOSPC): a write error like GNU's, every writer" {
	seq 1 1000 >"$T/in"
	HX_IN=$T/in HX_OUT=full hostile fails \
	    '^(write error|write failed|standard output).*: No space left on device$' \
	    <<<"$WRITERS
cmp f s1"
}

@test "hostile: --help into /dev/full, every applet; --version, --list" {
	local app table=
	cb_applets
	for app in $CB_APPLETS; do
		# "test --help" is a string (POSIX): true, nothing written.
		[ "$app" = test ] && continue
		table+="$app --help"$'\n'
	done
	HX_OUT=full hostile fails '^write error: No space left on device$' \
	    <<<"$table
ls --version
cat --version"
	HX_OUT=full hostile same <<<"test --help"
	run -1 --separate-stderr bash -c '"$CAPBOX" --list >/dev/full'
	assert_equal "$stderr" "capbox: write error: No space left on device"
}

# Big outputs into a pipe whose reader is gone.
PIPED='yes
cat big
seq 1000000
od big
tac big
sort big
nl big
cut -c1-3 big
paste big big
tail -n 100000 big
uniq big
comm big big
printf %s\n @ARGS
echo @ARGS
tr 1 2 <big
tee <big'

@test "hostile: a closed pipe kills the writer by SIGPIPE, as GNU's (141)" {
	hostile pipe default <<<"$PIPED"
}

@test "hostile: a closed pipe with SIGPIPE ignored: write error, as GNU" {
	# tee without --output-error drops a closed pipe quietly (status 0),
	# as GNU's does; the others say "write error: Broken pipe".
	hostile pipe ignore <<<"$PIPED"
}

# A tmpfs of 64 KiB, and one with a single free inode, in $T.
small_fs() {
	[ "$(id -u)" = 0 ] || skip "mounting a small tmpfs needs root"
	mkdir -p "$T/full" "$T/noinode"
	mount -t tmpfs -o size=64k,mode=755 tmpfs "$T/full" 2>/dev/null ||
	    skip "cannot mount a tmpfs here"
	MOUNTED+=("$T/full")
	mount -t tmpfs -o size=64k,nr_inodes=2,mode=755 tmpfs "$T/noinode" \
	    2>/dev/null || skip "cannot mount a tmpfs with nr_inodes here"
	MOUNTED+=("$T/noinode")
}

@test "hostile: a full filesystem: status, message and leftovers as GNU's" {
	small_fs
	# What is guaranteed when the disk fills: a non-zero status and a
	# message naming the file and the reason, never a success.  What is
	# left is what GNU leaves: the part written so far, and the source of
	# a failed mv, whole (both checked below).
	hostile fs "$T/full" "$T/noinode" <<'EOF'
cp big @F/
cp -r dd @F/
mv big @F/
split -b 20k big @F/x
tee @F/o
sort -o @F/o big
truncate -s 1M @F/o
mktemp -p @I
mktemp @I/XXXXXX
mkdir @I/d
touch @I/t
ln -s big @I/l
cp big @I/
mv big @I/
split big @I/x
sort -o @I/o big
tee @I/t
EOF
}

@test "hostile: a full filesystem: nothing left looks complete" {
	small_fs
	mkdir "$T/src"
	seq 1 100000 >"$T/src/big"
	cd "$T/src"
	run -1 --separate-stderr "$CAPBOX" cp big "$T/full/"
	assert_equal "$stderr" "cp: error writing '$T/full/big': No space left on device"
	(($(stat -c %s "$T/full/big") < $(stat -c %s big)))
	rm -f "$T/full/big"
	# mv across filesystems copies, then removes the source: a failed
	# copy leaves the source as it was.
	run -1 --separate-stderr "$CAPBOX" mv big "$T/full/"
	assert_equal "$stderr" "mv: error writing '$T/full/big': No space left on device"
	cmp big <(seq 1 100000)
	(($(stat -c %s "$T/full/big") < $(stat -c %s big)))
	rm -f "$T/full/big"
	run -2 --separate-stderr "$CAPBOX" sort -r -o "$T/full/o" big
	assert_equal "$stderr" "sort: write failed: $T/full/o: No space left on device"
	(($(stat -c %s "$T/full/o") < $(stat -c %s big)))
}
