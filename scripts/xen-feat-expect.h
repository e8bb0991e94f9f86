/* SPDX-License-Identifier: GPL-2.0 */
/* --expect dom0|domU|both --floor VERSION: does every Xen from the floor on start it so? */
#ifndef XEN_FEAT_EXPECT_H
#define XEN_FEAT_EXPECT_H

#include <stdbool.h>
#include <stdint.h>

#include "xen-feat-verdict.h"

enum xfc_role {
	XFC_ROLE_DOM0 = 1,
	XFC_ROLE_DOMU = 2,
	XFC_ROLE_BOTH = XFC_ROLE_DOM0 | XFC_ROLE_DOMU,
};

struct xfc_expect {
	unsigned int roles;		/* XFC_ROLE_* */
	uint32_t floor;			/* XEN_VERSION_CODE */
};

struct xfc_expect_result {
	bool met;
	char why[1024];
};

/* "dom0", "domU", "both"; 0 when it is none of them. */
unsigned int xfc_parse_roles(const char *text);
/* "3.0.2", "4.17" or hex "0x030002"; 0 when it is not a version Xen had. */
uint32_t xfc_parse_floor(const char *text);
const char *xfc_roles_name(unsigned int roles);

/*
 * Rows for a whole generation count only where that build runs guests of
 * the image's word size: a 32-bit kernel is not expected to start on a
 * hypervisor built without 32-bit PV.  A row for one named Xen always counts.
 */
void xfc_check_expect(const struct xfc_verdict *v, size_t nr, const struct xfc_expect *want,
		      struct xfc_expect_result *res);

#endif /* XEN_FEAT_EXPECT_H */
