/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-only */
/*
 * capbpf.bpf.c - Capsicum rights of open file descriptions, kept by eBPF LSM
 *
 * One hash map, keyed by the address of a struct file, holds the rights of
 * every narrowed open file description; a description without an entry
 * holds every right.  Because the key is the description, the rights
 * travel with it through dup(2), fork(2), execve(2) and SCM_RIGHTS, and
 * every hook that sees the file checks them, whoever makes the call.
 *
 * Narrowing: the reserved ioctl CAPBPF_IOC_LIMIT on a descriptor the caller
 * holds.  It only ever removes rights (a request that is not a subset of
 * the current rights changes nothing and fails with ENOTCAPABLE), and only
 * for a description that this one descriptor alone refers to (EBUSY
 * otherwise), so a process cannot narrow, let alone widen, what another
 * process or another of its descriptors holds.  Once narrowed, the
 * description and its rights may be shared: dup, fork, SCM_RIGHTS.
 *
 * lseek(2) has no LSM hook, so CAP_SEEK is not checked here.
 */
#include "vmlinux.h"
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#include "capbpf.h"

char LICENSE[] SEC("license") = "Dual BSD/GPL";

#define EFAULT		14
#define EBUSY		16
#define EINVAL		22
#define ENOSPC		28
#define ENOMEM		12
#define EEXIST		17
#define EAGAIN		11
#define ENFILE		23
#define READ_ONCE(x)	(*(const volatile __typeof__(x) *)&(x))

#define MAY_WRITE	0x2
#define MAY_READ	0x4
#define MAY_APPEND	0x8

#define PROT_READ	0x1
#define PROT_WRITE	0x2
#define PROT_EXEC	0x4
#define MAP_TYPE	0x0f
#define MAP_SHARED	0x01
#define MAP_SHARED_VALIDATE 0x03
#define VM_SHARED	0x08

#define F_GETLK		5
#define F_SETLK		6
#define F_SETLKW	7
#define F_GETFL		3
#define F_SETFL		4
#define F_SETOWN	8
#define F_GETOWN	9
#define F_SETOWN_EX	15
#define F_GETOWN_EX	16
#define F_OFD_GETLK	36
#define F_OFD_SETLK	37
#define F_OFD_SETLKW	38
#define FIONCLEX	0x5450
#define FIOCLEX		0x5451

#define AT_FDCWD	(-100)
#define AT_EMPTY_PATH	0x1000
#define O_ACCMODE	0x3
#define O_RDONLY	0x0
#define O_WRONLY	0x1
#define O_CREAT		0x40
#define O_TRUNC		0x200
#define S_IFMT		0170000
#define S_IFIFO		0010000

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, CAPBPF_MAX_FILES);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, __u64);
	__type(value, struct capbpf_rights);
} rights SEC(".maps");

/*
 * Entries in the map, raised before an insertion and lowered after a
 * deletion: while it is 0 no description is narrowed, and the hooks return
 * at once without a lookup.
 */
__u64 tracked = 0;

/*
 * A counting filter in front of the map: the slot of a file (from its
 * inode number) counts the entries of files in that slot, raised before an
 * insertion and lowered after a deletion, so a zero proves there is no
 * entry and spares the hash lookup.  Only hooks that hold a typed struct
 * file use it; the others look the map up directly.
 */
#define FILTER_SLOTS	65536
__u32 filter[FILTER_SLOTS] = {};

static __always_inline __u32
slot_of(struct file *file)
{
	__u64 ino = file->f_inode->i_ino;

	return ((__u32)(ino ^ (ino >> 16)) & (FILTER_SLOTS - 1));
}

/*
 * struct file counted references in f_count before Linux 6.13, in f_ref
 * (file_ref_t) since: both spelled here, so that the programs build
 * against either kind of vmlinux.h and run on either kind of kernel.
 */
struct file___fcount {
	atomic_long_t	f_count;
} __attribute__((preserve_access_index));

struct file_ref___local {
	atomic_long_t	refcnt;
} __attribute__((preserve_access_index));

struct file___fref {
	struct file_ref___local	f_ref;
} __attribute__((preserve_access_index));

/* The entry of a description, by its address alone. */
static __always_inline struct capbpf_rights *
entry_of(const void *file)
{
	__u64 key = (__u64)file;

	if (READ_ONCE(tracked) == 0)
		return (NULL);
	return (bpf_map_lookup_elem(&rights, &key));
}

/* The same for a file the hook was handed: the filter first. */
static __always_inline struct capbpf_rights *
entry_of_file(struct file *file)
{
	__u64 key = (__u64)file;

	if (file == NULL || READ_ONCE(tracked) == 0 ||
	    READ_ONCE(filter[slot_of(file)]) == 0)
		return (NULL);
	return (bpf_map_lookup_elem(&rights, &key));
}

/* Insert a new entry for file; 0, -EEXIST, or another error. */
static __always_inline long
insert(struct file *file, const struct capbpf_rights *val)
{
	__u64 key = (__u64)file;
	__u32 i = slot_of(file);
	long err;

	__sync_fetch_and_add(&filter[i], 1);
	__sync_fetch_and_add(&tracked, 1);
	err = bpf_map_update_elem(&rights, &key, val, BPF_NOEXIST);
	if (err != 0) {
		__sync_fetch_and_add(&tracked, -1);
		__sync_fetch_and_add(&filter[i], -1);
	}
	return (err);
}

static __always_inline int
allows(const struct capbpf_rights *v, __u64 r0, __u64 r1)
{
	if (v == NULL)
		return (0);
	if ((v->rights[0] & r0) != r0 || (v->rights[1] & r1) != r1)
		return (-CAPBPF_ENOTCAPABLE);
	return (0);
}

/* Does the description hold r0/r1?  0 or -ENOTCAPABLE. */
static __always_inline int
check(const void *file, __u64 r0, __u64 r1)
{
	return (file == NULL ? 0 : allows(entry_of(file), r0, r1));
}

static __always_inline int
check_file(struct file *file, __u64 r0, __u64 r1)
{
	return (allows(entry_of_file(file), r0, r1));
}

/*
 * Copy the rights of `from` to the new description `to` (accept, openat).
 * 0, or an error when the map is full: the caller then refuses the new
 * description rather than let it hold every right.
 */
static __always_inline int
inherit(struct capbpf_rights *from, struct file *to)
{
	struct capbpf_rights copy = {};
	__u64 key = (__u64)to;
	long err;
	int i;

	bpf_spin_lock(&from->lock);
	copy.rights[0] = from->rights[0];
	copy.rights[1] = from->rights[1];
	copy.fcntls = from->fcntls;
	copy.nioctls = from->nioctls;
	for (i = 0; i < CAPBPF_MAX_IOCTLS; i++)
		copy.ioctls[i] = from->ioctls[i];
	bpf_spin_unlock(&from->lock);
	err = insert(to, &copy);
	if (err == -EEXIST)
		err = bpf_map_update_elem(&rights, &key, &copy, BPF_EXIST);
	return (err == 0 ? 0 : -ENFILE);
}

/* The file open as descriptor fd in the calling process, or NULL. */
static __always_inline struct file *
fd_file(long fd)
{
	struct task_struct *t = bpf_get_current_task_btf();
	struct fdtable *fdt = t->files->fdt;
	struct file **fda;
	struct file *f = NULL;

	if (fd < 0 || fd >= fdt->max_fds)
		return (NULL);
	fda = fdt->fd;
	if (bpf_probe_read_kernel(&f, sizeof(f), &fda[fd]) != 0)
		return (NULL);
	return (f);
}

/*
 * The directory a *at call looks `name` up beneath: dfd's file when the
 * name is relative and not empty; NULL for AT_FDCWD or an absolute name.
 */
static __always_inline struct file *
at_dir(__u64 dfd, __u64 name)
{
	char c = '/';

	if ((int)dfd == AT_FDCWD ||
	    bpf_probe_read_user(&c, 1, (const void *)name) != 0 ||
	    c == '/' || c == 0)
		return (NULL);
	return (fd_file((int)dfd));
}

/*
 * The system call being made and its first arguments (x86-64), so that a
 * hook that only sees a path can tell it was named by a descriptor.
 */
struct sc {
	long	nr;
	__u64	a[5];
};

static __always_inline bool
syscall_of(struct sc *s)
{
#if defined(__TARGET_ARCH_x86)
	struct pt_regs *regs;

	regs = (struct pt_regs *)bpf_task_pt_regs(bpf_get_current_task_btf());
	if (regs == NULL)
		return (false);
	s->nr = regs->orig_ax;
	s->a[0] = regs->di;
	s->a[1] = regs->si;
	s->a[2] = regs->dx;
	s->a[3] = regs->r10;
	s->a[4] = regs->r8;
	return (true);
#else
	return (false);
#endif
}

#define NR_openat	257
#define NR_fchownat	260
#define NR_newfstatat	262
#define NR_statx	332
#define NR_openat2	437
#define NR_execveat	322
#define NR_mkdirat	258
#define NR_mknodat	259
#define NR_unlinkat	263
#define NR_renameat	264
#define NR_linkat	265
#define NR_symlinkat	266
#define NR_renameat2	316

/* Check `need` on the directory of the *at arguments d (dirfd), n (name). */
static __always_inline int
at_check(const struct sc *s, int d, int n, __u64 need)
{
	return (check(at_dir(s->a[d], s->a[n]), need, 0));
}

/*
 * The open file description a path hook is about: the path is the file's
 * own f_path (fstat, fchmod, fchown, ftruncate), or the call named a
 * descriptor with an empty path and AT_EMPTY_PATH (fstatat, statx,
 * fchownat).  NULL when the path was looked up by name.
 */
static __always_inline const void *
file_of_path(const struct path *path)
{
	const void *f = (const char *)path -
	    bpf_core_field_offset(struct file, f_path);
	struct file *df;
	struct sc s;
	__u64 flags, name;
	char c = 1;

	if (READ_ONCE(tracked) == 0)
		return (NULL);
	if (entry_of(f) != NULL)
		return (f);
	if (!syscall_of(&s))
		return (NULL);
	if (s.nr == NR_newfstatat)
		flags = s.a[3];
	else if (s.nr == NR_statx)
		flags = s.a[2];
	else if (s.nr == NR_fchownat)
		flags = s.a[4];
	else
		return (NULL);
	name = s.a[1];
	if ((flags & AT_EMPTY_PATH) == 0 ||
	    bpf_probe_read_user(&c, 1, (const void *)name) != 0 || c != 0)
		return (NULL);
	df = fd_file((int)s.a[0]);
	if (df == NULL || BPF_CORE_READ(df, f_path.dentry) != path->dentry ||
	    BPF_CORE_READ(df, f_path.mnt) != path->mnt)
		return (NULL);
	return (df);
}

static __always_inline __u64
mmap_need(unsigned long prot, bool shared)
{
	__u64 need = CAPBPF_MMAP;

	if (prot & PROT_READ)
		need |= CAPBPF_READ | CAPBPF_SEEK;
	if ((prot & PROT_WRITE) && shared)
		need |= CAPBPF_WRITE | CAPBPF_SEEK;
	if (prot & PROT_EXEC)
		need |= CAPBPF_MMAP_X | CAPBPF_SEEK;
	return (need);
}

/* --- narrowing ------------------------------------------------------ */

/*
 * True when the only reference to file is one descriptor of the calling
 * process (plus the one the ioctl itself holds when the table is shared
 * between threads): nobody else's descriptor is narrowed, and neither is
 * another descriptor of the caller (Capsicum's rights belong to one
 * descriptor; dup(2) copies them, which sharing the description gives).
 * Every descriptor, mapping, in-flight SCM_RIGHTS message and other
 * process holding the file counts a reference, so the count alone tells,
 * with no scan of the table (whose cost would grow with each descriptor).
 * A thread leaving or arriving while we look only makes us refuse.
 */
static __always_inline bool
held_only_by_caller(struct file *file)
{
	struct task_struct *t = bpf_get_current_task_btf();
	long refs, shared;

	if (bpf_core_field_exists(struct file___fcount, f_count))
		refs = ((struct file___fcount *)file)->f_count.counter;
	else
		/* file_ref_t counts from 0 for one reference. */
		refs = ((struct file___fref *)file)->f_ref.refcnt.counter + 1;
	shared = t->files->count.counter > 1 ? 1 : 0;
	return (refs == 1 + shared);
}

static __always_inline bool
valid_request(const struct capbpf_limit *req)
{
	if (req->version != CAPBPF_VERSION || req->what == 0 ||
	    (req->what & ~(CAPBPF_L_RIGHTS | CAPBPF_L_FCNTLS |
	    CAPBPF_L_IOCTLS)) != 0)
		return (false);
	if ((req->what & CAPBPF_L_RIGHTS) != 0 &&
	    ((req->rights[0] & ~CAPBPF_ALL0) != 0 ||
	    (req->rights[1] & ~CAPBPF_ALL1) != 0 ||
	    (req->rights[0] & CAPBPF_RIGHT(0, 0)) == 0 ||
	    (req->rights[1] & CAPBPF_RIGHT(1, 0)) == 0))
		return (false);
	if ((req->what & CAPBPF_L_FCNTLS) != 0 &&
	    (req->fcntls & ~CAPBPF_FCNTL_ALL) != 0)
		return (false);
	if ((req->what & CAPBPF_L_IOCTLS) != 0 &&
	    (req->nioctls < -1 || req->nioctls > CAPBPF_MAX_IOCTLS))
		return (false);
	return (true);
}

struct subset_ctx {
	const struct capbpf_limit	*req;
	const struct capbpf_rights	*v;
	__u32				missing;
};

/* Is command i of the request in the current list?  (bpf_loop body) */
static long
subset_one(__u32 i, void *arg)
{
	struct subset_ctx *c = arg;
	__s32 vn = c->v->nioctls;
	__u32 x;
	int j;

	if (i >= CAPBPF_MAX_IOCTLS)
		return (1);
	x = c->req->ioctls[i];
	for (j = 0; j < CAPBPF_MAX_IOCTLS && j < vn; j++)
		if (c->v->ioctls[j] == x)
			return (0);
	c->missing = 1;
	return (1);
}

static __always_inline int
narrow(struct file *file, unsigned long arg)
{
	struct capbpf_limit req;
	struct capbpf_rights *v;
	__u64 key = (__u64)file;
	__u32 gen;
	int err = 0, i;

	if (bpf_probe_read_user(&req, sizeof(req), (const void *)arg) != 0)
		return (-EFAULT);
	if (!valid_request(&req))
		return (-EINVAL);
	v = bpf_map_lookup_elem(&rights, &key);
	/* Widening is refused as such, whoever holds the description. */
	if (v != NULL && (req.what & CAPBPF_L_RIGHTS) != 0 &&
	    ((req.rights[0] & ~READ_ONCE(v->rights[0])) != 0 ||
	    (req.rights[1] & ~READ_ONCE(v->rights[1])) != 0))
		return (-CAPBPF_ENOTCAPABLE);
	if (!held_only_by_caller(file))
		return (-EBUSY);
	if (v == NULL) {
		struct capbpf_rights all = {
			.rights = { CAPBPF_ALL0, CAPBPF_ALL1 },
			.fcntls = CAPBPF_FCNTL_ALL,
			.nioctls = -1,
		};

		err = insert(file, &all);
		if (err != 0 && err != -EEXIST)
			return (-ENOSPC);
		v = bpf_map_lookup_elem(&rights, &key);
		if (v == NULL)
			return (-ENOSPC);
		err = 0;
	}
	/*
	 * The command list is compared outside the lock (a loop may not run
	 * under it); a change in between shows as a new generation: EAGAIN.
	 */
	gen = READ_ONCE(v->gen);
	if ((req.what & CAPBPF_L_IOCTLS) != 0 && READ_ONCE(v->nioctls) >= 0) {
		struct subset_ctx sc = { .req = &req, .v = v };

		if (req.nioctls < 0 || req.nioctls > READ_ONCE(v->nioctls))
			return (-CAPBPF_ENOTCAPABLE);
		if (req.nioctls > 0)
			bpf_loop(req.nioctls, subset_one, &sc, 0);
		if (sc.missing)
			return (-CAPBPF_ENOTCAPABLE);
	}
	bpf_spin_lock(&v->lock);
	if ((req.what & CAPBPF_L_RIGHTS) != 0 &&
	    ((req.rights[0] & ~v->rights[0]) != 0 ||
	    (req.rights[1] & ~v->rights[1]) != 0))
		err = CAPBPF_ENOTCAPABLE;
	if ((req.what & CAPBPF_L_FCNTLS) != 0 &&
	    (req.fcntls & ~v->fcntls) != 0)
		err = CAPBPF_ENOTCAPABLE;
	if ((req.what & CAPBPF_L_IOCTLS) != 0 && v->gen != gen)
		err = EAGAIN;
	if (err == 0) {
		if ((req.what & CAPBPF_L_RIGHTS) != 0) {
			v->rights[0] = req.rights[0];
			v->rights[1] = req.rights[1];
		}
		if ((req.what & CAPBPF_L_FCNTLS) != 0)
			v->fcntls = req.fcntls;
		if ((req.what & CAPBPF_L_IOCTLS) != 0) {
			/* Entries first: a reader never sees a wider list. */
			for (i = 0; i < CAPBPF_MAX_IOCTLS; i++)
				v->ioctls[i] = req.ioctls[i];
			v->nioctls = req.nioctls;
			v->gen = gen + 1;
		}
	}
	bpf_spin_unlock(&v->lock);
	return (err != 0 ? -err : -CAPBPF_ACK);
}

/* --- file hooks ----------------------------------------------------- */

SEC("lsm/file_permission")
int BPF_PROG(capbpf_file_permission, struct file *file, int mask, int ret)
{
	__u64 need = 0;

	if (ret != 0)
		return (ret);
	if (mask & MAY_READ)
		need |= CAPBPF_READ;
	if (mask & (MAY_WRITE | MAY_APPEND))
		need |= CAPBPF_WRITE;
	if (need == 0)
		return (0);
	return (check_file(file, need, 0));
}

SEC("lsm/mmap_file")
int BPF_PROG(capbpf_mmap_file, struct file *file, unsigned long reqprot,
    unsigned long prot, unsigned long flags, int ret)
{
	unsigned long type = flags & MAP_TYPE;

	if (ret != 0 || file == NULL)
		return (ret);
	return (check_file(file, mmap_need(reqprot,
	    type == MAP_SHARED || type == MAP_SHARED_VALIDATE), 0));
}

SEC("lsm/file_mprotect")
int BPF_PROG(capbpf_file_mprotect, struct vm_area_struct *vma,
    unsigned long reqprot, unsigned long prot, int ret)
{
	struct file *file = vma->vm_file;

	if (ret != 0 || file == NULL)
		return (ret);
	return (check_file(file, mmap_need(reqprot,
	    (vma->vm_flags & VM_SHARED) != 0), 0));
}

SEC("lsm/file_ioctl")
int BPF_PROG(capbpf_file_ioctl, struct file *file, unsigned int cmd,
    unsigned long arg, int ret)
{
	struct capbpf_rights *v;
	__s32 n;
	int i;

	if (cmd == CAPBPF_IOC_PROBE)
		return (-CAPBPF_ACK);
	if (cmd == CAPBPF_IOC_LIMIT)
		return (narrow(file, arg));
	if (ret != 0)
		return (ret);
	if (cmd == FIOCLEX || cmd == FIONCLEX)
		return (0);	/* descriptor flags, not the file */
	v = entry_of_file(file);
	if (v == NULL)
		return (0);
	if ((v->rights[1] & CAPBPF_IOCTL) != CAPBPF_IOCTL)
		return (-CAPBPF_ENOTCAPABLE);
	n = v->nioctls;
	if (n < 0)
		return (0);
	for (i = 0; i < CAPBPF_MAX_IOCTLS; i++) {
		if (i >= n)
			break;
		if (v->ioctls[i] == cmd)
			return (0);
	}
	return (-CAPBPF_ENOTCAPABLE);
}

SEC("lsm/file_fcntl")
int BPF_PROG(capbpf_file_fcntl, struct file *file, unsigned int cmd,
    unsigned long arg, int ret)
{
	struct capbpf_rights *v;
	__u32 sub;

	if (ret != 0)
		return (ret);
	switch (cmd) {
	case F_GETLK:
	case F_SETLK:
	case F_SETLKW:
	case F_OFD_GETLK:
	case F_OFD_SETLK:
	case F_OFD_SETLKW:
		return (check_file(file, CAPBPF_FLOCK, 0));
	case F_GETFL:
		sub = CAPBPF_FCNTL_GETFL;
		break;
	case F_SETFL:
		sub = CAPBPF_FCNTL_SETFL;
		break;
	case F_GETOWN:
	case F_GETOWN_EX:
		sub = CAPBPF_FCNTL_GETOWN;
		break;
	case F_SETOWN:
	case F_SETOWN_EX:
		sub = CAPBPF_FCNTL_SETOWN;
		break;
	default:
		return (0);
	}
	v = entry_of_file(file);
	if (v == NULL)
		return (0);
	if ((v->rights[0] & CAPBPF_FCNTL) != CAPBPF_FCNTL ||
	    (v->fcntls & sub) == 0)
		return (-CAPBPF_ENOTCAPABLE);
	return (0);
}

SEC("lsm/file_lock")
int BPF_PROG(capbpf_file_lock, struct file *file, unsigned int cmd, int ret)
{
	if (ret != 0)
		return (ret);
	return (check_file(file, CAPBPF_FLOCK, 0));
}

SEC("lsm/path_truncate")
int BPF_PROG(capbpf_path_truncate, const struct path *path, int ret)
{
	if (ret != 0)
		return (ret);
	return (check(file_of_path(path), CAPBPF_FTRUNCATE, 0));
}

SEC("lsm/path_chmod")
int BPF_PROG(capbpf_path_chmod, const struct path *path, umode_t mode,
    int ret)
{
	if (ret != 0)
		return (ret);
	return (check(file_of_path(path), CAPBPF_FCHMOD, 0));
}

/* kuid_t and kgid_t are one-word structures, passed as words. */
SEC("lsm/path_chown")
int BPF_PROG(capbpf_path_chown, const struct path *path, unsigned int uid,
    unsigned int gid, int ret)
{
	if (ret != 0)
		return (ret);
	return (check(file_of_path(path), CAPBPF_FCHOWN, 0));
}

SEC("lsm/inode_getattr")
int BPF_PROG(capbpf_inode_getattr, const struct path *path, int ret)
{
	const void *f;
	struct sc s;

	if (ret != 0)
		return (ret);
	if ((f = file_of_path(path)) != NULL)
		return (check(f, CAPBPF_FSTAT, 0));
	/* fstatat(dir, "name"), statx(dir, "name"): CAP_FSTATAT. */
	if (READ_ONCE(tracked) == 0 || !syscall_of(&s) ||
	    (s.nr != NR_newfstatat && s.nr != NR_statx))
		return (0);
	return (at_check(&s, 0, 1, CAPBPF_FSTAT | CAPBPF_LOOKUP));
}

/*
 * openat(2) beneath a narrowed directory: the directory must hold
 * CAP_LOOKUP, and CAP_CREATE or CAP_FTRUNCATE when the open creates or
 * truncates; the new description inherits the directory's rights, as on
 * FreeBSD.  CAP_READ and CAP_WRITE are not asked for at the open: what is
 * opened inherits their absence, so read(2) and write(2) on it are refused
 * (a directory walked to reach a file, as libcap_mode's lookups do, needs
 * no CAP_READ).  O_PATH opens have no hook.
 */
SEC("lsm/file_open")
int BPF_PROG(capbpf_file_open, struct file *file, int ret)
{
	struct capbpf_rights *v;
	struct file *dir;
	struct sc s;
	__u64 flags = 0, need;

	if (ret != 0 || READ_ONCE(tracked) == 0)
		return (ret);
	if (!syscall_of(&s))
		return (0);
	if (s.nr == NR_openat)
		flags = s.a[2];
	else if (s.nr == NR_openat2) {
		if (bpf_probe_read_user(&flags, sizeof(flags),
		    (const void *)s.a[2]) != 0)
			return (0);
	} else
		return (0);
	dir = at_dir(s.a[0], s.a[1]);
	if (dir == NULL || (v = entry_of(dir)) == NULL)
		return (0);
	need = CAPBPF_LOOKUP;
	if (flags & O_CREAT)
		need |= CAPBPF_CREATE;
	if (flags & O_TRUNC)
		need |= CAPBPF_FTRUNCATE;
	if ((v->rights[0] & need) != need)
		return (-CAPBPF_ENOTCAPABLE);
	return (inherit(v, file));
}

/* Directory operations beneath a narrowed directory (the *at calls). */

#define AT_HOOK_START							\
	struct sc s;							\
									\
	if (ret != 0 || READ_ONCE(tracked) == 0)			\
		return (ret);						\
	if (!syscall_of(&s))						\
		return (0)

SEC("lsm/path_mkdir")
int BPF_PROG(capbpf_path_mkdir, const struct path *dir, struct dentry *d,
    umode_t mode, int ret)
{
	AT_HOOK_START;
	return (s.nr == NR_mkdirat ? at_check(&s, 0, 1, CAPBPF_MKDIRAT) : 0);
}

SEC("lsm/path_mknod")
int BPF_PROG(capbpf_path_mknod, const struct path *dir, struct dentry *d,
    umode_t mode, unsigned int dev, int ret)
{
	AT_HOOK_START;
	if (s.nr != NR_mknodat)
		return (0);
	return (at_check(&s, 0, 1, (mode & S_IFMT) == S_IFIFO ?
	    CAPBPF_MKFIFOAT : CAPBPF_MKNODAT));
}

SEC("lsm/path_unlink")
int BPF_PROG(capbpf_path_unlink, const struct path *dir, struct dentry *d,
    int ret)
{
	AT_HOOK_START;
	return (s.nr == NR_unlinkat ? at_check(&s, 0, 1, CAPBPF_UNLINKAT) : 0);
}

SEC("lsm/path_rmdir")
int BPF_PROG(capbpf_path_rmdir, const struct path *dir, struct dentry *d,
    int ret)
{
	AT_HOOK_START;
	return (s.nr == NR_unlinkat ? at_check(&s, 0, 1, CAPBPF_UNLINKAT) : 0);
}

SEC("lsm/path_symlink")
int BPF_PROG(capbpf_path_symlink, const struct path *dir, struct dentry *d,
    const char *old_name, int ret)
{
	AT_HOOK_START;
	return (s.nr == NR_symlinkat ?
	    at_check(&s, 1, 2, CAPBPF_SYMLINKAT) : 0);
}

SEC("lsm/path_link")
int BPF_PROG(capbpf_path_link, struct dentry *old, const struct path *dir,
    struct dentry *new, int ret)
{
	int r;

	AT_HOOK_START;
	if (s.nr != NR_linkat)
		return (0);
	if ((r = at_check(&s, 0, 1, CAPBPF_LINKAT_SOURCE)) != 0)
		return (r);
	return (at_check(&s, 2, 3, CAPBPF_LINKAT_TARGET));
}

SEC("lsm/path_rename")
int BPF_PROG(capbpf_path_rename, const struct path *old_dir,
    struct dentry *old, const struct path *new_dir, struct dentry *new,
    unsigned int flags, int ret)
{
	int r;

	AT_HOOK_START;
	if (s.nr != NR_renameat && s.nr != NR_renameat2)
		return (0);
	if ((r = at_check(&s, 0, 1, CAPBPF_RENAMEAT_SOURCE)) != 0)
		return (r);
	return (at_check(&s, 2, 3, CAPBPF_RENAMEAT_TARGET));
}

/* fexecve(3): execveat(fd, "", ..., AT_EMPTY_PATH) needs CAP_FEXECVE. */
SEC("lsm/bprm_creds_for_exec")
int BPF_PROG(capbpf_bprm_creds_for_exec, struct linux_binprm *bprm, int ret)
{
	struct sc s;
	char c = 1;

	if (ret != 0 || READ_ONCE(tracked) == 0)
		return (ret);
	if (!syscall_of(&s) || s.nr != NR_execveat ||
	    (s.a[4] & AT_EMPTY_PATH) == 0 ||
	    bpf_probe_read_user(&c, 1, (const void *)s.a[1]) != 0 || c != 0)
		return (0);
	return (check(fd_file((int)s.a[0]), CAPBPF_FEXECVE, 0));
}

SEC("lsm/file_free_security")
int BPF_PROG(capbpf_file_free, struct file *file)
{
	__u64 key = (__u64)file;
	__u32 i;

	if (READ_ONCE(tracked) == 0)
		return (0);
	i = slot_of(file);
	if (READ_ONCE(filter[i]) != 0 &&
	    bpf_map_delete_elem(&rights, &key) == 0) {
		__sync_fetch_and_add(&tracked, -1);
		__sync_fetch_and_add(&filter[i], -1);
	}
	return (0);
}

/* --- socket hooks --------------------------------------------------- */

static __always_inline int
sock_check(struct socket *sock, __u64 need)
{
	return (check_file(sock->file, need, 0));
}

SEC("lsm/socket_bind")
int BPF_PROG(capbpf_socket_bind, struct socket *sock, struct sockaddr *a,
    int len, int ret)
{
	return (ret != 0 ? ret : sock_check(sock, CAPBPF_BIND));
}

SEC("lsm/socket_connect")
int BPF_PROG(capbpf_socket_connect, struct socket *sock, struct sockaddr *a,
    int len, int ret)
{
	return (ret != 0 ? ret : sock_check(sock, CAPBPF_CONNECT));
}

SEC("lsm/socket_listen")
int BPF_PROG(capbpf_socket_listen, struct socket *sock, int backlog, int ret)
{
	return (ret != 0 ? ret : sock_check(sock, CAPBPF_LISTEN));
}

SEC("lsm/socket_accept")
int BPF_PROG(capbpf_socket_accept, struct socket *sock,
    struct socket *newsock, int ret)
{
	struct capbpf_rights *v;
	struct file *nf;
	int r;

	if (ret != 0)
		return (ret);
	if ((r = sock_check(sock, CAPBPF_ACCEPT)) != 0)
		return (r);
	/* The accepted socket inherits the listening socket's rights. */
	v = entry_of_file(sock->file);
	nf = newsock->file;
	if (v != NULL && nf != NULL)
		return (inherit(v, nf));
	return (0);
}

SEC("lsm/socket_sendmsg")
int BPF_PROG(capbpf_socket_sendmsg, struct socket *sock, struct msghdr *msg,
    int size, int ret)
{
	return (ret != 0 ? ret : sock_check(sock, CAPBPF_WRITE));
}

SEC("lsm/socket_recvmsg")
int BPF_PROG(capbpf_socket_recvmsg, struct socket *sock, struct msghdr *msg,
    int size, int flags, int ret)
{
	return (ret != 0 ? ret : sock_check(sock, CAPBPF_READ));
}

SEC("lsm/socket_getsockname")
int BPF_PROG(capbpf_socket_getsockname, struct socket *sock, int ret)
{
	return (ret != 0 ? ret : sock_check(sock, CAPBPF_GETSOCKNAME));
}

SEC("lsm/socket_getpeername")
int BPF_PROG(capbpf_socket_getpeername, struct socket *sock, int ret)
{
	return (ret != 0 ? ret : sock_check(sock, CAPBPF_GETPEERNAME));
}

SEC("lsm/socket_getsockopt")
int BPF_PROG(capbpf_socket_getsockopt, struct socket *sock, int level,
    int optname, int ret)
{
	return (ret != 0 ? ret : sock_check(sock, CAPBPF_GETSOCKOPT));
}

SEC("lsm/socket_setsockopt")
int BPF_PROG(capbpf_socket_setsockopt, struct socket *sock, int level,
    int optname, int ret)
{
	return (ret != 0 ? ret : sock_check(sock, CAPBPF_SETSOCKOPT));
}

SEC("lsm/socket_shutdown")
int BPF_PROG(capbpf_socket_shutdown, struct socket *sock, int how, int ret)
{
	return (ret != 0 ? ret : sock_check(sock, CAPBPF_SHUTDOWN));
}
