/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The ELF image inside an input file, read by offset: the file itself,
 * or the unpacked stream of a compressed file or bzImage payload.  A
 * stream is unpacked front to back and never kept whole; reading behind
 * the current position starts it again.
 */
#ifndef XEN_FEAT_SOURCE_H
#define XEN_FEAT_SOURCE_H

#include <stddef.h>
#include <stdint.h>

#include "xen-feat-error.h"
#include "xen-feat-magic.h"

/* Default bound on unpacked bytes: far above any kernel's vmlinux. */
#define XFC_UNPACKED_MAX_DEFAULT (512ULL << 20)

struct xfc_stream;

struct xfc_source {
	const char *path;
	int fd;
	uint64_t file_size;
	char container[160];		/* "bzImage (boot protocol 2.15), lz4 payload" */
	bool is_bzimage;
	enum xfc_compression comp;
	uint64_t image_offset;		/* where the ELF (or its stream) starts */
	uint64_t image_length;
	uint64_t unpacked_max;
	struct xfc_stream *stream;	/* NULL: the ELF is stored plainly */
};

int xfc_source_open(struct xfc_source *src, const char *path,
		    uint64_t unpacked_max, struct xfc_error *err);
/* The same on an open file, which the source then owns and closes. */
int xfc_source_open_fd(struct xfc_source *src, int fd, const char *name,
		       uint64_t unpacked_max, struct xfc_error *err);
/*
 * Exactly len bytes of the image at off, or an error saying what was
 * being read ("the program header table") and why it is not there.
 */
int xfc_source_read(struct xfc_source *src, uint64_t off, void *buf,
		    size_t len, const char *what, struct xfc_error *err);
/* Unpacked bytes produced so far (0 for plain files): for --stats. */
uint64_t xfc_source_unpacked(const struct xfc_source *src);
void xfc_source_close(struct xfc_source *src);

#endif /* XEN_FEAT_SOURCE_H */
