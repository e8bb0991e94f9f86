/* SPDX-License-Identifier: MIT */
/*
 * The Xen error numbers this kernel checks for, as in Xen's public/errno.h.
 * A failed hypercall returns the negated number.
 */
#ifndef __XEN_PUBLIC_ERRNO_H__
#define __XEN_PUBLIC_ERRNO_H__

#define XEN_ENOSYS	38	/* no such hypercall or sub-operation */

#endif /* __XEN_PUBLIC_ERRNO_H__ */
