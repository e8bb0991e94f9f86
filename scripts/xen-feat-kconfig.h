/* SPDX-License-Identifier: GPL-2.0 */
/*
 * --config FILE: where a kernel's .config and its notes disagree, and
 * what that does on which Xen.  Reads Linux's CONFIG_XEN_DOM0 and this
 * tree's CONFIG_XEN_DOMU and CONFIG_XEN_COMPAT (the oldest Xen, hex).
 */
#ifndef XEN_FEAT_KCONFIG_H
#define XEN_FEAT_KCONFIG_H

#include <stdbool.h>
#include <stdint.h>

#include "xen-feat-error.h"
#include "xen-feat-verdict.h"

enum xfc_tristate { XFC_ABSENT, XFC_UNSET, XFC_SET };

struct xfc_kconfig {
	enum xfc_tristate dom0, domu;
	bool has_compat;
	uint32_t compat;
};

int xfc_kconfig_read(const char *path, struct xfc_kconfig *cfg,
		     struct xfc_error *err);

#define XFC_FINDINGS_MAX 8

struct xfc_finding {
	bool disagrees;
	char text[1100];
};

/* Returns how many findings were written to out (XFC_FINDINGS_MAX at most). */
unsigned int xfc_kconfig_compare(const struct xfc_kconfig *cfg,
				 const struct xfc_verdict *v, size_t nr,
				 struct xfc_finding *out);

#endif /* XEN_FEAT_KCONFIG_H */
