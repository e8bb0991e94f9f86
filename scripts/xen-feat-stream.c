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
	/* Block formats: block[block_off, block_len) is not yet handed out. */
	const unsigned char *block;
	size_t block_len, block_off;
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
	s->block = NULL;
	s->block_len = s->block_off = 0;
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

/* Stream formats: runs the library until output comes or the stream ends. */
static int pull_steps(struct xfc_stream *s, size_t *got, struct xfc_error *err)
{
	*got = 0;
	while (*got == 0 && !s->ended) {
		const unsigned char *data;
		size_t avail;
		int ret = xfc_packed_peek(&s->in, &data, &avail, err);

		if (ret == XFC_OK)
			ret = s->codec->step(s->state, &s->in, data, avail, s->piece,
					     sizeof(s->piece), got, &s->ended, err);
		if (ret)
			return ret;
		/* Nothing came out and nothing is left to go in. */
		if (!*got && !s->ended && !avail)
			return xfc_stream_short(err, s->codec->name, &s->in);
	}
	return XFC_OK;
}

/* Block formats: copies out (or, with out NULL, drops) up to cap bytes. */
static int take_block(struct xfc_stream *s, unsigned char *out, uint64_t cap,
		      uint64_t *got, struct xfc_error *err)
{
	*got = 0;
	while (s->block_off == s->block_len && !s->ended) {
		int ret = s->codec->next_block(s->state, &s->in, &s->block,
					       &s->block_len, &s->ended, err);

		if (ret)
			return ret;
		s->block_off = 0;
	}
	if (s->ended)
		return XFC_OK;
	*got = s->block_len - s->block_off;
	if (*got > cap)
		*got = cap;
	if (out)
		memcpy(out, s->block + s->block_off, (size_t)*got);
	s->block_off += (size_t)*got;
	return XFC_OK;
}

/*
 * The next piece of output; or, for block formats with skip > 0, up to
 * skip bytes dropped without a copy.
 */
static int next_piece(struct xfc_stream *s, uint64_t skip, struct xfc_error *err)
{
	bool dropping = skip && s->codec->next_block;
	uint64_t got = 0;
	size_t n = 0;
	int ret;

	s->piece_start += s->piece_len;
	s->piece_len = 0;
	if (s->codec->next_block)
		ret = take_block(s, dropping ? NULL : s->piece,
				 dropping ? skip : sizeof(s->piece), &got, err);
	else {
		ret = pull_steps(s, &n, err);
		got = n;
	}
	if (ret)
		return ret;
	if (s->piece_start > s->unpacked_max || got > s->unpacked_max - s->piece_start)
		return too_long(s, err);
	if (s->piece_start + got > s->furthest)
		s->furthest = s->piece_start + got;
	if (dropping)
		s->piece_start += got;		/* nothing to keep */
	else
		s->piece_len = (size_t)got;
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
