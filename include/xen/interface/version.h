/* SPDX-License-Identifier: MIT */
/*
 * HYPERVISOR_xen_version commands this kernel uses, numbered as in Xen's
 * public/version.h.  The feature bits themselves are in features.h.
 */
#ifndef __XEN_PUBLIC_VERSION_H__
#define __XEN_PUBLIC_VERSION_H__

#define XENVER_version		0
#define XENVER_get_features	6

#ifndef __ASSEMBLY__
#include <stdint.h>

struct xen_feature_info {
	unsigned int submap_idx;	/* in: which 32-bit word */
	uint32_t submap;		/* out: XENFEAT_* bits 32*idx .. 32*idx+31 */
};
#endif

#endif /* __XEN_PUBLIC_VERSION_H__ */
