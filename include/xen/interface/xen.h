/* SPDX-License-Identifier: MIT */
/*
 * The few core Xen ABI items this kernel uses, numbered as in Xen's
 * public/xen.h: hypercall numbers, console_io commands and the PV
 * start_info page.  Constants are plain #defines, usable from assembler.
 */
#ifndef __XEN_PUBLIC_XEN_H__
#define __XEN_PUBLIC_XEN_H__

/* Hypercall numbers: entry nr sits at hypercall_page + nr * 32. */
#define __HYPERVISOR_sched_op_compat	 6
#define __HYPERVISOR_xen_version	17
#define __HYPERVISOR_console_io		18
#define __HYPERVISOR_sched_op		29

/* HYPERVISOR_console_io(cmd, count, buffer) commands. */
#define CONSOLEIO_write			0
#define CONSOLEIO_read			1

/* start_info.flags */
#define SIF_PRIVILEGED			(1 << 0)
#define SIF_INITDOMAIN			(1 << 1)

#ifndef __ASSEMBLY__
#include <stdint.h>

typedef unsigned long xen_pfn_t;

/* What Xen hands a PV guest at boot, in %rsi (64-bit) or %esi (32-bit). */
struct start_info {
	char magic[32];			/* "xen-<version>-<platform>" */
	unsigned long nr_pages;
	unsigned long shared_info;	/* machine address */
	uint32_t flags;			/* SIF_* */
	xen_pfn_t store_mfn;
	uint32_t store_evtchn;
	union {
		struct {
			xen_pfn_t mfn;
			uint32_t evtchn;
		} domU;
		struct {
			uint32_t info_off;
			uint32_t info_size;
		} dom0;
	} console;
	unsigned long pt_base;		/* virtual address */
	unsigned long nr_pt_frames;
	unsigned long mfn_list;		/* virtual address */
	unsigned long mod_start;
	unsigned long mod_len;
	int8_t cmd_line[1024];
	unsigned long first_p2m_pfn;
	unsigned long nr_p2m_frames;
};
#endif /* __ASSEMBLY__ */

#endif /* __XEN_PUBLIC_XEN_H__ */
