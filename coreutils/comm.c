/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * comm.c - compare two sorted files line by line
 *
 * usage: comm [-123z] [--output-delimiter=STR] FILE1 FILE2
 *
 * Compare sorted files FILE1 and FILE2 line by line.  Column one holds
 * lines unique to FILE1, column two lines unique to FILE2, column three
 * lines common to both.  Lines are compared as bytes.
 *
 *   -1                      suppress column 1 (lines unique to FILE1)
 *   -2                      suppress column 2 (lines unique to FILE2)
 *   -3                      suppress column 3 (lines that appear in both)
 *       --check-order       check that the input is correctly sorted
 *       --nocheck-order     do not check that the input is correctly sorted
 *       --output-delimiter=STR  separate columns with STR
 *       --total             output a summary
 *   -z, --zero-terminated   line delimiter is NUL, not newline
 */
#include "capbox.h"

APPLET(comm, 1, 0)

static const char optstr[] = "123z";
static const struct option longopts[] = {
	{ "check-order", no_argument, NULL, 'C' },
	{ "nocheck-order", no_argument, NULL, 'N' },
	{ "output-delimiter", required_argument, NULL, 'O' },
	{ "total", no_argument, NULL, 'T' },
	{ "zero-terminated", no_argument, NULL, 'z' },
	{ NULL, 0, NULL, 0 },
};

static struct {
	bool		show[3], total, check, nocheck;
	bool		unpairable;	/* GNU checks order only after one */
	const char	*delim;
	char		eol;
} opt = { .show = { true, true, true }, .delim = "\t", .eol = '\n' };

struct side {
	struct cb_lines	lr;
	char		*line, *prev;
	size_t		len, plen;
	const char	*name;
	int		n;
	bool		disorder;
};

static int
cmpl(const char *a, size_t al, const char *b, size_t bl)
{
	int r = memcmp(a, b, al < bl ? al : bl);

	return (r != 0 ? r : (al > bl) - (al < bl));
}

static void
next(struct side *s)
{
	free(s->prev);
	s->prev = s->line != NULL ? strndup(s->line, s->len) : NULL;
	s->plen = s->len;
	if ((s->line = cb_lines_next(&s->lr, &s->len)) == NULL) {
		if (errno != 0)
			cb_err(1, "%s", s->name);
		return;
	}
	if (s->len > 0 && s->line[s->len - 1] == opt.eol)
		s->len--;
	if (s->prev != NULL && !s->disorder && !opt.nocheck &&
	    (opt.check || opt.unpairable) &&
	    cmpl(s->prev, s->plen, s->line, s->len) > 0) {
		s->disorder = true;
		if (opt.check)
			cb_errx(1, "file %d is not in sorted order", s->n);
		cb_warnx("file %d is not in sorted order", s->n);
	}
}

static void
put(int col, const char *p, size_t len, uintmax_t *count)
{
	int i;

	count[col]++;
	if (!opt.show[col])
		return;
	for (i = 0; i < col; i++)
		if (opt.show[i])
			(void)fputs(opt.delim, stdout);
	(void)fwrite(p, 1, len, stdout);
	(void)putchar(opt.eol);
}

int
comm_main(int argc, char *argv[])
{
	struct cb_operands ops;
	struct side s[2] = { { .n = 1 }, { .n = 2 } };
	uintmax_t count[3] = { 0, 0, 0 };
	int c, i, r;

	while ((c = getopt_long(argc, argv, optstr, longopts, NULL)) != -1) {
		if (c >= '1' && c <= '3')
			opt.show[c - '1'] = false;
		else if (c == 'C')
			opt.check = true;
		else if (c == 'N')
			opt.nocheck = true;
		else if (c == 'O')
			opt.delim = *optarg != '\0' ? optarg : "";
		else if (c == 'T')
			opt.total = true;
		else if (c == 'z')
			opt.eol = '\0';
		else
			cb_usage();
	}
	if (argc - optind < 2) {
		if (argc - optind == 0)
			cb_warnx("missing operand");
		else
			cb_warnx("missing operand after %s",
			    cb_qc(0, argv[argc - 1]));
		cb_usage();
	}
	if (argc - optind > 2) {
		cb_warnx("extra operand %s", cb_qc(0, argv[optind + 2]));
		cb_usage();
	}
	cb_open_operands(&ops, argc, argv, optind, O_RDONLY);
	cb_limit(&ops, CAP_READ, CAP_FSTAT);
	cb_limit_stdio();
	cb_enter();
	for (i = 0; i < 2; i++) {
		if (!cb_operand_check(&ops.v[i]))
			return (cb_finish(1));
		s[i].name = ops.v[i].name;
		cb_lines_init(&s[i].lr, ops.v[i].fd, opt.eol);
		next(&s[i]);
	}
	while (s[0].line != NULL || s[1].line != NULL) {
		if (s[0].line == NULL)
			r = 1;
		else if (s[1].line == NULL)
			r = -1;
		else
			r = cmpl(s[0].line, s[0].len, s[1].line, s[1].len);
		if (r != 0)
			opt.unpairable = true;
		if (r < 0) {
			put(0, s[0].line, s[0].len, count);
			next(&s[0]);
		} else if (r > 0) {
			put(1, s[1].line, s[1].len, count);
			next(&s[1]);
		} else {
			put(2, s[0].line, s[0].len, count);
			next(&s[0]);
			next(&s[1]);
		}
	}
	if (opt.total)
		(void)printf("%ju%s%ju%s%ju%stotal%c", count[0], opt.delim,
		    count[1], opt.delim, count[2], opt.delim, opt.eol);
	for (i = 0; i < 2; i++) {
		free(s[i].prev);
		cb_lines_free(&s[i].lr);
	}
	cb_close_operands(&ops);
	if (s[0].disorder || s[1].disorder) {
		(void)cb_finish(1);
		cb_errx(1, "input is not in sorted order");
	}
	return (cb_finish(0));
}
