// SPDX-License-Identifier: GPL-2.0
/*
 * Asks Xen's own FEATURES parser (libxenguest's libelf, Xen 4.17) what it
 * makes of a string:  xen-parse-features STRING  prints "RC SUPPORTED REQUIRED"
 * (RC 0 or -1, the two sets as word 0 in decimal).
 */
#include <stdint.h>
#include <stdio.h>

/* The one libxenguest function we need; Xen's headers do not install it. */
int elf_xen_parse_features(const char *features, uint32_t *supported,
			   uint32_t *required);

int main(int argc, char **argv)
{
	/* More words than XENFEAT_NR_SUBMAPS, so that no write can go astray. */
	uint32_t supported[8] = { 0 }, required[8] = { 0 };
	int rc;

	if (argc != 2) {
		fprintf(stderr, "usage: xen-parse-features STRING\n");
		return 2;
	}
	rc = elf_xen_parse_features(argv[1], supported, required);
	printf("%d %u %u\n", rc, (unsigned int)supported[0], (unsigned int)required[0]);
	return 0;
}
