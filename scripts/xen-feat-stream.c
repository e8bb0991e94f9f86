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
	uint64_t furthest, total, passed_over;
	uint64_t need_from, need_to;	/* what the reader needs next */
	/*
	 * The last ring_size bytes produced since ring_from (where the pass
	 * began, or last passed over bytes): byte i at ring[i % ring_size].
	 */
	unsigned char *ring;
	size_t ring_size;
	uint64_t ring_from;
	/*
	 * Block formats: the block that starts at block_start is block_whole
	 * bytes long; block[block_off, block_len) is unpacked and not yet
	 * handed out, block[block_len, block_whole) not yet unpacked.
	 */
	const unsigned char *block;
	size_t block_len, block_off, block_whole;
	uint64_t block_start;
};

static int stream_start(struct xfc_stream *s, struct xfc_error *err)
{
	xfc_packed_rewind(&s->in);
	s->pos = s->ring_from = s->need_from = s->need_to = 0;
	s->ended = false;
	s->block = NULL;
	s->block_len = s->block_off = s->block_whole = 0;
	s->block_start = 0;
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

void xfc_stream_need(struct xfc_stream *s, uint64_t from, uint64_t to)
{
	s->need_from = from;
	s->need_to = to;
}

/*
 * Moves the position over n bytes not handed out: not produced, or
 * unpacked into the current block and left there.
 */
static int pass_over(struct xfc_stream *s, uint64_t n, bool produced,
		     struct xfc_error *err)
{
	if (n > s->unpacked_max - s->pos)
		return too_long(s, err);
	s->pos += n;
	if (produced)
		s->total += n;
	else
		s->passed_over += n;
	s->ring_from = s->pos;
	if (s->pos > s->furthest)
		s->furthest = s->pos;
	return XFC_OK;
}

/*
 * How much of the block at block_start to unpack: what the reader asks
 * for, at least one byte past what is handed out, and at least twice the
 * prefix made so far (so that a reader creeping forward costs at most
 * twice the unpacking), in CHUNK steps.
 */
static uint64_t block_target(const struct xfc_stream *s)
{
	uint64_t t = s->need_to > s->block_start ? s->need_to - s->block_start : 0;

	if (t < (uint64_t)s->block_off + 1)
		t = (uint64_t)s->block_off + 1;
	if (t < 2 * (uint64_t)s->block_len)
		t = 2 * (uint64_t)s->block_len;
	return (t + CHUNK - 1) / CHUNK * CHUNK;
}

/*
 * Block formats: makes block[block_off] the next byte to hand out,
 * unpacking or passing over blocks and parts of blocks on the way.  What
 * is unpacked but lies before what the reader needs stays in the block,
 * readable behind the position, and is not copied out.
 */
static int block_ready(struct xfc_stream *s, struct xfc_error *err)
{
	int ret;

	for (;;) {
		if (s->block_off < s->block_len && s->need_from > s->pos) {
			uint64_t n = s->need_from - s->pos;

			if (n > s->block_len - s->block_off)
				n = s->block_len - s->block_off;
			if ((ret = pass_over(s, n, true, err)))
				return ret;
			s->block_off += (size_t)n;
		}
		if (s->block_off < s->block_len || s->ended)
			break;
		if (s->block_len < s->block_whole) {
			/* The rest of a block unpacked only in part. */
			if (s->need_from >= s->block_start + s->block_whole) {
				ret = pass_over(s, s->block_whole - s->block_off, false, err);
				s->block = NULL;	/* nothing of it is readable behind */
				s->block_off = s->block_len = s->block_whole;
			} else {
				ret = s->codec->more_block(s->state, &s->in, block_target(s),
							   &s->block, &s->block_len, err);
			}
			if (ret)
				return ret;
			continue;
		}
		s->block_start = s->pos;
		s->block_off = 0;
		s->block_len = 0;
		ret = s->codec->next_block(s->state, &s->in,
					   s->need_from > s->pos ? s->need_from - s->pos : 0,
					   block_target(s), &s->block, &s->block_len,
					   &s->block_whole, &s->ended, err);
		if (ret)
			return ret;
		if (!s->block && s->block_whole) {
			ret = pass_over(s, s->block_whole, false, err);
			s->block_off = s->block_len = s->block_whole;
			if (ret)
				return ret;
		}
	}
	return XFC_OK;
}

/* Block formats: copies up to cap bytes of the current block to out. */
static int take_block(struct xfc_stream *s, unsigned char *out, size_t cap,
		      size_t *got)
{
	*got = 0;
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
	size_t slot, cap;
	int ret;

	if (s->codec->next_block && (ret = block_ready(s, err)))
		return ret;
	slot = (size_t)(s->pos % s->ring_size);
	cap = s->ring_size - slot;
	if (cap > CHUNK)
		cap = CHUNK;
	*at = s->pos;
	*p = s->ring + slot;
	*n = 0;
	if (s->ended)
		return XFC_OK;
	ret = s->codec->next_block ? take_block(s, s->ring + slot, cap, n)
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

/* What the current block holds of [off, off + len) behind the position. */
static size_t block_behind(const struct xfc_stream *s, uint64_t off, void *buf,
			   size_t len)
{
	if (!s->block || off < s->block_start || off >= s->pos)
		return 0;
	if (len > s->pos - off)
		len = (size_t)(s->pos - off);
	memcpy(buf, s->block + (off - s->block_start), len);
	return len;
}

size_t xfc_stream_behind(const struct xfc_stream *s, uint64_t off, void *buf,
			 size_t len)
{
	uint64_t held = s->pos - s->ring_from < s->ring_size ? s->pos - s->ring_from : s->ring_size;
	unsigned char *out = buf;
	size_t done = block_behind(s, off, buf, len);

	if (done || off >= s->pos || off < s->pos - held)
		return done;
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
		       uint64_t *furthest, uint64_t *total, uint64_t *passed_over)
{
	*passes = s->passes;
	*furthest = s->furthest;
	*total = s->total;
	*passed_over = s->passed_over;
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
