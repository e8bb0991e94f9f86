// SPDX-License-Identifier: GPL-2.0
/*
 * Table-driven tests of `xen-feat-note generate`: each case is an
 * auto.conf and what the header must say, or the error it must give.
 *
 *   gen-test VARIANT GENERATOR SCRATCH_DIR
 *
 * VARIANT is the build of the generator under test: "normal" (as shipped),
 * "wide" (XEN_FEAT_NR_WORDS=2 with a test feature at bit 40) or "narrow"
 * (one word, test feature at bit 40).  Expected values come from the
 * protocol facts (shared/xen-notes.md), not from the generator.
 */
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

struct gen_case {
	const char *variant;
	const char *name;
	const char *config;		/* NULL: the file does not exist */
	const char *string;		/* expected FEATURES; NULL: expect an error */
	const char *words;		/* expected XEN_FEAT_NOTE_WORDS */
	const char *summary;		/* expected XEN_FEAT_BUILD_SUMMARY */
	const char *error;		/* expected in the error message */
};

#define X64 "CONFIG_X86_64=y\nCONFIG_64BIT=y\n"
#define X32 "CONFIG_X86_32=y\nCONFIG_X86_PAE=y\n"
#define F030003 "CONFIG_XEN_COMPAT_030003=y\nCONFIG_XEN_COMPAT=0x030003\n"
#define F030200 "CONFIG_XEN_COMPAT_030200=y\nCONFIG_XEN_COMPAT=0x030200\n"
#define F040200 "CONFIG_XEN_COMPAT_040200=y\nCONFIG_XEN_COMPAT=0x040200\n"
#define F040400 "CONFIG_XEN_COMPAT_040400=y\nCONFIG_XEN_COMPAT=0x040400\n"
#define BOTH "CONFIG_XEN_DOM0=y\nCONFIG_XEN_DOMU=y\n"

static const struct gen_case cases[] = {
	/* Xen 3.0.3 to 3.1 refuse a dom0 whose FEATURES requires anything. */
	{ "normal", "both-floor-3.0.3", X64 BOTH F030003,
	  "writable_page_tables", "0x00000801", "dom0+domU, oldest Xen 3.0.3", NULL },
	{ "normal", "both-floor-3.2", X64 BOTH F030200,
	  "!writable_page_tables", "0x00000801", "dom0+domU, oldest Xen 3.2", NULL },
	{ "normal", "both-floor-4.2", X64 BOTH F040200,
	  "!writable_page_tables|dom0", "0x00000801", "dom0+domU, oldest Xen 4.2", NULL },
	{ "normal", "both-floor-4.4", X64 BOTH F040400,
	  "!writable_page_tables|dom0", "0x00000801", "dom0+domU, oldest Xen 4.4", NULL },
	{ "normal", "callback-floor-3.0.3", X64 BOTH F030003 "CONFIG_XEN_HVM_CALLBACK_VECTOR=y\n",
	  "writable_page_tables", "0x00000901", NULL, NULL },
	{ "normal", "callback-floor-4.2", X64 BOTH F040200 "CONFIG_XEN_HVM_CALLBACK_VECTOR=y\n",
	  "!writable_page_tables|dom0", "0x00000901", NULL, NULL },
	{ "normal", "callback-floor-4.4", X64 BOTH F040400 "CONFIG_XEN_HVM_CALLBACK_VECTOR=y\n",
	  "!writable_page_tables|hvm_callback_vector|dom0", "0x00000901", NULL, NULL },
	{ "normal", "dom0-only-floor-4.2", X64 "CONFIG_XEN_DOM0=y\n" F040200,
	  "!writable_page_tables|!dom0", "0x00000801", "dom0 only, oldest Xen 4.2", NULL },
	{ "normal", "domU-only-x86_64", X64 "CONFIG_XEN_DOMU=y\n" F030003,
	  "writable_page_tables", "0x00000001", "domU only, oldest Xen 3.0.3", NULL },
	{ "normal", "domU-only-i386", X32 "CONFIG_XEN_DOMU=y\n" F030003,
	  "writable_page_tables|pae_pgdir_above_4gb", "0x00000011", NULL, NULL },
	{ "normal", "domU-only-i386-floor-3.2", X32 "CONFIG_XEN_DOMU=y\n" F030200,
	  "!writable_page_tables|pae_pgdir_above_4gb", "0x00000011", NULL, NULL },
	{ "normal", "floor-4.17", X64 BOTH "CONFIG_XEN_COMPAT=0x041100\n",
	  "!writable_page_tables|dom0", "0x00000801", "dom0+domU, oldest Xen 4.17", NULL },
	{ "normal", "comments-blank-crlf", "# a comment\n\n" "CONFIG_X86_64=y\r\n" BOTH F030003,
	  "writable_page_tables", "0x00000801", NULL, NULL },
	{ "normal", "last-assignment-wins", X64 BOTH F040200 "CONFIG_XEN_COMPAT=0x030200\n",
	  "!writable_page_tables", "0x00000801", NULL, NULL },

	{ "normal", "missing-file", NULL, NULL, NULL, NULL, "cannot read the configuration" },
	{ "normal", "no-equals", X64 "CONFIG_XEN_DOM0\n" F030003,
	  NULL, NULL, NULL, ":3: error: malformed line" },
	{ "normal", "no-prefix", X64 "XEN_DOM0=y\n" F030003,
	  NULL, NULL, NULL, ":3: error: malformed line" },
	{ "normal", "bad-value", X64 "CONFIG_XEN_DOM0=yes please\n" F030003,
	  NULL, NULL, NULL, ":3: error: CONFIG_XEN_DOM0: malformed value" },
	{ "normal", "unterminated-string", X64 BOTH "CONFIG_XEN_COMPAT=\"0x030002\n",
	  NULL, NULL, NULL, ":5: error: CONFIG_XEN_COMPAT: malformed value" },
	{ "normal", "bad-name", X64 "CONFIG_XEN DOM0=y\n" BOTH F030003,
	  NULL, NULL, NULL, ":3: error: malformed line" },
	/* Linux's auto.conf: thousands of symbols, strings without quotes. */
	{ "normal", "linux-style-auto-conf", "CONFIG_DEFAULT_INIT=\nCONFIG_CC_IMPLICIT_FALLTHROUGH=-Wimplicit-fallthrough=5\n"
	  X64 BOTH F040200 "CONFIG_XEN_PVH=y\n",
	  "!writable_page_tables|dom0", "0x00008801", NULL, NULL },
	{ "normal", "neither-dom0-nor-domU", X64 F030003,
	  NULL, NULL, NULL, "neither CONFIG_XEN_DOM0 nor CONFIG_XEN_DOMU" },
	{ "normal", "dom0-only-floor-3.0.3", X64 "CONFIG_XEN_DOM0=y\n" F030003,
	  NULL, NULL, NULL, "'!dom0' must go in FEATURES, but Xen 3.0.3 refuses to start a dom0 whose FEATURES requires anything" },
	{ "normal", "dom0-only-floor-3.2", X64 "CONFIG_XEN_DOM0=y\n" F030200,
	  NULL, NULL, NULL, "'!dom0' must go in FEATURES, but Xen 3.2 cannot parse" },
	{ "normal", "dom0-on-32-bit", X32 BOTH F030003,
	  NULL, NULL, NULL, ":3: error: CONFIG_XEN_DOM0 on a 32-bit kernel" },
	{ "normal", "no-floor", X64 BOTH,
	  NULL, NULL, NULL, "CONFIG_XEN_COMPAT is not set" },
	{ "normal", "floor-too-old", X64 BOTH "CONFIG_XEN_COMPAT=0x020000\n",
	  NULL, NULL, NULL, ":5: error: CONFIG_XEN_COMPAT=0x020000: Xen 2.0 reads no ELF notes" },
	/* Xen 3.0.2 reads only a '__xen_guest' section, which this kernel has not. */
	{ "normal", "floor-3.0.2", X64 BOTH "CONFIG_XEN_COMPAT=0x030002\n",
	  NULL, NULL, NULL, ":5: error: CONFIG_XEN_COMPAT=0x030002: Xen 3.0.2 reads no ELF notes; the oldest Xen this kernel can name is 3.0.3" },
	{ "normal", "floor-not-hex", X64 BOTH "CONFIG_XEN_COMPAT=30002\n",
	  NULL, NULL, NULL, ":5: error: CONFIG_XEN_COMPAT=30002 is not a Xen version" },
	{ "normal", "no-architecture", BOTH F030003,
	  NULL, NULL, NULL, "exactly one of CONFIG_X86_64 and CONFIG_X86_32" },
	{ "normal", "two-architectures", X64 X32 BOTH F030003,
	  NULL, NULL, NULL, "exactly one of CONFIG_X86_64 and CONFIG_X86_32" },

	{ "wide", "high-bit-in-word-1", X64 BOTH F030003 "CONFIG_XEN_TEST_HIGH_BIT=y\n",
	  "writable_page_tables", "0x00000801, 0x00000100", NULL, NULL },
	{ "wide", "no-high-bit", X64 BOTH F030003,
	  "writable_page_tables", "0x00000801, 0x00000000", NULL, NULL },
	{ "narrow", "high-bit-does-not-fit", X64 BOTH F030003 "CONFIG_XEN_TEST_HIGH_BIT=y\n",
	  NULL, NULL, NULL, ":7: error: feature 'test_high_bit' is bit 40, which does not fit" },
};

static const char *generator, *scratch;
static int passed, failed;

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf;
	long size;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	rewind(f);
	buf = calloc(1, (size_t)size + 1);
	if (buf && fread(buf, 1, (size_t)size, f) != (size_t)size) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	return buf;
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (!f || fputs(text, f) == EOF || fclose(f)) {
		perror(path);
		exit(2);
	}
}

/* The value of `#define NAME value` in the header, or NULL. */
static char *define_value(const char *header, const char *name, char *buf, size_t size)
{
	char key[128];
	const char *p, *end;

	snprintf(key, sizeof(key), "#define %s ", name);
	p = strstr(header, key);
	if (!p)
		return NULL;
	p += strlen(key);
	end = strchr(p, '\n');
	if (!end || (size_t)(end - p) >= size)
		return NULL;
	memcpy(buf, p, (size_t)(end - p));
	buf[end - p] = '\0';
	return buf;
}

static int run_generator(const char *config, const char *header, const char *errfile)
{
	char cmd[4096];
	int status;

	snprintf(cmd, sizeof(cmd), "%s generate %s %s 2>%s", generator, config, header, errfile);
	status = system(cmd);
	if (status == -1 || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

static void report(const char *name, const char *problem)
{
	if (problem) {
		printf("FAIL gen/%s: %s\n", name, problem);
		failed++;
	} else {
		printf("PASS gen/%s\n", name);
		passed++;
	}
}

static void run_case(const struct gen_case *c)
{
	char config[1024], header[1024], errfile[1024], problem[2048] = "";
	char value[512], expect[512];
	const char *old = "/* the previous header */\n";
	char *text = NULL, *err = NULL;
	int rc;

	snprintf(config, sizeof(config), "%s/%s.conf", scratch, c->name);
	snprintf(header, sizeof(header), "%s/%s.h", scratch, c->name);
	snprintf(errfile, sizeof(errfile), "%s/%s.err", scratch, c->name);
	if (c->config)
		write_file(config, c->config);
	else
		unlink(config);
	/* A failing run must leave the previous output as it was. */
	write_file(header, old);

	rc = run_generator(config, header, errfile);
	text = read_file(header);
	err = read_file(errfile);

	if (!c->string) {
		if (rc <= 0)
			snprintf(problem, sizeof(problem), "exit %d, expected an error", rc);
		else if (!err || !strstr(err, c->error))
			snprintf(problem, sizeof(problem), "error '%s' lacks '%s'",
				 err ? strtok(err, "\n") : "", c->error);
		else if (c->config && !strstr(err, config))
			snprintf(problem, sizeof(problem), "error does not name the file");
		else if (!text || strcmp(text, old))
			snprintf(problem, sizeof(problem), "the previous header was changed");
		goto out;
	}
	if (rc != 0) {
		snprintf(problem, sizeof(problem), "exit %d: %s", rc, err ? err : "");
		goto out;
	}
	snprintf(expect, sizeof(expect), "\"%s\"", c->string);
	if (!define_value(text, "XEN_FEAT_NOTE_STRING", value, sizeof(value)) ||
	    strcmp(value, expect)) {
		snprintf(problem, sizeof(problem), "FEATURES %s, expected %s",
			 define_value(text, "XEN_FEAT_NOTE_STRING", value, sizeof(value)) ? value : "missing",
			 expect);
		goto out;
	}
	if (!define_value(text, "XEN_FEAT_NOTE_WORDS", value, sizeof(value)) ||
	    strcmp(value, c->words)) {
		snprintf(problem, sizeof(problem), "words %s, expected %s",
			 define_value(text, "XEN_FEAT_NOTE_WORDS", value, sizeof(value)) ? value : "missing",
			 c->words);
		goto out;
	}
	if (c->summary) {
		snprintf(expect, sizeof(expect), "\"%s\"", c->summary);
		if (!define_value(text, "XEN_FEAT_BUILD_SUMMARY", value, sizeof(value)) ||
		    strcmp(value, expect))
			snprintf(problem, sizeof(problem), "summary differs, expected %s", expect);
	}
out:
	report(c->name, problem[0] ? problem : NULL);
	free(text);
	free(err);
}

static bool temporary_left(void)
{
	DIR *dir = opendir(scratch);
	struct dirent *entry;
	bool found = false;

	while (dir && (entry = readdir(dir)))
		if (strstr(entry->d_name, ".tmp."))
			found = true;
	if (dir)
		closedir(dir);
	return found;
}

/* Same content: the header keeps its inode and time; new content replaces it whole. */
static void run_rewrite_tests(void)
{
	char config[1024], header[1024], errfile[1024];
	struct stat before, after;
	char *text;

	snprintf(config, sizeof(config), "%s/rewrite.conf", scratch);
	snprintf(header, sizeof(header), "%s/rewrite.h", scratch);
	snprintf(errfile, sizeof(errfile), "%s/rewrite.err", scratch);
	write_file(config, X64 BOTH F030003);
	unlink(header);
	if (run_generator(config, header, errfile) != 0 || stat(header, &before)) {
		report("rewrite-first-run", "the first run did not write the header");
		return;
	}
	sleep(1);
	if (run_generator(config, header, errfile) != 0 || stat(header, &after))
		report("unchanged-content-not-rewritten", "second run failed");
	else
		report("unchanged-content-not-rewritten",
		       before.st_ino != after.st_ino || before.st_mtime != after.st_mtime ?
		       "the header was rewritten although its content is the same" : NULL);

	write_file(config, X64 BOTH F040200);
	if (run_generator(config, header, errfile) != 0 || stat(header, &after)) {
		report("changed-content-rewritten", "third run failed");
		return;
	}
	text = read_file(header);
	report("changed-content-rewritten",
	       !text || !strstr(text, "\"!writable_page_tables|dom0\"") ? "new content missing" :
	       before.st_ino == after.st_ino ? "the header was written in place, not renamed" : NULL);
	free(text);
	report("no-temporary-left", temporary_left() ? "temporary file left" : NULL);

	if (chmod(scratch, 0555) == 0 && geteuid() != 0) {
		write_file(config, X64 BOTH F030003);
		report("unwritable-directory",
		       run_generator(config, header, errfile) == 0 ? "succeeded" : NULL);
	}
	chmod(scratch, 0755);
}

/* A distribution's configuration: thousands of symbols the notes ignore. */
static void run_large_config_test(void)
{
	char config[1024], header[1024], errfile[1024], line[128];
	char *text;
	FILE *f;
	int rc;

	snprintf(config, sizeof(config), "%s/large.conf", scratch);
	snprintf(header, sizeof(header), "%s/large.h", scratch);
	snprintf(errfile, sizeof(errfile), "%s/large.err", scratch);
	f = fopen(config, "w");
	if (!f) {
		perror(config);
		exit(2);
	}
	for (int i = 0; i < 7000; i++) {
		snprintf(line, sizeof(line), "CONFIG_UNRELATED_%d=%s\n", i, i % 2 ? "y" : "\"text\"");
		fputs(line, f);
	}
	fputs(X64 BOTH F040200, f);
	fclose(f);
	rc = run_generator(config, header, errfile);
	text = read_file(header);
	report("7000-unrelated-symbols",
	       rc ? "the generator failed" :
	       !text || !strstr(text, "\"!writable_page_tables|dom0\"") ? "wrong FEATURES" : NULL);
	free(text);
}

int main(int argc, char **argv)
{
	const char *variant;

	if (argc != 4) {
		fprintf(stderr, "usage: gen-test normal|wide|narrow GENERATOR SCRATCH_DIR\n");
		return 2;
	}
	variant = argv[1];
	generator = argv[2];
	scratch = argv[3];
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		if (!strcmp(cases[i].variant, variant))
			run_case(&cases[i]);
	if (!strcmp(variant, "normal")) {
		run_rewrite_tests();
		run_large_config_test();
	}
	fprintf(stderr, "gen-test %s: %d passed, %d failed\n", variant, passed, failed);
	return failed ? 1 : 0;
}
