// SPDX-License-Identifier: GPL-2.0
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xen/interface/elfnote.h>

#include "xen-feat-decode.h"
#include "xen-feat-expect.h"
#include "xen-feat-kconfig.h"

int xfc_config_load(const char *path, struct xfc_config *c, struct xfc_error *err)
{
	struct xen_config_error cerr;

	memset(c, 0, sizeof(*c));
	c->path = path;
	if (xen_config_read(path, &c->cfg, &cerr)) {
		enum xfc_status status = cerr.kind == XEN_CONFIG_ERR_IO ? XFC_ERR_IO :
					 cerr.kind == XEN_CONFIG_ERR_TOO_BIG ? XFC_ERR_LIMIT :
					 XFC_ERR_FORMAT;

		if (cerr.line)
			return xfc_fail(err, status, "%s:%u: %s", path, cerr.line, cerr.msg);
		return xfc_fail(err, status, "%s: %s", path, cerr.msg);
	}
	if (xen_config_notes(&c->cfg, &c->notes, &c->refusal))
		c->refused = true;
	return XFC_OK;
}

bool xfc_config_disagrees(const struct xfc_config_result *res)
{
	for (unsigned int i = 0; i < res->nr_findings; i++)
		if (res->findings[i].disagrees)
			return true;
	return false;
}

const char *xfc_finding_kind_name(enum xfc_finding_kind kind)
{
	switch (kind) {
	case XFC_FINDING_XEN:			return "xen";
	case XFC_FINDING_GENERATOR:		return "generator";
	case XFC_FINDING_FEATURES:		return "features";
	case XFC_FINDING_SUPPORTED_FEATURES:	return "supported_features";
	case XFC_FINDING_DOM0:			return "dom0";
	case XFC_FINDING_DOMU:			return "domU";
	case XFC_FINDING_FLOOR:			return "floor";
	}
	return "unknown";
}

static struct xfc_finding *say(struct xfc_config_result *res, enum xfc_finding_kind kind,
			       bool disagrees, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static struct xfc_finding *say(struct xfc_config_result *res, enum xfc_finding_kind kind,
			       bool disagrees, const char *fmt, ...)
{
	struct xfc_finding *f;
	va_list ap;

	if (res->nr_findings == XFC_FINDINGS_MAX)
		return NULL;
	f = &res->findings[res->nr_findings++];
	f->kind = kind;
	f->disagrees = disagrees;
	va_start(ap, fmt);
	vsnprintf(f->text, sizeof(f->text), fmt, ap);
	va_end(ap);
	return f;
}

/* ------------------------------------------------------------------------
 * What a difference does: the image judged again with the configuration's
 * notes in place of its own, row by row.
 */

enum {
	SUBST_STRING = 1,		/* FEATURES as the configuration gives it */
	SUBST_BITS = 2,			/* SUPPORTED_FEATURES likewise */
	SUBST_ALL = 4,			/* no Xen notes at all */
};

static void put_word(const struct xfc_elf *elf, unsigned char *p, uint32_t w)
{
	for (int i = 0; i < 4; i++)
		p[i] = (unsigned char)(w >> (elf->big_endian ? 24 - 8 * i : 8 * i));
}

static size_t substitute(const struct xfc_elf *elf, const struct xen_config_notes *exp,
			 unsigned int subst, struct xfc_note *out, unsigned char *bits)
{
	size_t n = 0;

	if (subst & SUBST_ALL)
		return 0;
	for (size_t i = 0; i < elf->nr_xen; i++) {
		uint32_t type = elf->xen[i].type;

		if (((subst & SUBST_STRING) && type == XEN_ELFNOTE_FEATURES) ||
		    ((subst & SUBST_BITS) && type == XEN_ELFNOTE_SUPPORTED_FEATURES))
			continue;
		out[n++] = elf->xen[i];
	}
	if ((subst & SUBST_STRING) && exp->has_string)
		out[n++] = (struct xfc_note){
			.type = XEN_ELFNOTE_FEATURES, .namesz = 4,
			.descsz = (uint32_t)strlen(exp->string) + 1,
			.desc = (const unsigned char *)exp->string,
			.held = strlen(exp->string) + 1,
		};
	if (subst & SUBST_BITS) {
		for (size_t w = 0; w < XEN_FEAT_NR_WORDS; w++)
			put_word(elf, bits + 4 * w, exp->words[w]);
		out[n++] = (struct xfc_note){
			.type = XEN_ELFNOTE_SUPPORTED_FEATURES, .namesz = 4,
			.descsz = 4 * XEN_FEAT_NR_WORDS, .desc = bits,
			.held = 4 * XEN_FEAT_NR_WORDS,
		};
	}
	return n;
}

/* +1: the image yes, the configuration's notes no; -1: the other way. */
struct change {
	int load, dom0, domu;
};

static int diff(bool image, bool theirs)
{
	return image == theirs ? 0 : image ? 1 : -1;
}

static struct change change_of(const struct xfc_verdict *a, const struct xfc_verdict *b)
{
	struct change c = { diff(a->load.yes, b->load.yes), 0, 0 };

	/* dom0 and domU follow from loading */
	if (!c.load) {
		c.dom0 = diff(a->dom0.yes, b->dom0.yes);
		c.domu = diff(a->domu.yes, b->domu.yes);
	}
	return c;
}

static bool same_change(struct change a, struct change b)
{
	return a.load == b.load && a.dom0 == b.dom0 && a.domu == b.domu;
}

static void put_role(char *buf, size_t size, size_t *len, int change, const char *what,
		     const struct xfc_answer *image, const struct xfc_answer *theirs)
{
	if (!change || *len >= size)
		return;
	*len += (size_t)snprintf(buf + *len, size - *len, "%s %s, with the configuration's notes %s (%s)",
				 what, change > 0 ? "yes" : "no", change > 0 ? "no" : "yes",
				 change > 0 ? theirs->why : image->why);
}

static void describe_changes(const struct xfc_verdict *v, const struct xfc_verdict *alt,
			     size_t nr, char *buf, size_t size)
{
	bool done[XFC_VERDICTS_MAX] = { false };
	size_t len = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < nr && len < size; i++) {
		struct change c = change_of(&v[i], &alt[i]);
		bool pick[XFC_VERDICTS_MAX] = { false };
		char gens[256];

		if (done[i] || same_change(c, (struct change){ 0, 0, 0 }))
			continue;
		for (size_t j = i; j < nr; j++)
			if (!done[j] && same_change(c, change_of(&v[j], &alt[j])))
				pick[j] = done[j] = true;
		xfc_list_generations(v, nr, pick, gens, sizeof(gens));
		len += (size_t)snprintf(buf + len, size - len, "%s%s: ", len ? "; " : "", gens);
		put_role(buf, size, &len, c.load, "load", &v[i].load, &alt[i].load);
		put_role(buf, size, &len, c.dom0, "dom0", &v[i].dom0, &alt[i].dom0);
		if (c.dom0 && c.domu && len < size)
			len += (size_t)snprintf(buf + len, size - len, ", ");
		put_role(buf, size, &len, c.domu, "domU", &v[i].domu, &alt[i].domu);
	}
	if (!buf[0])
		snprintf(buf, size, "no Xen loads or starts it differently for that");
}

static void effects(const struct xfc_elf *elf, const struct xen_config_notes *exp,
		    unsigned int subst, const struct xfc_target *only,
		    const struct xfc_verdict *v, size_t nr, char *buf, size_t size)
{
	struct xfc_note *notes = calloc(elf->nr_xen + 2, sizeof(*notes));
	struct xfc_verdict *alt = calloc(XFC_VERDICTS_MAX, sizeof(*alt));
	unsigned char bits[4 * XEN_FEAT_NR_WORDS];
	struct xfc_elf theirs = *elf;

	if (!notes || !alt) {
		snprintf(buf, size, "(out of memory working out what that does)");
	} else {
		theirs.xen = notes;
		theirs.nr_xen = substitute(elf, exp, subst, notes, bits);
		if (xfc_verdicts(&theirs, only, alt) == nr)
			describe_changes(v, alt, nr, buf, size);
		else
			snprintf(buf, size, "(cannot compare the verdicts)");
	}
	free(notes);
	free(alt);
}

/* ------------------------------------------------------------------------
 * The notes themselves
 */

static void count_notes(const struct xfc_elf *elf, uint32_t type, size_t *count,
			const struct xfc_note **last)
{
	*count = 0;
	*last = NULL;
	for (size_t i = 0; i < elf->nr_xen; i++)
		if (elf->xen[i].type == type) {
			++*count;
			*last = &elf->xen[i];
		}
}

/* The image's FEATURES in words, for the report. */
static void describe_string(const struct xfc_note *n, size_t count, char *buf, size_t size)
{
	size_t len, out = 0;
	bool terminated;

	if (!count) {
		snprintf(buf, size, "absent");
		return;
	}
	if (count > 1) {
		snprintf(buf, size, "%zu FEATURES notes", count);
		return;
	}
	len = xfc_note_text_len(n, &terminated);
	out = (size_t)snprintf(buf, size, "\"");
	for (size_t i = 0; i < len && out + 8 < size; i++) {
		unsigned char c = n->desc[i];

		out += (size_t)snprintf(buf + out, size - out,
					c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? "%c" : "\\x%02x", c);
	}
	snprintf(buf + out, size - out, "\"%s", terminated ? "" : " (not NUL-terminated)");
}

static bool string_matches(const struct xen_config_notes *exp, const struct xfc_note *n,
			   size_t count)
{
	bool terminated;
	size_t len;

	if (!exp->has_string)
		return !count || (count == 1 && xfc_note_text_len(n, &terminated) == 0);
	if (count != 1)
		return false;
	len = xfc_note_text_len(n, &terminated);
	return terminated && len == strlen(exp->string) && !memcmp(n->desc, exp->string, len);
}

static void compare_string(const struct xfc_config *c, const struct xfc_elf *elf,
			   const struct xfc_verdict *v, size_t nr,
			   const struct xfc_target *only, struct xfc_config_result *res)
{
	const struct xen_config_notes *exp = &c->notes;
	const struct xfc_note *n;
	char image[600], theirs[600], floor[16], what[1400];
	size_t count;

	if (!exp->has_floor)
		return;		/* nothing says which Xen FEATURES is for */
	count_notes(elf, XEN_ELFNOTE_FEATURES, &count, &n);
	xen_format_version(exp->floor, floor, sizeof(floor));
	if (exp->has_string)
		snprintf(theirs, sizeof(theirs), "\"%s\"", exp->string);
	else
		snprintf(theirs, sizeof(theirs), "none (CONFIG_XEN_PV is not set)");
	if (string_matches(exp, n, count)) {
		say(res, XFC_FINDING_FEATURES, false,
		    "FEATURES %s is what the configuration gives for Xen %s and later",
		    exp->has_string ? theirs : "absent, as CONFIG_XEN_PV is not set,", floor);
		return;
	}
	describe_string(n, count, image, sizeof(image));
	effects(elf, exp, SUBST_STRING, only, v, nr, what, sizeof(what));
	say(res, XFC_FINDING_FEATURES, true,
	    "FEATURES is %s, but the configuration gives %s for Xen %s and later: %s",
	    image, theirs, floor, what);
}

static void describe_words(const uint32_t *w, size_t nr_words, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < nr_words && len < size; i++)
		len += (size_t)snprintf(buf + len, size - len, "%s0x%08x", i ? " " : "", w[i]);
}

/* "adds dom0 (11); lacks linux_rsdp_unrestricted (14)" */
static void describe_bits(const uint32_t *image, const uint32_t *theirs, size_t nr_words,
			  char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (int pass = 0; pass < 2; pass++) {
		bool first = true;

		for (size_t b = 0; b < 32 * nr_words && len < size; b++) {
			bool in_image = image[b / 32] >> (b % 32) & 1;
			bool in_theirs = theirs[b / 32] >> (b % 32) & 1;
			const struct xen_feature *f = xen_feature_by_nr((unsigned int)b);

			if (in_image == in_theirs || in_image != !pass)
				continue;
			len += (size_t)snprintf(buf + len, size - len, "%s%s%s (%zu)",
						first ? (len ? "; " : "") : ", ",
						first ? (pass ? "lacks " : "has ") : "",
						f ? f->name : "unknown bit", b);
			first = false;
		}
	}
}

static void compare_bits(const struct xfc_config *c, const struct xfc_elf *elf,
			 const struct xfc_verdict *v, size_t nr,
			 const struct xfc_target *only, struct xfc_config_result *res)
{
	const struct xen_config_notes *exp = &c->notes;
	uint32_t image[XEN_FEAT_NR_WORDS] = { 0 };
	char shown[128], theirs[128], bits[600], what[1200];
	const struct xfc_note *n;
	size_t count;

	count_notes(elf, XEN_ELFNOTE_SUPPORTED_FEATURES, &count, &n);
	describe_words(exp->words, XEN_FEAT_NR_WORDS, theirs, sizeof(theirs));
	if (count == 1 && n->descsz == 4 * XEN_FEAT_NR_WORDS) {
		for (size_t w = 0; w < XEN_FEAT_NR_WORDS; w++)
			image[w] = xfc_note_word(elf, n, w);
		if (!memcmp(image, exp->words, sizeof(image))) {
			say(res, XFC_FINDING_SUPPORTED_FEATURES, false,
			    "SUPPORTED_FEATURES %s is what the configuration gives", theirs);
			return;
		}
		describe_words(image, XEN_FEAT_NR_WORDS, shown, sizeof(shown));
		describe_bits(image, exp->words, XEN_FEAT_NR_WORDS, bits, sizeof(bits));
	} else {
		if (!count)
			snprintf(shown, sizeof(shown), "absent");
		else if (count > 1)
			snprintf(shown, sizeof(shown), "in %zu notes", count);
		else
			snprintf(shown, sizeof(shown), "a %u-byte descriptor", n->descsz);
		snprintf(bits, sizeof(bits), "the generator writes one %d-byte descriptor",
			 4 * XEN_FEAT_NR_WORDS);
	}
	effects(elf, exp, SUBST_BITS, only, v, nr, what, sizeof(what));
	say(res, XFC_FINDING_SUPPORTED_FEATURES, true,
	    "SUPPORTED_FEATURES is %s, but the configuration gives %s (the image %s): %s",
	    shown, theirs, bits, what);
}

/* ------------------------------------------------------------------------
 * The roles and the floor, as the configuration names them
 */

struct roles {
	enum xen_config_state dom0, domu;	/* domu ABSENT: nothing says */
	bool has_floor;
	uint32_t floor;
};

static struct roles roles_of(const struct xfc_config *c)
{
	struct roles r = {
		.dom0 = xen_config_state(&c->cfg, XEN_CONFIG_XEN_DOM0),
		.domu = xen_config_state(&c->cfg, XEN_CONFIG_XEN_DOMU),
		.has_floor = xen_config_state(&c->cfg, XEN_CONFIG_XEN_COMPAT) == XEN_CONFIG_SET,
		.floor = c->cfg.values[XEN_CONFIG_XEN_COMPAT].number,
	};

	/* auto.conf leaves out what is not set */
	if (r.has_floor && r.domu == XEN_CONFIG_ABSENT)
		r.domu = XEN_CONFIG_UNSET;
	return r;
}

static const char *claim_of(const struct xfc_verdict *v, size_t nr)
{
	for (size_t i = 0; i < nr; i++) {
		if (v[i].dom0_basis == XFC_DOM0_CLAIMED)
			return "the notes claim dom0 support (dom0, feature 11, is in the supported set Xen reads from them)";
		if (v[i].dom0_basis == XFC_DOM0_ASSUMED)
			return "the notes claim dom0 support by leaving out SUPPORTED_FEATURES (Xen then assumes it)";
	}
	/* No Xen gets as far as the dom0 check, but the notes still say it. */
	for (size_t i = 0; i < nr; i++)
		if (v[i].supported[XENFEAT_dom0 / 32] >> (XENFEAT_dom0 % 32) & 1)
			return "the notes claim dom0 support (dom0, feature 11, is in their supported set)";
	return NULL;
}

static void compare_dom0(const struct roles *cfg, const struct xfc_verdict *v, size_t nr,
			 struct xfc_config_result *res)
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

	if (cfg->dom0 != XEN_CONFIG_SET) {
		const char *state = cfg->dom0 == XEN_CONFIG_UNSET ? "is not set" : "is not set (absent from the file)";

		if (!claim) {
			say(res, XFC_FINDING_DOM0, false,
			    "CONFIG_XEN_DOM0 %s and the notes agree: they do not claim dom0 support%s%s%s",
			    state, any_unchecked ? " (" : "", any_unchecked ? old : "",
			    any_unchecked ? " do not check and would start it as dom0 anyway)" : "");
			return;
		}
		if (!any_start && !any_unchecked) {
			say(res, XFC_FINDING_DOM0, true,
			    "CONFIG_XEN_DOM0 %s, yet %s; no Xen loads this image, so none starts it as dom0, but every Xen from 4.2 on would take the claim instead of refusing it",
			    state, claim);
			return;
		}
		xfc_list_generations(v, nr, starts, gens, sizeof(gens));
		say(res, XFC_FINDING_DOM0, true,
		    "CONFIG_XEN_DOM0 %s, yet %s: %s would start this kernel as dom0 instead of refusing it (\"Kernel does not support Dom0 operation\"), and it then runs as dom0 without the dom0 code it was built without%s%s%s",
		    state, claim, gens,
		    any_unchecked ? " (" : "", any_unchecked ? old : "",
		    any_unchecked ? " do not check and would start it as dom0 in any case)" : "");
		return;
	}
	if (any_refuse) {
		xfc_list_generations(v, nr, refuses, gens, sizeof(gens));
		say(res, XFC_FINDING_DOM0, true,
		    "CONFIG_XEN_DOM0=y, but the notes do not claim dom0 support: %s would refuse to start this kernel as dom0 (\"Kernel does not support Dom0 operation\")",
		    gens);
		return;
	}
	if (any_start) {
		xfc_list_generations(v, nr, starts, gens, sizeof(gens));
		say(res, XFC_FINDING_DOM0, false, "CONFIG_XEN_DOM0=y and %s: %s start it as dom0", claim, gens);
	}
}

static void compare_domu(const struct roles *cfg, const struct xfc_verdict *v, size_t nr,
			 struct xfc_config_result *res)
{
	bool refuses[XFC_VERDICTS_MAX] = { false }, could_refuse[XFC_VERDICTS_MAX] = { false };
	bool any_refuse = false, any_could = false;
	char gens[256];

	if (cfg->domu == XEN_CONFIG_ABSENT)
		return;
	for (size_t i = 0; i < nr && i < XFC_VERDICTS_MAX; i++) {
		if (cfg->has_floor && v[i].gen->last < cfg->floor)
			continue;
		refuses[i] = v[i].runs_class && v[i].load.yes && !v[i].domu.yes;
		could_refuse[i] = v[i].domu.yes && v[i].gen->required_dom0_refuses_domu;
		any_refuse |= refuses[i];
		any_could |= could_refuse[i];
	}
	if (cfg->domu == XEN_CONFIG_SET && any_refuse) {
		xfc_list_generations(v, nr, refuses, gens, sizeof(gens));
		say(res, XFC_FINDING_DOMU, true,
		    "CONFIG_XEN_DOMU=y, but the notes refuse domU: %s will not start it as a domU", gens);
		return;
	}
	if (cfg->domu == XEN_CONFIG_UNSET && any_could) {
		xfc_list_generations(v, nr, could_refuse, gens, sizeof(gens));
		say(res, XFC_FINDING_DOMU, true,
		    "CONFIG_XEN_DOMU is not set, but the notes do not require dom0 ('!dom0'): %s start this kernel as a domU",
		    gens);
		return;
	}
	say(res, XFC_FINDING_DOMU, false, "%s agrees with the notes",
	    cfg->domu == XEN_CONFIG_SET ? "CONFIG_XEN_DOMU=y" : "CONFIG_XEN_DOMU is not set, which");
}

static void compare_floor(const struct roles *cfg, const struct xfc_verdict *v, size_t nr,
			  struct xfc_config_result *res)
{
	struct xfc_expect want = { 0, cfg->floor };
	struct xfc_expect_result met;
	char floor[32];

	if (!cfg->has_floor)
		return;
	if (cfg->dom0 == XEN_CONFIG_SET)
		want.roles |= XFC_ROLE_DOM0;
	if (cfg->domu == XEN_CONFIG_SET)
		want.roles |= XFC_ROLE_DOMU;
	xen_format_version(cfg->floor, floor, sizeof(floor));
	if (!want.roles) {
		/* Neither role configured: at least every Xen from the floor must load it. */
		for (size_t i = 0; i < nr; i++)
			if (v[i].gen->last >= cfg->floor && v[i].runs_class && !v[i].load.yes) {
				say(res, XFC_FINDING_FLOOR, true,
				    "CONFIG_XEN_COMPAT names Xen %s as the oldest, but %s",
				    floor, v[i].load.why);
				return;
			}
		say(res, XFC_FINDING_FLOOR, false, "CONFIG_XEN_COMPAT (Xen %s) agrees with the notes", floor);
		return;
	}
	xfc_check_expect(v, nr, &want, &met);
	say(res, XFC_FINDING_FLOOR, !met.met, "CONFIG_XEN_COMPAT names Xen %s as the oldest: %s",
	    floor, met.why);
}

/* CONFIG_XEN=n: no notes at all.  Returns true when there is nothing more to say. */
static bool compare_xen(const struct xfc_config *c, const struct xfc_elf *elf,
			const struct xfc_verdict *v, size_t nr,
			const struct xfc_target *only, struct xfc_config_result *res)
{
	char what[1600];

	if (c->notes.xen && elf->nr_xen)
		return false;
	if (c->notes.xen) {
		say(res, XFC_FINDING_XEN, true,
		    "CONFIG_XEN=y, yet the image has no Xen notes: no Xen loads it");
		return false;
	}
	if (!elf->nr_xen) {
		say(res, XFC_FINDING_XEN, false,
		    "CONFIG_XEN is not set and the image has no Xen notes, as the configuration gives");
		return true;
	}
	effects(elf, &c->notes, SUBST_ALL, only, v, nr, what, sizeof(what));
	say(res, XFC_FINDING_XEN, true,
	    "CONFIG_XEN is not set, so the configuration gives no Xen notes, yet the image has %zu: %s",
	    elf->nr_xen, what);
	return true;
}

void xfc_config_compare(const struct xfc_config *c, const struct xfc_elf *elf,
			const struct xfc_verdict *v, size_t nr,
			const struct xfc_target *only, struct xfc_config_result *res)
{
	struct roles roles = roles_of(c);

	memset(res, 0, sizeof(*res));
	res->config = c;
	if (compare_xen(c, elf, v, nr, only, res))
		return;
	if (c->refused) {
		char where[32] = "";

		if (c->refusal.line)
			snprintf(where, sizeof(where), "line %u: ", c->refusal.line);
		say(res, XFC_FINDING_GENERATOR, true,
		    "the generator refuses this configuration (%s%s), so no kernel built from it has notes to compare",
		    where, c->refusal.msg);
	} else if (elf->nr_xen) {
		compare_string(c, elf, v, nr, only, res);
		compare_bits(c, elf, v, nr, only, res);
	}
	compare_dom0(&roles, v, nr, res);
	compare_domu(&roles, v, nr, res);
	compare_floor(&roles, v, nr, res);
}
