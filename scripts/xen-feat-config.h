/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A kernel configuration (.config or include/config/auto.conf) and the
 * Xen feature notes it gives.  `generate` writes these notes into the
 * header xen-head.S assembles; `check --config` compares them with an
 * image's.  Both read configurations only through here, and the mapping
 * from options to features lives only here.
 */
#ifndef XEN_FEAT_CONFIG_H
#define XEN_FEAT_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "xen-feat-table.h"

/* Far above any real configuration (Linux's allyesconfig: under 1 MiB). */
#define XEN_CONFIG_SIZE_MAX (64u << 20)

/* The symbols the notes depend on; every other one is only checked for form. */
enum xen_config_symbol {
	XEN_CONFIG_NONE,
	XEN_CONFIG_XEN,
	XEN_CONFIG_XEN_PV,
	XEN_CONFIG_XEN_PVH,
	XEN_CONFIG_XEN_DOM0,
	XEN_CONFIG_XEN_DOMU,
	XEN_CONFIG_XEN_HVM_CALLBACK_VECTOR,
	XEN_CONFIG_XEN_COMPAT,
	/* The floor as Linux's Kconfig (scripts/linux-integrate) gives it: a choice, no number */
	XEN_CONFIG_XEN_COMPAT_030003,
	XEN_CONFIG_XEN_COMPAT_030200,
	XEN_CONFIG_XEN_COMPAT_040200,
	XEN_CONFIG_XEN_COMPAT_040400,
	XEN_CONFIG_X86_64,
	XEN_CONFIG_X86_32,
#ifdef XEN_FEAT_TEST_HIGH_BIT
	XEN_CONFIG_XEN_TEST_HIGH_BIT,
#endif
	XEN_CONFIG_NR_SYMBOLS
};

enum xen_config_state {
	XEN_CONFIG_ABSENT,
	XEN_CONFIG_UNSET,		/* =n or "# CONFIG_X is not set" */
	XEN_CONFIG_SET,			/* =y, or a hex symbol's number */
};

struct xen_config_value {
	enum xen_config_state state;
	uint32_t number;		/* hex symbols */
	unsigned int line;		/* of the assignment that counts: the last */
};

struct xen_config {
	const char *path;
	unsigned int nr_lines;
	struct xen_config_value values[XEN_CONFIG_NR_SYMBOLS];
};

enum xen_config_error_kind {
	XEN_CONFIG_ERR_IO,		/* cannot open or read it, or not a regular file */
	XEN_CONFIG_ERR_TOO_BIG,		/* over XEN_CONFIG_SIZE_MAX */
	XEN_CONFIG_ERR_FORMAT,		/* binary, a malformed line or value */
	XEN_CONFIG_ERR_REFUSED,		/* well-formed, but no notes can say it */
};

struct xen_config_error {
	enum xen_config_error_kind kind;
	unsigned int line;		/* 0: the file as a whole */
	char msg[512];
};

int xen_config_read(const char *path, struct xen_config *cfg,
		    struct xen_config_error *err);
/* The same on text already in memory; path only names it in messages. */
int xen_config_parse(const char *path, const char *text, size_t len,
		     struct xen_config *cfg, struct xen_config_error *err);

const char *xen_config_name(enum xen_config_symbol sym);
enum xen_config_state xen_config_state(const struct xen_config *cfg,
				       enum xen_config_symbol sym);

enum xen_config_need {
	XEN_NEED_NAMED,			/* supported */
	XEN_NEED_REQUIRED,		/* "!name": Xen must provide it; every Xen does */
	XEN_NEED_ROLE,			/* "!name" says what the kernel is: never dropped */
};

struct xen_config_declared {
	const struct xen_feature *feat;
	enum xen_config_need need;
	unsigned int line;		/* the configuration line that declares it */
};

#define XEN_CONFIG_DECLARED_MAX 32

/* What the generator emits for a configuration. */
struct xen_config_notes {
	bool xen;			/* CONFIG_XEN: any Xen notes at all */
	bool has_floor;			/* CONFIG_XEN_COMPAT: this project's options are there */
	bool has_string;		/* a FEATURES note: CONFIG_XEN_PV and a floor */
	bool is64;
	bool dom0, domu;
	uint32_t floor;
	char string[512];
	uint32_t words[XEN_FEAT_NR_WORDS];
	struct xen_config_declared declared[XEN_CONFIG_DECLARED_MAX];
	size_t nr_declared;
};

/*
 * Without CONFIG_XEN: no notes, and nothing else is looked at.  Without
 * CONFIG_XEN_COMPAT (a Linux configuration made without this project's
 * options) there is no FEATURES string, only the bits.  An error is of
 * kind XEN_CONFIG_ERR_REFUSED.
 */
int xen_config_notes(const struct xen_config *cfg, struct xen_config_notes *notes,
		     struct xen_config_error *err);

#endif /* XEN_FEAT_CONFIG_H */
