// SPDX-License-Identifier: GPL-2.0
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <xen/interface/elfnote.h>

#include "xen-feat-decode.h"
#include "xen-feat-verdict.h"

static bool has_bit(const uint32_t *words, unsigned int nr)
{
	return nr / 32 < XEN_FEAT_NR_WORDS && (words[nr / 32] >> (nr % 32) & 1);
}

/* How bad a string verdict is: the first of the worst is kept. */
static int severity(enum xen_string_verdict v)
{
	return v == XEN_STRING_OK ? 0 : v == XEN_STRING_UNKNOWN_WARNED ? 1 : 2;
}

static void read_strings(const struct xfc_elf *elf, struct xfc_verdict *v,
			 bool *has_string)
{
	enum xen_string_verdict *verdict = &v->string_verdict;
	char *culprit = v->culprit;

	*verdict = XEN_STRING_OK;
	*has_string = false;
	for (size_t i = 0; i < elf->nr_xen; i++) {
		const struct xfc_note *n = &elf->xen[i];
		struct xen_string_reading r;
		bool terminated;

		if (n->type != XEN_ELFNOTE_FEATURES)
			continue;
		*has_string = true;
		xen_read_feature_string(v->gen, (const char *)n->desc,
					xfc_note_text_len(n, &terminated), &r);
		for (size_t w = 0; w < XEN_FEAT_NR_WORDS; w++) {
			v->string_supported[w] |= r.supported[w];
			v->supported[w] |= r.supported[w];
			v->required[w] |= r.required[w];
		}
		if (severity(r.verdict) > severity(*verdict)) {
			*verdict = r.verdict;
			snprintf(culprit, sizeof(v->culprit), "%s", r.culprit);
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

static void judge_load(struct xfc_verdict *v, bool has_notes, bool has_string,
		       enum xen_string_verdict sv, const char *culprit)
{
	const char *g = v->gen->label;

	if (!has_notes)
		answer(&v->load, false,
		       "no Xen notes: Xen %s do not load it as a PV kernel (\"Not a Xen-ELF image\")", g);
	else if (sv == XEN_STRING_UNKNOWN_REJECTED)
		answer(&v->load, false,
		       "Xen %s reject the image without a message: FEATURES names '%s', which they do not know",
		       g, culprit);
	else if (sv == XEN_STRING_REQUIRED_UNKNOWN)
		answer(&v->load, false,
		       "Xen %s reject the image without a message naming the cause: FEATURES requires '!%s', which they do not know",
		       g, culprit);
	else if (sv == XEN_STRING_UNKNOWN_WARNED)
		answer(&v->load, true,
		       "Xen %s load it after logging that FEATURES names '%s', which they do not know",
		       g, culprit);
	else if (has_string)
		answer(&v->load, true, "Xen %s accept the FEATURES string", g);
	else
		answer(&v->load, true, "no FEATURES note, so nothing for Xen %s to reject", g);
}

static void judge_dom0(struct xfc_verdict *v, bool has_bits, unsigned int odd_size)
{
	const char *g = v->gen->label;
	const struct xen_feature *dom0 = xen_feature_by_nr(XENFEAT_dom0);
	char odd[160] = "";

	if (!v->load.yes) {
		v->dom0_basis = XFC_DOM0_NOT_LOADED;
		answer(&v->dom0, false, "the image does not load");
	} else if (!v->gen->dom0_needs_bit) {
		v->dom0_basis = XFC_DOM0_UNCHECKED;
		answer(&v->dom0, true, "Xen %s do not check a kernel's dom0 support", g);
	} else if (!has_bits) {
		v->dom0_basis = XFC_DOM0_ASSUMED;
		answer(&v->dom0, true,
		       "no SUPPORTED_FEATURES note, so Xen %s assume the kernel can run as dom0", g);
	} else if (has_bit(v->supported, XENFEAT_dom0)) {
		v->dom0_basis = XFC_DOM0_CLAIMED;
		answer(&v->dom0, true, "Xen %s find %s (%u) in the supported set: %s", g,
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
		       "Xen %s refuse to build dom0 (\"Kernel does not support Dom0 operation\"): SUPPORTED_FEATURES is present and neither it nor FEATURES gives %s (%u)%s",
		       g, dom0->name, dom0->nr, odd);
	}
}

static void judge_domu(struct xfc_verdict *v)
{
	const char *g = v->gen->label;

	if (!v->load.yes)
		answer(&v->domu, false, "the image does not load");
	else if (v->gen->required_dom0_refuses_domu && v->dom0_required)
		answer(&v->domu, false,
		       "the Xen %s toolstack refuses it (\"Kernel does not support unprivileged (DomU) operation\"): FEATURES requires dom0 ('!dom0')",
		       g);
	else
		answer(&v->domu, true, "nothing in the notes stops the Xen %s toolstack", g);
}

void xfc_verdicts(const struct xfc_elf *elf, struct xfc_verdict *out)
{
	for (size_t i = 0; i < xen_nr_generations; i++) {
		struct xfc_verdict *v = &out[i];
		bool has_string, has_bits = false;
		unsigned int odd_size = 0;

		memset(v, 0, sizeof(*v));
		v->gen = &xen_generations[i];
		read_strings(elf, v, &has_string);
		if (v->gen->reads_supported_features)
			has_bits = read_bits(elf, v, &odd_size);
		v->dom0_required = has_bit(v->required, XENFEAT_dom0);
		judge_load(v, elf->nr_xen > 0, has_string, v->string_verdict, v->culprit);
		judge_dom0(v, has_bits, odd_size);
		judge_domu(v);
	}
}

void xfc_list_generations(const struct xfc_verdict *v, const bool *pick,
			  char *buf, size_t size)
{
	size_t n = 0, done = 0, len = 0;

	for (size_t i = 0; i < xen_nr_generations; i++)
		n += pick[i];
	buf[0] = '\0';
	for (size_t i = 0; i < xen_nr_generations && len < size; i++) {
		if (!pick[i])
			continue;
		len += (size_t)snprintf(buf + len, size - len, "%s%s",
					!done ? "Xen " : done + 1 == n ? " and " : ", ",
					v[i].gen->label);
		done++;
	}
}
