/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Streaming decompressors behind one interface.  A codec pulls
 * compressed bytes from a window of the input file and hands out
 * unpacked bytes in pieces; no codec keeps more than its own window
 * (or one block, for block formats) of unpacked data.
 *
 * Left out of libc-only builds (-DXEN_FEAT_NO_UNPACK) together with
 * every xen-feat-unpack-*.c file.
 */
#ifndef XEN_FEAT_UNPACK_H
#define XEN_FEAT_UNPACK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "xen-feat-error.h"
#include "xen-feat-magic.h"
#include "xen-feat-source.h"

#define XFC_PACKED_BUF (64 * 1024)

/* Compressed bytes: the file's bytes [start, end), read in pieces. */
struct xfc_packed {
	int fd;
	uint64_t start, pos, end;
	size_t len, off;		/* buf[off, len) not yet consumed */
	unsigned char buf[XFC_PACKED_BUF];
};

void xfc_packed_init(struct xfc_packed *in, int fd, uint64_t start,
		     uint64_t length);
void xfc_packed_rewind(struct xfc_packed *in);
/* Refills buf when it is used up; *avail is 0 only at the end of input. */
int xfc_packed_peek(struct xfc_packed *in, const unsigned char **data,
		    size_t *avail, struct xfc_error *err);
void xfc_packed_consume(struct xfc_packed *in, size_t n);
/* Copies up to n bytes; *got < n only at the end of input. */
int xfc_packed_read(struct xfc_packed *in, void *dst, size_t n, size_t *got,
		    struct xfc_error *err);
/*
 * Consumes n bytes without reading them (sets *got to how many there
 * were, fewer only at the end of input).
 */
void xfc_packed_skip(struct xfc_packed *in, uint64_t n, uint64_t *got);
/*
 * Copies up to n bytes that lie ahead bytes past the position, without
 * consuming anything; *got < n only at the end of input.
 */
int xfc_packed_peek_at(struct xfc_packed *in, uint64_t ahead, void *dst,
		       size_t n, size_t *got, struct xfc_error *err);
/* Compressed bytes consumed so far, for messages. */
uint64_t xfc_packed_consumed(const struct xfc_packed *in);
/* Compressed bytes not yet consumed, to the end of the input. */
uint64_t xfc_packed_left(const struct xfc_packed *in);

struct xfc_codec {
	const char *name;
	/*
	 * Reads what it needs of the stream's header from in (without
	 * consuming it) and charges what it will hold to budget, refusing
	 * with XFC_ERR_MEMORY before allocating when that does not fit.
	 * NULL on failure, with err set.
	 */
	void *(*start)(struct xfc_packed *in, struct xfc_budget *budget,
		       struct xfc_error *err);
	/*
	 * Stream formats: one run of the library over data[0, avail),
	 * writing at most cap bytes to out.  Consumes from in what the
	 * library took, sets *made, and sets *done at the end of the stream.
	 */
	int (*step)(void *state, struct xfc_packed *in,
		    const unsigned char *data, size_t avail, unsigned char *out,
		    size_t cap, size_t *made, bool *done, struct xfc_error *err);
	/*
	 * Block formats, instead of step: the next block, of which nothing
	 * before skip is wanted and the first need bytes are (need >= 1).
	 * Sets *block and *len to the unpacked prefix [0, *len) made, valid
	 * until the next call, and *whole to the block's length: *len when
	 * the whole block was unpacked; more when only a prefix was (a codec
	 * may do so where the format fixes the block's length); with *block
	 * NULL and *len 0 when the block was passed over without being read.
	 * At the end of the stream sets *done and *len to 0.
	 */
	int (*next_block)(void *state, struct xfc_packed *in, uint64_t skip,
			  uint64_t need, const unsigned char **block, size_t *len,
			  size_t *whole, bool *done, struct xfc_error *err);
	/* With prefixes: makes the current block's prefix need bytes or more. */
	int (*more_block)(void *state, struct xfc_packed *in, uint64_t need,
			  const unsigned char **block, size_t *len,
			  struct xfc_error *err);
	/* Frees everything and gives back what it charged. */
	void (*stop)(void *state);
};

/*
 * Sets a codec's charge to total bytes (*charged is what it holds now):
 * charges the difference, or gives it back.
 */
int xfc_codec_charge(struct xfc_budget *budget, uint64_t *charged,
		     uint64_t total, const char *what, struct xfc_error *err);
/* The refusal of a stream whose window or dictionary does not fit. */
int xfc_codec_too_big(struct xfc_error *err, const char *codec,
		      const char *thing, uint64_t size, uint64_t need,
		      const struct xfc_budget *budget);

/* NULL when no codec here reads that format. */
const struct xfc_codec *xfc_codec_for(enum xfc_compression comp);

extern const struct xfc_codec xfc_codec_gzip;
extern const struct xfc_codec xfc_codec_bzip2;
extern const struct xfc_codec xfc_codec_lzma;
extern const struct xfc_codec xfc_codec_xz;
extern const struct xfc_codec xfc_codec_lzo;
extern const struct xfc_codec xfc_codec_lz4_legacy;
extern const struct xfc_codec xfc_codec_lz4_frame;
extern const struct xfc_codec xfc_codec_zstd;

/* Shared wording for the two ways a stream goes wrong. */
int xfc_stream_short(struct xfc_error *err, const char *codec,
		     const struct xfc_packed *in);
int xfc_stream_corrupt(struct xfc_error *err, const char *codec,
		       const struct xfc_packed *in, const char *why);

/*
 * An unpacked stream, produced front to back in chunks; the last
 * XFC_LOOKBEHIND bytes (or what the budget leaves room for) stay
 * readable behind the position.
 */
struct xfc_stream;

struct xfc_stream *xfc_stream_open(int fd, uint64_t offset, uint64_t length,
				   enum xfc_compression comp,
				   uint64_t unpacked_max,
				   struct xfc_budget *budget,
				   struct xfc_error *err);
/*
 * The next chunk: [*at, *at + *n) at *p, valid until the next call;
 * *n is 0 once the stream has ended.
 */
int xfc_stream_next(struct xfc_stream *s, uint64_t *at,
		    const unsigned char **p, size_t *n, struct xfc_error *err);
/*
 * Copies what the look-behind holds of [off, off + len) to buf and
 * returns how many bytes from off it copied: 0 when off is not held.
 */
size_t xfc_stream_behind(const struct xfc_stream *s, uint64_t off, void *buf,
			 size_t len);
/*
 * What the reader needs next: nothing before from, and to is the end of
 * what it asks for now.  Block formats pass over what lies before from
 * where they can, and unpack a block no further than needed.
 */
void xfc_stream_need(struct xfc_stream *s, uint64_t from, uint64_t to);
/* Bytes produced so far in this pass: where the next chunk starts. */
uint64_t xfc_stream_position(const struct xfc_stream *s);
bool xfc_stream_ended(const struct xfc_stream *s);
/* Starts the stream again from its first byte. */
int xfc_stream_restart(struct xfc_stream *s, struct xfc_error *err);
void xfc_stream_counts(const struct xfc_stream *s, unsigned int *passes,
		       uint64_t *furthest, uint64_t *total, uint64_t *passed_over);
void xfc_stream_close(struct xfc_stream *s);

#endif /* XEN_FEAT_UNPACK_H */
