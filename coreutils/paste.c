/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * paste.c - merge lines of files
 *
 * usage: paste [-sz] [-d LIST] [FILE]...
 *
 * Write lines consisting of the sequentially corresponding lines from
 * each FILE, separated by TABs, to standard output.  With no FILE, or
 * when FILE is -, read standard input.
 *
 *   -d, --delimiters=LIST   reuse characters from LIST instead of TABs
 *   -s, --serial            paste one file at a time instead of in parallel
 *   -z, --zero-terminated   line delimiter is NUL, not newline
 */
#include "capbox.h"

APPLET(paste, 1, 0)

static const char optstr[] = "d:sz";
static const struct option longopts[] = {
	{ "delimiters", required_argument, NULL, 'd' },
	{ "serial", no_argument, NULL, 's' },
	{ "zero-terminated", no_argument, NULL, 'z' },
	{ NULL, 0, NULL, 0 },
};

static struct {
	char	*delims;	/* after escapes; '\0' entries mean none */
	size_t	ndelims;
	bool	serial;
	char	eol;
} opt = { .eol = '\n' };

static void
parse_delims(const char *s)
{
	size_t n = 0;

	if ((opt.delims = malloc(strlen(s) + 1)) == NULL)
		cb_err(1, "malloc");
	for (; *s != '\0'; s++) {
		if (*s != '\\') {
			opt.delims[n++] = *s;
			continue;
		}
		switch (*++s) {
		case 'n':
			opt.delims[n++] = '\n';
			break;
		case 't':
			opt.delims[n++] = '\t';
			break;
		case '0':
			opt.delims[n++] = '\0';
			break;
		case '\\':
			opt.delims[n++] = '\\';
			break;
		case '\0':
			cb_errx(1, "delimiter list ends with an unescaped "
			    "backslash: %s", cb_q(0, s - 1));
		default:
			opt.delims[n++] = *s;
			break;
		}
	}
	opt.ndelims = n;
}

static void
put_delim(size_t i)
{
	if (opt.ndelims == 0)
		return;
	if (opt.delims[i % opt.ndelims] != '\0')
		(void)putchar(opt.delims[i % opt.ndelims]);
}

static char *
line_of(struct cb_lines *lr, size_t *len, const char *name)
{
	char *l = cb_lines_next(lr, len);

	if (l == NULL && errno != 0)
		cb_err(1, "%s", name);
	if (l != NULL && *len > 0 && l[*len - 1] == opt.eol)
		(*len)--;
	return (l);
}

static void
serial(struct cb_operands *ops)
{
	struct cb_lines lr;
	size_t len, k;
	char *l;
	int i;

	for (i = 0; i < ops->n; i++) {
		cb_lines_init(&lr, ops->v[i].fd, opt.eol);
		for (k = 0; (l = line_of(&lr, &len, ops->v[i].name)) != NULL;
		    k++) {
			if (k > 0)
				put_delim(k - 1);
			(void)fwrite(l, 1, len, stdout);
		}
		(void)putchar(opt.eol);
		cb_lines_free(&lr);
	}
}

static void
parallel(struct cb_operands *ops)
{
	struct cb_lines *lr;
	bool *done, any;
	size_t len;
	char *l;
	int i, live = ops->n;

	if ((lr = calloc((size_t)ops->n, sizeof(*lr))) == NULL ||
	    (done = calloc((size_t)ops->n, sizeof(*done))) == NULL)
		cb_err(1, "calloc");
	for (i = 0; i < ops->n; i++)
		cb_lines_init(&lr[i], ops->v[i].fd, opt.eol);
	while (live > 0) {
		any = false;
		for (i = 0; i < ops->n; i++) {
			l = done[i] ? NULL : line_of(&lr[i], &len, ops->v[i].name);
			if (l == NULL && !done[i]) {
				done[i] = true;
				live--;
			}
			if (l != NULL && !any) {
				/* Delimiters for the files before, all empty. */
				int k;

				for (k = 0; k < i; k++)
					put_delim((size_t)k);
			}
			if (l != NULL) {
				(void)fwrite(l, 1, len, stdout);
				any = true;
			}
			if (any && i + 1 < ops->n)
				put_delim((size_t)i);
		}
		if (any)
			(void)putchar(opt.eol);
	}
	for (i = 0; i < ops->n; i++)
		cb_lines_free(&lr[i]);
	free(lr);
	free(done);
}

int
paste_main(int argc, char *argv[])
{
	struct cb_operands ops;
	int c, i;

	parse_delims("\t");
	while ((c = getopt_long(argc, argv, optstr, longopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			free(opt.delims);
			parse_delims(optarg);
			break;
		case 's':
			opt.serial = true;
			break;
		case 'z':
			opt.eol = '\0';
			break;
		default:
			cb_usage();
		}
	}
	cb_open_operands(&ops, argc, argv, optind, O_RDONLY);
	cb_limit(&ops, CAP_READ, CAP_FSTAT);
	cb_limit_stdio();
	cb_enter();
	for (i = 0; i < ops.n; i++)
		if (!cb_operand_check(&ops.v[i]))
			return (cb_finish(1));
	if (opt.serial)
		serial(&ops);
	else
		parallel(&ops);
	cb_close_operands(&ops);
	free(opt.delims);
	return (cb_finish(0));
}
