// SPDX-License-Identifier: GPL-2.0
/*
 * xen-feat-note: the Xen feature notes of a kernel, from its configuration.
 *
 *   xen-feat-note generate AUTO_CONF HEADER
 *	Reads the kernel configuration (include/config/auto.conf) and writes
 *	the header xen-head.S assembles the FEATURES and SUPPORTED_FEATURES
 *	notes from.  HEADER is rewritten only when its content changes.
 *
 *   xen-feat-note check [OPTIONS] IMAGE...
 *	Decodes the notes of a kernel image and says which Xen starts it.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xen-feat-check.h"
#include "xen-feat-table.h"
#include "xen-feat-version.h"

#define MAX_LINE 4096
#define MAX_SYMBOLS 512
#define MAX_DECLARED 32

/* One CONFIG_ assignment from auto.conf. */
struct config_symbol {
	char name[128];
	char value[256];
	unsigned int line;
};

struct config {
	const char *path;
	struct config_symbol symbols[MAX_SYMBOLS];
	size_t nr_symbols;
	unsigned int nr_lines;
};

/*
 * Which configuration declares which feature.  A feature named twice is
 * declared once; required wins.  This is kernel knowledge, not protocol
 * knowledge: feature numbers and what each Xen parses come from the table.
 */
enum config_need {
	NAMED,			/* supported */
	REQUIRED,		/* "!name": Xen must provide it; every Xen does */
	REQUIRED_FOR_ROLE,	/* "!name" says what the kernel is: never dropped */
};

struct config_feature {
	const char *symbol;	/* NULL: every configuration declares it */
	bool when_set;		/* declared when the symbol is y (else: when unset) */
	const char *feature;
	enum config_need need;
};

static const struct config_feature config_features[] = {
	{ NULL,				  true,	 "writable_page_tables", REQUIRED },
	{ "CONFIG_X86_PAE",		  true,	 "pae_pgdir_above_4gb",	 NAMED },
	{ "CONFIG_XEN_HVM_CALLBACK_VECTOR", true, "hvm_callback_vector", NAMED },
	{ "CONFIG_XEN_DOM0",		  true,	 "dom0",		 NAMED },
	{ "CONFIG_XEN_DOMU",		  false, "dom0",		 REQUIRED_FOR_ROLE },
	/* Linux: a PVH dom0 may find its RSDP above 1 MiB */
	{ "CONFIG_XEN_PVH",		  true,	 "linux_rsdp_unrestricted", NAMED },
#ifdef XEN_FEAT_TEST_HIGH_BIT
	{ "CONFIG_XEN_TEST_HIGH_BIT",	  true,	 "test_high_bit",	 NAMED },
#endif
};

struct declared {
	const struct xen_feature *feat;
	enum config_need need;
	unsigned int line;	/* the configuration line that declares it */
};

struct notes {
	struct declared declared[MAX_DECLARED];
	size_t nr_declared;
	bool dom0, domU;
	uint32_t floor;
	char string[512];
	uint32_t words[XEN_FEAT_NR_WORDS];
};

static const char *prog = "xen-feat-note";

static void __attribute__((format(printf, 3, 4)))
error_at(const char *path, unsigned int line, const char *fmt, ...)
{
	va_list ap;

	if (line)
		fprintf(stderr, "%s:%u: error: ", path, line);
	else
		fprintf(stderr, "%s: error: ", path);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static bool valid_value(const char *v)
{
	size_t len = strlen(v);

	if (!strcmp(v, "y") || !strcmp(v, "m"))
		return true;
	if (len >= 2 && v[0] == '"' && v[len - 1] == '"')
		return true;
	if (!strncmp(v, "0x", 2) && len > 2)
		return strspn(v + 2, "0123456789abcdefABCDEF") == len - 2;
	if (v[0] == '-')
		v++;
	return *v && strspn(v, "0123456789") == strlen(v);
}

/* Splits "CONFIG_NAME=value" at the '=' (which it overwrites). */
static bool parse_assignment(char *text, const char **value)
{
	char *eq = strchr(text, '=');
	size_t name_len;

	if (strncmp(text, "CONFIG_", 7) || !eq)
		return false;
	name_len = (size_t)(eq - text);
	if (name_len <= 7 ||
	    strspn(text, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_") != name_len)
		return false;
	*eq = '\0';
	*value = eq + 1;
	return true;
}

/*
 * Only the symbols the notes depend on are kept, and only their values
 * are checked: a Linux auto.conf holds thousands, and writes strings
 * without quotes (CONFIG_DEFAULT_INIT=, CONFIG_CC_IMPLICIT_FALLTHROUGH=-W...).
 */
static bool wanted(const char *name)
{
	static const char *const read_here[] = {
		"CONFIG_XEN_COMPAT", "CONFIG_XEN_DOM0", "CONFIG_XEN_DOMU",
		"CONFIG_X86_64", "CONFIG_X86_32",
	};

	for (size_t i = 0; i < sizeof(read_here) / sizeof(read_here[0]); i++)
		if (!strcmp(name, read_here[i]))
			return true;
	for (size_t i = 0; i < sizeof(config_features) / sizeof(config_features[0]); i++)
		if (config_features[i].symbol && !strcmp(name, config_features[i].symbol))
			return true;
	return false;
}

static int read_config(struct config *cfg)
{
	char text[MAX_LINE];
	FILE *f = fopen(cfg->path, "r");

	if (!f) {
		error_at(cfg->path, 0, "cannot read the configuration: %s", strerror(errno));
		return -1;
	}
	while (fgets(text, sizeof(text), f)) {
		size_t len = strlen(text);
		struct config_symbol *sym;
		const char *value;

		cfg->nr_lines++;
		if (len && text[len - 1] == '\n')
			text[--len] = '\0';
		else if (!feof(f)) {
			error_at(cfg->path, cfg->nr_lines, "line longer than %d characters", MAX_LINE - 2);
			goto fail;
		}
		if (len && text[len - 1] == '\r')
			text[--len] = '\0';
		if (!len || text[0] == '#')
			continue;
		if (strchr(text, '\0') != text + len) {
			error_at(cfg->path, cfg->nr_lines, "NUL byte in the line");
			goto fail;
		}
		if (!parse_assignment(text, &value)) {
			error_at(cfg->path, cfg->nr_lines,
				 "malformed line, expected CONFIG_NAME=value: '%.60s'", text);
			goto fail;
		}
		if (!wanted(text))
			continue;
		if (!valid_value(value)) {
			error_at(cfg->path, cfg->nr_lines, "%s: malformed value '%.60s'", text, value);
			goto fail;
		}
		if (cfg->nr_symbols == MAX_SYMBOLS) {
			error_at(cfg->path, cfg->nr_lines, "more than %d assignments to the symbols read here",
				 MAX_SYMBOLS);
			goto fail;
		}
		sym = &cfg->symbols[cfg->nr_symbols];
		if (strlen(text) >= sizeof(sym->name) || strlen(value) >= sizeof(sym->value)) {
			error_at(cfg->path, cfg->nr_lines, "value of %s longer than %zu characters",
				 text, sizeof(sym->value) - 1);
			goto fail;
		}
		strcpy(sym->name, text);
		strcpy(sym->value, value);
		sym->line = cfg->nr_lines;
		cfg->nr_symbols++;
	}
	if (ferror(f)) {
		error_at(cfg->path, 0, "read error: %s", strerror(errno));
		goto fail;
	}
	fclose(f);
	return 0;
fail:
	fclose(f);
	return -1;
}

static const struct config_symbol *lookup(const struct config *cfg, const char *name)
{
	const struct config_symbol *found = NULL;

	/* kconfig's last assignment wins; so does ours. */
	for (size_t i = 0; i < cfg->nr_symbols; i++)
		if (!strcmp(cfg->symbols[i].name, name))
			found = &cfg->symbols[i];
	return found;
}

static bool is_set(const struct config *cfg, const char *name)
{
	const struct config_symbol *sym = lookup(cfg, name);

	return sym && !strcmp(sym->value, "y");
}

/* The line to blame for a fact about NAME: its own, else the end of file. */
static unsigned int line_of(const struct config *cfg, const char *name)
{
	const struct config_symbol *sym = name ? lookup(cfg, name) : NULL;

	return sym ? sym->line : cfg->nr_lines;
}

/* The first release of the oldest generation that reads ELF notes. */
static const char *oldest_floor(char *buf, size_t size)
{
	for (size_t i = 0; i < xen_nr_generations; i++)
		if (xen_generations[i].reads_notes)
			return xen_format_version(xen_generations[i].first, buf, size);
	return "none";
}

static int read_floor(const struct config *cfg, uint32_t *floor)
{
	const struct config_symbol *sym = lookup(cfg, "CONFIG_XEN_COMPAT");
	char *end;
	unsigned long val;
	char buf[16], oldest[16];

	if (!sym) {
		error_at(cfg->path, 0, "CONFIG_XEN_COMPAT is not set: no oldest Xen to build for");
		return -1;
	}
	errno = 0;
	val = strtoul(sym->value, &end, 16);
	if (strncmp(sym->value, "0x", 2) || *end || errno || val > UINT32_MAX) {
		error_at(cfg->path, sym->line,
			 "CONFIG_XEN_COMPAT=%s is not a Xen version such as 0x030002", sym->value);
		return -1;
	}
	if (!xen_generation_of((uint32_t)val) || !xen_generation_of((uint32_t)val)->reads_notes) {
		error_at(cfg->path, sym->line,
			 "CONFIG_XEN_COMPAT=%s: Xen %s reads no ELF notes; the oldest Xen this kernel can name is %s",
			 sym->value, xen_format_version((uint32_t)val, buf, sizeof(buf)),
			 oldest_floor(oldest, sizeof(oldest)));
		return -1;
	}
	*floor = (uint32_t)val;
	return 0;
}

static int declare(const struct config *cfg, struct notes *notes,
		   const struct config_feature *cf)
{
	const struct xen_feature *feat = xen_feature_by_name(cf->feature, strlen(cf->feature));
	unsigned int line = line_of(cfg, cf->symbol);

	if (!feat) {
		error_at(cfg->path, line, "feature '%s' is not in the protocol table", cf->feature);
		return -1;
	}
	if (feat->nr >= 32 * XEN_FEAT_NR_WORDS) {
		error_at(cfg->path, line,
			 "feature '%s' is bit %u, which does not fit SUPPORTED_FEATURES' %d word(s)",
			 feat->name, feat->nr, XEN_FEAT_NR_WORDS);
		return -1;
	}
	for (size_t i = 0; i < notes->nr_declared; i++) {
		if (notes->declared[i].feat == feat) {
			if (cf->need > notes->declared[i].need) {
				notes->declared[i].need = cf->need;
				notes->declared[i].line = line;
			}
			return 0;
		}
	}
	notes->declared[notes->nr_declared++] = (struct declared){ feat, cf->need, line };
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

static int compute_notes(const struct config *cfg, struct notes *notes)
{
	char floor_text[16];

	memset(notes, 0, sizeof(*notes));
	if (read_floor(cfg, &notes->floor))
		return -1;
	xen_format_version(notes->floor, floor_text, sizeof(floor_text));
	notes->dom0 = is_set(cfg, "CONFIG_XEN_DOM0");
	notes->domU = is_set(cfg, "CONFIG_XEN_DOMU");

	if (is_set(cfg, "CONFIG_X86_64") == is_set(cfg, "CONFIG_X86_32")) {
		error_at(cfg->path, line_of(cfg, "CONFIG_X86_64"),
			 "exactly one of CONFIG_X86_64 and CONFIG_X86_32 must be set");
		return -1;
	}
	if (!notes->dom0 && !notes->domU) {
		error_at(cfg->path, cfg->nr_lines,
			 "neither CONFIG_XEN_DOM0 nor CONFIG_XEN_DOMU is set: the kernel could run nowhere");
		return -1;
	}
	if (notes->dom0 && is_set(cfg, "CONFIG_X86_32")) {
		error_at(cfg->path, line_of(cfg, "CONFIG_XEN_DOM0"),
			 "CONFIG_XEN_DOM0 on a 32-bit kernel: Xen does not run a 32-bit dom0 here");
		return -1;
	}

	for (size_t i = 0; i < sizeof(config_features) / sizeof(config_features[0]); i++) {
		const struct config_feature *cf = &config_features[i];

		if (cf->symbol && is_set(cfg, cf->symbol) != cf->when_set)
			continue;
		if (declare(cfg, notes, cf))
			return -1;
	}

	for (size_t i = 0; i < notes->nr_declared; i++) {
		const struct declared *d = &notes->declared[i];
		size_t used = strlen(notes->string);
		bool required = d->need == REQUIRED_FOR_ROLE ||
				(d->need == REQUIRED && floor_takes_required(notes->floor));

		notes->words[d->feat->nr / 32] |= UINT32_C(1) << (d->feat->nr % 32);
		if (d->need == REQUIRED_FOR_ROLE && !floor_takes_required(notes->floor)) {
			error_at(cfg->path, d->line,
				 "'!%s' must go in FEATURES, but Xen %s refuses to start a dom0 "
				 "whose FEATURES requires anything: raise CONFIG_XEN_COMPAT",
				 d->feat->name, floor_text);
			return -1;
		}
		if (!floor_parses(notes->floor, d->feat)) {
			if (d->need == REQUIRED_FOR_ROLE) {
				error_at(cfg->path, d->line,
					 "'!%s' must go in FEATURES, but Xen %s cannot parse that name "
					 "and would refuse the kernel: raise CONFIG_XEN_COMPAT",
					 d->feat->name, floor_text);
				return -1;
			}
			continue;
		}
		snprintf(notes->string + used, sizeof(notes->string) - used, "%s%s%s",
			 used ? "|" : "", required ? "!" : "", d->feat->name);
	}
	return 0;
}

static int render_header(const struct config *cfg, const struct notes *notes,
			 char *buf, size_t size)
{
	char floor_text[16];
	size_t used;
	int n;

	xen_format_version(notes->floor, floor_text, sizeof(floor_text));
	n = snprintf(buf, size,
		     "/* Generated by scripts/xen-feat-note from %s: do not edit. */\n"
		     "#ifndef XEN_FEAT_NOTE_H\n"
		     "#define XEN_FEAT_NOTE_H\n\n"
		     "/* FEATURES: the names every Xen from %s on parses */\n"
		     "#define XEN_FEAT_NOTE_STRING \"%s\"\n\n"
		     "/* SUPPORTED_FEATURES: every declared feature, bit n of word n/32:",
		     cfg->path, floor_text, notes->string);
	for (size_t i = 0; i < notes->nr_declared && n > 0 && (size_t)n < size; i++)
		n += snprintf(buf + n, size - (size_t)n, " %s(%u)",
			      notes->declared[i].feat->name, notes->declared[i].feat->nr);
	if (n < 0 || (size_t)n >= size)
		return -1;
	used = (size_t)n;
	n = snprintf(buf + used, size - used, " */\n#define XEN_FEAT_NOTE_WORDS");
	for (size_t i = 0; i < XEN_FEAT_NR_WORDS && n > 0 && used + (size_t)n < size; i++)
		n += snprintf(buf + used + n, size - used - (size_t)n, "%s 0x%08x",
			      i ? "," : "", notes->words[i]);
	if (n < 0 || used + (size_t)n >= size)
		return -1;
	used += (size_t)n;
	n = snprintf(buf + used, size - used,
		     "\n\n"
		     "/* The configuration, as the boot banner reports it */\n"
		     "#define XEN_FEAT_BUILD_SUMMARY \"%s, oldest Xen %s\"\n\n"
		     "#endif /* XEN_FEAT_NOTE_H */\n",
		     notes->dom0 && notes->domU ? "dom0+domU" :
		     notes->dom0 ? "dom0 only" : "domU only",
		     floor_text);
	if (n < 0 || used + (size_t)n >= size)
		return -1;
	return 0;
}

static bool same_content(const char *path, const char *text)
{
	size_t len = strlen(text);
	char *old = malloc(len + 1);
	FILE *f = fopen(path, "r");
	bool same = false;

	if (f && old)
		same = fread(old, 1, len + 1, f) == len && !memcmp(old, text, len);
	if (f)
		fclose(f);
	free(old);
	return same;
}

/* Write PATH through a temporary file so readers never see half of it. */
static int replace_file(const char *path, const char *text)
{
	char tmp[4096];
	FILE *f;
	int n = snprintf(tmp, sizeof(tmp), "%s.tmp.%ld", path, (long)getpid());

	if (n < 0 || (size_t)n >= sizeof(tmp)) {
		error_at(path, 0, "path too long");
		return -1;
	}
	f = fopen(tmp, "w");
	if (!f) {
		error_at(tmp, 0, "cannot create: %s", strerror(errno));
		return -1;
	}
	if (fputs(text, f) == EOF || fflush(f) || ferror(f)) {
		error_at(tmp, 0, "cannot write: %s", strerror(errno));
		fclose(f);
		unlink(tmp);
		return -1;
	}
	if (fclose(f)) {
		error_at(tmp, 0, "cannot write: %s", strerror(errno));
		unlink(tmp);
		return -1;
	}
	if (rename(tmp, path)) {
		error_at(path, 0, "cannot replace: %s", strerror(errno));
		unlink(tmp);
		return -1;
	}
	return 0;
}

static int generate(int argc, char **argv)
{
	static struct config cfg;
	static struct notes notes;
	static char header[8192];

	if (argc != 3) {
		fprintf(stderr, "usage: %s generate AUTO_CONF HEADER\n", prog);
		return 2;
	}
	cfg.path = argv[1];
	if (read_config(&cfg) || compute_notes(&cfg, &notes))
		return 1;
	if (render_header(&cfg, &notes, header, sizeof(header))) {
		error_at(argv[2], 0, "generated header too long");
		return 1;
	}
	if (same_content(argv[2], header))
		return 0;
	return replace_file(argv[2], header) ? 1 : 0;
}

static void usage(FILE *out)
{
	fprintf(out,
		"usage: %s generate AUTO_CONF HEADER\n"
		"       %s check [OPTIONS] IMAGE...   (%s check --help)\n"
		"       %s --version\n",
		prog, prog, prog, prog);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	if (!strcmp(argv[1], "generate"))
		return generate(argc - 1, argv + 1);
	if (!strcmp(argv[1], "check"))
		return xen_feat_check_main(argc - 1, argv + 1);
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("%s %s\n", prog, XEN_FEAT_NOTE_VERSION);
		return 0;
	}
	fprintf(stderr, "%s: unknown command '%s'\n", prog, argv[1]);
	usage(stderr);
	return 2;
}
