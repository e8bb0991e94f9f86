// SPDX-License-Identifier: GPL-2.0
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <xen/interface/elfnote.h>

#include "xen-feat-decode.h"
#include "xen-feat-verdict.h"

#define EM_386		3
#define EM_ARM		40
#define EM_X86_64	62
#define ET_EXEC		2

static bool has_bit(const uint32_t *words, unsigned int nr)
{
	return nr / 32 < XEN_FEAT_NR_WORDS && (words[nr / 32] >> (nr % 32) & 1);
}

static bool any_bit(const uint32_t *words)
{
	for (size_t w = 0; w < XEN_FEAT_NR_WORDS; w++)
		if (words[w])
			return true;
	return false;
}

/* How bad a string verdict is: the first of the worst is kept. */
static int severity(enum xen_string_verdict v)
{
	return v == XEN_STRING_OK ? 0 : v == XEN_STRING_UNKNOWN_WARNED ? 1 : 2;
}

/* The note of this type Xen uses: 3.0.x take the first, libelf the last. */
static const struct xfc_note *find_note(const struct xfc_elf *elf,
					const struct xen_generation *gen,
					unsigned int type)
{
	const struct xfc_note *found = NULL;

	for (size_t i = 0; i < elf->nr_xen; i++) {
		if (elf->xen[i].type != type)
			continue;
		found = &elf->xen[i];
		if (gen->old_parser)
			break;
	}
	return found;
}

/* The string note of this type begins with want. */
static bool note_begins(const struct xfc_elf *elf, const struct xen_generation *gen,
			unsigned int type, const char *want)
{
	const struct xfc_note *n = find_note(elf, gen, type);
	size_t want_len = strlen(want);
	bool terminated;

	return n && xfc_note_text_len(n, &terminated) >= want_len &&
	       !memcmp(n->desc, want, want_len);
}

static void read_strings(const struct xfc_elf *elf, struct xfc_verdict *v,
			 bool *has_string)
{
	*has_string = false;
	v->string_verdict = XEN_STRING_OK;
	for (size_t i = 0; i < elf->nr_xen; i++) {
		const struct xfc_note *n = &elf->xen[i];
		struct xen_string_reading r;
		bool terminated;

		if (n->type != XEN_ELFNOTE_FEATURES)
			continue;
		if (v->gen->old_parser && *has_string)
			break;
		*has_string = true;
		xen_read_feature_string(v->gen, (const char *)n->desc,
					xfc_note_text_len(n, &terminated), &r);
		for (size_t w = 0; w < XEN_FEAT_NR_WORDS; w++) {
			v->string_supported[w] |= r.supported[w];
			v->supported[w] |= r.supported[w];
			v->required[w] |= r.required[w];
		}
		if (severity(r.verdict) > severity(v->string_verdict)) {
			v->string_verdict = r.verdict;
			snprintf(v->culprit, sizeof(v->culprit), "%s", r.culprit);
		}
	}
}

/* ORs every SUPPORTED_FEATURES note in as this generation reads it. */
static bool read_bits(const struct xfc_elf *elf, struct xfc_verdict *v,
		      unsigned int *odd_size)
{
	bool present = false;

	*odd_size = 0;
	for (size_t i = 0; i < elf->nr_xen; i++) {
		const struct xfc_note *n = &elf->xen[i];
		uint32_t words[XEN_FEAT_NR_WORDS] = { 0 }, out[XEN_FEAT_NR_WORDS];

		if (n->type != XEN_ELFNOTE_SUPPORTED_FEATURES)
			continue;
		present = true;
		if (n->descsz % 4)
			*odd_size = n->descsz;
		for (size_t w = 0; w < XEN_FEAT_NR_WORDS && w < n->descsz / 4; w++)
			words[w] = xfc_note_word(elf, n, w);
		xen_read_supported_features(v->gen, words, n->descsz, out);
		for (size_t w = 0; w < XEN_FEAT_NR_WORDS; w++)
			v->supported[w] |= out[w];
	}
	return present;
}

/* PAE_MODE as this generation reads it: 3.0.x the first note, libelf each. */
static enum xen_pae_mode read_pae(const struct xfc_elf *elf, const struct xen_generation *gen)
{
	enum xen_pae_mode pae = XEN_PAE_NO;
	bool terminated;

	for (size_t i = 0; i < elf->nr_xen; i++) {
		const struct xfc_note *n = &elf->xen[i];

		if (n->type != XEN_ELFNOTE_PAE_MODE)
			continue;
		pae = xen_read_pae_mode(gen, (const char *)n->desc,
					xfc_note_text_len(n, &terminated), pae);
		if (gen->old_parser)
			break;
	}
	return pae;
}

/* A 32-bit dom0's HV_START_LOW (libelf: the last note; other sizes read as 0). */
static bool hv_start_too_high(const struct xfc_elf *elf, const struct xen_generation *gen,
			      uint64_t *value)
{
	const struct xfc_note *n = find_note(elf, gen, XEN_ELFNOTE_HV_START_LOW);

	*value = 0;
	if (elf->is64 || !n)
		return false;
	if (!xfc_note_number(elf, n, value))
		*value = 0;
	return xen_hv_start_low_too_high(gen, *value);
}

static void answer(struct xfc_answer *a, bool yes, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void answer(struct xfc_answer *a, bool yes, const char *fmt, ...)
{
	va_list ap;

	a->yes = yes;
	va_start(ap, fmt);
	vsnprintf(a->why, sizeof(a->why), fmt, ap);
	va_end(ap);
}

/* The build's own kind of image: what 3.0.x's elf_sanity_check lets through. */
static bool header_fits_build(const struct xfc_elf *elf, const struct xen_build *build)
{
	bool build64 = build->kind != XEN_BUILD_X86_32;

	return elf->is64 == build64 && elf->machine == (build64 ? EM_X86_64 : EM_386) &&
	       !elf->big_endian && elf->elf_type == ET_EXEC;
}

/* "64-bit little-endian ELF, machine 62, type 2" */
static const char *describe_header(const struct xfc_elf *elf, char *buf, size_t size)
{
	snprintf(buf, size, "%d-bit %s-endian ELF, machine %u, type %u",
		 elf->is64 ? 64 : 32, elf->big_endian ? "big" : "little",
		 elf->machine, elf->elf_type);
	return buf;
}

/* The guest type libxc's xc_dom_guest_type names, from e_machine and PAE. */
static const char *toolstack_guest_type(const struct xfc_verdict *v, const struct xfc_elf *elf,
					enum xen_pae_mode pae)
{
	bool has_32p = xen_build_runs(v->target.build, v->gen, false);

	if (elf->machine == EM_X86_64)
		return "xen-3.0-x86_64";
	if (elf->machine != EM_386)
		return NULL;
	if (pae == XEN_PAE_YES || (pae == XEN_PAE_BIMODAL && has_32p))
		return "xen-3.0-x86_32p";
	return "xen-3.0-x86_32";
}

/* Whether the build's capabilities list that guest type. */
static bool build_offers(const struct xfc_verdict *v, const char *type)
{
	if (!strcmp(type, "xen-3.0-x86_64"))
		return v->target.build->kind != XEN_BUILD_X86_32;
	if (!strcmp(type, "xen-3.0-x86_32p"))
		return xen_build_runs(v->target.build, v->gen, false);
	return false;
}

/* What a generation's note check (libelf's elf_xen_note_check) made of the notes. */
enum notes_check {
	NOTES_REFUSED,			/* answered */
	NOTES_PASS,
	NOTES_NOT_CHECKED,		/* not an x86 image: nothing is looked at */
	NOTES_NO_GUEST_SECTION,		/* 3.0.2 parses it, then finds no '__xen_guest' */
};

/* Which notes must be there: header, sections, LOADER/GUEST_OS, XEN_VERSION. */
/* A numeric note as this generation reads it; false when it has none. */
static bool note_value(const struct xfc_elf *elf, const struct xen_generation *g,
		       unsigned int type, uint64_t *value)
{
	const struct xfc_note *n = find_note(elf, g, type);

	if (!n)
		return false;
	if (xfc_note_number(elf, n, value))
		return true;
	/* libelf stores 0 for a size it cannot read; 3.0.x leave it unset */
	*value = 0;
	return !g->old_parser;
}

/*
 * Where the kernel lands and starts, as libelf's elf_xen_addr_calc_check()
 * (3.0.3 and 3.0.4: parseelfimage()) works it out from the loadable
 * segments, VIRT_BASE, PADDR_OFFSET and ENTRY; NULL when it fits.
 */
static const char *layout_problem(const struct xfc_elf *elf, const struct xen_generation *g,
				  char *buf, size_t size)
{
	uint64_t base = 0, offset = 0, entry = elf->entry, start, end;
	bool has_base = note_value(elf, g, XEN_ELFNOTE_VIRT_BASE, &base);
	bool has_offset = note_value(elf, g, XEN_ELFNOTE_PADDR_OFFSET, &offset);

	note_value(elf, g, XEN_ELFNOTE_ENTRY, &entry);
	if (has_offset && !has_base)
		return "PADDR_OFFSET without VIRT_BASE (\"ELF_PADDR_OFFSET set, VIRT_BASE unset\")";
	if (!elf->has_loadable)
		return "no loadable segment (\"ELF start or entries are out of bounds\")";
	start = elf->pstart + (base - offset);
	end = elf->pend + (base - offset);
	if (start <= end && entry >= start && entry <= end && base <= start)
		return NULL;
	snprintf(buf, size,
		 "the entry point 0x%llx is not inside the kernel at 0x%llx-0x%llx (VIRT_BASE 0x%llx%s) (\"ELF start or entries are out of bounds\")",
		 (unsigned long long)entry, (unsigned long long)start,
		 (unsigned long long)end, (unsigned long long)base,
		 find_note(elf, g, XEN_ELFNOTE_ENTRY) ? "" : ", no ENTRY note: e_entry is used");
	return buf;
}

static enum notes_check check_notes(struct xfc_verdict *v, const struct xfc_elf *elf)
{
	const char *layout;
	char where[256];
	const struct xen_generation *g = v->gen;
	const char *l = v->label;
	bool x86 = elf->machine == EM_386 || elf->machine == EM_X86_64;
	char what[96];

	if (g->checks_elf_header && !header_fits_build(elf, v->target.build))
		answer(&v->load, false, "%s takes only little-endian executables of its own word size and machine, not a %s (\"%s\")",
		       l, describe_header(elf, what, sizeof(what)), g->msg_elf_header);
	else if (g->needs_shstrndx && !elf->shstrndx)
		answer(&v->load, false,
		       "%s refuses an image whose e_shstrndx is 0 (\"ELF image has no section-header strings table (shstrtab).\")",
		       l);
	else if (!g->reads_notes && !(elf->has_loadable && elf->entry >= elf->pstart &&
				      elf->entry <= elf->pend))
		/* xen/common/elf.c:parseelfimage() of 3.0.2 takes p_paddr as virtual */
		answer(&v->load, false,
		       "%s finds e_entry 0x%llx outside the loadable segments' physical addresses (\"Malformed ELF image.\")",
		       l, (unsigned long long)elf->entry);
	else if (!g->reads_notes)
		return NOTES_NO_GUEST_SECTION;
	else if (g->notes_in_sections_only && !elf->shnum)
		answer(&v->load, false,
		       "%s reads notes only from SHT_NOTE sections and the image has no section headers (\"%s\")",
		       l, g->msg_no_notes);
	else if ((g->notes_needed_on_x86_only && !x86 && !elf->any_note_area) ||
		 (g->arm_skips_note_check && elf->machine == EM_ARM && elf->any_note_area))
		return NOTES_NOT_CHECKED;
	else if (!elf->nr_xen)
		answer(&v->load, false, "no Xen notes: %s refuses it (\"%s\")", l,
		       !g->old_parser && elf->any_note_area ? g->msg_loader : g->msg_no_notes);
	else if (!note_begins(elf, g, XEN_ELFNOTE_LOADER, "generic") &&
		 !note_begins(elf, g, XEN_ELFNOTE_GUEST_OS, "linux"))
		answer(&v->load, false,
		       "neither LOADER \"generic\" nor GUEST_OS \"linux\": %s refuses it (\"%s\")",
		       l, g->msg_loader);
	else if (g->checks_xen_version &&
		 !note_begins(elf, g, XEN_ELFNOTE_XEN_VERSION, "xen-3.0"))
		answer(&v->load, false, "XEN_VERSION is not \"xen-3.0\": %s refuses it (\"%s\")",
		       l, g->msg_xen_version);
	else if ((layout = layout_problem(elf, g, where, sizeof(where))))
		answer(&v->load, false, "%s refuses it: %s", l, layout);
	else
		return NOTES_PASS;
	return NOTES_REFUSED;
}

static void judge_load(struct xfc_verdict *v, const struct xfc_elf *elf, bool has_string)
{
	const struct xen_generation *g = v->gen;
	const char *l = v->label;
	enum notes_check notes = check_notes(v, elf);

	if (notes == NOTES_REFUSED)
		return;
	if (notes == NOTES_NO_GUEST_SECTION) {
		v->no_guest_section = true;
		answer(&v->load, true,
		       "%s parses the image, but reads only a '__xen_guest' section, not ELF notes, and the image has none",
		       l);
		return;
	}
	if (v->string_verdict == XEN_STRING_UNKNOWN_REJECTED)
		answer(&v->load, false,
		       "%s rejects the image and prints no reason: FEATURES names '%s', which it does not know",
		       l, v->culprit);
	else if (v->string_verdict == XEN_STRING_REQUIRED_UNKNOWN && !g->old_parser)
		answer(&v->load, false,
		       "%s rejects the image and prints no reason: FEATURES requires '!%s', which it does not know",
		       l, v->culprit);
	else if (notes == NOTES_NOT_CHECKED)
		answer(&v->load, true,
		       "%s checks no notes of a %s image (machine %u)%s", l,
		       elf->machine == EM_ARM ? "32-bit ARM" : "non-x86", elf->machine,
		       elf->any_note_area ? "" : " that has no note segment or section");
	else if (v->string_verdict == XEN_STRING_UNKNOWN_WARNED)
		answer(&v->load, true,
		       "%s loads it after logging that FEATURES names '%s', which it does not know (\"Unknown kernel feature\")",
		       l, v->culprit);
	else if (has_string)
		answer(&v->load, true, "%s accepts the notes and the FEATURES string", l);
	else
		answer(&v->load, true, "%s accepts the notes; there is no FEATURES string to reject", l);
}

/* 3.0.x: the kernel's PAE mode must be the build's; "bimodal" fits both. */
static bool pae_fits_build(const struct xfc_verdict *v, enum xen_pae_mode pae)
{
	bool build_pae = v->target.build->kind == XEN_BUILD_X86_32;

	return pae == XEN_PAE_BIMODAL || (pae == XEN_PAE_YES) == build_pae;
}

/* Word size, machine and PAE, as the dom0 builder of this build checks them. */
static bool dom0_fits(struct xfc_verdict *v, const struct xfc_elf *elf,
		      enum xen_pae_mode pae)
{
	const struct xen_generation *g = v->gen;
	const char *l = v->label;

	if (v->target.build->kind == XEN_BUILD_X86_64_NO_PV32 && !elf->is64) {
		answer(&v->dom0, false, "%s refuses a 32-bit dom0 (\"%s\")", l,
		       g->msg_no_pv32 ? g->msg_no_pv32 : g->msg_dom0_mismatch);
		return false;
	}
	if (g->pae_must_match) {
		if (pae_fits_build(v, pae))
			return true;
		answer(&v->dom0, false, "%s wants a dom0 whose PAE_MODE %s (\"%s\")", l,
		       v->target.build->kind == XEN_BUILD_X86_32 ? "says \"yes\"" :
		       "does not say \"yes\"", g->msg_dom0_mismatch);
		return false;
	}
	if (g->dom0_refuses_big_endian && elf->big_endian) {
		answer(&v->dom0, false, "%s refuses a big-endian dom0 (\"%s\")", l,
		       g->msg_dom0_mismatch);
		return false;
	}
	if (v->runs_class && (elf->is64 ? elf->machine == EM_X86_64 :
			      elf->machine == EM_386 && pae != XEN_PAE_NO))
		return true;
	if (v->runs_class && !elf->is64 && elf->machine == EM_386)
		answer(&v->dom0, false, "%s runs only PAE 32-bit kernels and PAE_MODE does not say \"yes\" (\"%s\")",
		       l, g->msg_dom0_mismatch);
	else
		answer(&v->dom0, false, "%s cannot run this kernel as dom0 (\"%s\")",
		       l, g->msg_dom0_mismatch);
	return false;
}

static void judge_dom0(struct xfc_verdict *v, const struct xfc_elf *elf,
		       enum xen_pae_mode pae, bool has_bits, unsigned int odd_size)
{
	const struct xen_generation *g = v->gen;
	const struct xen_feature *dom0 = xen_feature_by_nr(XENFEAT_dom0);
	const char *l = v->label;
	char odd[160] = "";
	uint64_t hv_start;

	v->dom0_basis = XFC_DOM0_OTHER;
	if (!v->load.yes) {
		v->dom0_basis = XFC_DOM0_NOT_LOADED;
		answer(&v->dom0, false, "the image does not load");
	} else if (v->no_guest_section) {
		answer(&v->dom0, false, "%s refuses it (\"%s\")", l, g->msg_no_notes);
	} else if (!dom0_fits(v, elf, pae)) {
		return;
	} else if (hv_start_too_high(elf, g, &hv_start)) {
		answer(&v->dom0, false,
		       "%s refuses a 32-bit dom0 whose HV_START_LOW, 0x%llx rounded up to 2 MiB, is above 0x%llx (\"expects too high a hypervisor start address\")",
		       l, (unsigned long long)hv_start, (unsigned long long)g->hv_start_low_max);
	} else if (g->old_parser && v->string_verdict == XEN_STRING_REQUIRED_UNKNOWN) {
		answer(&v->dom0, false,
		       "%s panics: FEATURES requires '!%s', which it does not know (\"Domain 0 requires an unknown hypervisor feature.\")",
		       l, v->culprit);
	} else if (g->dom0_refuses_required && any_bit(v->required)) {
		answer(&v->dom0, false,
		       "%s refuses a dom0 whose FEATURES requires anything, even a feature it has (\"%s\")",
		       l, g->msg_required);
	} else if (has_bit(v->required, XENFEAT_supervisor_mode_kernel) && !g->old_parser) {
		answer(&v->dom0, false,
		       "%s does not run dom0 in ring 0 (\"Dom0 requires supervisor-mode execution\")", l);
	} else if (!g->dom0_needs_bit) {
		v->dom0_basis = XFC_DOM0_UNCHECKED;
		answer(&v->dom0, true, "%s does not check a kernel's dom0 support", l);
	} else if (!has_bits) {
		v->dom0_basis = XFC_DOM0_ASSUMED;
		answer(&v->dom0, true,
		       "no SUPPORTED_FEATURES note, so %s assumes the kernel can run as dom0", l);
	} else if (has_bit(v->supported, XENFEAT_dom0)) {
		v->dom0_basis = XFC_DOM0_CLAIMED;
		answer(&v->dom0, true, "%s finds %s (%u) in the supported set: %s", l,
		       dom0->name, dom0->nr,
		       has_bit(v->required, XENFEAT_dom0) ? "FEATURES requires it" :
		       has_bit(v->string_supported, XENFEAT_dom0) ? "FEATURES names it" :
		       "SUPPORTED_FEATURES has the bit");
	} else {
		v->dom0_basis = XFC_DOM0_REFUSED;
		if (odd_size)
			snprintf(odd, sizeof(odd),
				 "; its %u-byte descriptor is not whole 32-bit words, so Xen reads it as 0",
				 odd_size);
		answer(&v->dom0, false,
		       "%s refuses to build dom0 (\"Kernel does not support Dom0 operation\"): SUPPORTED_FEATURES is present and neither it nor FEATURES gives %s (%u)%s",
		       l, dom0->name, dom0->nr, odd);
	}
}

/* 3.0.x's compat_check: the kernel's PAE mode against the build's. */
static bool domu_pae_fits(struct xfc_verdict *v, enum xen_pae_mode pae)
{
	bool build_pae = v->target.build->kind == XEN_BUILD_X86_32;

	if (pae_fits_build(v, pae))
		return true;
	answer(&v->domu, false, "the %s toolstack refuses it (\"%s\")", v->label,
	       build_pae ? "Non PAE-kernel on PAE host" : "PAE-kernel on non-PAE host");
	return false;
}

/* libxc from 3.1: the guest type must be one the hypervisor lists. */
static bool domu_type_fits(struct xfc_verdict *v, const struct xfc_elf *elf,
			   enum xen_pae_mode pae)
{
	const char *type = toolstack_guest_type(v, elf, pae);

	if (type && build_offers(v, type))
		return true;
	answer(&v->domu, false,
	       "the %s toolstack refuses it (\"guest type %s not supported by xen kernel\")",
	       v->label, type ? type : "xen-3.0-unknown");
	return false;
}

static void judge_domu(struct xfc_verdict *v, const struct xfc_elf *elf,
		       enum xen_pae_mode pae)
{
	const struct xen_generation *g = v->gen;
	const char *l = v->label;

	if (!v->load.yes)
		answer(&v->domu, false, "the image does not load");
	else if (v->no_guest_section)
		answer(&v->domu, false, "the %s toolstack finds no '__xen_guest' section and builds nothing", l);
	else if (g->toolstack_needs_shstrtab && elf->shstrndx >= elf->shnum)
		answer(&v->domu, false,
		       "the %s toolstack refuses it (\"ELF image has no shstrtab\"): e_shstrndx %u names none of its %u section headers",
		       l, elf->shstrndx, elf->shnum);
	else if (g->toolstack_checks_xen_version &&
		 !note_begins(elf, g, XEN_ELFNOTE_XEN_VERSION, "xen-3.0"))
		answer(&v->domu, false, "the %s toolstack refuses it (\"%s\"): XEN_VERSION is not \"xen-3.0\"",
		       l, g->msg_xen_version);
	else if (g->required_dom0_refuses_domu && v->dom0_required)
		answer(&v->domu, false,
		       "the %s toolstack refuses it (\"Kernel does not support unprivileged (DomU) operation\"): FEATURES requires dom0 ('!dom0')",
		       l);
	else if (g->pae_must_match ? !domu_pae_fits(v, pae) : !domu_type_fits(v, elf, pae))
		return;
	else if (g->old_parser && v->string_verdict == XEN_STRING_REQUIRED_UNKNOWN)
		/* tools/libxc/xc_linux_build.c: parse_features() fails on every path, setup_guest() tests for 0 */
		answer(&v->domu, true,
		       "the %s toolstack logs \"Kernel requires an unknown hypervisor feature.\" for '!%s' but ignores its own error",
		       l, v->culprit);
	else
		answer(&v->domu, true, "nothing in the notes stops the %s toolstack", l);
}

static void make_label(struct xfc_verdict *v, bool guest64)
{
	const struct xfc_target *t = &v->target;
	char version[32];
	bool show_build = !guest64 || t->build->kind != XEN_BUILD_X86_64;

	if (t->version)
		snprintf(v->label, sizeof(v->label), "Xen %s (%s)",
			 xen_format_version(t->version, version, sizeof(version)),
			 t->build->label);
	else
		snprintf(v->label, sizeof(v->label), "Xen %s%s%s", t->gen->label,
			 show_build ? ", " : "", show_build ? t->build->label : "");
}

static void judge(const struct xfc_elf *elf, const struct xfc_target *t,
		  struct xfc_verdict *v)
{
	bool has_string, has_bits = false;
	enum xen_pae_mode pae;
	unsigned int odd_size = 0;

	memset(v, 0, sizeof(*v));
	v->target = *t;
	v->gen = t->gen;
	v->runs_class = xen_build_runs(t->build, t->gen, elf->is64);
	make_label(v, elf->is64);
	if (t->gen->reads_notes) {
		read_strings(elf, v, &has_string);
		if (t->gen->reads_supported_features)
			has_bits = read_bits(elf, v, &odd_size);
	} else {
		has_string = false;
	}
	pae = read_pae(elf, t->gen);
	v->dom0_required = has_bit(v->required, XENFEAT_dom0);
	judge_load(v, elf, has_string);
	judge_dom0(v, elf, pae, has_bits, odd_size);
	judge_domu(v, elf, pae);
}

/* The builds whose verdicts matter for an image of this word size. */
static bool shown(const struct xen_build *b, const struct xen_generation *g, bool guest64)
{
	if (!xen_build_exists(b, g))
		return false;
	if (b->kind == XEN_BUILD_X86_64)
		return xen_build_runs(b, g, guest64);
	return !guest64;
}

size_t xfc_verdicts(const struct xfc_elf *elf, const struct xfc_target *only,
		    struct xfc_verdict *out)
{
	size_t n = 0;

	if (only) {
		judge(elf, only, &out[0]);
		return 1;
	}
	for (size_t i = 0; i < xen_nr_generations; i++)
		for (size_t j = 0; j < xen_nr_builds && n < XFC_VERDICTS_MAX; j++) {
			struct xfc_target t = { &xen_generations[i], &xen_builds[j], 0 };

			if (shown(t.build, t.gen, elf->is64))
				judge(elf, &t, &out[n++]);
		}
	return n;
}

void xfc_list_generations(const struct xfc_verdict *v, size_t nr, const bool *pick,
			  char *buf, size_t size)
{
	size_t n = 0, done = 0, len = 0;

	for (size_t i = 0; i < nr; i++)
		n += pick[i];
	buf[0] = '\0';
	for (size_t i = 0; i < nr && len < size; i++) {
		if (!pick[i])
			continue;
		len += (size_t)snprintf(buf + len, size - len, "%s%s",
					!done ? "" : done + 1 == n ? " and " : ", ",
					v[i].label);
		done++;
	}
}
