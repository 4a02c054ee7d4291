/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * split.c - split a file into pieces
 *
 * usage: split [OPTION]... [FILE [PREFIX]]
 *
 * Output pieces of FILE to PREFIXaa, PREFIXab, ...; default size is 1000
 * lines, and default PREFIX is 'x'.  With no FILE, or when FILE is -,
 * read standard input.  The pieces are created beneath the directory of
 * PREFIX, opened before capability mode (the current directory, or
 * --cwd-fd).
 *
 *   -0 -1 -2 -3 -4 -5 -6 -7 -8 -9  the digits of -NUMBER, the obsolete
 *                           form of -l NUMBER
 *   -a, --suffix-length=N   generate suffixes of length N (default 2)
 *       --additional-suffix=SUFFIX  append an additional SUFFIX to file
 *                           names
 *   -b, --bytes=SIZE        put SIZE bytes per output file
 *   -C, --line-bytes=SIZE   put at most SIZE bytes of records per output
 *                           file
 *   -d                      use numeric suffixes starting at 0, not
 *                           alphabetic
 *       --numeric-suffixes[=FROM]  same as -d, but allow setting the
 *                           start value
 *   -x                      use hex suffixes starting at 0, not alphabetic
 *       --hex-suffixes[=FROM]  same as -x, but allow setting the start
 *                           value
 *   -e, --elide-empty-files  do not generate empty output files with '-n'
 *       --filter=COMMAND    (not supported: no programs are run in
 *                           capability mode)
 *   -l, --lines=NUMBER      put NUMBER lines/records per output file
 *   -n, --number=CHUNKS     generate CHUNKS output files; see explanation
 *                           below
 *   -t, --separator=SEP     use SEP instead of newline as the record
 *                           separator; '\0' (zero) specifies the NUL
 *                           character
 *   -u, --unbuffered        immediately copy input to output with '-n r/...'
 *       --verbose           print a diagnostic just before each output
 *                           file is opened
 *
 * The SIZE argument is an integer and optional unit (example: 10K is
 * 10*1024).  Units are K,M,G,T,P,E,Z,Y (powers of 1024) or KB,MB,...
 * (powers of 1000).  Binary prefixes can be used, too: KiB=K, MiB=M.
 *
 * CHUNKS may be:
 *   N       split into N files based on size of input
 *   K/N     output Kth of N to stdout
 *   l/N     split into N files without splitting lines/records
 *   l/K/N   output Kth of N to stdout without splitting lines/records
 *   r/N     like 'l' but use round robin distribution
 *   r/K/N   likewise but only output Kth of N to stdout
 */
#include <ctype.h>
#include <inttypes.h>
#include <sys/stat.h>

#include "capbox.h"
#include "cb_fs.h"

APPLET(split, 1, 0)

static const char optstr[] = "0123456789C:a:b:del:n:t:ux";
enum { OPT_VERBOSE = 256, OPT_FILTER, OPT_NUMERIC, OPT_HEX, OPT_ADDSUF };
static const struct option longopts[] = {
	{ "bytes", required_argument, NULL, 'b' },
	{ "lines", required_argument, NULL, 'l' },
	{ "line-bytes", required_argument, NULL, 'C' },
	{ "number", required_argument, NULL, 'n' },
	{ "elide-empty-files", no_argument, NULL, 'e' },
	{ "unbuffered", no_argument, NULL, 'u' },
	{ "suffix-length", required_argument, NULL, 'a' },
	{ "additional-suffix", required_argument, NULL, OPT_ADDSUF },
	{ "numeric-suffixes", optional_argument, NULL, OPT_NUMERIC },
	{ "hex-suffixes", optional_argument, NULL, OPT_HEX },
	{ "filter", required_argument, NULL, OPT_FILTER },
	{ "verbose", no_argument, NULL, OPT_VERBOSE },
	{ "separator", required_argument, NULL, 't' },
	{ NULL, 0, NULL, 0 },
};

enum mode { M_UNDEF, M_BYTES, M_LINES, M_LINEBYTES, M_CHUNK_BYTES,
	M_CHUNK_LINES, M_RR };

static const char multipliers[] = "bEGKkMmPTYZ0";

static struct {
	enum mode	mode;
	intmax_t	n, k;		/* units; chunk K of N (0: all) */
	intmax_t	suflen;
	bool		suflen_given, suffix_auto, elide, verbose;
	const char	*alphabet, *start, *addsuf;
	int		eol;
} opt = { .alphabet = "abcdefghijklmnopqrstuvwxyz", .suffix_auto = true,
	.eol = -1 };

/* Output: names beneath the prefix's directory, created one at a time. */
static struct {
	int		dirfd;		/* -1: could not be opened (err) */
	int		err;
	const char	*dirpart;	/* for messages: "", "out/" */
	char		*base;		/* the prefix's last component */
	size_t		baselen;
	char		*name;		/* base + suffix + additional suffix */
	size_t		*idx;		/* alphabet index of each suffix char */
	char		*full;		/* dirpart + name, for messages */
	int		fd;		/* current output, -1 none */
	struct stat	in_st;
} out = { .dirfd = -1, .fd = -1 };

static const char *infile;
static int infd;

/*
 * xdectoimax: "what: 'S'" and, for a value out of range, the reason.  A
 * max above INTMAX_MAX (-l, as GNU's takes) saturates the result there.
 */
static intmax_t
number(const char *s, intmax_t min, uintmax_t max, const char *suf,
    const char *what)
{
	uintmax_t v;
	int e = cb_xstrtoumax(s, NULL, 10, &v, suf);

	if (e == CB_XSTR_OK && (v < (uintmax_t)min || v > max))
		cb_errx(1, "%s: %s: %s", what, cb_quote(s),
		    cb_strerror(v > INT_MAX / 2 ? EOVERFLOW : ERANGE));
	if (e == CB_XSTR_OVERFLOW)
		cb_errx(1, "%s: %s: %s", what, cb_quote(s),
		    cb_strerror(EOVERFLOW));
	if (e != CB_XSTR_OK)
		cb_errx(1, "%s: %s", what, cb_quote(s));
	return (v > INTMAX_MAX ? INTMAX_MAX : (intmax_t)v);
}

static void
set_mode(enum mode m)
{
	if (opt.mode != M_UNDEF) {
		cb_warnx("cannot split in more than one way");
		cb_usage();
	}
	opt.mode = m;
}

static void
parse_chunks(char *s)
{
	char *slash;

	while (isspace((unsigned char)*s))
		s++;
	if (strncmp(s, "r/", 2) == 0) {
		set_mode(M_RR);
		s += 2;
	} else if (strncmp(s, "l/", 2) == 0) {
		set_mode(M_CHUNK_LINES);
		s += 2;
	} else {
		set_mode(M_CHUNK_BYTES);
	}
	if ((slash = strchr(s, '/')) != NULL) {
		*slash = '\0';
		opt.n = number(slash + 1, 1, INTMAX_MAX, "",
		    "invalid number of chunks");
		opt.k = number(s, 1, opt.n, "", "invalid chunk number");
	} else {
		opt.n = number(s, 1, INTMAX_MAX, "",
		    "invalid number of chunks");
	}
}

static void
parse(int argc, char *argv[])
{
	int c, prev_ind = 0, digits_ind = -1;
	intmax_t obsolete = 0;
	const char *alpha;

	while ((c = getopt_long(argc, argv, optstr, longopts, NULL)) != -1) {
		switch (c) {
		case '0': case '1': case '2': case '3': case '4':
		case '5': case '6': case '7': case '8': case '9':
			/* The obsolete "-N": N lines per file. */
			if (digits_ind != prev_ind || obsolete == 0) {
				if (opt.mode == M_LINES && obsolete == 0)
					cb_errx(1, "cannot split in more than "
					    "one way");
				set_mode(M_LINES);
				obsolete = 0;
			}
			if (obsolete > (INTMAX_MAX - (c - '0')) / 10)
				cb_errx(1, "line count option -%jd%c... is too "
				    "large", obsolete, c);
			obsolete = obsolete * 10 + (c - '0');
			opt.n = obsolete;
			digits_ind = optind;
			break;
		case 'a':
			opt.suflen = number(optarg, 0, INTMAX_MAX / 4, "",
			    "invalid suffix length");
			break;
		case OPT_ADDSUF:
			if (strchr(optarg, '/') != NULL) {
				cb_warnx("invalid suffix %s, contains directory "
				    "separator", cb_quote(optarg));
				cb_usage();
			}
			opt.addsuf = optarg;
			break;
		case 'b':
			set_mode(M_BYTES);
			opt.n = number(optarg, 1, INTMAX_MAX, multipliers,
			    "invalid number of bytes");
			break;
		case 'l':
			set_mode(M_LINES);
			opt.n = number(optarg, 1, UINTMAX_MAX, "",
			    "invalid number of lines");
			break;
		case 'C':
			set_mode(M_LINEBYTES);
			opt.n = number(optarg, 1, INTMAX_MAX, multipliers,
			    "invalid number of bytes");
			break;
		case 'n':
			parse_chunks(optarg);
			break;
		case 'u':
			break;
		case 'e':
			opt.elide = true;
			break;
		case 't':
			if (optarg[0] == '\0')
				cb_errx(1, "empty record separator");
			if (optarg[1] != '\0' && strcmp(optarg, "\\0") != 0)
				cb_errx(1, "multi-character separator %s",
				    cb_quote(optarg));
			c = optarg[1] != '\0' ? 0 : (unsigned char)optarg[0];
			if (opt.eol >= 0 && c != opt.eol)
				cb_errx(1, "multiple separator characters "
				    "specified");
			opt.eol = c;
			break;
		case 'd':
		case 'x':
		case OPT_NUMERIC:
		case OPT_HEX:
			alpha = c == 'd' || c == OPT_NUMERIC ? "0123456789" :
			    "0123456789abcdef";
			opt.alphabet = alpha;
			if (c > 255 && optarg != NULL) {
				if (strspn(optarg, alpha) != strlen(optarg)) {
					cb_warnx("%s: invalid start value for %s "
					    "suffix", cb_quote(optarg),
					    c == OPT_NUMERIC ? "numerical" :
					    "hexadecimal");
					cb_usage();
				}
				while (optarg[0] == '0' && optarg[1] != '\0')
					optarg++;
				opt.start = optarg;
			}
			break;
		case OPT_VERBOSE:
			opt.verbose = true;
			break;
		case OPT_FILTER:
			cb_unsupported("--filter");
		default:
			cb_usage();
		}
		prev_ind = optind;
	}
}

/* GNU's suffix length: long enough for N chunk files, 2 at least. */
static void
set_suffix_length(void)
{
	intmax_t need = 0, end, start;
	size_t alen = strlen(opt.alphabet);
	char *e;

	if (opt.start != NULL)
		opt.suffix_auto = false;
	if (opt.mode == M_CHUNK_BYTES || opt.mode == M_CHUNK_LINES ||
	    opt.mode == M_RR) {
		end = opt.n - 1;
		if (opt.start != NULL) {
			errno = 0;
			start = strtoimax(opt.start, &e, 10);
			if (errno == 0 && *e == '\0' && start < opt.n)
				end = end > INTMAX_MAX - start ? INTMAX_MAX :
				    end + start;
		}
		do
			need++;
		while ((end /= (intmax_t)alen) != 0);
		opt.suffix_auto = false;
	}
	if (opt.suflen != 0) {
		if (opt.suflen < need)
			cb_errx(1, "the suffix length needs to be at least %jd",
			    need);
		opt.suffix_auto = false;
		return;
	}
	opt.suflen = need > 2 ? need : 2;
}

static void
name_init(size_t suflen)
{
	size_t addlen = opt.addsuf != NULL ? strlen(opt.addsuf) : 0, i, sl;

	free(out.name);
	free(out.idx);
	free(out.full);
	out.name = malloc(out.baselen + suflen + addlen + 1);
	out.idx = calloc(suflen + 1, sizeof(*out.idx));
	out.full = malloc(strlen(out.dirpart) + out.baselen + suflen + addlen +
	    1);
	if (out.name == NULL || out.idx == NULL || out.full == NULL)
		cb_err(1, "malloc");
	memcpy(out.name, out.base, out.baselen);
	memset(out.name + out.baselen, opt.alphabet[0], suflen);
	if (addlen > 0)
		memcpy(out.name + out.baselen + suflen, opt.addsuf, addlen);
	out.name[out.baselen + suflen + addlen] = '\0';
	if (opt.start != NULL) {
		sl = strlen(opt.start);
		memcpy(out.name + out.baselen + suflen - sl, opt.start, sl);
		for (i = 0; i < sl; i++)
			out.idx[suflen - sl + i] = (size_t)(strchr(opt.alphabet,
			    opt.start[i]) - opt.alphabet);
	}
}

/* The next file name: increment the suffix, widening it as GNU does. */
static void
next_name(void)
{
	static bool started;
	char *mid;
	size_t i;

	if (!started) {
		started = true;
		name_init((size_t)opt.suflen);
		return;
	}
	mid = out.name + out.baselen;
	for (i = (size_t)opt.suflen; i-- > 0;) {
		out.idx[i]++;
		if (opt.suffix_auto && i == 0 &&
		    opt.alphabet[out.idx[0] + 1] == '\0') {
			/* "xyz" is followed by "xzaaa". */
			char *nb = realloc(out.base, out.baselen + 2);

			if (nb == NULL)
				cb_err(1, "malloc");
			out.base = nb;
			out.base[out.baselen++] = opt.alphabet[out.idx[0]];
			opt.suflen++;
			name_init((size_t)opt.suflen);
			return;
		}
		mid[i] = opt.alphabet[out.idx[i]];
		if (mid[i] != '\0')
			return;
		out.idx[i] = 0;
		mid[i] = opt.alphabet[0];
	}
	cb_errx(1, "output file suffixes exhausted");
}

static void
close_out(void)
{
	if (out.fd >= 0 && close(out.fd) < 0)
		cb_err(1, "%s", cb_quotef(out.full));
	out.fd = -1;
}

/* Create the next output file (GNU: never truncate the input). */
static int
create_next(void)
{
	struct stat st;
	int fd;

	next_name();
	(void)sprintf(out.full, "%s%s", out.dirpart, out.name);
	if (opt.verbose)
		(void)printf("creating file %s\n", cb_quote(out.full));
	(void)fflush(stdout);
	if (out.dirfd < 0) {
		errno = out.err;
		cb_err(1, "%s", cb_quotef(out.full));
	}
	fd = openat(out.dirfd, out.name, O_WRONLY | O_CREAT | O_CLOEXEC, 0666);
	if (fd < 0 || fstat(fd, &st) < 0)
		cb_err(1, "%s", cb_quotef(out.full));
	if (cb_same_inode(&st, &out.in_st))
		cb_errx(1, "%s would overwrite input; aborting",
		    cb_quote(out.full));
	if (!(S_ISREG(st.st_mode) && st.st_size == 0) && ftruncate(fd, 0) < 0 &&
	    S_ISREG(st.st_mode))
		cb_err(1, "%s: error truncating", cb_quotef(out.full));
	return (fd);
}

/* GNU's cwrite: start a new file first when asked. */
static void
cwrite(bool newfile, const char *p, size_t n)
{
	if (newfile) {
		close_out();
		out.fd = create_next();
	}
	if (n > 0 && cb_write_full(out.fd, p, n) < 0)
		cb_err(1, "%s", cb_quotef(out.full));
}

/* ---- input ---- */

static struct {
	char	*buf;		/* what was read to learn the size */
	size_t	len, pos;
} pre;

static size_t
read_in(char *buf, size_t len)
{
	ssize_t n;

	if (pre.pos < pre.len) {
		n = (ssize_t)(pre.len - pre.pos < len ? pre.len - pre.pos : len);
		memcpy(buf, pre.buf + pre.pos, (size_t)n);
		pre.pos += (size_t)n;
		return ((size_t)n);
	}
	if ((n = cb_read(infd, buf, len)) < 0)
		cb_err(1, "%s", cb_quotef(infile));
	return ((size_t)n);
}

#define PRE_SIZE	(128 * 1024)

/* The size of the input, reading at most PRE_SIZE bytes of it. */
static intmax_t
input_size(void)
{
	ssize_t n;
	off_t cur, end;

	if ((pre.buf = malloc(PRE_SIZE)) == NULL)
		cb_err(1, "malloc");
	while (pre.len < PRE_SIZE) {
		if ((n = cb_read(infd, pre.buf + pre.len, PRE_SIZE -
		    pre.len)) < 0)
			cb_err(1, "%s: cannot determine file size",
			    cb_quotef(infile));
		if (n == 0)
			return ((intmax_t)pre.len);
		pre.len += (size_t)n;
	}
	if (out.in_st.st_size == 0)
		cb_errx(1, "%s: cannot determine file size: %s",
		    cb_quotef(infile), cb_strerror(EOVERFLOW));
	if ((cur = lseek(infd, 0, SEEK_CUR)) < 0 ||
	    (end = lseek(infd, 0, SEEK_END)) < 0) {
		if (errno == ESPIPE || errno == ENOTCAPABLE)
			cb_errx(1, "%s: cannot determine file size",
			    cb_quotef(infile));
		cb_err(1, "%s: cannot determine file size", cb_quotef(infile));
	}
	if (lseek(infd, cur, SEEK_SET) < 0)
		cb_err(1, "%s", cb_quotef(infile));
	return ((intmax_t)pre.len + (end > cur ? end - cur : 0));
}

/* ---- the ways to split ---- */

static void
split_bytes(char *buf)
{
	intmax_t left = 0;
	size_t n, w;
	char *p;

	while ((n = read_in(buf, CB_BUFSIZE)) > 0) {
		for (p = buf; n > 0; p += w, n -= w) {
			bool fresh = left == 0;

			if (fresh)
				left = opt.n;
			w = (uintmax_t)left < n ? (size_t)left : n;
			cwrite(fresh, p, w);
			left -= (intmax_t)w;
		}
	}
}

static void
split_lines(char *buf)
{
	intmax_t lines = 0;
	bool fresh = true;
	size_t n;
	char *p, *q, *e, *end;

	while ((n = read_in(buf, CB_BUFSIZE)) > 0) {
		for (p = buf, end = buf + n; p < end;) {
			/* Find the record that completes this file. */
			for (q = p; (e = memchr(q, opt.eol, (size_t)(end - q))) !=
			    NULL; q = e + 1)
				if (++lines == opt.n)
					break;
			if (e != NULL) {
				cwrite(fresh, p, (size_t)(e + 1 - p));
				fresh = true;
				lines = 0;
				p = e + 1;
			} else {
				cwrite(fresh, p, (size_t)(end - p));
				fresh = false;
				p = end;
			}
		}
	}
}

/*
 * -C: as many whole records as fit in SIZE bytes go to a file; a record
 * that fits no file is cut at SIZE.  hold is the record being placed.
 */
static void
split_line_bytes(char *buf)
{
	size_t cap = 4096, hlen = 0, n = 0, seg, room;
	char *hold, *e = buf, *nl;
	intmax_t n_out = 0;
	bool has_eol = false, complete = false, eof = false;

	if ((hold = malloc(cap)) == NULL)
		cb_err(1, "malloc");
	for (;;) {
		room = (size_t)(opt.n - n_out);
		while (!complete && hlen <= room && !eof) {
			if (n == 0 && (n = read_in(buf, CB_BUFSIZE)) == 0) {
				eof = true;
				break;
			}
			nl = memchr(e, opt.eol, n);
			seg = nl != NULL ? (size_t)(nl + 1 - e) : n;
			complete = nl != NULL;
			if (hlen + seg > cap) {
				while (cap < hlen + seg)
					cap *= 2;
				if ((hold = realloc(hold, cap)) == NULL)
					cb_err(1, "malloc");
			}
			memcpy(hold + hlen, e, seg);
			hlen += seg;
			e += seg;
			n -= seg;
			if (n == 0)
				e = buf;
		}
		if (hlen == 0)
			break;
		if (hlen <= room) {
			cwrite(n_out == 0, hold, hlen);
			n_out += (intmax_t)hlen;
			has_eol = complete;
			hlen = 0;
			complete = false;
			if (n_out == opt.n) {
				n_out = 0;
				has_eol = false;
			}
		} else if (has_eol) {
			n_out = 0;	/* a new file for this record */
			has_eol = false;
		} else {
			cwrite(n_out == 0, hold, room);
			memmove(hold, hold + room, hlen - room);
			hlen -= room;
			n_out = 0;
		}
	}
	free(hold);
}

/* Chunk k (1..N) of -n N, -n K/N: [start, end) of the input. */
static void
chunk_bounds(intmax_t size, intmax_t k, intmax_t *start, intmax_t *end)
{
	intmax_t cs = size / opt.n > 0 ? size / opt.n : 1;

	*start = k - 1 > size / cs ? size : (k - 1) * cs;
	*end = k == opt.n ? size : k > size / cs ? size : k * cs;
	if (*start > size)
		*start = size;
	if (*end < *start)
		*end = *start;
}

static void
split_chunk_bytes(char *buf, intmax_t size)
{
	intmax_t k, s, e, pos = 0, left;
	size_t n;

	for (k = opt.k != 0 ? opt.k : 1; k <= (opt.k != 0 ? opt.k : opt.n);
	    k++) {
		chunk_bounds(size, k, &s, &e);
		/* Reading is sequential: discard up to the chunk. */
		while (pos < s) {
			left = s - pos;
			n = read_in(buf, (uintmax_t)left < CB_BUFSIZE ?
			    (size_t)left : CB_BUFSIZE);
			if (n == 0)
				break;
			pos += (intmax_t)n;
		}
		if (opt.k == 0 && !(opt.elide && e == s))
			cwrite(true, NULL, 0);
		while (pos < e) {
			left = e - pos;
			n = read_in(buf, (uintmax_t)left < CB_BUFSIZE ?
			    (size_t)left : CB_BUFSIZE);
			if (n == 0)
				break;
			if (opt.k != 0)
				cb_write_out(buf, n);
			else
				cwrite(false, buf, n);
			pos += (intmax_t)n;
		}
	}
}

/*
 * -n l/N: chunk k ends with the record holding byte (end of chunk k) - 1;
 * a record spanning several chunk ends leaves the chunks between empty.
 */
static void
split_chunk_lines(char *buf, intmax_t size)
{
	intmax_t k = 1, s, cend, pos = 0, look;
	size_t n, w;
	char *p, *end, *nl;
	bool opened = false;

	chunk_bounds(size, 1, &s, &cend);
	while (pos < size && (n = read_in(buf, CB_BUFSIZE)) > 0) {
		if ((intmax_t)n > size - pos)
			n = (size_t)(size - pos);
		for (p = buf, end = buf + n; p < end; p += w, pos += (intmax_t)w) {
			look = cend - 1 - pos;
			if (look < 0)
				look = 0;
			nl = look < end - p ? memchr(p + look, opt.eol,
			    (size_t)(end - p - look)) : NULL;
			w = nl != NULL ? (size_t)(nl + 1 - p) : (size_t)(end - p);
			if (opt.k == k)
				cb_write_out(p, w);
			else if (opt.k == 0) {
				if (!opened && !(opt.elide && w == 0))
					cwrite(true, NULL, 0);
				opened = true;
				cwrite(false, p, w);
			}
			if (nl == NULL)
				continue;
			/* The record ended: on to the chunk that follows. */
			while (k < opt.n) {
				if (opt.k == k)
					return;
				k++;
				opened = false;
				chunk_bounds(size, k, &s, &cend);
				if (cend > pos + (intmax_t)w || k == opt.n)
					break;
				if (opt.k == 0 && !opt.elide)
					cwrite(true, NULL, 0);
			}
		}
	}
	if (opt.k == 0 && !opt.elide)
		for (k += opened; k <= opt.n; k++)
			cwrite(true, NULL, 0);
}

/* -n r/N: record i goes to file i mod N. */
static void
split_rr(char *buf)
{
	int *fds = NULL;
	char **names = NULL;
	intmax_t i, cur = 0;
	size_t n, w;
	char *p, *end, *nl;

	if (opt.k == 0) {
		if ((fds = malloc((size_t)opt.n * sizeof(*fds))) == NULL ||
		    (names = calloc((size_t)opt.n, sizeof(*names))) == NULL)
			cb_err(1, "malloc");
		for (i = 0; i < opt.n; i++)
			fds[i] = -1;
	}
	while ((n = read_in(buf, CB_BUFSIZE)) > 0) {
		for (p = buf, end = buf + n; p < end; p += w) {
			nl = memchr(p, opt.eol, (size_t)(end - p));
			w = nl != NULL ? (size_t)(nl + 1 - p) : (size_t)(end - p);
			if (opt.k != 0) {
				if (cur == opt.k - 1)
					cb_write_out(p, w);
			} else {
				if (fds[cur] < 0) {
					fds[cur] = create_next();
					if ((names[cur] = strdup(out.full)) ==
					    NULL)
						cb_err(1, "malloc");
				}
				if (cb_write_full(fds[cur], p, w) < 0)
					cb_err(1, "%s", cb_quotef(names[cur]));
			}
			if (nl != NULL)
				cur = (cur + 1) % opt.n;
		}
	}
	if (opt.k != 0)
		return;
	for (i = 0; i < opt.n; i++) {
		if (fds[i] < 0 && !opt.elide)
			fds[i] = create_next();
		if (fds[i] >= 0 && close(fds[i]) < 0)
			cb_err(1, "%s", cb_quotef(names[i] != NULL ? names[i] :
			    out.full));
		free(names[i]);
	}
	free(fds);
	free(names);
}

/* Split PREFIX into the directory it names and the start of the names. */
static void
open_outdir(const char *prefix)
{
	const char *slash = strrchr(prefix, '/');
	char *dir;
	size_t dlen;

	if (slash == NULL) {
		out.dirpart = "";
		dir = strdup(".");
	} else {
		dlen = (size_t)(slash - prefix) + 1;
		if ((dir = malloc(dlen + 1)) != NULL) {
			memcpy(dir, prefix, dlen);
			dir[dlen] = '\0';
		}
		out.dirpart = dir;
	}
	if (dir == NULL || (out.base = strdup(slash != NULL ? slash + 1 :
	    prefix)) == NULL)
		cb_err(1, "malloc");
	out.baselen = strlen(out.base);
	out.dirfd = cb_openat_operand(dir, CB_DIR_PATH, 0);
	out.err = errno;
	if (slash == NULL)
		free(dir);
	cb_limit_fd(out.dirfd, prefix, CAP_LOOKUP, CAP_CREATE, CAP_WRITE,
	    CAP_SEEK, CAP_FSTAT, CAP_FTRUNCATE);
}

int
split_main(int argc, char *argv[])
{
	struct cb_operand op;
	const char *prefix = "x";
	intmax_t size = 0;
	char *buf;

	parse(argc, argv);
	if (optind < argc)
		infile = argv[optind++];
	else
		infile = "-";
	if (optind < argc)
		prefix = argv[optind++];
	if (optind < argc) {
		cb_warnx("extra operand %s", cb_quote(argv[optind]));
		cb_usage();
	}
	if (opt.mode == M_UNDEF) {
		opt.mode = M_LINES;
		opt.n = 1000;
	}
	if (opt.eol < 0)
		opt.eol = '\n';
	set_suffix_length();
	if (opt.start != NULL && strlen(opt.start) > (size_t)opt.suflen) {
		cb_warnx("numerical suffix start value is too large for the "
		    "suffix length");
		cb_usage();
	}

	/* The input, then the output directory, then capability mode. */
	cb_open_operand1(&op, infile, O_RDONLY);
	if (op.own)
		cb_limit_fd(op.fd, infile, CAP_READ, CAP_SEEK, CAP_FSTAT);
	if (!(opt.k != 0 && (opt.mode == M_CHUNK_BYTES ||
	    opt.mode == M_CHUNK_LINES || opt.mode == M_RR)))
		open_outdir(prefix);
	cb_limit_stdio();
	cb_enter();

	if (op.fd < 0) {
		errno = op.err;
		cb_err(1, "cannot open %s for reading", cb_quote(infile));
	}
	infd = op.fd;
	if (fstat(infd, &out.in_st) < 0)
		cb_err(1, "%s", cb_quotef(infile));
	buf = cb_buf();
	if (opt.mode == M_CHUNK_BYTES || opt.mode == M_CHUNK_LINES)
		size = input_size();
	switch (opt.mode) {
	case M_BYTES:
		split_bytes(buf);
		break;
	case M_LINES:
		split_lines(buf);
		break;
	case M_LINEBYTES:
		split_line_bytes(buf);
		break;
	case M_CHUNK_BYTES:
		split_chunk_bytes(buf, size);
		break;
	case M_CHUNK_LINES:
		split_chunk_lines(buf, size);
		break;
	case M_RR:
		split_rr(buf);
		break;
	case M_UNDEF:
		break;
	}
	close_out();
	if (op.own)
		(void)close(op.fd);
	free(pre.buf);
	return (cb_finish(0));
}
