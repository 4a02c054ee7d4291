/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * libcasper.h - the part of FreeBSD's libcasper that Linux programs need
 *
 * FreeBSD's Casper daemon hands out service channels (cap_channel_t) to
 * sandboxed programs.  Linux has no Casper, so no channel can ever be
 * opened: cap_init() and cap_service_open() fail with ENOTSUP.  The
 * services that matter are provided without a channel instead:
 * <casper/cap_fileargs.h>'s fileargs_init() starts its own helper process.
 * The declarations let FreeBSD code that names channels compile unchanged.
 */
#ifndef _LIBCASPER_H_
#define _LIBCASPER_H_

#ifdef __cplusplus
extern "C" {
#endif

/* A Casper channel: never obtainable on Linux, so never complete. */
struct cap_channel;
typedef struct cap_channel cap_channel_t;

/* cap_init: open a channel to Casper.  Always NULL with errno ENOTSUP. */
cap_channel_t	*cap_init(void);

/*
 * cap_service_open: open a channel to a Casper service.  Always NULL with
 * errno ENOTSUP.
 */
cap_channel_t	*cap_service_open(const cap_channel_t *chan, const char *name);

/* cap_close: close a channel.  Only NULL exists: does nothing. */
void	cap_close(cap_channel_t *chan);

#ifdef __cplusplus
}
#endif

#endif /* !_LIBCASPER_H_ */
