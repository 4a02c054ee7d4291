/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * tac.c - concatenate and print files in reverse
 *
 * usage: tac [-b] [-s SEPARATOR] [FILE]...
 *
 * Write each FILE to standard output, last line first.  With no FILE, or
 * when FILE is -, read standard input.
 *
 *   -b, --before             attach the separator before instead of after
 *   -s, --separator=STRING   use STRING as the separator instead of newline
 */
#include <sys/stat.h>

#include "capbox.h"
#include "cb_fs.h"

APPLET(tac, 1, 0)

static const char optstr[] = "bs:r";
static const struct option longopts[] = {
	{ "before", no_argument, NULL, 'b' },
	{ "separator", required_argument, NULL, 's' },
	{ "regex", no_argument, NULL, 'r' },
	{ NULL, 0, NULL, 0 },
};

static struct {
	bool		before;
	const char	*sep;
	size_t		seplen;
} opt = { .sep = "\n", .seplen = 1 };

/*
 * Record starts, found forwards: after each separator, or (with -b) at
 * each separator.  The records are then written last to first.
 */
static void
push(size_t **v, size_t *n, size_t *cap, size_t x)
{
	if (*n == *cap) {
		*cap = *cap == 0 ? 4096 : *cap * 2;
		if ((*v = realloc(*v, *cap * sizeof(**v))) == NULL)
			cb_err(1, "malloc");
	}
	(*v)[(*n)++] = x;
}

static void
tac_buf(const char *buf, size_t len)
{
	const char *end = buf + len, *p, *q;
	size_t *starts = NULL, n = 0, cap = 0, i, s;

	push(&starts, &n, &cap, 0);
	for (p = buf; (q = memmem(p, (size_t)(end - p), opt.sep,
	    opt.seplen)) != NULL; p = q + opt.seplen) {
		s = (size_t)(q - buf) + (opt.before ? 0 : opt.seplen);
		if (s > 0 && s < len && s != starts[n - 1])
			push(&starts, &n, &cap, s);
	}
	for (i = n; i > 0; i--)
		cb_write_out(buf + starts[i - 1], (i < n ? starts[i] : len) -
		    starts[i - 1]);
	free(starts);
}

int
tac_main(int argc, char *argv[])
{
	struct cb_operands ops;
	struct stat st;
	size_t len;
	char *buf;
	int c, i, rval = 0;

	while ((c = getopt_long(argc, argv, optstr, longopts, NULL)) != -1) {
		switch (c) {
		case 'b':
			opt.before = true;
			break;
		case 's':
			/* An empty separator is the NUL byte, as in GNU. */
			opt.sep = optarg;
			opt.seplen = *optarg == '\0' ? 1 : strlen(optarg);
			break;
		case 'r':
			cb_unsupported("--regex");
		default:
			cb_usage();
		}
	}
	cb_open_operands(&ops, argc, argv, optind, O_RDONLY);
	cb_limit(&ops, CAP_READ, CAP_FSTAT);
	cb_limit_stdio();
	cb_enter();
	for (i = 0; i < ops.n; i++) {
		if (ops.v[i].fd < 0) {
			errno = ops.v[i].err;
			cb_warn("failed to open %s for reading",
			    cb_quote(ops.v[i].name));
			rval = 1;
			continue;
		}
		/* GNU seeks in its input first: a directory is EINVAL. */
		if (fstat(ops.v[i].fd, &st) == 0 && S_ISDIR(st.st_mode)) {
			errno = EINVAL;
			cb_warn("%s: read error", ops.v[i].name);
			rval = 1;
			continue;
		}
		if (cb_slurp(ops.v[i].fd, &buf, &len) < 0) {
			cb_warn("%s: read error", ops.v[i].name);
			rval = 1;
			continue;
		}
		tac_buf(buf, len);
		free(buf);
	}
	cb_close_operands(&ops);
	return (cb_finish(rval));
}
