/* E23: perf_event_open (observing other processes and the kernel).
 * Refused by: seccomp. Expect: ECAPMODE. */
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/perf_event.h>

#include "esc.h"

static int
attack(void *arg)
{
	struct perf_event_attr a;

	(void)arg;
	esc_enter();
	memset(&a, 0, sizeof(a));
	a.size = sizeof(a);
	a.type = PERF_TYPE_SOFTWARE;
	a.config = PERF_COUNT_SW_CPU_CLOCK;
	a.exclude_kernel = 1;
	REFUSED(syscall(SYS_perf_event_open, &a, 0, -1, -1, 0), ECAPMODE);
	REFUSED(syscall(SYS_perf_event_open, &a, 1, -1, -1, 0), ECAPMODE);
	REFUSED(syscall(SYS_perf_event_open, &a, -1, 0, -1, 0), ECAPMODE);
	return (esc_status());
}

int
main(void)
{
	return (esc_finish(esc_run(attack, NULL, NULL)));
}
