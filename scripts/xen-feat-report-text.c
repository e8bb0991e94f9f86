// SPDX-License-Identifier: GPL-2.0
/* The report for people. */
#include <ctype.h>
#include <inttypes.h>
#include <string.h>

#include <xen/interface/elfnote.h>

#include "xen-feat-decode.h"
#include "xen-feat-report.h"

#define INDENT "                            "	/* under a note's value */

static void put_quoted(FILE *out, const unsigned char *s, size_t len)
{
	size_t shown = len < XFC_SHOW_MAX ? len : XFC_SHOW_MAX;

	fputc('"', out);
	for (size_t i = 0; i < shown; i++) {
		if (s[i] == '"' || s[i] == '\\')
			fprintf(out, "\\%c", s[i]);
		else if (isprint(s[i]))
			fputc(s[i], out);
		else
			fprintf(out, "\\x%02x", s[i]);
	}
	fputc('"', out);
	if (shown < len)
		fprintf(out, "... (%zu more bytes)", len - shown);
}

static void put_bytes(FILE *out, const unsigned char *p, size_t len)
{
	size_t shown = len < 64 ? len : 64;

	for (size_t i = 0; i < shown; i++)
		fprintf(out, "%s%02x", i ? " " : "", p[i]);
	if (shown < len)
		fprintf(out, " ... (%zu bytes)", len);
}

static void put_string_entries(FILE *out, const char *text, size_t len)
{
	struct xfc_string_entry e;
	size_t pos = 0;
	int n = 0;

	fprintf(out, "%s", INDENT);
	while (n < XFC_ENTRIES_MAX && xfc_string_next(text, len, &pos, &e)) {
		fprintf(out, "%s%s ", n++ ? "; " : "", e.required ? "requires" : "names");
		put_quoted(out, (const unsigned char *)e.name, e.len);
		if (e.feat)
			fprintf(out, " (%u)", e.feat->nr);
		else
			fprintf(out, " (not a Xen feature)");
	}
	fputc('\n', out);
}

static void put_bits(FILE *out, const struct xfc_elf *elf, const struct xfc_note *n)
{
	size_t words = n->descsz / 4;
	int listed = 0;

	for (size_t w = 0; w < words && w < XFC_ENTRIES_MAX; w++)
		fprintf(out, "%s0x%08" PRIx32, w ? " " : "", xfc_note_word(elf, n, w));
	if (words > XFC_ENTRIES_MAX)
		fprintf(out, " ... (%zu words)", words);
	if (n->descsz % 4) {
		fprintf(out, "%sbytes ", words ? "; " : "");
		put_bytes(out, n->desc, n->descsz);
		fprintf(out, " (%u bytes: not whole 32-bit words; Xen 4.2+ read all of it as 0)",
			n->descsz);
	}
	fprintf(out, "\n%s", INDENT);
	for (size_t w = 0; w < words && w < XFC_ENTRIES_MAX; w++)
		for (unsigned int b = 0; b < 32; b++) {
			unsigned int nr = (unsigned int)(w * 32 + b);
			const struct xen_feature *f;

			if (!(xfc_note_word(elf, n, w) >> b & 1))
				continue;
			f = xen_feature_by_nr(nr);
			if (f)
				fprintf(out, "%s%s (%u)", listed++ ? ", " : "", f->name, nr);
			else
				fprintf(out, "%sbit %u (unknown)", listed++ ? ", " : "", nr);
		}
	if (!listed)
		fprintf(out, "no feature bits set");
	fputc('\n', out);
}

static void put_note(FILE *out, const struct xfc_elf *elf, const struct xfc_note *n)
{
	const struct xen_note_type *t = xen_note_type_by_nr(n->type);
	char label[40];
	uint64_t value;
	bool terminated;
	size_t len;

	if (t)
		snprintf(label, sizeof(label), "%s (%u)", t->name, n->type);
	else
		snprintf(label, sizeof(label), "type %u (unknown)", n->type);
	fprintf(out, "    %-24s", label);
	switch (t ? t->kind : (enum xen_note_kind)-1) {
	case XEN_NOTE_STRING:
		len = xfc_note_text_len(n, &terminated);
		put_quoted(out, n->desc, len);
		if (!terminated)
			fprintf(out, " (not NUL-terminated)");
		fputc('\n', out);
		if (n->type == XEN_ELFNOTE_FEATURES)
			put_string_entries(out, (const char *)n->desc, len);
		return;
	case XEN_NOTE_NUMBER:
		if (xfc_note_number(elf, n, &value)) {
			fprintf(out, "0x%" PRIx64 " (%" PRIu64 ")\n", value, value);
			return;
		}
		fprintf(out, "%u-byte number, not 1, 2, 4 or 8 bytes: ", n->descsz);
		break;
	case XEN_NOTE_NUMBER_LIST: {
		size_t size = elf->is64 ? 8 : 4;

		if (n->descsz && n->descsz % size == 0) {
			for (size_t i = 0; i < n->descsz / size && i < 16; i++)
				fprintf(out, "%s0x%" PRIx64, i ? " " : "",
					xfc_elf_uint(elf, n->desc + i * size, size));
			fputc('\n', out);
			return;
		}
		break;
	}
	case XEN_NOTE_BIT_ARRAY:
		put_bits(out, elf, n);
		return;
	}
	put_bytes(out, n->desc, n->descsz);
	fputc('\n', out);
}

static void put_verdicts(FILE *out, const struct xfc_verdict *v, size_t nr)
{
	int width = 0;

	for (size_t i = 0; i < nr; i++)
		if ((int)strlen(v[i].label) > width)
			width = (int)strlen(v[i].label);
	fprintf(out, "  Verdicts:\n");
	for (size_t i = 0; i < nr; i++) {
		fprintf(out, "    %-*s  load %-3s  dom0 %-3s  domU %s\n", width, v[i].label,
			v[i].load.yes ? "yes" : "no", v[i].dom0.yes ? "yes" : "no",
			v[i].domu.yes ? "yes" : "no");
		fprintf(out, "      load: %s\n", v[i].load.why);
		fprintf(out, "      dom0: %s\n", v[i].dom0.why);
		fprintf(out, "      domU: %s\n", v[i].domu.why);
	}
}

void xfc_report_text(FILE *out, const struct xfc_report *r)
{
	const struct xfc_elf *elf = r->elf;

	fprintf(out, "%s: %s\n", r->path,
		r->src && r->src->container[0] ? r->src->container : "(unreadable)");
	if (r->src && r->src->stream)
		fprintf(out, "  unpacked %" PRIu64 " bytes to reach the notes\n",
			xfc_source_unpacked(r->src));
	if (elf && (elf->nr_xen || r->err->status == XFC_OK)) {
		fprintf(out, "  ELF%d %s-endian, machine %s (%u), %zu Xen note%s in %s\n",
			elf->is64 ? 64 : 32, elf->big_endian ? "big" : "little",
			xfc_machine_name(elf->machine), elf->machine, elf->nr_xen,
			elf->nr_xen == 1 ? "" : "s",
			elf->nr_xen ? elf->found_in : "PT_NOTE segments or SHT_NOTE sections");
		for (size_t i = 0; i < elf->nr_xen; i++)
			put_note(out, elf, &elf->xen[i]);
	}
	if (r->hypervisor)
		fprintf(out, "  Hypervisor %s: Xen %s, 32-bit PV guests: %s (read from %s)\n",
			r->hypervisor_path, r->hypervisor->version_text,
			r->hypervisor->pv32 == XFC_PV32_YES ? "yes" :
			r->hypervisor->pv32 == XFC_PV32_NO ? "no" : "not said",
			r->hypervisor->found_in);
	if (r->verdicts)
		put_verdicts(out, r->verdicts, r->nr_verdicts);
	if (r->expect) {
		char floor[32];

		fprintf(out, "  Expect %s from Xen %s on: %s: %s\n",
			xfc_roles_name(r->expect->roles),
			xen_format_version(r->expect->floor, floor, sizeof(floor)),
			r->expect_result->met ? "met" : "NOT met", r->expect_result->why);
	}
	if (r->config) {
		const struct xfc_config_result *c = r->config;
		char gives[1024];

		xfc_config_summary(c->config, gives, sizeof(gives));
		fprintf(out, "  Config %s:\n    gives: %s\n", c->config->path, gives);
		for (unsigned int i = 0; i < c->nr_findings; i++)
			fprintf(out, "    %s: %s\n",
				c->findings[i].disagrees ? "DISAGREES" : "agrees",
				c->findings[i].text);
	}
}
