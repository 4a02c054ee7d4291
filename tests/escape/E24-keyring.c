/* E24: kernel keyrings (add_key, request_key, keyctl), a global namespace
 * shared with the user's session. Refused by: seccomp. Expect: ECAPMODE. */
#include <sys/syscall.h>
#include <unistd.h>

#include "esc.h"

#define KEYCTL_GET_KEYRING_ID_	0
#define KEYCTL_JOIN_SESSION_	1
#define KEY_SPEC_SESSION_	-3
#define KEY_SPEC_USER_		-4

static int
attack(void *arg)
{
	(void)arg;
	esc_enter();
	REFUSED(syscall(SYS_add_key, "user", "capmode", "x", 1,
	    KEY_SPEC_SESSION_), ECAPMODE);
	REFUSED(syscall(SYS_request_key, "user", "capmode", NULL,
	    KEY_SPEC_USER_), ECAPMODE);
	REFUSED(syscall(SYS_keyctl, KEYCTL_GET_KEYRING_ID_, KEY_SPEC_USER_, 0),
	    ECAPMODE);
	REFUSED(syscall(SYS_keyctl, KEYCTL_JOIN_SESSION_, "capmode"),
	    ECAPMODE);
	return (esc_status());
}

int
main(void)
{
	SOFT_CONTROL(syscall(SYS_keyctl, KEYCTL_GET_KEYRING_ID_,
	    KEY_SPEC_SESSION_, 0));
	return (esc_finish(esc_run(attack, NULL, NULL)));
}
