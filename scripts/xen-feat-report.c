// SPDX-License-Identifier: GPL-2.0
#include "xen-feat-report.h"

const char *xfc_status_name(enum xfc_status status)
{
	switch (status) {
	case XFC_OK:			return "ok";
	case XFC_EXPECT_FAILED:		return "expect-failed";
	case XFC_USAGE:			return "usage";
	case XFC_CONFIG_DISAGREES:	return "config-disagrees";
	case XFC_ERR_IO:		return "io";
	case XFC_ERR_FORMAT:		return "format";
	case XFC_ERR_TRUNCATED:		return "truncated";
	case XFC_ERR_HEADER:		return "bad-header";
	case XFC_ERR_NOTE:		return "bad-note";
	case XFC_ERR_LIMIT:		return "over-limit";
	case XFC_ERR_STREAM_SHORT:	return "stream-short";
	case XFC_ERR_STREAM_CORRUPT:	return "stream-corrupt";
	case XFC_ERR_STREAM_LONG:	return "stream-too-long";
	case XFC_ERR_NO_UNPACK:		return "no-unpack";
	case XFC_ERR_MEMORY:		return "over-memory";
	}
	return "unknown";
}

const char *xfc_machine_name(unsigned int machine)
{
	switch (machine) {
	case 3:		return "x86 (i386)";
	case 62:	return "x86-64";
	case 40:	return "ARM";
	case 183:	return "AArch64";
	}
	return "other";
}

const char *xfc_basis_name(enum xfc_dom0_basis basis)
{
	switch (basis) {
	case XFC_DOM0_NOT_LOADED:	return "not-loaded";
	case XFC_DOM0_UNCHECKED:	return "unchecked";
	case XFC_DOM0_ASSUMED:		return "assumed";
	case XFC_DOM0_CLAIMED:		return "claimed";
	case XFC_DOM0_REFUSED:		return "refused";
	case XFC_DOM0_OTHER:		return "other";
	}
	return "unknown";
}
