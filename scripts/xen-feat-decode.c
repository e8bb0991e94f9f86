// SPDX-License-Identifier: GPL-2.0
#include <string.h>

#include "xen-feat-decode.h"

size_t xfc_note_text_len(const struct xfc_note *n, bool *terminated)
{
	const unsigned char *nul = n->descsz ? memchr(n->desc, '\0', n->descsz) : NULL;

	*terminated = nul != NULL;
	return nul ? (size_t)(nul - n->desc) : n->descsz;
}

bool xfc_note_number(const struct xfc_elf *elf, const struct xfc_note *n,
		     uint64_t *value)
{
	if (n->descsz != 1 && n->descsz != 2 && n->descsz != 4 && n->descsz != 8)
		return false;
	*value = xfc_elf_uint(elf, n->desc, n->descsz);
	return true;
}

uint32_t xfc_note_word(const struct xfc_elf *elf, const struct xfc_note *n,
		       size_t i)
{
	return xfc_elf_u32(elf, n->desc + 4 * i);
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
