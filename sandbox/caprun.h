/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * caprun.h - shared between caprun.c, policy.c and learn.c
 */
#ifndef CAPRUN_H
#define CAPRUN_H

#include <stdbool.h>

#include "manifest.h"

#define EX_CAPRUN	125	/* caprun itself failed */
#define EX_NOEXEC	126	/* cannot run, or denied */
#define EX_NOTFOUND	127	/* program not found */

/* What the command line asked for. */
struct grant {
	const char	*path;
	bool		rw;
};

struct options {
	struct grant	grants[MF_MAX];
	int		ngrants;
	struct { int fd; cap_rights_t rights; } fds[16];	/* 0: no limit */
	int		nfds;
	const char	*cwd;
	const char	*env[64];
	int		nenv;
	bool		tmp, clearenv, verbose, print_policy, learn;
	bool		best_effort, notrap;
};

/* policy.c: --print-policy, and the strict-mode check before running. */
void	policy_print(const struct options *, const struct manifest *,
	    const char *program);
/* Refuse (message, false) when a guarantee is missing and not best-effort. */
bool	policy_check(const struct options *);
/* Parse "read,write,seek" into *rights; -1 on an unknown or empty name. */
int	policy_rights(const char *list, cap_rights_t *rights);

/* learn.c: run traced, print the command line it would need. */
int	learn_run(char *const argv[]);

#endif /* !CAPRUN_H */
