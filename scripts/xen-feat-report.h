/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Everything `check` found about one image, and the two ways to print
 * it: text for people, JSON for scripts, with the same content.
 */
#ifndef XEN_FEAT_REPORT_H
#define XEN_FEAT_REPORT_H

#include <stdio.h>

#include "xen-feat-elf.h"
#include "xen-feat-error.h"
#include "xen-feat-expect.h"
#include "xen-feat-hypervisor.h"
#include "xen-feat-kconfig.h"
#include "xen-feat-source.h"
#include "xen-feat-verdict.h"

struct xfc_report {
	const char *path;
	const struct xfc_source *src;		/* NULL if it could not be opened */
	const struct xfc_elf *elf;		/* NULL if no notes were read */
	const struct xfc_verdict *verdicts;	/* NULL with elf */
	size_t nr_verdicts;
	const char *hypervisor_path;		/* --xen FILE, NULL without */
	const struct xfc_hypervisor *hypervisor;
	const struct xfc_expect *expect;	/* NULL without --expect */
	const struct xfc_expect_result *expect_result;
	const struct xfc_config_result *config;	/* NULL without --config */
	const struct xfc_error *err;		/* status XFC_OK when all went well */
	int status;				/* the image's final status: err's, or --expect's, --config's */
};

void xfc_report_text(FILE *out, const struct xfc_report *r);
void xfc_report_json(FILE *out, const struct xfc_report *r);

/* Shared by both: the name of an error class, a machine's name. */
const char *xfc_status_name(enum xfc_status status);
const char *xfc_machine_name(unsigned int machine);
const char *xfc_basis_name(enum xfc_dom0_basis basis);
/* What the configuration gives, in words: "dom0+domU, oldest Xen 3.0.3". */
void xfc_config_summary(const struct xfc_config *c, char *buf, size_t size);

#endif /* XEN_FEAT_REPORT_H */
