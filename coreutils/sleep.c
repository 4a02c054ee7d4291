/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * sleep.c - delay for a specified amount of time
 *
 * usage: sleep NUMBER[SUFFIX]...
 *
 * Pause for NUMBER seconds.  SUFFIX may be 's' for seconds (the default),
 * 'm' for minutes, 'h' for hours or 'd' for days.  NUMBER may be a
 * floating-point number.  Given two or more arguments, pause for the sum
 * of their values.
 */
#include <math.h>
#include <time.h>

#include "capbox.h"

APPLET(sleep, 1, 0)

static const char optstr[] = "";
static const struct option longopts[] = {
	{ NULL, 0, NULL, 0 },
};

static bool
interval(const char *s, double *secs)
{
	char *end;
	double d;

	errno = 0;
	d = strtod(s, &end);
	if (end == s || d < 0 || isnan(d))
		return (false);
	switch (*end) {
	case '\0':
	case 's':
		break;
	case 'm':
		d *= 60;
		break;
	case 'h':
		d *= 3600;
		break;
	case 'd':
		d *= 86400;
		break;
	default:
		return (false);
	}
	if (*end != '\0' && end[1] != '\0')
		return (false);
	*secs = d;
	return (true);
}

int
sleep_main(int argc, char *argv[])
{
	struct timespec ts;
	double total = 0, d = 0;
	bool ok = true;
	int i;

	if (getopt_long(argc, argv, optstr, longopts, NULL) != -1)
		cb_usage();
	if (optind >= argc) {
		cb_warnx("missing operand");
		cb_usage();
	}
	for (i = optind; i < argc; i++) {
		if (!interval(argv[i], &d)) {
			cb_warnx("invalid time interval %s", cb_qc(0, argv[i]));
			ok = false;
		}
		total += d;
	}
	if (!ok)
		cb_usage();
	cb_limit_stdio();
	cb_enter();
	if (total > (double)INT32_MAX * 64)
		total = (double)INT32_MAX * 64;
	ts.tv_sec = (time_t)total;
	ts.tv_nsec = (long)((total - (double)ts.tv_sec) * 1e9);
	while (nanosleep(&ts, &ts) < 0)
		if (errno != EINTR)
			cb_err(1, "cannot read realtime clock");
	return (cb_finish(0));
}
