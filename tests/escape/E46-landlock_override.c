/* E46: loosening Landlock by stacking a new ruleset (domains only
 * intersect) or by adding rules to the process's own ruleset. Refused by:
 * the kernel (Landlock layers) under the capability-mode domain.
 * Expect: EACCES for the raw ".." escape afterwards. */
#include <fcntl.h>
#include <stdint.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "esc.h"

#ifndef SYS_landlock_create_ruleset
#define SYS_landlock_create_ruleset	444
#define SYS_landlock_add_rule		445
#define SYS_landlock_restrict_self	446
#endif

struct ruleset_attr {
	uint64_t	handled_access_fs;
};

struct path_beneath {
	uint64_t	allowed_access;
	int32_t		parent_fd;
} __attribute__((packed));

static int
attack(void *arg)
{
	struct tree *t = arg;
	int held = esc_open_held(t);
	struct ruleset_attr ra = { 1 /* EXECUTE only */ };
	struct path_beneath pb = { 1, held };
	long rs, up;

	esc_enter();
	rs = syscall(SYS_landlock_create_ruleset, &ra, sizeof(ra), 0);
	CONTROL(rs);
	/* A rule for the held directory: allowed, narrows only. */
	CONTROL(syscall(SYS_landlock_add_rule, rs, 1, &pb, 0));
	/* A rule for the outside, through an O_PATH descriptor of "..". */
	up = syscall(SYS_openat, held, "..", O_PATH | O_DIRECTORY);
	if (up >= 0) {
		pb.parent_fd = (int)up;
		CONTROL(syscall(SYS_landlock_add_rule, rs, 1, &pb, 0));
	}
	CONTROL(syscall(SYS_landlock_restrict_self, rs, 0));
	REFUSED(syscall(SYS_openat, held, "../secret", O_RDONLY), EACCES);
	if (up >= 0)
		REFUSED(syscall(SYS_openat, up, "secret", O_RDONLY), EACCES);
	return (esc_status());
}

int
main(void)
{
	struct tree t;

	esc_tree(&t);
	if (landlock_abi() < 1)
		esc_skip("no Landlock on this kernel");
	return (esc_finish(esc_run(attack, &t, &t)));
}
