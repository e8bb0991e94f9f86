// SPDX-License-Identifier: GPL-2.0
/*
 * The protocol table.  Facts from Xen's loader at each release; see
 * shared/xen-notes.md for where each one was checked.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xen/interface/elfnote.h>

#include "xen-feat-table.h"

#define ALL_XEN XEN_VERSION_CODE(3, 0, 2)

const struct xen_feature xen_features[] = {
	{ "writable_page_tables",	XENFEAT_writable_page_tables,	    ALL_XEN },
	{ "writable_descriptor_tables",	XENFEAT_writable_descriptor_tables, ALL_XEN },
	{ "auto_translated_physmap",	XENFEAT_auto_translated_physmap,    ALL_XEN },
	{ "supervisor_mode_kernel",	XENFEAT_supervisor_mode_kernel,	    ALL_XEN },
	{ "pae_pgdir_above_4gb",	XENFEAT_pae_pgdir_above_4gb,	    ALL_XEN },
	{ "mmu_pt_update_preserve_ad",	XENFEAT_mmu_pt_update_preserve_ad,  0 },
	{ "highmem_assist",		XENFEAT_highmem_assist,		    0 },
	{ "gnttab_map_avail_bits",	XENFEAT_gnttab_map_avail_bits,	    0 },
	{ "hvm_callback_vector",	XENFEAT_hvm_callback_vector,	    XEN_VERSION_CODE(4, 4, 0) },
	{ "hvm_safe_pvclock",		XENFEAT_hvm_safe_pvclock,	    0 },
	{ "hvm_pirqs",			XENFEAT_hvm_pirqs,		    0 },
	{ "dom0",			XENFEAT_dom0,			    XEN_VERSION_CODE(4, 2, 0) },
	{ "memory_op_vnode_supported",	XENFEAT_memory_op_vnode_supported,  0 },
	{ "ARM_SMCCC_supported",	XENFEAT_ARM_SMCCC_supported,	    0 },
	{ "linux_rsdp_unrestricted",	XENFEAT_linux_rsdp_unrestricted,    0 },
	{ "not_direct_mapped",		XENFEAT_not_direct_mapped,	    0 },
	{ "direct_mapped",		XENFEAT_direct_mapped,		    0 },
#ifdef XEN_FEAT_TEST_HIGH_BIT
	{ "test_high_bit",		XEN_FEAT_TEST_HIGH_BIT,		    0 },
#endif
};
const size_t xen_nr_features = sizeof(xen_features) / sizeof(xen_features[0]);

const struct xen_generation xen_generations[] = {
	{ "3.0.x",	  XEN_VERSION_CODE(3, 0, 2), XEN_VERSION_CODE(3, 0, 255),
	  XEN_UNKNOWN_WARNS,	false, false, false },
	{ "3.1-4.1",	  XEN_VERSION_CODE(3, 1, 0), XEN_VERSION_CODE(4, 1, 255),
	  XEN_UNKNOWN_REJECTS,	false, false, false },
	{ "4.2-4.3",	  XEN_VERSION_CODE(4, 2, 0), XEN_VERSION_CODE(4, 3, 255),
	  XEN_UNKNOWN_IGNORED,	true,  true,  true },
	{ "4.4 and later", XEN_VERSION_CODE(4, 4, 0), UINT32_MAX,
	  XEN_UNKNOWN_IGNORED,	true,  true,  true },
};
const size_t xen_nr_generations = sizeof(xen_generations) / sizeof(xen_generations[0]);

const struct xen_feature *xen_feature_by_name(const char *name, size_t len)
{
	for (size_t i = 0; i < xen_nr_features; i++)
		if (strlen(xen_features[i].name) == len &&
		    !memcmp(xen_features[i].name, name, len))
			return &xen_features[i];
	return NULL;
}

const struct xen_feature *xen_feature_by_nr(unsigned int nr)
{
	for (size_t i = 0; i < xen_nr_features; i++)
		if (xen_features[i].nr == nr)
			return &xen_features[i];
	return NULL;
}

const struct xen_generation *xen_generation_of(uint32_t version)
{
	for (size_t i = 0; i < xen_nr_generations; i++)
		if (version >= xen_generations[i].first &&
		    version <= xen_generations[i].last)
			return &xen_generations[i];
	return NULL;
}

bool xen_generation_knows(const struct xen_generation *gen,
			  const struct xen_feature *feat)
{
	return feat->string_since && feat->string_since <= gen->first;
}

static bool parse_component(const char **p, unsigned long max, unsigned long *val)
{
	char *end;

	if (**p < '0' || **p > '9')
		return false;
	*val = strtoul(*p, &end, 10);
	if (*val > max)
		return false;
	*p = end;
	return true;
}

uint32_t xen_parse_version(const char *text, const char **end)
{
	const char *p = text;
	unsigned long major, minor, rel = 0;

	if (!parse_component(&p, 255, &major) || *p++ != '.' ||
	    !parse_component(&p, 255, &minor))
		return 0;
	if (*p == '.') {
		p++;
		if (!parse_component(&p, 255, &rel))
			return 0;
	}
	if (major == 0)
		return 0;
	if (end)
		*end = p;
	return XEN_VERSION_CODE(major, minor, rel);
}

const char *xen_format_version(uint32_t version, char *buf, size_t size)
{
	unsigned int major = version >> 16, minor = (version >> 8) & 0xff,
		     rel = version & 0xff;

	if (rel)
		snprintf(buf, size, "%u.%u.%u", major, minor, rel);
	else
		snprintf(buf, size, "%u.%u", major, minor);
	return buf;
}

static void set_bit32(uint32_t *words, unsigned int nr)
{
	if (nr < 32 * XEN_FEAT_NR_WORDS)
		words[nr / 32] |= UINT32_C(1) << (nr % 32);
}

static void note_culprit(struct xen_string_reading *out,
			 enum xen_string_verdict verdict,
			 const char *name, size_t len)
{
	if (out->verdict != XEN_STRING_OK &&
	    out->verdict != XEN_STRING_UNKNOWN_WARNED)
		return;
	out->verdict = verdict;
	if (len >= sizeof(out->culprit))
		len = sizeof(out->culprit) - 1;
	memcpy(out->culprit, name, len);
	out->culprit[len] = '\0';
}

/*
 * Xen's parsers (3.1 to today) cut the string into pieces at '|', a piece
 * being at most XEN_FEATURE_PIECE_MAX characters: a longer name is read as
 * several pieces.  An empty piece ("a||b") is a name no parser knows.
 */
#define XEN_FEATURE_PIECE_MAX 63

void xen_read_feature_string(const struct xen_generation *gen,
			     const char *str, size_t len,
			     struct xen_string_reading *out)
{
	size_t pos = 0;

	memset(out, 0, sizeof(*out));
	while (pos < len && str[pos]) {
		const char *piece = str + pos;
		size_t piece_len = 0;
		bool required;
		const struct xen_feature *feat;

		while (piece_len < XEN_FEATURE_PIECE_MAX && pos < len &&
		       str[pos] && str[pos] != '|') {
			piece_len++;
			pos++;
		}
		if (piece_len < XEN_FEATURE_PIECE_MAX && pos < len && str[pos] == '|')
			pos++;

		required = piece_len && piece[0] == '!';
		if (required) {
			piece++;
			piece_len--;
		}
		feat = xen_feature_by_name(piece, piece_len);
		if (feat && xen_generation_knows(gen, feat)) {
			set_bit32(out->supported, feat->nr);
			if (required)
				set_bit32(out->required, feat->nr);
			continue;
		}
		switch (gen->unknown_name) {
		case XEN_UNKNOWN_WARNS:
			note_culprit(out, XEN_STRING_UNKNOWN_WARNED, piece, piece_len);
			break;
		case XEN_UNKNOWN_REJECTS:
			note_culprit(out, XEN_STRING_UNKNOWN_REJECTED, piece, piece_len);
			return;
		case XEN_UNKNOWN_IGNORED:
			if (required) {
				note_culprit(out, XEN_STRING_REQUIRED_UNKNOWN,
					     piece, piece_len);
				return;
			}
			break;
		}
	}
}

const struct xen_note_type xen_note_types[] = {
	{ "INFO",		XEN_ELFNOTE_INFO,		XEN_NOTE_STRING },
	{ "ENTRY",		XEN_ELFNOTE_ENTRY,		XEN_NOTE_NUMBER },
	{ "HYPERCALL_PAGE",	XEN_ELFNOTE_HYPERCALL_PAGE,	XEN_NOTE_NUMBER },
	{ "VIRT_BASE",		XEN_ELFNOTE_VIRT_BASE,		XEN_NOTE_NUMBER },
	{ "PADDR_OFFSET",	XEN_ELFNOTE_PADDR_OFFSET,	XEN_NOTE_NUMBER },
	{ "XEN_VERSION",	XEN_ELFNOTE_XEN_VERSION,	XEN_NOTE_STRING },
	{ "GUEST_OS",		XEN_ELFNOTE_GUEST_OS,		XEN_NOTE_STRING },
	{ "GUEST_VERSION",	XEN_ELFNOTE_GUEST_VERSION,	XEN_NOTE_STRING },
	{ "LOADER",		XEN_ELFNOTE_LOADER,		XEN_NOTE_STRING },
	{ "PAE_MODE",		XEN_ELFNOTE_PAE_MODE,		XEN_NOTE_STRING },
	{ "FEATURES",		XEN_ELFNOTE_FEATURES,		XEN_NOTE_STRING },
	{ "BSD_SYMTAB",		XEN_ELFNOTE_BSD_SYMTAB,		XEN_NOTE_STRING },
	{ "HV_START_LOW",	XEN_ELFNOTE_HV_START_LOW,	XEN_NOTE_NUMBER },
	{ "L1_MFN_VALID",	XEN_ELFNOTE_L1_MFN_VALID,	XEN_NOTE_NUMBER_LIST },
	{ "SUSPEND_CANCEL",	XEN_ELFNOTE_SUSPEND_CANCEL,	XEN_NOTE_NUMBER },
	{ "INIT_P2M",		XEN_ELFNOTE_INIT_P2M,		XEN_NOTE_NUMBER },
	{ "MOD_START_PFN",	XEN_ELFNOTE_MOD_START_PFN,	XEN_NOTE_NUMBER },
	{ "SUPPORTED_FEATURES",	XEN_ELFNOTE_SUPPORTED_FEATURES,	XEN_NOTE_BIT_ARRAY },
	{ "PHYS32_ENTRY",	XEN_ELFNOTE_PHYS32_ENTRY,	XEN_NOTE_NUMBER },
};
const size_t xen_nr_note_types = sizeof(xen_note_types) / sizeof(xen_note_types[0]);

const struct xen_note_type *xen_note_type_by_nr(unsigned int type)
{
	for (size_t i = 0; i < xen_nr_note_types; i++)
		if (xen_note_types[i].type == type)
			return &xen_note_types[i];
	return NULL;
}

/*
 * Xen 4.2+ OR words 0 to XENFEAT_NR_SUBMAPS-1 into the supported set and
 * ignore the rest; a descriptor that is not whole words reads as 0 (the
 * note still counts as present).
 */
void xen_read_supported_features(const struct xen_generation *gen,
				 const uint32_t *words, size_t descsz,
				 uint32_t out[XEN_FEAT_NR_WORDS])
{
	memset(out, 0, XEN_FEAT_NR_WORDS * sizeof(out[0]));
	if (!gen->reads_supported_features || descsz % 4)
		return;
	for (size_t i = 0; i < XENFEAT_NR_SUBMAPS && i < XEN_FEAT_NR_WORDS &&
			   i < descsz / 4; i++)
		out[i] = words[i];
}
