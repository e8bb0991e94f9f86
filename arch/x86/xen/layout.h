/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Where the kernel image lives, shared by xen-head.S (VIRT_BASE and
 * PADDR_OFFSET notes) and vmlinux.lds.S.  Xen maps the image at
 * VIRT_BASE + (p_paddr - PADDR_OFFSET), so linking with
 * p_paddr = vaddr - XEN_VIRT_BASE and PADDR_OFFSET 0 puts every byte
 * at its link address.
 */
#ifndef ARCH_X86_XEN_LAYOUT_H
#define ARCH_X86_XEN_LAYOUT_H

#ifdef CONFIG_X86_64
#define XEN_VIRT_BASE		0xffffffff80000000
#else
#define XEN_VIRT_BASE		0xc0000000
/* Lowest address the hypervisor may claim in a 32-bit PAE guest. */
#define XEN_HV_START_LOW	0xf5800000
#endif

#define XEN_PADDR_OFFSET	0
#define XEN_PAGE_SIZE		4096
#define XEN_BOOT_STACK_SIZE	16384

#endif /* ARCH_X86_XEN_LAYOUT_H */
