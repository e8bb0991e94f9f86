/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The image at its link address in two PT_LOAD segments (code and
 * read-only data; writable data), and a PT_NOTE segment that shows Xen's
 * loader the .note.Xen section.
 */
#include "layout.h"

#undef i386	/* the preprocessor's -m32 predefine would eat OUTPUT_ARCH */

#ifdef CONFIG_X86_64
OUTPUT_FORMAT("elf64-x86-64")
OUTPUT_ARCH(i386:x86-64)
#else
OUTPUT_FORMAT("elf32-i386")
OUTPUT_ARCH(i386)
#endif

ENTRY(startup_xen)

PHDRS
{
	text PT_LOAD FLAGS(5);		/* R X */
	data PT_LOAD FLAGS(6);		/* RW */
	notes PT_NOTE FLAGS(4);		/* R */
}

#define LOAD_AT(sect) AT(ADDR(sect) - XEN_VIRT_BASE + XEN_PADDR_OFFSET)

SECTIONS
{
	. = XEN_VIRT_BASE;

	.text : LOAD_AT(.text) {
		*(.text.hypercall_page)		/* page-aligned: first, so nothing pads it */
		*(.text.head)
		*(.text .text.*)
	} :text

	.rodata : LOAD_AT(.rodata) {
		*(.rodata .rodata.*)
	} :text

	.notes : LOAD_AT(.notes) {
		*(.note.Xen)
	} :text :notes

	. = ALIGN(XEN_PAGE_SIZE);
	.data : LOAD_AT(.data) {
		*(.data .data.*)
	} :data

	.bss : LOAD_AT(.bss) {
		*(.bss .bss.*)
		*(COMMON)
	} :data

	/DISCARD/ : {
		*(.note.gnu.build-id)
		*(.note.gnu.property)
		*(.note.GNU-stack)
		*(.comment)
		*(.eh_frame)
	}
}
