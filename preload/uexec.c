/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * uexec.c - exec a dynamically linked program without the kernel's execve
 *
 * After a real execve the SIGSYS handler is gone, and the new program's
 * dynamic loader opens its libraries by path before any constructor runs:
 * the inherited trap filter would kill it.  So, as the kernel would, we
 * map the program and its interpreter ourselves, build the initial stack
 * (argv, envp, auxv) and jump to the interpreter's entry point.  This
 * image stays mapped and its SIGSYS handler serves the new loader's opens
 * until the new copy of the shim installs its own.  Nothing is lifted: the
 * process keeps its seccomp filters and Landlock domain.
 *
 * As execve(2) would: descriptors marked close-on-exec are closed, caught
 * signals are reset to their default action.  Unlike it: other threads are
 * not stopped (exec from a forked child, as shells do), the old image's
 * memory is not given back, and set-id bits are ignored (no_new_privs is
 * set anyway).
 */
#include <elf.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <unistd.h>

#include "../libcap_mode/internal.h"
#include "../libcap_mode/sys.h"
#include "shim.h"

#define STACK_SIZE	(8UL << 20)
#define PAGE		4096UL
#define PAGE_DOWN(x)	((x) & ~(PAGE - 1))
#define PAGE_UP(x)	(((x) + PAGE - 1) & ~(PAGE - 1))

struct image {
	unsigned long	base;		/* load bias */
	unsigned long	entry;
	unsigned long	phdr;		/* address of the program headers */
	unsigned int	phnum;
	char		interp[PATH_MAX];
};

static int
prot_of(unsigned int flags)
{
	return (((flags & PF_R) != 0 ? PROT_READ : 0) |
	    ((flags & PF_W) != 0 ? PROT_WRITE : 0) |
	    ((flags & PF_X) != 0 ? PROT_EXEC : 0));
}

static long
map(unsigned long addr, unsigned long len, int prot, int flags, int fd,
    unsigned long off)
{
	return (cm_sc6(SYS_mmap, (long)addr, (long)len, prot, flags, fd,
	    (long)off));
}

/* Zero the tail of the last file page and map the rest of .bss. */
static int
map_bss(const Elf64_Phdr *ph, unsigned long base)
{
	unsigned long fend = base + ph->p_vaddr + ph->p_filesz;
	unsigned long mend = base + ph->p_vaddr + ph->p_memsz;
	int prot = prot_of(ph->p_flags);

	if (PAGE_UP(fend) > fend && (prot & PROT_WRITE) != 0)
		memset((void *)fend, 0, PAGE_UP(fend) - fend);
	if (mend > PAGE_UP(fend) && map(PAGE_UP(fend), mend - PAGE_UP(fend),
	    prot, MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS, -1, 0) < 0)
		return (-ENOMEM);
	return (0);
}

static int
load_segments(int fd, const Elf64_Ehdr *eh, const Elf64_Phdr *ph,
    struct image *im)
{
	unsigned long lo = ~0UL, hi = 0;
	long r;

	for (int i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_LOAD) {
			if (PAGE_DOWN(ph[i].p_vaddr) < lo)
				lo = PAGE_DOWN(ph[i].p_vaddr);
			if (PAGE_UP(ph[i].p_vaddr + ph[i].p_memsz) > hi)
				hi = PAGE_UP(ph[i].p_vaddr + ph[i].p_memsz);
		}
	if (lo >= hi)
		return (-ENOEXEC);
	/* Reserve the whole span, then map each segment into it. */
	r = map(eh->e_type == ET_DYN ? 0 : lo, hi - lo, PROT_NONE,
	    MAP_PRIVATE | MAP_ANONYMOUS | (eh->e_type == ET_DYN ? 0 :
	    MAP_FIXED_NOREPLACE), -1, 0);
	if (r < 0)
		return ((int)r);
	im->base = eh->e_type == ET_DYN ? (unsigned long)r - lo : 0;
	for (int i = 0; i < eh->e_phnum; i++) {
		unsigned long va = im->base + ph[i].p_vaddr;

		if (ph[i].p_type != PT_LOAD)
			continue;
		if (ph[i].p_filesz > 0 && map(PAGE_DOWN(va),
		    PAGE_UP(va + ph[i].p_filesz) - PAGE_DOWN(va),
		    prot_of(ph[i].p_flags), MAP_PRIVATE | MAP_FIXED, fd,
		    PAGE_DOWN(ph[i].p_offset)) < 0)
			return (-ENOMEM);
		if (ph[i].p_memsz > ph[i].p_filesz && map_bss(&ph[i],
		    im->base) < 0)
			return (-ENOMEM);
		if (ph[i].p_offset == 0)
			im->phdr = va + eh->e_phoff;
	}
	im->entry = im->base + eh->e_entry;
	im->phnum = eh->e_phnum;
	return (0);
}

/* Map the ELF file on fd; record its interpreter, if any. */
static int
load_elf(int fd, struct image *im)
{
	Elf64_Ehdr eh;
	Elf64_Phdr ph[64];

	im->interp[0] = '\0';
	if (cm_sc4(SYS_pread64, fd, &eh, sizeof(eh), 0) != sizeof(eh) ||
	    memcmp(eh.e_ident, ELFMAG, SELFMAG) != 0 ||
	    eh.e_ident[EI_CLASS] != ELFCLASS64 || eh.e_machine != EM_X86_64 ||
	    (eh.e_type != ET_DYN && eh.e_type != ET_EXEC) ||
	    eh.e_phentsize != sizeof(Elf64_Phdr) || eh.e_phnum > 64)
		return (-ENOEXEC);
	if (cm_sc4(SYS_pread64, fd, ph, sizeof(ph[0]) * eh.e_phnum,
	    eh.e_phoff) != (long)(sizeof(ph[0]) * eh.e_phnum))
		return (-ENOEXEC);
	for (int i = 0; i < eh.e_phnum; i++)
		if (ph[i].p_type == PT_INTERP) {
			if (ph[i].p_filesz >= sizeof(im->interp) ||
			    cm_sc4(SYS_pread64, fd, im->interp, ph[i].p_filesz,
			    ph[i].p_offset) != (long)ph[i].p_filesz)
				return (-ENOEXEC);
			im->interp[ph[i].p_filesz] = '\0';
		}
	return (load_segments(fd, &eh, ph, im));
}

/* Copy a string onto the new stack, growing down; its address. */
static char *
push_str(char **sp, const char *s)
{
	size_t l = strlen(s) + 1;

	*sp -= l;
	memcpy(*sp, s, l);
	return (*sp);
}

static size_t
count(char *const v[])
{
	size_t n = 0;

	while (v != NULL && v[n] != NULL)
		n++;
	return (n);
}

/*
 * The initial stack as the kernel lays it out: strings at the top, then,
 * 16-byte aligned at the bottom, argc, argv[], NULL, envp[], NULL, auxv.
 */
static unsigned long *
build_stack(const struct image *prog, const struct image *ld,
    const char *execfn, char *const argv[], char *const envp[])
{
	size_t argc = count(argv), envc = count(envp), nv;
	char *top, *sp, *execp, *rnd, **sargv, **senvp;
	unsigned long *v, *p;
	long r;

	r = map(0, STACK_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE |
	    MAP_ANONYMOUS | MAP_STACK, -1, 0);
	if (r < 0)
		return (NULL);
	top = sp = (char *)r + STACK_SIZE;
	sargv = (char **)(void *)r;	/* scratch at the bottom, overwritten later */
	if ((argc + envc + 2) * sizeof(char *) > STACK_SIZE / 2)
		return (NULL);
	senvp = sargv + argc + 1;
	execp = push_str(&sp, execfn);
	for (size_t i = 0; i < argc; i++)
		sargv[i] = push_str(&sp, argv[i]);
	for (size_t i = 0; i < envc; i++)
		senvp[i] = push_str(&sp, envp[i]);
	sp -= 16;
	rnd = sp;
	if (cm_sc3(SYS_getrandom, rnd, 16, 0) != 16)
		return (NULL);
	nv = 1 + argc + 1 + envc + 1 + 2 * 20;
	p = v = (unsigned long *)(((unsigned long)sp - nv * 8) & ~15UL);
	if ((char *)v < (char *)r + (argc + envc + 2) * sizeof(char *) ||
	    top - (char *)v > (long)STACK_SIZE)
		return (NULL);
	*p++ = argc;
	for (size_t i = 0; i < argc; i++)
		*p++ = (unsigned long)sargv[i];
	*p++ = 0;
	for (size_t i = 0; i < envc; i++)
		*p++ = (unsigned long)senvp[i];
	*p++ = 0;
#define AUX(t, val)	do { *p++ = (t); *p++ = (unsigned long)(val); } while (0)
	AUX(AT_PHDR, prog->phdr);
	AUX(AT_PHENT, sizeof(Elf64_Phdr));
	AUX(AT_PHNUM, prog->phnum);
	AUX(AT_PAGESZ, PAGE);
	AUX(AT_BASE, ld != NULL ? ld->base : 0);
	AUX(AT_FLAGS, 0);
	AUX(AT_ENTRY, prog->entry);
	AUX(AT_UID, getauxval(AT_UID));
	AUX(AT_EUID, getauxval(AT_EUID));
	AUX(AT_GID, getauxval(AT_GID));
	AUX(AT_EGID, getauxval(AT_EGID));
	AUX(AT_SECURE, 0);
	AUX(AT_RANDOM, rnd);
	AUX(AT_EXECFN, execp);
	AUX(AT_HWCAP, getauxval(AT_HWCAP));
	AUX(AT_HWCAP2, getauxval(AT_HWCAP2));
	AUX(AT_CLKTCK, getauxval(AT_CLKTCK));
	AUX(AT_PLATFORM, getauxval(AT_PLATFORM));
	AUX(AT_SYSINFO_EHDR, getauxval(AT_SYSINFO_EHDR));
	AUX(AT_NULL, 0);
#undef AUX
	return (v);
}

/* What execve does to the process besides replacing the image. */
static void
exec_housekeeping(void)
{
	struct sigaction sa;
	stack_t ss = { .ss_flags = SS_DISABLE };
	sigset_t set;

	for (int fd = 0; fd < 4096; fd++) {
		long fl = cm_sc2(SYS_fcntl, fd, F_GETFD);

		if (fl >= 0 && (fl & FD_CLOEXEC) != 0)
			cm_close(fd);
	}
	/* 32 and 33 are libc's own; sigaction would fail (and set errno). */
	for (int sig = 1; sig < NSIG; sig++) {
		if (sig == SIGSYS || sig == SIGKILL || sig == SIGSTOP ||
		    sig == 32 || sig == 33 || sigaction(sig, NULL, &sa) < 0)
			continue;
		if (sa.sa_handler != SIG_DFL && sa.sa_handler != SIG_IGN) {
			sa.sa_handler = SIG_DFL;
			sa.sa_flags = 0;
			(void)sigaction(sig, &sa, NULL);
		}
	}
	(void)cm_sc2(SYS_sigaltstack, &ss, NULL);
	/*
	 * The new loader's opens need our handler: a vfork child (Python's
	 * subprocess) may have reset it to the default or blocked SIGSYS,
	 * either of which would make the first trap fatal.
	 */
	(void)sigsys_install();
	sigemptyset(&set);
	sigaddset(&set, SIGSYS);
	(void)cm_sc4(SYS_rt_sigprocmask, SIG_UNBLOCK, &set, NULL, 8);
}

static void __attribute__((noreturn))
jump(unsigned long *sp, unsigned long entry)
{
	__asm__ __volatile__("mov %0, %%rsp\n\t"
	    "xor %%edx, %%edx\n\t"
	    "jmp *%1"
	    : : "r"(sp), "r"(entry) : "memory");
	__builtin_unreachable();
}

/* Open a program to map: beneath its pre-open, with the execute right. */
static long
open_mapped(const char *path)
{
	struct pm_loc loc;
	long r;

	if ((r = pm_map(path, &loc)) < 0)
		return (r);
	if (loc.file)
		return (cm_sc3(SYS_fcntl, loc.dirfd, F_DUPFD_CLOEXEC, 0));
	return (cm_openat_beneath(loc.dirfd, loc.rel, O_RDONLY | O_CLOEXEC, 0,
	    CM_BENEATH));
}

int
shim_uexec(int fd, const char *path, char *const argv[], char *const envp[])
{
	struct image prog, ld;
	unsigned long *sp;
	long lfd;
	int r;

	if ((r = load_elf(fd, &prog)) < 0)
		return (r);
	if (prog.interp[0] != '\0') {
		if ((lfd = open_mapped(prog.interp)) < 0)
			return ((int)lfd);
		r = load_elf((int)lfd, &ld);
		cm_close((int)lfd);
		if (r < 0)
			return (r);
	}
	if ((sp = build_stack(&prog, prog.interp[0] != '\0' ? &ld : NULL, path,
	    argv, envp)) == NULL)
		return (-E2BIG);
	cm_close(fd);
	exec_housekeeping();
	jump(sp, prog.interp[0] != '\0' ? ld.entry : prog.entry);
}
