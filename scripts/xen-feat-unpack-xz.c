// SPDX-License-Identifier: GPL-2.0
/*
 * xz and legacy .lzma ("alone") streams through liblzma.  The dictionary
 * a stream declares is read from its header before the decoder exists;
 * one that does not fit the memory left is refused there, and liblzma
 * gets the same bound as its memlimit for anything later blocks ask.
 */
#include <lzma.h>
#include <stdlib.h>
#include <string.h>

#include "xen-feat-unpack.h"

struct xz_state {
	lzma_stream s;
	const char *name;
	struct xfc_budget *budget;
	uint64_t charged, declared;
};

static uint32_t le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

/* .lzma: properties byte, then the dictionary size. */
static bool alone_need(const unsigned char *h, size_t n, uint64_t *dict,
		       uint64_t *need)
{
	lzma_options_lzma opt;
	lzma_filter f[2] = { { LZMA_FILTER_LZMA1, &opt }, { LZMA_VLI_UNKNOWN, NULL } };
	uint64_t m;

	if (n < 5 || h[0] >= 9 * 5 * 5)
		return false;
	memset(&opt, 0, sizeof(opt));
	opt.lc = h[0] % 9;
	opt.lp = h[0] / 9 % 5;
	opt.pb = h[0] / 45;
	opt.dict_size = le32(h + 1);
	/* liblzma rounds the dictionary up this way too */
	if (opt.dict_size < 4096)
		opt.dict_size = 4096;
	m = lzma_raw_decoder_memusage(f);
	if (m == UINT64_MAX)
		return false;
	*dict = opt.dict_size;
	*need = m;
	return true;
}

/* .xz: the filters of the first block, from its header. */
static bool xz_need(const unsigned char *h, size_t n, uint64_t *dict,
		    uint64_t *need)
{
	lzma_stream_flags flags;
	lzma_filter filters[LZMA_FILTERS_MAX + 1];
	lzma_block block;
	uint64_t m;
	bool ok;

	if (n < LZMA_STREAM_HEADER_SIZE + 1 ||
	    lzma_stream_header_decode(&flags, h) != LZMA_OK)
		return false;
	h += LZMA_STREAM_HEADER_SIZE;
	n -= LZMA_STREAM_HEADER_SIZE;
	if (h[0] == 0)			/* an index: no blocks */
		return false;
	memset(&block, 0, sizeof(block));
	block.version = 0;
	block.check = flags.check;
	block.filters = filters;
	block.header_size = lzma_block_header_size_decode(h[0]);
	if (block.header_size > n || lzma_block_header_decode(&block, NULL, h) != LZMA_OK)
		return false;
	m = lzma_raw_decoder_memusage(filters);
	ok = m != UINT64_MAX;
	*dict = 0;
	for (size_t i = 0; filters[i].id != LZMA_VLI_UNKNOWN; i++) {
		if (filters[i].id == LZMA_FILTER_LZMA2 && filters[i].options)
			*dict = ((lzma_options_lzma *)filters[i].options)->dict_size;
		free(filters[i].options);
	}
	*need = m;
	return ok;
}

static void *xz_start_as(struct xfc_packed *in, struct xfc_budget *budget,
			 struct xfc_error *err, bool alone)
{
	const char *name = alone ? "lzma" : "xz";
	const unsigned char *head;
	size_t avail;
	uint64_t dict = 0, need = 0, left;
	struct xz_state *st;
	lzma_ret ret;

	if (xfc_packed_peek(in, &head, &avail, err))
		return NULL;
	left = xfc_budget_left(budget);
	if ((alone ? alone_need(head, avail, &dict, &need) : xz_need(head, avail, &dict, &need)) &&
	    need > left) {
		xfc_codec_too_big(err, name, "dictionary", dict, need, budget);
		return NULL;
	}
	st = calloc(1, sizeof(*st));
	if (!st)
		return NULL;
	st->s = (lzma_stream)LZMA_STREAM_INIT;
	st->name = name;
	st->budget = budget;
	st->declared = need;
	if (xfc_codec_charge(budget, &st->charged, need, name, err)) {
		free(st);
		return NULL;
	}
	/*
	 * Later blocks may ask for more: liblzma refuses what passes the
	 * bound.  The integrity check covers a whole block and is verified
	 * only at its end, which check almost never reaches (Linux's payload
	 * is one block, and the notes sit in its first half): computing it
	 * would cost a few per cent of the time for nothing.
	 */
	ret = alone ? lzma_alone_decoder(&st->s, left)
		    : lzma_stream_decoder(&st->s, left, LZMA_IGNORE_CHECK);
	if (ret != LZMA_OK) {
		xfc_budget_release(budget, st->charged);
		free(st);
		return NULL;
	}
	return st;
}

static void *xz_start(struct xfc_packed *in, struct xfc_budget *budget,
		      struct xfc_error *err)
{
	return xz_start_as(in, budget, err, false);
}

static void *lzma_start(struct xfc_packed *in, struct xfc_budget *budget,
			struct xfc_error *err)
{
	return xz_start_as(in, budget, err, true);
}

static const char *lzma_why(lzma_ret ret)
{
	switch (ret) {
	case LZMA_FORMAT_ERROR:		return "not in the expected format";
	case LZMA_OPTIONS_ERROR:	return "unsupported options";
	case LZMA_DATA_ERROR:		return "bad compressed data";
	case LZMA_BUF_ERROR:		return "no progress possible";
	default:			return "decoder error";
	}
}

static int xz_step(void *state, struct xfc_packed *in,
		   const unsigned char *data, size_t avail, unsigned char *out,
		   size_t cap, size_t *made, bool *done, struct xfc_error *err)
{
	struct xz_state *st = state;
	uint64_t use;
	lzma_ret ret;

	st->s.next_in = data;
	st->s.avail_in = avail;
	st->s.next_out = out;
	st->s.avail_out = cap;
	ret = lzma_code(&st->s, LZMA_RUN);
	xfc_packed_consume(in, avail - st->s.avail_in);
	*made = cap - st->s.avail_out;
	if (ret == LZMA_MEMLIMIT_ERROR) {
		char a[32], b[32];

		return xfc_fail(err, XFC_ERR_MEMORY,
				"%s stream needs %s to unpack, more than the %s --max-memory leaves for it",
				st->name, xfc_size_text(lzma_memusage(&st->s), a, sizeof(a)),
				xfc_size_text(xfc_budget_left(st->budget) + st->charged, b, sizeof(b)));
	}
	if (ret == LZMA_MEM_ERROR)
		return xfc_fail(err, XFC_ERR_MEMORY, "%s: out of memory", st->name);
	if (ret == LZMA_STREAM_END)
		*done = true;
	else if (ret != LZMA_OK)
		return xfc_stream_corrupt(err, st->name, in, lzma_why(ret));
	/* What liblzma holds now, if more than its header declared. */
	use = lzma_memusage(&st->s);
	return xfc_codec_charge(st->budget, &st->charged,
				use > st->declared ? use : st->declared, st->name, err);
}

static void xz_stop(void *state)
{
	struct xz_state *st = state;

	lzma_end(&st->s);
	xfc_budget_release(st->budget, st->charged);
	free(st);
}

const struct xfc_codec xfc_codec_xz = {
	.name = "xz",
	.start = xz_start,
	.step = xz_step,
	.stop = xz_stop,
};

const struct xfc_codec xfc_codec_lzma = {
	.name = "lzma",
	.start = lzma_start,
	.step = xz_step,
	.stop = xz_stop,
};
