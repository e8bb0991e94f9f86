// SPDX-License-Identifier: GPL-2.0
/* The report for scripts: one JSON object per image, same content as the text. */
#include <inttypes.h>

#include <xen/interface/elfnote.h>

#include "xen-feat-decode.h"
#include "xen-feat-report.h"

static void put_str(FILE *out, const char *s, size_t len)
{
	size_t shown = len < XFC_SHOW_MAX ? len : XFC_SHOW_MAX;

	fputc('"', out);
	for (size_t i = 0; i < shown; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c < 0x20 || c >= 0x7f)
			fprintf(out, "\\u%04x", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
}

static void put_cstr(FILE *out, const char *s)
{
	size_t len = 0;

	while (s[len])
		len++;
	put_str(out, s, len);
}

static void put_hex(FILE *out, const unsigned char *p, size_t len)
{
	size_t shown = len < XFC_SHOW_MAX ? len : XFC_SHOW_MAX;

	fputc('"', out);
	for (size_t i = 0; i < shown; i++)
		fprintf(out, "%02x", p[i]);
	fputc('"', out);
}

/*
 * A 64-bit value: a JSON number up to 2^53, above which readers that
 * hold numbers as doubles (jq among them) would round it; a string of
 * its decimal digits there.
 */
static void put_u64(FILE *out, uint64_t v)
{
	if (v <= (UINT64_C(1) << 53))
		fprintf(out, "%" PRIu64, v);
	else
		fprintf(out, "\"%" PRIu64 "\"", v);
}

static void put_words(FILE *out, const uint32_t *w, size_t n)
{
	fputc('[', out);
	for (size_t i = 0; i < n; i++)
		fprintf(out, "%s%" PRIu32, i ? "," : "", w[i]);
	fputc(']', out);
}

static void put_feature_set(FILE *out, const uint32_t *w, size_t n)
{
	int listed = 0;

	fputc('[', out);
	for (size_t i = 0; i < n * 32; i++)
		if (w[i / 32] >> (i % 32) & 1)
			fprintf(out, "%s%zu", listed++ ? "," : "", i);
	fputc(']', out);
}

static const char *text_end_name(enum xfc_text_end end)
{
	switch (end) {
	case XFC_TEXT_NUL:	return "nul";
	case XFC_TEXT_AFTER:	return "after";
	case XFC_TEXT_RUNS_ON:	return "runs_on";
	case XFC_TEXT_NO_NUL:	return "no_nul";
	}
	return "?";
}

static void put_string_note(FILE *out, const struct xfc_note *n)
{
	struct xfc_text t;

	xfc_note_text(n, &t);
	fprintf(out, ",\"kind\":\"string\",\"text\":");
	put_str(out, (const char *)n->desc, t.len);
	fprintf(out, ",\"terminated\":%s,\"text_end\":\"%s\"",
		t.end == XFC_TEXT_NUL ? "true" : "false", text_end_name(t.end));
	if (n->type == XEN_ELFNOTE_FEATURES) {
		struct xfc_string_entry e;
		size_t pos = 0;
		int i = 0;

		fprintf(out, ",\"entries\":[");
		while (i < XFC_ENTRIES_MAX && xfc_string_next((const char *)n->desc, t.len, &pos, &e)) {
			fprintf(out, "%s{\"name\":", i++ ? "," : "");
			put_str(out, e.name, e.len);
			fprintf(out, ",\"required\":%s", e.required ? "true" : "false");
			if (e.feat)
				fprintf(out, ",\"nr\":%u}", e.feat->nr);
			else
				fprintf(out, ",\"nr\":null}");
		}
		fputc(']', out);
	}
}

static void put_bits_note(FILE *out, const struct xfc_elf *elf, const struct xfc_note *n)
{
	size_t words = xfc_note_words(n);
	int f = 0, u = 0;

	fprintf(out, ",\"kind\":\"bit_array\",\"whole_words\":%s,\"words\":[",
		n->descsz % 4 ? "false" : "true");
	for (size_t w = 0; w < words && w < XFC_ENTRIES_MAX; w++)
		fprintf(out, "%s%" PRIu32, w ? "," : "", xfc_note_word(elf, n, w));
	fprintf(out, "],\"features\":[");
	for (size_t w = 0; w < words && w < XFC_ENTRIES_MAX; w++)
		for (unsigned int b = 0; b < 32; b++) {
			unsigned int nr = (unsigned int)(w * 32 + b);
			const struct xen_feature *feat = xen_feature_by_nr(nr);

			if ((xfc_note_word(elf, n, w) >> b & 1) && feat)
				fprintf(out, "%s{\"nr\":%u,\"name\":\"%s\"}", f++ ? "," : "",
					nr, feat->name);
		}
	fprintf(out, "],\"unknown_bits\":[");
	for (size_t w = 0; w < words && w < XFC_ENTRIES_MAX; w++)
		for (unsigned int b = 0; b < 32; b++) {
			unsigned int nr = (unsigned int)(w * 32 + b);

			if ((xfc_note_word(elf, n, w) >> b & 1) && !xen_feature_by_nr(nr))
				fprintf(out, "%s%u", u++ ? "," : "", nr);
		}
	fputc(']', out);
}

static void put_note(FILE *out, const struct xfc_elf *elf, const struct xfc_note *n)
{
	const struct xen_note_type *t = xen_note_type_by_nr(n->type);
	size_t shown = n->descsz < n->held ? n->descsz : n->held;
	uint64_t value;

	fprintf(out, "{\"type\":%u,\"name\":", n->type);
	if (t)
		fprintf(out, "\"%s\"", t->name);
	else
		fprintf(out, "null");
	fprintf(out, ",\"offset\":%" PRIu64 ",\"descsz\":%u,\"overrun\":%" PRIu64,
		n->offset, n->descsz, n->overrun);
	switch (t ? t->kind : (enum xen_note_kind)-1) {
	case XEN_NOTE_STRING:
		put_string_note(out, n);
		break;
	case XEN_NOTE_NUMBER:
		if (xfc_note_number(elf, n, &value)) {
			fprintf(out, ",\"kind\":\"number\",\"value\":");
			put_u64(out, value);
			fprintf(out, ",\"hex\":\"0x%" PRIx64 "\"", value);
		} else {
			fprintf(out, ",\"kind\":\"number\",\"value\":null,\"bytes\":");
			put_hex(out, n->desc, shown);
		}
		break;
	case XEN_NOTE_NUMBER_LIST: {
		uint64_t mask;
		unsigned int size;

		fprintf(out, ",\"kind\":\"mask_value\"");
		if (xfc_note_l1_mfn_valid(elf, n, &mask, &value, &size)) {
			fprintf(out, ",\"size\":%u,\"mask\":", size);
			put_u64(out, mask);
			fprintf(out, ",\"value\":");
			put_u64(out, value);
			fprintf(out, ",\"mask_hex\":\"0x%" PRIx64 "\",\"value_hex\":\"0x%" PRIx64 "\"",
				mask, value);
		} else {
			fprintf(out, ",\"size\":null,\"mask\":null,\"value\":null");
		}
		fprintf(out, ",\"bytes\":");
		put_hex(out, n->desc, shown);
		break;
	}
	case XEN_NOTE_PHYS32_RELOC: {
		struct xfc_phys32_reloc r;

		xfc_note_phys32_reloc(elf, n, &r);
		fprintf(out, ",\"kind\":\"phys32_reloc\",\"given\":%u,\"whole_words\":%s,\"align\":",
			r.given, r.whole_words ? "true" : "false");
		if (r.given >= 1)
			fprintf(out, "%" PRIu32, r.align);
		else
			fprintf(out, "null");
		fprintf(out, ",\"min\":%" PRIu32 ",\"max\":%" PRIu32 ",\"bytes\":", r.min, r.max);
		put_hex(out, n->desc, shown);
		break;
	}
	case XEN_NOTE_BIT_ARRAY:
		put_bits_note(out, elf, n);
		break;
	default:
		fprintf(out, ",\"kind\":\"unknown\",\"bytes\":");
		put_hex(out, n->desc, shown);
	}
	fputc('}', out);
}

static void put_answer(FILE *out, const char *key, const struct xfc_answer *a)
{
	fprintf(out, "\"%s\":{\"yes\":%s,\"why\":", key, a->yes ? "true" : "false");
	put_cstr(out, a->why);
	fputc('}', out);
}

static const char *string_verdict_name(enum xen_string_verdict v)
{
	switch (v) {
	case XEN_STRING_OK:			return "ok";
	case XEN_STRING_UNKNOWN_WARNED:		return "unknown-warned";
	case XEN_STRING_UNKNOWN_REJECTED:	return "unknown-rejected";
	case XEN_STRING_REQUIRED_UNKNOWN:	return "required-unknown";
	}
	return "?";
}

static void put_verdict(FILE *out, const struct xfc_verdict *v)
{
	char first[32], last[32];

	fprintf(out, "{\"xen\":\"%s\",\"label\":", v->gen->label);
	put_cstr(out, v->label);
	fprintf(out, ",\"build\":\"%s\",\"version\":", v->target.build->key);
	if (v->target.version)
		fprintf(out, "\"%s\"", xen_format_version(v->target.version, first, sizeof(first)));
	else
		fprintf(out, "null");
	fprintf(out, ",\"runs_word_size\":%s,\"first\":\"%s\",\"last\":",
		v->runs_class ? "true" : "false",
		xen_format_version(v->gen->first, first, sizeof(first)));
	if (v->gen->last == UINT32_MAX)
		fprintf(out, "null");
	else
		fprintf(out, "\"%s\"", xen_format_version(v->gen->last, last, sizeof(last)));
	fputc(',', out);
	put_answer(out, "load", &v->load);
	fputc(',', out);
	put_answer(out, "dom0", &v->dom0);
	fprintf(out, ",\"dom0_basis\":\"%s\",", xfc_basis_name(v->dom0_basis));
	put_answer(out, "domU", &v->domu);
	fprintf(out, ",\"string_verdict\":\"%s\",\"culprit\":", string_verdict_name(v->string_verdict));
	put_cstr(out, v->culprit);
	fprintf(out, ",\"string_supported\":");
	put_words(out, v->string_supported, XEN_FEAT_NR_WORDS);
	fprintf(out, ",\"supported\":");
	put_words(out, v->supported, XEN_FEAT_NR_WORDS);
	fprintf(out, ",\"required\":");
	put_words(out, v->required, XEN_FEAT_NR_WORDS);
	fprintf(out, ",\"supported_features\":");
	put_feature_set(out, v->supported, XEN_FEAT_NR_WORDS);
	fputc('}', out);
}

/* What the configuration gives: null where it gives nothing to compare. */
static void put_expected(FILE *out, const struct xfc_config *c)
{
	const struct xen_config_notes *n = &c->notes;
	char floor[32], summary[1024];
	bool notes = n->xen && !c->refused;

	xfc_config_summary(c, summary, sizeof(summary));
	fprintf(out, "{\"xen\":%s,\"refused\":", n->xen ? "true" : "false");
	if (c->refused) {
		fprintf(out, "{\"line\":%u,\"message\":", c->refusal.line);
		put_cstr(out, c->refusal.msg);
		fputc('}', out);
	} else {
		fprintf(out, "null");
	}
	fprintf(out, ",\"features\":");
	if (notes && n->has_string)
		put_cstr(out, n->string);
	else
		fprintf(out, "null");
	fprintf(out, ",\"features_compared\":%s,\"supported_features\":",
		notes && n->has_floor ? "true" : "false");
	if (notes)
		put_words(out, n->words, XEN_FEAT_NR_WORDS);
	else
		fprintf(out, "null");
	fprintf(out, ",\"dom0\":%s,\"domU\":%s,\"floor\":",
		notes && n->dom0 ? "true" : "false", notes && n->domu ? "true" : "false");
	if (notes && n->has_floor)
		fprintf(out, "\"%s\"", xen_format_version(n->floor, floor, sizeof(floor)));
	else
		fprintf(out, "null");
	fprintf(out, ",\"summary\":");
	put_cstr(out, summary);
	fputc('}', out);
}

static void put_config(FILE *out, const struct xfc_config_result *res)
{
	fprintf(out, ",\"config\":{\"file\":");
	put_cstr(out, res->config->path);
	fprintf(out, ",\"expected\":");
	put_expected(out, res->config);
	fprintf(out, ",\"findings\":[");
	for (unsigned int i = 0; i < res->nr_findings; i++) {
		fprintf(out, "%s{\"kind\":\"%s\",\"disagrees\":%s,\"text\":", i ? "," : "",
			xfc_finding_kind_name(res->findings[i].kind),
			res->findings[i].disagrees ? "true" : "false");
		put_cstr(out, res->findings[i].text);
		fputc('}', out);
	}
	fprintf(out, "]}");
}

/* How the image was read: what was unpacked, in how many passes, in what memory. */
static void put_reading(FILE *out, const struct xfc_source *src)
{
	struct xfc_source_stats st;

	xfc_source_stats(src, &st);
	fprintf(out, ",\"unpacked_bytes\":%" PRIu64 ",\"unpacked_total\":%" PRIu64
		",\"passed_over_bytes\":%" PRIu64
		",\"unpack_passes\":%u,\"unpacked_whole\":%s,\"read_to\":%" PRIu64 ",\"read_to_what\":",
		st.unpacked, st.unpacked_total, st.passed_over, st.passes,
		st.ended ? "true" : "false", st.needed_end);
	put_cstr(out, st.needed_what);
	fprintf(out, ",\"memory_peak\":%" PRIu64 ",\"memory_limit\":%" PRIu64,
		st.memory_peak, st.memory_limit);
}

void xfc_report_json(FILE *out, const struct xfc_report *r)
{
	const struct xfc_elf *elf = r->elf;

	fprintf(out, "{\"file\":");
	put_cstr(out, r->path);
	if (r->src) {
		fprintf(out, ",\"container\":");
		put_cstr(out, r->src->container);
		fprintf(out, ",\"bzimage\":%s,\"compression\":", r->src->is_bzimage ? "true" : "false");
		if (r->src->comp == XFC_COMP_NONE)
			fprintf(out, "null");
		else
			fprintf(out, "\"%s\"", xfc_compression_name(r->src->comp));
		put_reading(out, r->src);
	}
	fprintf(out, ",\"status\":%d,\"error\":", r->status);
	if (r->err->status >= XFC_ERR_IO) {
		fprintf(out, "{\"class\":\"%s\",\"message\":", xfc_status_name(r->err->status));
		put_cstr(out, r->err->msg);
		fputc('}', out);
	} else {
		fprintf(out, "null");
	}
	if (elf && r->verdicts) {
		fprintf(out, ",\"elf\":{\"class\":%d,\"byte_order\":\"%s\",\"machine\":%u,\"machine_name\":\"%s\",\"type\":%u,\"notes_in\":\"%s\",\"sections_searched\":%s,\"areas\":%u,\"notes_walked\":%u,\"overruns\":%u,\"overrun\":",
			elf->is64 ? 64 : 32, elf->big_endian ? "big" : "little", elf->machine,
			xfc_machine_name(elf->machine), elf->elf_type, elf->found_in,
			elf->searched_sections ? "true" : "false",
			elf->nr_areas, elf->nr_notes, elf->nr_overruns);
		if (elf->nr_overruns)
			put_cstr(out, elf->overrun);
		else
			fprintf(out, "null");
		fprintf(out, ",\"broken\":");
		if (elf->broken[0])
			put_cstr(out, elf->broken);
		else
			fprintf(out, "null");
		fputc('}', out);
		fprintf(out, ",\"notes\":[");
		for (size_t i = 0; i < elf->nr_xen; i++) {
			if (i)
				fputc(',', out);
			put_note(out, elf, &elf->xen[i]);
		}
		fprintf(out, "],\"hypervisor\":");
		if (r->hypervisor) {
			fprintf(out, "{\"file\":");
			put_cstr(out, r->hypervisor_path);
			fprintf(out, ",\"version\":");
			put_cstr(out, r->hypervisor->version_text);
			fprintf(out, ",\"pv32\":%s,\"found_in\":",
				r->hypervisor->pv32 == XFC_PV32_YES ? "true" :
				r->hypervisor->pv32 == XFC_PV32_NO ? "false" : "null");
			put_cstr(out, r->hypervisor->found_in);
			fputc('}', out);
		} else {
			fprintf(out, "null");
		}
		fprintf(out, ",\"verdicts\":[");
		for (size_t i = 0; i < r->nr_verdicts; i++) {
			if (i)
				fputc(',', out);
			put_verdict(out, &r->verdicts[i]);
		}
		fputc(']', out);
	}
	if (r->expect) {
		char floor[32];

		fprintf(out, ",\"expect\":{\"roles\":\"%s\",\"floor\":\"%s\",\"met\":%s,\"why\":",
			r->expect->roles == XFC_ROLE_BOTH ? "both" :
			r->expect->roles == XFC_ROLE_DOM0 ? "dom0" : "domU",
			xen_format_version(r->expect->floor, floor, sizeof(floor)),
			r->expect_result->met ? "true" : "false");
		put_cstr(out, r->expect_result->why);
		fputc('}', out);
	}
	if (r->config)
		put_config(out, r->config);
	fputc('}', out);
}
