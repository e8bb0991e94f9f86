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

/* Linux's own elfnote.h names it from 6.12 on; the drop-in reads Linux's. */
#ifndef XEN_ELFNOTE_PHYS32_RELOC
#define XEN_ELFNOTE_PHYS32_RELOC 19
#endif

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

#define NOT_XEN_ELF "Not a Xen-ELF image: No ELF notes or '__xen_guest' section found"
#define LOADER_MSG "Will only load images built for the generic loader or Linux images"
#define XEN_VER_MSG "Xen will only load images built for Xen v3.0"
#define REQUIRED_MSG "Domain 0 requires an unsupported hypervisor feature."
#define NO_PV32_MSG "Found 32-bit PV kernel, but CONFIG_PV32 missing"
#define ELF_HEADER_MSG "DOM0 image is not a Xen-compatible Elf image."
#define PAE_MISMATCH_MSG "PAE mode mismatch between Xen and DOM0"
#define MISMATCH_MSG "Mismatch between Xen and DOM0 kernel"
/* __HYPERVISOR_COMPAT_VIRT_START, and HYPERVISOR_VIRT_START of a 32-bit PAE Xen */
#define COMPAT_VIRT_START 0xF5800000u
#define V(major, minor, rel) XEN_VERSION_CODE(major, minor, rel)

/*
 * 3.0.x check the ELF header against the build (domain_build.c:
 * elf_sanity_check, and the same test in the toolstack's
 * xc_load_elf.c:parseelfimage), want the kernel's PAE mode to be the
 * build's (construct_dom0, xc_linux_build.c:compat_check), and only the
 * toolstack refuses a XEN_VERSION other than "xen-3.0"
 * (xc_load_elf.c:parseelfimage; the hypervisor's elf.c only logs it).
 * From 3.1 libelf's elf_xen_note_check refuses it for both, and
 * libxc's xc_dom_guest_type names the guest type from e_machine alone.
 * 3.0.x take notes only from the first SHT_NOTE section holding one
 * (xen/common/elf.c:parseelfimage); libxc's xc_dom_parse_elf_kernel
 * wanted a section-header string table from 3.1 until 4.13 (commit
 * 582a298b21).  libelf's elf_xen_note_check refuses an image with no
 * note segment or section only when it is x86, and from 4.2 checks
 * nothing in an ARM image's notes (commit a03bc285bd).
 */
const struct xen_generation xen_generations[] = {
	{
		.label = "3.0.2", .first = V(3, 0, 2), .last = V(3, 0, 2),
		.source = "xen/common/elf.c:parseelfimage, xen/arch/x86/domain_build.c:construct_dom0",
		.reads_notes = false, .old_parser = true, .checks_elf_header = true,
		.needs_shstrndx = true, .notes_in_sections_only = true,
		.pae_reading = XEN_PAE_BEGINS_YES, .pae_must_match = true,
		.unknown_name = XEN_UNKNOWN_WARNS, .dom0_refuses_required = true,
		.checks_xen_version = true, .toolstack_checks_xen_version = true,
		.msg_no_notes = "Not a Xen-ELF image: '__xen_guest' section not found.",
		.msg_loader = LOADER_MSG, .msg_xen_version = XEN_VER_MSG,
		.msg_required = REQUIRED_MSG, .msg_elf_header = ELF_HEADER_MSG,
		.msg_dom0_mismatch = PAE_MISMATCH_MSG,
	}, {
		.label = "3.0.3", .first = V(3, 0, 3), .last = V(3, 0, 3),
		.source = "xen/common/elf.c:parseelfimage, xen/arch/x86/domain_build.c:parse_features, tools/libxc/xc_load_elf.c:parseelfimage",
		.reads_notes = true, .old_parser = true, .checks_elf_header = true,
		.needs_shstrndx = true, .notes_in_sections_only = true,
		.pae_reading = XEN_PAE_BEGINS_YES, .pae_must_match = true,
		.unknown_name = XEN_UNKNOWN_WARNS, .dom0_refuses_required = true,
		.toolstack_checks_xen_version = true,
		.msg_no_notes = NOT_XEN_ELF, .msg_loader = LOADER_MSG,
		.msg_xen_version = XEN_VER_MSG, .msg_required = REQUIRED_MSG,
		.msg_elf_header = ELF_HEADER_MSG, .msg_dom0_mismatch = PAE_MISMATCH_MSG,
	}, {
		/* PAE_MODE "bimodal" fits either paging mode; a string table only without note sections */
		.label = "3.0.4", .first = V(3, 0, 4), .last = V(3, 0, 255),
		.source = "xen/common/elf.c:parseelfimage, xen/arch/x86/domain_build.c:construct_dom0, tools/libxc/xc_linux_build.c:compat_check",
		.reads_notes = true, .old_parser = true, .checks_elf_header = true,
		.notes_in_sections_only = true,
		.pae_reading = XEN_PAE_BEGINS_BIMODAL_OR_YES, .pae_must_match = true,
		.unknown_name = XEN_UNKNOWN_WARNS, .dom0_refuses_required = true,
		.toolstack_checks_xen_version = true,
		.msg_no_notes = NOT_XEN_ELF, .msg_loader = LOADER_MSG,
		.msg_xen_version = XEN_VER_MSG, .msg_required = REQUIRED_MSG,
		.msg_elf_header = ELF_HEADER_MSG, .msg_dom0_mismatch = PAE_MISMATCH_MSG,
	}, {
		.label = "3.1", .first = V(3, 1, 0), .last = V(3, 1, 255),
		.source = "xen/common/libelf/libelf-dominfo.c:elf_xen_parse_features, xen/arch/x86/domain_build.c:construct_dom0",
		.reads_notes = true, .notes_needed_on_x86_only = true,
		.toolstack_needs_shstrtab = true,
		.pae_reading = XEN_PAE_IS_YES_HAS_BIMODAL,
		.unknown_name = XEN_UNKNOWN_REJECTS, .dom0_refuses_required = true,
		.checks_xen_version = true, .toolstack_checks_xen_version = true,
		.runs_32bit_on_64bit = true,
		.hv_start_low_max = COMPAT_VIRT_START,
		.msg_no_notes = NOT_XEN_ELF, .msg_loader = LOADER_MSG,
		.msg_xen_version = XEN_VER_MSG, .msg_required = REQUIRED_MSG,
		.msg_dom0_mismatch = MISMATCH_MSG,
	}, {
		.label = "3.2-4.1", .first = V(3, 2, 0), .last = V(4, 1, 255),
		.source = "xen/common/libelf/libelf-dominfo.c:elf_xen_parse_features",
		.reads_notes = true, .notes_needed_on_x86_only = true,
		.toolstack_needs_shstrtab = true,
		.pae_reading = XEN_PAE_IS_YES_HAS_BIMODAL,
		.unknown_name = XEN_UNKNOWN_REJECTS,
		.checks_xen_version = true, .toolstack_checks_xen_version = true,
		.runs_32bit_on_64bit = true,
		.hv_start_low_max = COMPAT_VIRT_START,
		.msg_no_notes = NOT_XEN_ELF, .msg_loader = LOADER_MSG,
		.msg_xen_version = XEN_VER_MSG, .msg_dom0_mismatch = MISMATCH_MSG,
	}, {
		.label = "4.2-4.3", .first = V(4, 2, 0), .last = V(4, 3, 255),
		.source = "xen/common/libelf/libelf-dominfo.c:elf_xen_parse_note, xen/arch/x86/domain_build.c:construct_dom0, tools/libxc/xc_dom_elfloader.c:xc_dom_parse_elf_kernel",
		.reads_notes = true, .notes_needed_on_x86_only = true, .arm_skips_note_check = true,
		.toolstack_needs_shstrtab = true,
		.pae_reading = XEN_PAE_IS_YES_HAS_BIMODAL,
		.unknown_name = XEN_UNKNOWN_IGNORED, .reads_supported_features = true,
		.dom0_needs_bit = true, .required_dom0_refuses_domu = true,
		.checks_xen_version = true, .toolstack_checks_xen_version = true,
		.runs_32bit_on_64bit = true,
		.hv_start_low_max = COMPAT_VIRT_START,
		.msg_no_notes = NOT_XEN_ELF, .msg_loader = LOADER_MSG,
		.msg_xen_version = XEN_VER_MSG, .msg_dom0_mismatch = MISMATCH_MSG,
	}, {
		.label = "4.4-4.12", .first = V(4, 4, 0), .last = V(4, 12, 255),
		.source = "xen/common/libelf/libelf-dominfo.c:elf_xen_parse_features",
		.reads_notes = true, .notes_needed_on_x86_only = true, .arm_skips_note_check = true,
		.toolstack_needs_shstrtab = true,
		.pae_reading = XEN_PAE_IS_YES_HAS_BIMODAL,
		.unknown_name = XEN_UNKNOWN_IGNORED, .reads_supported_features = true,
		.dom0_needs_bit = true, .required_dom0_refuses_domu = true,
		.checks_xen_version = true, .toolstack_checks_xen_version = true,
		.runs_32bit_on_64bit = true,
		.hv_start_low_max = COMPAT_VIRT_START,
		.msg_no_notes = NOT_XEN_ELF, .msg_loader = LOADER_MSG,
		.msg_xen_version = XEN_VER_MSG, .msg_dom0_mismatch = MISMATCH_MSG,
	}, {
		/* libxc no longer wants a section-header string table (commit 582a298b21) */
		.label = "4.13-4.14", .first = V(4, 13, 0), .last = V(4, 14, 255),
		.source = "tools/libxc/xc_dom_elfloader.c:xc_dom_parse_elf_kernel",
		.reads_notes = true, .notes_needed_on_x86_only = true, .arm_skips_note_check = true,
		.pae_reading = XEN_PAE_IS_YES_HAS_BIMODAL,
		.unknown_name = XEN_UNKNOWN_IGNORED, .reads_supported_features = true,
		.dom0_needs_bit = true, .required_dom0_refuses_domu = true,
		.checks_xen_version = true, .toolstack_checks_xen_version = true,
		.runs_32bit_on_64bit = true,
		.hv_start_low_max = COMPAT_VIRT_START,
		.msg_no_notes = NOT_XEN_ELF, .msg_loader = LOADER_MSG,
		.msg_xen_version = XEN_VER_MSG, .msg_dom0_mismatch = MISMATCH_MSG,
	}, {
		/* a big-endian dom0 no longer counts as compatible (commit 347384331e) */
		.label = "4.15", .first = V(4, 15, 0), .last = V(4, 15, 255),
		.source = "xen/arch/x86/pv/dom0_build.c:dom0_construct_pv",
		.reads_notes = true, .notes_needed_on_x86_only = true, .arm_skips_note_check = true,
		.pae_reading = XEN_PAE_IS_YES_HAS_BIMODAL,
		.unknown_name = XEN_UNKNOWN_IGNORED, .reads_supported_features = true,
		.dom0_needs_bit = true, .required_dom0_refuses_domu = true,
		.checks_xen_version = true, .toolstack_checks_xen_version = true,
		.dom0_refuses_big_endian = true, .runs_32bit_on_64bit = true,
		.hv_start_low_max = COMPAT_VIRT_START,
		.msg_no_notes = NOT_XEN_ELF, .msg_loader = LOADER_MSG,
		.msg_xen_version = XEN_VER_MSG, .msg_dom0_mismatch = MISMATCH_MSG,
	}, {
		/* CONFIG_PV32 off by default; its absence named when a 32-bit dom0 comes (commit 2e5512d1ff) */
		.label = "4.16 and later", .first = V(4, 16, 0), .last = UINT32_MAX,
		.source = "xen/arch/x86/pv/dom0_build.c:dom0_construct_pv, xen/arch/x86/Kconfig:PV32",
		.reads_notes = true, .notes_needed_on_x86_only = true, .arm_skips_note_check = true,
		.pae_reading = XEN_PAE_IS_YES_HAS_BIMODAL,
		.unknown_name = XEN_UNKNOWN_IGNORED, .reads_supported_features = true,
		.dom0_needs_bit = true, .required_dom0_refuses_domu = true,
		.checks_xen_version = true, .toolstack_checks_xen_version = true,
		.dom0_refuses_big_endian = true, .runs_32bit_on_64bit = true,
		.hv_start_low_max = COMPAT_VIRT_START, .pv32_off_by_default = true,
		.msg_no_notes = NOT_XEN_ELF, .msg_loader = LOADER_MSG,
		.msg_xen_version = XEN_VER_MSG, .msg_no_pv32 = NO_PV32_MSG,
		.msg_dom0_mismatch = MISMATCH_MSG,
	},
};
const size_t xen_nr_generations = sizeof(xen_generations) / sizeof(xen_generations[0]);

/*
 * 3.0.x x86_64 builds run only 64-bit guests (32-on-64 came with 3.1);
 * 32-bit builds were dropped after 4.2; CONFIG_PV32 came in 4.14 and is
 * off by default from 4.16.
 */
const struct xen_build xen_builds[] = {
	{ XEN_BUILD_X86_64, "x86_64", "x86_64", V(3, 0, 2), UINT32_MAX,
	  "xen/arch/x86/domain_build.c:construct_dom0" },
	{ XEN_BUILD_X86_64_NO_PV32, "x86_64 without 32-bit PV", "x86_64-nopv32",
	  V(4, 14, 0), UINT32_MAX, "xen/arch/x86/Kconfig:PV32" },
	{ XEN_BUILD_X86_32, "32-bit PAE", "x86_32", V(3, 0, 2), V(4, 2, 255),
	  "xen/arch/x86/domain_build.c:construct_dom0" },
};
const size_t xen_nr_builds = sizeof(xen_builds) / sizeof(xen_builds[0]);

const struct xen_build *xen_build_by_kind(enum xen_build_kind kind)
{
	for (size_t i = 0; i < xen_nr_builds; i++)
		if (xen_builds[i].kind == kind)
			return &xen_builds[i];
	return NULL;
}

bool xen_build_exists(const struct xen_build *build, const struct xen_generation *gen)
{
	return build->first <= gen->last && build->last >= gen->first;
}

bool xen_build_runs(const struct xen_build *build, const struct xen_generation *gen,
		    bool guest64)
{
	switch (build->kind) {
	case XEN_BUILD_X86_64:
		return guest64 || gen->runs_32bit_on_64bit;
	case XEN_BUILD_X86_64_NO_PV32:
		return guest64;
	case XEN_BUILD_X86_32:
		return !guest64;
	}
	return false;
}

/*
 * Called for every piece of a FEATURES string, by every generation's
 * reading: the first character rules out almost every name before any
 * length is taken, so a string costs time in proportion to its length.
 */
const struct xen_feature *xen_feature_by_name(const char *name, size_t len)
{
	if (len == 0)
		return NULL;
	for (size_t i = 0; i < xen_nr_features; i++)
		if (xen_features[i].name[0] == name[0] &&
		    strlen(xen_features[i].name) == len &&
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
 * libelf (3.1 to today) cuts the string into pieces at '|', a piece being
 * at most XEN_FEATURE_PIECE_MAX characters: a longer name is read as
 * several pieces.  An empty piece ("a||b") is a name it does not know.
 * 3.0.x's parse_features() has no such bound, stops at the first ',' and
 * takes a piece for the first name the piece begins.
 */
#define XEN_FEATURE_PIECE_MAX 63

static const struct xen_feature *known_name(const struct xen_generation *gen,
					    const char *piece, size_t len)
{
	const struct xen_feature *feat;

	if (!gen->old_parser) {
		feat = xen_feature_by_name(piece, len);
		return feat && xen_generation_knows(gen, feat) ? feat : NULL;
	}
	for (size_t i = 0; i < xen_nr_features; i++) {
		feat = &xen_features[i];
		if ((len == 0 || feat->name[0] == piece[0]) &&
		    xen_generation_knows(gen, feat) && strlen(feat->name) >= len &&
		    !memcmp(feat->name, piece, len))
			return feat;
	}
	return NULL;
}

void xen_read_feature_string(const struct xen_generation *gen,
			     const char *str, size_t len,
			     struct xen_string_reading *out)
{
	size_t piece_max = gen->old_parser ? SIZE_MAX : XEN_FEATURE_PIECE_MAX;
	size_t pos = 0;

	memset(out, 0, sizeof(*out));
	if (gen->old_parser) {
		const char *comma = memchr(str, ',', len);

		if (comma)
			len = (size_t)(comma - str);
	}
	while (pos < len && str[pos]) {
		const char *piece = str + pos;
		size_t piece_len = 0;
		bool required;
		const struct xen_feature *feat;

		while (piece_len < piece_max && pos < len &&
		       str[pos] && str[pos] != '|') {
			piece_len++;
			pos++;
		}
		if (piece_len < piece_max && pos < len && str[pos] == '|')
			pos++;

		required = piece_len && piece[0] == '!';
		if (required) {
			piece++;
			piece_len--;
		}
		feat = known_name(gen, piece, piece_len);
		if (feat) {
			set_bit32(out->supported, feat->nr);
			if (required)
				set_bit32(out->required, feat->nr);
			continue;
		}
		switch (gen->unknown_name) {
		case XEN_UNKNOWN_WARNS:
			note_culprit(out, required ? XEN_STRING_REQUIRED_UNKNOWN :
				     XEN_STRING_UNKNOWN_WARNED, piece, piece_len);
			if (required)
				return;
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

/*
 * 3.0.3's parseelfimage: strncmp(p, "yes", 3) on the first note; 3.0.4
 * tests "bimodal" the same way first; libelf's elf_xen_parse_note, for
 * every note: strcmp(str, "yes"), then strstr(str, "bimodal"), each
 * setting the mode only when it matches.
 */
enum xen_pae_mode xen_read_pae_mode(const struct xen_generation *gen,
				    const char *text, size_t len,
				    enum xen_pae_mode before)
{
	bool begins_yes = len >= 3 && !memcmp(text, "yes", 3);

	switch (gen->pae_reading) {
	case XEN_PAE_BEGINS_YES:
		return begins_yes ? XEN_PAE_YES : XEN_PAE_NO;
	case XEN_PAE_BEGINS_BIMODAL_OR_YES:
		if (len >= 7 && !memcmp(text, "bimodal", 7))
			return XEN_PAE_BIMODAL;
		return begins_yes ? XEN_PAE_YES : XEN_PAE_NO;
	case XEN_PAE_IS_YES_HAS_BIMODAL:
		for (size_t i = 0; i + 7 <= len; i++)
			if (!memcmp(text + i, "bimodal", 7))
				return XEN_PAE_BIMODAL;
		return len == 3 && begins_yes ? XEN_PAE_YES : before;
	}
	return before;
}

/*
 * construct_dom0 (3.1 to 4.15, pv/dom0_build.c:dom0_construct_pv from
 * 4.10): ROUNDUP(parms.virt_hv_start_low, 1 << L2_PAGETABLE_SHIFT), in
 * 64-bit arithmetic, against __HYPERVISOR_COMPAT_VIRT_START (x86_64) or
 * HYPERVISOR_VIRT_START (32-bit PAE), both 0xF5800000.
 */
bool xen_hv_start_low_too_high(const struct xen_generation *gen, uint64_t value)
{
	const uint64_t mask = (UINT64_C(1) << 21) - 1;

	return gen->hv_start_low_max && ((value + mask) & ~mask) > gen->hv_start_low_max;
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
	{ "PHYS32_RELOC",	XEN_ELFNOTE_PHYS32_RELOC,	XEN_NOTE_PHYS32_RELOC },
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
