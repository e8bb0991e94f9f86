// SPDX-License-Identifier: GPL-2.0
/*
 * Preloaded into the generator by gen-test: rename() first raises the
 * signal GEN_TEST_SIGNAL_IN_RENAME names, as if it came while the
 * temporary header existed.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <signal.h>
#include <stdlib.h>

int rename(const char *from, const char *to)
{
	int (*real_rename)(const char *, const char *);
	const char *sig = getenv("GEN_TEST_SIGNAL_IN_RENAME");

	if (sig)
		raise(atoi(sig));
	*(void **)&real_rename = dlsym(RTLD_NEXT, "rename");
	return real_rename ? real_rename(from, to) : -1;
}
