/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * learn.c - caprun --learn: run unconfined under strace(1), collect the
 * paths the program used successfully, and print the caprun command line
 * that would grant exactly those (directories for what it created or
 * removed, files for what it only read).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "caprun.h"

#define MAX_SEEN	512

struct seen {
	char	*path[MAX_SEEN];
	bool	rw[MAX_SEEN];
	int	n;
};

static void
note(struct seen *s, const char *path, bool rw)
{
	for (int i = 0; i < s->n; i++)
		if (strcmp(s->path[i], path) == 0) {
			s->rw[i] |= rw;
			return;
		}
	if (s->n < MAX_SEEN && (s->path[s->n] = strdup(path)) != NULL)
		s->rw[s->n++] = rw;
}

/* Writes need the directory: new files, renames and unlinks happen there. */
static bool
is_write(const char *line)
{
	static const char *const calls[] = { "mkdir", "mkdirat", "unlink",
	    "unlinkat", "rmdir", "rename", "renameat", "renameat2", "link",
	    "linkat", "symlink", "symlinkat", "creat", "truncate", "chmod",
	    "fchmodat", "chown", "lchown", "fchownat", "utime", "utimes",
	    "utimensat", "mknod", "mknodat" };
	size_t l = strcspn(line, "(");

	if (strstr(line, "O_WRONLY") != NULL || strstr(line, "O_RDWR") != NULL
	    || strstr(line, "O_CREAT") != NULL)
		return (true);
	for (size_t i = 0; i < sizeof(calls) / sizeof(calls[0]); i++)
		if (strlen(calls[i]) == l && strncmp(line, calls[i], l) == 0)
			return (true);
	return (false);
}

static void
parse_line(struct seen *s, char *line)
{
	char *p, *q, abs[PATH_MAX];
	bool rw;

	/* "PID syscall(args) = result": skip the pid strace -f prints. */
	while (*line >= '0' && *line <= '9')
		line++;
	while (*line == ' ')
		line++;
	if ((p = strchr(line, '"')) == NULL || (q = strchr(p + 1, '"')) == NULL)
		return;
	rw = is_write(line);
	*q = '\0';
	if (p[1] != '/' || strncmp(line, "execve", 6) == 0 ||
	    strncmp(p + 1, "/proc/", 6) == 0 ||
	    strcmp(p + 1, "/etc/ld.so.cache") == 0)
		return;
	if (realpath(p + 1, abs) == NULL)
		(void)snprintf(abs, sizeof(abs), "%s", p + 1);
	if (rw) {
		struct stat st;

		if (stat(abs, &st) < 0 || !S_ISDIR(st.st_mode))
			*strrchr(abs, '/') = '\0';
		if (abs[0] == '\0')
			strcpy(abs, "/");
	}
	note(s, abs, rw);
}

/* Is path covered by another, broader grant we will print? */
static bool
covered(const struct seen *s, int i)
{
	for (int j = 0; j < s->n; j++) {
		size_t l = strlen(s->path[j]);

		if (j == i || (s->rw[i] && !s->rw[j]))
			continue;
		if (strncmp(s->path[i], s->path[j], l) == 0 &&
		    (s->path[i][l] == '/' || (l == 1 && s->path[j][0] == '/')) &&
		    strlen(s->path[i]) > l)
			return (true);
	}
	return (false);
}

/* One word for sh(1): quoted when it holds anything but plain characters. */
static void
print_word(const char *w)
{
	if (*w != '\0' && strspn(w, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN"
	    "OPQRSTUVWXYZ0123456789_./=:,+-@%") == strlen(w)) {
		(void)printf(" %s", w);
		return;
	}
	(void)printf(" '");
	for (; *w != '\0'; w++)
		if (*w == '\'')
			(void)printf("'\\''");
		else
			(void)putchar(*w);
	(void)putchar('\'');
}

static void
print_command(struct seen *s, char *const argv[])
{
	(void)printf("caprun");
	for (int i = 0; i < s->n; i++) {
		/* Libraries come by themselves; /usr as a whole is simpler. */
		if (strncmp(s->path[i], "/usr/", 5) == 0 && !s->rw[i]) {
			note(s, "/usr", false);
			continue;
		}
	}
	for (int i = 0; i < s->n; i++)
		if (!(strncmp(s->path[i], "/usr/", 5) == 0 && !s->rw[i]) &&
		    !covered(s, i))
		{
			(void)printf(" --%s", s->rw[i] ? "rw" : "ro");
			print_word(s->path[i]);
		}
	(void)printf(" --");
	for (int i = 0; argv[i] != NULL; i++)
		print_word(argv[i]);
	(void)printf("\n");
}

int
learn_run(char *const argv[])
{
	char log[] = "/tmp/caprun-learn.XXXXXX", line[8192];
	struct seen s = { .n = 0 };
	pid_t pid;
	FILE *fp;
	int fd, st, n = 0;

	if ((fd = mkstemp(log)) < 0) {
		(void)fprintf(stderr, "caprun: --learn: %s\n", strerror(errno));
		return (EX_CAPRUN);
	}
	while (argv[n] != NULL)
		n++;
	if ((pid = fork()) == 0) {
		char **sargv = calloc((size_t)n + 16, sizeof(*sargv));
		int k = 0;

		if (sargv == NULL)
			_exit(EX_CAPRUN);
		sargv[k++] = "strace";
		sargv[k++] = "-f";
		sargv[k++] = "-qq";
		sargv[k++] = "-e";
		sargv[k++] = "trace=%file";
		sargv[k++] = "-e";
		sargv[k++] = "status=successful";
		sargv[k++] = "-o";
		sargv[k++] = log;
		sargv[k++] = "--";
		for (int i = 0; i < n; i++)
			sargv[k++] = argv[i];
		sargv[k] = NULL;
		execvp("strace", sargv);
		(void)fprintf(stderr, "caprun: --learn needs strace: %s\n",
		    strerror(errno));
		_exit(EX_NOTFOUND);
	}
	if (pid < 0 || waitpid(pid, &st, 0) < 0 || (fp = fdopen(fd, "r")) ==
	    NULL) {
		(void)unlink(log);
		return (EX_CAPRUN);
	}
	(void)unlink(log);
	while (fgets(line, sizeof(line), fp) != NULL)
		parse_line(&s, line);
	(void)fclose(fp);
	print_command(&s, argv);
	return (WIFEXITED(st) ? WEXITSTATUS(st) : EX_CAPRUN);
}
