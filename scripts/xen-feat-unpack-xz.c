// SPDX-License-Identifier: GPL-2.0
/* xz and legacy .lzma ("alone") streams through liblzma. */
#include <lzma.h>
#include <stdlib.h>

#include "xen-feat-unpack.h"

struct xz_state {
	lzma_stream s;
	const char *name;
};

static void *xz_start_as(bool alone)
{
	struct xz_state *st = calloc(1, sizeof(*st));
	lzma_ret ret;

	if (!st)
		return NULL;
	st->s = (lzma_stream)LZMA_STREAM_INIT;
	st->name = alone ? "lzma" : "xz";
	ret = alone ? lzma_alone_decoder(&st->s, XFC_UNPACK_MEMLIMIT)
		    : lzma_stream_decoder(&st->s, XFC_UNPACK_MEMLIMIT, 0);
	if (ret != LZMA_OK) {
		free(st);
		return NULL;
	}
	return st;
}

static void *xz_start(void)
{
	return xz_start_as(false);
}

static void *lzma_start(void)
{
	return xz_start_as(true);
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
	lzma_ret ret;

	st->s.next_in = data;
	st->s.avail_in = avail;
	st->s.next_out = out;
	st->s.avail_out = cap;
	ret = lzma_code(&st->s, LZMA_RUN);
	xfc_packed_consume(in, avail - st->s.avail_in);
	*made = cap - st->s.avail_out;
	if (ret == LZMA_STREAM_END)
		*done = true;
	else if (ret == LZMA_MEMLIMIT_ERROR || ret == LZMA_MEM_ERROR)
		return xfc_fail(err, XFC_ERR_LIMIT,
				"%s stream needs more than %llu MiB to unpack",
				st->name, XFC_UNPACK_MEMLIMIT >> 20);
	else if (ret != LZMA_OK)
		return xfc_stream_corrupt(err, st->name, in, lzma_why(ret));
	return XFC_OK;
}

static void xz_stop(void *state)
{
	struct xz_state *st = state;

	lzma_end(&st->s);
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
