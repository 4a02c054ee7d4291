/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * ldd.h - what a dynamically linked program needs from the filesystem
 */
#ifndef CAPRUN_LDD_H
#define CAPRUN_LDD_H

/*
 * ldd_collect: call add(path, arg) for the program interpreter (PT_INTERP)
 * of the ELF file at path and for every library in the closure of its
 * DT_NEEDED entries, found through DT_RUNPATH/DT_RPATH ($ORIGIN expanded),
 * /etc/ld.so.cache and the standard directories.  Each path is reported
 * once, as the loader will name it.  Returns the number of files, 0 for a
 * static program or a script, -1 with errno when path is not readable.
 */
int	ldd_collect(const char *path, void (*add)(const char *, void *),
	    void *arg);

/* ldd_is_static: 1 for an ELF file without PT_INTERP, else 0. */
int	ldd_is_static(const char *path);

#endif /* !CAPRUN_LDD_H */
