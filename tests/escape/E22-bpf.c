/* E22: the bpf(2) system call (maps, programs, and reading pinned objects
 * by path). Refused by: seccomp. Expect: ECAPMODE. */
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/bpf.h>

#include "esc.h"

static int
attack(void *arg)
{
	union bpf_attr a;

	(void)arg;
	esc_enter();
	memset(&a, 0, sizeof(a));
	a.map_type = BPF_MAP_TYPE_ARRAY;
	a.key_size = 4;
	a.value_size = 4;
	a.max_entries = 1;
	REFUSED(syscall(SYS_bpf, BPF_MAP_CREATE, &a, sizeof(a)), ECAPMODE);
	memset(&a, 0, sizeof(a));
	a.pathname = (uint64_t)(uintptr_t)"/sys/fs/bpf";
	REFUSED(syscall(SYS_bpf, BPF_OBJ_GET, &a, sizeof(a)), ECAPMODE);
	REFUSED(syscall(SYS_bpf, BPF_PROG_LOAD, &a, sizeof(a)), ECAPMODE);
	return (esc_status());
}

int
main(void)
{
	return (esc_finish(esc_run(attack, NULL, NULL)));
}
