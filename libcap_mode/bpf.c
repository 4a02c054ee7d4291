/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * bpf.c - layer 3 client: per-descriptor rights kept by eBPF LSM programs
 *
 * The programs and their loader (capbpf) are not part of this release, so
 * this layer always reports itself absent and the rights table stays the
 * library's (see cap_rights_limit(3) for what the kernel keeps anyway).
 */
#include "internal.h"

CM_HIDDEN bool
cm_bpf_rights_active(void)
{
	return (false);
}
