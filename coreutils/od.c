/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * od.c - dump files in octal and other formats
 *
 * usage: od [OPTION]... [FILE]...
 *    or: od [FILE] [[+]OFFSET[.][b]]
 *
 * Write an unambiguous representation, octal bytes by default, of FILE to
 * standard output.  With more than one FILE argument, concatenate them in
 * the listed order to form the input.  With no FILE, or when FILE is -,
 * read standard input.
 *
 *   -A, --address-radix=RADIX   output format for file offsets; RADIX is
 *                               one of [doxn], for Decimal, Octal, Hex or
 *                               None
 *   -j, --skip-bytes=BYTES      skip BYTES input bytes first
 *   -N, --read-bytes=BYTES      limit dump to BYTES input bytes
 *   -S BYTES, --strings[=BYTES]  show only NUL-terminated strings of at
 *                               least BYTES (3) printable characters
 *   -t, --format=TYPE           select output format or formats
 *   -v, --output-duplicates     do not use * to mark line suppression
 *   -w, --width[=BYTES]         output BYTES bytes per output line;
 *                               32 is implied when BYTES is not specified
 *       --traditional           (not supported)
 *       --endian={big|little}   swap input bytes according to the
 *                               specified order
 *
 * Traditional format specifications may be intermixed; they accumulate:
 *   -a   same as -t a,  select named characters, ignoring high-order bit
 *   -b   same as -t o1, select octal bytes
 *   -c   same as -t c,  select printable characters or backslash escapes
 *   -d   same as -t u2, select unsigned decimal 2-byte units
 *   -f   same as -t fF, select floats
 *   -i   same as -t dI, select decimal ints
 *   -l   same as -t dL, select decimal longs
 *   -o   same as -t o2, select octal 2-byte units
 *   -s   same as -t d2, select decimal 2-byte units
 *   -x   same as -t x2, select hexadecimal 2-byte units
 *   -B   same as -o; -D same as -t u4; -e, -F same as -t fD;
 *   -H, -X same as -t x4; -h same as -x; -I, -L same as -l;
 *   -O   same as -t o4 (GNU's undocumented forms)
 *
 * TYPE is made up of one or more of these specifications:
 *   a          named character, ignoring high-order bit
 *   c          printable character or backslash escape
 *   d[SIZE]    signed decimal, SIZE bytes per integer
 *   f[SIZE]    floating point, SIZE bytes per float
 *   o[SIZE]    octal, SIZE bytes per integer
 *   u[SIZE]    unsigned decimal, SIZE bytes per integer
 *   x[SIZE]    hexadecimal, SIZE bytes per integer
 * SIZE is a number (1, 2, 4, 8 for integers; 4, 8, 16 for floats) or one
 * of C, S, I, L for integers and F, D, L for floats.  Adding a z suffix
 * to any type displays printable characters at the end of each line.
 *
 * BYTES is hexadecimal with a 0x or 0X prefix, and may have a multiplier
 * suffix: b 512, KB 1000, K 1024, MB 1000*1000, M 1024*1024, and so on
 * for G, T, P, E, Z, Y.  Binary prefixes can be used too: KiB=K, MiB=M.
 */
#include <ctype.h>
#include <float.h>
#include <inttypes.h>
#include <math.h>
#include <sys/stat.h>

#include "capbox.h"
#include "cb_fs.h"

APPLET(od, 1, 0)

static const char optstr[] = "A:aBbcDdeFfHhIij:LlN:OoS:st:vw::Xx";
enum { OPT_TRADITIONAL = 256, OPT_ENDIAN };
static const struct option longopts[] = {
	{ "skip-bytes", required_argument, NULL, 'j' },
	{ "address-radix", required_argument, NULL, 'A' },
	{ "read-bytes", required_argument, NULL, 'N' },
	{ "format", required_argument, NULL, 't' },
	{ "output-duplicates", no_argument, NULL, 'v' },
	{ "strings", optional_argument, NULL, 'S' },
	{ "traditional", no_argument, NULL, OPT_TRADITIONAL },
	{ "endian", required_argument, NULL, OPT_ENDIAN },
	{ "width", optional_argument, NULL, 'w' },
	{ NULL, 0, NULL, 0 },
};

static const char multipliers[] = "bEGKkMmPTYZ0";

struct spec {
	char	kind;		/* a c d f o u x */
	int	size;		/* bytes per datum */
	int	width;		/* field width, without the padding */
	int	pad;		/* padding shared among a line's fields */
	bool	trailer;	/* z: >printable< at the end */
};

static struct {
	struct spec	*spec;
	int		nspec;
	int		radix;		/* 8, 10, 16, 0 (none) */
	int		addr_width;
	uintmax_t	skip, limit;
	bool		limited, dups;
	bool		width_given, modern, swap, strings;
	uintmax_t	width;
	size_t		string_min;
} opt = { .radix = 8, .addr_width = 7, .dups = false };

/* Field widths by datum size, as GNU prints them. */
static const int oct_digits[] = { 0, 3, 6, 8, 11, 14, 16, 19, 22 };
static const int sdec_digits[] = { 1, 4, 6, 8, 11, 13, 16, 18, 20 };
static const int udec_digits[] = { 0, 3, 5, 8, 10, 13, 15, 17, 20 };
static const int hex_digits[] = { 0, 2, 4, 6, 8, 10, 12, 14, 16 };

/* Longest output of the shortest round-trip form (gnulib's bounds). */
#define FLT_FIELD	15
#define DBL_FIELD	24
#define LDBL_FIELD	29

static bool
add_spec(const char *orig, const char **sp)
{
	const char *s = *sp;
	struct spec sp_ = { .kind = *s };
	uintmax_t n;
	char *end;

	switch (*s++) {
	case 'd':
	case 'o':
	case 'u':
	case 'x':
		switch (*s) {
		case 'C': s++; sp_.size = 1; break;
		case 'S': s++; sp_.size = 2; break;
		case 'I': s++; sp_.size = 4; break;
		case 'L': s++; sp_.size = 8; break;
		default:
			if (!isdigit((unsigned char)*s)) {
				sp_.size = 4;
				break;
			}
			errno = 0;
			n = strtoumax(s, &end, 10);
			if (errno == ERANGE) {
				cb_warnx("invalid type string %s",
				    cb_qc(0, orig));
				return (false);
			}
			if (n > 8 || (n & (n - 1)) != 0 || n == 0) {
				cb_warnx("invalid type string %s;\nthis system "
				    "doesn't provide a %ju-byte integral type",
				    cb_qc(0, orig), n);
				return (false);
			}
			sp_.size = (int)n;
			s = end;
		}
		sp_.width = sp_.kind == 'd' ? sdec_digits[sp_.size] :
		    sp_.kind == 'o' ? oct_digits[sp_.size] :
		    sp_.kind == 'u' ? udec_digits[sp_.size] :
		    hex_digits[sp_.size];
		break;
	case 'f':
		switch (*s) {
		case 'F': s++; sp_.size = 4; break;
		case 'D': s++; sp_.size = 8; break;
		case 'L': s++; sp_.size = 16; break;
		default:
			if (!isdigit((unsigned char)*s)) {
				sp_.size = 8;
				break;
			}
			errno = 0;
			n = strtoumax(s, &end, 10);
			if (errno == ERANGE) {
				cb_warnx("invalid type string %s",
				    cb_qc(0, orig));
				return (false);
			}
			if (n != 4 && n != 8 && n != 16) {
				cb_warnx("invalid type string %s;\nthis system "
				    "doesn't provide a %ju-byte floating point "
				    "type", cb_qc(0, orig), n);
				return (false);
			}
			sp_.size = (int)n;
			s = end;
		}
		sp_.width = sp_.size == 4 ? FLT_FIELD : sp_.size == 8 ?
		    DBL_FIELD : LDBL_FIELD;
		break;
	case 'a':
	case 'c':
		sp_.size = 1;
		sp_.width = 3;
		break;
	default:
		cb_warnx("invalid character '%c' in type string %s", s[-1],
		    cb_qc(0, orig));
		return (false);
	}
	if (*s == 'z') {
		sp_.trailer = true;
		s++;
	}
	opt.spec = realloc(opt.spec, (size_t)(opt.nspec + 1) *
	    sizeof(*opt.spec));
	if (opt.spec == NULL)
		cb_err(1, "realloc");
	opt.spec[opt.nspec++] = sp_;
	*sp = s;
	return (true);
}

static bool
add_specs(const char *s)
{
	const char *orig = s;

	while (*s != '\0')
		if (!add_spec(orig, &s))
			return (false);
	return (true);
}

/* ---- input: the operands as one stream ---- */

static struct {
	struct cb_operands	ops;
	int			cur;	/* operand being read; n: at end */
	bool			ok;
} in;

static const char *
in_name(void)
{
	const struct cb_operand *op = &in.ops.v[in.cur];

	return (op->isstdin ? "standard input" : cb_quotef(op->name));
}

/* Move to the next operand that opened (reporting those that did not). */
static void
next_file(void)
{
	for (in.cur++; in.cur < in.ops.n; in.cur++) {
		if (in.ops.v[in.cur].fd >= 0)
			return;
		errno = in.ops.v[in.cur].err;
		cb_warn("%s", cb_quotef(in.ops.v[in.cur].name));
		in.ok = false;
	}
}

static bool
at_end(void)
{
	return (in.cur >= in.ops.n);
}

static void
read_error(void)
{
	cb_warn("%s", in_name());
	in.ok = false;
}

/* Fill buf with n bytes from the concatenated input; returns how many. */
static size_t
read_block(char *buf, size_t n)
{
	size_t got = 0;
	ssize_t r;

	while (!at_end()) {
		r = cb_read_full(in.ops.v[in.cur].fd, buf + got, n - got);
		if (r < 0)
			read_error();
		else if ((got += (size_t)r) == n)
			break;
		next_file();
	}
	return (got);
}

static void
skip_input(uintmax_t n)
{
	struct stat st;
	char *buf = cb_buf();
	ssize_t r;
	size_t want;
	int fd;

	while (n > 0 && !at_end()) {
		fd = in.ops.v[in.cur].fd;
		if (fstat(fd, &st) < 0) {
			read_error();
		} else if (S_ISREG(st.st_mode) && st.st_blksize < st.st_size) {
			if ((uintmax_t)st.st_size < n) {
				n -= (uintmax_t)st.st_size;
			} else {
				if (lseek(fd, (off_t)n, SEEK_CUR) < 0)
					read_error();
				n = 0;
			}
		} else if (!S_ISREG(st.st_mode) &&
		    lseek(fd, (off_t)n, SEEK_CUR) >= 0) {
			n = 0;
		} else {
			while (n > 0) {
				want = n < CB_BUFSIZE ? (size_t)n : CB_BUFSIZE;
				if ((r = cb_read(fd, buf, want)) < 0) {
					read_error();
					n = 0;
					break;
				}
				if (r == 0)
					break;
				n -= (uintmax_t)r;
			}
		}
		if (n == 0)
			break;
		next_file();
	}
	if (n != 0)
		cb_errx(1, "cannot skip past end of combined input");
}

/* ---- output ---- */

static void
put_address(uintmax_t a, char c)
{
	char buf[72], *p = buf + sizeof(buf);
	const char *digits = "0123456789abcdef";

	if (opt.radix == 0)
		return;
	*--p = '\0';
	if (c != '\0')
		*--p = c;
	do {
		*--p = digits[a % (unsigned)opt.radix];
		a /= (unsigned)opt.radix;
	} while (a != 0);
	while (buf + sizeof(buf) - p - 1 - (c != '\0') < opt.addr_width)
		*--p = '0';
	(void)fputs(p, stdout);
}

static uint64_t
datum(const unsigned char *p, int size)
{
	uint64_t v = 0;
	int i;

	/* Little-endian, as the host, unless --endian=big. */
	if (opt.swap)
		for (i = 0; i < size; i++)
			v = v << 8 | p[i];
	else
		for (i = size - 1; i >= 0; i--)
			v = v << 8 | p[i];
	return (v);
}

static int64_t
sdatum(const unsigned char *p, int size)
{
	uint64_t v = datum(p, size);

	if (size < 8 && (v >> (size * 8 - 1)) != 0)
		v |= ~(uint64_t)0 << (size * 8);
	return ((int64_t)v);
}

/* The shortest "%.Ng" that reads back as the same value (gnulib ftoastr). */
static void
float_str(char *buf, size_t len, const unsigned char *p, int size)
{
	unsigned char sw[16];
	int prec, i;

	if (opt.swap) {
		for (i = 0; i < size; i++)
			sw[i] = p[size - 1 - i];
		p = sw;
	}

	if (size == 4) {
		float x;

		memcpy(&x, p, sizeof(x));
		for (prec = fabsf(x) < FLT_MIN ? 1 : FLT_DIG;; prec++) {
			(void)snprintf(buf, len, "%.*g", prec, (double)x);
			if (prec >= 9 || strtof(buf, NULL) == x)
				break;
		}
	} else if (size == 8) {
		double x;

		memcpy(&x, p, sizeof(x));
		for (prec = fabs(x) < DBL_MIN ? 1 : DBL_DIG;; prec++) {
			(void)snprintf(buf, len, "%.*g", prec, x);
			if (prec >= 17 || strtod(buf, NULL) == x)
				break;
		}
	} else {
		long double x;

		memcpy(&x, p, sizeof(x));
		for (prec = fabsl(x) < LDBL_MIN ? 1 : LDBL_DIG;; prec++) {
			(void)snprintf(buf, len, "%.*Lg", prec, x);
			if (prec >= 21 || strtold(buf, NULL) == x)
				break;
		}
	}
}

static const char *const charname[33] = {
	"nul", "soh", "stx", "etx", "eot", "enq", "ack", "bel", "bs", "ht",
	"nl", "vt", "ff", "cr", "so", "si", "dle", "dc1", "dc2", "dc3", "dc4",
	"nak", "syn", "etb", "can", "em", "sub", "esc", "fs", "gs", "rs",
	"us", "sp",
};

static void
put_field(const struct spec *s, const unsigned char *p, int w)
{
	char buf[64];
	unsigned char c;

	switch (s->kind) {
	case 'o':
		(void)printf("%*.*jo", w, s->width, (uintmax_t)datum(p, s->size));
		break;
	case 'x':
		(void)printf("%*.*jx", w, s->width, (uintmax_t)datum(p, s->size));
		break;
	case 'u':
		(void)printf("%*ju", w, (uintmax_t)datum(p, s->size));
		break;
	case 'd':
		(void)printf("%*jd", w, (intmax_t)sdatum(p, s->size));
		break;
	case 'f':
		float_str(buf, sizeof(buf), p, s->size);
		(void)printf("%*s", w, buf);
		break;
	case 'a':
		c = *p & 0x7f;
		(void)printf("%*s", w, c == 127 ? "del" : c <= 32 ? charname[c] :
		    (buf[0] = (char)c, buf[1] = '\0', buf));
		break;
	case 'c':
		c = *p;
		switch (c) {
		case '\0': (void)printf("%*s", w, "\\0"); break;
		case '\a': (void)printf("%*s", w, "\\a"); break;
		case '\b': (void)printf("%*s", w, "\\b"); break;
		case '\f': (void)printf("%*s", w, "\\f"); break;
		case '\n': (void)printf("%*s", w, "\\n"); break;
		case '\r': (void)printf("%*s", w, "\\r"); break;
		case '\t': (void)printf("%*s", w, "\\t"); break;
		case '\v': (void)printf("%*s", w, "\\v"); break;
		default:
			if (c >= 0x20 && c < 0x7f)
				(void)printf("%*c", w, c);
			else
				(void)printf("%*.3o", w, c);
		}
		break;
	}
}

/* Where the dump is, for the "*" line that stands for equal blocks. */
enum dups { DUPS_FIRST, DUPS_NONE, DUPS_RUN };

static void
write_block(uintmax_t offset, size_t n, size_t bpb, const char *prev,
    const char *cur, enum dups *d)
{
	const unsigned char *p;
	int i, fields, blank, k, pad_left, next_pad;
	size_t j;

	if (!opt.dups && *d != DUPS_FIRST && n == bpb &&
	    memcmp(prev, cur, bpb) == 0) {
		if (*d != DUPS_RUN)
			(void)fputs("*\n", stdout);
		*d = DUPS_RUN;
		return;
	}
	*d = DUPS_NONE;
	for (i = 0; i < opt.nspec; i++) {
		const struct spec *s = &opt.spec[i];

		fields = (int)(bpb / (size_t)s->size);
		blank = (int)((bpb - n) / (size_t)s->size);
		if (i == 0)
			put_address(offset, '\0');
		else
			(void)printf("%*s", opt.radix == 0 ? 0 : opt.addr_width,
			    "");
		p = (const unsigned char *)cur;
		pad_left = s->pad;
		for (k = fields; k > blank; k--) {
			next_pad = (int)((long long)s->pad * (k - 1) / fields);
			put_field(s, p, pad_left - next_pad + s->width);
			p += s->size;
			pad_left = next_pad;
		}
		if (s->trailer) {
			(void)printf("%*s", blank * s->width +
			    (int)((long long)s->pad * blank / fields), "");
			(void)fputs("  >", stdout);
			for (j = 0; j < n; j++) {
				unsigned char c = (unsigned char)cur[j];

				(void)putchar(c >= 0x20 && c < 0x7f ? c : '.');
			}
			(void)putchar('<');
		}
		(void)putchar('\n');
	}
}

static int
lcm_of_sizes(void)
{
	int l = 1, i, a, b, t;

	for (i = 0; i < opt.nspec; i++) {
		a = l;
		b = opt.spec[i].size;
		while (b != 0) {
			t = a % b;
			a = b;
			b = t;
		}
		l = l / a * opt.spec[i].size;
	}
	return (l);
}

static void
dump(size_t bpb)
{
	char *block[2];
	uintmax_t offset = opt.skip, end = opt.skip + opt.limit;
	size_t n = 0, need, l;
	enum dups d = DUPS_FIRST;
	int idx = 0;

	if ((block[0] = malloc(2 * bpb + 16)) == NULL)
		cb_errx(1, "memory exhausted");
	block[1] = block[0] + bpb + 8;
	for (;;) {
		need = bpb;
		if (opt.limited) {
			if (offset >= end) {
				n = 0;
				break;
			}
			if (end - offset < bpb)
				need = (size_t)(end - offset);
		}
		n = read_block(block[idx], need);
		if (n < bpb)
			break;
		write_block(offset, n, bpb, block[!idx], block[idx], &d);
		offset += n;
		idx = !idx;
	}
	if (n > 0) {
		l = (size_t)lcm_of_sizes();
		memset(block[idx] + n, 0, (n + l - 1) / l * l - n);
		write_block(offset, n, bpb, block[!idx], block[idx], &d);
		offset += n;
	}
	put_address(offset, '\n');
	free(block[0]);
}

/* -S reads the concatenated input a byte at a time, from this buffer. */
static struct {
	unsigned char	buf[4096];
	size_t		pos, len;
} rd;

/* The next byte of the concatenated input, or -1 at its end. */
static int
read_char(void)
{
	if (rd.pos == rd.len) {
		rd.len = read_block((char *)rd.buf, sizeof(rd.buf));
		rd.pos = 0;
		if (rd.len == 0)
			return (-1);
	}
	return (rd.buf[rd.pos++]);
}

/*
 * -S: each run of at least string_min printable bytes that a NUL ends (or
 * the -N limit), at its address, as GNU prints them.
 */
static void
dump_strings(void)
{
	uintmax_t addr = opt.skip, end = opt.skip + opt.limit;
	size_t cap = opt.string_min > 100 ? opt.string_min + 1 : 101, i;
	char *buf;
	int c;

	if ((buf = malloc(cap)) == NULL)
		cb_errx(1, "memory exhausted");
next:
	for (;;) {
		if (opt.limited && (end < opt.string_min ||
		    end - opt.string_min <= addr))
			break;
		for (i = 0; i < opt.string_min; i++) {
			c = read_char();
			addr++;
			if (c < 0)
				goto out;
			if (!isprint(c))
				goto next;
			buf[i] = (char)c;
		}
		while (!opt.limited || addr < end) {
			c = read_char();
			addr++;
			if (c < 0)
				goto out;
			if (c == '\0')
				break;
			if (!isprint(c))
				goto next;
			if (i + 1 >= cap) {
				cap *= 2;
				if ((buf = realloc(buf, cap)) == NULL)
					cb_errx(1, "memory exhausted");
			}
			buf[i++] = (char)c;
		}
		put_address(addr - i - 1, ' ');
		(void)fwrite(buf, 1, i, stdout);
		(void)putchar('\n');
	}
out:
	free(buf);
}

/* POSIX's "od [file] [[+]offset[.][b]]": octal, hexadecimal with 0x. */
static bool
old_offset(const char *s, uintmax_t *off)
{
	int base = 8;

	if (*s == '\0')
		return (false);
	if (*s == '+')
		s++;
	if (strchr(s, '.') != NULL)
		base = 10;
	else if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		base = 16;
	return (cb_xstrtoumax(s, NULL, base, off, "Bb") == CB_XSTR_OK);
}

static void
parse_bytes(char *argv[], int c, uintmax_t *v)
{
	int e = cb_xstrtoumax(optarg, NULL, 0, v, multipliers);

	if (e != CB_XSTR_OK)
		cb_xstrtol_fatal(e, 1, cb_optname(argv, longopts, c), optarg);
}

/* --endian=ORDER. */
static const char *const endian_words[] = { "little", "big", NULL };
static const int endian_vals[] = { 'l', 'b' };

static void
parse(int argc, char *argv[])
{
	static const char *const old[128] = {
		['a'] = "a", ['b'] = "o1", ['c'] = "c", ['D'] = "u4",
		['d'] = "u2", ['F'] = "fD", ['e'] = "fD", ['f'] = "fF",
		['X'] = "x4", ['H'] = "x4", ['i'] = "dI", ['I'] = "dL",
		['L'] = "dL", ['l'] = "dL", ['O'] = "o4", ['B'] = "o2",
		['o'] = "o2", ['s'] = "d2", ['h'] = "x2", ['x'] = "x2",
	};
	bool ok = true;
	uintmax_t w;
	int c, e;

	while ((c = getopt_long(argc, argv, optstr, longopts, NULL)) != -1) {
		if (c > 0 && c < 128 && old[c] != NULL) {
			ok &= add_specs(old[c]);
			continue;
		}
		switch (c) {
		case 'A':
			opt.modern = true;
			switch (optarg[0]) {
			case 'd': opt.radix = 10; opt.addr_width = 7; break;
			case 'o': opt.radix = 8; opt.addr_width = 7; break;
			case 'x': opt.radix = 16; opt.addr_width = 6; break;
			case 'n': opt.radix = 0; opt.addr_width = 0; break;
			default:
				cb_errx(1, "invalid output address radix '%c'; "
				    "it must be one character from [doxn]",
				    optarg[0]);
			}
			break;
		case 'j':
			opt.modern = true;
			parse_bytes(argv, c, &opt.skip);
			break;
		case 'N':
			opt.modern = true;
			opt.limited = true;
			parse_bytes(argv, c, &opt.limit);
			break;
		case 't':
			opt.modern = true;
			ok &= add_specs(optarg);
			break;
		case 'v':
			opt.modern = true;
			opt.dups = true;
			break;
		case 'w':
			opt.modern = true;
			opt.width_given = true;
			opt.width = 32;
			if (optarg == NULL)
				break;
			e = cb_xstrtoumax(optarg, NULL, 10, &w, "");
			if (e != CB_XSTR_OK)
				cb_xstrtol_fatal(e, 1, cb_optname(argv, longopts,
				    c), optarg);
			opt.width = w;
			break;
		case 'S':
			opt.modern = true;
			opt.strings = true;
			opt.string_min = 3;
			if (optarg == NULL)
				break;
			parse_bytes(argv, c, &w);
			if (w > SIZE_MAX / 2)
				cb_errx(1, "%s is too large", cb_qc(0, optarg));
			opt.string_min = (size_t)w;
			break;
		case OPT_TRADITIONAL:
			cb_unsupported("--traditional");
		case OPT_ENDIAN:
			opt.swap = cb_argmatch("--endian", optarg, endian_words,
			    endian_vals) == 'b';
			break;
		default:
			cb_usage();
		}
	}
	if (!ok)
		exit(1);
}

int
od_main(int argc, char *argv[])
{
	size_t bpb, wpb = 0, fw;
	int i, l, nfiles;
	uintmax_t off;

	parse(argc, argv);
	nfiles = argc - optind;
	/* Without modern options, a last operand "+N" or N is an offset. */
	if (!opt.modern) {
		if (nfiles == 1 && argv[optind][0] == '+' &&
		    old_offset(argv[optind], &off)) {
			opt.skip = off;
			nfiles = 0;
			argc--;
		} else if (nfiles == 2 && (argv[optind + 1][0] == '+' ||
		    isdigit((unsigned char)argv[optind + 1][0])) &&
		    old_offset(argv[optind + 1], &off)) {
			opt.skip = off;
			argc--;
		}
	}
	if (opt.limited && opt.skip + opt.limit < opt.skip)
		cb_errx(1, "skip-bytes + read-bytes is too large");
	if (opt.strings && opt.nspec > 0)
		cb_errx(1, "no type may be specified when dumping strings");
	if (opt.nspec == 0)
		(void)add_specs("oS");

	cb_open_operands(&in.ops, argc, argv, optind, O_RDONLY);
	cb_limit(&in.ops, CAP_READ, CAP_SEEK, CAP_FSTAT);
	cb_limit_stdio();
	cb_enter();

	in.ok = true;
	in.cur = -1;
	next_file();
	if (at_end()) {
		cb_close_operands(&in.ops);
		return (cb_finish(1));
	}
	skip_input(opt.skip);

	l = lcm_of_sizes();
	if (opt.width_given) {
		if (opt.width != 0 && opt.width % (uintmax_t)l == 0 &&
		    opt.width <= SIZE_MAX / 4) {
			bpb = (size_t)opt.width;
		} else {
			cb_warnx("warning: invalid width %ju; using %d instead",
			    opt.width, l);
			bpb = (size_t)l;
		}
	} else {
		bpb = l < 16 ? (size_t)(l * (16 / l)) : (size_t)l;
	}
	for (i = 0; i < opt.nspec; i++) {
		fw = (size_t)(opt.spec[i].width + 1) *
		    (bpb / (size_t)opt.spec[i].size);
		if (wpb < fw)
			wpb = fw;
	}
	for (i = 0; i < opt.nspec; i++)
		opt.spec[i].pad = (int)(wpb - (size_t)opt.spec[i].width *
		    (bpb / (size_t)opt.spec[i].size));
	if (opt.strings)
		dump_strings();
	else
		dump(bpb);
	cb_close_operands(&in.ops);
	free(opt.spec);
	return (cb_finish(in.ok ? 0 : 1));
}
