// SPDX-License-Identifier: GPL-2.0
/*
 * lzop files (what Linux's `lzop -9` payload is) through liblzo2: the
 * header is skipped, then each block is unpacked whole.  Checksums are
 * not verified; a corrupt block still fails in lzo1x_decompress_safe().
 */
#include <lzo/lzo1x.h>
#include <stdlib.h>

#include "xen-feat-unpack.h"

#define F_ADLER32_D	0x00000001u
#define F_ADLER32_C	0x00000002u
#define F_H_EXTRA_FIELD	0x00000040u
#define F_CRC32_D	0x00000100u
#define F_CRC32_C	0x00000200u
#define F_H_FILTER	0x00000800u
#define MAGIC_LEN	9
#define BLOCK_MAX	(64u << 20)	/* lzop's own ceiling */
#define VERSION_LONG_HEADER 0x0940	/* lzop 0.94 added fields */

struct lzo_state {
	bool header_done;
	uint32_t flags;
	size_t cap;			/* of packed and block */
	unsigned char *packed, *block;
	struct xfc_budget *budget;
	uint64_t charged;
};

static void *lzo_start(struct xfc_packed *in, struct xfc_budget *budget,
		       struct xfc_error *err)
{
	struct lzo_state *st;

	(void)in;
	if (lzo_init() != LZO_E_OK)
		return NULL;
	st = calloc(1, sizeof(*st));
	if (st && xfc_codec_charge(budget, &st->charged, sizeof(*st), "lzo", err)) {
		free(st);
		return NULL;
	}
	if (st)
		st->budget = budget;
	return st;
}

static uint32_t be(const unsigned char *p, size_t n)
{
	uint32_t v = 0;

	while (n--)
		v = v << 8 | *p++;
	return v;
}

/* Reads exactly n bytes or reports the stream short. */
static int need(struct xfc_packed *in, void *dst, size_t n,
		struct xfc_error *err)
{
	size_t got;
	int ret = xfc_packed_read(in, dst, n, &got, err);

	if (!ret && got < n)
		ret = xfc_stream_short(err, "lzo", in);
	return ret;
}

static int skip(struct xfc_packed *in, uint64_t n, struct xfc_error *err)
{
	uint64_t got;

	xfc_packed_skip(in, n, &got);
	return got < n ? xfc_stream_short(err, "lzo", in) : XFC_OK;
}

static int read_be(struct xfc_packed *in, size_t n, uint32_t *v,
		   struct xfc_error *err)
{
	unsigned char buf[4];
	int ret = need(in, buf, n, err);

	*v = be(buf, n);
	return ret;
}

static int lzo_header(struct lzo_state *st, struct xfc_packed *in,
		      struct xfc_error *err)
{
	uint32_t version, method, len;
	int ret;

	if ((ret = skip(in, MAGIC_LEN, err)) ||
	    (ret = read_be(in, 2, &version, err)) ||
	    (ret = skip(in, 2, err)))			/* library version */
		return ret;
	if (version >= VERSION_LONG_HEADER && (ret = skip(in, 2, err)))
		return ret;				/* version needed */
	if ((ret = read_be(in, 1, &method, err)))
		return ret;
	if (method < 1 || method > 3)
		return xfc_stream_corrupt(err, "lzo", in, "not an LZO1X method");
	if (version >= VERSION_LONG_HEADER && (ret = skip(in, 1, err)))
		return ret;				/* level */
	if ((ret = read_be(in, 4, &st->flags, err)))
		return ret;
	if ((st->flags & F_H_FILTER) && (ret = skip(in, 4, err)))
		return ret;
	/* mode, mtime (and its high half in newer headers) */
	if ((ret = skip(in, version >= VERSION_LONG_HEADER ? 12 : 8, err)) ||
	    (ret = read_be(in, 1, &len, err)) ||
	    (ret = skip(in, len + 4, err)))		/* name, header checksum */
		return ret;
	if (st->flags & F_H_EXTRA_FIELD) {
		if ((ret = read_be(in, 4, &len, err)))
			return ret;
		if (len > BLOCK_MAX)
			return xfc_stream_corrupt(err, "lzo", in, "extra field too long");
		if ((ret = skip(in, (size_t)len + 4, err)))
			return ret;
	}
	st->header_done = true;
	return XFC_OK;
}

static int grow(struct lzo_state *st, size_t len, struct xfc_error *err)
{
	unsigned char *p, *b;

	if (len <= st->cap)
		return XFC_OK;
	/* Both buffers, before either grows. */
	if (2 * (uint64_t)len > xfc_budget_left(st->budget) + st->charged - sizeof(*st))
		return xfc_codec_too_big(err, "lzo", "block", len, 2 * (uint64_t)len, st->budget);
	if (xfc_codec_charge(st->budget, &st->charged, sizeof(*st) + 2 * (uint64_t)len,
			     "lzo", err))
		return err->status;
	p = realloc(st->packed, len);
	if (p)
		st->packed = p;
	b = realloc(st->block, len);
	if (b)
		st->block = b;
	if (!p || !b)
		return xfc_fail(err, XFC_ERR_MEMORY, "lzo: out of memory for a %zu-byte block", len);
	st->cap = len;
	return XFC_OK;
}

static int lzo_next_block(void *state, struct xfc_packed *in, uint64_t pass,
			  uint64_t want, const unsigned char **block, size_t *len,
			  size_t *whole, bool *done, struct xfc_error *err)
{
	struct lzo_state *st = state;
	uint32_t dst_len, src_len;
	lzo_uint out_len;
	int ret;

	(void)want;
	*block = NULL;
	*len = *whole = 0;
	if (!st->header_done && (ret = lzo_header(st, in, err)))
		return ret;
	if ((ret = read_be(in, 4, &dst_len, err)))
		return ret;
	if (dst_len == 0) {
		*done = true;
		return XFC_OK;
	}
	if ((ret = read_be(in, 4, &src_len, err)))
		return ret;
	if (dst_len > BLOCK_MAX || src_len > dst_len)
		return xfc_stream_corrupt(err, "lzo", in, "block sizes out of range");
	if ((ret = skip(in, 4 * (!!(st->flags & F_ADLER32_D) + !!(st->flags & F_CRC32_D)), err)))
		return ret;
	if (src_len < dst_len &&
	    (ret = skip(in, 4 * (!!(st->flags & F_ADLER32_C) + !!(st->flags & F_CRC32_C)), err)))
		return ret;
	/* Each block says what it unpacks to: one not wanted is passed over. */
	if (pass >= dst_len) {
		*whole = dst_len;
		return skip(in, src_len, err);
	}
	if ((ret = grow(st, dst_len, err)) || (ret = need(in, st->packed, src_len, err)))
		return ret;
	if (src_len == dst_len) {		/* stored */
		*block = st->packed;
	} else {
		out_len = dst_len;
		if (lzo1x_decompress_safe(st->packed, src_len, st->block,
					  &out_len, NULL) != LZO_E_OK ||
		    out_len != dst_len)
			return xfc_stream_corrupt(err, "lzo", in, "bad block");
		*block = st->block;
	}
	*len = *whole = dst_len;
	return XFC_OK;
}

static void lzo_stop(void *state)
{
	struct lzo_state *st = state;

	free(st->packed);
	free(st->block);
	xfc_budget_release(st->budget, st->charged);
	free(st);
}

const struct xfc_codec xfc_codec_lzo = {
	.name = "lzo",
	.start = lzo_start,
	.next_block = lzo_next_block,
	.stop = lzo_stop,
};
