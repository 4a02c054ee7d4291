/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * casper/cap_fileargs.h - open the files named on the command line after
 * cap_enter() (FreeBSD's cap_fileargs service)
 *
 * fileargs_init() forks a helper process before the program enters
 * capability mode.  The helper keeps ambient authority and answers, over a
 * SOCK_SEQPACKET socket pair, only for the names in argv (exact string
 * match, as on FreeBSD: "./a" and "a" are different names).  It opens with
 * the flags and mode given to fileargs_init and passes the descriptor back
 * with SCM_RIGHTS; the library then limits it to *rightsp.  The helper
 * closes every other descriptor, has PR_SET_PDEATHSIG(SIGKILL), and exits
 * when its socket closes or fileargs_free() is called.
 *
 * Differences from FreeBSD:
 *   - There is no Casper daemon: fileargs_cinit() fails with ENOTSUP, and
 *     the nvlist interfaces (fileargs_initnv, fileargs_cinitnv) and
 *     fileargs_wrap/fileargs_unwrap are not provided.
 *   - Descriptors returned by fileargs_open() are close-on-exec.
 *   - A fileargs_t may be used from several threads; calls are serialised.
 *   - If the helper has died, calls fail with EPIPE.
 *   - The helper's death signal is tied to the thread that called
 *     fileargs_init (a Linux property of PR_SET_PDEATHSIG): call it from a
 *     thread that lives as long as the handle, normally the main thread.
 *   - One handle serves one process: after fork(2), only one of the two
 *     processes may use it, or replies can reach the wrong one.
 */
#ifndef _CAP_FILEARGS_H_
#define _CAP_FILEARGS_H_

#include <stdio.h>
#include <sys/stat.h>
#include <sys/types.h>

#include <sys/capsicum.h>
#include <libcasper.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Operations the helper performs (the `operations' argument). */
#define FA_OPEN		1
#define FA_LSTAT	2
#define FA_REALPATH	4

struct fileargs;
typedef struct fileargs fileargs_t;

/*
 * fileargs_init: allow the argc names of argv to be opened with flags
 * (and mode, with O_CREAT), the descriptors limited to *rightsp (no limit
 * if rightsp is NULL), and the operations in `operations'.  With argc 0
 * every later request fails with ENOTCAPABLE.  Call it before cap_enter().
 * Returns NULL with errno: EINVAL (argc < 0, argv NULL with argc > 0,
 * unknown operations, invalid rights), ENOMEM, or the errors of
 * socketpair(2) and fork(2).
 */
fileargs_t	*fileargs_init(int argc, char *argv[], int flags, mode_t mode,
		    cap_rights_t *rightsp, int operations);

/* fileargs_cinit: as fileargs_init through a Casper channel: always NULL
 * with errno ENOTSUP (no Casper on Linux). */
fileargs_t	*fileargs_cinit(cap_channel_t *cas, int argc, char *argv[],
		    int flags, mode_t mode, cap_rights_t *rightsp, int operations);

/*
 * fileargs_open: open name, a name given to fileargs_init.  Returns the
 * descriptor (close-on-exec, limited to the rights given to fileargs_init),
 * or -1 with errno: ENOTCAPABLE (name not allowed, or FA_OPEN not given),
 * the errors of open(2) in the helper, EPIPE (helper gone), EINVAL (fa or
 * name NULL, name longer than PATH_MAX).
 */
int	fileargs_open(fileargs_t *fa, const char *name);

/* fileargs_fopen: fileargs_open, then fdopen(3) with mode. NULL and errno. */
FILE	*fileargs_fopen(fileargs_t *fa, const char *name, const char *mode);

/* fileargs_lstat: lstat(2) of name (needs FA_LSTAT).  0, or -1 and errno
 * as fileargs_open. */
int	fileargs_lstat(fileargs_t *fa, const char *name, struct stat *sb);

/*
 * fileargs_realpath: realpath(3) of pathname (needs FA_REALPATH).  Writes
 * to reserved_path (PATH_MAX bytes) if it is not NULL, else returns a
 * string the caller frees.  NULL and errno as fileargs_open.
 */
char	*fileargs_realpath(fileargs_t *fa, const char *pathname,
	    char *reserved_path);

/* fileargs_free: stop the helper and free fa.  NULL does nothing. */
void	fileargs_free(fileargs_t *fa);

#ifdef __cplusplus
}
#endif

#endif /* !_CAP_FILEARGS_H_ */
