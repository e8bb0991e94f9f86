/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Hypercalls through the page Xen fills in at boot (the HYPERCALL_PAGE
 * note points at hypercall_page): entry nr is 32 bytes at offset nr * 32.
 * Arguments travel in registers: %rdi %rsi %rdx %r10 %r8 on x86_64,
 * %ebx %ecx %edx %esi %edi on i386; the result comes back in %rax/%eax.
 * Xen may scribble on any argument register, so all are outputs too.
 */
#ifndef ARCH_X86_XEN_HYPERCALL_H
#define ARCH_X86_XEN_HYPERCALL_H

#include <xen/interface/xen.h>

extern char hypercall_page[];

static inline long xen_hypercall3(unsigned int nr, unsigned long a1,
				  unsigned long a2, unsigned long a3)
{
	const char *entry = hypercall_page + nr * 32;
	long ret;

#ifdef CONFIG_X86_64
	asm volatile("call *%[entry]"
		     : "=a" (ret), "+D" (a1), "+S" (a2), "+d" (a3)
		     : [entry] "r" (entry)
		     : "memory", "rcx", "r8", "r10", "r11");
#else
	asm volatile("call *%[entry]"
		     : "=a" (ret), "+b" (a1), "+c" (a2), "+d" (a3)
		     : [entry] "r" (entry)
		     : "memory", "esi", "edi");
#endif
	return ret;
}

static inline long HYPERVISOR_console_io(int cmd, int count, const char *buf)
{
	return xen_hypercall3(__HYPERVISOR_console_io, (unsigned long)cmd,
			      (unsigned long)count, (unsigned long)buf);
}

static inline long HYPERVISOR_xen_version(int cmd, void *arg)
{
	return xen_hypercall3(__HYPERVISOR_xen_version, (unsigned long)cmd,
			      (unsigned long)arg, 0);
}

static inline long HYPERVISOR_sched_op(int cmd, void *arg)
{
	return xen_hypercall3(__HYPERVISOR_sched_op, (unsigned long)cmd,
			      (unsigned long)arg, 0);
}

/* The only form before interface 0x00030101: the argument goes by value. */
static inline long HYPERVISOR_sched_op_compat(int cmd, unsigned long arg)
{
	return xen_hypercall3(__HYPERVISOR_sched_op_compat, (unsigned long)cmd,
			      arg, 0);
}

#endif /* ARCH_X86_XEN_HYPERCALL_H */
