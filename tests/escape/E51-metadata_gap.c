/* E51: reading metadata outside the held directory with raw
 * newfstatat/statx/readlinkat/faccessat through "..": Landlock does not
 * mediate metadata reads. Documented gap: skips with the reason when the
 * metadata is readable, passes if refused. Contents stay out of reach
 * (checked by E35). Expect: refusal where possible (EACCES). */
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "esc.h"

static int
attack(void *arg)
{
	struct tree *t = arg;
	int held = esc_open_held(t);
	struct stat st;
	long r;

	esc_enter();
	/* The library refuses: it resolves beneath. */
	REFUSED(fstatat(held, "../secret", &st, 0), ENOTCAPABLE);
	REFUSED(faccessat(held, "../secret", R_OK, 0), ENOTCAPABLE);
	errno = 0;
	r = syscall(SYS_newfstatat, held, "../secret", &st, 0);
	if (r == 0)
		esc_skip("known gap: raw newfstatat/statx/readlinkat/faccessat "
		    "through \"..\" read metadata outside (Landlock does not "
		    "mediate metadata reads)");
	REFUSED2(r, EACCES, ECAPMODE);
	return (esc_status());
}

int
main(void)
{
	struct tree t;

	esc_tree(&t);
	return (esc_finish(esc_run(attack, &t, &t)));
}
