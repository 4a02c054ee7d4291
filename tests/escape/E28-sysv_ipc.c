/* E28: System V IPC (shared memory, semaphores, message queues: a global
 * key namespace). Refused by: seccomp. Expect: ECAPMODE. */
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "esc.h"

static int
attack(void *arg)
{
	int shmid = *(int *)arg;

	esc_enter();
	REFUSED(shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600), ECAPMODE);
	REFUSED(shmget(0x43415000, 4096, 0), ECAPMODE);
	REFUSED((long)shmat(shmid, NULL, SHM_RDONLY), ECAPMODE);
	REFUSED(shmctl(shmid, IPC_STAT, &(struct shmid_ds){ 0 }), ECAPMODE);
	REFUSED(semget(IPC_PRIVATE, 1, IPC_CREAT | 0600), ECAPMODE);
	REFUSED(msgget(IPC_PRIVATE, IPC_CREAT | 0600), ECAPMODE);
	REFUSED(syscall(SYS_shmget, IPC_PRIVATE, 4096, IPC_CREAT | 0600),
	    ECAPMODE);
	REFUSED(syscall(SYS_shmat, shmid, NULL, SHM_RDONLY), ECAPMODE);
	REFUSED(syscall(SYS_shmctl, shmid, IPC_RMID, NULL), ECAPMODE);
	REFUSED(syscall(SYS_semget, IPC_PRIVATE, 1, IPC_CREAT | 0600),
	    ECAPMODE);
	REFUSED(syscall(SYS_semctl, 0, 0, IPC_RMID, 0), ECAPMODE);
	REFUSED(syscall(SYS_semop, 0, NULL, 0), ECAPMODE);
	REFUSED(syscall(SYS_semtimedop, 0, NULL, 0, NULL), ECAPMODE);
	REFUSED(syscall(SYS_msgget, IPC_PRIVATE, IPC_CREAT | 0600), ECAPMODE);
	REFUSED(syscall(SYS_msgsnd, 0, NULL, 0, IPC_NOWAIT), ECAPMODE);
	REFUSED(syscall(SYS_msgrcv, 0, NULL, 0, 0, IPC_NOWAIT), ECAPMODE);
	REFUSED(syscall(SYS_msgctl, 0, IPC_RMID, NULL), ECAPMODE);
	return (esc_status());
}

int
main(void)
{
	int shmid = shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600);
	int st;

	CONTROL(shmid);
	st = esc_run(attack, &shmid, NULL);
	if (shmid >= 0)
		shmctl(shmid, IPC_RMID, NULL);
	return (esc_finish(st));
}
