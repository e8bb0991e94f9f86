// SPDX-License-Identifier: GPL-2.0
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xen/interface/elfnote.h>

#include "xen-feat-elf.h"
#include "xen-feat-table.h"

#define EI_NIDENT	16
#define EI_CLASS	4
#define EI_DATA		5
#define ELFCLASS32	1
#define ELFCLASS64	2
#define ELFDATA2LSB	1
#define ELFDATA2MSB	2
#define PT_LOAD		1
#define PT_NOTE		4
#define PF_X		1
#define PF_W		2
#define SHT_NOTE	7
#define NOTE_HEADER	12
/* Past a note area's end: a note header and the four bytes of "Xen\0". */
#define OVERHANG	(NOTE_HEADER + 4)

struct area {
	uint64_t off, size;
	unsigned int index;		/* in its table */
	const unsigned char *data;	/* data[0, held): the area and what follows it */
	size_t held;
	bool image_ends;		/* held stops where the image ends */
};

/* Where the fields we need sit in each header, by ELF class. */
struct layout {
	size_t ehdr_size;
	size_t e_type, e_machine, e_phoff, e_shoff, e_phentsize, e_phnum,
	       e_shentsize, e_shnum, word;
	size_t phdr_size, p_offset, p_filesz;
	size_t shdr_size, sh_offset, sh_size;
	size_t e_shstrndx;
	size_t e_entry, p_flags, p_paddr, p_memsz;
};

static const struct layout layout32 = {
	52, 16, 18, 28, 32, 42, 44, 46, 48, 4,
	32, 4, 16,
	40, 16, 20,
	50,
	24, 24, 12, 20,
};

static const struct layout layout64 = {
	64, 16, 18, 32, 40, 54, 56, 58, 60, 8,
	56, 8, 32,
	64, 24, 32,
	62,
	24, 4, 24, 40,
};

uint64_t xfc_elf_uint(const struct xfc_elf *elf, const unsigned char *p,
		      size_t size)
{
	uint64_t v = 0;

	for (size_t i = 0; i < size; i++)
		v = v << 8 | p[elf->big_endian ? i : size - 1 - i];
	return v;
}

uint32_t xfc_elf_u32(const struct xfc_elf *elf, const unsigned char *p)
{
	return (uint32_t)xfc_elf_uint(elf, p, 4);
}

static uint16_t u16(const struct xfc_elf *elf, const unsigned char *p)
{
	return (uint16_t)xfc_elf_uint(elf, p, 2);
}

__attribute__((format(printf, 2, 3)))
static void mark_broken(struct xfc_elf *elf, const char *fmt, ...)
{
	va_list ap;

	if (elf->broken[0])
		return;
	va_start(ap, fmt);
	vsnprintf(elf->broken, sizeof(elf->broken), fmt, ap);
	va_end(ap);
}

/* The physical span of the loadable segments, as libelf's elf_parse_binary() takes it. */
static void note_loadable(struct xfc_elf *elf, const struct layout *lo, const unsigned char *e)
{
	uint64_t paddr = xfc_elf_uint(elf, e + lo->p_paddr, lo->word);
	uint64_t memsz = xfc_elf_uint(elf, e + lo->p_memsz, lo->word);

	if (!(xfc_elf_u32(elf, e + lo->p_flags) & (PF_W | PF_X)))
		return;
	if (!elf->has_loadable || paddr < elf->pstart)
		elf->pstart = paddr;
	if (!elf->has_loadable || paddr + memsz > elf->pend)
		elf->pend = paddr + memsz;
	elf->has_loadable = true;
}

struct table {
	bool sections;
	uint64_t off;
	unsigned int entsize, count;
};

static const char *table_name(bool sections)
{
	return sections ? "section header table" : "program header table";
}

/* The table's size, or an error if its entries are not this class's. */
static int table_size(const struct xfc_elf *elf, const struct layout *lo,
		      const struct table *t, size_t *size, struct xfc_error *err)
{
	size_t want = t->sections ? lo->shdr_size : lo->phdr_size;

	*size = 0;
	if (t->count == 0)
		return XFC_OK;
	if (t->entsize != want)
		return xfc_fail(err, XFC_ERR_HEADER, "%s is %u bytes, not %zu as ELF%d needs",
				t->sections ? "e_shentsize" : "e_phentsize", t->entsize, want,
				elf->is64 ? 64 : 32);
	*size = (size_t)t->count * t->entsize;
	return XFC_OK;
}

/* The note areas of one header table: PT_NOTE segments or SHT_NOTE sections. */
static int collect_areas(struct xfc_source *src, struct xfc_elf *elf,
			 const struct layout *lo, const struct table *t,
			 struct area **areas, unsigned int *nr, bool quiet,
			 struct xfc_error *err)
{
	const char *kind = t->sections ? "section" : "segment";
	const unsigned char *tab;
	uint64_t total = 0;
	size_t size;
	int ret;

	*nr = 0;
	*areas = NULL;
	if ((ret = table_size(elf, lo, t, &size, err)) || !size)
		return ret;
	if ((ret = xfc_source_get(src, t->off, size, table_name(t->sections), &tab, err)))
		return ret;
	*areas = calloc(t->count, sizeof(**areas));
	if (!*areas)
		return xfc_fail(err, XFC_ERR_MEMORY, "out of memory");

	for (unsigned int i = t->sections ? 1 : 0; i < t->count; i++) {
		const unsigned char *e = tab + (size_t)i * t->entsize;
		struct area a = { .index = i };

		if (t->sections) {
			if (xfc_elf_u32(elf, e + 4) != SHT_NOTE)
				continue;
			a.off = xfc_elf_uint(elf, e + lo->sh_offset, lo->word);
			a.size = xfc_elf_uint(elf, e + lo->sh_size, lo->word);
		} else {
			if (!quiet && xfc_elf_u32(elf, e) == PT_LOAD)
				note_loadable(elf, lo, e);
			if (xfc_elf_u32(elf, e) != PT_NOTE)
				continue;
			a.off = xfc_elf_uint(elf, e + lo->p_offset, lo->word);
			a.size = xfc_elf_uint(elf, e + lo->p_filesz, lo->word);
			/* Xen skips these: some binutils left p_offset 0. */
			if (a.off == 0)
				continue;
		}
		/* Xen walks an empty one too: its notes are looked for. */
		if (!quiet)
			elf->any_note_area = true;
		if (a.size == 0)
			continue;
		if (a.off + a.size < a.off)
			return xfc_fail(err, XFC_ERR_HEADER,
					"%s %u: offset 0x%llx plus size 0x%llx overflows",
					kind, i, (unsigned long long)a.off, (unsigned long long)a.size);
		total += a.size;
		if (a.size > XFC_NOTE_BYTES_MAX || total > XFC_NOTE_BYTES_MAX)
			return xfc_fail(err, XFC_ERR_LIMIT,
					"note %ss hold more than %u MiB (%s %u is 0x%llx bytes)",
					kind, XFC_NOTE_BYTES_MAX >> 20, kind, i,
					(unsigned long long)a.size);
		(*areas)[(*nr)++] = a;
	}
	return XFC_OK;
}

static int by_offset(const void *a, const void *b)
{
	const struct area *x = *(struct area * const *)a, *y = *(struct area * const *)b;

	return x->off < y->off ? -1 : x->off > y->off;
}

/*
 * Reads the areas, each with the bytes a note header and name may reach
 * past its end, front to back: a stream is unpacked once.
 */
static int load_areas(struct xfc_source *src, struct area *areas,
		      unsigned int nr, bool sections, struct xfc_error *err)
{
	struct area **order = calloc(nr ? nr : 1, sizeof(*order));
	char what[64];
	int ret = XFC_OK;

	if (!order)
		return xfc_fail(err, XFC_ERR_MEMORY, "out of memory");
	for (unsigned int i = 0; i < nr; i++)
		order[i] = &areas[i];
	qsort(order, nr, sizeof(*order), by_offset);

	for (unsigned int i = 0; i < nr && !ret; i++) {
		struct area *a = order[i];
		const unsigned char *p;
		size_t got;

		snprintf(what, sizeof(what), "note %s %u", sections ? "section" : "segment",
			 a->index);
		/* The area itself must be in the image; what follows it, if there. */
		ret = xfc_source_get_upto(src, a->off, (size_t)a->size + OVERHANG, what,
					  &p, &got, err);
		if (!ret && got < a->size)
			ret = xfc_source_get(src, a->off, (size_t)a->size, what, &p, err);
		a->data = p;
		a->held = got;
		a->image_ends = got < a->size + OVERHANG;
	}
	free(order);
	return ret;
}

static int add_xen_note(struct xfc_elf *elf, const struct xfc_note *note,
			struct xfc_error *err)
{
	if (elf->nr_xen == elf->xen_cap) {
		size_t cap = elf->xen_cap ? 2 * elf->xen_cap : 32;
		struct xfc_note *n = realloc(elf->xen, cap * sizeof(*n));

		if (!n)
			return xfc_fail(err, XFC_ERR_MEMORY, "out of memory");
		elf->xen = n;
		elf->xen_cap = cap;
	}
	elf->xen[elf->nr_xen++] = *note;
	return XFC_OK;
}

/* libelf rounds name and descriptor sizes up in 32 bits: 0xfffffffd and up wrap to 0. */
static uint32_t round4(uint32_t v)
{
	return (uint32_t)(v + 3u) & ~3u;
}

static bool is_string(uint32_t type)
{
	const struct xen_note_type *t = xen_note_type_by_nr(type);

	return t && t->kind == XEN_NOTE_STRING;
}

/* Bytes of a descriptor kept at least (those past the image read as 0). */
static uint64_t desc_min(const struct xfc_note *n)
{
	return n->descsz < XFC_NOTE_HELD_MIN ? n->descsz : XFC_NOTE_HELD_MIN;
}

/*
 * Walks one area as libelf does: each note that starts before the end is
 * read, wherever its name and descriptor lie; the walk ends with the first
 * note that starts at or past the end, or one that starts past the image.
 */
static int walk_notes(struct xfc_elf *elf, const struct area *a, bool sections,
		      struct xfc_error *err)
{
	const char *kind = sections ? "section" : "segment";
	uint64_t p = 0;

	while (p < a->size) {
		const unsigned char *h = a->data + p;
		uint32_t namesz, descsz;
		uint64_t end, name_room;

		if (++elf->nr_notes > XFC_NOTES_MAX)
			return xfc_fail(err, XFC_ERR_LIMIT,
					"more than %u notes (Xen stops there too)",
					XFC_NOTES_MAX);
		/* Inside the area, or in the overhang read after it. */
		if (p + NOTE_HEADER > a->held) {
			mark_broken(elf, "the note at 0x%llx in note %s %u: its header runs past the end of the image, where libelf reads zeros (\"out of range access\")",
				    (unsigned long long)(a->off + p), kind, a->index);
			break;
		}
		namesz = xfc_elf_u32(elf, h);
		descsz = xfc_elf_u32(elf, h + 4);
		end = p + NOTE_HEADER + round4(namesz) + round4(descsz);
		/*
		 * Before its bounds checks (Xen 4.3), libelf held the rounded
		 * sizes in an int: 2 GiB or more went negative, and the walk
		 * went backwards out of the image (the real 4.2 loader
		 * crashes).  Later libelf reads on, as below.
		 */
		if ((round4(namesz) | round4(descsz)) & 0x80000000u)
			mark_broken(elf, "the note at 0x%llx in note %s %u: its %s size 0x%x, rounded up, is 2 GiB or more, which libelf before Xen 4.3 takes as negative, walking back out of the image (Xen 4.3 and later read on)",
				    (unsigned long long)(a->off + p), kind, a->index,
				    round4(namesz) & 0x80000000u ? "name" : "descriptor",
				    round4(namesz) & 0x80000000u ? namesz : descsz);
		name_room = a->held - (p + NOTE_HEADER);
		/*
		 * libelf reads the name as a string and compares it with
		 * "Xen": its four bytes decide, and a name with no NUL
		 * before the end of the image cannot be read.
		 */
		if (name_room < 4 && !memchr(h + NOTE_HEADER, 0, name_room)) {
			mark_broken(elf, "the note at 0x%llx in note %s %u: its name runs past the end of the image (\"out of range access\")",
				    (unsigned long long)(a->off + p), kind, a->index);
		} else if (name_room >= 4 && !memcmp(h + NOTE_HEADER, "Xen", 4)) {
			struct xfc_note n = {
				.type = xfc_elf_u32(elf, h + 8),
				.namesz = namesz,
				.descsz = descsz,
				.offset = a->off + p,
				.desc_offset = a->off + p + NOTE_HEADER + round4(namesz),
				.overrun = end > a->size ? end - a->size : 0,
				.area = a->index,
			};
			uint64_t in = p + NOTE_HEADER + round4(namesz);
			const struct xen_note_type *t = xen_note_type_by_nr(n.type);
			int ret;

			/* The descriptor, if the area (with its overhang) holds it. */
			if (in <= a->held) {
				n.desc = a->data + in;
				n.held = (size_t)(a->held - in);
			}
			if (n.overrun && !elf->nr_overruns++)
				snprintf(elf->overrun, sizeof(elf->overrun),
					 "the %s note at 0x%llx (descriptor size %u) ends %llu bytes past the end of note %s %u%s; Xen reads it all the same, from the bytes that follow",
					 t ? t->name : "unknown", (unsigned long long)n.offset,
					 descsz, (unsigned long long)n.overrun, kind, a->index,
					 in + descsz <= a->size ? " (only its padding)" : "");
			if ((ret = add_xen_note(elf, &n, err)))
				return ret;
		}
		p = end;
	}
	return XFC_OK;
}

static int keep_buffer(struct xfc_elf *elf, unsigned char *buf,
		       struct xfc_error *err)
{
	unsigned char **b = realloc(elf->buffers, (elf->nr_buffers + 1) * sizeof(*b));

	if (!b) {
		free(buf);
		return xfc_fail(err, XFC_ERR_MEMORY, "out of memory");
	}
	elf->buffers = b;
	elf->buffers[elf->nr_buffers++] = buf;
	return XFC_OK;
}

/* Bytes of a descriptor libelf reads, strings aside. */
static uint64_t xen_reads(uint32_t type, uint32_t descsz)
{
	const struct xen_note_type *t = xen_note_type_by_nr(type);

	switch (t ? t->kind : XEN_NOTE_STRING) {
	case XEN_NOTE_NUMBER:
		return descsz == 1 || descsz == 2 || descsz == 4 || descsz == 8 ? descsz : 0;
	case XEN_NOTE_BIT_ARRAY:
		/* 32-bit words, whole ones only: XENFEAT_NR_SUBMAPS of them */
		return descsz % 4 ? 0 : descsz < 4 * XEN_FEAT_NR_WORDS ? descsz : 4 * XEN_FEAT_NR_WORDS;
	case XEN_NOTE_PHYS32_RELOC:
		return descsz % 4 ? 0 : descsz < 12 ? descsz : 12;
	case XEN_NOTE_STRING:		/* strings: to the NUL; unknown types: nothing */
	case XEN_NOTE_NUMBER_LIST:	/* L1_MFN_VALID: libelf reads only its name */
		break;
	}
	return 0;
}

static int by_desc(const void *a, const void *b)
{
	const struct xfc_note *x = *(struct xfc_note * const *)a, *y = *(struct xfc_note * const *)b;

	return x->desc_offset < y->desc_offset ? -1 : x->desc_offset > y->desc_offset;
}

/* What a note's descriptor (and a string's reading) needs held. */
static uint64_t desc_want(const struct xfc_note *n)
{
	uint64_t want = desc_min(n);

	return is_string(n->type) ? want + XFC_XEN_STRING_MAX + 1 : want;
}

static bool desc_enough(const struct xfc_note *n, bool image_ends_there)
{
	uint64_t want = desc_min(n);

	if (!want && !is_string(n->type))
		return true;
	if (!n->desc || n->held < want)
		return image_ends_there && n->desc;
	/* A string needs its NUL, or all libelf would read looking for it. */
	if (is_string(n->type) && !memchr(n->desc, 0, n->held) &&
	    n->held < want + XFC_XEN_STRING_MAX + 1)
		return image_ends_there;
	return true;
}

/*
 * Descriptors the walk left short (they lie past their area and its
 * overhang), read in ascending order so that a stream is unpacked once;
 * then what is past the end of the image reads as libelf reads it.
 */
static int load_descriptors(struct xfc_source *src, struct xfc_elf *elf,
			    size_t first, const bool *image_ends,
			    struct xfc_error *err)
{
	struct xfc_note **order;
	size_t nr = 0, zeroed = 0;
	int ret = XFC_OK;

	order = calloc(elf->nr_xen - first + 1, sizeof(*order));
	if (!order)
		return xfc_fail(err, XFC_ERR_MEMORY, "out of memory");
	for (size_t i = first; i < elf->nr_xen; i++)
		if (!desc_enough(&elf->xen[i], image_ends[i - first]))
			order[nr++] = &elf->xen[i];
	if (nr > XFC_FAR_DESCS_MAX) {
		free(order);
		return xfc_fail(err, XFC_ERR_LIMIT,
				"more than %u Xen notes whose descriptors lie outside their note area",
				XFC_FAR_DESCS_MAX);
	}
	qsort(order, nr, sizeof(*order), by_desc);
	for (size_t i = 0; i < nr && !ret; i++) {
		struct xfc_note *n = order[i];
		const unsigned char *p;
		size_t got;
		char what[64];

		snprintf(what, sizeof(what), "descriptor of the note at 0x%llx",
			 (unsigned long long)n->offset);
		ret = xfc_source_get_upto(src, n->desc_offset, (size_t)desc_want(n), what,
					  &p, &got, err);
		if (!ret && got >= n->held) {
			n->desc = p;
			n->held = got;
		}
	}
	free(order);
	/* Past the end of the image: zeros, and a broken image. */
	for (size_t i = first; !ret && i < elf->nr_xen; i++) {
		struct xfc_note *n = &elf->xen[i];
		uint64_t want = desc_min(n);
		unsigned char *z;

		const unsigned char *nul = is_string(n->type) && n->desc ?
					   memchr(n->desc, 0, n->held) : NULL;

		if (is_string(n->type) && !nul && n->held >= want + XFC_XEN_STRING_MAX + 1)
			mark_broken(elf, "the note at 0x%llx: its string runs on for more than %u bytes; libelf (from Xen 4.3 on) reads at most %u and calls the image broken (\"excessively long string\")",
				    (unsigned long long)n->offset, XFC_XEN_STRING_MAX,
				    XFC_XEN_STRING_MAX);
		else if (is_string(n->type) && !nul)
			mark_broken(elf, "the note at 0x%llx: its string has no NUL before the end of the image, so libelf cannot read it (\"out of range access\")",
				    (unsigned long long)n->offset);
		else if (is_string(n->type) && (size_t)(nul - n->desc) > XFC_XEN_STRING_MAX)
			mark_broken(elf, "the note at 0x%llx: its string is %zu bytes long; libelf (from Xen 4.3 on) reads at most %u and calls the image broken (\"excessively long string\")",
				    (unsigned long long)n->offset, (size_t)(nul - n->desc),
				    XFC_XEN_STRING_MAX);
		else if (n->held < xen_reads(n->type, n->descsz))
			mark_broken(elf, "the note at 0x%llx: its %u-byte descriptor runs past the end of the image, where libelf reads zeros (\"out of range access\")",
				    (unsigned long long)n->offset, n->descsz);
		if (n->desc && n->held >= want)
			continue;
		if (!want) {
			static const unsigned char nothing[1];

			n->desc = nothing;
			n->held = 0;
			continue;
		}
		zeroed += want;
		if (zeroed > XFC_NOTE_BYTES_MAX)
			return xfc_fail(err, XFC_ERR_LIMIT,
					"Xen notes whose descriptors lie past the end of the image claim more than %u MiB",
					XFC_NOTE_BYTES_MAX >> 20);
		z = calloc(1, want ? (size_t)want : 1);
		if (!z)
			return xfc_fail(err, XFC_ERR_MEMORY, "out of memory");
		if ((ret = keep_buffer(elf, z, err)))
			return ret;
		if (n->desc)
			memcpy(z, n->desc, n->held);
		n->desc = z;
		n->held = (size_t)want;
	}
	return ret;
}

static int search_areas(struct xfc_source *src, struct xfc_elf *elf,
			struct area *areas, unsigned int nr, bool sections,
			struct xfc_error *err)
{
	size_t first = elf->nr_xen;
	bool *ends = NULL;
	int ret = load_areas(src, areas, nr, sections, err);

	for (unsigned int i = 0; !ret && i < nr; i++) {
		size_t before = elf->nr_xen;

		ret = walk_notes(elf, &areas[i], sections, err);
		if (!ret && elf->nr_xen > before) {
			bool *e = realloc(ends, elf->nr_xen - first);

			if (!e) {
				ret = xfc_fail(err, XFC_ERR_MEMORY, "out of memory");
				break;
			}
			ends = e;
			/* Whether the image ends where this area's buffer ends. */
			for (size_t j = before; j < elf->nr_xen; j++)
				ends[j - first] = areas[i].image_ends;
		}
	}
	if (!ret && elf->nr_xen > first)
		ret = load_descriptors(src, elf, first, ends, err);
	elf->nr_areas = nr;
	free(ends);
	return ret;
}

/* Announces the note sections of a section header table already at hand. */
static void expect_sections(struct xfc_source *src, struct xfc_elf *elf,
			    const struct layout *lo, const struct table *t)
{
	struct xfc_error quiet = { XFC_OK, "" };
	struct area *areas;
	unsigned int nr;
	size_t size;

	if (table_size(elf, lo, t, &size, &quiet) || !size ||
	    !xfc_source_has(src, t->off, size))
		return;
	if (!collect_areas(src, elf, lo, t, &areas, &nr, true, &quiet))
		for (unsigned int i = 0; i < nr; i++)
			xfc_source_expect(src, areas[i].off, areas[i].size + OVERHANG);
	free(areas);
}

int xfc_elf_read_notes(struct xfc_source *src, struct xfc_elf *elf,
		       struct xfc_error *err)
{
	unsigned char eh[64];
	const struct layout *lo;
	struct table ph, sh;
	struct area *areas = NULL;
	unsigned int nr = 0;
	size_t size;
	int ret;

	memset(elf, 0, sizeof(*elf));
	if ((ret = xfc_source_read(src, 0, eh, EI_NIDENT, "ELF identification", err)))
		return ret;
	/* A plain file was recognised by this magic; unpacked data was not. */
	if (memcmp(eh, "\177ELF", 4))
		return xfc_fail(err, XFC_ERR_FORMAT,
				"the unpacked data is not ELF (it starts %02x %02x %02x %02x)",
				eh[0], eh[1], eh[2], eh[3]);
	if (eh[EI_CLASS] != ELFCLASS32 && eh[EI_CLASS] != ELFCLASS64)
		return xfc_fail(err, XFC_ERR_FORMAT, "ELF class %u is neither 32- nor 64-bit",
				eh[EI_CLASS]);
	if (eh[EI_DATA] != ELFDATA2LSB && eh[EI_DATA] != ELFDATA2MSB)
		return xfc_fail(err, XFC_ERR_FORMAT, "ELF data encoding %u is neither little- nor big-endian",
				eh[EI_DATA]);
	elf->is64 = eh[EI_CLASS] == ELFCLASS64;
	elf->big_endian = eh[EI_DATA] == ELFDATA2MSB;
	lo = elf->is64 ? &layout64 : &layout32;
	if ((ret = xfc_source_read(src, 0, eh, lo->ehdr_size, "ELF header", err)))
		return ret;
	elf->elf_type = u16(elf, eh + lo->e_type);
	elf->machine = u16(elf, eh + lo->e_machine);
	elf->shnum = u16(elf, eh + lo->e_shnum);
	elf->shstrndx = u16(elf, eh + lo->e_shstrndx);
	elf->entry = xfc_elf_uint(elf, eh + lo->e_entry, lo->word);
	ph = (struct table){ false, xfc_elf_uint(elf, eh + lo->e_phoff, lo->word),
			     u16(elf, eh + lo->e_phentsize), u16(elf, eh + lo->e_phnum) };
	sh = (struct table){ true, xfc_elf_uint(elf, eh + lo->e_shoff, lo->word),
			     u16(elf, eh + lo->e_shentsize), u16(elf, eh + lo->e_shnum) };

	/* Kept if passed on the way: Xen may need the sections after the segments. */
	if (!table_size(elf, lo, &sh, &size, &(struct xfc_error){ XFC_OK, "" }) && size)
		xfc_source_expect(src, sh.off, size);

	elf->found_in = "PT_NOTE segments";
	ret = collect_areas(src, elf, lo, &ph, &areas, &nr, false, err);
	if (!ret) {
		/* Read already? Then its note sections are wanted too. */
		expect_sections(src, elf, lo, &sh);
		ret = search_areas(src, elf, areas, nr, false, err);
	}
	free(areas);
	if (ret || elf->nr_xen)
		return ret;
	/* Xen falls back to note sections only when segments gave nothing. */
	elf->found_in = "SHT_NOTE sections";
	elf->searched_sections = true;
	areas = NULL;
	ret = collect_areas(src, elf, lo, &sh, &areas, &nr, false, err);
	if (!ret)
		ret = search_areas(src, elf, areas, nr, true, err);
	free(areas);
	return ret;
}

void xfc_elf_free(struct xfc_elf *elf)
{
	for (size_t i = 0; i < elf->nr_buffers; i++)
		free(elf->buffers[i]);
	free(elf->buffers);
	free(elf->xen);
	memset(elf, 0, sizeof(*elf));
}
