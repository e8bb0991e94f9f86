// SPDX-License-Identifier: GPL-2.0
#include <string.h>

#include "xen-feat-decode.h"

void xfc_note_text(const struct xfc_note *n, struct xfc_text *t)
{
	const unsigned char *nul = n->held ? memchr(n->desc, '\0', n->held) : NULL;

	t->len = nul ? (size_t)(nul - n->desc) : n->held;
	if (!nul)
		t->end = XFC_TEXT_NO_NUL;
	else if (t->len < n->descsz)
		t->end = XFC_TEXT_NUL;
	else if (t->len == n->descsz)
		t->end = XFC_TEXT_AFTER;
	else
		t->end = XFC_TEXT_RUNS_ON;
}

size_t xfc_note_text_len(const struct xfc_note *n, bool *terminated)
{
	struct xfc_text t;

	xfc_note_text(n, &t);
	*terminated = t.end == XFC_TEXT_NUL;
	return t.len;
}

bool xfc_note_number(const struct xfc_elf *elf, const struct xfc_note *n,
		     uint64_t *value)
{
	if ((n->descsz != 1 && n->descsz != 2 && n->descsz != 4 && n->descsz != 8) ||
	    n->held < n->descsz)
		return false;
	*value = xfc_elf_uint(elf, n->desc, n->descsz);
	return true;
}

size_t xfc_note_words(const struct xfc_note *n)
{
	size_t bytes = n->descsz < n->held ? n->descsz : n->held;

	return bytes / 4;
}

uint32_t xfc_note_word(const struct xfc_elf *elf, const struct xfc_note *n,
		       size_t i)
{
	return xfc_elf_u32(elf, n->desc + 4 * i);
}

bool xfc_note_l1_mfn_valid(const struct xfc_elf *elf, const struct xfc_note *n,
			   uint64_t *mask, uint64_t *value, unsigned int *size)
{
	/* readnotes switches on descsz / 2. */
	*size = n->descsz / 2 == 8 ? 8 : n->descsz / 2 == 4 ? 4 : 0;
	if (!*size || n->held < 2 * *size)
		return false;
	*mask = xfc_elf_uint(elf, n->desc, *size);
	*value = xfc_elf_uint(elf, n->desc + *size, *size);
	return true;
}

void xfc_note_phys32_reloc(const struct xfc_elf *elf, const struct xfc_note *n,
			   struct xfc_phys32_reloc *r)
{
	uint32_t *field[3] = { &r->align, &r->min, &r->max };

	r->whole_words = n->descsz % 4 == 0;
	r->given = n->descsz >= 12 ? 3 : n->descsz / 4;
	r->align = 0;
	r->min = 0;
	r->max = XFC_PHYS32_MAX_DEFAULT;
	for (unsigned int i = 0; i < r->given; i++)
		*field[i] = r->whole_words && n->held >= 4 * (i + 1) ?
			    xfc_elf_u32(elf, n->desc + 4 * i) : 0;
}

bool xfc_string_next(const char *text, size_t len, size_t *pos,
		     struct xfc_string_entry *e)
{
	size_t start = *pos, end = start;

	if (start >= len)
		return false;
	while (end < len && text[end] != '|')
		end++;
	*pos = end + 1;
	e->name = text + start;
	e->len = end - start;
	e->required = e->len && e->name[0] == '!';
	if (e->required) {
		e->name++;
		e->len--;
	}
	e->feat = xen_feature_by_name(e->name, e->len);
	return true;
}
