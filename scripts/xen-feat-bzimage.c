// SPDX-License-Identifier: GPL-2.0
#include <string.h>

#include "xen-feat-bzimage.h"

#define OFF_SETUP_SECTS		0x1f1
#define OFF_SYSSIZE		0x1f4
#define OFF_HEADER_MAGIC	0x202
#define OFF_VERSION		0x206
#define OFF_PAYLOAD_OFFSET	0x248
#define OFF_PAYLOAD_LENGTH	0x24c
#define PROTOCOL_PAYLOAD	0x0208	/* first protocol with payload_* */
#define SECTOR			512

static uint32_t le16(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static uint32_t le32(const unsigned char *p)
{
	return le16(p) | le16(p + 2) << 16;
}

bool xfc_is_bzimage(const unsigned char *head, size_t head_len)
{
	return head_len >= OFF_HEADER_MAGIC + 4 &&
	       !memcmp(head + OFF_HEADER_MAGIC, "HdrS", 4);
}

int xfc_bzimage_locate(const unsigned char *head, size_t head_len,
		       uint64_t file_size, struct xfc_bzimage *bz,
		       struct xfc_error *err)
{
	unsigned int setup_sects;
	uint64_t pm_start, pm_end;

	if (head_len < XFC_BZIMAGE_HEADER_END)
		return xfc_fail(err, XFC_ERR_TRUNCATED,
				"bzImage ends inside its setup header (%zu bytes, the header runs to 0x%x)",
				head_len, XFC_BZIMAGE_HEADER_END);
	bz->protocol = le16(head + OFF_VERSION);
	if (bz->protocol < PROTOCOL_PAYLOAD)
		return xfc_fail(err, XFC_ERR_FORMAT,
				"bzImage boot protocol %u.%02u has no payload fields (2.08 or later needed)",
				bz->protocol >> 8, bz->protocol & 0xff);

	/* Boot sector plus setup sectors come before the protected-mode code. */
	setup_sects = head[OFF_SETUP_SECTS] ? head[OFF_SETUP_SECTS] : 4;
	pm_start = (uint64_t)(setup_sects + 1) * SECTOR;
	/* syssize: the protected-mode code's length, in 16-byte units. */
	pm_end = pm_start + (uint64_t)le32(head + OFF_SYSSIZE) * 16;
	bz->payload_offset = pm_start + le32(head + OFF_PAYLOAD_OFFSET);
	bz->payload_length = le32(head + OFF_PAYLOAD_LENGTH);

	if (file_size < pm_start)
		return xfc_fail(err, XFC_ERR_TRUNCATED,
				"bzImage ends inside its real-mode setup code (%llu bytes; setup_sects %u makes it run to 0x%llx)",
				(unsigned long long)file_size, setup_sects,
				(unsigned long long)pm_start);
	/*
	 * Linux's kernels always say where their payload is; a bzImage that
	 * does not (memtest86+, other programs booted the Linux way) holds
	 * no kernel to read notes from.
	 */
	if (bz->payload_length == 0)
		return xfc_fail(err, XFC_ERR_FORMAT,
				"a bzImage (boot protocol %u.%02u) with no compressed kernel in it: its payload_length is 0, so it is not a Linux kernel (memtest86+ and other programs booted the Linux way look like this)",
				bz->protocol >> 8, bz->protocol & 0xff);
	/* Where the header says the code ends, past the end of the file: cut short. */
	if (bz->payload_offset >= file_size && pm_end > file_size)
		return xfc_fail(err, XFC_ERR_TRUNCATED,
				"bzImage ends after %llu bytes, inside its protected-mode code (syssize says it runs to 0x%llx), before its payload at 0x%llx",
				(unsigned long long)file_size, (unsigned long long)pm_end,
				(unsigned long long)bz->payload_offset);
	if (bz->payload_offset >= file_size)
		return xfc_fail(err, XFC_ERR_HEADER,
				"bzImage payload starts at 0x%llx (setup_sects %u, payload_offset 0x%x), beyond the end of the file (%llu bytes)",
				(unsigned long long)bz->payload_offset, setup_sects,
				(unsigned int)le32(head + OFF_PAYLOAD_OFFSET),
				(unsigned long long)file_size);
	if (bz->payload_length > file_size - bz->payload_offset)
		return xfc_fail(err, XFC_ERR_TRUNCATED,
				"bzImage payload runs from 0x%llx for %llu bytes, but the file ends after %llu bytes",
				(unsigned long long)bz->payload_offset,
				(unsigned long long)bz->payload_length,
				(unsigned long long)file_size);
	return XFC_OK;
}
