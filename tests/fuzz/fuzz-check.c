// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: one input is one file handed to `check` -- an ELF,
 * a compressed ELF or a bzImage -- read, judged and reported in both
 * formats, as xen_feat_check_main() would, with check's own defaults:
 * streams may unpack to 512 MiB and everything held must fit in 96 MiB.
 * A stream of a few KiB can ask for either; run-long's libFuzzer flags
 * (-malloc_limit_mb, -rss_limit_mb, -timeout) then catch an allocation
 * that escapes the budget, and time that grows faster than the bytes
 * that must be unpacked.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "xen-feat-config.h"
#include "xen-feat-elf.h"
#include "xen-feat-expect.h"
#include "xen-feat-kconfig.h"
#include "xen-feat-report.h"
#include "xen-feat-source.h"
#include "xen-feat-verdict.h"

#define FUZZ_UNPACKED_MAX XFC_UNPACKED_MAX_DEFAULT
#define FUZZ_MEMORY_MAX XFC_MEMORY_MAX_DEFAULT

/* A domU-only kernel for Xen 4.2 and later, as --config reads it. */
static const char config_text[] =
	"CONFIG_X86_64=y\nCONFIG_XEN=y\nCONFIG_XEN_PV=y\n# CONFIG_XEN_DOM0 is not set\n"
	"CONFIG_XEN_DOMU=y\nCONFIG_XEN_COMPAT=0x040200\n";

static void load_config(struct xfc_config *c)
{
	struct xen_config_error err;

	memset(c, 0, sizeof(*c));
	c->path = "cfg";
	if (xen_config_parse(c->path, config_text, sizeof(config_text) - 1, &c->cfg, &err) ||
	    xen_config_notes(&c->cfg, &c->notes, &err))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int memfd = -1;
	static FILE *sink;
	static struct xfc_config config;
	static struct xfc_config_result result;
	struct xfc_error err = { XFC_OK, "" };
	struct xfc_source src;
	struct xfc_elf elf;
	struct xfc_verdict *v;
	int fd;

	if (memfd < 0) {
		memfd = memfd_create("fuzz-check", 0);
		sink = fopen("/dev/null", "w");
		if (memfd < 0 || !sink)
			abort();
		load_config(&config);
	}
	if (ftruncate(memfd, 0) || (size && pwrite(memfd, data, size, 0) != (ssize_t)size))
		abort();
	fd = dup(memfd);
	if (fd < 0)
		abort();
	v = calloc(XFC_VERDICTS_MAX, sizeof(*v));
	if (!v)
		abort();
	memset(&elf, 0, sizeof(elf));

	if (xfc_source_open_fd(&src, fd, "fuzz", FUZZ_UNPACKED_MAX, FUZZ_MEMORY_MAX,
			       &err) == XFC_OK &&
	    xfc_elf_read_notes(&src, &elf, &err) == XFC_OK) {
		struct xfc_expect want = { XFC_ROLE_BOTH, XEN_VERSION_CODE(3, 0, 2) };
		struct xfc_expect_result res;
		struct xfc_report r = {
			.path = "fuzz", .src = &src, .elf = &elf, .verdicts = v,
			.expect = &want, .expect_result = &res, .config = &result,
			.err = &err,
		};

		r.nr_verdicts = xfc_verdicts(&elf, NULL, v);
		if (elf.broken[0])
			xfc_fail(&err, XFC_ERR_NOTE, "%s", elf.broken);
		r.status = err.status;
		xfc_check_expect(v, r.nr_verdicts, &want, &res);
		xfc_config_compare(&config, &elf, v, r.nr_verdicts, NULL, &result);
		xfc_report_text(sink, &r);
		xfc_report_json(sink, &r);
	} else {
		struct xfc_report r = { .path = "fuzz", .src = &src, .err = &err,
					.status = err.status };

		xfc_report_json(sink, &r);
		xfc_report_text(sink, &r);
	}
	/* Everything charged was given back. */
	xfc_elf_free(&elf);
	xfc_source_close(&src);
	if (src.budget.used)
		abort();
	if (src.budget.peak > FUZZ_MEMORY_MAX)
		abort();
	free(v);
	return 0;
}
