// SPDX-License-Identifier: GPL-2.0
/*
 * Feeds a FEATURES string to Xen's own parser (libxenguest, Xen 4.17) and
 * prints what it returns: "rc supported-word-0 required-word-0".
 */
#include <stdint.h>
#include <stdio.h>

int elf_xen_parse_features(const char *features, uint32_t *supported, uint32_t *required);

int main(int argc, char **argv)
{
	uint32_t supported[4] = { 0 }, required[4] = { 0 };
	int rc;

	if (argc != 2) {
		fprintf(stderr, "usage: xen-parse FEATURES-STRING\n");
		return 2;
	}
	rc = elf_xen_parse_features(argv[1], supported, required);
	printf("%d 0x%08x 0x%08x\n", rc, supported[0], required[0]);
	return 0;
}
