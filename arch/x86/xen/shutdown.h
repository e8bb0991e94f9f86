/* SPDX-License-Identifier: GPL-2.0 */
#ifndef ARCH_X86_XEN_SHUTDOWN_H
#define ARCH_X86_XEN_SHUTDOWN_H

/* Asks Xen to end this domain with SHUTDOWN_* reason; never returns. */
void xen_shutdown(unsigned int reason) __attribute__((noreturn));

#endif /* ARCH_X86_XEN_SHUTDOWN_H */
