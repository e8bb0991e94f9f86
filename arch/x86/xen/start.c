// SPDX-License-Identifier: GPL-2.0
/*
 * First C code: says in one console line how this kernel was built, how
 * Xen started it and what Xen offers it, then asks Xen to reboot.
 */
#include <xen/interface/sched.h>
#include <xen/interface/version.h>
#include <xen/interface/xen.h>

#include "console.h"
#include "hypercall.h"
#include "shutdown.h"

/* XEN_FEAT_BUILD_SUMMARY, emitted by xen-head.S. */
extern const char xen_build_summary[];

void xen_start_kernel(const struct start_info *si) __attribute__((noreturn));

void xen_start_kernel(const struct start_info *si)
{
	struct xen_feature_info features = { .submap_idx = 0 };
	struct xen_console_line line;
	long rc;

	rc = HYPERVISOR_xen_version(XENVER_get_features, &features);

	xen_line_start(&line);
	xen_line_puts(&line, "xen-pv-kernel: mode=");
	xen_line_puts(&line, (si->flags & SIF_INITDOMAIN) ? "dom0" : "domU");
	xen_line_puts(&line, " config=\"");
	xen_line_puts(&line, xen_build_summary);
	xen_line_puts(&line, "\" xen_features[0]=");
	if (rc < 0) {
		xen_line_puts(&line, "error");
		xen_line_dec(&line, rc);
	} else {
		xen_line_hex32(&line, features.submap);
	}
	xen_line_write(&line);

	xen_shutdown(SHUTDOWN_reboot);
}
