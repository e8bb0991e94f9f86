/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The ELF image inside an input file, read by offset: the file itself,
 * or the unpacked stream of a compressed file or bzImage payload.
 *
 * A stream is unpacked front to back, once: every range handed out is
 * kept until the source is closed, the last XFC_LOOKBEHIND bytes
 * unpacked stay readable, and ranges announced in advance with
 * xfc_source_expect() are kept as the stream passes them.  Only a read
 * further back than all of these starts the stream again.
 *
 * Everything kept, and the decompressor's own memory, is charged to one
 * budget (--max-memory); what does not fit is refused with
 * XFC_ERR_MEMORY before it is allocated.
 */
#ifndef XEN_FEAT_SOURCE_H
#define XEN_FEAT_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "xen-feat-error.h"
#include "xen-feat-magic.h"

/* Default bound on unpacked bytes: far above any kernel's vmlinux. */
#define XFC_UNPACKED_MAX_DEFAULT (512ULL << 20)
/*
 * Default bound on the memory check holds for one image: Linux's own
 * `lzma -9` payloads declare a 64 MiB dictionary, and the look-behind,
 * tables and notes need room beside it.
 */
#define XFC_MEMORY_MAX_DEFAULT (96ULL << 20)
/* Unpacked bytes kept behind the stream's position (less if memory is short). */
#define XFC_LOOKBEHIND (4u << 20)
#define XFC_LOOKBEHIND_MIN (256u << 10)

/* Memory charged against --max-memory. */
struct xfc_budget {
	uint64_t limit, used, peak;
};

/* Up to len bytes of fd at off; *got < len only at the end of the file. */
int xfc_pread_all(int fd, void *buf, size_t len, uint64_t off, size_t *got,
		  struct xfc_error *err);

/* Charges n bytes for what, or fails with XFC_ERR_MEMORY and says why. */
int xfc_budget_charge(struct xfc_budget *b, uint64_t n, const char *what,
		      struct xfc_error *err);
void xfc_budget_release(struct xfc_budget *b, uint64_t n);
static inline uint64_t xfc_budget_left(const struct xfc_budget *b)
{
	return b->used < b->limit ? b->limit - b->used : 0;
}
/* "250 MiB", "1.5 MiB", "812 KiB", "96 bytes" */
const char *xfc_size_text(uint64_t n, char *buf, size_t size);

struct xfc_stream;
struct xfc_range;
struct xfc_want;

struct xfc_source {
	const char *path;
	int fd;
	uint64_t file_size;
	char container[200];		/* "bzImage (boot protocol 2.15), lz4 payload" */
	bool is_bzimage;
	enum xfc_compression comp;
	uint64_t image_offset;		/* where the ELF (or its stream) starts */
	uint64_t image_length;
	uint64_t unpacked_max;
	struct xfc_budget budget;
	struct xfc_stream *stream;	/* NULL: the ELF is stored plainly */
	struct xfc_range *ranges;	/* kept bytes */
	size_t nr_ranges, ranges_cap;
	struct xfc_want *wants;		/* ranges to keep when the stream passes them */
	size_t nr_wants, wants_cap;
	uint64_t needed_end;		/* end of the furthest range asked for */
	char needed_what[80];		/* what that range was */
};

/* What reading the image cost, for the report. */
struct xfc_source_stats {
	bool stream;
	unsigned int passes;		/* times the stream was unpacked from its start */
	uint64_t unpacked;		/* furthest unpacked offset */
	uint64_t unpacked_total;	/* unpacked bytes over all passes */
	uint64_t passed_over;		/* of unpacked, bytes passed over unproduced */
	bool ended;			/* the stream was unpacked to its end */
	uint64_t needed_end;		/* end of the furthest range the reader needed */
	const char *needed_what;	/* what that was */
	uint64_t memory_peak;		/* most bytes charged at once */
	uint64_t memory_limit;
};

int xfc_source_open(struct xfc_source *src, const char *path,
		    uint64_t unpacked_max, uint64_t max_memory,
		    struct xfc_error *err);
/* The same on an open file, which the source then owns and closes. */
int xfc_source_open_fd(struct xfc_source *src, int fd, const char *name,
		       uint64_t unpacked_max, uint64_t max_memory,
		       struct xfc_error *err);
/*
 * Exactly len bytes of the image at off, kept until the source is
 * closed, or an error saying what was being read ("the program header
 * table") and why it is not there.
 */
int xfc_source_get(struct xfc_source *src, uint64_t off, size_t len,
		   const char *what, const unsigned char **out,
		   struct xfc_error *err);
/* Up to len bytes at off: *got < len only where the image ends. */
int xfc_source_get_upto(struct xfc_source *src, uint64_t off, size_t len,
			const char *what, const unsigned char **out,
			size_t *got, struct xfc_error *err);
/* xfc_source_get(), copied to buf. */
int xfc_source_read(struct xfc_source *src, uint64_t off, void *buf,
		    size_t len, const char *what, struct xfc_error *err);
/* Bytes that may be asked for later: kept if the stream passes them. */
void xfc_source_expect(struct xfc_source *src, uint64_t off, uint64_t len);
/* Whether [off, off + len) is at hand without unpacking anything. */
bool xfc_source_has(const struct xfc_source *src, uint64_t off, uint64_t len);
void xfc_source_stats(const struct xfc_source *src, struct xfc_source_stats *st);
void xfc_source_close(struct xfc_source *src);

#endif /* XEN_FEAT_SOURCE_H */
