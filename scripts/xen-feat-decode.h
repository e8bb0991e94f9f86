/* SPDX-License-Identifier: GPL-2.0 */
/* Reading one note's descriptor as text, number or words, as Xen reads it. */
#ifndef XEN_FEAT_DECODE_H
#define XEN_FEAT_DECODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "xen-feat-elf.h"
#include "xen-feat-table.h"

/*
 * A string note as Xen reads it: from the start of the descriptor to the
 * first NUL, wherever that is -- libelf does not look at the size.
 */
enum xfc_text_end {
	XFC_TEXT_NUL,			/* a NUL inside the descriptor */
	XFC_TEXT_AFTER,			/* none inside: the zero byte right after it
					   (Linux writes its strings with .ascii, and the
					   note's zero padding ends them) */
	XFC_TEXT_RUNS_ON,		/* none inside or right after: Xen reads on into
					   the bytes that follow */
	XFC_TEXT_NO_NUL,		/* none in all that was read */
};

struct xfc_text {
	size_t len;			/* bytes before the NUL */
	enum xfc_text_end end;
};

void xfc_note_text(const struct xfc_note *n, struct xfc_text *t);
/* Xen's reading's length; *terminated: the descriptor holds its NUL. */
size_t xfc_note_text_len(const struct xfc_note *n, bool *terminated);
/* false unless the descriptor is 1, 2, 4 or 8 bytes. */
bool xfc_note_number(const struct xfc_elf *elf, const struct xfc_note *n,
		     uint64_t *value);
/* Whole 32-bit words of the descriptor that are at hand. */
size_t xfc_note_words(const struct xfc_note *n);
/* Word i of a bit-array descriptor (i < xfc_note_words()), in host order. */
uint32_t xfc_note_word(const struct xfc_elf *elf, const struct xfc_note *n,
		       size_t i);

/*
 * L1_MFN_VALID, as Xen's readnotes shows it: a mask and a value, 8 bytes
 * each when the descriptor is 16 (or 17) bytes, 4 each when it is 8 (or
 * 9); libelf itself reads only the note's name.  false for other sizes.
 */
bool xfc_note_l1_mfn_valid(const struct xfc_elf *elf, const struct xfc_note *n,
			   uint64_t *mask, uint64_t *value, unsigned int *size);

/*
 * PHYS32_RELOC (Xen 4.19 on, PVH): the note says the kernel can be moved;
 * libelf then reads as many of align, min and max as the descriptor has
 * room for, as 32-bit words, each 0 when the size is not whole words.
 */
struct xfc_phys32_reloc {
	unsigned int given;		/* 0 to 3: align, min, max read from the note */
	bool whole_words;		/* descsz % 4 == 0 */
	uint32_t align, min, max;	/* Xen's defaults where not given (align: 0) */
};
#define XFC_PHYS32_MAX_DEFAULT 0xffffffffu
void xfc_note_phys32_reloc(const struct xfc_elf *elf, const struct xfc_note *n,
			   struct xfc_phys32_reloc *r);

/* One '|'-separated name of a FEATURES string, for display. */
struct xfc_string_entry {
	const char *name;
	size_t len;
	bool required;			/* written with a leading '!' */
	const struct xen_feature *feat;	/* NULL: not in the table */
};

/* Steps through text[0, len); false after the last entry. */
bool xfc_string_next(const char *text, size_t len, size_t *pos,
		     struct xfc_string_entry *e);

/* Longest text or byte dump printed for one note, most names or words listed. */
#define XFC_SHOW_MAX 4096
#define XFC_ENTRIES_MAX 256

#endif /* XEN_FEAT_DECODE_H */
