/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * capbpf.c - load, unload and report the capbpf eBPF LSM programs
 *
 * usage: capbpf load | unload | status
 *
 * load attaches every program of the skeleton and pins the links and the
 * rights map under /sys/fs/bpf/capmode, so they outlive this process;
 * unload removes the pins (the programs detach, every narrowing kept by
 * them is forgotten); status says what is attached.  See capbpf(8).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "capbpf.h"
#include "capbpf.skel.h"

#ifndef BPF_FS_MAGIC
#define BPF_FS_MAGIC	0xcafe4a11
#endif
#define BPF_FS_DIR	"/sys/fs/bpf"

static const char usage_text[] =
"usage: capbpf [-v] load | unload | status\n"
"  load     attach the capbpf LSM programs and pin them in " CAPBPF_PIN_DIR "\n"
"  unload   remove the pins: the programs detach, narrowed rights are forgotten\n"
"  status   say whether the programs are attached and what they keep\n"
"\n"
"  -v, --verbose  show libbpf's messages\n"
"  -h, --help     this text\n"
"      --version  print the version\n";

static const struct option longopts[] = {
	{ "verbose", no_argument, NULL, 'v' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

static int verbose;

static void warnx(const char *, ...) __attribute__((format(printf, 1, 2)));
static int libbpf_print(enum libbpf_print_level, const char *, va_list)
    __attribute__((format(printf, 2, 0)));

static void
warnx(const char *fmt, ...)
{
	va_list ap;

	fputs("capbpf: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static int
libbpf_print(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	if (level == LIBBPF_DEBUG && !verbose)
		return (0);
	return (vfprintf(stderr, fmt, ap));
}

/* The answer of the programs to the probe ioctl: 1 attached, 0 not. */
static int
probe(void)
{
	int fd = (int)syscall(SYS_eventfd2, 0, O_CLOEXEC);
	int r;

	if (fd < 0)
		return (0);
	r = ioctl(fd, CAPBPF_IOC_PROBE, 0) == -1 && errno == CAPBPF_ACK;
	close(fd);
	return (r);
}

static int
ensure_bpffs(void)
{
	struct statfs sf;

	if (statfs(BPF_FS_DIR, &sf) == 0 && sf.f_type == BPF_FS_MAGIC)
		return (0);
	if (mount("bpf", BPF_FS_DIR, "bpf", 0, NULL) != 0) {
		warnx("%s is not a bpf filesystem and mounting one failed: %s",
		    BPF_FS_DIR, strerror(errno));
		return (-1);
	}
	return (0);
}

static int
pins(void)
{
	DIR *d = opendir(CAPBPF_PIN_DIR);
	struct dirent *e;
	int n = 0;

	if (d == NULL)
		return (0);
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.')
			n++;
	closedir(d);
	return (n);
}

static int
do_unload(void)
{
	DIR *d = opendir(CAPBPF_PIN_DIR);
	struct dirent *e;
	char path[512];
	int fail = 0, n = 0;

	if (d == NULL) {
		if (errno == ENOENT) {
			printf("capbpf: not loaded\n");
			return (0);
		}
		warnx("%s: %s", CAPBPF_PIN_DIR, strerror(errno));
		return (1);
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", CAPBPF_PIN_DIR, e->d_name);
		if (unlink(path) != 0) {
			warnx("%s: %s", path, strerror(errno));
			fail = 1;
		} else
			n++;
	}
	closedir(d);
	if (rmdir(CAPBPF_PIN_DIR) != 0) {
		warnx("%s: %s", CAPBPF_PIN_DIR, strerror(errno));
		fail = 1;
	}
	if (!fail)
		printf("capbpf: unloaded (%d pins removed)\n", n);
	return (fail);
}

static int
do_load(void)
{
	struct capbpf *skel;
	struct bpf_program *prog;
	char path[512];
	int err, n = 0;

	if (ensure_bpffs() != 0)
		return (1);
	if (pins() > 0) {
		printf("capbpf: already loaded (%s)\n", CAPBPF_PIN_DIR);
		return (0);
	}
	skel = capbpf__open_and_load();
	if (skel == NULL) {
		err = errno;
		warnx("loading the programs failed: %s%s", strerror(err),
		    err == EPERM || err == EINVAL ?
		    " (BPF LSM needs CONFIG_BPF_LSM=y and \"bpf\" in the lsm= "
		    "boot parameter, and root)" : "");
		return (1);
	}
	if (mkdir(CAPBPF_PIN_DIR, 0700) != 0 && errno != EEXIST) {
		warnx("%s: %s", CAPBPF_PIN_DIR, strerror(errno));
		capbpf__destroy(skel);
		return (1);
	}
	err = bpf_map__pin(skel->maps.rights, CAPBPF_PIN_MAP);
	bpf_object__for_each_program(prog, skel->obj) {
		struct bpf_link *link;

		if (err != 0)
			break;
		link = bpf_program__attach_lsm(prog);
		if (link == NULL) {
			err = -errno;
			warnx("attaching %s failed: %s", bpf_program__name(prog),
			    strerror(errno));
			break;
		}
		snprintf(path, sizeof(path), "%s/%s", CAPBPF_PIN_DIR,
		    bpf_program__name(prog));
		err = bpf_link__pin(link, path);
		/* The pin keeps the link; this process's reference goes. */
		bpf_link__destroy(link);
		if (err == 0)
			n++;
	}
	capbpf__destroy(skel);
	if (err != 0) {
		warnx("pinning failed: %s", strerror(-err));
		(void)do_unload();
		return (1);
	}
	if (!probe()) {
		warnx("the programs are pinned but do not answer");
		return (1);
	}
	printf("capbpf: loaded %d programs, pinned in %s\n", n, CAPBPF_PIN_DIR);
	return (0);
}

static int
do_status(void)
{
	int mfd, np = pins(), active = probe();
	unsigned long long key, next, *kp = NULL;
	unsigned int entries = 0;

	if (np == 0 && !active) {
		printf("capbpf: not loaded\n");
		return (1);
	}
	printf("capbpf: %s, %d pins in %s\n",
	    active ? "loaded and answering" : "pinned but NOT answering", np,
	    CAPBPF_PIN_DIR);
	mfd = bpf_obj_get(CAPBPF_PIN_MAP);
	if (mfd >= 0) {
		while (bpf_map_get_next_key(mfd, kp, &next) == 0) {
			entries++;
			key = next;
			kp = &key;
		}
		close(mfd);
		printf("narrowed descriptions: %u (of at most %u)\n", entries,
		    CAPBPF_MAX_FILES);
	}
	return (active ? 0 : 1);
}

static int
usage_error(void)
{
	fputs("Try 'capbpf --help' for more information.\n", stderr);
	return (2);
}

int
main(int argc, char **argv)
{
	int c;

	while ((c = getopt_long(argc, argv, "hv", longopts, NULL)) != -1) {
		switch (c) {
		case 'v':
			verbose = 1;
			break;
		case 'h':
			fputs(usage_text, stdout);
			return (0);
		case 'V':
			printf("capbpf (capmode) %s\n", CAPMODE_VERSION);
			return (0);
		default:
			return (usage_error());
		}
	}
	if (optind == argc) {
		warnx("missing command");
		return (usage_error());
	}
	if (optind + 1 != argc) {
		warnx("extra operand '%s'", argv[optind + 1]);
		return (usage_error());
	}
	libbpf_set_print(libbpf_print);
	if (strcmp(argv[optind], "load") == 0)
		return (do_load());
	if (strcmp(argv[optind], "unload") == 0)
		return (do_unload());
	if (strcmp(argv[optind], "status") == 0)
		return (do_status());
	warnx("unknown command '%s'", argv[optind]);
	return (usage_error());
}
