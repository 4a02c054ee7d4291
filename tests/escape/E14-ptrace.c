/* E14: debugging another process (ptrace attach/seize, or inviting a
 * tracer with PR_SET_PTRACER). Refused by: seccomp (ptrace; prctl outside
 * a short allowlist). Expect: ECAPMODE. */
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "esc.h"

static int
attack(void *arg)
{
	pid_t victim = *(pid_t *)arg;

	esc_enter();
	REFUSED(ptrace(PTRACE_ATTACH, victim, NULL, NULL), ECAPMODE);
	REFUSED(ptrace(PTRACE_SEIZE, victim, NULL, NULL), ECAPMODE);
	REFUSED(ptrace(PTRACE_TRACEME, 0, NULL, NULL), ECAPMODE);
	REFUSED(syscall(SYS_ptrace, PTRACE_ATTACH, victim, 0, 0), ECAPMODE);
	REFUSED(syscall(SYS_ptrace, PTRACE_PEEKDATA, victim, 0, 0), ECAPMODE);
	REFUSED(prctl(PR_SET_PTRACER, PR_SET_PTRACER_ANY, 0, 0, 0), ECAPMODE);
	REFUSED(syscall(SYS_prctl, PR_SET_PTRACER, victim, 0, 0, 0), ECAPMODE);
	return (esc_status());
}

int
main(void)
{
	pid_t me = getpid();

	return (esc_finish(esc_run(attack, &me, NULL)));
}
