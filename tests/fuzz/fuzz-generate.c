// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: one input is one include/config/auto.conf, handed to
 * `xen-feat-note generate` as the build does, with the header alternately
 * absent and present.  Whatever the input, no temporary file is left, a
 * header written is a regular file, and a second run does not rewrite it.
 * Run with -close_fd_mask=2: the generator's errors go to stderr.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xen-feat-generate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[] = "fuzz-generate.XXXXXX";
static char config[64], header[64];

static void remove_dir(void)
{
	unlink(header);
	rmdir(dir);
}

static bool temporary_left(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	bool found = false;

	while (d && (e = readdir(d)))
		if (strstr(e->d_name, ".tmp."))
			found = true;
	if (d)
		closedir(d);
	return found;
}

static int generate(void)
{
	char *argv[] = { "generate", config, header, NULL };

	return xen_feat_generate_main(3, argv);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int memfd = -1;
	struct stat first, again;

	if (memfd < 0) {
		memfd = memfd_create("auto.conf", 0);
		if (memfd < 0 || !mkdtemp(dir))
			abort();
		snprintf(config, sizeof(config), "/proc/self/fd/%d", memfd);
		snprintf(header, sizeof(header), "%s/xen-feat-note.h", dir);
		atexit(remove_dir);
	}
	if (ftruncate(memfd, 0) || (size && pwrite(memfd, data, size, 0) != (ssize_t)size))
		abort();
	if (size & 1)
		unlink(header);

	if (generate() == 0) {
		if (lstat(header, &first) || !S_ISREG(first.st_mode))
			abort();
		if (generate() != 0 || lstat(header, &again) || again.st_ino != first.st_ino)
			abort();
	}
	if (temporary_left())
		abort();
	return 0;
}
