/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * uniq.c - report or omit repeated lines
 *
 * usage: uniq [-cdDiuz] [-f N] [-s N] [-w N] [INPUT [OUTPUT]]
 *
 * Filter adjacent matching lines from INPUT (or standard input), writing
 * to OUTPUT (or standard output).  OUTPUT is opened before capability
 * mode.
 *
 *   -c, --count           prefix lines by the number of occurrences
 *   -d, --repeated        only print duplicate lines, one for each group
 *   -D                    print all duplicate lines
 *   -f, --skip-fields=N   avoid comparing the first N fields
 *   -i, --ignore-case     ignore differences in case when comparing
 *   -s, --skip-chars=N    avoid comparing the first N characters
 *   -u, --unique          only print unique lines
 *   -w, --check-chars=N   compare no more than N characters in lines
 *   -z, --zero-terminated line delimiter is NUL, not newline
 */
#include <ctype.h>

#include "capbox.h"
#include "cb_fs.h"

APPLET(uniq, 1, 0)

static const char optstr[] = "cdDf:is:uw:z";
static const struct option longopts[] = {
	{ "count", no_argument, NULL, 'c' },
	{ "repeated", no_argument, NULL, 'd' },
	{ "all-repeated", optional_argument, NULL, 'A' },
	{ "group", optional_argument, NULL, 'G' },
	{ "skip-fields", required_argument, NULL, 'f' },
	{ "ignore-case", no_argument, NULL, 'i' },
	{ "skip-chars", required_argument, NULL, 's' },
	{ "unique", no_argument, NULL, 'u' },
	{ "check-chars", required_argument, NULL, 'w' },
	{ "zero-terminated", no_argument, NULL, 'z' },
	{ NULL, 0, NULL, 0 },
};

static struct {
	bool		count, repeated, all, unique, icase;
	uintmax_t	fields, chars, width;
	char		delim;
} opt = { .width = UINTMAX_MAX, .delim = '\n' };

/* The part of a line that is compared. */
static void
key(const char *p, size_t len, const char **kp, size_t *kl)
{
	const char *e = p + len;
	uintmax_t f, c;

	/* Past the end there is nothing left to skip (-f may be huge). */
	for (f = 0; f < opt.fields && p < e; f++) {
		while (p < e && isblank((unsigned char)*p))
			p++;
		while (p < e && !isblank((unsigned char)*p))
			p++;
	}
	for (c = 0; c < opt.chars && p < e; c++)
		p++;
	*kp = p;
	*kl = (uintmax_t)(e - p) > opt.width ? (size_t)opt.width :
	    (size_t)(e - p);
}

static bool
same(const char *a, size_t al, const char *b, size_t bl)
{
	const char *ka, *kb;
	size_t la, lb;

	key(a, al, &ka, &la);
	key(b, bl, &kb, &lb);
	if (la != lb)
		return (false);
	return (opt.icase ? strncasecmp(ka, kb, la) == 0 :
	    memcmp(ka, kb, la) == 0);
}

static void
emit(const char *line, size_t len, uintmax_t n)
{
	if ((opt.repeated && n < 2) || (opt.unique && n > 1))
		return;
	if (opt.count)
		(void)printf("%7ju ", n);
	(void)fwrite(line, 1, len, stdout);
	(void)putchar(opt.delim);
}

static uintmax_t
number(const char *s, const char *what)
{
	uintmax_t n;

	if (cb_parse_uint(s, &n) == 0)
		return (n);
	if (errno != ERANGE)
		cb_errx(1, "%s: %s", s, what);
	return (UINTMAX_MAX);
}

static void
parse(int argc, char *argv[])
{
	int c;

	while ((c = getopt_long(argc, argv, optstr, longopts, NULL)) != -1) {
		switch (c) {
		case 'c':
			opt.count = true;
			break;
		case 'd':
			opt.repeated = true;
			break;
		case 'D':
			opt.all = true;
			break;
		case 'A':
			cb_unsupported("--all-repeated");
		case 'G':
			cb_unsupported("--group");
		case 'f':
			opt.fields = number(optarg, "invalid number of fields "
			    "to skip");
			break;
		case 'i':
			opt.icase = true;
			break;
		case 's':
			opt.chars = number(optarg, "invalid number of bytes to "
			    "skip");
			break;
		case 'u':
			opt.unique = true;
			break;
		case 'w':
			opt.width = number(optarg, "invalid number of bytes to "
			    "compare");
			break;
		case 'z':
			opt.delim = '\0';
			break;
		default:
			cb_usage();
		}
	}
	if (opt.all && opt.count)
		cb_errx(1, "printing all duplicated lines and repeat counts is "
		    "meaningless\nTry 'uniq --help' for more information.");
	if (argc - optind > 2) {
		cb_warnx("extra operand %s", cb_qc(0, argv[optind + 2]));
		cb_usage();
	}
}

static void
run(int fd)
{
	struct cb_lines lr;
	char *prev = NULL, *line;
	size_t plen = 0, len;
	uintmax_t n = 0;

	cb_lines_init(&lr, fd, opt.delim);
	while ((line = cb_lines_next(&lr, &len)) != NULL) {
		if (len > 0 && line[len - 1] == opt.delim)
			len--;
		if (prev != NULL && same(prev, plen, line, len)) {
			n++;
			if (opt.all) {
				if (n == 2)
					emit(prev, plen, 2);
				emit(line, len, 2);
			}
			continue;
		}
		if (prev != NULL && !opt.all)
			emit(prev, plen, n);
		free(prev);
		if ((prev = malloc(len + 1)) == NULL)
			cb_err(1, "malloc");
		memcpy(prev, line, len);
		plen = len;
		n = 1;
	}
	if (errno != 0)
		cb_err(1, "read error");
	if (prev != NULL && !opt.all)
		emit(prev, plen, n);
	free(prev);
	cb_lines_free(&lr);
}

int
uniq_main(int argc, char *argv[])
{
	struct cb_operand in = { .name = "-", .fd = STDIN_FILENO };
	const char *out = NULL;
	int fd;

	parse(argc, argv);
	if (optind < argc)
		cb_open_operand1(&in, argv[optind], O_RDONLY);
	if (optind + 1 < argc && strcmp(argv[optind + 1], "-") != 0) {
		out = argv[optind + 1];
		if ((fd = cb_devfd(out)) < 0 && (fd = cb_openat_operand(out,
		    O_WRONLY | O_CREAT | O_TRUNC, 0666)) < 0)
			cb_err(1, "%s", cb_quotef(out));
		if (fd != STDOUT_FILENO && dup2(fd, STDOUT_FILENO) < 0)
			cb_err(1, "%s", out);
	}
	if (!cb_operand_check(&in))
		return (1);
	if (in.fd > STDERR_FILENO)
		cb_limit_fd(in.fd, in.name, CAP_READ, CAP_FSTAT);
	cb_limit_stdio();
	cb_enter();
	run(in.fd);
	return (cb_finish(0));
}
