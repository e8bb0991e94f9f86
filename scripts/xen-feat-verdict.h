/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What one Xen does with an image's notes: load it at all, build it as
 * dom0, build it as a domU; each answer with its reason in words.  A Xen
 * is a generation of the protocol table and a kind of hypervisor build,
 * optionally one release of it.
 */
#ifndef XEN_FEAT_VERDICT_H
#define XEN_FEAT_VERDICT_H

#include <stdbool.h>

#include "xen-feat-elf.h"
#include "xen-feat-table.h"

struct xfc_answer {
	bool yes;
	char why[480];
};

enum xfc_dom0_basis {
	XFC_DOM0_NOT_LOADED,
	XFC_DOM0_UNCHECKED,		/* this Xen does not look */
	XFC_DOM0_ASSUMED,		/* no SUPPORTED_FEATURES note */
	XFC_DOM0_CLAIMED,		/* dom0 in the supported set */
	XFC_DOM0_REFUSED,		/* SUPPORTED_FEATURES without dom0 */
	XFC_DOM0_OTHER,			/* refused for another reason */
};

struct xfc_target {
	const struct xen_generation *gen;
	const struct xen_build *build;
	uint32_t version;		/* one release; 0: the whole generation */
};

struct xfc_verdict {
	struct xfc_target target;
	const struct xen_generation *gen;	/* target.gen */
	char label[96];			/* "Xen 4.16 and later, x86_64 without 32-bit PV" */
	bool runs_class;		/* this build runs guests of the image's word size */
	bool no_guest_section;		/* 3.0.2: parsed, but it reads no ELF notes */
	struct xfc_answer load, dom0, domu;
	enum xfc_dom0_basis dom0_basis;
	bool dom0_required;		/* '!dom0' read as a known feature */
	/* The FEATURES strings alone, as this generation's parser reads them. */
	enum xen_string_verdict string_verdict;
	char culprit[64];
	uint32_t string_supported[XEN_FEAT_NR_WORDS];
	/* With SUPPORTED_FEATURES added: the set Xen checks. */
	uint32_t supported[XEN_FEAT_NR_WORDS];
	uint32_t required[XEN_FEAT_NR_WORDS];
};

/* Rows xfc_verdicts() may write. */
#define XFC_VERDICTS_MAX 32

/*
 * One row for ONLY, or, without it, one for every generation and each
 * build that matters for the image's word size, in the table's order.
 * Returns the number of rows written to out.
 */
size_t xfc_verdicts(const struct xfc_elf *elf, const struct xfc_target *only,
		    struct xfc_verdict *out);

/* "Xen 3.1 and 3.2-4.1": the rows picked, by label. */
void xfc_list_generations(const struct xfc_verdict *v, size_t nr, const bool *pick,
			  char *buf, size_t size);

#endif /* XEN_FEAT_VERDICT_H */
