/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The Xen notes of an ELF image, found the way Xen's loader finds them:
 * in PT_NOTE segments (those with a non-zero p_offset), or, when these
 * hold no Xen note, in SHT_NOTE sections.  Only the ELF header, the
 * header tables and the note data are read, each once.
 *
 * Notes are walked as libelf walks them: a note is read when it starts
 * inside its segment or section, and all of it is read from the image,
 * even the part that runs past the area's end; the walk stops at the
 * first note that starts at or past the end.  A string is read up to its
 * first NUL, wherever that is.  What lies past the end of the image
 * itself, libelf reads as zero and calls the image broken.
 */
#ifndef XEN_FEAT_ELF_H
#define XEN_FEAT_ELF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "xen-feat-error.h"
#include "xen-feat-source.h"

/* Limits that keep hostile images from costing time or memory. */
#define XFC_NOTE_BYTES_MAX (16u << 20)	/* all note data kept */
#define XFC_NOTES_MAX 65536u		/* notes walked, as Xen's limit */
/* Xen notes whose descriptors are read apart from their area, at most. */
#define XFC_FAR_DESCS_MAX 4096u
/* Longest string libelf reads (ELF_MAX_STRING_LENGTH, Xen 4.3 on). */
#define XFC_XEN_STRING_MAX 4096u

struct xfc_note {
	uint32_t type;
	uint32_t namesz;		/* as the header says */
	uint32_t descsz;
	/*
	 * desc[0, held): the descriptor and what follows it in the image,
	 * as far as it was read; at least min(descsz, XFC_NOTE_HELD_MIN)
	 * bytes, those past the end of the image reading as 0 (as libelf
	 * reads them).
	 */
	const unsigned char *desc;
	size_t held;
	uint64_t offset;		/* of the note header in the image */
	uint64_t desc_offset;
	uint64_t overrun;		/* bytes the padded note reaches past its area */
	unsigned int area;		/* index of its segment or section */
};
#define XFC_NOTE_HELD_MIN (64u << 10)

struct xfc_elf {
	bool is64;
	bool big_endian;
	uint16_t machine;		/* EM_* */
	uint16_t elf_type;		/* ET_* */
	uint16_t shnum;			/* e_shnum */
	uint16_t shstrndx;		/* e_shstrndx */
	uint64_t entry;			/* e_entry */
	bool has_loadable;		/* a PT_LOAD segment that is writable or executable */
	uint64_t pstart, pend;		/* their lowest p_paddr, highest p_paddr + p_memsz */
	const char *found_in;		/* "PT_NOTE segments", "SHT_NOTE sections" */
	bool searched_sections;		/* no Xen note in the segments: sections read too */
	unsigned int nr_areas;		/* segments or sections searched */
	unsigned int nr_notes;		/* notes of any owner walked */
	bool any_note_area;		/* some note segment or section was walked, Xen's or not */
	size_t nr_xen, xen_cap;
	struct xfc_note *xen;		/* the Xen notes, in image order */
	unsigned int nr_overruns;	/* Xen notes reaching past their area */
	char overrun[240];		/* the first of them, in words */
	char broken[240];		/* why libelf would call the image broken; "" if not */
	unsigned char **buffers;	/* zero-filled descriptors, freed by xfc_elf_free() */
	size_t nr_buffers;
};

int xfc_elf_read_notes(struct xfc_source *src, struct xfc_elf *elf,
		       struct xfc_error *err);
void xfc_elf_free(struct xfc_elf *elf);

/* Descriptor fields in the image's byte order. */
uint32_t xfc_elf_u32(const struct xfc_elf *elf, const unsigned char *p);
uint64_t xfc_elf_uint(const struct xfc_elf *elf, const unsigned char *p,
		      size_t size);

#endif /* XEN_FEAT_ELF_H */
