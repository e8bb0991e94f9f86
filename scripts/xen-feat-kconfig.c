// SPDX-License-Identifier: GPL-2.0
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xen-feat-expect.h"
#include "xen-feat-kconfig.h"

/* "CONFIG_NAME=value" or "# CONFIG_NAME is not set" for one symbol. */
static bool match(const char *line, const char *name, enum xfc_tristate *state,
		  const char **value)
{
	size_t n = strlen(name);

	if (!strncmp(line, name, n) && line[n] == '=') {
		*value = line + n + 1;
		*state = strcmp(*value, "n") ? XFC_SET : XFC_UNSET;
		return true;
	}
	if (!strncmp(line, "# ", 2) && !strncmp(line + 2, name, n) &&
	    !strcmp(line + 2 + n, " is not set")) {
		*state = XFC_UNSET;
		*value = NULL;
		return true;
	}
	return false;
}

int xfc_kconfig_read(const char *path, struct xfc_kconfig *cfg,
		     struct xfc_error *err)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	unsigned long lineno = 0;

	memset(cfg, 0, sizeof(*cfg));
	if (!f)
		return xfc_fail(err, XFC_ERR_IO, "%s: cannot open: %s", path, strerror(errno));
	while ((len = getline(&line, &cap, f)) >= 0) {
		enum xfc_tristate state;
		const char *value;

		lineno++;
		while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (match(line, "CONFIG_XEN_DOM0", &state, &value)) {
			cfg->dom0 = state;
		} else if (match(line, "CONFIG_XEN_DOMU", &state, &value)) {
			cfg->domu = state;
		} else if (match(line, "CONFIG_XEN_COMPAT", &state, &value) && value) {
			cfg->compat = xfc_parse_floor(value);
			if (!cfg->compat) {
				free(line);
				fclose(f);
				return xfc_fail(err, XFC_ERR_FORMAT,
						"%s:%lu: CONFIG_XEN_COMPAT=%s is not a Xen version the table knows",
						path, lineno, value);
			}
			cfg->has_compat = true;
		}
	}
	free(line);
	if (ferror(f)) {
		fclose(f);
		return xfc_fail(err, XFC_ERR_IO, "%s: read error", path);
	}
	fclose(f);
	return XFC_OK;
}

static void say(struct xfc_finding *f, bool disagrees, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void say(struct xfc_finding *f, bool disagrees, const char *fmt, ...)
{
	va_list ap;

	f->disagrees = disagrees;
	va_start(ap, fmt);
	vsnprintf(f->text, sizeof(f->text), fmt, ap);
	va_end(ap);
}

static const char *claim_of(const struct xfc_verdict *v, size_t nr)
{
	for (size_t i = 0; i < nr; i++) {
		if (v[i].dom0_basis == XFC_DOM0_CLAIMED)
			return "the notes claim dom0 support (dom0, feature 11, is in the supported set Xen reads from them)";
		if (v[i].dom0_basis == XFC_DOM0_ASSUMED)
			return "the notes claim dom0 support by leaving out SUPPORTED_FEATURES (Xen then assumes it)";
	}
	return NULL;
}

static unsigned int compare_dom0(const struct xfc_kconfig *cfg,
				 const struct xfc_verdict *v, size_t nr,
				 struct xfc_finding *out)
{
	bool starts[XFC_VERDICTS_MAX] = { false }, unchecked[XFC_VERDICTS_MAX] = { false }, refuses[XFC_VERDICTS_MAX] = { false };
	bool any_start = false, any_unchecked = false, any_refuse = false;
	const char *claim = claim_of(v, nr);
	char gens[256], old[256];

	for (size_t i = 0; i < nr && i < XFC_VERDICTS_MAX; i++) {
		starts[i] = v[i].dom0_basis == XFC_DOM0_CLAIMED ||
			    v[i].dom0_basis == XFC_DOM0_ASSUMED;
		unchecked[i] = v[i].dom0_basis == XFC_DOM0_UNCHECKED;
		refuses[i] = v[i].dom0_basis == XFC_DOM0_REFUSED;
		any_start |= starts[i];
		any_unchecked |= unchecked[i];
		any_refuse |= refuses[i];
	}
	xfc_list_generations(v, nr, unchecked, old, sizeof(old));

	if (cfg->dom0 != XFC_SET) {
		const char *state = cfg->dom0 == XFC_UNSET ? "is not set" : "is not set (absent from the file)";

		if (!claim) {
			say(out, false, "CONFIG_XEN_DOM0 %s and the notes agree: they do not claim dom0 support%s%s%s",
			    state, any_unchecked ? " (" : "", any_unchecked ? old : "",
			    any_unchecked ? " do not check and would start it as dom0 anyway)" : "");
			return 1;
		}
		xfc_list_generations(v, nr, starts, gens, sizeof(gens));
		say(out, true,
		    "CONFIG_XEN_DOM0 %s, yet %s: %s start this kernel as dom0 instead of refusing it (\"Kernel does not support Dom0 operation\"), and it then runs as dom0 without the dom0 code it was built without%s%s%s",
		    state, claim, gens,
		    any_unchecked ? " (" : "", any_unchecked ? old : "",
		    any_unchecked ? " do not check and would start it as dom0 in any case)" : "");
		return 1;
	}
	if (any_refuse) {
		xfc_list_generations(v, nr, refuses, gens, sizeof(gens));
		say(out, true,
		    "CONFIG_XEN_DOM0=y, but the notes do not claim dom0 support: %s refuse to start this kernel as dom0 (\"Kernel does not support Dom0 operation\")",
		    gens);
		return 1;
	}
	if (any_start) {
		xfc_list_generations(v, nr, starts, gens, sizeof(gens));
		say(out, false, "CONFIG_XEN_DOM0=y and %s: %s start it as dom0", claim, gens);
		return 1;
	}
	return 0;
}

static unsigned int compare_domu(const struct xfc_kconfig *cfg,
				 const struct xfc_verdict *v, size_t nr,
				 struct xfc_finding *out)
{
	bool refuses[XFC_VERDICTS_MAX] = { false }, could_refuse[XFC_VERDICTS_MAX] = { false };
	bool any_refuse = false, any_could = false;
	char gens[256];

	if (cfg->domu == XFC_ABSENT)
		return 0;
	for (size_t i = 0; i < nr && i < XFC_VERDICTS_MAX; i++) {
		if (cfg->has_compat && v[i].gen->last < cfg->compat)
			continue;
		refuses[i] = v[i].runs_class && v[i].load.yes && !v[i].domu.yes;
		could_refuse[i] = v[i].domu.yes && v[i].gen->required_dom0_refuses_domu;
		any_refuse |= refuses[i];
		any_could |= could_refuse[i];
	}
	if (cfg->domu == XFC_SET && any_refuse) {
		xfc_list_generations(v, nr, refuses, gens, sizeof(gens));
		say(out, true, "CONFIG_XEN_DOMU=y, but the notes refuse domU: %s will not start it as a domU", gens);
		return 1;
	}
	if (cfg->domu == XFC_UNSET && any_could) {
		xfc_list_generations(v, nr, could_refuse, gens, sizeof(gens));
		say(out, true,
		    "CONFIG_XEN_DOMU is not set, but the notes do not require dom0 ('!dom0'): %s start this kernel as a domU",
		    gens);
		return 1;
	}
	say(out, false, "%s agrees with the notes",
	    cfg->domu == XFC_SET ? "CONFIG_XEN_DOMU=y" : "CONFIG_XEN_DOMU is not set, which");
	return 1;
}

static unsigned int compare_floor(const struct xfc_kconfig *cfg,
				  const struct xfc_verdict *v, size_t nr,
				  struct xfc_finding *out)
{
	struct xfc_expect want = { 0, cfg->compat };
	struct xfc_expect_result res;
	char floor[32];

	if (!cfg->has_compat)
		return 0;
	if (cfg->dom0 == XFC_SET)
		want.roles |= XFC_ROLE_DOM0;
	if (cfg->domu == XFC_SET)
		want.roles |= XFC_ROLE_DOMU;
	xen_format_version(cfg->compat, floor, sizeof(floor));
	if (!want.roles) {
		/* Neither role configured: at least every Xen from the floor must load it. */
		for (size_t i = 0; i < nr; i++)
			if (v[i].gen->last >= cfg->compat && v[i].runs_class && !v[i].load.yes) {
				say(out, true, "CONFIG_XEN_COMPAT names Xen %s as the oldest, but %s",
				    floor, v[i].load.why);
				return 1;
			}
		say(out, false, "CONFIG_XEN_COMPAT (Xen %s) agrees with the notes", floor);
		return 1;
	}
	xfc_check_expect(v, nr, &want, &res);
	say(out, !res.met, "CONFIG_XEN_COMPAT names Xen %s as the oldest: %s", floor, res.why);
	return 1;
}

unsigned int xfc_kconfig_compare(const struct xfc_kconfig *cfg,
				 const struct xfc_verdict *v, size_t nr,
				 struct xfc_finding *out)
{
	unsigned int n = 0;

	n += compare_dom0(cfg, v, nr, out + n);
	n += compare_domu(cfg, v, nr, out + n);
	n += compare_floor(cfg, v, nr, out + n);
	return n;
}
