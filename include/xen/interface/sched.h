/* SPDX-License-Identifier: MIT */
/*
 * HYPERVISOR_sched_op commands this kernel uses, numbered as in Xen's
 * public/sched.h.
 */
#ifndef __XEN_PUBLIC_SCHED_H__
#define __XEN_PUBLIC_SCHED_H__

#define SCHEDOP_yield		0
#define SCHEDOP_block		1
#define SCHEDOP_shutdown	2

/* sched_shutdown.reason */
#define SHUTDOWN_poweroff	0
#define SHUTDOWN_reboot		1
#define SHUTDOWN_suspend	2
#define SHUTDOWN_crash		3

#ifndef __ASSEMBLY__
struct sched_shutdown {
	unsigned int reason;	/* SHUTDOWN_* */
};
#endif

#endif /* __XEN_PUBLIC_SCHED_H__ */
