// SPDX-License-Identifier: GPL-2.0
/* gzip (and zlib) streams through zlib's inflate. */
#include <limits.h>
#include <stdlib.h>
#include <zlib.h>

#include "xen-feat-unpack.h"

static void *gzip_start(void)
{
	z_stream *z = calloc(1, sizeof(*z));

	/* 32 + 15: either header, the largest window. */
	if (z && inflateInit2(z, 32 + 15) != Z_OK) {
		free(z);
		return NULL;
	}
	return z;
}

static int gzip_step(void *state, struct xfc_packed *in,
		     const unsigned char *data, size_t avail, unsigned char *out,
		     size_t cap, size_t *made, bool *done, struct xfc_error *err)
{
	z_stream *z = state;
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
		return xfc_fail(err, XFC_ERR_LIMIT, "gzip: out of memory");
	else if (ret != Z_OK && ret != Z_BUF_ERROR)
		return xfc_stream_corrupt(err, "gzip", in,
					  z->msg ? z->msg : "inflate failed");
	return XFC_OK;
}

static void gzip_stop(void *state)
{
	inflateEnd(state);
	free(state);
}

const struct xfc_codec xfc_codec_gzip = {
	.name = "gzip",
	.start = gzip_start,
	.step = gzip_step,
	.stop = gzip_stop,
};
