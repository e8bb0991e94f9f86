// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: one input is one kernel configuration, read by the
 * reader `generate` and `check --config` share, turned into notes and a
 * header as `generate` would, and compared with a 64-bit and a 32-bit
 * image as `check --config` would, both reports printed.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xen/interface/elfnote.h>

#include "xen-feat-config.h"
#include "xen-feat-generate.h"
#include "xen-feat-kconfig.h"
#include "xen-feat-report.h"
#include "xen-feat-verdict.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define NOTE(t, text) { .type = (t), .namesz = 4, .descsz = sizeof(text), \
			      .desc = (const unsigned char *)(text), .held = sizeof(text) }

static const unsigned char bits64[] = { 0x01, 0x08, 0x00, 0x00 };
static const unsigned char bits32[] = { 0x11, 0x00, 0x00, 0x00 };

/* As this tree's x86_64 and i386 defconfigs build them. */
static const struct xfc_note notes64[] = {
	NOTE(XEN_ELFNOTE_GUEST_OS, "linux"),
	NOTE(XEN_ELFNOTE_XEN_VERSION, "xen-3.0"),
	NOTE(XEN_ELFNOTE_LOADER, "generic"),
	NOTE(XEN_ELFNOTE_FEATURES, "writable_page_tables"),
	{ .type = XEN_ELFNOTE_SUPPORTED_FEATURES, .namesz = 4, .descsz = 4, .desc = bits64, .held = 4 },
};

static const struct xfc_note notes32[] = {
	NOTE(XEN_ELFNOTE_GUEST_OS, "linux"),
	NOTE(XEN_ELFNOTE_XEN_VERSION, "xen-3.0"),
	NOTE(XEN_ELFNOTE_LOADER, "generic"),
	NOTE(XEN_ELFNOTE_PAE_MODE, "yes"),
	NOTE(XEN_ELFNOTE_FEATURES, "writable_page_tables|pae_pgdir_above_4gb"),
	{ .type = XEN_ELFNOTE_SUPPORTED_FEATURES, .namesz = 4, .descsz = 4, .desc = bits32, .held = 4 },
};

static void image(struct xfc_elf *elf, bool is64)
{
	memset(elf, 0, sizeof(*elf));
	elf->is64 = is64;
	elf->machine = is64 ? 62 : 3;
	elf->elf_type = 2;
	elf->found_in = "PT_NOTE segments";
	elf->nr_areas = 1;
	/* one loadable page with the entry at its start: the layout fits */
	elf->has_loadable = true;
	elf->pstart = 0x1000;
	elf->pend = 0x2000;
	elf->entry = 0x1000;
	elf->xen = (struct xfc_note *)(is64 ? notes64 : notes32);
	elf->nr_xen = is64 ? sizeof(notes64) / sizeof(notes64[0]) :
			     sizeof(notes32) / sizeof(notes32[0]);
	elf->nr_notes = (unsigned int)elf->nr_xen;
}

/* What generate writes: FEATURES of table names, '|' and '!' only. */
static void check_generated(const struct xen_config_notes *notes)
{
	static char header[8192];

	if (strspn(notes->string, "abcdefghijklmnopqrstuvwxyz0123456789_|!") != strlen(notes->string))
		abort();
	if (xen_feat_render_header(notes, header, sizeof(header)))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct xfc_config c;
	static struct xfc_config_result res;
	static struct xfc_verdict v[XFC_VERDICTS_MAX];
	static FILE *sink;
	struct xfc_error err = { XFC_OK, "" };
	struct xen_config_error cerr;

	if (!sink && !(sink = fopen("/dev/null", "w")))
		abort();
	memset(&c, 0, sizeof(c));
	c.path = "fuzz.config";
	if (xen_config_parse(c.path, (const char *)data, size, &c.cfg, &cerr))
		return 0;
	if (xen_config_notes(&c.cfg, &c.notes, &c.refusal))
		c.refused = true;
	else if (c.notes.xen && c.notes.has_floor)
		check_generated(&c.notes);

	for (int is64 = 0; is64 < 2; is64++) {
		struct xfc_elf elf;
		struct xfc_report r = { .path = "image", .elf = &elf, .verdicts = v,
					.config = &res, .err = &err };

		image(&elf, is64);
		r.nr_verdicts = xfc_verdicts(&elf, NULL, v);
		xfc_config_compare(&c, &elf, v, r.nr_verdicts, NULL, &res);
		xfc_report_text(sink, &r);
		xfc_report_json(sink, &r);
	}
	return 0;
}
