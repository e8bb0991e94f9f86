// SPDX-License-Identifier: GPL-2.0
/*
 * zstd frames through libzstd's streaming decoder.
 *
 * The window a frame declares is read from its header before the
 * decoder exists.  Windows above 2^27 are refused there, and libzstd is
 * told the same (ZSTD_d_windowLogMax).  2^27 itself is what Linux's
 * kernels declare (`zstd -22 --ultra` from a pipe), far more than
 * unpacking up to their notes needs: libzstd fills its window front to
 * back, so a frame holds only as much of it as it has unpacked.  A
 * window larger than the memory left is therefore charged as it fills,
 * and the stream is refused the moment it would outgrow the budget.
 */
#define ZSTD_STATIC_LINKING_ONLY	/* ZSTD_getFrameHeader, ZSTD_estimateDStreamSize */
#include <zstd.h>
#include <zstd_errors.h>
#include <stdlib.h>

#include "xen-feat-unpack.h"

/* 2^27: what `zstd -22 --ultra` declares, and libzstd's own default ceiling. */
#define ZSTD_WINDOW_LOG_MAX 27

struct zstd_state {
	ZSTD_DStream *ds;
	struct xfc_budget *budget;
	uint64_t charged;
	uint64_t base;			/* everything but the window */
	uint64_t window;		/* declared, or the frame's size if smaller */
	uint64_t produced;
};

static void *zstd_start(struct xfc_packed *in, struct xfc_budget *budget,
			struct xfc_error *err)
{
	const unsigned char *head;
	size_t avail;
	ZSTD_frameHeader fh;
	struct zstd_state *st;
	/* Unknown until libzstd reads a header: the most it may declare. */
	uint64_t window = 1ULL << ZSTD_WINDOW_LOG_MAX, full;

	if (xfc_packed_peek(in, &head, &avail, err))
		return NULL;
	/* A header libzstd cannot read yet is left for it to judge. */
	if (ZSTD_getFrameHeader(&fh, head, avail) == 0 && fh.frameType == ZSTD_frame) {
		window = fh.windowSize;
		if (fh.frameContentSize != ZSTD_CONTENTSIZE_UNKNOWN &&
		    fh.frameContentSize < window)
			window = fh.frameContentSize;
		if (fh.windowSize > (1ULL << ZSTD_WINDOW_LOG_MAX)) {
			xfc_codec_too_big(err, "zstd", "window", fh.windowSize,
					  ZSTD_estimateDStreamSize((size_t)fh.windowSize),
					  budget);
			return NULL;
		}
	}
	full = ZSTD_estimateDStreamSize((size_t)window);
	st = calloc(1, sizeof(*st));
	if (!st)
		return NULL;
	st->budget = budget;
	st->window = window;
	st->base = full > window ? full - window : full;
	if (xfc_codec_charge(budget, &st->charged, st->base, "zstd", err)) {
		free(st);
		return NULL;
	}
	st->ds = ZSTD_createDStream();
	if (!st->ds || ZSTD_isError(ZSTD_DCtx_setParameter(st->ds, ZSTD_d_windowLogMax,
							   ZSTD_WINDOW_LOG_MAX))) {
		ZSTD_freeDStream(st->ds);
		xfc_budget_release(budget, st->charged);
		free(st);
		return NULL;
	}
	return st;
}

static int zstd_step(void *state, struct xfc_packed *in,
		     const unsigned char *data, size_t avail, unsigned char *out,
		     size_t cap, size_t *made, bool *done, struct xfc_error *err)
{
	struct zstd_state *st = state;
	ZSTD_inBuffer ib = { data, avail, 0 };
	ZSTD_outBuffer ob = { out, cap, 0 };
	size_t ret = ZSTD_decompressStream(st->ds, &ob, &ib);
	uint64_t filled;

	xfc_packed_consume(in, ib.pos);
	*made = ob.pos;
	if (ZSTD_isError(ret)) {
		if (ZSTD_getErrorCode(ret) == ZSTD_error_frameParameter_windowTooLarge)
			return xfc_fail(err, XFC_ERR_MEMORY,
					"zstd frame declares a window over %u MiB, more than this program unpacks",
					1u << (ZSTD_WINDOW_LOG_MAX - 20));
		if (ZSTD_getErrorCode(ret) == ZSTD_error_memory_allocation)
			return xfc_fail(err, XFC_ERR_MEMORY, "zstd: out of memory");
		return xfc_stream_corrupt(err, "zstd", in, ZSTD_getErrorName(ret));
	}
	/* 0: the frame is complete and fully flushed. */
	if (ret == 0)
		*done = true;
	/* The window holds what was unpacked, up to its size. */
	st->produced += ob.pos;
	filled = st->produced < st->window ? st->produced : st->window;
	if (st->base + filled > st->charged &&
	    st->base + filled - st->charged > xfc_budget_left(st->budget)) {
		char a[32], b[32], c[32];

		return xfc_fail(err, XFC_ERR_MEMORY,
				"zstd frame declares a %s window: after %s unpacked it would hold more than --max-memory %s",
				xfc_size_text(st->window, a, sizeof(a)),
				xfc_size_text(st->produced, b, sizeof(b)),
				xfc_size_text(st->budget->limit, c, sizeof(c)));
	}
	return xfc_codec_charge(st->budget, &st->charged, st->base + filled, "zstd", err);
}

static void zstd_stop(void *state)
{
	struct zstd_state *st = state;

	ZSTD_freeDStream(st->ds);
	xfc_budget_release(st->budget, st->charged);
	free(st);
}

const struct xfc_codec xfc_codec_zstd = {
	.name = "zstd",
	.start = zstd_start,
	.step = zstd_step,
	.stop = zstd_stop,
};
