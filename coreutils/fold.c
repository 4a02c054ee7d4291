/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fold.c - wrap each input line to fit in specified width
 *
 * usage: fold [-bs] [-w WIDTH] [FILE]...
 *
 * Wrap input lines in each FILE, writing to standard output.  With no
 * FILE, or when FILE is -, read standard input.
 *
 *   -b, --bytes         count bytes rather than columns
 *   -s, --spaces        break at spaces
 *   -w, --width=WIDTH   use WIDTH columns instead of 80
 */
#include "capbox.h"

APPLET(fold, 1, 0)

static const char optstr[] = "bsw:";
static const struct option longopts[] = {
	{ "bytes", no_argument, NULL, 'b' },
	{ "spaces", no_argument, NULL, 's' },
	{ "width", required_argument, NULL, 'w' },
	{ NULL, 0, NULL, 0 },
};

static struct {
	bool	bytes, spaces;
	size_t	width;
} opt = { .width = 80 };

/* The column after printing c at column col. */
static size_t
advance(size_t col, char c)
{
	if (opt.bytes)
		return (col + 1);
	if (c == '\b')
		return (col > 0 ? col - 1 : 0);
	if (c == '\r')
		return (0);
	if (c == '\t')
		return (col + 8 - col % 8);
	return (col + 1);
}

/* One line (without its newline), folded. */
static void
fold_line(const char *p, size_t len)
{
	size_t col = 0, start = 0, i, j, sp;

	for (i = 0; i < len; i++) {
		size_t ncol = advance(col, p[i]);

		if (ncol > opt.width && i > start) {
			size_t end = i;

			if (opt.spaces) {
				for (sp = i; sp > start && p[sp - 1] != ' '; sp--)
					continue;
				if (sp > start)
					end = sp;
			}
			(void)fwrite(p + start, 1, end - start, stdout);
			(void)putchar('\n');
			start = end;
			for (col = 0, j = start; j < i; j++)
				col = advance(col, p[j]);
			ncol = advance(col, p[i]);
		}
		col = ncol;
	}
	(void)fwrite(p + start, 1, len - start, stdout);
}

int
fold_main(int argc, char *argv[])
{
	struct cb_operands ops;
	struct cb_lines lr;
	uintmax_t w;
	size_t len;
	char *line;
	int c, i, r, rval = 0;

	while ((c = getopt_long(argc, argv, optstr, longopts, NULL)) != -1) {
		switch (c) {
		case 'b':
			opt.bytes = true;
			break;
		case 's':
			opt.spaces = true;
			break;
		case 'w':
			if ((r = cb_parse_uint(optarg, &w)) < 0 &&
			    errno != ERANGE)
				cb_errx(1, "invalid number of columns: %s",
				    cb_qc(0, optarg));
			/* GNU's limit leaves room for a tab's advance. */
			if (r < 0 || w == 0 || w > SIZE_MAX - 9)
				cb_errx(1, "invalid number of columns: %s: %s",
				    cb_qc(0, optarg), cb_strerror(r == 0 &&
				    w == 0 ? ERANGE : EOVERFLOW));
			opt.width = (size_t)w;
			break;
		default:
			cb_usage();
		}
	}
	cb_open_operands(&ops, argc, argv, optind, O_RDONLY);
	cb_limit(&ops, CAP_READ, CAP_FSTAT);
	cb_limit_stdio();
	cb_enter();
	for (i = 0; i < ops.n; i++) {
		if (!cb_operand_check(&ops.v[i])) {
			rval = 1;
			continue;
		}
		cb_lines_init(&lr, ops.v[i].fd, '\n');
		while ((line = cb_lines_next(&lr, &len)) != NULL) {
			bool nl = len > 0 && line[len - 1] == '\n';

			fold_line(line, len - nl);
			if (nl)
				(void)putchar('\n');
		}
		if (errno != 0) {
			cb_warn("%s", ops.v[i].name);
			rval = 1;
		}
		cb_lines_free(&lr);
	}
	cb_close_operands(&ops);
	return (cb_finish(rval));
}
