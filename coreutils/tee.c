/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * tee.c - read from standard input and write to standard output and files
 *
 * usage: tee [-aip] [FILE]...
 *
 * Copy standard input to each FILE, and also to standard output.  The
 * FILEs are opened (created or truncated) before capability mode.
 *
 *   -a, --append              append to the given FILEs, do not overwrite
 *   -i, --ignore-interrupts   ignore interrupt signals
 *   -p                        diagnose errors writing to non pipes
 */
#include <signal.h>

#include "capbox.h"

APPLET(tee, 1, 0)

static const char optstr[] = "aip";
static const struct option longopts[] = {
	{ "append", no_argument, NULL, 'a' },
	{ "ignore-interrupts", no_argument, NULL, 'i' },
	{ "output-error", optional_argument, NULL, 'O' },
	{ NULL, 0, NULL, 0 },
};

static struct {
	bool	append, ignore_int;
} opt;

int
tee_main(int argc, char *argv[])
{
	struct cb_operands ops;
	struct cb_operand out0 = { .name = "standard output",
	    .fd = STDOUT_FILENO };
	char *buf = cb_buf();
	bool *dead;
	ssize_t n = 0;
	int c, i, live, rval = 0;

	while ((c = getopt_long(argc, argv, optstr, longopts, NULL)) != -1) {
		switch (c) {
		case 'a':
			opt.append = true;
			break;
		case 'i':
			opt.ignore_int = true;
			break;
		case 'p':
			break;
		case 'O':
			cb_unsupported("--output-error");
		default:
			cb_usage();
		}
	}
	if (opt.ignore_int)
		(void)signal(SIGINT, SIG_IGN);
	ops.n = argc - optind;
	if ((ops.v = calloc((size_t)ops.n + 1, sizeof(*ops.v))) == NULL ||
	    (dead = calloc((size_t)ops.n + 1, sizeof(*dead))) == NULL)
		cb_err(1, "calloc");
	for (i = 0; i < ops.n; i++) {
		cb_open_operand1(&ops.v[i], argv[optind + i], O_WRONLY |
		    O_CREAT | (opt.append ? O_APPEND : O_TRUNC));
		/* "-" is a file name for tee, as in GNU. */
		if (ops.v[i].isstdin) {
			ops.v[i].fd = cb_openat_operand("-", O_WRONLY | O_CREAT |
			    (opt.append ? O_APPEND : O_TRUNC), 0666);
			ops.v[i].err = errno;
			ops.v[i].own = ops.v[i].fd >= 0;
			ops.v[i].isstdin = false;
		}
	}
	cb_limit(&ops, CAP_WRITE, CAP_FSTAT);
	cb_limit_stdio();
	cb_enter();

	for (i = 0; i < ops.n; i++)
		if (!cb_operand_check(&ops.v[i])) {
			dead[i] = true;
			rval = 1;
		}
	live = ops.n + 1;
	for (i = 0; i < ops.n; i++)
		live -= dead[i];
	/* As GNU's, tee stops reading when no output is left. */
	while (live > 0 && (n = cb_read(STDIN_FILENO, buf, CB_BUFSIZE)) > 0) {
		for (i = -1; i < ops.n; i++) {
			struct cb_operand *o = i < 0 ? &out0 : &ops.v[i];
			bool *d = i < 0 ? &dead[ops.n] : &dead[i];

			if (*d || cb_write_full(o->fd, buf, (size_t)n) == 0)
				continue;
			*d = true;
			live--;
			/*
			 * A closed pipe (SIGPIPE ignored) drops that output
			 * quietly, as GNU's tee does without --output-error.
			 */
			if (errno == EPIPE)
				continue;
			cb_warn("%s", o->name);
			rval = 1;
		}
	}
	if (n < 0) {
		cb_warn("read error");
		rval = 1;
	}
	for (i = 0; i < ops.n; i++)
		if (ops.v[i].own && close(ops.v[i].fd) < 0 && !dead[i]) {
			cb_warn("%s", ops.v[i].name);
			rval = 1;
		}
	free(ops.v);
	free(dead);
	return (cb_finish(rval));
}
