// SPDX-License-Identifier: GPL-2.0
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "xen-feat-unpack.h"

void xfc_packed_init(struct xfc_packed *in, int fd, uint64_t start,
		     uint64_t length)
{
	in->fd = fd;
	in->start = start;
	in->end = start + length;
	xfc_packed_rewind(in);
}

void xfc_packed_rewind(struct xfc_packed *in)
{
	in->pos = in->start;
	in->len = in->off = 0;
}

int xfc_packed_peek(struct xfc_packed *in, const unsigned char **data,
		    size_t *avail, struct xfc_error *err)
{
	if (in->off == in->len && in->pos < in->end) {
		uint64_t left = in->end - in->pos;
		size_t want = left < sizeof(in->buf) ? (size_t)left : sizeof(in->buf);
		ssize_t n;

		do
			n = pread(in->fd, in->buf, want, (off_t)in->pos);
		while (n < 0 && errno == EINTR);
		if (n < 0)
			return xfc_fail(err, XFC_ERR_IO, "read error at byte %llu: %s",
					(unsigned long long)in->pos, strerror(errno));
		/* The file shrank under us: treat as the end of input. */
		if (n == 0)
			in->end = in->pos;
		in->pos += (uint64_t)n;
		in->len = (size_t)n;
		in->off = 0;
	}
	*data = in->buf + in->off;
	*avail = in->len - in->off;
	return XFC_OK;
}

void xfc_packed_consume(struct xfc_packed *in, size_t n)
{
	in->off += n;
}

int xfc_packed_read(struct xfc_packed *in, void *dst, size_t n, size_t *got,
		    struct xfc_error *err)
{
	unsigned char *p = dst;

	*got = 0;
	while (*got < n) {
		const unsigned char *data;
		size_t avail;
		int ret;

		/* Large reads skip the buffer: block formats read whole blocks. */
		if (in->off == in->len && n - *got >= sizeof(in->buf) && in->pos < in->end) {
			uint64_t left = in->end - in->pos;
			size_t want = n - *got < left ? n - *got : (size_t)left;
			ssize_t r;

			do
				r = pread(in->fd, p + *got, want, (off_t)in->pos);
			while (r < 0 && errno == EINTR);
			if (r < 0)
				return xfc_fail(err, XFC_ERR_IO, "read error at byte %llu: %s",
						(unsigned long long)in->pos, strerror(errno));
			if (r == 0)
				in->end = in->pos;
			in->pos += (uint64_t)r;
			*got += (size_t)r;
			continue;
		}
		ret = xfc_packed_peek(in, &data, &avail, err);

		if (ret)
			return ret;
		if (!avail)
			break;
		if (avail > n - *got)
			avail = n - *got;
		memcpy(p + *got, data, avail);
		xfc_packed_consume(in, avail);
		*got += avail;
	}
	return XFC_OK;
}

void xfc_packed_skip(struct xfc_packed *in, uint64_t n, uint64_t *got)
{
	size_t buffered = in->len - in->off;

	if (n <= buffered) {
		in->off += (size_t)n;
		*got = n;
		return;
	}
	in->off = in->len;
	n -= buffered;
	if (n > in->end - in->pos)
		n = in->end - in->pos;
	in->pos += n;
	*got = buffered + n;
}

int xfc_packed_peek_at(struct xfc_packed *in, uint64_t ahead, void *dst,
		       size_t n, size_t *got, struct xfc_error *err)
{
	uint64_t at = xfc_packed_consumed(in) + ahead, end = in->end - in->start;

	*got = 0;
	if (at >= end)
		return XFC_OK;
	if (n > end - at)
		n = (size_t)(end - at);
	return xfc_pread_all(in->fd, dst, n, in->start + at, got, err);
}

uint64_t xfc_packed_consumed(const struct xfc_packed *in)
{
	return in->pos - in->start - (in->len - in->off);
}

uint64_t xfc_packed_left(const struct xfc_packed *in)
{
	return in->end - in->pos + (in->len - in->off);
}

const struct xfc_codec *xfc_codec_for(enum xfc_compression comp)
{
	switch (comp) {
	case XFC_COMP_GZIP:		return &xfc_codec_gzip;
	case XFC_COMP_BZIP2:		return &xfc_codec_bzip2;
	case XFC_COMP_LZMA:		return &xfc_codec_lzma;
	case XFC_COMP_XZ:		return &xfc_codec_xz;
	case XFC_COMP_LZO:		return &xfc_codec_lzo;
	case XFC_COMP_LZ4_LEGACY:	return &xfc_codec_lz4_legacy;
	case XFC_COMP_LZ4_FRAME:	return &xfc_codec_lz4_frame;
	case XFC_COMP_ZSTD:		return &xfc_codec_zstd;
	case XFC_COMP_NONE:		break;
	}
	return NULL;
}

int xfc_stream_short(struct xfc_error *err, const char *codec,
		     const struct xfc_packed *in)
{
	return xfc_fail(err, XFC_ERR_STREAM_SHORT,
			"%s stream stops after %llu compressed bytes, before its end",
			codec, (unsigned long long)xfc_packed_consumed(in));
}

int xfc_stream_corrupt(struct xfc_error *err, const char *codec,
		       const struct xfc_packed *in, const char *why)
{
	return xfc_fail(err, XFC_ERR_STREAM_CORRUPT,
			"%s data is corrupt near compressed byte %llu: %s",
			codec, (unsigned long long)xfc_packed_consumed(in), why);
}

int xfc_codec_charge(struct xfc_budget *budget, uint64_t *charged,
		     uint64_t total, const char *what, struct xfc_error *err)
{
	if (total > *charged) {
		int ret = xfc_budget_charge(budget, total - *charged, what, err);

		if (ret)
			return ret;
	} else {
		xfc_budget_release(budget, *charged - total);
	}
	*charged = total;
	return XFC_OK;
}

int xfc_codec_too_big(struct xfc_error *err, const char *codec,
		      const char *thing, uint64_t size, uint64_t need,
		      const struct xfc_budget *budget)
{
	char a[32], b[32], c[32], d[32];

	return xfc_fail(err, XFC_ERR_MEMORY,
			"%s stream declares a %s %s: unpacking it needs %s, more than the %s left of --max-memory %s",
			codec, xfc_size_text(size, a, sizeof(a)), thing,
			xfc_size_text(need, b, sizeof(b)),
			xfc_size_text(xfc_budget_left(budget), c, sizeof(c)),
			xfc_size_text(budget->limit, d, sizeof(d)));
}
