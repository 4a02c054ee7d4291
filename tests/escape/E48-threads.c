/* E48: a thread started before cap_enter (blocked in read, or busy)
 * escaping through raw system calls afterwards: Landlock restricts one
 * thread at a time, so every existing thread must be reached. Refused by:
 * seccomp (TSYNC) and Landlock (every thread). Expect: ECAPMODE for
 * AT_FDCWD, EACCES for "..". */
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "esc.h"

struct ctx {
	struct tree	*t;
	int		held;
	int		p[2];
	atomic_int	go;
};

static void
try_escape(struct ctx *c)
{
	REFUSED(syscall(SYS_openat, AT_FDCWD, "/etc/passwd", O_RDONLY),
	    ECAPMODE);
	REFUSED(syscall(SYS_openat, c->held, "../secret", O_RDONLY), EACCES);
	REFUSED(syscall(SYS_socket, 2, 1, 0), ECAPMODE);
}

static void *
blocked(void *arg)
{
	struct ctx *c = arg;
	char ch;

	if (read(c->p[0], &ch, 1) == 1)
		try_escape(c);
	return (NULL);
}

static void *
busy(void *arg)
{
	struct ctx *c = arg;
	volatile unsigned long n = 0;

	while (!atomic_load(&c->go))
		n++;
	try_escape(c);
	return (NULL);
}

static int
attack(void *arg)
{
	struct ctx *c = arg;
	pthread_t a, b;
	struct timespec ts = { 0, 50000000 };

	c->held = esc_open_held(c->t);
	CONTROL(pipe(c->p));
	CONTROL(pthread_create(&a, NULL, blocked, c) == 0 ? 0 : -1);
	CONTROL(pthread_create(&b, NULL, busy, c) == 0 ? 0 : -1);
	nanosleep(&ts, NULL);
	esc_enter();
	CONTROL(write(c->p[1], "g", 1));
	atomic_store(&c->go, 1);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	try_escape(c);
	return (esc_status());
}

int
main(void)
{
	struct tree t;
	struct ctx c = { .t = &t };

	if (landlock_abi() < 1)
		esc_skip("no Landlock on this kernel");
	esc_tree(&t);
	return (esc_finish(esc_run(attack, &c, &t)));
}
