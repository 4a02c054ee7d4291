/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fuzz_test.c - the expressions of test and [ (POSIX's argument counts,
 * GNU's grammar: ! ( ) -a -o, unary and binary operators, integers of
 * any length, -l)
 *
 * Input: test's arguments, each ended by NUL (see capbox_fuzz.h):
 * "!\0" "-z\0" "x\0" "-o\0" "1\0" "-lt\0" "2".  A first argument "[" runs
 * the input as [ (its arguments then end in "]").  File operands never
 * reach the filesystem; only /dev/fd/0 and /dev/fd/1 name something.
 */
#include "capbox_fuzz.h"
#include "../../coreutils/test.c"

static void
reset(bool exited)
{
	int i;

	(void)exited;
	for (i = 0; i < nrefs; i++) {
		cb_path_close(&refs[i].p);
		if (refs[i].tfd >= 0)
			(void)close(refs[i].tfd);
	}
	free(refs);
	free(groups);
	CBF_RESTORE(av);
	CBF_RESTORE(ac);
	CBF_RESTORE(pos);
	CBF_RESTORE(dry);
	CBF_RESTORE(refs);
	CBF_RESTORE(nrefs);
	CBF_RESTORE(nextref);
	CBF_RESTORE(groups);
	CBF_RESTORE(ngroups);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct cbf_applet test = {
		.name = "test", .usage_status = 2, .main = test_main,
		.reset = reset,
	};
	static const struct cbf_applet bracket = {
		.name = "[", .usage_status = 2, .main = test_main,
		.reset = reset,
	};

	if (size >= 2 && data[0] == '[' && data[1] == '\0')
		return (cbf_run(&bracket, data + 2, size - 2));
	return (cbf_run(&test, data, size));
}
