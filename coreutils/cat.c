/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * cat.c - concatenate files to standard output
 *
 * usage: cat [-AbeEnstTuv] [FILE]...
 *
 * Concatenate FILE(s) to standard output.  With no FILE, or when FILE is
 * -, read standard input.  /dev/fd/N reads the inherited descriptor N.
 *
 *   -A, --show-all           equivalent to -vET
 *   -b, --number-nonblank    number nonempty output lines, overrides -n
 *   -e                       equivalent to -vE
 *   -E, --show-ends          display $ at end of each line
 *   -n, --number             number all output lines
 *   -s, --squeeze-blank      suppress repeated empty output lines
 *   -t                       equivalent to -vT
 *   -T, --show-tabs          display TAB characters as ^I
 *   -u                       (ignored)
 *   -v, --show-nonprinting   use ^ and M- notation, except for LFD and TAB
 */
#include <sys/stat.h>

#include "capbox.h"

APPLET(cat, 1, 0)

static const char optstr[] = "AbeEnstTuv";
/* In GNU's order, which its "ambiguous option" message follows. */
static const struct option longopts[] = {
	{ "number-nonblank", no_argument, NULL, 'b' },
	{ "number", no_argument, NULL, 'n' },
	{ "squeeze-blank", no_argument, NULL, 's' },
	{ "show-nonprinting", no_argument, NULL, 'v' },
	{ "show-ends", no_argument, NULL, 'E' },
	{ "show-tabs", no_argument, NULL, 'T' },
	{ "show-all", no_argument, NULL, 'A' },
	{ NULL, 0, NULL, 0 },
};

static struct {
	bool	nonblank, ends, number, squeeze, tabs, nonprint;
} opt;

/* What the formatting path carries from one file to the next, as GNU. */
struct fmt {
	uintmax_t	line;		/* last line number printed */
	bool		at_start;	/* next byte begins a line */
	int		blanks;		/* consecutive empty lines seen */
	char		*out;
	size_t		olen;
};

#define OUTCAP	(128 * 1024)

static void
flush_out(struct fmt *f)
{
	cb_write_out(f->out, f->olen);
	f->olen = 0;
}

static void
put_number(struct fmt *f)
{
	f->olen += (size_t)snprintf(f->out + f->olen, 32, "%6ju\t", ++f->line);
}

/* The ^X and M-X forms of -v. */
static void
put_visible(struct fmt *f, unsigned char c)
{
	char *o = f->out + f->olen;

	if (opt.nonprint && c >= 128) {
		*o++ = 'M';
		*o++ = '-';
		c -= 128;
	}
	if (opt.nonprint && (c < 32 || c == 127) && c != '\t' && c != '\n') {
		*o++ = '^';
		*o++ = c == 127 ? '?' : (char)(c + 64);
	} else if (opt.tabs && c == '\t') {
		*o++ = '^';
		*o++ = 'I';
	} else {
		*o++ = (char)c;
	}
	f->olen = (size_t)(o - f->out);
}

static void
format(struct fmt *f, const unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (f->olen > OUTCAP - 64)
			flush_out(f);
		if (p[i] == '\n') {
			if (f->at_start) {
				if (opt.squeeze && ++f->blanks > 1)
					continue;
				if (opt.number && !opt.nonblank)
					put_number(f);
			}
			if (opt.ends)
				f->out[f->olen++] = '$';
			f->out[f->olen++] = '\n';
			f->at_start = true;
			continue;
		}
		if (f->at_start && (opt.number || opt.nonblank))
			put_number(f);
		f->at_start = false;
		f->blanks = 0;
		put_visible(f, p[i]);
	}
}

static int
cat_formatted(struct fmt *f, const struct cb_operand *op)
{
	char *buf = cb_buf();
	ssize_t n;

	while ((n = cb_read(op->fd, buf, CB_BUFSIZE)) > 0)
		format(f, (unsigned char *)buf, (size_t)n);
	if (n < 0) {
		flush_out(f);
		cb_warn("%s", op->name);
		return (1);
	}
	return (0);
}

/* GNU refuses to append a file to itself (cat f >> f would not end). */
static bool
is_output(int fd, const struct stat *so)
{
	struct stat si;
	off_t pos;

	if (!S_ISREG(so->st_mode) || fstat(fd, &si) < 0 ||
	    si.st_dev != so->st_dev || si.st_ino != so->st_ino)
		return (false);
	pos = lseek(fd, 0, SEEK_CUR);
	return (pos >= 0 && pos < si.st_size);
}

static int
cat_plain(const struct cb_operand *op)
{
	bool werr;

	if (cb_copy_fd(STDOUT_FILENO, op->fd, &werr) == 0)
		return (0);
	if (werr)
		cb_err(1, "write error");
	cb_warn("%s", op->name);
	return (1);
}

static void
parse(int argc, char *argv[])
{
	int c;

	while ((c = getopt_long(argc, argv, optstr, longopts, NULL)) != -1) {
		switch (c) {
		case 'A':
			opt.nonprint = opt.ends = opt.tabs = true;
			break;
		case 'b':
			opt.nonblank = opt.number = true;
			break;
		case 'e':
			opt.nonprint = opt.ends = true;
			break;
		case 'E':
			opt.ends = true;
			break;
		case 'n':
			opt.number = true;
			break;
		case 's':
			opt.squeeze = true;
			break;
		case 't':
			opt.nonprint = opt.tabs = true;
			break;
		case 'T':
			opt.tabs = true;
			break;
		case 'u':
			break;
		case 'v':
			opt.nonprint = true;
			break;
		default:
			cb_usage();
		}
	}
}

int
cat_main(int argc, char *argv[])
{
	struct cb_operands ops;
	struct fmt f = { .at_start = true };
	struct stat so;
	bool plain, have_so;
	int i, rval = 0;

	parse(argc, argv);
	plain = !(opt.ends || opt.number || opt.squeeze || opt.tabs ||
	    opt.nonprint);
	cb_open_operands(&ops, argc, argv, optind, O_RDONLY);
	cb_limit(&ops, CAP_READ, CAP_FSTAT, CAP_SEEK);
	cb_limit_stdio();
	cb_enter();

	have_so = fstat(STDOUT_FILENO, &so) == 0;
	if (!plain && (f.out = malloc(OUTCAP)) == NULL)
		cb_err(1, "malloc");
	for (i = 0; i < ops.n; i++) {
		const struct cb_operand *op = &ops.v[i];

		if (!cb_operand_check(op)) {
			rval = 1;
		} else if (have_so && is_output(op->fd, &so)) {
			cb_warnx("%s: input file is output file", op->name);
			rval = 1;
		} else {
			rval |= plain ? cat_plain(op) : cat_formatted(&f, op);
		}
	}
	if (!plain)
		flush_out(&f);
	free(f.out);
	cb_close_operands(&ops);
	return (cb_finish(rval));
}
