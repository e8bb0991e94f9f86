/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What went wrong while reading an image, and the exit status that
 * `xen-feat-note check` reports for it.  Each class of bad input has
 * its own status so that scripts can tell them apart.
 */
#ifndef XEN_FEAT_ERROR_H
#define XEN_FEAT_ERROR_H

enum xfc_status {
	XFC_OK			= 0,
	XFC_EXPECT_FAILED	= 1,	/* --expect not met */
	XFC_USAGE		= 2,
	XFC_CONFIG_DISAGREES	= 3,	/* --config: notes and .config disagree */
	XFC_ERR_IO		= 4,	/* cannot open or read a file */
	XFC_ERR_FORMAT		= 5,	/* not ELF, bzImage or a known compressor */
	XFC_ERR_TRUNCATED	= 6,	/* input ends inside a structure */
	XFC_ERR_HEADER		= 7,	/* header fields that lie or overflow */
	XFC_ERR_NOTE		= 8,	/* note sizes that run past their segment */
	XFC_ERR_LIMIT		= 9,	/* counts or sizes beyond our limits */
	XFC_ERR_STREAM_SHORT	= 10,	/* compressed stream stops early */
	XFC_ERR_STREAM_CORRUPT	= 11,	/* decompressor rejects the data */
	XFC_ERR_STREAM_LONG	= 12,	/* unpacks past the output bound */
	XFC_ERR_NO_UNPACK	= 13,	/* compressed input, libc-only build */
	XFC_ERR_MEMORY		= 14,	/* needs more memory than --max-memory */
};

struct xfc_error {
	enum xfc_status status;
	char msg[512];
};

/* Records the first failure only; returns its status. */
int xfc_fail(struct xfc_error *err, enum xfc_status status,
	     const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif /* XEN_FEAT_ERROR_H */
