// SPDX-License-Identifier: GPL-2.0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xen-feat-expect.h"

unsigned int xfc_parse_roles(const char *text)
{
	if (!strcmp(text, "dom0"))
		return XFC_ROLE_DOM0;
	if (!strcmp(text, "domU"))
		return XFC_ROLE_DOMU;
	if (!strcmp(text, "both"))
		return XFC_ROLE_BOTH;
	return 0;
}

const char *xfc_roles_name(unsigned int roles)
{
	return roles == XFC_ROLE_BOTH ? "dom0 and domU" :
	       roles == XFC_ROLE_DOM0 ? "dom0" : "domU";
}

uint32_t xfc_parse_floor(const char *text)
{
	uint32_t version;
	const char *end = NULL;

	if (!strncmp(text, "0x", 2) || !strncmp(text, "0X", 2)) {
		char *stop;
		unsigned long v;

		if (!text[2])
			return 0;
		v = strtoul(text + 2, &stop, 16);
		if (*stop || v > 0xffffff)
			return 0;
		version = (uint32_t)v;
	} else {
		version = xen_parse_version(text, &end);
		if (!version || *end)
			return 0;
	}
	return xen_generation_of(version) ? version : 0;
}

void xfc_check_expect(const struct xfc_verdict *v, size_t nr, const struct xfc_expect *want,
		      struct xfc_expect_result *res)
{
	char floor[32];
	size_t len = 0;
	unsigned int misses = 0;

	res->met = true;
	res->why[0] = '\0';
	xen_format_version(want->floor, floor, sizeof(floor));
	for (size_t i = 0; i < nr; i++) {
		const struct xfc_answer *miss = NULL;
		const char *role = NULL;

		if (v[i].target.version ? v[i].target.version < want->floor :
		    v[i].gen->last < want->floor || !v[i].runs_class)
			continue;
		if (!v[i].load.yes) {
			miss = &v[i].load;
			role = xfc_roles_name(want->roles);
		} else if ((want->roles & XFC_ROLE_DOM0) && !v[i].dom0.yes) {
			miss = &v[i].dom0;
			role = "dom0";
		} else if ((want->roles & XFC_ROLE_DOMU) && !v[i].domu.yes) {
			miss = &v[i].domu;
			role = "domU";
		}
		if (!miss)
			continue;
		if (res->met)
			len += (size_t)snprintf(res->why, sizeof(res->why),
						"expected to start as %s on Xen %s and later, but",
						xfc_roles_name(want->roles), floor);
		res->met = false;
		if (len < sizeof(res->why))
			len += (size_t)snprintf(res->why + len, sizeof(res->why) - len,
						"%s %s will not start it as %s: %s",
						misses++ ? ";" : "", v[i].label,
						role, miss->why);
	}
	if (res->met)
		snprintf(res->why, sizeof(res->why),
			 "starts as %s on every Xen from %s on",
			 xfc_roles_name(want->roles), floor);
}
