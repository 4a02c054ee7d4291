/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * capbox.h - the framework every capbox applet is written against
 *
 * An applet is one file, coreutils/NAME.c, with this shape:
 *
 *	(help block comment, from "usage:" to its end: the --help text)
 *	#include "capbox.h"
 *	APPLET(name, usage_status, flags)
 *	int name_main(int argc, char *argv[])
 *	{
 *		parse		getopt_long(); default: cb_usage();
 *		open		cb_open_operands() or cb_openat_operand()
 *		limit		cb_limit(), cb_limit_stdio()
 *		enter		cb_enter();  from here on: descriptors only
 *		work		read and write the descriptors
 *		return (cb_finish(rval));
 *	}
 *
 * The dispatcher (capbox.c) has already done, before NAME_main runs:
 *  - argv[0] is the applet name, so getopt's and cb_*'s messages read
 *    "head: ..." also when run as "capbox head";
 *  - --help and --version are answered (the applet never sees them);
 *  - --root-fd=N and --cwd-fd=N are taken out of argv and recorded: they
 *    change how cb_openat_operand() resolves operand names.
 * Applets with the flag CB_RAWARGS (echo, printf, test, true...) get their
 * arguments untouched, except a lone --help or --version.
 *
 * getopt_long() is redirected to cb_getopt_long(), which prints GNU's
 * wording in both the glibc and the musl build ("invalid option -- 'x'",
 * "unrecognized option '--foo'") and returns '?' as getopt does.
 *
 * Error messages follow GNU: "prog: operand: reason".  Bad operands are
 * warned about and the applet goes on (exit status 1); a write error on
 * standard output is fatal (cb_finish or cb_write_out).
 */
#ifndef CAPBOX_H
#define CAPBOX_H

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/types.h>

#include <sys/capsicum.h>

#define CB_NORETURN	__attribute__((noreturn))
#define CB_PRINTF(a, b)	__attribute__((format(printf, a, b)))
#define CB_MUSTUSE	__attribute__((warn_unused_result))

/*
 * APPLET(name, usage_status, flags): declares name_main() and is the line
 * gen-applets.sh scans to build the applet table.  usage_status is the exit
 * status of a usage error (1 for most, 2 for cmp and test), also used for
 * "trouble" such as a failed cap_enter.
 * ALIAS("[", test, flags): one more name for an applet, with its own
 * flags (the usage status is the applet's).
 */
#define APPLET(name, status, flags)	int name##_main(int, char *[]);
#define ALIAS(str, ...)

/* Applet flags (third APPLET argument). */
#define CB_RAWARGS	0x1	/* no option pre-processing (echo, test...) */
#define CB_NOHELP	0x2	/* even a lone --help is an operand (test) */

/* ---- cb_msg.c: messages and exit status ---- */

/* The applet's name, as messages print it ("head", "["). */
extern const char *cb_progname;
/* Exit status for a usage error and for trouble (from APPLET()). */
extern int cb_usage_status;

/* "prog: <fmt>: strerror(errno)" on stderr; errno is kept. */
void	cb_warn(const char *fmt, ...) CB_PRINTF(1, 2);
/* "prog: <fmt>" on stderr. */
void	cb_warnx(const char *fmt, ...) CB_PRINTF(1, 2);
/* cb_warnx with a va_list. */
void	cb_vwarnx(const char *fmt, va_list ap) CB_PRINTF(1, 0);
/* cb_warn / cb_warnx, then flush stdout and exit(status). */
CB_NORETURN void	cb_err(int status, const char *fmt, ...) CB_PRINTF(2, 3);
CB_NORETURN void	cb_errx(int status, const char *fmt, ...) CB_PRINTF(2, 3);
/* "Try 'prog --help' for more information." and exit(cb_usage_status). */
CB_NORETURN void	cb_usage(void);
/* "prog: option '--foo' is not supported" then as cb_usage(). */
CB_NORETURN void	cb_unsupported(const char *option);
/* The text for an errno, FreeBSD's wording for ECAPMODE/ENOTCAPABLE. */
const char	*cb_strerror(int errnum);

/* ---- cb_args.c: option parsing and numbers ---- */

int	cb_getopt_long(int argc, char *const argv[], const char *optstr,
	    const struct option *longopts, int *longindex);
#ifndef CB_NO_GETOPT_REDIRECT
#define getopt_long cb_getopt_long
#endif

/*
 * GNU number parsing.  cb_parse_size accepts a decimal count with an
 * optional multiplier suffix (b 512, K/KiB 1024, KB 1000, M, G, T, P, E,
 * as head -c/split -b do); values too large saturate at INTMAX_MAX when
 * `saturate` is set.  They return 0, or -1 with errno EINVAL (not a
 * number) or ERANGE (too large); nothing is printed.
 */
int	cb_parse_size(const char *s, bool saturate, intmax_t *out);
/*
 * A count as GNU's head, tail and split read it: any size up to
 * UINTMAX_MAX, saturated at INTMAX_MAX (no file holds more); a larger
 * one fails with ERANGE.
 */
int	cb_parse_count(const char *s, intmax_t *out);
/* A plain non-negative decimal (no suffix); same returns. */
int	cb_parse_uint(const char *s, uintmax_t *out);
/*
 * GNU's xstrtoumax (gnulib): base 0 takes 0x and 0 prefixes; one
 * multiplier from `suffixes` (b c w k K M m G g T t P E Z Y R Q, and with
 * '0' in it the KB/KiB forms).  Returns CB_XSTR_* bits; *val is set
 * unless CB_XSTR_INVALID.  cb_xstrtol_fatal prints GNU's message for the
 * error ("invalid -j argument 'x'") and exits.  cb_optname gives "-j" or
 * "--skip-bytes" as typed, for the option getopt just returned.
 */
#define CB_XSTR_OK		0
#define CB_XSTR_OVERFLOW	1
#define CB_XSTR_BADSUFFIX	2
#define CB_XSTR_INVALID		4
int	cb_xstrtoumax(const char *s, char **endp, int base, uintmax_t *val,
	    const char *suffixes);
CB_NORETURN void	cb_xstrtol_fatal(int err, int status, const char *opt,
	    const char *arg);
const char	*cb_optname(char *const argv[], const struct option *longopts,
	    int c);
/*
 * GNU's argmatch: WORDS (NULL-terminated) and their VALS; ARG may be an
 * unambiguous beginning of a word.  Returns its value, or says GNU's
 * "invalid argument" with the valid list and exits 1.
 */
int	cb_argmatch(const char *opt, const char *arg, const char *const words[],
	    const int vals[]);
/* Print "prog (capbox) VERSION" and exit 0 (cmp -v). */
CB_NORETURN void	cb_version(void);
/* Print the applet's help and exit 0 (getopt found --help). */
CB_NORETURN void	cb_help(void);
/*
 * GNU's quote() (printf, test, "extra operand", invalid numbers): in the
 * C locale 'x', with \\, \' and C escapes for control characters inside
 * ('it\'s'); in a UTF-8 locale \u2018x\u2019.
 */
const char	*cb_qc(int slot, const char *s);
/*
 * The length of the character at s, and whether GNU's quoting shows it as
 * it is: a printable character of the locale (LC_CTYPE, loaded by
 * cb_ctype()).  A byte that starts no valid character is one
 * unprintable byte, so in the C locale every byte above 0x7f is one.
 * errno is kept: quoting happens in the arguments of messages.
 */
size_t	cb_char_at(const char *s, bool *printable);
/*
 * An unprintable byte as GNU's quoting writes it at p: a C escape (\n,
 * \t, ...) or three octal digits (\033).  Returns the end (4 bytes at most).
 */
char	*cb_escape_byte(char *p, unsigned char c);
/*
 * The environment's LC_CTYPE, set once: on the first quoting, or by
 * cb_enter() before capability mode puts the locale files out of reach.
 * Applets that quote nothing (true) never load it.
 */
void	cb_ctype(void);
/* GNU's quoting of a user-supplied string in messages: 'x' or "x'y". */
const char	*cb_q(int slot, const char *s);

/* ---- cb_operands.c: operands as descriptors ---- */

struct cb_operand {
	const char	*name;	/* as typed, for messages */
	int		fd;	/* -1 when opening failed */
	int		err;	/* errno of the failed open */
	bool		own;	/* opened here: the applet may close it */
	bool		isstdin;	/* "-" */
};

struct cb_operands {
	struct cb_operand	*v;
	int			n;
};

/*
 * cb_open_operands: open argv[first..argc-1] with open(2) flags (O_CLOEXEC
 * is added), or "-" when there is none.  "-" is standard input (fd 0),
 * "/dev/fd/N" is the inherited descriptor N, with no filesystem lookup.
 * Other names resolve as cb_openat_operand() says.  A failure is recorded
 * in the operand (fd -1, err) and reported by cb_operand_check() when the
 * applet reaches it, so messages come out in GNU's order.  Exits only on
 * memory exhaustion.  The applet owns ops->v (cb_close_operands frees).
 */
void	cb_open_operands(struct cb_operands *ops, int argc, char *argv[],
	    int first, int flags);
/* Like cb_open_operands for a single name (no "-" default). */
void	cb_open_operand1(struct cb_operand *op, const char *name, int flags);
/* false, after "prog: name: reason" on stderr (the name quoted as GNU
 * quotes it, when it needs quoting) if op failed to open. */
bool	cb_operand_check(const struct cb_operand *op);
/* Close the operands this framework opened; free ops->v. */
void	cb_close_operands(struct cb_operands *ops);

/*
 * cb_openat_operand: open a path operand (not "-" or /dev/fd/N) with open(2)
 * flags.  An absolute name resolves inside --root-fd=N as its root
 * (RESOLVE_IN_ROOT) when given, a relative one beneath --cwd-fd=N
 * (RESOLVE_BENEATH: ".." above it and escaping symlinks fail with
 * ENOTCAPABLE) when given; otherwise as open(2) would.  Returns the fd or
 * -1 with errno.  The caller owns the fd.
 */
int	cb_openat_operand(const char *path, int flags, mode_t mode);
/* The dirfd relative names resolve against: --cwd-fd, or AT_FDCWD. */
int	cb_base_fd(void);
/* --root-fd's descriptor, or -1. */
int	cb_root_fd(void);
/* true when --root-fd was given. */
bool	cb_base_in_root(void);
/* "/dev/fd/N" -> N, else -1 (no lookup). */
int	cb_devfd(const char *name);
/* For capbox.c: record --root-fd and --cwd-fd (-1: not given). */
void	cb_set_base(int rootfd, int cwdfd);

/* ---- cb_sandbox.c: limit, then enter ---- */

/*
 * cb_limit_fd: narrow fd to the rights given (CAP_* values, as for
 * cap_rights_init).  cb_limit: the same for every opened operand.  Errors
 * are fatal (a descriptor that cannot be narrowed would keep its rights).
 */
void	cb_limit_rights(int fd, const cap_rights_t *rights, const char *name);
void	cb_limit_ops(struct cb_operands *ops, const cap_rights_t *rights);
#define cb_limit_fd(fd, name, ...) do {					\
	cap_rights_t cb_r_;						\
	cb_limit_rights((fd), cap_rights_init(&cb_r_, __VA_ARGS__), (name)); \
} while (0)
#define cb_limit(ops, ...) do {						\
	cap_rights_t cb_r_;						\
	cb_limit_ops((ops), cap_rights_init(&cb_r_, __VA_ARGS__));	\
} while (0)
/* stdin read, stdout and stderr write (FreeBSD's caph_limit_stdio). */
void	cb_limit_stdio(void);
/*
 * cb_enter: cap_enter().  Without kernel support (ENOSYS) the applet runs
 * unconfined unless CAPMODE_STRICT=1; any other failure is fatal with
 * cb_usage_status.  Call it before the first read or write of operand data.
 */
void	cb_enter(void);
/* Load the locale from the environment (before cb_enter). */
void	cb_locale(void);

/* ---- cb_io.c: descriptor I/O ---- */

/* read(2) retried on EINTR.  Returns bytes, 0 at end, -1 with errno. */
ssize_t	cb_read(int fd, void *buf, size_t len) CB_MUSTUSE;
/* Read until len bytes or end of file.  Returns bytes read or -1. */
ssize_t	cb_read_full(int fd, void *buf, size_t len) CB_MUSTUSE;
/* Write all of buf (short writes, EINTR).  0 or -1 with errno. */
int	cb_write_full(int fd, const void *buf, size_t len) CB_MUSTUSE;
/*
 * Write to standard output, flushing stdio first so the two never
 * interleave; a failure is fatal ("prog: write error: reason", the exit
 * status as cb_finish's).
 */
void	cb_write_out(const void *buf, size_t len);
/*
 * cb_copy_fd: copy from `in` to `out` until end of input, with
 * copy_file_range, sendfile or splice where the kernel allows and a large
 * buffer otherwise.  Returns 0, or -1 with errno and *werr telling whether
 * writing (true) or reading (false) failed.
 */
int	cb_copy_fd(int out, int in, bool *werr);
/* The same for at most n bytes. */
int	cb_copy_fd_n(int out, int in, uintmax_t n, bool *werr);
/* A buffer of at least CB_BUFSIZE bytes, allocated once, page aligned. */
#define CB_BUFSIZE	(256 * 1024)
void	*cb_buf(void);
/*
 * cb_finish: flush and close standard output; on failure print
 * "prog: write error: reason" and return the largest of 1, the usage
 * status (GNU's trouble status: 2 for ls, cmp, sort, test) and rval.
 * The applet returns what it returns.
 */
int	cb_finish(int rval);

/*
 * Line reader over a descriptor, for the line-oriented applets.  lr_next
 * returns a pointer to the next line (including its delimiter, if any) and
 * its length, or NULL at end (errno 0) or on a read error (errno set).
 * The line stays valid until the next call.
 */
struct cb_lines {
	int	fd;
	int	delim;
	char	*buf;
	size_t	cap, start, end;
	bool	eof;
};
void	cb_lines_init(struct cb_lines *lr, int fd, int delim);
char	*cb_lines_next(struct cb_lines *lr, size_t *len);
void	cb_lines_free(struct cb_lines *lr);

/*
 * Read a whole descriptor into memory (sort, tac, tail from a pipe).
 * Returns 0 with *buf (to free) and *len, or -1 with errno.
 */
int	cb_slurp(int fd, char **buf, size_t *len);

/* ---- cb_hash.c ---- */

/* The *sum applets: name is "md5", "sha1", "sha256" or "sha512". */
int	cb_hash_main(int argc, char *argv[], const char *name);
/* MD5 of a then b (sort -R hashes a salt and a key). */
void	cb_md5(const void *a, size_t alen, const void *b, size_t blen,
	    unsigned char out[16]);
/* cb_hash_impl.c: one block of each digest (64 bytes, 128 for SHA-512). */
void	cb_md5_block(uint32_t h[4], const unsigned char *p);
void	cb_sha1_block(uint32_t h[5], const unsigned char *p);
void	cb_sha256_block(uint32_t h[8], const unsigned char *p);
void	cb_sha512_block(uint64_t h[8], const unsigned char *p);

/* ---- cb_count.c ---- */

/* How many bytes of buf[0..n) equal c (vectorised where the CPU can). */
size_t	cb_count_byte(const void *buf, size_t n, int c);

/* ---- fuzzing ---- */

#ifdef CB_FUZZ
/*
 * The libFuzzer harnesses (tests/fuzz/capbox_fuzz.h) run an applet many
 * times in one process, so in their build (-DCB_FUZZ) exit() returns to
 * the harness instead; the harness defines cb_fuzz_exit.  Normal builds
 * are unchanged.
 */
CB_NORETURN void	cb_fuzz_exit(int status);
#define exit(status)	cb_fuzz_exit(status)
#endif

#endif /* CAPBOX_H */
