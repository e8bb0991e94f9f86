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

static int zstd_pull(void *state, struct xfc_packed *in, unsigned char *out,
		     size_t cap, size_t *got, bool *done, struct xfc_error *err)
{
	ZSTD_DStream *ds = state;

	*got = 0;
	while (*got == 0 && !*done) {
		const unsigned char *data;
		size_t avail, ret;
		ZSTD_inBuffer ib;
		ZSTD_outBuffer ob = { out, cap, 0 };
		int rc = xfc_packed_peek(in, &data, &avail, err);

		if (rc)
			return rc;
		ib = (ZSTD_inBuffer){ data, avail, 0 };
		ret = ZSTD_decompressStream(ds, &ob, &ib);
		xfc_packed_consume(in, ib.pos);
		*got = ob.pos;
		if (ZSTD_isError(ret)) {
			if (ZSTD_getErrorCode(ret) == ZSTD_error_frameParameter_windowTooLarge ||
			    ZSTD_getErrorCode(ret) == ZSTD_error_memory_allocation)
				return xfc_fail(err, XFC_ERR_LIMIT,
						"zstd frame needs a window over %u MiB",
						1u << (ZSTD_WINDOW_LOG_MAX - 20));
			return xfc_stream_corrupt(err, "zstd", in,
						  ZSTD_getErrorName(ret));
		}
		/* 0: the frame is complete and fully flushed. */
		if (ret == 0)
			*done = true;
		/* Nothing came out and nothing is left to go in. */
		if (!*got && !*done && !avail)
			return xfc_stream_short(err, "zstd", in);
	}
	return XFC_OK;
}

static void zstd_stop(void *state)
{
	ZSTD_freeDStream(state);
}

const struct xfc_codec xfc_codec_zstd = {
	.name = "zstd",
	.start = zstd_start,
	.pull = zstd_pull,
	.stop = zstd_stop,
};
