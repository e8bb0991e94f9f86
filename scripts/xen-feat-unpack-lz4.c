// SPDX-License-Identifier: GPL-2.0
/*
 * lz4 through liblz4: the legacy format `lz4 -l` writes (what Linux
 * uses: independent blocks of at most 8 MiB, each behind its
 * little-endian compressed size) and the frame format.
 */
#include <lz4.h>
#include <lz4frame.h>
#include <stdlib.h>

#include "xen-feat-unpack.h"

#define LEGACY_MAGIC		0x184c2102u
#define LEGACY_BLOCK_MAX	(8u << 20)

struct lz4_legacy {
	bool magic_seen;
	uint32_t total;			/* unpacked so far, mod 2^32 */
	char *packed;			/* one compressed block */
	char *block;
};

static void *lz4_legacy_start(void)
{
	struct lz4_legacy *st = calloc(1, sizeof(*st));

	if (!st)
		return NULL;
	st->packed = malloc((size_t)LZ4_compressBound(LEGACY_BLOCK_MAX));
	st->block = malloc(LEGACY_BLOCK_MAX);
	if (!st->packed || !st->block) {
		free(st->packed);
		free(st->block);
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

static int lz4_legacy_next_block(void *state, struct xfc_packed *in,
				 const unsigned char **block, size_t *len,
				 bool *done, struct xfc_error *err)
{
	struct lz4_legacy *st = state;
	const uint32_t bound = (uint32_t)LZ4_compressBound(LEGACY_BLOCK_MAX);
	unsigned char word[4];
	size_t got;
	uint32_t size;
	int n, ret;

	*len = 0;
	for (;;) {
		ret = xfc_packed_read(in, word, 4, &got, err);
		if (ret)
			return ret;
		/* The legacy format has no end marker: input just stops. */
		if (got == 0 && st->magic_seen) {
			*done = true;
			return XFC_OK;
		}
		if (got < 4)
			return xfc_stream_short(err, "lz4", in);
		size = le32(word);
		if (size != LEGACY_MAGIC)
			break;
		st->magic_seen = true;		/* streams may be concatenated */
	}
	if (!st->magic_seen)
		return xfc_stream_corrupt(err, "lz4", in, "no legacy-format magic");
	/*
	 * Linux appends the unpacked size to the stream: the last four bytes,
	 * read as a block size, equal everything unpacked so far.
	 */
	if (size == st->total && at_end(in, &ret, err)) {
		*done = true;
		return XFC_OK;
	}
	if (ret)
		return ret;
	if (size > bound)
		return xfc_stream_corrupt(err, "lz4", in, "block size out of range");
	ret = xfc_packed_read(in, st->packed, size, &got, err);
	if (ret)
		return ret;
	if (got < size)
		return xfc_stream_short(err, "lz4", in);
	n = LZ4_decompress_safe(st->packed, st->block, (int)size, LEGACY_BLOCK_MAX);
	if (n < 0)
		return xfc_stream_corrupt(err, "lz4", in, "bad block");
	*block = (const unsigned char *)st->block;
	*len = (size_t)n;
	st->total += (uint32_t)n;	/* the appended size is mod 2^32 too */
	return XFC_OK;
}

static void lz4_legacy_stop(void *state)
{
	struct lz4_legacy *st = state;

	free(st->packed);
	free(st->block);
	free(st);
}

const struct xfc_codec xfc_codec_lz4_legacy = {
	.name = "lz4",
	.start = lz4_legacy_start,
	.next_block = lz4_legacy_next_block,
	.stop = lz4_legacy_stop,
};

static void *lz4_frame_start(void)
{
	LZ4F_dctx *dctx;

	if (LZ4F_isError(LZ4F_createDecompressionContext(&dctx, LZ4F_VERSION)))
		return NULL;
	return dctx;
}

static int lz4_frame_step(void *state, struct xfc_packed *in,
			  const unsigned char *data, size_t avail,
			  unsigned char *out, size_t cap, size_t *made,
			  bool *done, struct xfc_error *err)
{
	size_t used = avail, hint;

	*made = cap;
	hint = LZ4F_decompress(state, out, made, data, &used, NULL);
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
	LZ4F_freeDecompressionContext(state);
}

const struct xfc_codec xfc_codec_lz4_frame = {
	.name = "lz4 frame",
	.start = lz4_frame_start,
	.step = lz4_frame_step,
	.stop = lz4_frame_stop,
};
