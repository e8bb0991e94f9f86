/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Which compressor made a stream, told by its first bytes.  Linux's
 * own decompressors recognise the same magic numbers.
 */
#ifndef XEN_FEAT_MAGIC_H
#define XEN_FEAT_MAGIC_H

#include <stddef.h>

enum xfc_compression {
	XFC_COMP_NONE,
	XFC_COMP_GZIP,
	XFC_COMP_BZIP2,
	XFC_COMP_LZMA,
	XFC_COMP_XZ,
	XFC_COMP_LZO,
	XFC_COMP_LZ4_LEGACY,	/* `lz4 -l`, as Linux compresses */
	XFC_COMP_LZ4_FRAME,
	XFC_COMP_ZSTD,
};

/* Bytes xfc_compression_of() wants to see; it copes with fewer. */
#define XFC_MAGIC_MAX 16

enum xfc_compression xfc_compression_of(const unsigned char *buf, size_t len);
const char *xfc_compression_name(enum xfc_compression comp);

#endif /* XEN_FEAT_MAGIC_H */
