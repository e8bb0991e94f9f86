// SPDX-License-Identifier: GPL-2.0
/*
 * xen-feat-note: the Xen feature notes of a kernel, from its configuration.
 *
 *   xen-feat-note generate AUTO_CONF HEADER
 *	Reads the kernel configuration (include/config/auto.conf) and writes
 *	the header xen-head.S assembles the FEATURES and SUPPORTED_FEATURES
 *	notes from.  HEADER is rewritten only when its content changes.
 *
 *   xen-feat-note check [OPTIONS] IMAGE...
 *	Decodes the notes of a kernel image and says which Xen starts it.
 */
#include <stdio.h>
#include <string.h>

#include "xen-feat-check.h"
#include "xen-feat-generate.h"
#include "xen-feat-version.h"

static const char *prog = "xen-feat-note";

static void usage(FILE *out)
{
	fprintf(out,
		"usage: %s generate AUTO_CONF HEADER\n"
		"       %s check [OPTIONS] IMAGE...   (%s check --help)\n"
		"       %s --version\n",
		prog, prog, prog, prog);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	if (!strcmp(argv[1], "generate"))
		return xen_feat_generate_main(argc - 1, argv + 1);
	if (!strcmp(argv[1], "check"))
		return xen_feat_check_main(argc - 1, argv + 1);
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("%s %s\n", prog, XEN_FEAT_NOTE_VERSION);
		return 0;
	}
	fprintf(stderr, "%s: unknown command '%s'\n", prog, argv[1]);
	usage(stderr);
	return 2;
}
