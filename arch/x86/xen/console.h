/* SPDX-License-Identifier: GPL-2.0 */
/* One console line, built in memory and written with a single hypercall. */
#ifndef ARCH_X86_XEN_CONSOLE_H
#define ARCH_X86_XEN_CONSOLE_H

#include <stdint.h>

#define XEN_CONSOLE_LINE_MAX 256

struct xen_console_line {
	unsigned int len;
	char buf[XEN_CONSOLE_LINE_MAX];
};

void xen_line_start(struct xen_console_line *line);
/* Text beyond the buffer is dropped; xen_line_write still ends with '\n'. */
void xen_line_puts(struct xen_console_line *line, const char *s);
void xen_line_hex32(struct xen_console_line *line, uint32_t value);
void xen_line_dec(struct xen_console_line *line, long value);
/* Appends '\n' and hands the line to Xen's console (CONSOLEIO_write). */
long xen_line_write(struct xen_console_line *line);

#endif /* ARCH_X86_XEN_CONSOLE_H */
