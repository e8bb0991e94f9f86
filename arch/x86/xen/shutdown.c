// SPDX-License-Identifier: GPL-2.0
#include <xen/interface/errno.h>
#include <xen/interface/sched.h>

#include "hypercall.h"
#include "shutdown.h"

void xen_shutdown(unsigned int reason)
{
	struct sched_shutdown arg = { .reason = reason };

	if (HYPERVISOR_sched_op(SCHEDOP_shutdown, &arg) == -XEN_ENOSYS)
		HYPERVISOR_sched_op_compat(SCHEDOP_shutdown, reason);

	/* Still here: Xen refused.  Give the CPU away for good. */
	for (;;)
		HYPERVISOR_sched_op_compat(SCHEDOP_yield, 0);
}
