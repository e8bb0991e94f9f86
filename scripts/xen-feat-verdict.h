/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What each Xen generation in the table does with an image's notes:
 * load it at all, build it as dom0, build it as a domU; each answer
 * with its reason in words.
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
};

struct xfc_verdict {
	const struct xen_generation *gen;
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

/* out: xen_nr_generations entries, in the table's order. */
void xfc_verdicts(const struct xfc_elf *elf, struct xfc_verdict *out);

/* "Xen 3.1-4.1", "Xen 4.2-4.3 and 4.4 and later": the generations picked. */
void xfc_list_generations(const struct xfc_verdict *v, const bool *pick,
			  char *buf, size_t size);

#endif /* XEN_FEAT_VERDICT_H */
