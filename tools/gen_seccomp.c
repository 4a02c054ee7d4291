/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * gen_seccomp.c - write the capability-mode seccomp filter as C arrays
 *
 * Runs on the build host.  libseccomp supplies the syscall tables (names to
 * numbers for each architecture); the BPF program itself is assembled here,
 * because every argument test must look at the low 32 bits only: the kernel
 * truncates int and unsigned int arguments, and libseccomp 2.5's 32-bit
 * comparisons still branch on the high half (a cmd of 0x1_00005412 would
 * pass a "cmd > TIOCLINUX" rule and reach the kernel as TIOCSTI).
 *
 * The filter is an allowlist.  A syscall not in the table fails with
 * ECAPMODE, so syscalls added to future kernels are refused until reviewed.
 * Two constants are patched at cap_enter (see libcap_mode/seccomp.c): the
 * process id (signals to ourselves) and the address of a sealed empty string
 * (the only path execveat may be given: fexecve).
 */
#include <seccomp.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ECAPMODE	134
#define ENOSYS_		38

/* BPF opcodes (linux/filter.h), spelled out to keep the host tool small. */
#define LD_W_ABS	0x20
#define ALU_AND_K	0x54
#define JMP_JA		0x05
#define JMP_JEQ_K	0x15
#define JMP_JGE_K	0x35
#define JMP_JSET_K	0x45
#define RET_K		0x06

#define RET_ALLOW	0x7fff0000u
#define RET_ERRNO(e)	(0x00050000u | (e))

#define ARG_LO(i)	(16 + 8 * (i))
#define ARG_HI(i)	(16 + 8 * (i) + 4)

/* Placeholders patched at run time. */
#define PH_NONE		0
#define PH_PID		1
#define PH_PTR_LO	2
#define PH_PTR_HI	3

enum cond_op {
	C_END,
	C_FD,		/* lo32(arg) < 0x80000000: a real fd, not AT_FDCWD */
	C_EQ,		/* lo32(arg) == val */
	C_NE,		/* lo32(arg) != val */
	C_MASK0,	/* (lo32(arg) & val) == 0 */
	C_NULL,		/* arg == 0 (64 bits) */
	C_SEALED,	/* arg == address of the sealed empty string */
	C_SELF,		/* lo32(arg) == our pid */
	C_MASKEQ,	/* (lo32(arg) & mask) == val */
	C_MASKNE,	/* (lo32(arg) & mask) != val */
};

struct cond {
	enum cond_op	op;
	int		arg;
	uint32_t	val;
	uint32_t	mask;		/* C_MASKEQ only */
};

#define MAXCOND	4
#define MAXALT	12
struct rule {
	const char	*name;
	uint32_t	action;		/* 0: test the alternatives */
	struct cond	alt[MAXALT][MAXCOND];
};

/* clang-format off */
#define FD(a)		{ C_FD, (a), 0, 0 }
#define EQ(a, v)	{ C_EQ, (a), (v), 0 }
#define NE(a, v)	{ C_NE, (a), (v), 0 }
#define MASK0(a, m)	{ C_MASK0, (a), (m), 0 }
#define ISNULL(a)	{ C_NULL, (a), 0, 0 }
#define SEALED(a)	{ C_SEALED, (a), 0, 0 }
#define SELF(a)		{ C_SELF, (a), 0, 0 }
#define MASKEQ(a, m, v)	{ C_MASKEQ, (a), (v), (m) }
#define MASKNE(a, m, v)	{ C_MASKNE, (a), (v), (m) }
#define S_IFMT_		0170000u
#define ALLOW		{ { C_END, 0, 0, 0 } }

#define CLONE_NEWNS_ALL	0x7e020000u	/* CLONE_NEW{NS,CGROUP,UTS,IPC,USER,PID,NET} */
#define MSG_FASTOPEN_	0x20000000u
#define TIOCSTI_	0x5412u
#define TIOCLINUX_	0x541cu
#define F_SETOWN_	8u
#define F_SETOWN_EX_	15u
#define FIOSETOWN_	0x8901u
#define SIOCSPGRP_	0x8902u
#define O_PATH_		010000000u
#define O_ACCMODE_	3u

static const char *const allow_plain[] = {
	/* memory */
	"brk", "mmap", "munmap", "mremap", "mprotect", "pkey_mprotect",
	"pkey_alloc", "pkey_free", "madvise", "mincore", "msync", "mlock",
	"mlock2", "munlock", "mlockall", "munlockall", "mseal",
	"remap_file_pages", "mbind", "set_mempolicy", "get_mempolicy",
	"set_mempolicy_home_node", "map_shadow_stack", "memfd_create",
	"memfd_secret", "membarrier",
	/* descriptors */
	"read", "write", "readv", "writev", "pread64", "pwrite64", "preadv",
	"pwritev", "preadv2", "pwritev2", "lseek", "close", "close_range",
	"dup", "dup2", "dup3", "flock", "fsync", "fdatasync", "syncfs",
	"sync_file_range", "ftruncate", "fallocate", "fadvise64", "readahead",
	"getdents", "getdents64", "fstat", "fstatfs", "fchmod", "fchown",
	"fchdir", "fgetxattr", "fsetxattr", "flistxattr", "fremovexattr",
	"sendfile", "splice", "tee", "vmsplice", "copy_file_range", "pipe",
	"pipe2", "select", "pselect6", "poll", "ppoll", "epoll_create",
	"epoll_create1", "epoll_ctl", "epoll_wait", "epoll_pwait",
	"epoll_pwait2", "eventfd", "eventfd2", "signalfd", "signalfd4",
	"inotify_init", "inotify_init1", "inotify_rm_watch", "timerfd_create",
	"timerfd_settime", "timerfd_gettime", "cachestat", "mq_timedsend",
	"mq_timedreceive", "mq_notify", "mq_getsetattr",
	/* sockets that already exist */
	"accept", "accept4", "listen", "shutdown", "getsockname",
	"getpeername", "getsockopt", "setsockopt", "recvfrom", "recvmsg",
	"recvmmsg", "socketpair",
	/* signals to ourselves, timers, time */
	"rt_sigaction", "rt_sigprocmask", "rt_sigreturn", "rt_sigpending",
	"rt_sigtimedwait", "rt_sigsuspend", "sigaltstack", "pause", "alarm",
	"getitimer", "setitimer", "timer_create", "timer_settime",
	"timer_gettime", "timer_getoverrun", "timer_delete", "nanosleep",
	"clock_nanosleep", "clock_gettime", "clock_getres", "gettimeofday",
	"time", "pidfd_send_signal",
	/* the process itself */
	"getpid", "getppid", "gettid", "getuid", "geteuid", "getgid",
	"getegid", "getresuid", "getresgid", "getgroups", "getpgrp",
	"setsid", "setuid", "setgid", "setreuid", "setregid", "setresuid",
	"setresgid", "setfsuid", "setfsgid", "setgroups", "capget", "capset",
	"getrlimit", "setrlimit", "getrusage", "times", "umask", "sysinfo",
	"uname", "getcpu", "getrandom", "sched_yield", "futex", "futex_waitv",
	"futex_wake", "futex_wait", "futex_requeue", "set_robust_list",
	"set_tid_address", "rseq", "arch_prctl", "restart_syscall", "exit",
	"exit_group", "wait4", "waitid", "fork", "vfork", "seccomp",
	"landlock_create_ruleset", "landlock_add_rule",
	"landlock_restrict_self",
};

static const struct rule rules[] = {
	/*
	 * Lookups relative to a descriptor; AT_FDCWD (negative) is refused.
	 * Landlock checks what openat opens, except with O_PATH or with the
	 * access mode 3 (neither read nor write, yet fchmod-able): those
	 * would reach outside the held directories through "..".  openat2
	 * hides its flags in memory, out of the filter's sight: ENOSYS, so
	 * that programs fall back to openat.
	 */
	{ "openat", 0, { { FD(0), MASK0(2, O_PATH_),
		MASKNE(2, O_ACCMODE_, O_ACCMODE_) } } },
	{ "openat2", RET_ERRNO(ENOSYS_), { { { C_END, 0, 0, 0 } } } },
	{ "newfstatat", 0, { { FD(0) } } },
	{ "statx", 0, { { FD(0) } } },
	{ "faccessat", 0, { { FD(0) } } },
	{ "faccessat2", 0, { { FD(0) } } },
	{ "readlinkat", 0, { { FD(0) } } },
	{ "mkdirat", 0, { { FD(0) } } },
	/* Only fifos, sockets and files: no device nodes. */
	{ "mknodat", 0, {
		{ FD(0), MASKEQ(2, S_IFMT_, 0010000) },
		{ FD(0), MASKEQ(2, S_IFMT_, 0140000) },
		{ FD(0), MASKEQ(2, S_IFMT_, 0100000) },
		{ FD(0), MASKEQ(2, S_IFMT_, 0) },
	} },
	{ "unlinkat", 0, { { FD(0) } } },
	{ "symlinkat", 0, { { FD(1) } } },
	{ "linkat", 0, { { FD(0), FD(2) } } },
	{ "renameat", 0, { { FD(0), FD(2) } } },
	{ "renameat2", 0, { { FD(0), FD(2) } } },
	/*
	 * fexecve only: the descriptor itself.  Trusting the sealed string's
	 * address is safe even after an exec, when a new image could map its
	 * own string there: any path execveat walks is checked by Landlock
	 * (LANDLOCK_ACCESS_FS_EXECUTE).
	 */
	{ "execveat", 0, { { FD(0), SEALED(1) } } },
	/*
	 * Landlock does not mediate attribute changes, so they take no path
	 * (not even one at a trusted address, which an exec'd image could
	 * forge): fchmod, fchown and futimens on a descriptor that Landlock
	 * let us open.  fchownat and fchmodat2 are not in the table.
	 */
	{ "utimensat", 0, { { FD(0), ISNULL(1) } } },
	/* No new namespaces; clone3 hides its flags in memory. */
	{ "clone", 0, { { MASK0(0, CLONE_NEWNS_ALL) } } },
	{ "clone3", RET_ERRNO(ENOSYS_), { { { C_END, 0, 0, 0 } } } },
	/* No addresses: connected sockets only. */
	{ "sendto", 0, { { ISNULL(4) } } },
	{ "sendmsg", 0, { { MASK0(2, MSG_FASTOPEN_) } } },
	{ "sendmmsg", 0, { { MASK0(3, MSG_FASTOPEN_) } } },
	/* Terminals: no typing into someone else's input. */
	/* SIGIO to another process would be a signal outside. */
	{ "ioctl", 0, { { NE(1, TIOCSTI_), NE(1, TIOCLINUX_),
		NE(1, FIOSETOWN_), NE(1, SIOCSPGRP_) } } },
	{ "fcntl", 0, { { NE(1, F_SETOWN_), NE(1, F_SETOWN_EX_) } } },
	/*
	 * Signals by pid: only to ourselves, as on FreeBSD.  A child forked
	 * in capability mode inherits its parent's pid here; the library
	 * signals such a child's own self with pidfd_send_signal(PIDFD_SELF*).
	 */
	{ "kill", 0, { { SELF(0) } } },
	{ "tgkill", 0, { { SELF(0) } } },
	{ "rt_sigqueueinfo", 0, { { SELF(0) } } },
	{ "rt_tgsigqueueinfo", 0, { { SELF(0) } } },
	/* pid arguments: 0 or our own pid. */
	{ "prlimit64", 0, { { EQ(0, 0) }, { SELF(0) } } },
	{ "getpgid", 0, { { EQ(0, 0) }, { SELF(0) } } },
	{ "getsid", 0, { { EQ(0, 0) }, { SELF(0) } } },
	{ "setpgid", 0, { { EQ(0, 0) }, { SELF(0) } } },
	{ "get_robust_list", 0, { { EQ(0, 0) } } },
	/* PRIO_PROCESS of ourselves only: not our group, not our user. */
	{ "getpriority", 0, { { EQ(0, 0), EQ(1, 0) }, { EQ(0, 0), SELF(1) } } },
	{ "setpriority", 0, { { EQ(0, 0), EQ(1, 0) }, { EQ(0, 0), SELF(1) } } },
	{ "sched_getaffinity", 0, { { EQ(0, 0) }, { SELF(0) } } },
	{ "sched_setaffinity", 0, { { EQ(0, 0) }, { SELF(0) } } },
	{ "sched_getparam", 0, { { EQ(0, 0) }, { SELF(0) } } },
	{ "sched_setparam", 0, { { EQ(0, 0) }, { SELF(0) } } },
	{ "sched_getscheduler", 0, { { EQ(0, 0) }, { SELF(0) } } },
	{ "sched_setscheduler", 0, { { EQ(0, 0) }, { SELF(0) } } },
	{ "sched_getattr", 0, { { EQ(0, 0) }, { SELF(0) } } },
	{ "sched_setattr", 0, { { EQ(0, 0) }, { SELF(0) } } },
	{ "sched_rr_get_interval", 0, { { EQ(0, 0) }, { SELF(0) } } },
	{ "sched_get_priority_max", 0, { ALLOW } },
	{ "sched_get_priority_min", 0, { ALLOW } },
	/* personality: query only. */
	{ "personality", 0, { { EQ(0, 0xffffffffu) } } },
	/* prctl: the options that only affect this process. */
	{ "prctl", 0, {
		{ EQ(0, 15) }, { EQ(0, 16) },	/* PR_SET_NAME, PR_GET_NAME */
		{ EQ(0, 38) }, { EQ(0, 39) },	/* PR_{SET,GET}_NO_NEW_PRIVS */
		{ EQ(0, 21) }, { EQ(0, 22) },	/* PR_{GET,SET}_SECCOMP */
		{ EQ(0, 1) }, { EQ(0, 2) },	/* PR_{SET,GET}_PDEATHSIG */
		{ EQ(0, 3) }, { EQ(0, 4) },	/* PR_{GET,SET}_DUMPABLE */
		{ EQ(0, 23) }, { EQ(0, 0x53564d41) },	/* CAPBSET_READ, SET_VMA */
	} },
};
/* clang-format on */

#define MAXINSN	4096
/*
 * The program is assembled with symbolic jump targets (labels); layout()
 * then gives every conditional jump the 8-bit offset it needs, and adds a
 * trampoline (an unconditional jump) only where a target is too far.
 */
struct insn {
	uint16_t	code;
	uint32_t	k;
	int		jt, jf;		/* labels of a conditional jump; -1: next */
	int		target;		/* label of a JA */
	int		ph;		/* placeholder kind */
	bool		tt, tf;		/* branch goes through a trampoline */
};

static struct insn prog[MAXINSN];
static int nprog;
static int labels[MAXINSN];
static int nlabels;
static int pos[MAXINSN + 1];

static int
emit(uint16_t code, uint32_t k)
{
	if (nprog >= MAXINSN) {
		fprintf(stderr, "gen_seccomp: program too long\n");
		exit(1);
	}
	prog[nprog] = (struct insn){ code, k, -1, -1, -1, PH_NONE, false,
		false };
	return (nprog++);
}

static int
new_label(void)
{
	labels[nlabels] = -1;
	return (nlabels++);
}

static void
place(int label)
{
	labels[label] = nprog;
}

/* Jump to label when (A op k) holds; fall through otherwise. */
static void
jump_if(uint16_t op, uint32_t k, int ph, int label)
{
	int i = emit(op, k);

	prog[i].ph = ph;
	prog[i].jt = label;
}

/* Jump to label when (A op k) does not hold. */
static void
jump_unless(uint16_t op, uint32_t k, int ph, int label)
{
	int i = emit(op, k);

	prog[i].ph = ph;
	prog[i].jf = label;
}

static bool
is_cond(const struct insn *in)
{
	return ((in->code & 0x07) == 0x05 && in->code != JMP_JA);
}

/* Position of a branch target: a label, or the next instruction. */
static int
target_pos(int i, int label)
{
	return (label < 0 ? pos[i + 1] : pos[labels[label]]);
}

static void
layout(void)
{
	bool changed = true;

	while (changed) {
		changed = false;
		pos[0] = 0;
		for (int i = 0; i < nprog; i++)
			pos[i + 1] = pos[i] + 1 + prog[i].tt + prog[i].tf;
		for (int i = 0; i < nprog; i++) {
			struct insn *in = &prog[i];

			if (!is_cond(in))
				continue;
			if (!in->tt && target_pos(i, in->jt) - pos[i] - 1 > 255)
				in->tt = changed = true;
			if (!in->tf && target_pos(i, in->jf) - pos[i] - 1 > 255)
				in->tf = changed = true;
		}
	}
}

struct out {
	uint16_t	code;
	uint8_t		jt, jf;
	uint32_t	k;
	int		ph;
};
static struct out outp[MAXINSN];
static int nout;

static void
resolve_jumps(void)
{
	layout();
	nout = 0;
	for (int i = 0; i < nprog; i++) {
		struct insn *in = &prog[i];
		int p = pos[i], t, f;

		if (in->code == JMP_JA) {
			outp[nout++] = (struct out){ JMP_JA, 0, 0,
				(uint32_t)(pos[labels[in->target]] - p - 1), PH_NONE };
			continue;
		}
		if (!is_cond(in)) {
			outp[nout++] = (struct out){ in->code, 0, 0, in->k, in->ph };
			continue;
		}
		t = target_pos(i, in->jt);
		f = target_pos(i, in->jf);
		outp[nout++] = (struct out){ in->code,
			(uint8_t)(in->tt ? 0 : t - p - 1),
			(uint8_t)(in->tf ? in->tt : f - p - 1), in->k, in->ph };
		if (in->tt)
			outp[nout++] = (struct out){ JMP_JA, 0, 0,
				(uint32_t)(t - (p + 1) - 1), PH_NONE };
		if (in->tf)
			outp[nout++] = (struct out){ JMP_JA, 0, 0,
				(uint32_t)(f - (p + 1 + in->tt) - 1), PH_NONE };
	}
}

static void
emit_cond(const struct cond *c, int fail)
{
	switch (c->op) {
	case C_FD:
		emit(LD_W_ABS, ARG_LO(c->arg));
		jump_if(JMP_JGE_K, 0x80000000u, PH_NONE, fail);
		break;
	case C_EQ:
		emit(LD_W_ABS, ARG_LO(c->arg));
		jump_unless(JMP_JEQ_K, c->val, PH_NONE, fail);
		break;
	case C_NE:
		emit(LD_W_ABS, ARG_LO(c->arg));
		jump_if(JMP_JEQ_K, c->val, PH_NONE, fail);
		break;
	case C_MASK0:
		emit(LD_W_ABS, ARG_LO(c->arg));
		jump_if(JMP_JSET_K, c->val, PH_NONE, fail);
		break;
	case C_NULL:
		emit(LD_W_ABS, ARG_LO(c->arg));
		jump_unless(JMP_JEQ_K, 0, PH_NONE, fail);
		emit(LD_W_ABS, ARG_HI(c->arg));
		jump_unless(JMP_JEQ_K, 0, PH_NONE, fail);
		break;
	case C_SEALED:
		emit(LD_W_ABS, ARG_LO(c->arg));
		jump_unless(JMP_JEQ_K, 0, PH_PTR_LO, fail);
		emit(LD_W_ABS, ARG_HI(c->arg));
		jump_unless(JMP_JEQ_K, 0, PH_PTR_HI, fail);
		break;
	case C_SELF:
		emit(LD_W_ABS, ARG_LO(c->arg));
		jump_unless(JMP_JEQ_K, 0, PH_PID, fail);
		break;
	case C_MASKEQ:
		emit(LD_W_ABS, ARG_LO(c->arg));
		emit(ALU_AND_K, c->mask);
		jump_unless(JMP_JEQ_K, c->val, PH_NONE, fail);
		break;
	case C_MASKNE:
		emit(LD_W_ABS, ARG_LO(c->arg));
		emit(ALU_AND_K, c->mask);
		jump_if(JMP_JEQ_K, c->val, PH_NONE, fail);
		break;
	case C_END:
		break;
	}
}

static void
emit_rule_body(const struct rule *r)
{
	if (r->action != 0) {
		emit(RET_K, r->action);
		return;
	}
	for (int a = 0; a < MAXALT; a++) {
		const struct cond *alt = r->alt[a];
		int fail;

		if (a > 0 && alt[0].op == C_END)
			break;
		fail = new_label();
		for (int c = 0; c < MAXCOND && alt[c].op != C_END; c++)
			emit_cond(&alt[c], fail);
		emit(RET_K, RET_ALLOW);
		place(fail);
	}
	emit(RET_K, RET_ERRNO(ECAPMODE));
}

struct entry {
	int		nr;
	const struct rule *rule;	/* NULL: allowed unconditionally */
	int		label;
};

static int
by_nr(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	return ((x->nr > y->nr) - (x->nr < y->nr));
}

/*
 * Binary search over the sorted numbers.  Each leaf holds up to four
 * syscalls followed by their bodies, so every jump stays short.
 */
static void
emit_tree(const struct entry *e, int n)
{
	if (n <= 4) {
		int allow = -1, body[4];

		for (int i = 0; i < n; i++) {
			if (e[i].rule == NULL) {
				if (allow < 0)
					allow = new_label();
				body[i] = allow;
			} else {
				body[i] = new_label();
			}
			jump_if(JMP_JEQ_K, (uint32_t)e[i].nr, PH_NONE, body[i]);
		}
		emit(RET_K, RET_ERRNO(ECAPMODE));
		if (allow >= 0) {
			place(allow);
			emit(RET_K, RET_ALLOW);
		}
		for (int i = 0; i < n; i++)
			if (e[i].rule != NULL) {
				place(body[i]);
				emit_rule_body(e[i].rule);
			}
		return;
	}
	int mid = n / 2;
	int right = new_label();

	/* A holds the syscall number throughout the tree. */
	jump_if(JMP_JGE_K, (uint32_t)e[mid].nr, PH_NONE, right);
	emit_tree(e, mid);
	place(right);
	emit_tree(e + mid, n - mid);
}

static int
build(uint32_t arch, uint32_t audit_arch, int x32_check)
{
	struct entry e[512];
	int n = 0, deny;

	nprog = nlabels = 0;
	for (size_t i = 0; i < sizeof(allow_plain) / sizeof(*allow_plain); i++) {
		int nr = seccomp_syscall_resolve_name_arch(arch, allow_plain[i]);

		if (nr >= 0)
			e[n++] = (struct entry){ nr, NULL, -1 };
	}
	for (size_t i = 0; i < sizeof(rules) / sizeof(*rules); i++) {
		int nr = seccomp_syscall_resolve_name_arch(arch, rules[i].name);

		if (nr >= 0)
			e[n++] = (struct entry){ nr, &rules[i], -1 };
	}
	qsort(e, (size_t)n, sizeof(*e), by_nr);
	for (int i = 1; i < n; i++)
		if (e[i].nr == e[i - 1].nr) {
			fprintf(stderr, "gen_seccomp: syscall %d twice\n", e[i].nr);
			exit(1);
		}

	deny = new_label();
	emit(LD_W_ABS, 4);				/* arch */
	jump_unless(JMP_JEQ_K, audit_arch, PH_NONE, deny);
	emit(LD_W_ABS, 0);				/* nr */
	if (x32_check)
		jump_if(JMP_JGE_K, 0x40000000u, PH_NONE, deny);
	emit_tree(e, n);
	place(deny);
	emit(RET_K, RET_ERRNO(ECAPMODE));
	resolve_jumps();
	return (n);
}

static void
print_program(const char *name)
{
	printf("static const struct cm_sock_filter %s[%d] = {\n", name, nout);
	for (int i = 0; i < nout; i++)
		printf("\t{ 0x%02x, %u, %u, 0x%08x },\n", outp[i].code,
		    outp[i].jt, outp[i].jf, outp[i].k);
	printf("};\n");
	for (int ph = PH_PID; ph <= PH_PTR_HI; ph++) {
		static const char *const phname[] = { "", "pid", "ptr_lo",
			"ptr_hi" };
		int count = 0;

		for (int i = 0; i < nout; i++)
			count += outp[i].ph == ph;
		printf("static const unsigned short %s_%s[%d] = {", name,
		    phname[ph], count > 0 ? count : 1);
		for (int i = 0, first = 1; i < nout; i++)
			if (outp[i].ph == ph) {
				printf("%s%d", first ? " " : ", ", i);
				first = 0;
			}
		printf(" };\n#define %s_%s_count %d\n", name, phname[ph], count);
	}
}

int
main(void)
{
	int n;

	printf("/* Generated by tools/gen_seccomp.c: do not edit. */\n");
	printf("#if defined(__x86_64__)\n");
	n = build(SCMP_ARCH_X86_64, 0xc000003eu, 1);
	printf("/* x86_64: %d syscalls allowed (some with argument tests) */\n", n);
	print_program("cm_filter");
	printf("#elif defined(__aarch64__)\n");
	n = build(SCMP_ARCH_AARCH64, 0xc00000b7u, 0);
	printf("/* aarch64: %d syscalls allowed (some with argument tests) */\n", n);
	print_program("cm_filter");
	printf("#endif\n");
	return (0);
}
