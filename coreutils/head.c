/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * head.c - output the first part of files
 *
 * usage: head [-c [-]NUM] [-n [-]NUM] [-qvz] [FILE]...
 *
 * Print the first 10 lines of each FILE to standard output.  With more
 * than one FILE, precede each with a header giving the file name.  FILE
 * may be - (standard input) or /dev/fd/N (inherited descriptor N).
 *
 *   -c, --bytes=[-]NUM      print the first NUM bytes of each file; with
 *                           the leading '-', all but the last NUM bytes
 *   -n, --lines=[-]NUM      print the first NUM lines instead of 10; with
 *                           the leading '-', all but the last NUM lines
 *   -q, --quiet, --silent   never print headers giving file names
 *   -v, --verbose           always print headers giving file names
 *   -z, --zero-terminated   line delimiter is NUL, not newline
 */
#include "capbox.h"
#include "cb_fs.h"

APPLET(head, 1, 0)

static const char optstr[] = "c:n:qvz";
static const struct option longopts[] = {
	{ "bytes", required_argument, NULL, 'c' },
	{ "lines", required_argument, NULL, 'n' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "silent", no_argument, NULL, 'q' },
	{ "verbose", no_argument, NULL, 'v' },
	{ "zero-terminated", no_argument, NULL, 'z' },
	{ NULL, 0, NULL, 0 },
};

static struct {
	intmax_t	count;
	bool		bytes, elide, quiet, verbose;
	char		delim;
} opt = { .count = 10, .delim = '\n' };

static void
parse_count(const char *s, bool bytes)
{
	opt.bytes = bytes;
	opt.elide = *s == '-';
	if (*s == '-')
		s++;
	/* GNU's message quotes the number without its '-'. */
	if (cb_parse_count(s, &opt.count) < 0) {
		if (errno == ERANGE)
			cb_errx(1, "invalid number of %s: %s: %s",
			    bytes ? "bytes" : "lines", cb_qc(0, s),
			    cb_strerror(EOVERFLOW));
		cb_errx(1, "invalid number of %s: %s",
		    bytes ? "bytes" : "lines", cb_qc(0, s));
	}
	/*
	 * Bytes to leave out are an offset: past OFF_T_MAX GNU refuses
	 * them, naming the value.
	 */
	if (bytes && opt.elide && opt.count == INTMAX_MAX) {
		uintmax_t v;
		char buf[24];

		if (cb_xstrtoumax(s, NULL, 10, &v, "bkKmMGTPEZYRQ0") ==
		    CB_XSTR_OK && v > INTMAX_MAX) {
			(void)snprintf(buf, sizeof(buf), "%ju", v);
			cb_errx(1, "invalid number of bytes: %s: %s",
			    cb_qc(0, buf), cb_strerror(EOVERFLOW));
		}
	}
}

/* Print up to opt.count bytes or lines; give back what was over-read. */
static int
head_first(int fd)
{
	char *buf = cb_buf();
	intmax_t left = opt.count;
	ssize_t n = 0;
	size_t len;
	char *p, *end;
	bool werr;

	/* Bytes: the kernel moves them (sendfile, splice). */
	if (opt.bytes) {
		if (cb_copy_fd_n(STDOUT_FILENO, fd, (uintmax_t)left, &werr) == 0)
			return (0);
		if (werr)
			cb_err(1, "write error");
		return (-1);
	}
	while (left > 0 && (n = cb_read(fd, buf, CB_BUFSIZE)) > 0) {
		len = (size_t)n;
		if (opt.bytes) {
			if ((intmax_t)len > left)
				len = (size_t)left;
			left -= (intmax_t)len;
		} else {
			for (p = buf, end = buf + n; left > 0 &&
			    (p = memchr(p, opt.delim, (size_t)(end - p))) != NULL;
			    p++)
				left--;
			if (left == 0)
				len = (size_t)(p - buf);
		}
		cb_write_out(buf, len);
		if ((size_t)n > len)
			(void)lseek(fd, (off_t)len - n, SEEK_CUR);
	}
	return (left > 0 && n < 0 ? -1 : 0);
}

/* All but the last opt.count bytes or lines: the tail is found at the end. */
static int
head_elide(int fd)
{
	intmax_t k = opt.count;
	size_t len, cut;
	char *buf;

	if (cb_slurp(fd, &buf, &len) < 0)
		return (-1);
	if (opt.bytes) {
		cut = (intmax_t)len > k ? len - (size_t)k : 0;
	} else {
		cut = len;
		if (cut > 0 && buf[cut - 1] != opt.delim && k > 0) {
			/* An unterminated last line counts as a line. */
			while (cut > 0 && buf[cut - 1] != opt.delim)
				cut--;
			k--;
		}
		for (; k > 0 && cut > 0; k--) {
			cut--;
			while (cut > 0 && buf[cut - 1] != opt.delim)
				cut--;
		}
	}
	cb_write_out(buf, cut);
	free(buf);
	return (0);
}

static void
parse(int argc, char *argv[])
{
	int c;

	/* The obsolete form "head -5" is "head -n 5". */
	if (argc > 1 && argv[1][0] == '-' && argv[1][1] >= '0' &&
	    argv[1][1] <= '9') {
		parse_count(argv[1] + 1, false);
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
		default:
			cb_usage();
		}
	}
}

int
head_main(int argc, char *argv[])
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
		if ((opt.elide ? head_elide(op->fd) : head_first(op->fd)) < 0) {
			cb_warn("error reading %s", cb_quote(op->name));
			rval = 1;
		}
	}
	cb_close_operands(&ops);
	return (cb_finish(rval));
}
