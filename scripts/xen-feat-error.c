// SPDX-License-Identifier: GPL-2.0
#include <stdarg.h>
#include <stdio.h>

#include "xen-feat-error.h"

int xfc_fail(struct xfc_error *err, enum xfc_status status,
	     const char *fmt, ...)
{
	va_list ap;

	if (err->status != XFC_OK)
		return err->status;
	err->status = status;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return status;
}
