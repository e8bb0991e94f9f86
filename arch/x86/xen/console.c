// SPDX-License-Identifier: GPL-2.0
#include "console.h"
#include "hypercall.h"

static void put_char(struct xen_console_line *line, char c)
{
	/* Keep one byte for the newline xen_line_write adds. */
	if (line->len < XEN_CONSOLE_LINE_MAX - 1)
		line->buf[line->len++] = c;
}

void xen_line_start(struct xen_console_line *line)
{
	line->len = 0;
}

void xen_line_puts(struct xen_console_line *line, const char *s)
{
	while (*s)
		put_char(line, *s++);
}

void xen_line_hex32(struct xen_console_line *line, uint32_t value)
{
	static const char digits[] = "0123456789abcdef";
	int shift;

	xen_line_puts(line, "0x");
	for (shift = 28; shift >= 0; shift -= 4)
		put_char(line, digits[(value >> shift) & 0xf]);
}

void xen_line_dec(struct xen_console_line *line, long value)
{
	char tmp[24];
	unsigned long mag = value < 0 ? 0UL - (unsigned long)value : (unsigned long)value;
	int n = 0;

	do {
		tmp[n++] = (char)('0' + mag % 10);
		mag /= 10;
	} while (mag);
	if (value < 0)
		put_char(line, '-');
	while (n)
		put_char(line, tmp[--n]);
}

long xen_line_write(struct xen_console_line *line)
{
	line->buf[line->len++] = '\n';
	return HYPERVISOR_console_io(CONSOLEIO_write, (int)line->len, line->buf);
}
