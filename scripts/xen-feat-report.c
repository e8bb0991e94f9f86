// SPDX-License-Identifier: GPL-2.0
#include <stdio.h>

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

void xfc_config_summary(const struct xfc_config *c, char *buf, size_t size)
{
	const struct xen_config_notes *n = &c->notes;
	char floor[16], words[16 * XEN_FEAT_NR_WORDS] = "";
	size_t len = 0;

	if (!n->xen) {
		snprintf(buf, size, "no Xen notes (CONFIG_XEN is not set)");
		return;
	}
	if (c->refused) {
		if (c->refusal.line)
			snprintf(buf, size, "no notes: the generator refuses it (line %u: %s)",
				 c->refusal.line, c->refusal.msg);
		else
			snprintf(buf, size, "no notes: the generator refuses it (%s)", c->refusal.msg);
		return;
	}
	for (size_t w = 0; w < XEN_FEAT_NR_WORDS; w++)
		len += (size_t)snprintf(words + len, sizeof(words) - len, "%s0x%08x",
					w ? " " : "", n->words[w]);
	xen_format_version(n->floor, floor, sizeof(floor));
	if (!n->has_floor)
		snprintf(buf, size, "SUPPORTED_FEATURES %s, %s; FEATURES is not compared: "
			 "without CONFIG_XEN_COMPAT (this project's options) no oldest Xen says what it may name",
			 words, n->dom0 ? "dom0 support" : "no dom0 support");
	else if (!n->has_string)
		snprintf(buf, size, "no FEATURES (CONFIG_XEN_PV is not set), SUPPORTED_FEATURES %s, for %s, oldest Xen %s",
			 words, n->dom0 && n->domu ? "dom0+domU" : n->dom0 ? "dom0 only" : "domU only", floor);
	else
		snprintf(buf, size, "FEATURES \"%s\", SUPPORTED_FEATURES %s, for %s, oldest Xen %s",
			 n->string, words,
			 n->dom0 && n->domu ? "dom0+domU" : n->dom0 ? "dom0 only" : "domU only", floor);
}
