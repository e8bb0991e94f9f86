/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The Xen notes of an ELF image, found the way Xen's loader finds them:
 * in PT_NOTE segments (those with a non-zero p_offset), or, when these
 * hold no Xen note, in SHT_NOTE sections.  Only the ELF header, the
 * header tables and the note data are read.
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

struct xfc_note {
	uint32_t type;
	uint32_t descsz;
	const unsigned char *desc;
	uint64_t offset;		/* of the note header in the image */
};

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
	unsigned int nr_areas;		/* segments or sections searched */
	unsigned int nr_notes;		/* notes of any owner walked */
	bool any_note_area;		/* some note segment or section was walked, Xen's or not */
	size_t nr_xen, xen_cap;
	struct xfc_note *xen;		/* the Xen notes, in image order */
	unsigned char **buffers;	/* note data, freed by xfc_elf_free() */
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
