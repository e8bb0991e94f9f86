/* SPDX-License-Identifier: GPL-2.0 */
/* The host program reads the kernel's own Xen ELF note numbers. */
#include "../../../../../include/xen/interface/elfnote.h"
