// SPDX-License-Identifier: GPL-2.0
/* bzip2 streams through libbz2. */
#include <bzlib.h>
#include <limits.h>
#include <stdlib.h>

#include "xen-feat-unpack.h"

static void *bzip2_start(void)
{
	bz_stream *bz = calloc(1, sizeof(*bz));

	if (bz && BZ2_bzDecompressInit(bz, 0, 0) != BZ_OK) {
		free(bz);
		return NULL;
	}
	return bz;
}

static int bzip2_step(void *state, struct xfc_packed *in,
		      const unsigned char *data, size_t avail, unsigned char *out,
		      size_t cap, size_t *made, bool *done, struct xfc_error *err)
{
	bz_stream *bz = state;
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
		return xfc_fail(err, XFC_ERR_LIMIT, "bzip2: out of memory");
	else if (ret != BZ_OK)
		return xfc_stream_corrupt(err, "bzip2", in,
					  ret == BZ_DATA_ERROR_MAGIC ?
					  "bad magic" : "bad block data");
	return XFC_OK;
}

static void bzip2_stop(void *state)
{
	BZ2_bzDecompressEnd(state);
	free(state);
}

const struct xfc_codec xfc_codec_bzip2 = {
	.name = "bzip2",
	.start = bzip2_start,
	.step = bzip2_step,
	.stop = bzip2_stop,
};
