/* SPDX-License-Identifier: GPL-2.0 */
/*
 * --xen FILE: which Xen a hypervisor image is, for `check` to judge by.
 * Xen keeps its version as numbers in code, but from 4.14 a build with
 * CONFIG_HYPFS_CONFIG (the default) carries its own .config, gzip'ed,
 * whose header names the release and whose CONFIG_PV32 says whether it
 * runs 32-bit PV guests.  Images without one are read from the .config
 * Debian installs beside them (/boot/xen-4.17-amd64.config).
 */
#ifndef XEN_FEAT_HYPERVISOR_H
#define XEN_FEAT_HYPERVISOR_H

#include <stdbool.h>
#include <stdint.h>

#include "xen-feat-error.h"

/* Largest hypervisor image (after gunzip) and embedded .config read. */
#define XFC_HYPERVISOR_MAX (64u << 20)
#define XFC_XEN_CONFIG_MAX (1u << 20)

enum xfc_pv32 { XFC_PV32_UNKNOWN, XFC_PV32_YES, XFC_PV32_NO };

struct xfc_hypervisor {
	uint32_t version;		/* XEN_VERSION_CODE; 0: not found */
	char version_text[48];		/* "4.17.7", "4.23-unstable" */
	enum xfc_pv32 pv32;
	char found_in[600];		/* "its embedded .config", or the file */
};

int xfc_hypervisor_read(const char *path, struct xfc_hypervisor *hv,
			struct xfc_error *err);

#endif /* XEN_FEAT_HYPERVISOR_H */
