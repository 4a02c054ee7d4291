/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * tmpdir.h - scratch trees for tests that look up paths beneath dirfds
 *
 * tree_make() builds, under a fresh directory in $TMPDIR (else /tmp):
 *
 *   secret                  "secret\n"   (outside the held directory)
 *   held/                   the directory a test holds as its dirfd
 *   held/inside             "inside\n"
 *   held/sub/deep           "deep\n"
 *   held/in   -> sub/deep               symlink that stays beneath held
 *   held/dotdot_in -> sub/../inside     ".." that stays beneath held
 *   held/up   -> ../secret              symlink that escapes
 *   held/abs  -> <base>/secret          absolute symlink
 *
 * Directories are mode 0777 and files 0666, so an unprivileged user can
 * use a tree made by root.  The caller owns the tree: tree_remove().
 */
#ifndef TESTS_TMPDIR_H
#define TESTS_TMPDIR_H

#include <limits.h>

struct tree {
	char	base[PATH_MAX / 2];
	char	held[PATH_MAX];
};

/* 0 on success, -1 with errno. */
int	tree_make(struct tree *t);
/* Remove the whole tree (also anything tests added); -1 with errno. */
int	tree_remove(const struct tree *t);

/* Create or replace dirfd/name with content, mode 0666.  0 or -1. */
int	put_file(int dirfd, const char *name, const char *content);
/* Read up to len-1 bytes of fd from offset 0 into buf, NUL-terminated. */
int	read_text(int fd, char *buf, size_t len);

#endif /* !TESTS_TMPDIR_H */
