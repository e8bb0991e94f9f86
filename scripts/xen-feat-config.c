// SPDX-License-Identifier: GPL-2.0
/* Kernel configurations: the one reader, and the one mapping to notes. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xen-feat-config.h"
#include "xen-feat-file.h"

enum xen_config_type { XEN_CONFIG_BOOL, XEN_CONFIG_HEX };

static const struct {
	const char *name;
	enum xen_config_type type;
} symbols[XEN_CONFIG_NR_SYMBOLS] = {
	[XEN_CONFIG_XEN]		= { "CONFIG_XEN", XEN_CONFIG_BOOL },
	[XEN_CONFIG_XEN_PV]		= { "CONFIG_XEN_PV", XEN_CONFIG_BOOL },
	[XEN_CONFIG_XEN_PVH]		= { "CONFIG_XEN_PVH", XEN_CONFIG_BOOL },
	[XEN_CONFIG_XEN_DOM0]		= { "CONFIG_XEN_DOM0", XEN_CONFIG_BOOL },
	[XEN_CONFIG_XEN_DOMU]		= { "CONFIG_XEN_DOMU", XEN_CONFIG_BOOL },
	[XEN_CONFIG_XEN_HVM_CALLBACK_VECTOR] = { "CONFIG_XEN_HVM_CALLBACK_VECTOR", XEN_CONFIG_BOOL },
	[XEN_CONFIG_XEN_COMPAT]		= { "CONFIG_XEN_COMPAT", XEN_CONFIG_HEX },
	[XEN_CONFIG_XEN_COMPAT_030003]	= { "CONFIG_XEN_COMPAT_030003", XEN_CONFIG_BOOL },
	[XEN_CONFIG_XEN_COMPAT_030200]	= { "CONFIG_XEN_COMPAT_030200", XEN_CONFIG_BOOL },
	[XEN_CONFIG_XEN_COMPAT_040200]	= { "CONFIG_XEN_COMPAT_040200", XEN_CONFIG_BOOL },
	[XEN_CONFIG_XEN_COMPAT_040400]	= { "CONFIG_XEN_COMPAT_040400", XEN_CONFIG_BOOL },
	[XEN_CONFIG_X86_64]		= { "CONFIG_X86_64", XEN_CONFIG_BOOL },
	[XEN_CONFIG_X86_32]		= { "CONFIG_X86_32", XEN_CONFIG_BOOL },
#ifdef XEN_FEAT_TEST_HIGH_BIT
	[XEN_CONFIG_XEN_TEST_HIGH_BIT]	= { "CONFIG_XEN_TEST_HIGH_BIT", XEN_CONFIG_BOOL },
#endif
};

struct xen_config_cond {
	enum xen_config_symbol sym;	/* XEN_CONFIG_NONE: no condition */
	bool set;
};

#define IF(s)		{ XEN_CONFIG_##s, true }
#define UNLESS(s)	{ XEN_CONFIG_##s, false }

struct xen_config_rule {
	const char *feature;
	enum xen_config_need need;
	struct xen_config_cond when[2];	/* all must hold */
};

/*
 * Which options declare which feature.  This is kernel knowledge, after
 * Linux's arch/x86/xen/xen-head.S (6.12): FEATURES "!writable_page_tables"
 * and its bit only with CONFIG_XEN_PV, the dom0 bit with CONFIG_XEN_DOM0
 * (since 6.5; 6.1 sets it always, the bug this project fixes),
 * linux_rsdp_unrestricted with CONFIG_XEN_PVH.  pae_pgdir_above_4gb means
 * something only to a 32-bit PV kernel, which only this tree still builds.
 * A feature declared twice counts once, with the stronger need.  Feature
 * numbers and what each Xen parses come from the protocol table.
 */
static const struct xen_config_rule rules[] = {
	{ "writable_page_tables",    XEN_NEED_REQUIRED, { IF(XEN_PV) } },
	{ "pae_pgdir_above_4gb",     XEN_NEED_NAMED,	{ IF(XEN_PV), IF(X86_32) } },
	{ "hvm_callback_vector",     XEN_NEED_NAMED,	{ IF(XEN_HVM_CALLBACK_VECTOR) } },
	{ "dom0",		     XEN_NEED_NAMED,	{ IF(XEN_DOM0) } },
	/* dom0-only: said in FEATURES, which only a PV kernel has */
	{ "dom0",		     XEN_NEED_ROLE,	{ IF(XEN_PV), UNLESS(XEN_DOMU) } },
	{ "linux_rsdp_unrestricted", XEN_NEED_NAMED,	{ IF(XEN_PVH) } },
#ifdef XEN_FEAT_TEST_HIGH_BIT
	{ "test_high_bit",	     XEN_NEED_NAMED,	{ IF(XEN_TEST_HIGH_BIT) } },
#endif
};

static int fail(struct xen_config_error *err, enum xen_config_error_kind kind,
		unsigned int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int fail(struct xen_config_error *err, enum xen_config_error_kind kind,
		unsigned int line, const char *fmt, ...)
{
	va_list ap;

	err->kind = kind;
	err->line = line;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return -1;
}

const char *xen_config_name(enum xen_config_symbol sym)
{
	return sym > XEN_CONFIG_NONE && sym < XEN_CONFIG_NR_SYMBOLS ? symbols[sym].name : "?";
}

enum xen_config_state xen_config_state(const struct xen_config *cfg,
				       enum xen_config_symbol sym)
{
	return cfg->values[sym].state;
}

/* Length of the UTF-8 sequence at s (at most n bytes), 0 if it is not one. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	unsigned char lo = 0x80, hi = 0xbf;
	size_t len;

	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		len = 2;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		len = 3;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		len = 4;
	else
		return 0;
	if (s[0] == 0xe0)
		lo = 0xa0;	/* overlong */
	else if (s[0] == 0xed)
		hi = 0x9f;	/* surrogates */
	else if (s[0] == 0xf0)
		lo = 0x90;	/* overlong */
	else if (s[0] == 0xf4)
		hi = 0x8f;	/* past U+10FFFF */
	if (n < len || s[1] < lo || s[1] > hi)
		return 0;
	for (size_t i = 2; i < len; i++)
		if (s[i] < 0x80 || s[i] > 0xbf)
			return 0;
	return len;
}

/* Text only: printable ASCII, tabs and UTF-8; anything else is binary. */
static int check_text(const struct xen_config *cfg, const char *line, size_t n,
		      struct xen_config_error *err)
{
	const unsigned char *s = (const unsigned char *)line;

	for (size_t i = 0; i < n; i++) {
		size_t len;

		if (s[i] >= 0x20 && s[i] < 0x7f)
			continue;
		if (s[i] == '\t')
			continue;
		if (s[i] >= 0x80 && (len = utf8_len(s + i, n - i))) {
			i += len - 1;
			continue;
		}
		return fail(err, XEN_CONFIG_ERR_FORMAT, cfg->nr_lines,
			    "%s at column %zu: binary content, not a kernel configuration",
			    s[i] == 0 ? "NUL byte" : s[i] < 0x80 ? "control character" :
			    "byte that is not UTF-8", i + 1);
	}
	return 0;
}

static enum xen_config_symbol lookup(const char *name, size_t len)
{
	for (int i = XEN_CONFIG_NONE + 1; i < XEN_CONFIG_NR_SYMBOLS; i++)
		if (strlen(symbols[i].name) == len && !memcmp(symbols[i].name, name, len))
			return (enum xen_config_symbol)i;
	return XEN_CONFIG_NONE;
}

/* Length of the CONFIG_NAME at the start of s, 0 if there is none. */
static size_t symbol_len(const char *s, size_t n)
{
	size_t len = 7;

	if (n <= 7 || memcmp(s, "CONFIG_", 7))
		return 0;
	while (len < n && (s[len] == '_' || (s[len] >= '0' && s[len] <= '9') ||
			   (s[len] >= 'A' && s[len] <= 'Z') || (s[len] >= 'a' && s[len] <= 'z')))
		len++;
	return len > 7 ? len : 0;
}

/* The first release of the oldest generation that reads ELF notes. */
static const char *oldest_floor(char *buf, size_t size)
{
	for (size_t i = 0; i < xen_nr_generations; i++)
		if (xen_generations[i].reads_notes)
			return xen_format_version(xen_generations[i].first, buf, size);
	return "none";
}

/* A floor: 0x and up to 8 hex digits, a Xen version the table reads notes of. */
static int parse_floor(const struct xen_config *cfg, const char *name, const char *v,
		       size_t n, uint32_t *out, struct xen_config_error *err)
{
	const struct xen_generation *gen;
	unsigned long val = 0;
	char text[16], oldest[16];

	if (n < 3 || n > 10 || memcmp(v, "0x", 2))
		goto not_version;
	for (size_t i = 2; i < n; i++) {
		char c = v[i];

		if (c >= '0' && c <= '9')
			val = val * 16 + (unsigned long)(c - '0');
		else if (c >= 'a' && c <= 'f')
			val = val * 16 + (unsigned long)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			val = val * 16 + (unsigned long)(c - 'A' + 10);
		else
			goto not_version;
	}
	if (val > 0xffffff || val >> 16 == 0)
		goto not_version;
	gen = xen_generation_of((uint32_t)val);
	if (!gen || !gen->reads_notes)
		return fail(err, XEN_CONFIG_ERR_FORMAT, cfg->nr_lines,
			    "%s=%.*s: Xen %s reads no ELF notes; the oldest Xen this kernel can name is %s",
			    name, (int)n, v, xen_format_version((uint32_t)val, text, sizeof(text)),
			    oldest_floor(oldest, sizeof(oldest)));
	*out = (uint32_t)val;
	return 0;
not_version:
	return fail(err, XEN_CONFIG_ERR_FORMAT, cfg->nr_lines,
		    "%s=%.*s%s is not a Xen version such as 0x030200", name,
		    n > 60 ? 60 : (int)n, v, n > 60 ? "..." : "");
}

static int parse_value(struct xen_config *cfg, enum xen_config_symbol sym,
		       const char *v, size_t n, struct xen_config_error *err)
{
	struct xen_config_value *val = &cfg->values[sym];
	const char *name = symbols[sym].name;

	val->line = cfg->nr_lines;
	if (symbols[sym].type == XEN_CONFIG_HEX) {
		val->state = XEN_CONFIG_SET;
		return parse_floor(cfg, name, v, n, &val->number, err);
	}
	if (n == 1 && (v[0] == 'y' || v[0] == 'n')) {
		val->state = v[0] == 'y' ? XEN_CONFIG_SET : XEN_CONFIG_UNSET;
		return 0;
	}
	return fail(err, XEN_CONFIG_ERR_FORMAT, cfg->nr_lines,
		    "%s=%.*s%s: malformed value: a bool the notes depend on is y or n ('=m', quotes or numbers are not)",
		    name, n > 60 ? 60 : (int)n, v, n > 60 ? "..." : "");
}

/* "# CONFIG_NAME is not set" */
static void parse_comment(struct xen_config *cfg, const char *line, size_t n)
{
	static const char tail[] = " is not set";
	size_t len, tail_len = sizeof(tail) - 1;
	enum xen_config_symbol sym;

	if (n < 2 || memcmp(line, "# ", 2))
		return;
	len = symbol_len(line + 2, n - 2);
	if (!len || n != 2 + len + tail_len || memcmp(line + 2 + len, tail, tail_len))
		return;
	sym = lookup(line + 2, len);
	if (sym != XEN_CONFIG_NONE) {
		cfg->values[sym].state = XEN_CONFIG_UNSET;
		cfg->values[sym].line = cfg->nr_lines;
	}
}

static int parse_line(struct xen_config *cfg, const char *line, size_t n,
		      struct xen_config_error *err)
{
	size_t len;
	enum xen_config_symbol sym;

	if (!n)
		return 0;
	if (line[0] == '#') {
		parse_comment(cfg, line, n);
		return 0;
	}
	len = symbol_len(line, n);
	if (!len || len == n || line[len] != '=')
		return fail(err, XEN_CONFIG_ERR_FORMAT, cfg->nr_lines,
			    "malformed line, expected CONFIG_NAME=value: '%.*s%s'",
			    n > 60 ? 60 : (int)n, line, n > 60 ? "..." : "");
	sym = lookup(line, len);
	if (sym == XEN_CONFIG_NONE)
		return 0;
	return parse_value(cfg, sym, line + len + 1, n - len - 1, err);
}

/*
 * Linux's Kconfig (scripts/linux-integrate) has the floor as a choice and
 * no CONFIG_XEN_COMPAT number: without the number, the chosen member gives
 * it, from the same line.
 */
static void floor_from_choice(struct xen_config *cfg)
{
	static const struct {
		enum xen_config_symbol sym;
		uint32_t floor;
	} choice[] = {
		{ XEN_CONFIG_XEN_COMPAT_030003, XEN_VERSION_CODE(3, 0, 3) },
		{ XEN_CONFIG_XEN_COMPAT_030200, XEN_VERSION_CODE(3, 2, 0) },
		{ XEN_CONFIG_XEN_COMPAT_040200, XEN_VERSION_CODE(4, 2, 0) },
		{ XEN_CONFIG_XEN_COMPAT_040400, XEN_VERSION_CODE(4, 4, 0) },
	};
	struct xen_config_value *compat = &cfg->values[XEN_CONFIG_XEN_COMPAT];

	if (compat->state != XEN_CONFIG_ABSENT)
		return;
	for (size_t i = 0; i < sizeof(choice) / sizeof(choice[0]); i++) {
		const struct xen_config_value *v = &cfg->values[choice[i].sym];

		if (v->state == XEN_CONFIG_SET) {
			compat->state = XEN_CONFIG_SET;
			compat->number = choice[i].floor;
			compat->line = v->line;
		}
	}
}

int xen_config_parse(const char *path, const char *text, size_t len,
		     struct xen_config *cfg, struct xen_config_error *err)
{
	size_t pos = 0;

	memset(cfg, 0, sizeof(*cfg));
	cfg->path = path;
	if (len > XEN_CONFIG_SIZE_MAX)
		return fail(err, XEN_CONFIG_ERR_TOO_BIG, 0,
			    "larger than %u MiB: not a kernel configuration", XEN_CONFIG_SIZE_MAX >> 20);
	while (pos < len) {
		const char *line = text + pos;
		const char *nl = memchr(line, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - line) : len - pos;

		pos += n + (nl != NULL);
		cfg->nr_lines++;
		if (n && line[n - 1] == '\r')
			n--;
		if (check_text(cfg, line, n, err) || parse_line(cfg, line, n, err))
			return -1;
	}
	floor_from_choice(cfg);
	return 0;
}

int xen_config_read(const char *path, struct xen_config *cfg, struct xen_config_error *err)
{
	struct xfc_file_failure why;
	char *text;
	size_t len;
	int ret;

	memset(cfg, 0, sizeof(*cfg));
	cfg->path = path;
	switch (xfc_file_read(path, XEN_CONFIG_SIZE_MAX, &text, &len, &why)) {
	case XFC_FILE_OK:
		break;
	case XFC_FILE_CANNOT_OPEN:
	case XFC_FILE_READ_ERROR:
		return fail(err, XEN_CONFIG_ERR_IO, 0, "cannot read the configuration: %s",
			    strerror(why.errnum));
	case XFC_FILE_NOT_REGULAR:
		return fail(err, XEN_CONFIG_ERR_IO, 0,
			    "%s, not a regular file: refusing to read it as a configuration",
			    xfc_file_kind(why.mode));
	case XFC_FILE_TOO_BIG:
		return fail(err, XEN_CONFIG_ERR_TOO_BIG, 0,
			    "larger than %u MiB: not a kernel configuration", XEN_CONFIG_SIZE_MAX >> 20);
	case XFC_FILE_NO_MEMORY:
		return fail(err, XEN_CONFIG_ERR_IO, 0, "out of memory");
	}
	ret = xen_config_parse(path, text, len, cfg, err);
	free(text);
	return ret;
}

/*
 * y; or, for the option that marks a kernel dom0-only, its Kconfig default
 * (domU on) when the configuration was made without this project's options.
 */
static bool is_set(const struct xen_config *cfg, enum xen_config_symbol sym)
{
	enum xen_config_state state = cfg->values[sym].state;

	if (sym == XEN_CONFIG_XEN_DOMU && state == XEN_CONFIG_ABSENT &&
	    cfg->values[XEN_CONFIG_XEN_COMPAT].state != XEN_CONFIG_SET)
		return true;
	return state == XEN_CONFIG_SET;
}

/* The line to blame for a fact about sym: its own, else the end of file. */
static unsigned int line_of(const struct xen_config *cfg, enum xen_config_symbol sym)
{
	return cfg->values[sym].state != XEN_CONFIG_ABSENT ? cfg->values[sym].line : cfg->nr_lines;
}

static bool rule_holds(const struct xen_config *cfg, const struct xen_config_rule *r)
{
	for (size_t i = 0; i < sizeof(r->when) / sizeof(r->when[0]); i++)
		if (r->when[i].sym != XEN_CONFIG_NONE && is_set(cfg, r->when[i].sym) != r->when[i].set)
			return false;
	return true;
}

static int declare(const struct xen_config *cfg, struct xen_config_notes *notes,
		   const struct xen_config_rule *r, struct xen_config_error *err)
{
	const struct xen_feature *feat = xen_feature_by_name(r->feature, strlen(r->feature));
	unsigned int line = line_of(cfg, r->when[0].sym);

	if (!feat)
		return fail(err, XEN_CONFIG_ERR_REFUSED, line,
			    "feature '%s' is not in the protocol table", r->feature);
	if (feat->nr >= 32 * XEN_FEAT_NR_WORDS)
		return fail(err, XEN_CONFIG_ERR_REFUSED, line,
			    "feature '%s' is bit %u, which does not fit SUPPORTED_FEATURES' %d word(s)",
			    feat->name, feat->nr, XEN_FEAT_NR_WORDS);
	for (size_t i = 0; i < notes->nr_declared; i++) {
		if (notes->declared[i].feat != feat)
			continue;
		if (r->need > notes->declared[i].need) {
			notes->declared[i].need = r->need;
			notes->declared[i].line = line;
		}
		return 0;
	}
	if (notes->nr_declared == XEN_CONFIG_DECLARED_MAX)
		return fail(err, XEN_CONFIG_ERR_REFUSED, line, "too many features declared");
	notes->declared[notes->nr_declared++] = (struct xen_config_declared){ feat, r->need, line };
	return 0;
}

/* True when every Xen from the floor on parses the name in FEATURES. */
static bool floor_parses(uint32_t floor, const struct xen_feature *feat)
{
	for (size_t i = 0; i < xen_nr_generations; i++)
		if (xen_generations[i].last >= floor &&
		    !xen_generation_knows(&xen_generations[i], feat))
			return false;
	return true;
}

/* True when no Xen from the floor on refuses a dom0 that requires a feature. */
static bool floor_takes_required(uint32_t floor)
{
	for (size_t i = 0; i < xen_nr_generations; i++)
		if (xen_generations[i].last >= floor &&
		    xen_generations[i].dom0_refuses_required)
			return false;
	return true;
}

/* One declared feature into FEATURES, if the floor's Xen can take it. */
static int add_to_string(struct xen_config_notes *notes, const struct xen_config_declared *d,
			 struct xen_config_error *err)
{
	size_t used = strlen(notes->string);
	bool takes_required = floor_takes_required(notes->floor);
	bool required = d->need == XEN_NEED_ROLE || (d->need == XEN_NEED_REQUIRED && takes_required);
	char floor[16];
	int n;

	xen_format_version(notes->floor, floor, sizeof(floor));
	if (d->need == XEN_NEED_ROLE && !takes_required)
		return fail(err, XEN_CONFIG_ERR_REFUSED, d->line,
			    "'!%s' must go in FEATURES, but Xen %s refuses to start a dom0 "
			    "whose FEATURES requires anything: raise CONFIG_XEN_COMPAT",
			    d->feat->name, floor);
	if (!floor_parses(notes->floor, d->feat)) {
		if (d->need != XEN_NEED_ROLE)
			return 0;
		return fail(err, XEN_CONFIG_ERR_REFUSED, d->line,
			    "'!%s' must go in FEATURES, but Xen %s cannot parse that name "
			    "and would refuse the kernel: raise CONFIG_XEN_COMPAT",
			    d->feat->name, floor);
	}
	n = snprintf(notes->string + used, sizeof(notes->string) - used, "%s%s%s",
		     used ? "|" : "", required ? "!" : "", d->feat->name);
	if (n < 0 || (size_t)n >= sizeof(notes->string) - used)
		return fail(err, XEN_CONFIG_ERR_REFUSED, d->line, "FEATURES would be too long");
	return 0;
}

static int check_roles(const struct xen_config *cfg, const struct xen_config_notes *notes,
		       struct xen_config_error *err)
{
	if (is_set(cfg, XEN_CONFIG_X86_64) == is_set(cfg, XEN_CONFIG_X86_32))
		return fail(err, XEN_CONFIG_ERR_REFUSED, line_of(cfg, XEN_CONFIG_X86_64),
			    "exactly one of CONFIG_X86_64 and CONFIG_X86_32 must be set");
	if (!notes->dom0 && !notes->domu)
		return fail(err, XEN_CONFIG_ERR_REFUSED, cfg->nr_lines,
			    "neither CONFIG_XEN_DOM0 nor CONFIG_XEN_DOMU is set: the kernel could run nowhere");
	if (notes->dom0 && !notes->is64)
		return fail(err, XEN_CONFIG_ERR_REFUSED, line_of(cfg, XEN_CONFIG_XEN_DOM0),
			    "CONFIG_XEN_DOM0 on a 32-bit kernel: Xen does not run a 32-bit dom0 here");
	return 0;
}

int xen_config_notes(const struct xen_config *cfg, struct xen_config_notes *notes,
		     struct xen_config_error *err)
{
	memset(notes, 0, sizeof(*notes));
	notes->xen = is_set(cfg, XEN_CONFIG_XEN);
	if (!notes->xen)
		return 0;
	notes->is64 = is_set(cfg, XEN_CONFIG_X86_64);
	notes->dom0 = is_set(cfg, XEN_CONFIG_XEN_DOM0);
	notes->domu = is_set(cfg, XEN_CONFIG_XEN_DOMU);
	notes->has_floor = cfg->values[XEN_CONFIG_XEN_COMPAT].state == XEN_CONFIG_SET;
	notes->floor = cfg->values[XEN_CONFIG_XEN_COMPAT].number;
	notes->has_string = notes->has_floor && is_set(cfg, XEN_CONFIG_XEN_PV);
	if (check_roles(cfg, notes, err))
		return -1;

	for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++)
		if (rule_holds(cfg, &rules[i]) && declare(cfg, notes, &rules[i], err))
			return -1;
	for (size_t i = 0; i < notes->nr_declared; i++) {
		const struct xen_config_declared *d = &notes->declared[i];

		notes->words[d->feat->nr / 32] |= UINT32_C(1) << (d->feat->nr % 32);
		if (notes->has_string && add_to_string(notes, d, err))
			return -1;
	}
	return 0;
}
