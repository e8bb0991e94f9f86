/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Where an x86 bzImage keeps its payload (the compressed vmlinux), from
 * the real-mode header described in Linux's Documentation/arch/x86/boot.rst.
 */
#ifndef XEN_FEAT_BZIMAGE_H
#define XEN_FEAT_BZIMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "xen-feat-error.h"

/* Bytes of the file xfc_bzimage_locate() reads: up to payload_length. */
#define XFC_BZIMAGE_HEADER_END 0x250

struct xfc_bzimage {
	unsigned int protocol;		/* boot protocol, 0x020f for 2.15 */
	uint64_t payload_offset;	/* in the file */
	uint64_t payload_length;
};

/* head: the first head_len bytes of the file. */
bool xfc_is_bzimage(const unsigned char *head, size_t head_len);
int xfc_bzimage_locate(const unsigned char *head, size_t head_len,
		       uint64_t file_size, struct xfc_bzimage *bz,
		       struct xfc_error *err);

#endif /* XEN_FEAT_BZIMAGE_H */
