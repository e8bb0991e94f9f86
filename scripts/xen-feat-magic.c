// SPDX-License-Identifier: GPL-2.0
#include <string.h>

#include "xen-feat-magic.h"

static const struct {
	enum xfc_compression comp;
	const char *name;
	unsigned char len;
	unsigned char magic[9];
} magics[] = {
	{ XFC_COMP_GZIP,	"gzip",		2, { 0x1f, 0x8b } },
	{ XFC_COMP_BZIP2,	"bzip2",	3, { 'B', 'Z', 'h' } },
	/* .lzma ("alone") has no magic; Linux keys on lc=3 lp=0 pb=2 and a small dictionary */
	{ XFC_COMP_LZMA,	"lzma",		3, { 0x5d, 0x00, 0x00 } },
	{ XFC_COMP_XZ,		"xz",		6, { 0xfd, '7', 'z', 'X', 'Z', 0x00 } },
	{ XFC_COMP_LZO,		"lzo",		9, { 0x89, 'L', 'Z', 'O', 0x00, 0x0d, 0x0a, 0x1a, 0x0a } },
	{ XFC_COMP_LZ4_LEGACY,	"lz4",		4, { 0x02, 0x21, 0x4c, 0x18 } },
	{ XFC_COMP_LZ4_FRAME,	"lz4 frame",	4, { 0x04, 0x22, 0x4d, 0x18 } },
	{ XFC_COMP_ZSTD,	"zstd",		4, { 0x28, 0xb5, 0x2f, 0xfd } },
};

enum xfc_compression xfc_compression_of(const unsigned char *buf, size_t len)
{
	for (size_t i = 0; i < sizeof(magics) / sizeof(magics[0]); i++)
		if (len >= magics[i].len &&
		    !memcmp(buf, magics[i].magic, magics[i].len))
			return magics[i].comp;
	return XFC_COMP_NONE;
}

const char *xfc_compression_name(enum xfc_compression comp)
{
	for (size_t i = 0; i < sizeof(magics) / sizeof(magics[0]); i++)
		if (magics[i].comp == comp)
			return magics[i].name;
	return "uncompressed";
}
