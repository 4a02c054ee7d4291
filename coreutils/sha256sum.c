/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * sha256sum.c - compute and check SHA256 message digest
 *
 * usage: sha256sum [-bctwz] [FILE]...
 *
 * Print or check SHA256 checksums.  With no FILE, or when FILE is -, read
 * standard input.  With --check, the files named in the lists are opened
 * after cap_enter, beneath the current directory (or --cwd-fd); absolute
 * names need --root-fd.
 *
 *   -b, --binary          read in binary mode (marks names with '*')
 *   -c, --check           read checksums from the FILEs and check them
 *       --tag             create a BSD-style checksum
 *   -t, --text            read in text mode (default)
 *   -z, --zero            end each output line with NUL, not newline,
 *                         and disable file name escaping
 *
 * The following five options are useful only when verifying checksums:
 *       --ignore-missing  don't fail or report status for missing files
 *       --quiet           don't print OK for each successfully verified file
 *       --status          don't output anything, status code shows success
 *       --strict          exit non-zero for improperly formatted lines
 *   -w, --warn            warn about improperly formatted checksum lines
 *
 * Options are parsed in cb_hash.c, shared by the four digests.
 */
#include "capbox.h"

APPLET(sha256sum, 1, 0)

int
sha256sum_main(int argc, char *argv[])
{
	return (cb_hash_main(argc, argv, "sha256"));
}
