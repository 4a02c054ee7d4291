/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * truncate.c - shrink or extend the size of a file to the specified size
 *
 * usage: truncate [-co] -s SIZE|-r RFILE FILE...
 *
 * Shrink or extend the size of each FILE to the specified size.  A FILE
 * argument that does not exist is created.  If a FILE is larger than the
 * specified size, the extra data is lost.  If a FILE is shorter, it is
 * extended and the sparse extended part (hole) reads as zero bytes.
 *
 *   -c, --no-create        do not create any files
 *   -o, --io-blocks        treat SIZE as number of IO blocks instead of bytes
 *   -r, --reference=RFILE  base size on RFILE
 *   -s, --size=SIZE        set or adjust the file size by SIZE bytes
 *
 * SIZE is an integer and optional unit (K, M, G, T, P, E, Z, Y: powers of
 * 1024; KB, MB, ...: powers of 1000; KiB... as K...).  SIZE may also be
 * prefixed by one of the following modifying characters: '+' extend by,
 * '-' reduce by, '<' at most, '>' at least, '/' round down to multiple of,
 * '%' round up to multiple of.
 *
 * Each FILE is opened for writing before capability mode, and then only
 * ftruncate'd.
 */
#include <sys/stat.h>

#include "capbox.h"
#include "cb_fs.h"

APPLET(truncate, 1, 0)

static const char optstr[] = "cor:s:";
static const struct option longopts[] = {
	{ "no-create", no_argument, NULL, 'c' },
	{ "io-blocks", no_argument, NULL, 'o' },
	{ "reference", required_argument, NULL, 'r' },
	{ "size", required_argument, NULL, 's' },
	{ NULL, 0, NULL, 0 },
};

static struct {
	bool		nocreate, blocks, has_size;
	const char	*ref;
	char		rel;	/* 0 or one of + - < > / % */
	intmax_t	size;
	off_t		refsize;
} opt;

/* SIZE: optional modifier, then a number with GNU's suffixes. */
static void
parse_size(const char *arg)
{
	const char *s = arg, *num;

	while (*s == ' ' || *s == '\t')
		s++;
	if (*s != '\0' && strchr("<>/%", *s) != NULL)
		opt.rel = *s++;
	while (*s == ' ' || *s == '\t')
		s++;
	/* GNU's messages quote what follows the modifier. */
	num = s;
	if (*s == '-' || *s == '+') {
		if (opt.rel != 0) {
			cb_warnx("multiple relative modifiers specified");
			cb_usage();
		}
		opt.rel = *s++;
	}
	/* After a sign comes the number: "--5" and "- 5" are invalid. */
	errno = 0;
	if ((s != num && *s != '\0' && strchr("+- \t", *s) != NULL) ||
	    cb_parse_size(s, false, &opt.size) < 0) {
		if (errno == ERANGE)
			cb_errx(1, "Invalid number: %s: %s", cb_quote(num),
			    cb_strerror(EOVERFLOW));
		cb_errx(1, "Invalid number: %s", cb_quote(num));
	}
	if ((opt.rel == '/' || opt.rel == '%') && opt.size == 0)
		cb_errx(1, "division by zero");
	opt.has_size = true;
}

static off_t
new_size(off_t cur, off_t bs)
{
	intmax_t n = opt.size;

	if (opt.blocks) {
		if (bs > 0 && n > INTMAX_MAX / bs)
			return (-1);
		n *= bs > 0 ? bs : 1;
	}
	switch (opt.rel) {
	case '+':
		return (n > INTMAX_MAX - cur ? -1 : cur + n);
	case '-':
		return (cur - n < 0 ? 0 : cur - n);
	case '<':
		return (cur < n ? cur : n);
	case '>':
		return (cur > n ? cur : n);
	case '/':
		return ((cur / n) * n);
	case '%':
		return (((cur + n - 1) / n) * n);
	default:
		return (n);
	}
}

static int
truncate_op(struct cb_operand *op)
{
	struct stat st;
	off_t cur, size;

	if (op->fd < 0) {
		if (opt.nocreate && op->err == ENOENT)
			return (0);
		errno = op->err;
		cb_warn("cannot open %s for writing", cb_quote(op->name));
		return (1);
	}
	if (fstat(op->fd, &st) < 0) {
		cb_warn("cannot fstat %s", cb_quote(op->name));
		return (1);
	}
	cur = opt.ref != NULL ? opt.refsize : st.st_size;
	if (!opt.has_size)
		size = opt.refsize;
	else if ((size = new_size(cur, st.st_blksize)) < 0) {
		cb_warnx("overflow extending size of file %s",
		    cb_quote(op->name));
		return (1);
	}
	if (ftruncate(op->fd, size) < 0) {
		cb_warn("failed to truncate %s at %jd bytes", cb_quote(op->name),
		    (intmax_t)size);
		return (1);
	}
	return (0);
}

static void
parse(int argc, char *argv[])
{
	int c;

	while ((c = getopt_long(argc, argv, optstr, longopts, NULL)) != -1) {
		switch (c) {
		case 'c':
			opt.nocreate = true;
			break;
		case 'o':
			opt.blocks = true;
			break;
		case 'r':
			opt.ref = optarg;
			break;
		case 's':
			parse_size(optarg);
			break;
		default:
			cb_usage();
		}
	}
	if (opt.ref != NULL && opt.has_size && opt.rel == 0) {
		cb_warnx("you must specify a relative '--size' with "
		    "'--reference'");
		cb_usage();
	}
	if (opt.ref == NULL && !opt.has_size) {
		cb_warnx("you must specify either '--size' or '--reference'");
		cb_usage();
	}
	if (opt.blocks && !opt.has_size) {
		cb_warnx("'--io-blocks' was specified but '--size' was not");
		cb_usage();
	}
	if (optind == argc) {
		cb_warnx("missing file operand");
		cb_usage();
	}
}

int
truncate_main(int argc, char *argv[])
{
	struct cb_operands ops;
	struct stat st;
	int fd, i, rval = 0;

	parse(argc, argv);
	cb_fs_stdio(argv + optind, argc - optind);
	if (opt.ref != NULL) {
		if ((fd = cb_open_operand(opt.ref, O_PATH, 0)) < 0 ||
		    fstat(fd, &st) < 0)
			cb_err(1, "cannot stat %s", cb_quote(opt.ref));
		(void)close(fd);
		opt.refsize = st.st_size;
	}
	cb_open_operands(&ops, argc, argv, optind, O_WRONLY | O_NONBLOCK |
	    O_NOCTTY | (opt.nocreate ? 0 : O_CREAT));
	cb_limit(&ops, CAP_FTRUNCATE, CAP_FSTAT);
	cb_enter();
	for (i = 0; i < ops.n; i++)
		rval |= truncate_op(&ops.v[i]);
	cb_close_operands(&ops);
	return (cb_finish(rval));
}
