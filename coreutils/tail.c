/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * tail.c - output the last part of files
 *
 * usage: tail [-c [+]NUM] [-n [+]NUM] [-qvz] [FILE]...
 *
 * Print the last 10 lines of each FILE to standard output.  With more
 * than one FILE, precede each with a header giving the file name.  FILE
 * may be - (standard input) or /dev/fd/N (inherited descriptor N).
 *
 *   -c, --bytes=[+]NUM      output the last NUM bytes; or use -c +NUM to
 *                           output starting with byte NUM of each file
 *   -n, --lines=[+]NUM      output the last NUM lines, instead of the last
 *                           10; or use -n +NUM to skip NUM-1 lines
 *   -q, --quiet, --silent   never output headers giving file names
 *   -v, --verbose           always output headers giving file names
 *   -z, --zero-terminated   line delimiter is NUL, not newline
 *
 * Regular files are read backwards from their end; pipes keep only as
 * many blocks as the last NUM lines need.
 */
#include <sys/stat.h>

#include "capbox.h"
#include "cb_fs.h"

APPLET(tail, 1, 0)

static const char optstr[] = "c:n:qvzf";
static const struct option longopts[] = {
	{ "bytes", required_argument, NULL, 'c' },
	{ "lines", required_argument, NULL, 'n' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "silent", no_argument, NULL, 'q' },
	{ "verbose", no_argument, NULL, 'v' },
	{ "zero-terminated", no_argument, NULL, 'z' },
	{ "follow", optional_argument, NULL, 'f' },
	{ NULL, 0, NULL, 0 },
};

static struct {
	intmax_t	count;
	bool		bytes, from_start, quiet, verbose;
	char		delim;
} opt = { .count = 10, .delim = '\n' };

static void
parse_count(const char *s, bool bytes)
{
	/* GNU's messages keep a leading '+' and drop a '-'. */
	const char *arg = *s == '-' ? s + 1 : s;

	opt.bytes = bytes;
	opt.from_start = *s == '+';
	if (*s == '+' || *s == '-')
		s++;
	if (cb_parse_count(s, &opt.count) < 0) {
		if (errno == ERANGE)
			cb_errx(1, "invalid number of %s: %s: %s",
			    bytes ? "bytes" : "lines", cb_qc(0, arg),
			    cb_strerror(EOVERFLOW));
		cb_errx(1, "invalid number of %s: %s", bytes ? "bytes" : "lines",
		    cb_qc(0, arg));
	}
}

/* Offset where the last opt.count lines of fd (size bytes) begin. */
static off_t
lines_start(int fd, off_t size)
{
	char *buf = cb_buf();
	off_t pos = size, end = size;
	intmax_t k = opt.count;
	ssize_t n;
	char *p;

	if (k == 0)
		return (size);
	while (pos > 0) {
		n = pos > CB_BUFSIZE ? CB_BUFSIZE : (ssize_t)pos;
		pos -= n;
		if (pread(fd, buf, (size_t)n, pos) != n)
			return (-1);
		/* The delimiter ending the file ends the last line. */
		if (end == size && buf[n - 1] == opt.delim)
			n--, end--;
		while (n > 0 && (p = memrchr(buf, opt.delim, (size_t)n)) !=
		    NULL) {
			if (--k == 0)
				return (pos + (p - buf) + 1);
			n = p - buf;
		}
	}
	return (0);
}

static int
copy_from(int fd, off_t off)
{
	bool werr;

	if (lseek(fd, off, SEEK_SET) < 0)
		return (-1);
	if (cb_copy_fd(STDOUT_FILENO, fd, &werr) == 0)
		return (0);
	if (werr)
		cb_err(1, "write error");
	return (-1);
}

/* +NUM: skip NUM-1 lines or bytes, then copy the rest. */
static int
tail_from_start(int fd)
{
	intmax_t skip = opt.count > 0 ? opt.count - 1 : 0;
	char *buf = cb_buf(), *p, *end;
	ssize_t n;
	bool werr;

	while (skip > 0 && (n = cb_read(fd, buf, CB_BUFSIZE)) > 0) {
		p = buf;
		end = buf + n;
		if (opt.bytes) {
			p += n > skip ? skip : n;
			skip -= p - buf;
		} else {
			while (skip > 0 && (p = memchr(p, opt.delim,
			    (size_t)(end - p))) != NULL) {
				p++;
				skip--;
			}
			if (p == NULL)
				p = end;
		}
		if (p < end)
			cb_write_out(p, (size_t)(end - p));
	}
	if (skip > 0 && n < 0)
		return (-1);
	if (cb_copy_fd(STDOUT_FILENO, fd, &werr) == 0)
		return (0);
	if (werr)
		cb_err(1, "write error");
	return (-1);
}

/*
 * From a pipe: read blocks, keeping only as many of the newest as the
 * last opt.count lines (or bytes) can span, then cut that tail.
 */
struct block {
	char	*p;
	size_t	len, delims;
};

static bool
can_drop(const struct block *v, size_t n, size_t total_len, size_t delims)
{
	/* One delimiter more than needed: the last one may end the data. */
	if (n < 2)
		return (false);
	if (opt.bytes)
		return (total_len - v[0].len >= (size_t)opt.count);
	return (delims - v[0].delims > (size_t)opt.count);
}

static int
read_blocks(int fd, struct block **vp, size_t *np)
{
	const size_t bs = 1 << 20;
	struct block *v = NULL;
	size_t n = 0, cap = 0, total = 0, delims = 0;
	char *spare = NULL;
	ssize_t r;

	for (;;) {
		if (n == cap && (v = realloc(v, (cap = cap ? cap * 2 : 16) *
		    sizeof(*v))) == NULL)
			cb_err(1, "malloc");
		/* A dropped block's memory is reused: no mmap per block. */
		if ((v[n].p = spare != NULL ? spare : malloc(bs)) == NULL)
			cb_err(1, "malloc");
		spare = NULL;
		if ((r = cb_read_full(fd, v[n].p, bs)) < 0) {
			*vp = v;
			*np = n + 1;
			return (-1);
		}
		v[n].len = (size_t)r;
		v[n].delims = opt.bytes ? 0 : cb_count_byte(v[n].p, v[n].len,
		    opt.delim);
		total += v[n].len;
		delims += v[n].delims;
		n++;
		while (can_drop(v, n, total, delims)) {
			total -= v[0].len;
			delims -= v[0].delims;
			free(spare);
			spare = v[0].p;
			memmove(v, v + 1, --n * sizeof(*v));
		}
		if ((size_t)r < bs)
			break;
	}
	free(spare);
	*vp = v;
	*np = n;
	return (0);
}

static int
tail_stream(int fd)
{
	intmax_t k = opt.count;
	struct block *v;
	size_t nb, len = 0, cut, i;
	char *buf = NULL;
	int r;

	r = read_blocks(fd, &v, &nb);
	for (i = 0; i < nb; i++)
		len += r == 0 ? v[i].len : 0;
	if (r == 0 && (buf = malloc(len + 1)) == NULL)
		cb_err(1, "malloc");
	for (i = 0, len = 0; i < nb; i++) {
		if (r == 0) {
			memcpy(buf + len, v[i].p, v[i].len);
			len += v[i].len;
		}
		free(v[i].p);
	}
	free(v);
	if (r < 0)
		return (-1);
	if (opt.bytes) {
		cut = (intmax_t)len > k ? len - (size_t)k : 0;
	} else if (k == 0) {
		cut = len;
	} else {
		cut = len;
		if (cut > 0 && buf[cut - 1] == opt.delim)
			cut--;
		for (; cut > 0; cut--)
			if (buf[cut - 1] == opt.delim && --k == 0)
				break;
	}
	cb_write_out(buf + cut, len - cut);
	free(buf);
	return (0);
}

static int
tail_fd(int fd)
{
	struct stat st;
	off_t off;

	if (opt.from_start)
		return (tail_from_start(fd));
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) ||
	    lseek(fd, 0, SEEK_CUR) != 0)
		return (tail_stream(fd));
	if (opt.bytes)
		off = st.st_size > opt.count ? st.st_size - opt.count : 0;
	else if ((off = lines_start(fd, st.st_size)) < 0)
		return (-1);
	return (copy_from(fd, off));
}

static void
parse(int argc, char *argv[])
{
	int c;

	/* Obsolete forms: "tail -5", "tail +5". */
	if (argc > 1 && (argv[1][0] == '-' || argv[1][0] == '+') &&
	    argv[1][1] >= '0' && argv[1][1] <= '9' &&
	    argv[1][strspn(argv[1] + 1, "0123456789") + 1] == '\0') {
		parse_count(argv[1][0] == '+' ? argv[1] : argv[1] + 1, false);
		optind = 2;
	}
	while ((c = getopt_long(argc, argv, optstr, longopts, NULL)) != -1) {
		switch (c) {
		case 'c':
		case 'n':
			parse_count(optarg, c == 'c');
			break;
		case 'q':
			opt.quiet = true;
			opt.verbose = false;
			break;
		case 'v':
			opt.verbose = true;
			opt.quiet = false;
			break;
		case 'z':
			opt.delim = '\0';
			break;
		case 'f':
			cb_unsupported("--follow");
		default:
			cb_usage();
		}
	}
}

int
tail_main(int argc, char *argv[])
{
	struct cb_operands ops;
	bool headers, first = true;
	int i, rval = 0;

	parse(argc, argv);
	cb_open_operands(&ops, argc, argv, optind, O_RDONLY);
	cb_limit(&ops, CAP_READ, CAP_SEEK, CAP_FSTAT);
	cb_limit_stdio();
	cb_enter();

	headers = opt.verbose || (ops.n > 1 && !opt.quiet);
	for (i = 0; i < ops.n; i++) {
		const struct cb_operand *op = &ops.v[i];

		if (op->fd < 0) {
			errno = op->err;
			cb_warn("cannot open %s for reading",
			    cb_quote(op->name));
			rval = 1;
			continue;
		}
		if (headers)
			(void)printf("%s==> %s <==\n", first ? "" : "\n",
			    op->isstdin ? "standard input" : op->name);
		first = false;
		if (tail_fd(op->fd) < 0) {
			cb_warn("error reading %s", cb_quote(op->name));
			rval = 1;
		}
	}
	cb_close_operands(&ops);
	return (cb_finish(rval));
}
