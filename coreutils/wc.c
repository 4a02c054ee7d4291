/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * wc.c - print newline, word, and byte counts for each file
 *
 * usage: wc [-clLmw] [FILE]...
 *
 * Print newline, word, and byte counts for each FILE, and a total line if
 * more than one FILE is specified.  A word is a non-zero-length sequence
 * of printable characters delimited by white space.  With no FILE, or
 * when FILE is -, read standard input.
 *
 *   -c, --bytes            print the byte counts
 *   -m, --chars            print the character counts
 *   -l, --lines            print the newline counts
 *   -L, --max-line-length  print the maximum display width
 *   -w, --words            print the word counts
 */
#include <ctype.h>
#include <wchar.h>
#include <wctype.h>
#include <sys/stat.h>

#include "capbox.h"

APPLET(wc, 1, 0)

static const char optstr[] = "clLmw";
static const struct option longopts[] = {
	{ "bytes", no_argument, NULL, 'c' },
	{ "chars", no_argument, NULL, 'm' },
	{ "lines", no_argument, NULL, 'l' },
	{ "max-line-length", no_argument, NULL, 'L' },
	{ "words", no_argument, NULL, 'w' },
	{ "files0-from", required_argument, NULL, 'F' },
	{ "total", required_argument, NULL, 'T' },
	{ NULL, 0, NULL, 0 },
};

static struct {
	bool	lines, words, chars, bytes, maxlen;
	bool	multibyte;
} opt;

struct counts {
	uintmax_t	lines, words, chars, bytes, maxlen;
};

/* The state of the word and line-width scan, kept across reads. */
struct scan {
	bool		in_word;
	uintmax_t	linepos;
	mbstate_t	mbs;
};

static void
end_line(struct counts *c, struct scan *s)
{
	if (s->linepos > c->maxlen)
		c->maxlen = s->linepos;
	s->linepos = 0;
}

static void
separator(struct counts *c, struct scan *s)
{
	c->words += s->in_word;
	s->in_word = false;
}

/* One single-byte character, as GNU's C-locale loop counts it. */
static void
scan_byte(struct counts *c, struct scan *s, unsigned char b)
{
	switch (b) {
	case '\n':
		c->lines++;
		end_line(c, s);
		separator(c, s);
		break;
	case '\r':
	case '\f':
		end_line(c, s);
		separator(c, s);
		break;
	case '\t':
		s->linepos += 8 - s->linepos % 8;
		separator(c, s);
		break;
	case ' ':
		s->linepos++;
		separator(c, s);
		break;
	case '\v':
		separator(c, s);
		break;
	default:
		if (isprint(b)) {
			s->linepos++;
			s->in_word = true;
		}
		break;
	}
}

static void
scan_wide(struct counts *c, struct scan *s, wchar_t wc)
{
	int w;

	if (wc < 128) {
		scan_byte(c, s, (unsigned char)wc);
		return;
	}
	/* GNU also splits words at the non-breaking spaces. */
	if (iswspace((wint_t)wc) || wc == 0x00a0 || wc == 0x2007 ||
	    wc == 0x202f || wc == 0x2060) {
		separator(c, s);
	} else if (iswprint((wint_t)wc)) {
		if ((w = wcwidth(wc)) > 0)
			s->linepos += (uintmax_t)w;
		s->in_word = true;
	}
}

/* Multibyte text: a character at a time; invalid bytes are no chars. */
static size_t
scan_mb(struct counts *c, struct scan *s, const char *p, size_t n)
{
	size_t i = 0, k;
	wchar_t wc;

	while (i < n) {
		k = mbrtowc(&wc, p + i, n - i, &s->mbs);
		if (k == (size_t)-2) {
			/* The bytes are fed again after the next read. */
			memset(&s->mbs, 0, sizeof(s->mbs));
			return (i);
		}
		if (k == (size_t)-1) {
			memset(&s->mbs, 0, sizeof(s->mbs));
			i++;
			continue;
		}
		if (k == 0)
			k = 1;
		c->chars++;
		scan_wide(c, s, wc);
		i += k;
	}
	return (i);
}

/*
 * Lines, words and bytes in a single-byte locale, without -L: a class
 * table and no branches, since this is most of what wc is asked.
 */
static void
scan_words(struct counts *c, struct scan *s, const unsigned char *p,
    size_t n)
{
	static unsigned char cls[256];	/* 0 ignored, 1 word, 2 separator */
	static bool ready;
	uintmax_t words = 0;
	unsigned int in = s->in_word, k;
	size_t i;

	if (!ready) {
		for (i = 0; i < 256; i++)
			cls[i] = isspace((int)i) ? 2 : isprint((int)i) ? 1 : 0;
		ready = true;
	}
	for (i = 0; i < n; i++) {
		k = cls[p[i]];
		words += in & (k == 2);
		in = (k == 1) | (in & (k == 0));
	}
	c->words += words;
	c->lines += cb_count_byte(p, n, '\n');
	s->in_word = in != 0;
}

static int
count_fd(int fd, struct counts *c)
{
	struct scan s = { 0 };
	bool full = opt.words || opt.maxlen || (opt.chars && opt.multibyte);
	char *buf = cb_buf();
	size_t keep = 0, used, i;
	struct stat st;
	ssize_t n;
	off_t pos;

	memset(c, 0, sizeof(*c));
	if (!opt.lines && !full && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    st.st_size > 0 && (pos = lseek(fd, 0, SEEK_CUR)) >= 0) {
		c->bytes = c->chars = (uintmax_t)(st.st_size > pos ?
		    st.st_size - pos : 0);
		return (0);
	}
	while ((n = cb_read(fd, buf + keep, CB_BUFSIZE - keep)) > 0) {
		c->bytes += (uintmax_t)n;
		if (!full) {
			c->lines += cb_count_byte(buf, (size_t)n, '\n');
			continue;
		}
		if (opt.multibyte) {
			used = scan_mb(c, &s, buf, keep + (size_t)n);
			keep = keep + (size_t)n - used;
			memmove(buf, buf + used, keep);
			continue;
		}
		if (!opt.maxlen) {
			scan_words(c, &s, (unsigned char *)buf, (size_t)n);
			continue;
		}
		for (i = 0; i < (size_t)n; i++)
			scan_byte(c, &s, (unsigned char)buf[i]);
	}
	if (!full || !opt.multibyte)
		c->chars = opt.multibyte ? c->chars : c->bytes;
	end_line(c, &s);
	separator(c, &s);
	return (n < 0 ? -1 : 0);
}

static void
print(const struct counts *c, int width, const char *name)
{
	const uintmax_t v[] = { c->lines, c->words, c->chars, c->bytes,
	    c->maxlen };
	const bool on[] = { opt.lines, opt.words, opt.chars, opt.bytes,
	    opt.maxlen };
	bool first = true;
	size_t i;

	for (i = 0; i < 5; i++) {
		if (!on[i])
			continue;
		(void)printf("%s%*ju", first ? "" : " ", width, v[i]);
		first = false;
	}
	if (name != NULL)
		(void)printf(" %s", name);
	(void)putchar('\n');
}

/* GNU's column width: digits of the total size of the regular files. */
static int
number_width(const struct cb_operands *ops)
{
	uintmax_t total = 0;
	struct stat st;
	int i, width = 1, minimum = 1;

	if (ops->n == 1 && opt.lines + opt.words + opt.chars + opt.bytes +
	    opt.maxlen == 1)
		return (1);
	for (i = 0; i < ops->n; i++) {
		if (ops->v[i].fd < 0 || fstat(ops->v[i].fd, &st) < 0)
			continue;
		if (S_ISREG(st.st_mode))
			total += (uintmax_t)st.st_size;
		else
			minimum = 7;
	}
	for (; total >= 10; total /= 10)
		width++;
	return (width < minimum ? minimum : width);
}

static void
parse(int argc, char *argv[])
{
	int c;

	while ((c = getopt_long(argc, argv, optstr, longopts, NULL)) != -1) {
		switch (c) {
		case 'c':
			opt.bytes = true;
			break;
		case 'm':
			opt.chars = true;
			break;
		case 'l':
			opt.lines = true;
			break;
		case 'L':
			opt.maxlen = true;
			break;
		case 'w':
			opt.words = true;
			break;
		case 'F':
			cb_unsupported("--files0-from");
		case 'T':
			cb_unsupported("--total");
		default:
			cb_usage();
		}
	}
	if (!(opt.lines || opt.words || opt.chars || opt.bytes || opt.maxlen))
		opt.lines = opt.words = opt.bytes = true;
}

int
wc_main(int argc, char *argv[])
{
	struct cb_operands ops;
	struct counts c, total = { 0 };
	int i, width, rval = 0;

	parse(argc, argv);
	if (opt.chars || opt.words || opt.maxlen) {
		cb_locale();
		opt.multibyte = MB_CUR_MAX > 1;
	}
	cb_open_operands(&ops, argc, argv, optind, O_RDONLY);
	cb_limit(&ops, CAP_READ, CAP_SEEK, CAP_FSTAT);
	cb_limit_stdio();
	cb_enter();

	width = number_width(&ops);
	for (i = 0; i < ops.n; i++) {
		const struct cb_operand *op = &ops.v[i];

		/* As GNU's wc, which says so for --files0-from's names too. */
		if (op->name[0] == '\0') {
			cb_warnx("invalid zero-length file name");
			rval = 1;
			continue;
		}
		if (!cb_operand_check(op)) {
			rval = 1;
			continue;
		}
		if (count_fd(op->fd, &c) < 0) {
			cb_warn("%s", op->name);
			rval = 1;
		}
		print(&c, width, optind < argc ? op->name : NULL);
		total.lines += c.lines;
		total.words += c.words;
		total.chars += c.chars;
		total.bytes += c.bytes;
		if (c.maxlen > total.maxlen)
			total.maxlen = c.maxlen;
	}
	if (ops.n > 1)
		print(&total, width, "total");
	cb_close_operands(&ops);
	return (cb_finish(rval));
}
