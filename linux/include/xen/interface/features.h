/* SPDX-License-Identifier: GPL-2.0 */
/* The host program reads the kernel's own Xen feature numbers. */
#include "../../../../../include/xen/interface/features.h"
