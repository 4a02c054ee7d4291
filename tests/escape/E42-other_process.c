/* E42: acting on other processes (by pid, by user, by process group)
 * through scheduling, limits, priorities and memory policy calls
 * (prlimit64, setpriority/getpriority, sched_setaffinity,
 * sched_setscheduler, ioprio_set, migrate_pages, move_pages,
 * process_madvise, get_robust_list). Refused by: seccomp (the pid must be
 * 0 or our own; priorities of ourselves only). Expect: ECAPMODE. */
#include <sched.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "esc.h"

static int
attack(void *arg)
{
	pid_t victim = *(pid_t *)arg;
	struct rlimit rl;
	cpu_set_t set;
	struct sched_param sp = { 0 };
	void *head;
	size_t len;

	esc_enter();
	CPU_ZERO(&set);
	CPU_SET(0, &set);
	REFUSED(prlimit(victim, RLIMIT_NOFILE, NULL, &rl), ECAPMODE);
	REFUSED(syscall(SYS_prlimit64, victim, RLIMIT_CORE, NULL, &rl),
	    ECAPMODE);
	REFUSED(setpriority(PRIO_PROCESS, victim, 19), ECAPMODE);
	/*
	 * Every process of our user (who = 0: our uid), or of our process
	 * group, which may hold processes outside the sandbox.  Probed with
	 * getpriority, which the filter treats like setpriority: a
	 * setpriority that got through would renice processes outside.
	 */
	REFUSED(getpriority(PRIO_USER, 0), ECAPMODE);
	REFUSED(getpriority(PRIO_USER, getuid()), ECAPMODE);
	REFUSED(getpriority(PRIO_PGRP, 0), ECAPMODE);
	REFUSED(syscall(SYS_getpriority, PRIO_USER, 0), ECAPMODE);
	REFUSED(sched_setaffinity(victim, sizeof(set), &set), ECAPMODE);
	REFUSED(sched_getaffinity(victim, sizeof(set), &set), ECAPMODE);
	REFUSED(sched_setscheduler(victim, SCHED_OTHER, &sp), ECAPMODE);
	REFUSED(syscall(SYS_ioprio_set, 1 /* IOPRIO_WHO_PROCESS */, victim, 0),
	    ECAPMODE);
	REFUSED(syscall(SYS_ioprio_get, 1, victim), ECAPMODE);
	REFUSED(syscall(SYS_migrate_pages, victim, 0, NULL, NULL), ECAPMODE);
	REFUSED(syscall(SYS_move_pages, victim, 0, NULL, NULL, NULL, 0),
	    ECAPMODE);
	REFUSED(syscall(SYS_process_madvise, 0, NULL, 0, 0, 0), ECAPMODE);
	REFUSED(syscall(SYS_get_robust_list, victim, &head, &len), ECAPMODE);
	/* On ourselves these are allowed. */
	CONTROL(prlimit(0, RLIMIT_NOFILE, NULL, &rl));
	CONTROL(getpriority(PRIO_PROCESS, 0));
	CONTROL(sched_getaffinity(0, sizeof(set), &set));
	return (esc_status());
}

int
main(void)
{
	pid_t me = getpid();
	struct rlimit rl;

	CONTROL(prlimit(me, RLIMIT_NOFILE, NULL, &rl));
	return (esc_finish(esc_run(attack, &me, NULL)));
}
