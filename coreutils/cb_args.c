/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * cb_args.c - option parsing with GNU's messages, and GNU number parsing
 *
 * glibc's getopt_long prints GNU's messages, musl's prints its own; capbox
 * turns getopt's printing off and says the same thing in both builds.
 */
#define CB_NO_GETOPT_REDIRECT
#include <inttypes.h>

#include "capbox.h"

/* The long option whose name starts with name[0..len), or NULL. */
static const struct option *
find_long(const struct option *lo, const char *name, size_t len,
    int *nmatch)
{
	const struct option *found = NULL;

	*nmatch = 0;
	for (; lo != NULL && lo->name != NULL; lo++) {
		if (strncmp(lo->name, name, len) != 0)
			continue;
		if (strlen(lo->name) == len) {
			*nmatch = 1;
			return (lo);
		}
		if (found == NULL || found->flag != lo->flag ||
		    found->val != lo->val || found->has_arg != lo->has_arg)
			(*nmatch)++;
		if (found == NULL)
			found = lo;
	}
	return (found);
}

static void
long_error(const char *arg, const struct option *lo)
{
	const char *name = arg + 2, *eq = strchr(name, '=');
	size_t len = eq != NULL ? (size_t)(eq - name) : strlen(name);
	const struct option *o;
	int n;

	o = find_long(lo, name, len, &n);
	if (o == NULL) {
		cb_warnx("unrecognized option '%s'", arg);
	} else if (n > 1) {
		(void)fflush(stdout);
		(void)fprintf(stderr, "%s: option '--%.*s' is ambiguous; "
		    "possibilities:", cb_progname, (int)len, name);
		for (; lo->name != NULL; lo++)
			if (strncmp(lo->name, name, len) == 0)
				(void)fprintf(stderr, " '--%s'", lo->name);
		(void)fputc('\n', stderr);
	} else if (eq != NULL && o->has_arg == no_argument) {
		cb_warnx("option '--%s' doesn't allow an argument", o->name);
	} else {
		cb_warnx("option '--%s' requires an argument", o->name);
	}
}

static void
short_error(const char *optstr, int c)
{
	const char *p = c != 0 && c != ':' ? strchr(optstr, c) : NULL;

	if (p != NULL && p[1] == ':')
		cb_warnx("option requires an argument -- '%c'", c);
	else
		cb_warnx("invalid option -- '%c'", c);
}

#define CB_OPT_HELP	(INT_MAX - 1)
#define CB_OPT_VERSION	(INT_MAX - 2)

/*
 * The applet's long options and GNU's --help and --version, which every
 * GNU program has in its table: "--he" is --help where nothing else
 * starts so, and "sort --vers" is ambiguous (--version-sort).  One table
 * is kept, for the one applet a process runs.
 */
static const struct option *
with_standard(const struct option *lo)
{
	static const struct option *of;
	static struct option *table;
	bool help = false, version = false;
	size_t n = 0;

	if (of == lo && table != NULL)
		return (table);
	for (; lo != NULL && lo[n].name != NULL; n++) {
		help = help || strcmp(lo[n].name, "help") == 0;
		version = version || strcmp(lo[n].name, "version") == 0;
	}
	free(table);
	if ((table = calloc(n + 3, sizeof(*table))) == NULL)
		cb_err(1, "malloc");
	if (n > 0)
		memcpy(table, lo, n * sizeof(*table));
	if (!help)
		table[n++] = (struct option){ "help", no_argument, NULL,
		    CB_OPT_HELP };
	if (!version)
		table[n++] = (struct option){ "version", no_argument, NULL,
		    CB_OPT_VERSION };
	of = lo;
	return (table);
}

int
cb_getopt_long(int argc, char *const argv[], const char *optstr,
    const struct option *longopts, int *longindex)
{
	int before = optind, c;

	opterr = 0;
	longopts = with_standard(longopts);
	c = getopt_long(argc, argv, optstr, longopts, longindex);
	if (c == CB_OPT_HELP)
		cb_help();
	if (c == CB_OPT_VERSION)
		cb_version();
	if (c != '?' && c != ':')
		return (c);
	/*
	 * A long option always moves optind past its word; a short option
	 * in the middle of a cluster does not.  musl's permutation, for an
	 * option missing its argument after an operand ("head f -n"),
	 * leaves argv's terminating NULL inside the vector: never follow it.
	 */
	if (optind > before && optind - 1 < argc && argv[optind - 1] != NULL &&
	    strncmp(argv[optind - 1], "--", 2) == 0 &&
	    argv[optind - 1][2] != '\0')
		long_error(argv[optind - 1], longopts);
	else
		short_error(optstr, optopt);
	return ('?');
}

static int
mult_of(const char *s, uintmax_t *mult)
{
	static const char units[] = "KMGTPEZY";
	const char *u;
	uintmax_t base = 1024;
	int i, pow;

	if (*s == '\0') {
		*mult = 1;
		return (0);
	}
	if (s[0] == 'b' && s[1] == '\0') {
		*mult = 512;
		return (0);
	}
	if ((u = strchr(units, s[0] == 'k' ? 'K' : s[0] == 'm' ? 'M' :
	    s[0])) == NULL || *u == '\0')
		return (-1);
	if (s[1] == 'B' && s[2] == '\0')
		base = 1000;
	else if (!(s[1] == '\0' || (s[1] == 'i' && s[2] == 'B' &&
	    s[3] == '\0')))
		return (-1);
	pow = (int)(u - units) + 1;
	*mult = 1;
	for (i = 0; i < pow; i++) {
		if (*mult > UINTMAX_MAX / base)
			return (1);
		*mult *= base;
	}
	return (0);
}

/* The value of a size, *big when it does not fit in uintmax_t. */
static int
size_value(const char *s, uintmax_t *out, bool *big)
{
	uintmax_t n = 0, mult;
	const char *p = s;
	int r;

	*big = false;

	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '+')
		p++;
	if (*p < '0' || *p > '9') {
		errno = EINVAL;
		return (-1);
	}
	for (; *p >= '0' && *p <= '9'; p++) {
		if (n > (UINTMAX_MAX - (uintmax_t)(*p - '0')) / 10)
			*big = true;
		else
			n = n * 10 + (uintmax_t)(*p - '0');
	}
	if ((r = mult_of(p, &mult)) < 0) {
		errno = EINVAL;
		return (-1);
	}
	if (r > 0 || (mult != 0 && n > UINTMAX_MAX / mult))
		*big = true;
	else
		n *= mult;
	*out = n;
	return (0);
}

int
cb_parse_size(const char *s, bool saturate, intmax_t *out)
{
	uintmax_t n;
	bool big;

	if (size_value(s, &n, &big) < 0)
		return (-1);
	if (big || n > INTMAX_MAX) {
		if (!saturate) {
			errno = ERANGE;
			return (-1);
		}
		n = INTMAX_MAX;
	}
	*out = (intmax_t)n;
	return (0);
}

int
cb_parse_count(const char *s, intmax_t *out)
{
	uintmax_t n;
	bool big;

	if (size_value(s, &n, &big) < 0)
		return (-1);
	if (big) {
		errno = ERANGE;
		return (-1);
	}
	*out = n > INTMAX_MAX ? INTMAX_MAX : (intmax_t)n;
	return (0);
}

int
cb_parse_uint(const char *s, uintmax_t *out)
{
	uintmax_t n = 0;
	const char *p = s;

	if (*p == '+')
		p++;
	if (*p < '0' || *p > '9') {
		errno = EINVAL;
		return (-1);
	}
	for (; *p >= '0' && *p <= '9'; p++) {
		if (n > (UINTMAX_MAX - (uintmax_t)(*p - '0')) / 10) {
			errno = ERANGE;
			return (-1);
		}
		n = n * 10 + (uintmax_t)(*p - '0');
	}
	if (*p != '\0') {
		errno = EINVAL;
		return (-1);
	}
	*out = n;
	return (0);
}

/*
 * GNU's xstrtoumax: an unsigned number in `base` (0: C prefixes 0x and 0),
 * then at most one multiplier from `suffixes`.  The multipliers are
 * gnulib's: b 512, c 1, w 2, k/K 1024, M m G g T t P E Z Y R Q powers of
 * 1024, and when `suffixes` holds '0', "KB" style (1000) and "KiB" style
 * (1024) two- and three-letter forms.  A string with no digits but a
 * valid suffix ("K") counts 1 of it, as gnulib does.
 */
int
cb_xstrtoumax(const char *s, char **endp, int base, uintmax_t *val,
    const char *suffixes)
{
	const char *p = s;
	char *end;
	uintmax_t n, mult = 1, k;
	int err = CB_XSTR_OK, pow = 0, i, nsuf = 1;
	unsigned int b = 1024;

	while (*p == ' ' || (*p >= '\t' && *p <= '\r'))
		p++;
	if (*p == '-') {
		if (endp != NULL)
			*endp = (char *)(uintptr_t)s;
		return (CB_XSTR_INVALID);
	}
	errno = 0;
	n = strtoumax(s, &end, base);
	if (end == s) {
		if (suffixes != NULL && *end != '\0' &&
		    strchr(suffixes, *end) != NULL)
			n = 1;
		else {
			if (endp != NULL)
				*endp = end;
			return (CB_XSTR_INVALID);
		}
	} else if (errno == ERANGE) {
		err = CB_XSTR_OVERFLOW;
	}
	if (endp != NULL)
		*endp = end;
	if (*end == '\0') {
		*val = n;
		return (err);
	}
	if (suffixes == NULL || strchr(suffixes, *end) == NULL) {
		*val = n;
		return (err | CB_XSTR_BADSUFFIX);
	}
	if (strchr(suffixes, '0') != NULL) {
		if (end[1] == 'B' || end[1] == 'D') {
			b = 1000;
			nsuf = 2;
		} else if (end[1] == 'i' && end[2] == 'B') {
			nsuf = 3;
		}
	}
	switch (*end) {
	case 'b': mult = 512; break;
	case 'B': mult = 1024; break;
	case 'c': mult = 1; break;
	case 'w': mult = 2; break;
	case 'k': case 'K': pow = 1; break;
	case 'M': case 'm': pow = 2; break;
	case 'G': case 'g': pow = 3; break;
	case 'T': case 't': pow = 4; break;
	case 'P': pow = 5; break;
	case 'E': pow = 6; break;
	case 'Z': pow = 7; break;
	case 'Y': pow = 8; break;
	case 'R': pow = 9; break;
	case 'Q': pow = 10; break;
	default:
		*val = n;
		return (err | CB_XSTR_BADSUFFIX);
	}
	for (i = 0; i < pow; i++) {
		k = mult * b;
		if (k / b != mult) {
			err |= CB_XSTR_OVERFLOW;
			mult = UINTMAX_MAX;
			break;
		}
		mult = k;
	}
	if (mult != 0 && n > UINTMAX_MAX / mult) {
		err |= CB_XSTR_OVERFLOW;
		n = UINTMAX_MAX;
	} else {
		n *= mult;
	}
	end += nsuf;
	if (endp != NULL)
		*endp = end;
	*val = n;
	if (*end != '\0')
		err |= CB_XSTR_BADSUFFIX;
	return (err);
}

/*
 * GNU's xstrtol_fatal wording for a bad option argument: "invalid -j
 * argument 'x'", "invalid suffix in --skip-bytes argument '1x'",
 * "-j argument '9...' too large".  opt is "-j" or "--skip-bytes" as the
 * user typed it.  Exits with `status` after the message.
 */
void
cb_xstrtol_fatal(int err, int status, const char *opt, const char *arg)
{
	/* gnulib's xstrtol_error: the argument as it is, in quotes. */
	if ((err & CB_XSTR_INVALID) != 0)
		cb_errx(status, "invalid %s argument '%s'", opt, arg);
	if ((err & CB_XSTR_BADSUFFIX) != 0)
		cb_errx(status, "invalid suffix in %s argument '%s'", opt, arg);
	cb_errx(status, "%s argument '%s' too large", opt, arg);
}

/*
 * The option as the user typed it, for cb_xstrtol_fatal: "--name" when
 * the word before optind is a long option, else "-c".
 */
const char *
cb_optname(char *const argv[], const struct option *longopts, int c)
{
	static char buf[64];
	const char *w = argv[optind - 1];
	const struct option *o;

	/* "--name ARG": the option is the word before its argument. */
	if (w == optarg && optind >= 2)
		w = argv[optind - 2];

	if (w != NULL && w[0] == '-' && w[1] == '-' && w[2] != '\0') {
		size_t len = strcspn(w + 2, "=");

		for (o = longopts; o != NULL && o->name != NULL; o++)
			if (strncmp(o->name, w + 2, len) == 0 && o->val == c) {
				(void)snprintf(buf, sizeof(buf), "--%s",
				    o->name);
				return (buf);
			}
	}
	(void)snprintf(buf, sizeof(buf), "-%c", c);
	return (buf);
}

/*
 * GNU's argmatch for --opt=WORD.  An exact word wins; otherwise a
 * beginning of words that all mean the same value.  Words of one value
 * are listed together, as GNU's "Valid arguments are:" list shows them.
 */
int
cb_argmatch(const char *opt, const char *arg, const char *const words[],
    const int vals[])
{
	size_t len = strlen(arg), i;
	int found = -1;
	bool ambiguous = false;

	for (i = 0; words[i] != NULL; i++) {
		if (strncmp(words[i], arg, len) != 0)
			continue;
		if (words[i][len] == '\0')
			return (vals[i]);
		if (found < 0)
			found = (int)i;
		else if (vals[found] != vals[i])
			ambiguous = true;
	}
	if (found >= 0 && !ambiguous)
		return (vals[found]);
	cb_warnx("%s argument %s for %s", found < 0 ? "invalid" :
	    "ambiguous", cb_qc(0, arg), cb_qc(1, opt));
	(void)fputs("Valid arguments are:", stderr);
	for (i = 0; words[i] != NULL; i++)
		(void)fprintf(stderr, i > 0 && vals[i] == vals[i - 1] ?
		    ", %s" : "\n  - %s", cb_qc(2, words[i]));
	(void)fprintf(stderr, "\nTry '%s --help' for more information.\n",
	    cb_progname);
	exit(1);
}
