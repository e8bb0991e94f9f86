// SPDX-License-Identifier: GPL-2.0
/*
 * lz4 through liblz4: the legacy format `lz4 -l` writes (what Linux
 * uses: independent blocks of at most 8 MiB, each behind its
 * little-endian compressed size) and the frame format.
 */
#include <lz4.h>
#include <lz4frame.h>
#include <stdio.h>
#include <stdlib.h>

#include "xen-feat-unpack.h"

#define LEGACY_MAGIC		0x184c2102u
#define LEGACY_BLOCK_MAX	(8u << 20)

struct lz4_legacy {
	bool magic_seen;
	uint32_t total;			/* unpacked so far, mod 2^32 */
	uint64_t blocks;		/* unpacked so far */
	uint32_t last_len;		/* of the last block */
	uint32_t size;			/* the current block's compressed size */
	bool partial;			/* ... and it is unpacked only in part */
	char *packed;			/* one compressed block */
	char *block;
	struct xfc_budget *budget;
	uint64_t charged;
};

static void *lz4_legacy_start(struct xfc_packed *in, struct xfc_budget *budget,
			      struct xfc_error *err)
{
	uint64_t need = (uint64_t)LZ4_compressBound(LEGACY_BLOCK_MAX) + LEGACY_BLOCK_MAX;
	struct lz4_legacy *st;

	(void)in;
	if (need > xfc_budget_left(budget)) {
		xfc_codec_too_big(err, "lz4", "block size", LEGACY_BLOCK_MAX, need, budget);
		return NULL;
	}
	st = calloc(1, sizeof(*st));
	if (!st)
		return NULL;
	st->budget = budget;
	if (xfc_codec_charge(budget, &st->charged, need, "lz4", err)) {
		free(st);
		return NULL;
	}
	st->packed = malloc((size_t)LZ4_compressBound(LEGACY_BLOCK_MAX));
	st->block = malloc(LEGACY_BLOCK_MAX);
	if (!st->packed || !st->block) {
		free(st->packed);
		free(st->block);
		xfc_budget_release(budget, st->charged);
		free(st);
		return NULL;
	}
	return st;
}

static uint32_t le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static bool at_end(struct xfc_packed *in, int *ret, struct xfc_error *err)
{
	const unsigned char *data;
	size_t avail;

	*ret = xfc_packed_peek(in, &data, &avail, err);
	return !*ret && !avail;
}

/*
 * What may follow a block: the next one, if it unpacked to a whole 8 MiB;
 * otherwise the end of the input, the size Linux appends (which must
 * match), or a new stream's magic.  Checked at once, so that a block cut
 * short by corrupt data is caught even when no block is read after it.
 */
static int check_after_block(struct lz4_legacy *st, struct xfc_packed *in,
			     struct xfc_error *err)
{
	uint64_t left = xfc_packed_left(in);
	const unsigned char *data;
	size_t avail;
	char why[200];
	int ret;

	if (left == 0 || (st->last_len == LEGACY_BLOCK_MAX && left != 4))
		return XFC_OK;
	if ((ret = xfc_packed_peek(in, &data, &avail, err)))
		return ret;
	if (avail < 4)
		return XFC_OK;			/* judged when read */
	if (left == 4 && le32(data) != st->total) {
		snprintf(why, sizeof(why),
			 "the size appended to the stream says %u bytes, but its blocks unpacked to %u",
			 le32(data), st->total);
		return xfc_stream_corrupt(err, "lz4", in, why);
	}
	if (left == 4 || st->last_len == LEGACY_BLOCK_MAX || le32(data) == LEGACY_MAGIC)
		return XFC_OK;
	snprintf(why, sizeof(why),
		 "block %llu unpacked to %u bytes, yet %llu more bytes of the stream follow it (only the last block may be shorter than 8 MiB)",
		 (unsigned long long)st->blocks, st->last_len, (unsigned long long)left);
	return xfc_stream_corrupt(err, "lz4", in, why);
}

/* Block number (from 1) unpacked to len bytes with another block after it. */
static int short_block(struct xfc_packed *in, uint64_t number, uint32_t len,
		       struct xfc_error *err)
{
	char why[160];

	snprintf(why, sizeof(why),
		 "block %llu unpacked to %u bytes, yet another block follows (only the last may be shorter than 8 MiB)",
		 (unsigned long long)number, len);
	return xfc_stream_corrupt(err, "lz4", in, why);
}

/*
 * The next block's header: its compressed size in st->size, read once
 * and kept until the block is taken; *end at the end of the stream.
 */
static int block_header(struct lz4_legacy *st, struct xfc_packed *in, bool *end,
			struct xfc_error *err)
{
	const uint32_t bound = (uint32_t)LZ4_compressBound(LEGACY_BLOCK_MAX);
	unsigned char word[4];
	size_t got;
	uint32_t size;
	int ret;

	*end = false;
	for (;;) {
		ret = xfc_packed_read(in, word, 4, &got, err);
		if (ret)
			return ret;
		/* The legacy format has no end marker: input just stops. */
		if (got == 0 && st->magic_seen) {
			*end = true;
			return XFC_OK;
		}
		if (got < 4)
			return xfc_stream_short(err, "lz4", in);
		size = le32(word);
		if (size != LEGACY_MAGIC)
			break;
		st->magic_seen = true;		/* streams may be concatenated */
		st->last_len = LEGACY_BLOCK_MAX; /* each ends with its own short block */
	}
	if (!st->magic_seen)
		return xfc_stream_corrupt(err, "lz4", in, "no legacy-format magic");
	/*
	 * Linux appends the unpacked size to the stream: the last four bytes,
	 * read as a block size, equal everything unpacked so far.  The format
	 * has no checksum: a size that is there but does not match says the
	 * blocks before it unpacked to something else than was packed.
	 */
	if (at_end(in, &ret, err) && st->blocks) {
		char why[160];

		if (size == st->total) {
			*end = true;
			return XFC_OK;
		}
		snprintf(why, sizeof(why),
			 "the size appended to the stream says %u bytes, but its blocks unpacked to %u",
			 size, st->total);
		return xfc_stream_corrupt(err, "lz4", in, why);
	}
	if (ret)
		return ret;
	if (size > bound)
		return xfc_stream_corrupt(err, "lz4", in, "block size out of range");
	/* Every block but the last unpacks to exactly the block size. */
	if (st->blocks && st->last_len != LEGACY_BLOCK_MAX)
		return short_block(in, st->blocks, st->last_len, err);
	st->size = size;
	return XFC_OK;
}

/*
 * Whether another block of this stream follows the one of st->size
 * compressed bytes that starts here: then this one unpacks to exactly
 * 8 MiB, and need not be unpacked to know it.  Not when only Linux's
 * appended size, or a new stream's magic, comes after it.
 */
static int block_followed(struct lz4_legacy *st, struct xfc_packed *in,
			  bool *followed, struct xfc_error *err)
{
	unsigned char word[4];
	size_t got;
	int ret = xfc_packed_peek_at(in, st->size, word, sizeof(word), &got, err);

	*followed = !ret && got == 4 && xfc_packed_left(in) - st->size > 4 &&
		    le32(word) != LEGACY_MAGIC;
	return ret;
}

/* Accounts for a block of len unpacked bytes. */
static int block_taken(struct lz4_legacy *st, struct xfc_packed *in, uint32_t len,
		       struct xfc_error *err)
{
	st->blocks++;
	st->last_len = len;
	st->total += len;	/* the appended size is mod 2^32 too */
	return check_after_block(st, in, err);
}

/*
 * Unpacks the block in st->packed up to target bytes, or whole: a block
 * that another follows must not end before 8 MiB.
 */
static int block_unpack(struct lz4_legacy *st, struct xfc_packed *in, uint64_t target,
			const unsigned char **block, size_t *len,
			struct xfc_error *err)
{
	int n;

	if (st->partial && target < LEGACY_BLOCK_MAX)
		n = LZ4_decompress_safe_partial(st->packed, st->block, (int)st->size,
						(int)target, LEGACY_BLOCK_MAX);
	else
		n = LZ4_decompress_safe(st->packed, st->block, (int)st->size, LEGACY_BLOCK_MAX);
	if (n < 0)
		return xfc_stream_corrupt(err, "lz4", in, "bad block");
	if (st->partial && (uint64_t)n < (target < LEGACY_BLOCK_MAX ? target : LEGACY_BLOCK_MAX))
		return short_block(in, st->blocks, (uint32_t)n, err);
	if (n == LEGACY_BLOCK_MAX)
		st->partial = false;
	*block = (const unsigned char *)st->block;
	*len = (size_t)n;
	return XFC_OK;
}

static int lz4_legacy_next_block(void *state, struct xfc_packed *in, uint64_t skip,
				 uint64_t need, const unsigned char **block,
				 size_t *len, size_t *whole, bool *done,
				 struct xfc_error *err)
{
	struct lz4_legacy *st = state;
	bool followed;
	size_t got;
	uint64_t skipped;
	int ret;

	*block = NULL;
	*len = *whole = 0;
	st->partial = false;
	if ((ret = block_header(st, in, done, err)) || *done)
		return ret;
	if ((ret = block_followed(st, in, &followed, err)))
		return ret;
	if (followed) {
		/* 8 MiB by the format: passed over unread, or unpacked in part. */
		*whole = LEGACY_BLOCK_MAX;
		if (skip >= LEGACY_BLOCK_MAX) {
			xfc_packed_skip(in, st->size, &skipped);
			return block_taken(st, in, LEGACY_BLOCK_MAX, err);
		}
		st->partial = true;
		if ((ret = block_taken(st, in, LEGACY_BLOCK_MAX, err)))
			return ret;
	}
	ret = xfc_packed_read(in, st->packed, st->size, &got, err);
	if (ret)
		return ret;
	if (got < st->size)
		return xfc_stream_short(err, "lz4", in);
	if ((ret = block_unpack(st, in, need, block, len, err)) || followed)
		return ret;
	*whole = *len;
	return block_taken(st, in, (uint32_t)*len, err);
}

static int lz4_legacy_more_block(void *state, struct xfc_packed *in, uint64_t need,
				 const unsigned char **block, size_t *len,
				 struct xfc_error *err)
{
	return block_unpack(state, in, need, block, len, err);
}

static void lz4_legacy_stop(void *state)
{
	struct lz4_legacy *st = state;

	free(st->packed);
	free(st->block);
	xfc_budget_release(st->budget, st->charged);
	free(st);
}

const struct xfc_codec xfc_codec_lz4_legacy = {
	.name = "lz4",
	.start = lz4_legacy_start,
	.next_block = lz4_legacy_next_block,
	.more_block = lz4_legacy_more_block,
	.stop = lz4_legacy_stop,
};

struct lz4_frame {
	LZ4F_dctx *dctx;
	struct xfc_budget *budget;
	uint64_t charged;
};

static void *lz4_frame_start(struct xfc_packed *in, struct xfc_budget *budget,
			     struct xfc_error *err)
{
	const unsigned char *head;
	size_t avail;
	uint64_t block = 4u << 20, need;
	struct lz4_frame *st;

	if (xfc_packed_peek(in, &head, &avail, err))
		return NULL;
	/* The frame descriptor's BD byte: blocks of 64 KiB to 4 MiB. */
	if (avail >= 6 && (head[5] >> 4 & 7) >= 4)
		block = 1u << (2 * (head[5] >> 4 & 7) + 8);
	/* liblz4 keeps a block and a 64 KiB history, twice over at most. */
	need = 2 * (block + (64u << 10));
	if (need > xfc_budget_left(budget)) {
		xfc_codec_too_big(err, "lz4 frame", "block size", block, need, budget);
		return NULL;
	}
	st = calloc(1, sizeof(*st));
	if (!st)
		return NULL;
	st->budget = budget;
	if (xfc_codec_charge(budget, &st->charged, need, "lz4 frame", err) ||
	    LZ4F_isError(LZ4F_createDecompressionContext(&st->dctx, LZ4F_VERSION))) {
		xfc_budget_release(budget, st->charged);
		free(st);
		return NULL;
	}
	return st;
}

static int lz4_frame_step(void *state, struct xfc_packed *in,
			  const unsigned char *data, size_t avail,
			  unsigned char *out, size_t cap, size_t *made,
			  bool *done, struct xfc_error *err)
{
	size_t used = avail, hint;

	*made = cap;
	hint = LZ4F_decompress(((struct lz4_frame *)state)->dctx, out, made, data,
			       &used, NULL);
	xfc_packed_consume(in, used);
	if (LZ4F_isError(hint))
		return xfc_stream_corrupt(err, "lz4 frame", in,
					  LZ4F_getErrorName(hint));
	/* 0: the frame is complete. */
	if (hint == 0)
		*done = true;
	return XFC_OK;
}

static void lz4_frame_stop(void *state)
{
	struct lz4_frame *st = state;

	LZ4F_freeDecompressionContext(st->dctx);
	xfc_budget_release(st->budget, st->charged);
	free(st);
}

const struct xfc_codec xfc_codec_lz4_frame = {
	.name = "lz4 frame",
	.start = lz4_frame_start,
	.step = lz4_frame_step,
	.stop = lz4_frame_stop,
};
