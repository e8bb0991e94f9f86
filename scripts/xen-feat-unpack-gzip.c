// SPDX-License-Identifier: GPL-2.0
/* gzip (and zlib) streams through zlib's inflate. */
#include <limits.h>
#include <stdlib.h>
#include <zlib.h>

#include "xen-feat-unpack.h"

/* inflate's state and its largest (32 KiB) window, with room to spare. */
#define GZIP_MEMORY (64u << 10)

struct gzip_state {
	z_stream z;
	struct xfc_budget *budget;
	uint64_t charged;
};

static void *gzip_start(struct xfc_packed *in, struct xfc_budget *budget,
			struct xfc_error *err)
{
	struct gzip_state *st;

	(void)in;
	if (xfc_budget_left(budget) < GZIP_MEMORY) {
		xfc_codec_too_big(err, "gzip", "window", 32u << 10, GZIP_MEMORY, budget);
		return NULL;
	}
	st = calloc(1, sizeof(*st));
	if (!st)
		return NULL;
	st->budget = budget;
	/* 32 + 15: either header, the largest window. */
	if (xfc_codec_charge(budget, &st->charged, GZIP_MEMORY, "gzip", err) ||
	    inflateInit2(&st->z, 32 + 15) != Z_OK) {
		xfc_codec_charge(budget, &st->charged, 0, "gzip", err);
		free(st);
		return NULL;
	}
	return st;
}

static int gzip_step(void *state, struct xfc_packed *in,
		     const unsigned char *data, size_t avail, unsigned char *out,
		     size_t cap, size_t *made, bool *done, struct xfc_error *err)
{
	z_stream *z = &((struct gzip_state *)state)->z;
	unsigned int room = cap > UINT_MAX ? UINT_MAX : (unsigned int)cap;
	int ret;

	z->next_in = (unsigned char *)data;
	z->avail_in = (unsigned int)avail;
	z->next_out = out;
	z->avail_out = room;
	ret = inflate(z, Z_NO_FLUSH);
	xfc_packed_consume(in, avail - z->avail_in);
	*made = room - z->avail_out;
	if (ret == Z_STREAM_END)
		*done = true;
	else if (ret == Z_MEM_ERROR)
		return xfc_fail(err, XFC_ERR_MEMORY, "gzip: out of memory");
	else if (ret != Z_OK && ret != Z_BUF_ERROR)
		return xfc_stream_corrupt(err, "gzip", in,
					  z->msg ? z->msg : "inflate failed");
	return XFC_OK;
}

static void gzip_stop(void *state)
{
	struct gzip_state *st = state;

	inflateEnd(&st->z);
	xfc_budget_release(st->budget, st->charged);
	free(st);
}

const struct xfc_codec xfc_codec_gzip = {
	.name = "gzip",
	.start = gzip_start,
	.step = gzip_step,
	.stop = gzip_stop,
};
