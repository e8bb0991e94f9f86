/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Xen PV entry point and the ELF notes that tell Xen's loader how to
 * build the domain: where the image goes, where to start it, where to
 * put the hypercall stubs and which features the kernel supports.
 * The build hands over the feature-note header with -include (the
 * generated one, or a test's XEN_FEAT_NOTE_H): it is read only here.
 */
#include <xen/interface/elfnote.h>

#include "layout.h"

#ifdef CONFIG_X86_64
#define ASM_PTR .quad
#else
#define ASM_PTR .long
#endif

/*
 * ELFNOTE(type, desc...): one note named "Xen" whose descriptor is what the
 * assembler directives in desc emit.  Name and descriptor are padded to
 * 4 bytes and the sizes are measured, so desc may be any length.
 */
#define ELFNOTE(type, ...)				\
	.pushsection .note.Xen, "a", @note;		\
	.balign 4;					\
	.long 2f - 1f;		/* namesz */		\
	.long 4f - 3f;		/* descsz */		\
	.long type;					\
1:	.asciz "Xen";					\
2:	.balign 4;					\
3:	__VA_ARGS__;						\
4:	.balign 4;					\
	.popsection

	ELFNOTE(XEN_ELFNOTE_GUEST_OS,		.asciz "linux")
	ELFNOTE(XEN_ELFNOTE_GUEST_VERSION,	.asciz "2.6")
	ELFNOTE(XEN_ELFNOTE_XEN_VERSION,	.asciz "xen-3.0")
	ELFNOTE(XEN_ELFNOTE_LOADER,		.asciz "generic")
	ELFNOTE(XEN_ELFNOTE_VIRT_BASE,		ASM_PTR XEN_VIRT_BASE)
	ELFNOTE(XEN_ELFNOTE_PADDR_OFFSET,	ASM_PTR XEN_PADDR_OFFSET)
	ELFNOTE(XEN_ELFNOTE_ENTRY,		ASM_PTR startup_xen)
	ELFNOTE(XEN_ELFNOTE_HYPERCALL_PAGE,	ASM_PTR hypercall_page)
#ifdef CONFIG_X86_32
	ELFNOTE(XEN_ELFNOTE_PAE_MODE,		.asciz "yes")
	ELFNOTE(XEN_ELFNOTE_HV_START_LOW,	ASM_PTR XEN_HV_START_LOW)
#endif
#ifndef XEN_FEAT_NOTE_NO_FEATURES
	ELFNOTE(XEN_ELFNOTE_FEATURES,		.asciz XEN_FEAT_NOTE_STRING)
#endif
#ifndef XEN_FEAT_NOTE_NO_SUPPORTED
#ifdef XEN_FEAT_NOTE_SUPPORTED_DESC
	ELFNOTE(XEN_ELFNOTE_SUPPORTED_FEATURES,	XEN_FEAT_NOTE_SUPPORTED_DESC)
#else
	ELFNOTE(XEN_ELFNOTE_SUPPORTED_FEATURES,	.long XEN_FEAT_NOTE_WORDS)
#endif
#endif

	.pushsection .rodata, "a"
	.globl xen_build_summary
	.type xen_build_summary, @object
xen_build_summary:
	.asciz XEN_FEAT_BUILD_SUMMARY
	.size xen_build_summary, . - xen_build_summary
	.popsection

/*
 * Xen starts us with events masked, on a stack of its own inside the
 * boot mapping, and the virtual address of start_info in %rsi / %esi.
 */
	.section .text.head, "ax"
	.globl startup_xen
	.type startup_xen, @function
startup_xen:
	cld
#ifdef CONFIG_X86_64
	movq	$xen_boot_stack_top, %rsp
	xorl	%ebp, %ebp
	movq	%rsi, %rdi
	call	xen_start_kernel
#else
	movl	$xen_boot_stack_top, %esp
	xorl	%ebp, %ebp
	subl	$12, %esp		/* the call finds %esp 16-byte aligned */
	pushl	%esi
	call	xen_start_kernel
#endif
	ud2				/* xen_start_kernel does not return */
	.size startup_xen, . - startup_xen

/* Xen writes one 32-byte entry per hypercall here while building us. */
	.section .text.hypercall_page, "ax"
	.balign XEN_PAGE_SIZE
	.globl hypercall_page
	.type hypercall_page, @object
hypercall_page:
	.fill XEN_PAGE_SIZE, 1, 0xcc	/* int3 until Xen fills it */
	.size hypercall_page, . - hypercall_page

	.section .bss.boot_stack, "aw", @nobits
	.balign 16
xen_boot_stack:
	.skip XEN_BOOT_STACK_SIZE
xen_boot_stack_top:

	.section .note.GNU-stack, "", @progbits	/* no executable stack */
