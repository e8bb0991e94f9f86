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
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
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

/* Four lines each: this tree's auto.conf has XEN and XEN_PV, as Linux's does. */
#define XEN "CONFIG_XEN=y\nCONFIG_XEN_PV=y\n"
#define X64 "CONFIG_X86_64=y\nCONFIG_64BIT=y\n" XEN
#define X32 "CONFIG_X86_32=y\nCONFIG_X86_PAE=y\n" XEN
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
	{ "normal", "comments-blank-crlf", "# a comment\n\n" "CONFIG_X86_64=y\r\n" XEN BOTH F030003,
	  "writable_page_tables", "0x00000801", NULL, NULL },
	{ "normal", "last-assignment-wins", X64 BOTH F040200 "CONFIG_XEN_COMPAT=0x030200\n",
	  "!writable_page_tables", "0x00000801", NULL, NULL },

	/* Linux 6.12's semantics: a PVH-only kernel has no FEATURES, no bit 0. */
	{ "normal", "pvh-only-dom0", "CONFIG_X86_64=y\nCONFIG_XEN=y\nCONFIG_XEN_PVH=y\n" BOTH F040200,
	  "", "0x00008800", "dom0+domU, oldest Xen 4.2", NULL },
	{ "normal", "pv-and-pvh", X64 BOTH F030200 "CONFIG_XEN_PVH=y\n",
	  "!writable_page_tables", "0x00008801", NULL, NULL },
	{ "normal", "not-set-comment-wins", X64 BOTH "# CONFIG_XEN_DOM0 is not set\n" F030003,
	  "writable_page_tables", "0x00000001", "domU only, oldest Xen 3.0.3", NULL },
	{ "normal", "bool-n", X64 "CONFIG_XEN_DOM0=n\nCONFIG_XEN_DOMU=y\n" F030003,
	  "writable_page_tables", "0x00000001", NULL, NULL },
	{ "normal", "utf-8-text", "# Konfiguration f\xc3\xbcr \xe2\x80\x9cXen\xe2\x80\x9d\n"
	  "CONFIG_CMDLINE=\"caf\xc3\xa9\ttab\"\n" X64 BOTH F030003,
	  "writable_page_tables", "0x00000801", NULL, NULL },

	{ "normal", "missing-file", NULL, NULL, NULL, NULL, "cannot read the configuration" },
	{ "normal", "no-equals", X64 "CONFIG_XEN_DOM0\n" F030003,
	  NULL, NULL, NULL, ":5: error: malformed line" },
	{ "normal", "no-prefix", X64 "XEN_DOM0=y\n" F030003,
	  NULL, NULL, NULL, ":5: error: malformed line" },
	{ "normal", "leading-space", X64 " CONFIG_XEN_DOM0=y\n" F030003,
	  NULL, NULL, NULL, ":5: error: malformed line" },
	{ "normal", "bad-value", X64 "CONFIG_XEN_DOM0=yes please\n" F030003,
	  NULL, NULL, NULL, ":5: error: CONFIG_XEN_DOM0=yes please: malformed value" },
	{ "normal", "bool-m", X64 "CONFIG_XEN_DOM0=m\n" F030003,
	  NULL, NULL, NULL, ":5: error: CONFIG_XEN_DOM0=m: malformed value" },
	{ "normal", "bool-quoted-y", X64 "CONFIG_XEN_DOMU=\"y\"\n" F030003,
	  NULL, NULL, NULL, ":5: error: CONFIG_XEN_DOMU=\"y\": malformed value" },
	{ "normal", "bool-1", X64 BOTH "CONFIG_XEN_PV=1\n" F030003,
	  NULL, NULL, NULL, ":7: error: CONFIG_XEN_PV=1: malformed value" },
	{ "normal", "bool-empty", X64 BOTH "CONFIG_X86_64=\n" F030003,
	  NULL, NULL, NULL, ":7: error: CONFIG_X86_64=: malformed value" },
	{ "normal", "xen-m", "CONFIG_XEN=m\n" X64 BOTH F030003,
	  NULL, NULL, NULL, ":1: error: CONFIG_XEN=m: malformed value" },
	{ "normal", "unterminated-string", X64 BOTH "CONFIG_XEN_COMPAT=\"0x030002\n",
	  NULL, NULL, NULL, ":7: error: CONFIG_XEN_COMPAT=\"0x030002 is not a Xen version" },
	{ "normal", "bad-name", X64 "CONFIG_XEN DOM0=y\n" BOTH F030003,
	  NULL, NULL, NULL, ":5: error: malformed line" },
	/* Linux's auto.conf: thousands of symbols, strings without quotes. */
	{ "normal", "linux-style-auto-conf", "CONFIG_DEFAULT_INIT=\nCONFIG_CC_IMPLICIT_FALLTHROUGH=-Wimplicit-fallthrough=5\n"
	  X64 BOTH F040200 "CONFIG_XEN_PVH=y\n",
	  "!writable_page_tables|dom0", "0x00008801", NULL, NULL },
	{ "normal", "no-xen", "CONFIG_X86_64=y\n" BOTH F030003,
	  NULL, NULL, NULL, "error: CONFIG_XEN is not set: a kernel without Xen support has no Xen notes" },
	{ "normal", "xen-not-set", "# CONFIG_XEN is not set\n" X64 BOTH F030003 "# CONFIG_XEN is not set\n",
	  NULL, NULL, NULL, ":10: error: CONFIG_XEN is not set" },
	{ "normal", "neither-dom0-nor-domU", X64 F030003,
	  NULL, NULL, NULL, "neither CONFIG_XEN_DOM0 nor CONFIG_XEN_DOMU" },
	{ "normal", "dom0-only-floor-3.0.3", X64 "CONFIG_XEN_DOM0=y\n" F030003,
	  NULL, NULL, NULL, "'!dom0' must go in FEATURES, but Xen 3.0.3 refuses to start a dom0 whose FEATURES requires anything" },
	{ "normal", "dom0-only-floor-3.2", X64 "CONFIG_XEN_DOM0=y\n" F030200,
	  NULL, NULL, NULL, "'!dom0' must go in FEATURES, but Xen 3.2 cannot parse" },
	{ "normal", "floor-3.0.2-reads-no-notes", X64 BOTH "CONFIG_XEN_COMPAT=0x030002\n",
	  NULL, NULL, NULL, ":7: error: CONFIG_XEN_COMPAT=0x030002: Xen 3.0.2 reads no ELF notes; the oldest Xen this kernel can name is 3.0.3" },
	{ "normal", "dom0-on-32-bit", X32 BOTH F030003,
	  NULL, NULL, NULL, ":5: error: CONFIG_XEN_DOM0 on a 32-bit kernel" },
	{ "normal", "no-floor", X64 BOTH,
	  NULL, NULL, NULL, "CONFIG_XEN_COMPAT is not set" },
	{ "normal", "floor-too-old", X64 BOTH "CONFIG_XEN_COMPAT=0x020000\n",
	  NULL, NULL, NULL, ":7: error: CONFIG_XEN_COMPAT=0x020000: Xen 2.0 reads no ELF notes" },
	{ "normal", "floor-not-hex", X64 BOTH "CONFIG_XEN_COMPAT=30002\n",
	  NULL, NULL, NULL, ":7: error: CONFIG_XEN_COMPAT=30002 is not a Xen version" },
	{ "normal", "floor-ffffffff", X64 BOTH "CONFIG_XEN_COMPAT=0xffffffff\n",
	  NULL, NULL, NULL, ":7: error: CONFIG_XEN_COMPAT=0xffffffff is not a Xen version" },
	{ "normal", "floor-1000000", X64 BOTH "CONFIG_XEN_COMPAT=0x1000000\n",
	  NULL, NULL, NULL, ":7: error: CONFIG_XEN_COMPAT=0x1000000 is not a Xen version" },
	{ "normal", "floor-major-0", X64 BOTH "CONFIG_XEN_COMPAT=0x000400\n",
	  NULL, NULL, NULL, ":7: error: CONFIG_XEN_COMPAT=0x000400 is not a Xen version" },
	{ "normal", "floor-empty", X64 BOTH "CONFIG_XEN_COMPAT=\n",
	  NULL, NULL, NULL, ":7: error: CONFIG_XEN_COMPAT= is not a Xen version" },
	{ "normal", "floor-trailing-space", X64 BOTH "CONFIG_XEN_COMPAT=0x030200 \n",
	  NULL, NULL, NULL, ":7: error: CONFIG_XEN_COMPAT=0x030200  is not a Xen version" },
	{ "normal", "no-architecture", XEN BOTH F030003,
	  NULL, NULL, NULL, "exactly one of CONFIG_X86_64 and CONFIG_X86_32" },
	{ "normal", "two-architectures", X64 X32 BOTH F030003,
	  NULL, NULL, NULL, "exactly one of CONFIG_X86_64 and CONFIG_X86_32" },
	/* Binary content, wherever it is: a comment or a symbol nobody reads. */
	{ "normal", "control-character", X64 "CONFIG_CMDLINE=\"\x1b[2J\"\n" BOTH F030003,
	  NULL, NULL, NULL, ":5: error: control character at column 17: binary content" },
	{ "normal", "lone-carriage-return", X64 "CONFIG_LOCALVERSION=a\rb\n" BOTH F030003,
	  NULL, NULL, NULL, ":5: error: control character at column 22" },
	{ "normal", "not-utf-8", X64 "# caf\xe9\n" BOTH F030003,
	  NULL, NULL, NULL, ":5: error: byte that is not UTF-8 at column 6" },
	{ "normal", "overlong-utf-8", X64 "# \xc0\xaf\n" BOTH F030003,
	  NULL, NULL, NULL, ":5: error: byte that is not UTF-8 at column 3" },

	{ "wide", "high-bit-in-word-1", X64 BOTH F030003 "CONFIG_XEN_TEST_HIGH_BIT=y\n",
	  "writable_page_tables", "0x00000801, 0x00000100", NULL, NULL },
	{ "wide", "no-high-bit", X64 BOTH F030003,
	  "writable_page_tables", "0x00000801, 0x00000000", NULL, NULL },
	{ "narrow", "high-bit-does-not-fit", X64 BOTH F030003 "CONFIG_XEN_TEST_HIGH_BIT=y\n",
	  NULL, NULL, NULL, ":9: error: feature 'test_high_bit' is bit 40, which does not fit" },
};

/* Configurations holding NUL bytes, which the table above cannot. */
#define NUL_IN_COMMENT X64 "# a\0b\n" BOTH F030003
#define NUL_IN_VALUE X64 "CONFIG_CMDLINE=\"a\0\"\n" BOTH F030003

static const struct {
	const char *name, *config;
	size_t len;
	const char *error;
} nul_cases[] = {
	{ "nul-in-comment", NUL_IN_COMMENT, sizeof(NUL_IN_COMMENT) - 1,
	  ":5: error: NUL byte at column 4: binary content" },
	{ "nul-in-unread-value", NUL_IN_VALUE, sizeof(NUL_IN_VALUE) - 1,
	  ":5: error: NUL byte at column 18" },
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
	buf = size < 0 ? NULL : calloc(1, (size_t)size + 1);
	if (buf && fread(buf, 1, (size_t)size, f) != (size_t)size) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	return buf;
}

static void write_bytes(const char *path, const char *text, size_t len)
{
	FILE *f = fopen(path, "w");

	if (!f || fwrite(text, 1, len, f) != len || fclose(f)) {
		perror(path);
		exit(2);
	}
}

static void write_file(const char *path, const char *text)
{
	write_bytes(path, text, strlen(text));
}

static void path_of(char *buf, size_t size, const char *name, const char *suffix)
{
	snprintf(buf, size, "%s/%s%s", scratch, name, suffix);
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

/* How a child is set up before it runs the program under test. */
struct setup {
	int wait_fd;			/* >= 0: read one byte from it first */
	int signal_in_rename;		/* through the preloaded shim */
	rlim_t fsize;			/* RLIMIT_FSIZE, 0: none */
	rlim_t address_space;		/* RLIMIT_AS, 0: none */
};

#define TIMEOUT 10			/* seconds; SIGALRM ends a blocked child */

static pid_t spawn(char *const argv[], const char *errfile, const struct setup *s)
{
	pid_t pid = fork();
	char byte, sig[16];
	int fd;

	if (pid)
		return pid;
	fd = open(errfile, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || dup2(fd, 2) < 0)
		_exit(126);
	fd = open("/dev/null", O_WRONLY);
	if (fd < 0 || dup2(fd, 1) < 0)
		_exit(126);
	if (s && s->wait_fd >= 0 && read(s->wait_fd, &byte, 1) != 1)
		_exit(126);
	if (s && s->signal_in_rename) {
		/*
		 * As from an interactive shell: a job started in the background
		 * (nohup, or & in a script) inherits SIGINT or SIGHUP ignored,
		 * and generate rightly leaves an ignored signal ignored.
		 */
		signal(s->signal_in_rename, SIG_DFL);
		snprintf(sig, sizeof(sig), "%d", s->signal_in_rename);
		if (!getenv("GEN_TEST_SHIM"))
			_exit(126);
		setenv("LD_PRELOAD", getenv("GEN_TEST_SHIM"), 1);
		setenv("GEN_TEST_SIGNAL_IN_RENAME", sig, 1);
	}
	if (s && s->fsize) {
		struct rlimit rl = { s->fsize, s->fsize };

		signal(SIGXFSZ, SIG_IGN);
		setrlimit(RLIMIT_FSIZE, &rl);
	}
	if (s && s->address_space) {
		struct rlimit rl = { s->address_space, s->address_space };

		setrlimit(RLIMIT_AS, &rl);
	}
	alarm(TIMEOUT);
	execv(argv[0], argv);
	_exit(127);
}

/* Exit status, or -1 with *sig set when a signal ended it. */
static int wait_for(pid_t pid, int *sig)
{
	int status;

	*sig = 0;
	if (pid < 0 || waitpid(pid, &status, 0) < 0)
		return -2;
	if (WIFSIGNALED(status)) {
		*sig = WTERMSIG(status);
		return -1;
	}
	return WEXITSTATUS(status);
}

static int run_setup(char *const argv[], const char *errfile, const struct setup *s, int *sig)
{
	return wait_for(spawn(argv, errfile, s), sig);
}

static int run_generator(const char *config, const char *header, const char *errfile)
{
	char *argv[] = { (char *)generator, "generate", (char *)config, (char *)header, NULL };
	int sig;

	return run_setup(argv, errfile, NULL, &sig);
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

static void run_case(const struct gen_case *c, size_t len)
{
	char config[1024], header[1024], errfile[1024], problem[2048] = "";
	char value[512], expect[512];
	const char *old = "/* the previous header */\n";
	char *text = NULL, *err = NULL;
	int rc;

	path_of(config, sizeof(config), c->name, ".conf");
	path_of(header, sizeof(header), c->name, ".h");
	path_of(errfile, sizeof(errfile), c->name, ".err");
	if (c->config)
		write_bytes(config, c->config, len);
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

static bool temporary_left_in(const char *dir_path)
{
	DIR *dir = opendir(dir_path);
	struct dirent *entry;
	bool found = false;

	while (dir && (entry = readdir(dir)))
		if (strstr(entry->d_name, ".tmp."))
			found = true;
	if (dir)
		closedir(dir);
	return found;
}

static bool temporary_left(void)
{
	return temporary_left_in(scratch);
}

/* Same content: the header keeps its inode and time; new content replaces it whole. */
static void run_rewrite_tests(void)
{
	char config[1024], header[1024], errfile[1024];
	struct stat before, after;
	char *text;

	path_of(config, sizeof(config), "rewrite", ".conf");
	path_of(header, sizeof(header), "rewrite", ".h");
	path_of(errfile, sizeof(errfile), "rewrite", ".err");
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
	       before.st_ino == after.st_ino ? "the header was written in place, not renamed" :
	       (after.st_mode & 0777) != (0666 & ~(mode_t)022) ? "mode is not 0666 less the umask" : NULL);
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

	path_of(config, sizeof(config), "large", ".conf");
	path_of(header, sizeof(header), "large", ".h");
	path_of(errfile, sizeof(errfile), "large", ".err");
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

/* Runs the generator on config (len bytes) into a fresh header; says what went wrong. */
static const char *generate_bytes(const char *name, const char *config_text, size_t len,
				  const char *want_error, char *problem, size_t size)
{
	char config[1024], header[1024], errfile[1024];
	char *text, *err;
	int rc;

	path_of(config, sizeof(config), name, ".conf");
	path_of(header, sizeof(header), name, ".h");
	path_of(errfile, sizeof(errfile), name, ".err");
	write_bytes(config, config_text, len);
	unlink(header);
	rc = run_generator(config, header, errfile);
	text = read_file(header);
	err = read_file(errfile);
	problem[0] = '\0';
	if (!want_error && (rc || !text || !strstr(text, "#define XEN_FEAT_NOTE_WORDS 0x00000801")))
		snprintf(problem, size, "exit %d: %.300s", rc, err ? err : "");
	else if (want_error && (rc != 1 || !err || !strstr(err, want_error)))
		snprintf(problem, size, "exit %d, error '%.300s' lacks '%s'", rc, err ? err : "", want_error);
	else if (want_error && text)
		snprintf(problem, size, "a header was written");
	free(text);
	free(err);
	return problem[0] ? problem : NULL;
}

/* Only the symbols read are bounded: Linux writes long strings. */
static void run_long_line_tests(void)
{
	size_t n = 100000;
	char *text = malloc(n + 512), problem[600];
	size_t len;

	if (!text)
		exit(2);
	len = (size_t)sprintf(text, "CONFIG_CMDLINE=\"");
	memset(text + len, 'x', n);
	len += n;
	len += (size_t)sprintf(text + len, "\"\n%s", X64 BOTH F030003);
	report("100000-character-unread-line", generate_bytes("long-line", text, len, NULL, problem,
							       sizeof(problem)));

	len = (size_t)sprintf(text, "%sCONFIG_XEN_DOM0=", X64);
	memset(text + len, 'y', n);
	len += n;
	len += (size_t)sprintf(text + len, "\n%s", BOTH F030003);
	report("long-value-of-read-symbol",
	       generate_bytes("long-read-value", text, len, ":5: error: CONFIG_XEN_DOM0=yyyy", problem,
			      sizeof(problem)));
	free(text);
}

/* Over the bound, whatever the content: a sparse file costs nothing. */
static void run_size_bound_test(void)
{
	char config[1024], header[1024], errfile[1024];
	char *argv[] = { (char *)generator, "generate", config, header, NULL };
	char *err;
	int fd, rc, sig;

	path_of(config, sizeof(config), "huge", ".conf");
	path_of(header, sizeof(header), "huge", ".h");
	path_of(errfile, sizeof(errfile), "huge", ".err");
	fd = open(config, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || write(fd, "# x\n", 4) != 4 || ftruncate(fd, (64 << 20) + 1) || close(fd)) {
		perror(config);
		exit(2);
	}
	rc = run_setup(argv, errfile, &(struct setup){ .wait_fd = -1 }, &sig);
	err = read_file(errfile);
	report("larger-than-64-MiB",
	       rc == 1 && err && strstr(err, "larger than 64 MiB") ? NULL :
	       sig ? "killed by a signal" : "no 'larger than 64 MiB' error");
	free(err);
	unlink(config);
}

/* No raw path in the header: a comment would end at the first star-slash. */
static void run_path_in_header_tests(void)
{
	static const char *const dirs[] = { "star*/", "new\nline/" };

	for (size_t i = 0; i < 2; i++) {
		char dir[1024], config[1100], header[1024], errfile[1024], cmd[3000];
		const char *name = i ? "newline-in-config-path" : "comment-end-in-config-path";
		char *text;
		int rc;

		snprintf(dir, sizeof(dir), "%s/%s", scratch, dirs[i]);
		mkdir(dir, 0755);
		snprintf(config, sizeof(config), "%sauto.conf", dir);
		path_of(header, sizeof(header), name, ".h");
		path_of(errfile, sizeof(errfile), name, ".err");
		write_file(config, X64 BOTH F030003);
		rc = run_generator(config, header, errfile);
		text = read_file(header);
		/* The header must be C a compiler takes, defining what it should. */
		snprintf(cmd, sizeof(cmd),
			 "printf '#include \"%s\"\\n_Static_assert(sizeof(XEN_FEAT_NOTE_STRING) == 21, \"\");\\n' | "
			 "gcc -fsyntax-only -x c - 2>/dev/null", header);
		report(name, rc ? "the generator failed" :
		       !text || strstr(text, dirs[i]) ? "the path is in the header" :
		       system(cmd) ? "the header does not compile" : NULL);
		free(text);
	}
}

/* The temporary file of old, HEADER.tmp.PID, planted as a symlink. */
static void run_planted_symlink_test(void)
{
	char config[1024], header[1024], errfile[1024], victim[1024], planted[1100];
	char *argv[] = { (char *)generator, "generate", config, header, NULL };
	const char *victim_text = "the victim\n";
	struct stat st;
	char *text, *header_text;
	int fds[2], rc, sig;
	pid_t pid;

	path_of(config, sizeof(config), "planted", ".conf");
	path_of(header, sizeof(header), "planted", ".h");
	path_of(errfile, sizeof(errfile), "planted", ".err");
	path_of(victim, sizeof(victim), "planted", ".victim");
	write_file(config, X64 BOTH F030003);
	write_file(victim, victim_text);
	write_file(header, "/* old */\n");
	if (pipe(fds))
		exit(2);
	pid = spawn(argv, errfile, &(struct setup){ .wait_fd = fds[0] });
	snprintf(planted, sizeof(planted), "%s.tmp.%ld", header, (long)pid);
	if (symlink(victim, planted))
		perror(planted);
	if (write(fds[1], "", 1) != 1)
		exit(2);
	close(fds[0]);
	close(fds[1]);
	rc = wait_for(pid, &sig);
	text = read_file(victim);
	header_text = read_file(header);
	report("planted-symlink-not-followed",
	       rc ? "the generator failed" :
	       !text || strcmp(text, victim_text) ? "the symlink's target was written" :
	       lstat(header, &st) || !S_ISREG(st.st_mode) ? "the header is not a regular file" :
	       !header_text || !strstr(header_text, "XEN_FEAT_NOTE_WORDS 0x00000801") ?
	       "the header was not written" : NULL);
	unlink(planted);
	free(text);
	free(header_text);
}

/* HEADER must be a regular file or absent; nothing else blocks or is replaced. */
static void run_header_kind_tests(void)
{
	static const char *const kinds[] = { "fifo", "directory", "symlink" };
	char config[1024], header[1024], errfile[1024], victim[1024], name[64];
	char *argv[] = { (char *)generator, "generate", config, header, NULL };

	path_of(config, sizeof(config), "kinds", ".conf");
	path_of(victim, sizeof(victim), "kinds", ".victim");
	write_file(config, X64 BOTH F030003);
	for (size_t i = 0; i < 3; i++) {
		struct stat st;
		char *err, *text;
		int rc, sig;

		snprintf(name, sizeof(name), "header-is-%s", kinds[i]);
		path_of(header, sizeof(header), name, ".h");
		path_of(errfile, sizeof(errfile), name, ".err");
		write_file(victim, "victim\n");
		if (i == 0)
			mkfifo(header, 0644);
		else if (i == 1)
			mkdir(header, 0755);
		else
			symlink(victim, header);
		rc = run_setup(argv, errfile, &(struct setup){ .wait_fd = -1 }, &sig);
		err = read_file(errfile);
		text = read_file(victim);
		report(name, sig == SIGALRM ? "blocked" :
		       rc != 1 ? "not refused" :
		       !err || !strstr(err, "not a regular file: refusing to replace it") ? "no message" :
		       lstat(header, &st) || (i == 0 && !S_ISFIFO(st.st_mode)) ||
		       (i == 1 && !S_ISDIR(st.st_mode)) || (i == 2 && !S_ISLNK(st.st_mode)) ?
		       "it was replaced" :
		       !text || strcmp(text, "victim\n") ? "the symlink was followed" :
		       temporary_left() ? "temporary file left" : NULL);
		free(err);
		free(text);
		if (i == 1)
			rmdir(header);
		else
			unlink(header);
	}
}

/* A signal while the temporary file exists, and a failing write: it goes. */
static void run_cleanup_tests(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	static const char *const names[] = { "SIGINT", "SIGTERM", "SIGHUP" };
	char dir[1024], config[1100], header[1100], errfile[1024], name[64];
	char *argv[] = { (char *)generator, "generate", config, header, NULL };
	const char *old = "/* old */\n";

	snprintf(dir, sizeof(dir), "%s/cleanup", scratch);
	mkdir(dir, 0755);
	snprintf(config, sizeof(config), "%s/auto.conf", dir);
	snprintf(header, sizeof(header), "%s/xen-feat-note.h", dir);
	write_file(config, X64 BOTH F030003);
	for (size_t i = 0; i < 4; i++) {
		struct setup s = { .wait_fd = -1 };
		char *text;
		int rc, sig;

		if (i < 3) {
			snprintf(name, sizeof(name), "%s-removes-temporary", names[i]);
			s.signal_in_rename = sigs[i];
		} else {
			snprintf(name, sizeof(name), "write-error-removes-temporary");
			s.fsize = 64;
		}
		path_of(errfile, sizeof(errfile), name, ".err");
		write_file(header, old);
		rc = run_setup(argv, errfile, &s, &sig);
		text = read_file(header);
		report(name, i < 3 && sig != sigs[i] ? "not ended by the signal" :
		       i == 3 && rc != 1 ? "the write error was not reported" :
		       temporary_left_in(dir) ? "temporary file left" :
		       !text || strcmp(text, old) ? "the header was changed" : NULL);
		free(text);
	}
}

/* check --config reads with the same reader and bounds. */
static void run_check_config_tests(void)
{
	static const struct {
		const char *name;
		int status;
		const char *message;
	} tests[] = {
		{ "check-config-fifo", 4, "a FIFO (named pipe), not a regular file" },
		{ "check-config-dev-zero", 4, "a character device, not a regular file" },
		{ "check-config-directory", 4, "a directory, not a regular file" },
		{ "check-config-unreadable", 4, "cannot read the configuration" },
		{ "check-config-binary", 5, ":2: NUL byte at column 3" },
		{ "check-config-bool-m", 5, ":1: CONFIG_XEN_DOM0=m: malformed value" },
		{ "check-config-floor", 5, ":1: CONFIG_XEN_COMPAT=0xffffffff is not a Xen version" },
		{ "check-config-too-big", 9, "larger than 64 MiB" },
	};
	char config[1100], errfile[1024], image[1024];
	char *argv[] = { (char *)generator, "check", "--config", config, image, NULL };

	path_of(image, sizeof(image), "no-image-needed", "");
	for (size_t i = 0; i < sizeof(tests) / sizeof(tests[0]); i++) {
		struct setup s = { .wait_fd = -1, .address_space = 1ul << 30 };
		char *err;
		int rc, sig, fd;

		path_of(config, sizeof(config), tests[i].name, ".conf");
		path_of(errfile, sizeof(errfile), tests[i].name, ".err");
		unlink(config);
		switch (i) {
		case 0: mkfifo(config, 0644); break;
		case 1: snprintf(config, sizeof(config), "/dev/zero"); break;
		case 2: mkdir(config, 0755); break;
		case 3: write_file(config, "CONFIG_XEN=y\n"); strcat(config, "/below"); break;
		case 4: write_bytes(config, "CONFIG_XEN=y\n# \0\n", 17); break;
		case 5: write_file(config, "CONFIG_XEN_DOM0=m\n"); break;
		case 6: write_file(config, "CONFIG_XEN_COMPAT=0xffffffff\n"); break;
		case 7:
			fd = open(config, O_WRONLY | O_CREAT | O_TRUNC, 0644);
			if (fd < 0 || ftruncate(fd, (64 << 20) + 1) || close(fd))
				exit(2);
			break;
		}
		rc = run_setup(argv, errfile, &s, &sig);
		err = read_file(errfile);
		report(tests[i].name, sig == SIGALRM ? "blocked" : sig ? "killed by a signal" :
		       rc != tests[i].status ? "wrong exit status" :
		       !err || !strstr(err, tests[i].message) ? "message missing" : NULL);
		if (sig || rc != tests[i].status || !err || !strstr(err, tests[i].message))
			fprintf(stderr, "  %s: exit %d, signal %d: %s", tests[i].name, rc, sig, err ? err : "");
		free(err);
		if (i == 2)
			rmdir(config);
		else if (i != 1)
			unlink(config);
	}
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
	umask(022);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		if (!strcmp(cases[i].variant, variant))
			run_case(&cases[i], cases[i].config ? strlen(cases[i].config) : 0);
	if (!strcmp(variant, "normal")) {
		for (size_t i = 0; i < sizeof(nul_cases) / sizeof(nul_cases[0]); i++) {
			struct gen_case c = { "normal", nul_cases[i].name, nul_cases[i].config,
					      NULL, NULL, NULL, nul_cases[i].error };

			run_case(&c, nul_cases[i].len);
		}
		run_rewrite_tests();
		run_large_config_test();
		run_long_line_tests();
		run_size_bound_test();
		run_path_in_header_tests();
		run_planted_symlink_test();
		run_header_kind_tests();
		run_cleanup_tests();
		run_check_config_tests();
	}
	fprintf(stderr, "gen-test %s: %d passed, %d failed\n", variant, passed, failed);
	return failed ? 1 : 0;
}
