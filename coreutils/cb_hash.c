/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * cb_hash.c - what md5sum, sha1sum, sha256sum and sha512sum share
 *
 * Hashing runs on descriptors opened before cap_enter.  --check opens
 * the listed names after it, beneath the current directory (or
 * --cwd-fd / --root-fd): the one directory descriptor held is all the
 * filesystem the check can see.
 *
 * The glibc build hashes with libcrypto (SHA-NI, AVX2) when the system has
 * libcrypto.so.3: it is loaded with dlopen only by these applets, before
 * cap_enter, so that the other applets do not pay for loading it and the
 * build needs no OpenSSL headers.  The static build, and any system
 * without the library, use the portable code of cb_hash_impl.c.
 */
#include <sys/stat.h>

#include "capbox.h"

#if defined(__GLIBC__) && !defined(CB_NO_DLOPEN)
#include <dlfcn.h>
#define CB_HAVE_LIBCRYPTO 1

/* libcrypto's opaque types, and the six functions used. */
struct evp_md;
struct evp_md_ctx;
static struct {
	int	(*init)(uint64_t, const void *);
	const struct evp_md	*(*byname)(const char *);
	struct evp_md_ctx	*(*ctx_new)(void);
	int	(*dinit)(struct evp_md_ctx *, const struct evp_md *, void *);
	int	(*update)(struct evp_md_ctx *, const void *, size_t);
	int	(*final)(struct evp_md_ctx *, unsigned char *, unsigned int *);
} ossl;

/* OPENSSL_INIT_NO_LOAD_CONFIG | OPENSSL_INIT_NO_ATEXIT */
#define CB_OSSL_INIT_FLAGS	(0x00000080ULL | 0x00080000ULL)

static bool
ossl_load(void)
{
	void *h = dlopen("libcrypto.so.3", RTLD_NOW | RTLD_LOCAL);

	if (h == NULL)
		return (false);
	*(void **)&ossl.init = dlsym(h, "OPENSSL_init_crypto");
	*(void **)&ossl.byname = dlsym(h, "EVP_get_digestbyname");
	*(void **)&ossl.ctx_new = dlsym(h, "EVP_MD_CTX_new");
	*(void **)&ossl.dinit = dlsym(h, "EVP_DigestInit_ex");
	*(void **)&ossl.update = dlsym(h, "EVP_DigestUpdate");
	*(void **)&ossl.final = dlsym(h, "EVP_DigestFinal_ex");
	return (ossl.init != NULL && ossl.byname != NULL &&
	    ossl.ctx_new != NULL && ossl.dinit != NULL &&
	    ossl.update != NULL && ossl.final != NULL);
}
#endif

static const char optstr[] = "bctwz";
static const struct option longopts[] = {
	{ "binary", no_argument, NULL, 'b' },
	{ "check", no_argument, NULL, 'c' },
	{ "tag", no_argument, NULL, 'T' },
	{ "text", no_argument, NULL, 't' },
	{ "zero", no_argument, NULL, 'z' },
	{ "ignore-missing", no_argument, NULL, 'I' },
	{ "quiet", no_argument, NULL, 'Q' },
	{ "status", no_argument, NULL, 'S' },
	{ "strict", no_argument, NULL, 'R' },
	{ "warn", no_argument, NULL, 'w' },
	{ NULL, 0, NULL, 0 },
};

static struct {
	bool	binary, check, tag, zero, ignore_missing, quiet, status;
	bool	strict, warn;
} opt;

enum kind { MD5, SHA1, SHA256, SHA512 };

struct alg {
	const char	*name;		/* applet prefix */
	const char	*tag;		/* BSD tag and libcrypto name */
	enum kind	kind;
	size_t		dlen, blen;
};

static const struct alg algs[] = {
	{ "md5", "MD5", MD5, 16, 64 },
	{ "sha1", "SHA1", SHA1, 20, 64 },
	{ "sha256", "SHA256", SHA256, 32, 64 },
	{ "sha512", "SHA512", SHA512, 64, 128 },
};

struct ctx {
	const struct alg	*alg;
	uint32_t		h32[8];
	uint64_t		h64[8];
	unsigned char		pend[128];
	size_t			npend;
	uint64_t		total;
#ifdef CB_HAVE_LIBCRYPTO
	const struct evp_md	*md;
	struct evp_md_ctx	*evp;
#endif
};

static void
blocks(struct ctx *c, const unsigned char *p, size_t nblocks)
{
	for (; nblocks > 0; nblocks--, p += c->alg->blen) {
		switch (c->alg->kind) {
		case MD5:
			cb_md5_block(c->h32, p);
			break;
		case SHA1:
			cb_sha1_block(c->h32, p);
			break;
		case SHA256:
			cb_sha256_block(c->h32, p);
			break;
		case SHA512:
			cb_sha512_block(c->h64, p);
			break;
		}
	}
}

static void
portable_init(struct ctx *c)
{
	static const uint32_t md5[4] = { 0x67452301, 0xefcdab89, 0x98badcfe,
	    0x10325476 };
	static const uint32_t sha1[5] = { 0x67452301, 0xefcdab89, 0x98badcfe,
	    0x10325476, 0xc3d2e1f0 };
	static const uint32_t sha256[8] = { 0x6a09e667, 0xbb67ae85,
	    0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
	    0x5be0cd19 };
	static const uint64_t sha512[8] = { 0x6a09e667f3bcc908ULL,
	    0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL,
	    0xa54ff53a5f1d36f1ULL, 0x510e527fade682d1ULL,
	    0x9b05688c2b3e6c1fULL, 0x1f83d9abfb41bd6bULL,
	    0x5be0cd19137e2179ULL };

	c->npend = 0;
	c->total = 0;
	memcpy(c->h32, c->alg->kind == MD5 ? md5 : c->alg->kind == SHA1 ?
	    sha1 : sha256, c->alg->kind == MD5 ? sizeof(md5) :
	    c->alg->kind == SHA1 ? sizeof(sha1) : sizeof(sha256));
	memcpy(c->h64, sha512, sizeof(sha512));
}

static void
portable_update(struct ctx *c, const unsigned char *p, size_t n)
{
	size_t bl = c->alg->blen, take;

	c->total += n;
	if (c->npend > 0) {
		take = bl - c->npend < n ? bl - c->npend : n;
		memcpy(c->pend + c->npend, p, take);
		c->npend += take;
		p += take;
		n -= take;
		if (c->npend < bl)
			return;
		blocks(c, c->pend, 1);
		c->npend = 0;
	}
	blocks(c, p, n / bl);
	p += n / bl * bl;
	c->npend = n % bl;
	memcpy(c->pend, p, c->npend);
}

static void
portable_final(struct ctx *c, unsigned char *out)
{
	size_t bl = c->alg->blen, lenpos = bl - (bl == 128 ? 16 : 8);
	uint64_t bits = c->total * 8;
	unsigned char pad[256] = { 0x80 };
	size_t padlen = c->npend < lenpos ? lenpos - c->npend :
	    bl + lenpos - c->npend, i;

	for (i = 0; i < 8; i++)
		pad[padlen + (bl == 128 ? 8 : 0) + i] = c->alg->kind == MD5 ?
		    (unsigned char)(bits >> (8 * i)) :
		    (unsigned char)(bits >> (56 - 8 * i));
	portable_update(c, pad, padlen + (bl == 128 ? 16 : 8));
	for (i = 0; i < c->alg->dlen; i++) {
		if (c->alg->kind == SHA512)
			out[i] = (unsigned char)(c->h64[i / 8] >>
			    (56 - 8 * (i % 8)));
		else if (c->alg->kind == MD5)
			out[i] = (unsigned char)(c->h32[i / 4] >> (8 * (i % 4)));
		else
			out[i] = (unsigned char)(c->h32[i / 4] >>
			    (24 - 8 * (i % 4)));
	}
}

/* MD5 of a followed by b, with the portable code (sort -R's keys). */
void
cb_md5(const void *a, size_t alen, const void *b, size_t blen,
    unsigned char out[16])
{
	struct ctx c;

	memset(&c, 0, sizeof(c));
	c.alg = &algs[0];
	portable_init(&c);
	portable_update(&c, a, alen);
	portable_update(&c, b, blen);
	portable_final(&c, out);
}

/* Set up before cap_enter: libcrypto must find its code while it can. */
static void
ctx_setup(struct ctx *c, const struct alg *a)
{
	memset(c, 0, sizeof(*c));
	c->alg = a;
#ifdef CB_HAVE_LIBCRYPTO
	if (getenv("CAPBOX_NO_LIBCRYPTO") != NULL || !ossl_load())
		return;
	(void)ossl.init(CB_OSSL_INIT_FLAGS, NULL);
	c->md = ossl.byname(a->tag);
	c->evp = ossl.ctx_new();
	/* A first init loads whatever the digest needs. */
	if (c->md == NULL || c->evp == NULL ||
	    ossl.dinit(c->evp, c->md, NULL) != 1)
		c->md = NULL;
#endif
}

static int
hash_fd(struct ctx *c, int fd, unsigned char *out)
{
	unsigned char *buf = cb_buf();
	ssize_t n;

#ifdef CB_HAVE_LIBCRYPTO
	if (c->md != NULL) {
		unsigned int len;

		if (ossl.dinit(c->evp, c->md, NULL) != 1)
			cb_errx(1, "%s: digest failed", c->alg->tag);
		while ((n = cb_read(fd, buf, CB_BUFSIZE)) > 0)
			if (ossl.update(c->evp, buf, (size_t)n) != 1)
				cb_errx(1, "%s: digest failed", c->alg->tag);
		if (n < 0)
			return (-1);
		if (ossl.final(c->evp, out, &len) != 1)
			cb_errx(1, "%s: digest failed", c->alg->tag);
		return (0);
	}
#endif
	portable_init(c);
	while ((n = cb_read(fd, buf, CB_BUFSIZE)) > 0)
		portable_update(c, buf, (size_t)n);
	if (n < 0)
		return (-1);
	portable_final(c, out);
	return (0);
}

static void
hex(const unsigned char *d, size_t n, char *out)
{
	static const char digits[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < n; i++) {
		out[2 * i] = digits[d[i] >> 4];
		out[2 * i + 1] = digits[d[i] & 15];
	}
	out[2 * n] = '\0';
}

/* GNU escapes \ and newline in names, and flags the line with a \. */
static void
put_name(const char *name, bool escape)
{
	for (; *name != '\0'; name++) {
		if (escape && *name == '\\')
			(void)fputs("\\\\", stdout);
		else if (escape && *name == '\n')
			(void)fputs("\\n", stdout);
		else if (escape && *name == '\r')
			(void)fputs("\\r", stdout);
		else
			(void)putchar(*name);
	}
}

static void
print_sum(const struct alg *a, const char *digest, const char *name)
{
	bool esc = !opt.zero && strpbrk(name, "\\\n\r") != NULL;

	if (esc)
		(void)putchar('\\');
	if (opt.tag) {
		(void)printf("%s (", a->tag);
		put_name(name, esc);
		(void)printf(") = %s", digest);
	} else {
		(void)printf("%s %c", digest, opt.binary ? '*' : ' ');
		put_name(name, esc);
	}
	(void)putchar(opt.zero ? '\0' : '\n');
}

static int
sum_files(struct ctx *c, struct cb_operands *ops)
{
	unsigned char d[64];
	char digest[129];
	int i, rval = 0;

	for (i = 0; i < ops->n; i++) {
		const struct cb_operand *op = &ops->v[i];

		if (!cb_operand_check(op)) {
			rval = 1;
			continue;
		}
		if (hash_fd(c, op->fd, d) < 0) {
			cb_warn("%s", op->name);
			rval = 1;
			continue;
		}
		hex(d, c->alg->dlen, digest);
		print_sum(c->alg, digest, op->name);
	}
	return (rval);
}


/* The directory --check resolves names beneath, limited to reading. */
static int
check_dir(void)
{
	int fd = cb_base_fd();

	if (fd == AT_FDCWD &&
	    (fd = open(".", O_PATH | O_DIRECTORY | O_CLOEXEC)) < 0)
		cb_err(1, ".");
	cb_limit_fd(fd, ".", CAP_LOOKUP, CAP_READ, CAP_FSTAT, CAP_SEEK,
	    CAP_FCNTL);
	return (fd);
}

struct tally {
	unsigned long	bad_format, bad_read, mismatch, ok;
};

static int
unhex(int ch)
{
	if (ch >= '0' && ch <= '9')
		return (ch - '0');
	if (ch >= 'a' && ch <= 'f')
		return (ch - 'a' + 10);
	if (ch >= 'A' && ch <= 'F')
		return (ch - 'A' + 10);
	return (-1);
}

/* Undo print_sum's escapes in place; false for a bad escape. */
static bool
unescape(char *s)
{
	char *o = s;

	for (; *s != '\0'; s++) {
		if (*s != '\\') {
			*o++ = *s;
			continue;
		}
		if (s[1] == '\\')
			*o++ = '\\';
		else if (s[1] == 'n')
			*o++ = '\n';
		else if (s[1] == 'r')
			*o++ = '\r';
		else
			return (false);
		s++;
	}
	*o = '\0';
	return (true);
}

/* Split "HEX  NAME", "HEX *NAME" or "TAG (NAME) = HEX". */
static bool
parse_line(const struct alg *a, char *line, unsigned char *want,
    char **name)
{
	size_t dl = 2 * a->dlen, tl = strlen(a->tag), i;
	bool esc = *line == '\\';
	char *hexs, *p;

	line += esc;
	if (strncmp(line, a->tag, tl) == 0 && strncmp(line + tl, " (", 2) == 0) {
		*name = line + tl + 2;
		if ((p = strstr(*name, ") = ")) == NULL)
			return (false);
		while (strstr(p + 1, ") = ") != NULL)
			p = strstr(p + 1, ") = ");
		*p = '\0';
		hexs = p + 4;
	} else {
		hexs = line;
		if (strlen(line) < dl + 2 || line[dl] != ' ' ||
		    (line[dl + 1] != ' ' && line[dl + 1] != '*'))
			return (false);
		line[dl] = '\0';
		*name = line + dl + 2;
	}
	if (strlen(hexs) != dl || **name == '\0' || (esc && !unescape(*name)))
		return (false);
	for (i = 0; i < a->dlen; i++) {
		if (unhex(hexs[2 * i]) < 0 || unhex(hexs[2 * i + 1]) < 0)
			return (false);
		want[i] = (unsigned char)(unhex(hexs[2 * i]) << 4 |
		    unhex(hexs[2 * i + 1]));
	}
	return (true);
}

static int
open_listed(int dirfd, const char *name)
{
	if (strcmp(name, "-") == 0)
		return (STDIN_FILENO);
	if (name[0] == '/' && cb_root_fd() >= 0)
		return (openat(cb_root_fd(), name + 1, O_RDONLY | O_CLOEXEC));
	return (openat(dirfd, name, O_RDONLY | O_CLOEXEC));
}

static void
check_one(struct ctx *c, int dirfd, const char *name,
    const unsigned char *want, struct tally *t)
{
	unsigned char got[64];
	int fd = open_listed(dirfd, name);

	if (fd < 0 && errno == ENOENT && opt.ignore_missing)
		return;
	if (fd < 0 || hash_fd(c, fd, got) < 0) {
		cb_warn("%s", name);
		t->bad_read++;
		if (!opt.status)
			(void)printf("%s: FAILED open or read\n", name);
	} else if (memcmp(got, want, c->alg->dlen) != 0) {
		t->mismatch++;
		if (!opt.status)
			(void)printf("%s: FAILED\n", name);
	} else {
		t->ok++;
		if (!opt.status && !opt.quiet)
			(void)printf("%s: OK\n", name);
	}
	if (fd > STDERR_FILENO)
		(void)close(fd);
}

static void
warn_count(unsigned long n, const char *one, const char *many)
{
	if (n > 0 && !opt.status)
		cb_warnx("WARNING: %lu %s", n, n == 1 ? one : many);
}

static int
check_list(struct ctx *c, const struct cb_operand *op, int dirfd)
{
	const char *shown = op->isstdin ? "standard input" : op->name;
	struct tally t = { 0 };
	unsigned char want[64];
	struct cb_lines lr;
	unsigned long lineno = 0;
	char *line, *name, *copy;
	size_t len;

	cb_lines_init(&lr, op->fd, opt.zero ? '\0' : '\n');
	while ((line = cb_lines_next(&lr, &len)) != NULL) {
		lineno++;
		if ((copy = strndup(line, len)) == NULL)
			cb_err(1, "malloc");
		if (len > 0 && copy[len - 1] == lr.delim)
			copy[len - 1] = '\0';
		if (parse_line(c->alg, copy, want, &name))
			check_one(c, dirfd, name, want, &t);
		else {
			t.bad_format++;
			if (opt.warn)
				cb_warnx("%s: %lu: improperly formatted %s "
				    "checksum line", shown, lineno, c->alg->tag);
		}
		free(copy);
	}
	if (errno != 0) {
		cb_warn("%s", op->name);
		cb_lines_free(&lr);
		return (1);
	}
	cb_lines_free(&lr);
	if (t.ok + t.mismatch + t.bad_read == 0 && !(opt.ignore_missing &&
	    t.bad_format == 0 && lineno > 0)) {
		cb_warnx("%s: no properly formatted checksum lines found",
		    shown);
		return (1);
	}
	warn_count(t.bad_format, "line is improperly formatted",
	    "lines are improperly formatted");
	warn_count(t.bad_read, "listed file could not be read",
	    "listed files could not be read");
	warn_count(t.mismatch, "computed checksum did NOT match",
	    "computed checksums did NOT match");
	if (opt.ignore_missing && t.ok + t.mismatch + t.bad_read == 0) {
		if (!opt.status)
			cb_warnx("%s: no file was verified", shown);
		return (1);
	}
	return (t.mismatch > 0 || t.bad_read > 0 ||
	    (opt.strict && t.bad_format > 0));
}

static int
check_files(struct ctx *c, struct cb_operands *ops, int dirfd)
{
	int i, rval = 0;

	for (i = 0; i < ops->n; i++) {
		if (!cb_operand_check(&ops->v[i]))
			rval = 1;
		else
			rval |= check_list(c, &ops->v[i], dirfd);
	}
	return (rval);
}

static void
parse(int argc, char *argv[])
{
	int c;

	while ((c = getopt_long(argc, argv, optstr, longopts, NULL)) != -1) {
		switch (c) {
		case 'b':
			opt.binary = true;
			break;
		case 'c':
			opt.check = true;
			break;
		case 'T':
			opt.tag = true;
			break;
		case 't':
			opt.binary = false;
			break;
		case 'z':
			opt.zero = true;
			break;
		case 'I':
			opt.ignore_missing = true;
			break;
		case 'Q':
			opt.quiet = true;
			break;
		case 'S':
			opt.status = true;
			break;
		case 'R':
			opt.strict = true;
			break;
		case 'w':
			opt.warn = true;
			break;
		default:
			cb_usage();
		}
	}
	if (opt.tag && opt.check)
		cb_errx(1, "the --tag option is meaningless when verifying "
		    "checksums\nTry '%s --help' for more information.",
		    cb_progname);
	if (!opt.check && (opt.ignore_missing || opt.quiet || opt.status ||
	    opt.strict || opt.warn))
		cb_errx(1, "the --%s option is meaningful only when verifying "
		    "checksums\nTry '%s --help' for more information.",
		    opt.ignore_missing ? "ignore-missing" : opt.quiet ? "quiet" :
		    opt.status ? "status" : opt.strict ? "strict" : "warn",
		    cb_progname);
}

int
cb_hash_main(int argc, char *argv[], const char *name)
{
	struct cb_operands ops;
	struct ctx c;
	size_t i;
	int dirfd = -1, rval;

	for (i = 0; strcmp(algs[i].name, name) != 0; i++)
		continue;
	parse(argc, argv);
	ctx_setup(&c, &algs[i]);
	cb_open_operands(&ops, argc, argv, optind, O_RDONLY);
	cb_limit(&ops, CAP_READ, CAP_FSTAT);
	if (opt.check)
		dirfd = check_dir();
	cb_limit_stdio();
	cb_enter();
	rval = opt.check ? check_files(&c, &ops, dirfd) : sum_files(&c, &ops);
	cb_close_operands(&ops);
	return (cb_finish(rval));
}
