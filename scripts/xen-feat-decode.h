/* SPDX-License-Identifier: GPL-2.0 */
/* Reading one note's descriptor as text, number or words. */
#ifndef XEN_FEAT_DECODE_H
#define XEN_FEAT_DECODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "xen-feat-elf.h"
#include "xen-feat-table.h"

/* Length of the text before the first NUL; *terminated: a NUL was found. */
size_t xfc_note_text_len(const struct xfc_note *n, bool *terminated);
/* false unless the descriptor is 1, 2, 4 or 8 bytes. */
bool xfc_note_number(const struct xfc_elf *elf, const struct xfc_note *n,
		     uint64_t *value);
/* Word i of a bit-array descriptor (i < descsz / 4), in host order. */
uint32_t xfc_note_word(const struct xfc_elf *elf, const struct xfc_note *n,
		       size_t i);

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
