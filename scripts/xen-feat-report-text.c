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
	size_t words = xfc_note_words(n);
	int listed = 0;

	for (size_t w = 0; w < words && w < XFC_ENTRIES_MAX; w++)
		fprintf(out, "%s0x%08" PRIx32, w ? " " : "", xfc_note_word(elf, n, w));
	if (words > XFC_ENTRIES_MAX)
		fprintf(out, " ... (%zu words)", words);
	if (n->descsz % 4) {
		fprintf(out, "%sbytes ", words ? "; " : "");
		put_bytes(out, n->desc, n->descsz < n->held ? n->descsz : n->held);
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

static void put_string(FILE *out, const struct xfc_note *n)
{
	struct xfc_text t;

	xfc_note_text(n, &t);
	put_quoted(out, n->desc, t.len);
	switch (t.end) {
	case XFC_TEXT_NUL:
		break;
	case XFC_TEXT_AFTER:
		fprintf(out, " (no terminating NUL, as Linux writes it)");
		break;
	case XFC_TEXT_RUNS_ON:
		fprintf(out, " (no NUL in its %u bytes or right after them: Xen reads on to the next NUL, %zu bytes further, as shown)",
			n->descsz, t.len - n->descsz);
		break;
	case XFC_TEXT_NO_NUL:
		fprintf(out, " (no NUL before the end of the image: Xen cannot read it)");
		break;
	}
	fputc('\n', out);
}

static void put_reloc(FILE *out, const struct xfc_elf *elf, const struct xfc_note *n)
{
	struct xfc_phys32_reloc r;

	xfc_note_phys32_reloc(elf, n, &r);
	fprintf(out, "relocatable (PVH, Xen 4.19 and later): ");
	if (r.given >= 1)
		fprintf(out, "align 0x%" PRIx32, r.align);
	else
		fprintf(out, "align not given (Xen takes the loadable segments' largest p_align, at least 4 KiB, else 2 MiB)");
	fprintf(out, ", min 0x%" PRIx32 "%s, max 0x%" PRIx32 "%s", r.min,
		r.given >= 2 ? "" : " (default)", r.max, r.given >= 3 ? "" : " (default)");
	if (r.given && !r.whole_words)
		fprintf(out, "; the descriptor's %u bytes are not whole 32-bit words, so libelf reads each value given as 0",
			n->descsz);
	fputc('\n', out);
}

static void put_note(FILE *out, const struct xfc_elf *elf, const struct xfc_note *n)
{
	const struct xen_note_type *t = xen_note_type_by_nr(n->type);
	char label[40];
	uint64_t value, mask;
	unsigned int size;
	struct xfc_text text;

	if (t)
		snprintf(label, sizeof(label), "%s (%u)", t->name, n->type);
	else
		snprintf(label, sizeof(label), "type %u (unknown)", n->type);
	fprintf(out, "    %-24s", label);
	switch (t ? t->kind : (enum xen_note_kind)-1) {
	case XEN_NOTE_STRING:
		put_string(out, n);
		if (n->type == XEN_ELFNOTE_FEATURES) {
			xfc_note_text(n, &text);
			put_string_entries(out, (const char *)n->desc, text.len);
		}
		return;
	case XEN_NOTE_NUMBER:
		if (xfc_note_number(elf, n, &value)) {
			fprintf(out, "0x%" PRIx64 " (%" PRIu64 ")\n", value, value);
			return;
		}
		fprintf(out, "%u-byte number, not 1, 2, 4 or 8 bytes (Xen reads it as 0): ",
			n->descsz);
		break;
	case XEN_NOTE_NUMBER_LIST:
		if (xfc_note_l1_mfn_valid(elf, n, &mask, &value, &size)) {
			fprintf(out, "mask 0x%" PRIx64 ", value 0x%" PRIx64 " (%u bytes each, as Xen's readnotes reads a %u-byte descriptor; libelf reads only the name)\n",
				mask, value, size, n->descsz);
			return;
		}
		fprintf(out, "%u bytes, neither a 4- nor an 8-byte mask and value (readnotes shows nothing): ",
			n->descsz);
		break;
	case XEN_NOTE_PHYS32_RELOC:
		put_reloc(out, elf, n);
		return;
	case XEN_NOTE_BIT_ARRAY:
		put_bits(out, elf, n);
		return;
	}
	put_bytes(out, n->desc, n->descsz < n->held ? n->descsz : n->held);
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

/* How much of a compressed image was unpacked, and why that much. */
static void put_unpacked(FILE *out, const struct xfc_report *r)
{
	const struct xfc_elf *elf = r->elf;
	struct xfc_source_stats st;

	xfc_source_stats(r->src, &st);
	fprintf(out, "  unpacked %" PRIu64 " bytes", st.unpacked);
	if (st.ended)
		fprintf(out, ", the whole image,");
	if (st.passes <= 1)
		fprintf(out, " in one pass");
	else
		fprintf(out, " in %u passes (%" PRIu64 " bytes in all: a table pointed back further than the look-behind)",
			st.passes, st.unpacked_total);
	if (st.needed_what[0])
		fprintf(out, ", up to the end of %s%s",
			strncmp(st.needed_what, "note ", 5) ? "the " : "", st.needed_what);
	if (!elf)
		fprintf(out, "\n");
	else if (elf->nr_xen)
		fprintf(out, "; the Xen notes are in its %s\n", elf->found_in);
	else if (elf->searched_sections)
		fprintf(out, ": no Xen note in its PT_NOTE segments, so its SHT_NOTE sections were read too, as Xen reads them; none there either\n");
	else
		fprintf(out, ": it has no Xen notes\n");
	if (st.passed_over)
		fprintf(out, "  %" PRIu64 " bytes passed over, not produced: %s blocks, or their ends, that nothing read\n",
			st.passed_over, xfc_compression_name(r->src->comp));
}

void xfc_report_text(FILE *out, const struct xfc_report *r)
{
	const struct xfc_elf *elf = r->elf;

	fprintf(out, "%s: %s\n", r->path,
		r->src && r->src->container[0] ? r->src->container : "(unreadable)");
	if (r->src && r->src->stream)
		put_unpacked(out, r);
	if (elf && (elf->nr_xen || r->err->status == XFC_OK || elf->broken[0])) {
		fprintf(out, "  ELF%d %s-endian, machine %s (%u), %zu Xen note%s in %s\n",
			elf->is64 ? 64 : 32, elf->big_endian ? "big" : "little",
			xfc_machine_name(elf->machine), elf->machine, elf->nr_xen,
			elf->nr_xen == 1 ? "" : "s",
			elf->nr_xen ? elf->found_in : "PT_NOTE segments or SHT_NOTE sections");
		for (size_t i = 0; i < elf->nr_xen; i++)
			put_note(out, elf, &elf->xen[i]);
		if (elf->nr_overruns)
			fprintf(out, "  Note: %s%s\n", elf->overrun,
				elf->nr_overruns > 1 ? " (and more notes like it)" : "");
		if (elf->broken[0])
			fprintf(out, "  BROKEN: %s; Xen warns and goes on, reading zeros there\n",
				elf->broken);
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
