/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * cb_io.c - descriptor I/O shared by the applets
 *
 * Data moves between descriptors with the kernel's zero-copy calls where
 * it can (copy_file_range between files, sendfile from a file, splice
 * from a pipe) and through one large buffer otherwise.
 */
#include <sys/sendfile.h>
#include <sys/stat.h>

#include "capbox.h"

/* Zero-filled pages cost nothing until touched: true is not slowed. */
static char iobuf[CB_BUFSIZE] __attribute__((aligned(4096)));

void *
cb_buf(void)
{
	return (iobuf);
}

ssize_t
cb_read(int fd, void *buf, size_t len)
{
	ssize_t n;

	do
		n = read(fd, buf, len);
	while (n < 0 && errno == EINTR);
	return (n);
}

ssize_t
cb_read_full(int fd, void *buf, size_t len)
{
	size_t got = 0;
	ssize_t n;

	while (got < len) {
		if ((n = cb_read(fd, (char *)buf + got, len - got)) < 0)
			return (-1);
		if (n == 0)
			break;
		got += (size_t)n;
	}
	return ((ssize_t)got);
}

int
cb_write_full(int fd, const void *buf, size_t len)
{
	const char *p = buf;
	ssize_t n;

	while (len > 0) {
		if ((n = write(fd, p, len)) < 0) {
			if (errno == EINTR)
				continue;
			return (-1);
		}
		p += n;
		len -= (size_t)n;
	}
	return (0);
}

void
cb_write_out(const void *buf, size_t len)
{
	if (fflush(stdout) != 0 || cb_write_full(STDOUT_FILENO, buf, len) < 0)
		cb_err(cb_usage_status > 1 ? cb_usage_status : 1,
		    "write error");
}

/* Errors meaning "this call does not apply here": use another way. */
static bool
unsupported(int e)
{
	return (e == EINVAL || e == ENOSYS || e == EXDEV || e == EOPNOTSUPP ||
	    e == EBADF || e == ESPIPE || e == ENOTCAPABLE || e == ECAPMODE);
}

enum { KERNEL_DONE, KERNEL_FALLBACK, KERNEL_ERROR };

/*
 * Copy with one zero-copy call.  It is abandoned only before the first
 * byte moved; after that an error is an error.
 */
static int
copy_kernel(int out, int in, int how, uintmax_t *left, bool *werr)
{
	bool moved = false;
	size_t chunk;
	ssize_t n;

	for (;;) {
		if (*left == 0)
			return (KERNEL_DONE);
		chunk = *left < (1U << 30) ? (size_t)*left : (1U << 30);
		if (how == 0)
			n = copy_file_range(in, NULL, out, NULL, chunk, 0);
		else if (how == 1)
			n = sendfile(out, in, NULL, chunk);
		else
			n = splice(in, NULL, out, NULL, chunk, SPLICE_F_MOVE);
		if (n == 0)
			return (KERNEL_DONE);
		if (n > 0) {
			moved = true;
			*left -= (uintmax_t)n;
			continue;
		}
		if (errno == EINTR)
			continue;
		if (!moved && unsupported(errno))
			return (KERNEL_FALLBACK);
		/* Which side failed is not reported: guess from the kind. */
		*werr = errno == EPIPE || errno == ENOSPC || errno == EDQUOT ||
		    errno == EFBIG;
		return (KERNEL_ERROR);
	}
}

static int
copy_buffered(int out, int in, uintmax_t left, bool *werr)
{
	ssize_t n;

	for (; left > 0; left -= (uintmax_t)n) {
		if ((n = cb_read(in, iobuf, left < sizeof(iobuf) ? (size_t)left :
		    sizeof(iobuf))) < 0) {
			*werr = false;
			return (-1);
		}
		if (n == 0)
			return (0);
		if (cb_write_full(out, iobuf, (size_t)n) < 0) {
			*werr = true;
			return (-1);
		}
	}
	return (0);
}

int
cb_copy_fd(int out, int in, bool *werr)
{
	return (cb_copy_fd_n(out, in, UINTMAX_MAX, werr));
}

int
cb_copy_fd_n(int out, int in, uintmax_t n, bool *werr)
{
	uintmax_t left = n;
	struct stat si, so;
	int r = KERNEL_FALLBACK;

	*werr = false;
	/* Text the applet printed through stdio goes first. */
	if (out == STDOUT_FILENO && fflush(stdout) != 0) {
		*werr = true;
		return (-1);
	}
	if (fstat(in, &si) == 0 && fstat(out, &so) == 0) {
		if (S_ISREG(si.st_mode) && S_ISREG(so.st_mode))
			r = copy_kernel(out, in, 0, &left, werr);
		if (r == KERNEL_FALLBACK && S_ISFIFO(si.st_mode))
			r = copy_kernel(out, in, 2, &left, werr);
		else if (r == KERNEL_FALLBACK && S_ISREG(si.st_mode))
			r = copy_kernel(out, in, 1, &left, werr);
		if (r == KERNEL_FALLBACK && S_ISFIFO(so.st_mode) &&
		    !S_ISFIFO(si.st_mode))
			r = copy_kernel(out, in, 2, &left, werr);
	}
	if (r == KERNEL_DONE)
		return (0);
	if (r == KERNEL_ERROR)
		return (-1);
	return (copy_buffered(out, in, left, werr));
}

int
cb_finish(int rval)
{
	bool bad = fflush(stdout) != 0 || ferror(stdout);
	int e = errno;

#ifdef CB_FUZZ
	/* The harness runs the next applet call with the same stdout. */
	clearerr(stdout);
#else
	/* A closed stdout is only an error if something was written. */
	if (fclose(stdout) != 0 && errno != EBADF && !bad) {
		bad = true;
		e = errno;
	}
#endif
	if (bad) {
		errno = e;
		cb_warn("write error");
		/* GNU exits with the applet's trouble status (2 for ls, cmp). */
		if (rval < cb_usage_status)
			rval = cb_usage_status;
		return (rval > 1 ? rval : 1);
	}
	return (rval);
}

void
cb_lines_init(struct cb_lines *lr, int fd, int delim)
{
	memset(lr, 0, sizeof(*lr));
	lr->fd = fd;
	lr->delim = delim;
}

/* Make room at the end of the buffer, moving the unread part down. */
static int
lines_fill(struct cb_lines *lr)
{
	ssize_t n;
	char *p;

	if (lr->start > 0 && (lr->start >= lr->cap / 2 || lr->end == lr->cap)) {
		memmove(lr->buf, lr->buf + lr->start, lr->end - lr->start);
		lr->end -= lr->start;
		lr->start = 0;
	}
	if (lr->end == lr->cap) {
		size_t ncap = lr->cap == 0 ? 65536 : lr->cap * 2;

		if ((p = realloc(lr->buf, ncap)) == NULL)
			return (-1);
		lr->buf = p;
		lr->cap = ncap;
	}
	if ((n = cb_read(lr->fd, lr->buf + lr->end, lr->cap - lr->end)) < 0)
		return (-1);
	if (n == 0)
		lr->eof = true;
	lr->end += (size_t)n;
	return (0);
}

char *
cb_lines_next(struct cb_lines *lr, size_t *len)
{
	size_t scan = lr->start;
	char *line, *nl;

	for (;;) {
		nl = lr->end > scan ? memchr(lr->buf + scan, lr->delim,
		    lr->end - scan) : NULL;
		if (nl != NULL) {
			line = lr->buf + lr->start;
			*len = (size_t)(nl - line) + 1;
			lr->start += *len;
			return (line);
		}
		if (lr->eof) {
			if (lr->end == lr->start) {
				errno = 0;
				return (NULL);
			}
			line = lr->buf + lr->start;
			*len = lr->end - lr->start;
			lr->start = lr->end;
			return (line);
		}
		scan = lr->end - lr->start;
		if (lines_fill(lr) < 0)
			return (NULL);
		scan += lr->start;
	}
}

void
cb_lines_free(struct cb_lines *lr)
{
	free(lr->buf);
	lr->buf = NULL;
}

int
cb_slurp(int fd, char **bufp, size_t *lenp)
{
	struct stat st;
	size_t cap = 65536, len = 0;
	char *buf, *p;
	ssize_t n;

	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
		cap = (size_t)st.st_size + 1;
	if ((buf = malloc(cap)) == NULL)
		return (-1);
	for (;;) {
		if (len == cap) {
			if ((p = realloc(buf, cap * 2)) == NULL)
				goto fail;
			buf = p;
			cap *= 2;
		}
		if ((n = cb_read(fd, buf + len, cap - len)) < 0)
			goto fail;
		if (n == 0)
			break;
		len += (size_t)n;
	}
	*bufp = buf;
	*lenp = len;
	return (0);
fail:
	free(buf);
	return (-1);
}
