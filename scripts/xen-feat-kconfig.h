/* SPDX-License-Identifier: GPL-2.0 */
/*
 * --config FILE: the notes the kernel configuration gives, worked out by
 * xen-feat-config.c exactly as `generate` writes them, against the notes
 * of an image: where they differ, and what that does on which Xen.
 */
#ifndef XEN_FEAT_KCONFIG_H
#define XEN_FEAT_KCONFIG_H

#include <stdbool.h>
#include <stdint.h>

#include "xen-feat-config.h"
#include "xen-feat-error.h"
#include "xen-feat-verdict.h"

/* The configuration, read and turned into notes once for all images. */
struct xfc_config {
	const char *path;
	struct xen_config cfg;
	struct xen_config_notes notes;
	bool refused;			/* the generator would refuse it ... */
	struct xen_config_error refusal;	/* ... for this reason */
};

/* Exit statuses: XFC_ERR_IO, XFC_ERR_LIMIT (too big), XFC_ERR_FORMAT. */
int xfc_config_load(const char *path, struct xfc_config *c, struct xfc_error *err);

enum xfc_finding_kind {
	XFC_FINDING_XEN,		/* CONFIG_XEN against the presence of notes */
	XFC_FINDING_GENERATOR,		/* the generator refuses the configuration */
	XFC_FINDING_FEATURES,
	XFC_FINDING_SUPPORTED_FEATURES,
	XFC_FINDING_DOM0,
	XFC_FINDING_DOMU,
	XFC_FINDING_FLOOR,
};

struct xfc_finding {
	enum xfc_finding_kind kind;
	bool disagrees;
	char text[2048];
};

#define XFC_FINDINGS_MAX 8

/* Everything --config says about one image. */
struct xfc_config_result {
	const struct xfc_config *config;
	struct xfc_finding findings[XFC_FINDINGS_MAX];
	unsigned int nr_findings;
};

/* only: the --xen-version target the verdicts v[] were made for, or NULL. */
void xfc_config_compare(const struct xfc_config *c, const struct xfc_elf *elf,
			const struct xfc_verdict *v, size_t nr,
			const struct xfc_target *only, struct xfc_config_result *out);

bool xfc_config_disagrees(const struct xfc_config_result *res);
const char *xfc_finding_kind_name(enum xfc_finding_kind kind);

#endif /* XEN_FEAT_KCONFIG_H */
