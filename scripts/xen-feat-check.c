// SPDX-License-Identifier: GPL-2.0
/* `check`: options, the run over each image, exit status. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xen-feat-check.h"
#include "xen-feat-elf.h"
#include "xen-feat-expect.h"
#include "xen-feat-hypervisor.h"
#include "xen-feat-kconfig.h"
#include "xen-feat-report.h"
#include "xen-feat-source.h"
#include "xen-feat-verdict.h"

#define PROG "xen-feat-note check"

struct options {
	bool json;
	bool quiet;
	bool has_expect;
	struct xfc_expect expect;
	const char *config_path;
	struct xfc_config config;
	bool has_target;
	struct xfc_target target;
	const char *xen_path;
	struct xfc_hypervisor hypervisor;
	uint64_t unpacked_max;
	uint64_t max_memory;
};

static void usage(FILE *out)
{
	fprintf(out,
"Usage: xen-feat-note check [OPTIONS] IMAGE...\n"
"\n"
"Decodes the Xen ELF notes of each IMAGE (ELF, 32- or 64-bit, either byte\n"
"order; a compressed ELF; or an x86 bzImage whose payload is gzip, bzip2,\n"
"lzma, xz, lzo, lz4 or zstd) and says, for every Xen generation, whether it\n"
"loads the image, starts it as dom0 and starts it as a domU, and why.\n"
"\n"
"Options:\n"
"  --json                 the same report as JSON: {\"images\":[...],\"status\":N}\n"
"  --expect dom0|domU|both\n"
"  --floor VERSION        with --expect: succeed only if every Xen from VERSION\n"
"                         on (3.0.3, 3.2, 4.2, 4.17, or hex 0x030003) starts\n"
"                         the image that way\n"
"  --xen FILE             judge for that hypervisor image (as in /boot, gzip'ed\n"
"                         or not): its release and CONFIG_PV32 come from the\n"
"                         .config Xen 4.14 and later build into the image, or\n"
"                         from the .config beside it (/boot/xen-4.17-amd64.config)\n"
"  --xen-version X.Y[.Z]  judge for that one Xen release instead of every\n"
"                         generation (with --xen: overrides what it says)\n"
"  --xen-arch x86_64|x86_32\n"
"                         with --xen-version: the hypervisor's word size\n"
"                         (default x86_64; 32-bit Xen ended with 4.2)\n"
"  --pv32 yes|no          with --xen-version: whether that x86_64 Xen runs\n"
"                         32-bit PV guests (CONFIG_PV32; default: yes before\n"
"                         4.16, no from 4.16 on, as Xen's own default)\n"
"  --config FILE          compare the notes with those a kernel .config or\n"
"                         auto.conf gives (as `xen-feat-note generate` would\n"
"                         write them), and its dom0, domU and oldest Xen\n"
"  --max-unpacked BYTES   bound on unpacked bytes (suffix K, M, G; default %lluM)\n"
"  --max-memory BYTES     bound on the memory held for one image: the\n"
"                         decompressor's window or dictionary, the unpacked\n"
"                         look-behind, the ELF tables and notes (suffix K, M,\n"
"                         G; default %lluM, room for Linux's lzma -9)\n"
"  -q, --quiet            print nothing unless something fails\n"
"  -h, --help             this text\n"
"\n"
"Exit status (with several images: the first non-zero one):\n"
"   0  all read; --expect met; --config agrees\n"
"   1  --expect not met\n"
"   2  usage error\n"
"   3  --config: the notes and the .config disagree\n"
"   4  cannot open or read a file, or it is not a regular file (a FIFO or\n"
"      a device is refused at once, never waited on), --config's included\n"
"   5  not ELF, bzImage, or a compressor Linux uses; a bzImage with no\n"
"      Linux kernel in it (memtest86+); or --config is not a kernel\n"
"      configuration (binary content, a malformed line or value)\n"
"   6  truncated: the input ends inside a header, table or note area\n"
"   7  lying header: a size or offset that is wrong, points past the end,\n"
"      or overflows\n"
"   8  bad note: what Xen reads of a note lies past the end of the image,\n"
"      a string is longer than libelf reads, or a size makes libelf before\n"
"      Xen 4.3 walk backwards; Xen calls such an image broken (the report\n"
"      is printed all the same)\n"
"   9  over a limit: more than %u notes, %u MiB of note data, %u Xen\n"
"      notes whose descriptors lie outside their note areas, or --config\n"
"      over %u MiB\n"
"  10  compressed stream stops before its end\n"
"  11  compressed stream is corrupt\n"
"  12  compressed stream unpacks past --max-unpacked\n"
"  13  compressed input, but this build reads uncompressed ELF only\n"
"  14  needs more memory than --max-memory: a compressed stream whose\n"
"      window or dictionary does not fit, refused before it is allocated\n"
"      (a zstd window, which fills as it unpacks, once it would outgrow\n"
"      it), or tables and notes that do not fit beside it\n",
		XFC_UNPACKED_MAX_DEFAULT >> 20, XFC_MEMORY_MAX_DEFAULT >> 20,
		XFC_NOTES_MAX, XFC_NOTE_BYTES_MAX >> 20, XFC_FAR_DESCS_MAX,
		XEN_CONFIG_SIZE_MAX >> 20);
}

static int bad_usage(const char *fmt, const char *arg)
{
	fprintf(stderr, PROG ": ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\nTry 'xen-feat-note check --help'.\n");
	return XFC_USAGE;
}

/* A positive size, in bytes or with K, M or G; false unless it fits in 64 bits. */
static bool parse_size(const char *text, uint64_t *out)
{
	char *end;
	unsigned long long v;
	unsigned int shift = 0;

	if (text[0] < '0' || text[0] > '9')
		return false;
	errno = 0;
	v = strtoull(text, &end, 10);
	if (errno == ERANGE)
		return false;
	if (*end == 'K' || *end == 'k')
		shift = 10;
	else if (*end == 'M' || *end == 'm')
		shift = 20;
	else if (*end == 'G' || *end == 'g')
		shift = 30;
	if (shift)
		end++;
	if (*end || v == 0 || v > (UINT64_MAX >> shift))
		return false;
	*out = (uint64_t)v << shift;
	return true;
}

/* "--name value" or "--name=value"; advances *i past what it used. */
static const char *option_value(int argc, char **argv, int *i, const char *name)
{
	size_t n = strlen(name);
	const char *arg = argv[*i];

	if (strncmp(arg, name, n))
		return NULL;
	if (arg[n] == '=')
		return arg + n + 1;
	if (arg[n] == '\0' && *i + 1 < argc)
		return argv[++*i];
	return NULL;
}

/* --xen, --xen-version, --xen-arch and --pv32 into o->target. */
static int pick_target(struct options *o, const char *version, const char *arch,
		       const char *pv32)
{
	const char *end = NULL;
	uint32_t v;
	enum xen_build_kind kind = XEN_BUILD_X86_64;
	char text[32];

	if (o->xen_path) {
		struct xfc_error err = { XFC_OK, "" };

		if (!version && xfc_hypervisor_read(o->xen_path, &o->hypervisor, &err)) {
			fprintf(stderr, PROG ": %s (exit %d: %s)\n", err.msg, err.status,
				xfc_status_name(err.status));
			exit(err.status);
		}
		if (!version)
			version = o->hypervisor.version_text;
		if (!pv32 && o->hypervisor.pv32 != XFC_PV32_UNKNOWN)
			pv32 = o->hypervisor.pv32 == XFC_PV32_YES ? "yes" : "no";
	}
	if (!version) {
		if (arch || pv32)
			return bad_usage("%s", "--xen-arch and --pv32 go with --xen-version");
		return XFC_OK;
	}
	v = xen_parse_version(version, &end);
	/* "4.23-unstable", as a hypervisor's .config names it */
	if (v && version == o->hypervisor.version_text)
		end = "";
	if (!v || *end)
		return bad_usage("--xen-version '%s' is not a version like 3.0.4, 4.2 or 4.17.7", version);
	o->target.gen = xen_generation_of(v);
	if (!o->target.gen)
		return bad_usage("--xen-version '%s' is older than any Xen that loads PV kernels (3.0.2)", version);
	if (arch && !strcmp(arch, "x86_32"))
		kind = XEN_BUILD_X86_32;
	else if (arch && strcmp(arch, "x86_64"))
		return bad_usage("--xen-arch takes x86_64 or x86_32, not '%s'", arch);
	if (pv32 && strcmp(pv32, "yes") && strcmp(pv32, "no"))
		return bad_usage("--pv32 takes yes or no, not '%s'", pv32);
	if (kind == XEN_BUILD_X86_32 && pv32)
		return bad_usage("%s", "--pv32 is for an x86_64 Xen: a 32-bit Xen runs only 32-bit guests");
	if (kind == XEN_BUILD_X86_64 &&
	    (pv32 ? !strcmp(pv32, "no") : o->target.gen->pv32_off_by_default))
		kind = XEN_BUILD_X86_64_NO_PV32;
	o->target.build = xen_build_by_kind(kind);
	o->target.version = v;
	if (v < o->target.build->first || v > o->target.build->last) {
		char msg[128];

		snprintf(msg, sizeof(msg), "there is no %s build of Xen %s",
			 o->target.build->label, xen_format_version(v, text, sizeof(text)));
		return bad_usage("%s", msg);
	}
	o->has_target = true;
	return XFC_OK;
}

static int parse_options(int argc, char **argv, struct options *o, int *first)
{
	const char *floor = NULL, *val, *version = NULL, *arch = NULL, *pv32 = NULL;
	int i;

	o->unpacked_max = XFC_UNPACKED_MAX_DEFAULT;
	o->max_memory = XFC_MEMORY_MAX_DEFAULT;
	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		const char *arg = argv[i];

		if (!strcmp(arg, "--")) {
			i++;
			break;
		} else if (!strcmp(arg, "-h") || !strcmp(arg, "--help")) {
			usage(stdout);
			exit(0);
		} else if (!strcmp(arg, "--json")) {
			o->json = true;
		} else if (!strcmp(arg, "-q") || !strcmp(arg, "--quiet")) {
			o->quiet = true;
		} else if ((val = option_value(argc, argv, &i, "--expect"))) {
			o->expect.roles = xfc_parse_roles(val);
			if (!o->expect.roles)
				return bad_usage("--expect takes dom0, domU or both, not '%s'", val);
			o->has_expect = true;
		} else if ((val = option_value(argc, argv, &i, "--floor"))) {
			floor = val;
			o->expect.floor = xfc_parse_floor(val);
			if (!o->expect.floor)
				return bad_usage("--floor '%s' is not a Xen version from 3.0.2 on (like 3.0.3, 4.2, 4.17 or 0x030003)", val);
		} else if ((val = option_value(argc, argv, &i, "--xen"))) {
			o->xen_path = val;
		} else if ((val = option_value(argc, argv, &i, "--xen-version"))) {
			version = val;
		} else if ((val = option_value(argc, argv, &i, "--xen-arch"))) {
			arch = val;
		} else if ((val = option_value(argc, argv, &i, "--pv32"))) {
			pv32 = val;
		} else if ((val = option_value(argc, argv, &i, "--config"))) {
			o->config_path = val;
		} else if ((val = option_value(argc, argv, &i, "--max-unpacked"))) {
			if (!parse_size(val, &o->unpacked_max))
				return bad_usage("--max-unpacked '%s' is not a size like 512M (bytes, or K, M or G of them; at least 1 and below 2^64 bytes)", val);
		} else if ((val = option_value(argc, argv, &i, "--max-memory"))) {
			if (!parse_size(val, &o->max_memory))
				return bad_usage("--max-memory '%s' is not a size like 96M (bytes, or K, M or G of them; at least 1 and below 2^64 bytes)", val);
		} else {
			return bad_usage("unknown option '%s' (or it lacks its value)", arg);
		}
	}
	if (pick_target(o, version, arch, pv32))
		return XFC_USAGE;
	/* the one Xen of --xen-version or --xen is the floor */
	if (o->has_expect && o->has_target)
		o->expect.floor = o->target.version;
	else if (o->has_expect != (floor != NULL))
		return bad_usage("%s", "--expect and --floor go together (or --expect with --xen-version)");
	if (i >= argc)
		return bad_usage("%s", "no IMAGE given");
	*first = i;
	return XFC_OK;
}

static int check_one(const char *path, struct options *o, bool first_image)
{
	struct xfc_error err = { XFC_OK, "" };
	struct xfc_source src;
	struct xfc_elf elf;
	struct xfc_verdict *v = calloc(XFC_VERDICTS_MAX, sizeof(*v));
	struct xfc_expect_result expect_result;
	struct xfc_config_result *config = NULL;
	struct xfc_report r = { .path = path, .err = &err };
	int status;

	memset(&elf, 0, sizeof(elf));
	if (!v) {
		fprintf(stderr, PROG ": out of memory\n");
		return XFC_ERR_LIMIT;
	}
	r.src = &src;
	if (xfc_source_open(&src, path, o->unpacked_max, o->max_memory, &err) == XFC_OK &&
	    xfc_elf_read_notes(&src, &elf, &err) == XFC_OK) {
		r.nr_verdicts = xfc_verdicts(&elf, o->has_target ? &o->target : NULL, v);
		if (o->hypervisor.version)
			r.hypervisor = &o->hypervisor;
		r.hypervisor_path = o->xen_path;
		r.elf = &elf;
		r.verdicts = v;
		/* What libelf would call broken: reported in full, and exit 8. */
		if (elf.broken[0])
			xfc_fail(&err, XFC_ERR_NOTE, "%s", elf.broken);
	}

	status = err.status;
	if (r.elf && o->has_expect) {
		xfc_check_expect(v, r.nr_verdicts, &o->expect, &expect_result);
		r.expect = &o->expect;
		r.expect_result = &expect_result;
		if (!expect_result.met && status == XFC_OK)
			status = XFC_EXPECT_FAILED;
	}
	if (r.elf && o->config_path && (config = malloc(sizeof(*config)))) {
		xfc_config_compare(&o->config, &elf, v, r.nr_verdicts,
				   o->has_target ? &o->target : NULL, config);
		r.config = config;
		if (xfc_config_disagrees(config) && status == XFC_OK)
			status = XFC_CONFIG_DISAGREES;
	} else if (r.elf && o->config_path) {
		fprintf(stderr, PROG ": out of memory\n");
		status = XFC_ERR_LIMIT;
	}
	/* The image's own final status, in its report too. */
	r.status = status;

	if (o->json) {
		if (!first_image)
			fputc(',', stdout);
		xfc_report_json(stdout, &r);
	} else if (r.elf && (!o->quiet || status != XFC_OK)) {
		if (o->quiet) {
			if (r.expect && !expect_result.met)
				fprintf(stderr, PROG ": %s: %s\n", path, expect_result.why);
			for (unsigned int i = 0; config && i < config->nr_findings; i++)
				if (config->findings[i].disagrees)
					fprintf(stderr, PROG ": %s: %s: %s\n", path,
						o->config_path, config->findings[i].text);
		} else {
			xfc_report_text(stdout, &r);
		}
	}
	if (err.status != XFC_OK)
		fprintf(stderr, PROG ": %s: %s (exit %d: %s)\n", path, err.msg,
			err.status, xfc_status_name(err.status));

	xfc_elf_free(&elf);
	xfc_source_close(&src);
	free(config);
	free(v);
	return status;
}

int xen_feat_check_main(int argc, char **argv)
{
	struct options o;
	struct xfc_error err = { XFC_OK, "" };
	int first = 0, status = XFC_OK;

	memset(&o, 0, sizeof(o));
	if (parse_options(argc, argv, &o, &first))
		return XFC_USAGE;
	if (o.config_path && xfc_config_load(o.config_path, &o.config, &err)) {
		fprintf(stderr, PROG ": %s (exit %d: %s)\n", err.msg, err.status,
			xfc_status_name(err.status));
		return err.status;
	}
	if (o.json)
		fputs("{\"images\":[", stdout);
	for (int i = first; i < argc; i++) {
		int s = check_one(argv[i], &o, i == first);

		if (status == XFC_OK)
			status = s;
		if (!o.json && !o.quiet && i + 1 < argc)
			fputc('\n', stdout);
	}
	if (o.json)
		printf("],\"status\":%d}\n", status);
	if (fflush(stdout) || ferror(stdout)) {
		fprintf(stderr, PROG ": error writing the report\n");
		return XFC_ERR_IO;
	}
	return status;
}
