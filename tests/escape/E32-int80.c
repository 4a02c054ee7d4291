/* E32: the 32-bit system call entry (int $0x80) from a 64-bit process:
 * other system call numbers, so a filter that ignores the architecture
 * lets open(2) through as i386 syscall 5. Refused by: seccomp
 * (architecture check). Expect: ECAPMODE. */
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "esc.h"

#if defined(__x86_64__)
#define I386_GETPID	20
#define I386_OPEN	5
#define I386_SOCKETCALL	102
#define I386_CHDIR	12

static long
int80(long nr, long a, long b, long c)
{
	long ret;

	__asm__ volatile("int $0x80"
	    : "=a"(ret)
	    : "a"(nr), "b"(a), "c"(b), "d"(c)
	    : "memory", "r8", "r9", "r10", "r11");
	return (ret);
}

/* As a libc call: -1 and errno. */
static long
int80_call(long nr, long a, long b, long c)
{
	long r = int80(nr, a, b, c);

	if (r < 0 && r > -4096) {
		errno = (int)-r;
		return (-1);
	}
	return (r);
}

static int
attack(void *arg)
{
	char *low = arg;	/* below 4 GiB, readable by 32-bit calls */
	long args[3] = { 2, 1, 0 };	/* AF_INET, SOCK_STREAM, 0 */
	uint32_t *a32 = (uint32_t *)(low + 64);

	esc_enter();
	a32[0] = (uint32_t)args[0];
	a32[1] = (uint32_t)args[1];
	a32[2] = (uint32_t)args[2];
	REFUSED(int80_call(I386_OPEN, (long)(uintptr_t)low, 0, 0), ECAPMODE);
	REFUSED(int80_call(I386_CHDIR, (long)(uintptr_t)low, 0, 0), ECAPMODE);
	REFUSED(int80_call(I386_SOCKETCALL, 1, (long)(uintptr_t)a32, 0),
	    ECAPMODE);
	/* Even a harmless call: the whole ABI is refused. */
	REFUSED(int80_call(I386_GETPID, 0, 0, 0), ECAPMODE);
	return (esc_status());
}

/* Is the 32-bit entry there at all?  Probe in a child: without IA32
 * emulation int 0x80 may kill the process. */
static bool
int80_available(void)
{
	pid_t pid = fork();
	int st;

	if (pid == 0)
		_exit(int80(I386_GETPID, 0, 0, 0) == (long)getpid() ? 0 : 1);
	return (pid > 0 && waitpid(pid, &st, 0) == pid && WIFEXITED(st) &&
	    WEXITSTATUS(st) == 0);
}

int
main(void)
{
	char *low;

	if (!int80_available())
		esc_skip("32-bit system calls are off on this kernel: int $0x80 "
		    "kills the caller before any filter runs");
	low = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);
	if (low == MAP_FAILED)
		esc_skip("no memory below 4 GiB (MAP_32BIT)");
	strcpy(low, "/etc/passwd");
	/* Control: the 32-bit open works before cap_enter. */
	{
		long fd = int80(I386_OPEN, (long)(uintptr_t)low, 0, 0);

		CONTROL(fd < 0 ? -1 : fd);
		if (fd >= 0)
			close((int)fd);
	}
	return (esc_finish(esc_run(attack, low, NULL)));
}
#else
int
main(void)
{
	esc_skip("int $0x80 is an x86-64 attack");
}
#endif
