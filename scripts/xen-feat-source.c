// SPDX-License-Identifier: GPL-2.0
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xen-feat-bzimage.h"
#include "xen-feat-file.h"
#include "xen-feat-source.h"
#ifndef XEN_FEAT_NO_UNPACK
#include "xen-feat-unpack.h"
#endif

static const unsigned char elf_magic[4] = { 0x7f, 'E', 'L', 'F' };

/* Bytes of the image kept until the source is closed. */
struct xfc_range {
	uint64_t off;
	size_t len;
	unsigned char *data;
};

/* A range to keep when the stream passes it: data[0, filled) so far. */
struct xfc_want {
	uint64_t off;
	size_t len, filled;
	unsigned char *data;
};

/* Ranges announced in advance are kept only up to this size each. */
#define WANT_MAX (8u << 20)

const char *xfc_size_text(uint64_t n, char *buf, size_t size)
{
	if (n >= (1u << 20) && n % (1u << 20) == 0)
		snprintf(buf, size, "%llu MiB", (unsigned long long)(n >> 20));
	else if (n >= (1u << 20))
		snprintf(buf, size, "%.1f MiB", (double)n / (1u << 20));
	else if (n >= (1u << 10) && n % (1u << 10) == 0)
		snprintf(buf, size, "%llu KiB", (unsigned long long)(n >> 10));
	else if (n >= (1u << 10))
		snprintf(buf, size, "%.1f KiB", (double)n / (1u << 10));
	else
		snprintf(buf, size, "%llu bytes", (unsigned long long)n);
	return buf;
}

int xfc_budget_charge(struct xfc_budget *b, uint64_t n, const char *what,
		      struct xfc_error *err)
{
	char need[32], left[32], limit[32];

	if (n > xfc_budget_left(b))
		return xfc_fail(err, XFC_ERR_MEMORY,
				"%s needs %s more, but only %s of --max-memory %s is left",
				what, xfc_size_text(n, need, sizeof(need)),
				xfc_size_text(xfc_budget_left(b), left, sizeof(left)),
				xfc_size_text(b->limit, limit, sizeof(limit)));
	b->used += n;
	if (b->used > b->peak)
		b->peak = b->used;
	return XFC_OK;
}

void xfc_budget_release(struct xfc_budget *b, uint64_t n)
{
	b->used = n < b->used ? b->used - n : 0;
}

int xfc_pread_all(int fd, void *buf, size_t len, uint64_t off, size_t *got,
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
	int ret = xfc_pread_all(src->fd, head, len < sizeof(head) ? (size_t)len : sizeof(head),
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
				      src->unpacked_max, &src->budget, err);
	return src->stream ? XFC_OK : err->status;
#endif
}

static void source_init(struct xfc_source *src, int fd, const char *name,
			uint64_t unpacked_max, uint64_t max_memory)
{
	memset(src, 0, sizeof(*src));
	src->path = name;
	src->fd = fd;
	src->unpacked_max = unpacked_max;
	src->budget.limit = max_memory;
}

int xfc_source_open(struct xfc_source *src, const char *path,
		    uint64_t unpacked_max, uint64_t max_memory,
		    struct xfc_error *err)
{
	/*
	 * O_NONBLOCK: opening a FIFO or a device must not wait for a writer
	 * or a carrier; what is not a regular file is refused below, before
	 * anything is read.
	 */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	int flags;

	if (fd < 0) {
		source_init(src, -1, path, unpacked_max, max_memory);
		return xfc_fail(err, XFC_ERR_IO, "cannot open: %s", strerror(errno));
	}
	flags = fcntl(fd, F_GETFL);
	if (flags < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) < 0) {
		source_init(src, fd, path, unpacked_max, max_memory);
		return xfc_fail(err, XFC_ERR_IO, "cannot use: %s", strerror(errno));
	}
	return xfc_source_open_fd(src, fd, path, unpacked_max, max_memory, err);
}

int xfc_source_open_fd(struct xfc_source *src, int fd, const char *name,
		       uint64_t unpacked_max, uint64_t max_memory,
		       struct xfc_error *err)
{
	unsigned char head[XFC_BZIMAGE_HEADER_END];
	struct stat st;
	size_t got;
	int ret;

	source_init(src, fd, name, unpacked_max, max_memory);
	if (fstat(src->fd, &st) < 0)
		return xfc_fail(err, XFC_ERR_IO, "cannot stat: %s", strerror(errno));
	if (!S_ISREG(st.st_mode))
		return xfc_fail(err, XFC_ERR_IO,
				"%s, not a regular file: check reads kernel images by offset",
				xfc_file_kind(st.st_mode));
	src->file_size = (uint64_t)st.st_size;
	if ((ret = xfc_pread_all(src->fd, head, sizeof(head), 0, &got, err)))
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
		/* The boot sector's signature, but the file ends before "HdrS". */
		if (got >= 0x200 && got < 0x206 && head[0x1fe] == 0x55 && head[0x1ff] == 0xaa)
			return xfc_fail(err, XFC_ERR_TRUNCATED,
					"the file ends after %zu bytes, inside what begins as an x86 boot sector, before a bzImage's header",
					got);
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

/* ------------------------------------------------------------------------ */
/* Kept ranges */

static const struct xfc_range *find_range(const struct xfc_source *src,
					  uint64_t off, uint64_t len)
{
	for (size_t i = src->nr_ranges; i--;) {
		const struct xfc_range *r = &src->ranges[i];

		if (off >= r->off && off - r->off <= r->len && len <= r->len - (off - r->off))
			return r;
	}
	return NULL;
}

static int add_range(struct xfc_source *src, uint64_t off, size_t len,
		     unsigned char *data, struct xfc_error *err)
{
	if (src->nr_ranges == src->ranges_cap) {
		size_t cap = src->ranges_cap ? 2 * src->ranges_cap : 16;
		struct xfc_range *r = realloc(src->ranges, cap * sizeof(*r));

		if (!r)
			return xfc_fail(err, XFC_ERR_MEMORY, "out of memory");
		src->ranges = r;
		src->ranges_cap = cap;
	}
	src->ranges[src->nr_ranges++] = (struct xfc_range){ off, len, data };
	return XFC_OK;
}

bool xfc_source_has(const struct xfc_source *src, uint64_t off, uint64_t len)
{
	if (!src->stream)
		return false;
	return find_range(src, off, len) != NULL;
}

void xfc_source_expect(struct xfc_source *src, uint64_t off, uint64_t len)
{
	struct xfc_want *w;

	if (!src->stream || !len || len > WANT_MAX || off > UINT64_MAX - len ||
	    find_range(src, off, len))
		return;
	for (size_t i = 0; i < src->nr_wants; i++)
		if (src->wants[i].off == off && src->wants[i].len == len)
			return;
	if (src->nr_wants == src->wants_cap) {
		size_t cap = src->wants_cap ? 2 * src->wants_cap : 8;

		w = realloc(src->wants, cap * sizeof(*w));
		if (!w)
			return;
		src->wants = w;
		src->wants_cap = cap;
	}
	src->wants[src->nr_wants++] = (struct xfc_want){ off, (size_t)len, 0, NULL };
}

static void drop_want(struct xfc_source *src, size_t i)
{
	struct xfc_want *w = &src->wants[i];

	if (w->data) {
		xfc_budget_release(&src->budget, w->len);
		free(w->data);
	}
	src->wants[i] = src->wants[--src->nr_wants];
}

#ifndef XEN_FEAT_NO_UNPACK
/* Keeps what a new chunk [at, at + n) brings of each wanted range. */
static void capture(struct xfc_source *src, uint64_t at, const unsigned char *p,
		    size_t n)
{
	struct xfc_error ignored = { XFC_OK, "" };

	for (size_t i = 0; i < src->nr_wants;) {
		struct xfc_want *w = &src->wants[i];
		uint64_t next = w->off + w->filled;
		size_t take;

		/* Only a contiguous run from the start of the range is kept. */
		if (next < at || next >= at + n) {
			i++;
			continue;
		}
		if (!w->data) {
			/* Announced, not asked for: kept only if it fits. */
			if (w->len > xfc_budget_left(&src->budget) ||
			    !(w->data = malloc(w->len))) {
				drop_want(src, i);
				continue;
			}
			xfc_budget_charge(&src->budget, w->len, "", &ignored);
		}
		take = (size_t)(at + n - next);
		if (take > w->len - w->filled)
			take = w->len - w->filled;
		memcpy(w->data + w->filled, p + (next - at), take);
		w->filled += take;
		if (w->filled == w->len) {
			if (add_range(src, w->off, w->len, w->data, &ignored)) {
				drop_want(src, i);
				continue;
			}
			w->data = NULL;		/* now a range's */
			src->wants[i] = src->wants[--src->nr_wants];
			continue;
		}
		i++;
	}
}

/* A restart unpacks everything again: partial captures start over. */
static void reset_wants(struct xfc_source *src)
{
	for (size_t i = 0; i < src->nr_wants; i++) {
		struct xfc_want *w = &src->wants[i];

		if (w->data) {
			xfc_budget_release(&src->budget, w->len);
			free(w->data);
		}
		w->data = NULL;
		w->filled = 0;
	}
}

/* The first byte anything still needs: want, or a wanted range's next byte. */
static uint64_t first_needed(const struct xfc_source *src, uint64_t want)
{
	for (size_t i = 0; i < src->nr_wants; i++)
		if (src->wants[i].off + src->wants[i].filled < want)
			want = src->wants[i].off + src->wants[i].filled;
	return want;
}

/* Up to len bytes at off from the stream into buf; *got < len at its end. */
static int fill_from_stream(struct xfc_source *src, uint64_t off, size_t len,
			    unsigned char *buf, size_t *got,
			    struct xfc_error *err)
{
	struct xfc_stream *s = src->stream;
	int ret;

	*got = 0;
	if (off < xfc_stream_position(s)) {
		*got = xfc_stream_behind(s, off, buf, len);
		if (!*got) {
			/* Further back than anything kept: unpack from the start. */
			reset_wants(src);
			if ((ret = xfc_stream_restart(s, err)))
				return ret;
		}
	}
	while (*got < len) {
		uint64_t at, want = off + *got;
		const unsigned char *p;
		size_t n;

		xfc_stream_need(s, first_needed(src, want), off + len);
		if ((ret = xfc_stream_next(s, &at, &p, &n, err)))
			return ret;
		if (!n)
			break;
		capture(src, at, p, n);
		if (at + n > want && at <= want) {
			size_t take = (size_t)(at + n - want);

			if (take > len - *got)
				take = len - *got;
			memcpy(buf + *got, p + (want - at), take);
			*got += take;
		}
	}
	return XFC_OK;
}
#endif

/* The image's length, once known (a plain file; a stream unpacked to its end). */
static bool image_length(const struct xfc_source *src, uint64_t *len)
{
#ifndef XEN_FEAT_NO_UNPACK
	if (src->stream) {
		*len = xfc_stream_position(src->stream);
		return xfc_stream_ended(src->stream);
	}
#endif
	*len = src->image_length;
	return true;
}

int xfc_source_get_upto(struct xfc_source *src, uint64_t off, size_t len,
			const char *what, const unsigned char **out,
			size_t *got, struct xfc_error *err)
{
	const struct xfc_range *r;
	unsigned char *buf;
	uint64_t size;
	int ret;

	*out = NULL;
	*got = 0;
	if (off > UINT64_MAX - len)
		return xfc_fail(err, XFC_ERR_HEADER,
				"%s at offset 0x%llx with %zu bytes overflows a 64-bit offset",
				what, (unsigned long long)off, len);
	if (off + len > src->needed_end) {
		src->needed_end = off + len;
		snprintf(src->needed_what, sizeof(src->needed_what), "%s", what);
	}
	if ((r = find_range(src, off, len))) {
		*out = r->data + (off - r->off);
		*got = len;
		return XFC_OK;
	}
	/* Nothing lies past a known end: ask for no more than is there. */
	if (image_length(src, &size) && off + len > size) {
		if (off >= size) {
			static const unsigned char none;

			*out = &none;
			return XFC_OK;
		}
		len = (size_t)(size - off);
		if ((r = find_range(src, off, len))) {
			*out = r->data + (off - r->off);
			*got = len;
			return XFC_OK;
		}
	}
	if ((ret = xfc_budget_charge(&src->budget, len, what, err)))
		return ret;
	buf = malloc(len ? len : 1);
	if (!buf) {
		xfc_budget_release(&src->budget, len);
		return xfc_fail(err, XFC_ERR_MEMORY, "out of memory for %s (%zu bytes)", what, len);
	}
#ifndef XEN_FEAT_NO_UNPACK
	if (src->stream)
		ret = fill_from_stream(src, off, len, buf, got, err);
	else
#endif
		ret = xfc_pread_all(src->fd, buf, len, src->image_offset + off, got, err);
	if (!ret)
		ret = add_range(src, off, len, buf, err);
	if (ret) {
		xfc_budget_release(&src->budget, len);
		free(buf);
		return ret;
	}
	/* What was not there is not kept as if it were. */
	src->ranges[src->nr_ranges - 1].len = *got;
	xfc_budget_release(&src->budget, len - *got);
	*out = buf;
	return XFC_OK;
}

int xfc_source_get(struct xfc_source *src, uint64_t off, size_t len,
		   const char *what, const unsigned char **out,
		   struct xfc_error *err)
{
	const char *whose = src->stream ? "the unpacked image" : "the file";
	uint64_t size;
	size_t got;
	int ret = xfc_source_get_upto(src, off, len, what, out, &got, err);

	if (ret || got == len)
		return ret;
	image_length(src, &size);
	if (!got)
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

int xfc_source_read(struct xfc_source *src, uint64_t off, void *buf,
		    size_t len, const char *what, struct xfc_error *err)
{
	const unsigned char *p;
	int ret = xfc_source_get(src, off, len, what, &p, err);

	if (!ret)
		memcpy(buf, p, len);
	return ret;
}

void xfc_source_stats(const struct xfc_source *src, struct xfc_source_stats *st)
{
	memset(st, 0, sizeof(*st));
#ifndef XEN_FEAT_NO_UNPACK
	if (src->stream) {
		st->stream = true;
		xfc_stream_counts(src->stream, &st->passes, &st->unpacked,
				  &st->unpacked_total, &st->passed_over);
		st->ended = xfc_stream_ended(src->stream);
	}
#endif
	st->needed_end = src->needed_end;
	st->needed_what = src->needed_what;
	st->memory_peak = src->budget.peak;
	st->memory_limit = src->budget.limit;
}

void xfc_source_close(struct xfc_source *src)
{
	while (src->nr_wants)
		drop_want(src, src->nr_wants - 1);
	free(src->wants);
	src->wants = NULL;
	for (size_t i = 0; i < src->nr_ranges; i++) {
		xfc_budget_release(&src->budget, src->ranges[i].len);
		free(src->ranges[i].data);
	}
	free(src->ranges);
	src->ranges = NULL;
	src->nr_ranges = src->ranges_cap = 0;
#ifndef XEN_FEAT_NO_UNPACK
	xfc_stream_close(src->stream);
	src->stream = NULL;
#endif
	if (src->fd >= 0)
		close(src->fd);
	src->fd = -1;
}
