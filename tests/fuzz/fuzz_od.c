/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fuzz_od.c - od's options (-t type strings, -A, -j and -N sizes, -w,
 * --endian, the traditional letters and offset operands) and the dump
 * they ask for
 *
 * Input: od's arguments, an empty one, then standard input (see
 * capbox_fuzz.h): "-tx2z\0-w6\0\0abcdefgh".
 */
#include "capbox_fuzz.h"
#include "../../coreutils/od.c"

static void
reset(bool exited)
{
	if (exited) {
		free(opt.spec);
		free(in.ops.v);
	}
	CBF_RESTORE(opt);
	CBF_RESTORE(in);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct cbf_applet a = {
		.name = "od", .usage_status = 1, .main = od_main,
		.reset = reset, .reads = true,
	};

	return (cbf_run(&a, data, size));
}
