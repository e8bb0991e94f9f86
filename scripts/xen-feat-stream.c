// SPDX-License-Identifier: GPL-2.0
#include <stdlib.h>
#include <string.h>

#include "xen-feat-unpack.h"

/* Most bytes one chunk brings: the library writes straight into the ring. */
#define CHUNK (256 * 1024)

struct xfc_stream {
	const struct xfc_codec *codec;
	void *state;
	struct xfc_packed in;
	struct xfc_budget *budget;
	uint64_t unpacked_max;
	uint64_t pos;			/* bytes produced in this pass */
	bool ended;
	unsigned int passes;
	uint64_t furthest, total;
	/* The last ring_size bytes produced: byte i at ring[i % ring_size]. */
	unsigned char *ring;
	size_t ring_size;
	/* Block formats: block[block_off, block_len) is not yet handed out. */
	const unsigned char *block;
	size_t block_len, block_off;
};

static int stream_start(struct xfc_stream *s, struct xfc_error *err)
{
	xfc_packed_rewind(&s->in);
	s->pos = 0;
	s->ended = false;
	s->block = NULL;
	s->block_len = s->block_off = 0;
	s->state = s->codec->start(&s->in, s->budget, err);
	if (!s->state)
		return xfc_fail(err, XFC_ERR_MEMORY, "cannot start the %s decompressor",
				s->codec->name);
	s->passes++;
	return XFC_OK;
}

struct xfc_stream *xfc_stream_open(int fd, uint64_t offset, uint64_t length,
				   enum xfc_compression comp,
				   uint64_t unpacked_max,
				   struct xfc_budget *budget,
				   struct xfc_error *err)
{
	const struct xfc_codec *codec = xfc_codec_for(comp);
	struct xfc_stream *s;
	uint64_t room;

	if (!codec) {
		xfc_fail(err, XFC_ERR_FORMAT, "no decompressor for %s",
			 xfc_compression_name(comp));
		return NULL;
	}
	s = calloc(1, sizeof(*s));
	if (!s) {
		xfc_fail(err, XFC_ERR_MEMORY, "out of memory");
		return NULL;
	}
	s->codec = codec;
	s->budget = budget;
	s->unpacked_max = unpacked_max;
	xfc_packed_init(&s->in, fd, offset, length);
	/* The look-behind takes at most a quarter of what is left. */
	room = xfc_budget_left(budget) / 4;
	s->ring_size = room < XFC_LOOKBEHIND ? (size_t)room : XFC_LOOKBEHIND;
	if (s->ring_size < XFC_LOOKBEHIND_MIN)
		s->ring_size = XFC_LOOKBEHIND_MIN;
	if (xfc_budget_charge(budget, s->ring_size + sizeof(*s),
			      "the unpacked stream's look-behind", err)) {
		free(s);
		return NULL;
	}
	s->ring = malloc(s->ring_size);
	if (!s->ring) {
		xfc_budget_release(budget, s->ring_size + sizeof(*s));
		xfc_fail(err, XFC_ERR_MEMORY, "out of memory");
		free(s);
		return NULL;
	}
	if (stream_start(s, err)) {
		xfc_stream_close(s);
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
static int pull_steps(struct xfc_stream *s, unsigned char *out, size_t cap,
		      size_t *got, struct xfc_error *err)
{
	*got = 0;
	while (*got == 0 && !s->ended) {
		const unsigned char *data;
		size_t avail;
		int ret = xfc_packed_peek(&s->in, &data, &avail, err);

		if (ret == XFC_OK)
			ret = s->codec->step(s->state, &s->in, data, avail, out, cap,
					     got, &s->ended, err);
		if (ret)
			return ret;
		/* Nothing came out and nothing is left to go in. */
		if (!*got && !s->ended && !avail)
			return xfc_stream_short(err, s->codec->name, &s->in);
	}
	return XFC_OK;
}

/* Block formats: copies up to cap bytes of the current block to out. */
static int take_block(struct xfc_stream *s, unsigned char *out, size_t cap,
		      size_t *got, struct xfc_error *err)
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
	memcpy(out, s->block + s->block_off, *got);
	s->block_off += *got;
	return XFC_OK;
}

int xfc_stream_next(struct xfc_stream *s, uint64_t *at,
		    const unsigned char **p, size_t *n, struct xfc_error *err)
{
	size_t slot = (size_t)(s->pos % s->ring_size);
	size_t cap = s->ring_size - slot;
	int ret;

	if (cap > CHUNK)
		cap = CHUNK;
	*at = s->pos;
	*p = s->ring + slot;
	*n = 0;
	if (s->ended)
		return XFC_OK;
	ret = s->codec->next_block ? take_block(s, s->ring + slot, cap, n, err)
				   : pull_steps(s, s->ring + slot, cap, n, err);
	if (ret)
		return ret;
	if (*n > s->unpacked_max - s->pos)
		return too_long(s, err);
	s->pos += *n;
	s->total += *n;
	if (s->pos > s->furthest)
		s->furthest = s->pos;
	return XFC_OK;
}

size_t xfc_stream_behind(const struct xfc_stream *s, uint64_t off, void *buf,
			 size_t len)
{
	uint64_t held = s->pos < s->ring_size ? s->pos : s->ring_size;
	unsigned char *out = buf;
	size_t done = 0;

	if (off >= s->pos || off < s->pos - held)
		return 0;
	if (len > s->pos - off)
		len = (size_t)(s->pos - off);
	while (done < len) {
		size_t slot = (size_t)((off + done) % s->ring_size);
		size_t n = s->ring_size - slot;

		if (n > len - done)
			n = len - done;
		memcpy(out + done, s->ring + slot, n);
		done += n;
	}
	return done;
}

uint64_t xfc_stream_position(const struct xfc_stream *s)
{
	return s->pos;
}

bool xfc_stream_ended(const struct xfc_stream *s)
{
	return s->ended;
}

int xfc_stream_restart(struct xfc_stream *s, struct xfc_error *err)
{
	s->codec->stop(s->state);
	s->state = NULL;
	return stream_start(s, err);
}

void xfc_stream_counts(const struct xfc_stream *s, unsigned int *passes,
		       uint64_t *furthest, uint64_t *total)
{
	*passes = s->passes;
	*furthest = s->furthest;
	*total = s->total;
}

void xfc_stream_close(struct xfc_stream *s)
{
	if (!s)
		return;
	if (s->state)
		s->codec->stop(s->state);
	if (s->ring)
		xfc_budget_release(s->budget, s->ring_size + sizeof(*s));
	free(s->ring);
	free(s);
}
