// SPDX-License-Identifier: GPL-2.0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xen-feat-elf.h"

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

struct area {
	uint64_t off, size;
	unsigned int index;		/* in its table */
	const unsigned char *data;
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

static int keep_buffer(struct xfc_elf *elf, unsigned char *buf,
		       struct xfc_error *err)
{
	unsigned char **b = realloc(elf->buffers, (elf->nr_buffers + 1) * sizeof(*b));

	if (!b) {
		free(buf);
		return xfc_fail(err, XFC_ERR_LIMIT, "out of memory");
	}
	elf->buffers = b;
	elf->buffers[elf->nr_buffers++] = buf;
	return XFC_OK;
}

static int read_kept(struct xfc_source *src, struct xfc_elf *elf, uint64_t off,
		     size_t len, const char *what, unsigned char **out,
		     struct xfc_error *err)
{
	unsigned char *buf = malloc(len ? len : 1);
	int ret;

	if (!buf)
		return xfc_fail(err, XFC_ERR_LIMIT, "out of memory for %s (%zu bytes)",
				what, len);
	if ((ret = keep_buffer(elf, buf, err)))
		return ret;
	*out = buf;
	return xfc_source_read(src, off, buf, len, what, err);
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

/* The note areas of one header table: PT_NOTE segments or SHT_NOTE sections. */
static int collect_areas(struct xfc_source *src, struct xfc_elf *elf,
			 const struct layout *lo, bool sections,
			 uint64_t table_off, unsigned int entsize,
			 unsigned int count, struct area **areas,
			 unsigned int *nr, struct xfc_error *err)
{
	const char *table = sections ? "section header table" : "program header table";
	size_t want = sections ? lo->shdr_size : lo->phdr_size;
	unsigned char *tab;
	uint64_t total = 0;
	int ret;

	*nr = 0;
	*areas = NULL;
	if (count == 0)
		return XFC_OK;
	if (entsize != want)
		return xfc_fail(err, XFC_ERR_HEADER, "%s is %u bytes, not %zu as ELF%d needs",
				sections ? "e_shentsize" : "e_phentsize", entsize, want,
				elf->is64 ? 64 : 32);
	if ((ret = read_kept(src, elf, table_off, (size_t)count * entsize, table, &tab, err)))
		return ret;
	*areas = calloc(count, sizeof(**areas));
	if (!*areas)
		return xfc_fail(err, XFC_ERR_LIMIT, "out of memory");

	for (unsigned int i = sections ? 1 : 0; i < count; i++) {
		const unsigned char *e = tab + (size_t)i * entsize;
		struct area a = { .index = i };

		if (sections) {
			if (xfc_elf_u32(elf, e + 4) != SHT_NOTE)
				continue;
			a.off = xfc_elf_uint(elf, e + lo->sh_offset, lo->word);
			a.size = xfc_elf_uint(elf, e + lo->sh_size, lo->word);
		} else {
			if (xfc_elf_u32(elf, e) == PT_LOAD)
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
		elf->any_note_area = true;
		if (a.size == 0)
			continue;
		if (a.off + a.size < a.off)
			return xfc_fail(err, XFC_ERR_HEADER,
					"%s %u: offset 0x%llx plus size 0x%llx overflows",
					sections ? "section" : "segment", i,
					(unsigned long long)a.off, (unsigned long long)a.size);
		total += a.size;
		if (a.size > XFC_NOTE_BYTES_MAX || total > XFC_NOTE_BYTES_MAX)
			return xfc_fail(err, XFC_ERR_LIMIT,
					"note %s hold more than %u MiB (%s %u is 0x%llx bytes)",
					sections ? "sections" : "segments",
					XFC_NOTE_BYTES_MAX >> 20,
					sections ? "section" : "segment", i,
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
 * Reads the areas front to back, overlapping ones as one range, so that
 * a stream is unpacked once.
 */
static int load_areas(struct xfc_source *src, struct xfc_elf *elf,
		      struct area *areas, unsigned int nr, bool sections,
		      struct xfc_error *err)
{
	struct area **order = calloc(nr ? nr : 1, sizeof(*order));
	char what[64];
	int ret = XFC_OK;

	if (!order)
		return xfc_fail(err, XFC_ERR_LIMIT, "out of memory");
	for (unsigned int i = 0; i < nr; i++)
		order[i] = &areas[i];
	qsort(order, nr, sizeof(*order), by_offset);

	for (unsigned int i = 0; i < nr && !ret;) {
		uint64_t start = order[i]->off, end = start + order[i]->size;
		unsigned int j = i + 1;
		unsigned char *buf;

		while (j < nr && order[j]->off <= end) {
			if (order[j]->off + order[j]->size > end)
				end = order[j]->off + order[j]->size;
			j++;
		}
		snprintf(what, sizeof(what), "note %s %u",
			 sections ? "section" : "segment", order[i]->index);
		ret = read_kept(src, elf, start, (size_t)(end - start), what, &buf, err);
		for (; !ret && i < j; i++)
			order[i]->data = buf + (order[i]->off - start);
		i = j;
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
			return xfc_fail(err, XFC_ERR_LIMIT, "out of memory");
		elf->xen = n;
		elf->xen_cap = cap;
	}
	elf->xen[elf->nr_xen++] = *note;
	return XFC_OK;
}

static uint64_t round4(uint64_t v)
{
	return (v + 3) & ~(uint64_t)3;
}

static int walk_notes(struct xfc_elf *elf, const struct area *a, bool sections,
		      struct xfc_error *err)
{
	const char *kind = sections ? "section" : "segment";
	uint64_t p = 0;

	/* Fewer bytes than a note header left: padding, as Xen sees it. */
	while (a->size - p >= NOTE_HEADER) {
		const unsigned char *h = a->data + p;
		uint32_t namesz = xfc_elf_u32(elf, h);
		uint32_t descsz = xfc_elf_u32(elf, h + 4);
		uint64_t room = a->size - p;		/* from this note's header on */
		uint64_t desc_at = NOTE_HEADER + round4(namesz);
		uint64_t desc_room = desc_at <= room ? room - desc_at : 0;

		if (++elf->nr_notes > XFC_NOTES_MAX)
			return xfc_fail(err, XFC_ERR_LIMIT,
					"more than %u notes (Xen stops there too)",
					XFC_NOTES_MAX);
		if (namesz > room - NOTE_HEADER)
			return xfc_fail(err, XFC_ERR_NOTE,
					"note at 0x%llx: name size %u runs past the end of note %s %u (%llu bytes left)",
					(unsigned long long)(a->off + p), namesz, kind,
					a->index, (unsigned long long)(room - NOTE_HEADER));
		if (descsz > desc_room)
			return xfc_fail(err, XFC_ERR_NOTE,
					"note at 0x%llx: descriptor size %u runs past the end of note %s %u (%llu bytes left)",
					(unsigned long long)(a->off + p), descsz, kind, a->index,
					(unsigned long long)desc_room);
		if (namesz >= 4 && !memcmp(h + NOTE_HEADER, "Xen", 4)) {
			struct xfc_note n = {
				.type = xfc_elf_u32(elf, h + 8),
				.descsz = descsz,
				.desc = descsz ? h + desc_at : h,
				.offset = a->off + p,
			};
			int ret = add_xen_note(elf, &n, err);

			if (ret)
				return ret;
		}
		p += desc_at + round4(descsz);
		if (p >= a->size)
			break;
	}
	return XFC_OK;
}

static int search(struct xfc_source *src, struct xfc_elf *elf,
		  const struct layout *lo, bool sections, uint64_t table_off,
		  unsigned int entsize, unsigned int count, struct xfc_error *err)
{
	struct area *areas;
	unsigned int nr;
	int ret = collect_areas(src, elf, lo, sections, table_off, entsize, count,
				&areas, &nr, err);

	if (!ret)
		ret = load_areas(src, elf, areas, nr, sections, err);
	for (unsigned int i = 0; !ret && i < nr; i++)
		ret = walk_notes(elf, &areas[i], sections, err);
	elf->nr_areas = nr;
	free(areas);
	return ret;
}

int xfc_elf_read_notes(struct xfc_source *src, struct xfc_elf *elf,
		       struct xfc_error *err)
{
	unsigned char eh[64];
	const struct layout *lo;
	int ret;

	memset(elf, 0, sizeof(*elf));
	if ((ret = xfc_source_read(src, 0, eh, EI_NIDENT, "the ELF identification", err)))
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
	if ((ret = xfc_source_read(src, 0, eh, lo->ehdr_size, "the ELF header", err)))
		return ret;
	elf->elf_type = u16(elf, eh + lo->e_type);
	elf->machine = u16(elf, eh + lo->e_machine);
	elf->shnum = u16(elf, eh + lo->e_shnum);
	elf->shstrndx = u16(elf, eh + lo->e_shstrndx);
	elf->entry = xfc_elf_uint(elf, eh + lo->e_entry, lo->word);

	elf->found_in = "PT_NOTE segments";
	ret = search(src, elf, lo, false, xfc_elf_uint(elf, eh + lo->e_phoff, lo->word),
		     u16(elf, eh + lo->e_phentsize), u16(elf, eh + lo->e_phnum), err);
	if (ret || elf->nr_xen)
		return ret;
	/* Xen falls back to note sections only when segments gave nothing. */
	elf->found_in = "SHT_NOTE sections";
	return search(src, elf, lo, true, xfc_elf_uint(elf, eh + lo->e_shoff, lo->word),
		      u16(elf, eh + lo->e_shentsize), u16(elf, eh + lo->e_shnum), err);
}

void xfc_elf_free(struct xfc_elf *elf)
{
	for (size_t i = 0; i < elf->nr_buffers; i++)
		free(elf->buffers[i]);
	free(elf->buffers);
	free(elf->xen);
	memset(elf, 0, sizeof(*elf));
}
