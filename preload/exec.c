/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * exec.c - execve and the functions built on it
 *
 * In capability mode a program runs only from a descriptor:
 * execveat(fd, "", AT_EMPTY_PATH), the fexecve of Linux.  The path is
 * mapped and opened beneath its pre-open (Landlock wants the execute
 * right there), and the new program inherits every kernel layer.
 *
 * A dynamically linked program cannot be started this way: its loader
 * opens libraries by path before any constructor of ours can install the
 * SIGSYS handler, and the inherited trap filter would kill it.  Such
 * programs (and scripts, through their interpreter) are mapped and started
 * in this process instead (uexec.c), where our handler still serves the
 * new loader; so are static ones, whose raw path calls the handler then
 * serves for good.  The code here avoids locks, malloc and errno because
 * the SIGSYS handler calls it for a raw execve.
 */
#include <elf.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../libcap_mode/internal.h"
#include "../libcap_mode/sys.h"
#include "shim.h"

extern char **environ;

#define PAGE_SIZE_	4096

static long
open_exec(const char *path)
{
	struct pm_loc loc;
	long r;

	if ((r = pm_map(path, &loc)) < 0)
		return (r);
	if (loc.file)
		return (cm_sc3(SYS_fcntl, loc.dirfd, F_DUPFD_CLOEXEC, 0));
	r = cm_openat_beneath(loc.dirfd, loc.rel, O_RDONLY | O_CLOEXEC, 0,
	    CM_BENEATH);
	/* /usr/bin/awk -> /etc/alternatives/awk -> ...: through the map. */
	if (r == -ENOTCAPABLE && pm_follow(&loc, true) == 0)
		r = loc.file ? cm_sc3(SYS_fcntl, loc.dirfd, F_DUPFD_CLOEXEC, 0) :
		    cm_openat_beneath(loc.dirfd, loc.rel, O_RDONLY | O_CLOEXEC,
		    0, CM_BENEATH);
	return (r);
}

static void *
scratch(size_t len)
{
	long r = cm_sc6(SYS_mmap, 0, (long)len, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	return (r < 0 ? NULL : (void *)r);
}

/*
 * The environment for the new program: the manifest again, with the
 * virtual cwd of now, so a cd before exec carries over as it would.
 */
static char **
child_env(char *const envp[])
{
	static const char key[] = MF_ENV "=";
	struct manifest *m;
	char **env, *text;
	size_t n = 0, k = 0, tlen = 3 * MF_POOL + 4096;

	while (envp != NULL && envp[n] != NULL)
		n++;
	if ((env = scratch((n + 2) * sizeof(char *))) == NULL ||
	    (m = scratch(sizeof(*m))) == NULL ||
	    (text = scratch(sizeof(key) + tlen)) == NULL)
		return (NULL);
	memcpy(m, pm_manifest(), sizeof(*m));
	m->cwd = pm_getcwd();
	memcpy(text, key, sizeof(key) - 1);
	if (mf_encode(m, text + sizeof(key) - 1, tlen) < 0)
		return (NULL);
	for (size_t i = 0; i < n; i++)
		if (strncmp(envp[i], key, sizeof(key) - 1) != 0)
			env[k++] = envp[i];
	env[k++] = text;
	env[k] = NULL;
	return (env);
}

/* "#!interp [arg]": the argv that runs the script through interp. */
static char **
script_argv(int fd, const char *path, char *const argv[], char **interp)
{
	char *buf, *p, *arg = NULL, **nv;
	size_t n = 0, k = 0;
	long r;

	if ((buf = scratch(PAGE_SIZE_)) == NULL ||
	    (r = cm_sc4(SYS_pread64, fd, buf, PAGE_SIZE_ - 1, 0)) < 3 ||
	    buf[0] != '#' || buf[1] != '!')
		return (NULL);
	buf[r] = '\0';
	if ((p = strchr(buf, '\n')) == NULL)
		return (NULL);
	*p = '\0';
	for (p = buf + 2; *p == ' ' || *p == '\t'; p++)
		;
	*interp = p;
	for (; *p != '\0' && *p != ' ' && *p != '\t'; p++)
		;
	if (*p != '\0') {
		*p++ = '\0';
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p != '\0')
			arg = p;
	}
	while (argv != NULL && argv[n] != NULL)
		n++;
	if ((nv = scratch((n + 4) * sizeof(char *))) == NULL)
		return (NULL);
	nv[k++] = *interp;
	if (arg != NULL)
		nv[k++] = arg;
	nv[k++] = (char *)path;
	for (size_t i = 1; i < n; i++)
		nv[k++] = argv[i];
	nv[k] = NULL;
	return (nv);
}

static long
exec_fd(long fd, const char *path, char *const argv[], char *const envp[],
    int depth)
{
	char **sargv, *interp;
	long r;

	if ((sargv = script_argv((int)fd, path, argv, &interp)) != NULL) {
		cm_close((int)fd);
		if (depth > 4)
			return (-ELOOP);
		if ((fd = open_exec(interp)) < 0)
			return (fd);
		r = exec_fd(fd, interp, sargv, envp, depth + 1);
		return (r);
	}
	/*
	 * Static programs too: in this process our handler keeps serving
	 * their raw path calls (glibc's static start-up reads
	 * /proc/self/exe, which would kill them after a real exec).
	 */
	r = shim_uexec((int)fd, path, argv, envp);
	if (r == -EEXIST)	/* its fixed addresses are taken: really exec */
		r = cm_sc5(SYS_execveat, fd, cm_sealed_empty(), argv, envp,
		    AT_EMPTY_PATH);
	return (r);
}

long
shim_execve_raw(const char *path, char *const argv[], char *const envp[])
{
	char **env;
	long fd, r;

	if ((fd = open_exec(path)) < 0) {
		pm_explain("exec", path, (int)-fd);
		return (fd);
	}
	if ((env = child_env(envp)) == NULL) {
		cm_close((int)fd);
		return (-ENOMEM);
	}
	r = exec_fd(fd, path, argv, env, 0);
	cm_close((int)fd);
	pm_explain("exec", path, (int)-r);
	return (r);
}

int
shim_execve(const char *path, char *const argv[], char *const envp[])
{
	return ((int)pm_ret(shim_execve_raw(path, argv, envp)));
}

/* vfork's child shares our memory: an exec done in userspace needs a copy. */
SHIM_EXPORT pid_t
vfork(void)
{
	return (fork());
}

SHIM_EXPORT int
execve(const char *path, char *const argv[], char *const envp[])
{
	if (!pm_active())
		return ((int)pm_ret(cm_sc3(SYS_execve, path, argv, envp)));
	return (shim_execve(path, argv, envp));
}

SHIM_EXPORT int
execv(const char *path, char *const argv[])
{
	return (execve(path, argv, environ));
}

/* Search PATH as execvp does, trying each candidate through the map. */
SHIM_EXPORT int
execvpe(const char *file, char *const argv[], char *const envp[])
{
	const char *path = getenv("PATH"), *p, *q;
	char buf[PATH_MAX];
	int saved = ENOENT;

	if (strchr(file, '/') != NULL)
		return (execve(file, argv, envp));
	if (path == NULL)
		path = "/usr/local/bin:/usr/bin:/bin";
	for (p = path;; p = q + 1) {
		size_t l;

		q = strchr(p, ':');
		l = q == NULL ? strlen(p) : (size_t)(q - p);
		if (l + strlen(file) + 2 <= sizeof(buf)) {
			memcpy(buf, l == 0 ? "." : p, l == 0 ? 1 : l);
			buf[l == 0 ? 1 : l] = '\0';
			strcat(buf, "/");
			strcat(buf, file);
			(void)execve(buf, argv, envp);
			if (errno != ENOENT && errno != ECAPMODE)
				saved = errno;
			else if (errno == ECAPMODE && saved == ENOENT)
				saved = ECAPMODE;
		}
		if (q == NULL)
			break;
	}
	errno = saved;
	return (-1);
}

SHIM_EXPORT int
execvp(const char *file, char *const argv[])
{
	return (execvpe(file, argv, environ));
}

#define MAX_ARGS 4096

/* Collect execl's arguments into argv; *envpp gets execle's environment. */
#define COLLECT(first, ap, argv, envpp)					\
	do {								\
		int n_ = 0;						\
		argv[n_++] = (char *)(first);				\
		while (n_ < MAX_ARGS &&					\
		    (argv[n_] = va_arg(ap, char *)) != NULL)		\
			n_++;						\
		argv[n_ < MAX_ARGS ? n_ : MAX_ARGS - 1] = NULL;		\
		if ((envpp) != NULL)					\
			*(char ***)(envpp) = va_arg(ap, char **);	\
	} while (0)

SHIM_EXPORT int
execl(const char *path, const char *arg, ...)
{
	char *argv[MAX_ARGS];
	va_list ap;

	va_start(ap, arg);
	COLLECT(arg, ap, argv, (char ***)NULL);
	va_end(ap);
	return (execve(path, argv, environ));
}

SHIM_EXPORT int
execlp(const char *file, const char *arg, ...)
{
	char *argv[MAX_ARGS];
	va_list ap;

	va_start(ap, arg);
	COLLECT(arg, ap, argv, (char ***)NULL);
	va_end(ap);
	return (execvp(file, argv));
}

SHIM_EXPORT int
execle(const char *path, const char *arg, ...)
{
	char *argv[MAX_ARGS], **envp;
	va_list ap;

	va_start(ap, arg);
	COLLECT(arg, ap, argv, &envp);
	va_end(ap);
	return (execve(path, argv, envp));
}

/*
 * posix_spawn: libc's version execs with a raw execve in a child that has
 * reset our SIGSYS handler, so spawn here with fork and our execve.  File
 * actions and attributes are opaque to us: with them, ENOTSUP.
 */
static int
spawn(pid_t *pid, const char *path, const posix_spawn_file_actions_t *fa,
    const posix_spawnattr_t *attr, char *const argv[], char *const envp[],
    int search)
{
	pid_t child;

	if (fa != NULL || attr != NULL)
		return (ENOTSUP);
	if ((child = fork()) < 0)
		return (errno);
	if (child == 0) {
		if (search)
			(void)execvpe(path, argv, envp);
		else
			(void)execve(path, argv, envp);
		_exit(127);
	}
	if (pid != NULL)
		*pid = child;
	return (0);
}

SHIM_EXPORT int
posix_spawn(pid_t *pid, const char *path, const posix_spawn_file_actions_t *fa,
    const posix_spawnattr_t *attr, char *const argv[], char *const envp[])
{
	return (spawn(pid, path, fa, attr, argv, envp, 0));
}

SHIM_EXPORT int
posix_spawnp(pid_t *pid, const char *file,
    const posix_spawn_file_actions_t *fa, const posix_spawnattr_t *attr,
    char *const argv[], char *const envp[])
{
	return (spawn(pid, file, fa, attr, argv, envp, 1));
}

SHIM_EXPORT int
system(const char *cmd)
{
	char *argv[] = { "sh", "-c", (char *)cmd, NULL };
	pid_t pid = -1;
	int st;

	if (cmd == NULL)
		return (0);	/* no shell can run in capability mode */
	if (spawn(&pid, "/bin/sh", NULL, NULL, argv, environ, 0) != 0)
		return (-1);
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return (-1);
	return (st);
}
