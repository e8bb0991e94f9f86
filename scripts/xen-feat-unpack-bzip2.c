// SPDX-License-Identifier: GPL-2.0
/* bzip2 streams through libbz2. */
#include <bzlib.h>
#include <limits.h>
#include <stdlib.h>

#include "xen-feat-unpack.h"

/*
 * What libbz2 holds to unpack blocks of level x 100k bytes: 4 bytes a
 * byte of block, or 2.5 in its "small" mode (slower), plus its tables.
 */
#define BZIP2_TABLES	(64u << 10)
#define BZIP2_FAST(l)	((uint64_t)(l) * 400000 + BZIP2_TABLES)
#define BZIP2_SMALL(l)	((uint64_t)(l) * 250000 + BZIP2_TABLES)

struct bzip2_state {
	bz_stream bz;
	struct xfc_budget *budget;
	uint64_t charged;
};

static void *bzip2_start(struct xfc_packed *in, struct xfc_budget *budget,
			 struct xfc_error *err)
{
	const unsigned char *head;
	size_t avail;
	unsigned int level = 9;
	uint64_t need;
	int small = 0;
	struct bzip2_state *st;

	if (xfc_packed_peek(in, &head, &avail, err))
		return NULL;
	/* "BZh" and the block size, '1' to '9'; libbz2 judges a bad one. */
	if (avail >= 4 && head[3] >= '1' && head[3] <= '9')
		level = head[3] - '0';
	need = BZIP2_FAST(level);
	if (need > xfc_budget_left(budget)) {
		need = BZIP2_SMALL(level);
		small = 1;
	}
	if (need > xfc_budget_left(budget)) {
		xfc_codec_too_big(err, "bzip2", "block size", (uint64_t)level * 100000,
				  need, budget);
		return NULL;
	}
	st = calloc(1, sizeof(*st));
	if (!st)
		return NULL;
	st->budget = budget;
	if (xfc_codec_charge(budget, &st->charged, need, "bzip2", err) ||
	    BZ2_bzDecompressInit(&st->bz, 0, small) != BZ_OK) {
		xfc_codec_charge(budget, &st->charged, 0, "bzip2", err);
		free(st);
		return NULL;
	}
	return st;
}

static int bzip2_step(void *state, struct xfc_packed *in,
		      const unsigned char *data, size_t avail, unsigned char *out,
		      size_t cap, size_t *made, bool *done, struct xfc_error *err)
{
	bz_stream *bz = &((struct bzip2_state *)state)->bz;
	unsigned int room = cap > UINT_MAX ? UINT_MAX : (unsigned int)cap;
	int ret;

	bz->next_in = (char *)data;
	bz->avail_in = (unsigned int)avail;
	bz->next_out = (char *)out;
	bz->avail_out = room;
	ret = BZ2_bzDecompress(bz);
	xfc_packed_consume(in, avail - bz->avail_in);
	*made = room - bz->avail_out;
	if (ret == BZ_STREAM_END)
		*done = true;
	else if (ret == BZ_MEM_ERROR)
		return xfc_fail(err, XFC_ERR_MEMORY, "bzip2: out of memory");
	else if (ret != BZ_OK)
		return xfc_stream_corrupt(err, "bzip2", in,
					  ret == BZ_DATA_ERROR_MAGIC ?
					  "bad magic" : "bad block data");
	return XFC_OK;
}

static void bzip2_stop(void *state)
{
	struct bzip2_state *st = state;

	BZ2_bzDecompressEnd(&st->bz);
	xfc_budget_release(st->budget, st->charged);
	free(st);
}

const struct xfc_codec xfc_codec_bzip2 = {
	.name = "bzip2",
	.start = bzip2_start,
	.step = bzip2_step,
	.stop = bzip2_stop,
};
