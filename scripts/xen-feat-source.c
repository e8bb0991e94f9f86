// SPDX-License-Identifier: GPL-2.0
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xen-feat-bzimage.h"
#include "xen-feat-source.h"
#ifndef XEN_FEAT_NO_UNPACK
#include "xen-feat-unpack.h"
#endif

static const unsigned char elf_magic[4] = { 0x7f, 'E', 'L', 'F' };

static int pread_all(int fd, void *buf, size_t len, uint64_t off, size_t *got,
		     struct xfc_error *err)
{
	unsigned char *p = buf;

	*got = 0;
	while (*got < len) {
		ssize_t n = pread(fd, p + *got, len - *got, (off_t)(off + *got));

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return xfc_fail(err, XFC_ERR_IO, "read error at byte %llu: %s",
					(unsigned long long)(off + *got), strerror(errno));
		if (n == 0)
			break;
		*got += (size_t)n;
	}
	return XFC_OK;
}

/* What kind of data starts at off: ELF, a compressed stream, or neither. */
static int sniff(struct xfc_source *src, uint64_t off, uint64_t len,
		 const char *where, struct xfc_error *err)
{
	unsigned char head[XFC_MAGIC_MAX];
	size_t got;
	int ret = pread_all(src->fd, head, len < sizeof(head) ? (size_t)len : sizeof(head),
			    off, &got, err);

	if (ret)
		return ret;
	src->image_offset = off;
	src->image_length = len;
	if (got >= sizeof(elf_magic) && !memcmp(head, elf_magic, sizeof(elf_magic))) {
		src->comp = XFC_COMP_NONE;
		return XFC_OK;
	}
	src->comp = xfc_compression_of(head, got);
	if (src->comp == XFC_COMP_NONE)
		return xfc_fail(err, XFC_ERR_FORMAT,
				"%s is neither ELF nor compressed in a format Linux uses (gzip, bzip2, lzma, xz, lzo, lz4, zstd)",
				where);
#ifdef XEN_FEAT_NO_UNPACK
	return xfc_fail(err, XFC_ERR_NO_UNPACK,
			"%s is %s-compressed: this build reads uncompressed ELF only (built with XEN_FEAT_NO_UNPACK)",
			where, xfc_compression_name(src->comp));
#else
	src->stream = xfc_stream_open(src->fd, off, len, src->comp,
				      src->unpacked_max, err);
	return src->stream ? XFC_OK : err->status;
#endif
}

int xfc_source_open(struct xfc_source *src, const char *path,
		    uint64_t unpacked_max, struct xfc_error *err)
{
	int fd = open(path, O_RDONLY);

	if (fd < 0) {
		memset(src, 0, sizeof(*src));
		src->fd = -1;
		return xfc_fail(err, XFC_ERR_IO, "cannot open: %s", strerror(errno));
	}
	return xfc_source_open_fd(src, fd, path, unpacked_max, err);
}

int xfc_source_open_fd(struct xfc_source *src, int fd, const char *name,
		       uint64_t unpacked_max, struct xfc_error *err)
{
	unsigned char head[XFC_BZIMAGE_HEADER_END];
	struct stat st;
	size_t got;
	int ret;

	memset(src, 0, sizeof(*src));
	src->path = name;
	src->unpacked_max = unpacked_max;
	src->fd = fd;
	if (fstat(src->fd, &st) < 0)
		return xfc_fail(err, XFC_ERR_IO, "cannot stat: %s", strerror(errno));
	if (!S_ISREG(st.st_mode))
		return xfc_fail(err, XFC_ERR_IO, "not a regular file");
	src->file_size = (uint64_t)st.st_size;
	if ((ret = pread_all(src->fd, head, sizeof(head), 0, &got, err)))
		return ret;
	if (got == 0)
		return xfc_fail(err, XFC_ERR_TRUNCATED, "empty file");

	if (got < sizeof(elf_magic) || memcmp(head, elf_magic, sizeof(elf_magic))) {
		if (xfc_is_bzimage(head, got)) {
			struct xfc_bzimage bz;

			if ((ret = xfc_bzimage_locate(head, got, src->file_size, &bz, err)))
				return ret;
			src->is_bzimage = true;
			if ((ret = sniff(src, bz.payload_offset, bz.payload_length,
					 "the bzImage payload", err)))
				return ret;
			snprintf(src->container, sizeof(src->container),
				 "bzImage (boot protocol %u.%02u), %s payload at 0x%llx (%llu bytes)",
				 bz.protocol >> 8, bz.protocol & 0xff,
				 xfc_compression_name(src->comp),
				 (unsigned long long)bz.payload_offset,
				 (unsigned long long)bz.payload_length);
			return XFC_OK;
		}
	}
	if ((ret = sniff(src, 0, src->file_size, "the file", err)))
		return ret;
	if (src->comp == XFC_COMP_NONE)
		snprintf(src->container, sizeof(src->container), "ELF file");
	else
		snprintf(src->container, sizeof(src->container), "%s-compressed file",
			 xfc_compression_name(src->comp));
	return XFC_OK;
}

int xfc_source_read(struct xfc_source *src, uint64_t off, void *buf,
		    size_t len, const char *what, struct xfc_error *err)
{
	uint64_t size = src->image_length;
	const char *whose = src->stream ? "the unpacked image" : "the file";
	size_t got = 0;
	int ret;

	if (off > UINT64_MAX - len)
		return xfc_fail(err, XFC_ERR_HEADER,
				"%s at offset 0x%llx with %zu bytes overflows a 64-bit offset",
				what, (unsigned long long)off, len);
#ifndef XEN_FEAT_NO_UNPACK
	if (src->stream) {
		uint64_t total = 0;

		if ((ret = xfc_stream_read(src->stream, off, buf, len, &got, &total, err)))
			return ret;
		size = total;
	} else
#endif
	{
		if (off < size && (ret = pread_all(src->fd, buf,
						   len < size - off ? len : (size_t)(size - off),
						   src->image_offset + off, &got, err)))
			return ret;
	}
	if (got == len)
		return XFC_OK;
	if (off >= size)
		return xfc_fail(err, XFC_ERR_HEADER,
				"%s at offset 0x%llx (%zu bytes) lies beyond the end of %s (%llu bytes)",
				what, (unsigned long long)off, len, whose,
				(unsigned long long)size);
	return xfc_fail(err, XFC_ERR_TRUNCATED,
			"%s runs from 0x%llx to 0x%llx, but %s ends at 0x%llx",
			what, (unsigned long long)off,
			(unsigned long long)(off + len), whose,
			(unsigned long long)(off + got));
}

uint64_t xfc_source_unpacked(const struct xfc_source *src)
{
#ifndef XEN_FEAT_NO_UNPACK
	if (src->stream)
		return xfc_stream_furthest(src->stream);
#else
	(void)src;
#endif
	return 0;
}

void xfc_source_close(struct xfc_source *src)
{
#ifndef XEN_FEAT_NO_UNPACK
	xfc_stream_close(src->stream);
	src->stream = NULL;
#endif
	if (src->fd >= 0)
		close(src->fd);
	src->fd = -1;
}
