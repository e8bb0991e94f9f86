// SPDX-License-Identifier: GPL-2.0
/* zstd frames through libzstd's streaming decoder. */
#include <zstd.h>
#include <zstd_errors.h>

#include "xen-feat-unpack.h"

/* 2^27: what `zstd -22 --ultra` may use, and libzstd's default ceiling. */
#define ZSTD_WINDOW_LOG_MAX 27

static void *zstd_start(void)
{
	ZSTD_DStream *ds = ZSTD_createDStream();

	if (ds && ZSTD_isError(ZSTD_DCtx_setParameter(ds, ZSTD_d_windowLogMax,
						      ZSTD_WINDOW_LOG_MAX))) {
		ZSTD_freeDStream(ds);
		return NULL;
	}
	return ds;
}

static int zstd_step(void *state, struct xfc_packed *in,
		     const unsigned char *data, size_t avail, unsigned char *out,
		     size_t cap, size_t *made, bool *done, struct xfc_error *err)
{
	ZSTD_inBuffer ib = { data, avail, 0 };
	ZSTD_outBuffer ob = { out, cap, 0 };
	size_t ret = ZSTD_decompressStream(state, &ob, &ib);

	xfc_packed_consume(in, ib.pos);
	*made = ob.pos;
	if (ZSTD_isError(ret)) {
		if (ZSTD_getErrorCode(ret) == ZSTD_error_frameParameter_windowTooLarge ||
		    ZSTD_getErrorCode(ret) == ZSTD_error_memory_allocation)
			return xfc_fail(err, XFC_ERR_LIMIT,
					"zstd frame needs a window over %u MiB",
					1u << (ZSTD_WINDOW_LOG_MAX - 20));
		return xfc_stream_corrupt(err, "zstd", in, ZSTD_getErrorName(ret));
	}
	/* 0: the frame is complete and fully flushed. */
	if (ret == 0)
		*done = true;
	return XFC_OK;
}

static void zstd_stop(void *state)
{
	ZSTD_freeDStream(state);
}

const struct xfc_codec xfc_codec_zstd = {
	.name = "zstd",
	.start = zstd_start,
	.step = zstd_step,
	.stop = zstd_stop,
};
