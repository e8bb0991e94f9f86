// SPDX-License-Identifier: GPL-2.0
#include <stdlib.h>
#include <string.h>

#include "xen-feat-unpack.h"

#define PIECE (256 * 1024)

struct xfc_stream {
	const struct xfc_codec *codec;
	void *state;
	struct xfc_packed in;
	uint64_t unpacked_max;
	uint64_t piece_start;		/* unpacked offset of piece[0] */
	size_t piece_len;
	bool ended;
	uint64_t furthest;
	unsigned char piece[PIECE];
};

static int stream_start(struct xfc_stream *s, struct xfc_error *err)
{
	s->state = s->codec->start();
	if (!s->state)
		return xfc_fail(err, XFC_ERR_LIMIT,
				"cannot start the %s decompressor (out of memory)",
				s->codec->name);
	xfc_packed_rewind(&s->in);
	s->piece_start = 0;
	s->piece_len = 0;
	s->ended = false;
	return XFC_OK;
}

struct xfc_stream *xfc_stream_open(int fd, uint64_t offset, uint64_t length,
				   enum xfc_compression comp,
				   uint64_t unpacked_max, struct xfc_error *err)
{
	const struct xfc_codec *codec = xfc_codec_for(comp);
	struct xfc_stream *s;

	if (!codec) {
		xfc_fail(err, XFC_ERR_FORMAT, "no decompressor for %s",
			 xfc_compression_name(comp));
		return NULL;
	}
	s = calloc(1, sizeof(*s));
	if (!s) {
		xfc_fail(err, XFC_ERR_LIMIT, "out of memory");
		return NULL;
	}
	s->codec = codec;
	s->unpacked_max = unpacked_max;
	xfc_packed_init(&s->in, fd, offset, length);
	if (stream_start(s, err)) {
		free(s);
		return NULL;
	}
	return s;
}

static int too_long(struct xfc_stream *s, struct xfc_error *err)
{
	return xfc_fail(err, XFC_ERR_STREAM_LONG,
			"%s stream unpacks to more than %llu bytes (the bound; see --max-unpacked)",
			s->codec->name, (unsigned long long)s->unpacked_max);
}

/* The next piece of output, or (skip > 0, block formats) skip bytes dropped. */
static int next_piece(struct xfc_stream *s, uint64_t skip, struct xfc_error *err)
{
	uint64_t got = 0;
	size_t n = 0;
	int ret;

	s->piece_start += s->piece_len;
	s->piece_len = 0;
	if (skip && s->codec->discard)
		ret = s->codec->discard(s->state, &s->in, skip, &got, &s->ended, err);
	else {
		ret = s->codec->pull(s->state, &s->in, s->piece, sizeof(s->piece),
				     &n, &s->ended, err);
		got = n;
	}
	if (ret)
		return ret;
	if (s->piece_start > s->unpacked_max || got > s->unpacked_max - s->piece_start)
		return too_long(s, err);
	if (s->piece_start + got > s->furthest)
		s->furthest = s->piece_start + got;
	if (skip && s->codec->discard)
		s->piece_start += got;		/* dropped: nothing to keep */
	else
		s->piece_len = n;
	return XFC_OK;
}

int xfc_stream_read(struct xfc_stream *s, uint64_t off, void *buf, size_t len,
		    size_t *got, uint64_t *total, struct xfc_error *err)
{
	unsigned char *out = buf;
	int ret;

	*got = 0;
	if (off < s->piece_start) {
		s->codec->stop(s->state);
		s->state = NULL;
		if ((ret = stream_start(s, err)))
			return ret;
	}
	while (*got < len) {
		uint64_t at = off + *got;

		if (at < s->piece_start + s->piece_len) {
			size_t from = (size_t)(at - s->piece_start);
			size_t n = s->piece_len - from;

			if (n > len - *got)
				n = len - *got;
			memcpy(out + *got, s->piece + from, n);
			*got += n;
			continue;
		}
		if (s->ended) {
			*total = s->piece_start + s->piece_len;
			return XFC_OK;
		}
		/* Bytes before off need not be copied anywhere. */
		if ((ret = next_piece(s, at > s->piece_start + s->piece_len ?
					 at - (s->piece_start + s->piece_len) : 0, err)))
			return ret;
	}
	return XFC_OK;
}

uint64_t xfc_stream_furthest(const struct xfc_stream *s)
{
	return s->furthest;
}

void xfc_stream_close(struct xfc_stream *s)
{
	if (!s)
		return;
	if (s->state)
		s->codec->stop(s->state);
	free(s);
}
