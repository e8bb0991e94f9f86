// SPDX-License-Identifier: GPL-2.0
/*
 * Makes the inputs the check suite feeds to `xen-feat-note check`: ELF
 * images with chosen notes, either class and byte order, and headers
 * that lie when told to; minimal bzImages around a payload; the 4-byte
 * size Linux appends to a compressed kernel.
 *
 *   craft elf OUT [--class 32|64] [--big] [--machine N]
 *              [--note TYPE:str:TEXT] [--note TYPE:words:W,W..]
 *              [--note TYPE:bytes:B,B..] [--note TYPE:num:VALUE]
 *              [--raw-note NAMESZ:DESCSZ:TYPE] [--many-notes N]
 *              [--notes-file FILE]  (note bytes as they are, e.g. from objcopy)
 *              [--sections-only] [--notes-at OFFSET] [--load VADDR[:PADDR]]
 *              [--phoff V] [--phentsize V] [--phnum V] [--shnum V] [--shstrndx V]
 *              [--note-offset V] [--note-filesz V] [--truncate N]
 *   craft bzimage PAYLOAD OUT [--setup-sects N] [--protocol V]
 *              [--payload-offset V] [--payload-length V]
 *   craft scatter OUT SIZE STEP  (a sparse ELF64 of SIZE bytes whose tables
 *              point backwards: program headers STEP... see scatter_main)
 *   craft le32 N          (4 bytes, little-endian, to stdout)
 *
 * --note kinds: str (with its NUL), rawstr (without), num (the class's
 * word), words (32-bit), quads (64-bit), bytes.
 *
 * --load VADDR[:PADDR] adds a PT_LOAD program header after the PT_NOTE
 * one: one page of memory at VADDR, physical address PADDR (default
 * VADDR), nothing from the file; e_entry is VADDR.  Xen's loaders refuse
 * an image with no loadable segment ("ELF start or entries are out of
 * bounds"), whatever its notes say; with one, only the notes decide.
 * With --sections-only the note program header is PT_NULL.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define UNSET UINT64_MAX

static bool big, is64 = true;

static void die(const char *msg, const char *arg)
{
	fprintf(stderr, "craft: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
	exit(2);
}

static uint64_t num(const char *s)
{
	char *end;
	unsigned long long v = strtoull(s, &end, 0);

	if (*end || !*s)
		die("not a number", s);
	return v;
}

static void put(unsigned char *p, uint64_t v, int size)
{
	for (int i = 0; i < size; i++)
		p[big ? size - 1 - i : i] = (unsigned char)(v >> (8 * i));
}

struct buf {
	unsigned char *p;
	size_t len, cap;
};

static void add(struct buf *b, const void *data, size_t len)
{
	if (b->len + len > b->cap) {
		b->cap = (b->len + len) * 2 + 64;
		b->p = realloc(b->p, b->cap);
		if (!b->p)
			die("out of memory", NULL);
	}
	if (data)
		memcpy(b->p + b->len, data, len);
	else
		memset(b->p + b->len, 0, len);
	b->len += len;
}

static void add_uint(struct buf *b, uint64_t v, int size)
{
	unsigned char t[8];

	put(t, v, size);
	add(b, t, (size_t)size);
}

static void pad4(struct buf *b)
{
	while (b->len % 4)
		add(b, NULL, 1);
}

static void add_note(struct buf *b, uint32_t type, const void *desc, size_t len)
{
	add_uint(b, 4, 4);
	add_uint(b, len, 4);
	add_uint(b, type, 4);
	add(b, "Xen", 4);
	add(b, desc, len);
	pad4(b);
}

/* PT_LOAD, RWX, one page at vaddr (physical paddr), no file bytes. */
static void add_load_phdr(struct buf *b, uint64_t vaddr, uint64_t paddr,
			  size_t phsize)
{
	unsigned char ph[56] = { 0 };

	put(ph, 1, 4);					/* PT_LOAD */
	if (is64) {
		put(ph + 4, 7, 4);			/* PF_R | PF_W | PF_X */
		put(ph + 16, vaddr, 8);
		put(ph + 24, paddr, 8);
		put(ph + 40, 0x1000, 8);
		put(ph + 48, 0x1000, 8);
	} else {
		put(ph + 8, vaddr, 4);
		put(ph + 12, paddr, 4);
		put(ph + 20, 0x1000, 4);
		put(ph + 24, 7, 4);
		put(ph + 28, 0x1000, 4);
	}
	add(b, ph, phsize);
}

/* "VADDR[:PADDR]" */
static void load_arg(char *arg, uint64_t *vaddr, uint64_t *paddr)
{
	char *pa = strchr(arg, ':');

	if (pa)
		*pa++ = '\0';
	*vaddr = num(arg);
	*paddr = pa ? num(pa) : *vaddr;
}

/* "TYPE:kind:value" */
static void note_arg(struct buf *b, char *arg)
{
	char *kind = strchr(arg, ':'), *val;
	struct buf d = { 0 };
	uint32_t type;

	if (!kind || !(val = strchr(kind + 1, ':')))
		die("--note wants TYPE:KIND:VALUE", arg);
	*kind++ = '\0';
	*val++ = '\0';
	type = (uint32_t)num(arg);
	if (!strcmp(kind, "str")) {
		add(&d, val, strlen(val) + 1);
	} else if (!strcmp(kind, "rawstr")) {		/* no NUL */
		add(&d, val, strlen(val));
	} else if (!strcmp(kind, "num")) {
		add_uint(&d, num(val), is64 ? 8 : 4);
	} else if (!strcmp(kind, "words") || !strcmp(kind, "bytes") || !strcmp(kind, "quads")) {
		int size = kind[0] == 'w' ? 4 : kind[0] == 'q' ? 8 : 1;

		for (char *t = strtok(val, ","); t; t = strtok(NULL, ","))
			add_uint(&d, num(t), size);
	} else {
		die("unknown note kind", kind);
	}
	add_note(b, type, d.p, d.len);
	free(d.p);
}

static int elf_main(int argc, char **argv)
{
	struct buf notes = { 0 }, out = { 0 };
	const char *path = argv[2];
	uint64_t notes_at = 0, truncate_to = UINT64_MAX, load = UNSET, load_pa = UNSET;
	/* Header overrides; UNSET: the truthful value. */
	uint64_t phoff = UNSET, phentsize = UNSET, phnum = UNSET, note_off = UNSET,
		 note_filesz = UNSET, shnum = UNSET, shstrndx = UNSET;
	unsigned int machine = 62;
	bool sections_only = false, no_phdrs;
	size_t ehsize, phsize, shsize, nr_ph;

	/* Class and byte order first: every note is written in them. */
	for (int i = 3; i < argc; i++) {
		if (!strcmp(argv[i], "--big"))
			big = true;
		else if (!strcmp(argv[i], "--class") && i + 1 < argc)
			is64 = num(argv[i + 1]) == 64;
	}
	for (int i = 3; i < argc; i++) {
		const char *o = argv[i];
		char *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (!strcmp(o, "--big"))
			continue;
		if (!strcmp(o, "--sections-only")) {
			sections_only = true;
			continue;
		}
		if (!v)
			die("option needs a value", o);
		i++;
		if (!strcmp(o, "--class"))
			continue;
		else if (!strcmp(o, "--machine"))
			machine = (unsigned int)num(v);
		else if (!strcmp(o, "--note"))
			note_arg(&notes, v);
		else if (!strcmp(o, "--raw-note")) {
			char *a = strtok(v, ":"), *b = strtok(NULL, ":"), *c = strtok(NULL, ":");

			if (!a || !b || !c)
				die("--raw-note wants NAMESZ:DESCSZ:TYPE", NULL);
			add_uint(&notes, num(a), 4);
			add_uint(&notes, num(b), 4);
			add_uint(&notes, num(c), 4);
			add(&notes, "Xen", 4);
		} else if (!strcmp(o, "--notes-file")) {
			FILE *nf = fopen(v, "rb");
			unsigned char chunk[4096];
			size_t n;

			if (!nf)
				die("cannot read", v);
			while ((n = fread(chunk, 1, sizeof(chunk), nf)) > 0)
				add(&notes, chunk, n);
			fclose(nf);
		} else if (!strcmp(o, "--many-notes")) {
			for (uint64_t n = num(v); n; n--)
				add_note(&notes, 99, NULL, 0);
		} else if (!strcmp(o, "--notes-at"))
			notes_at = num(v);
		else if (!strcmp(o, "--load"))
			load_arg(v, &load, &load_pa);
		else if (!strcmp(o, "--phoff"))
			phoff = num(v);
		else if (!strcmp(o, "--phentsize"))
			phentsize = num(v);
		else if (!strcmp(o, "--phnum"))
			phnum = num(v);
		else if (!strcmp(o, "--shnum"))
			shnum = num(v);
		else if (!strcmp(o, "--shstrndx"))
			shstrndx = num(v);
		else if (!strcmp(o, "--note-offset"))
			note_off = num(v);
		else if (!strcmp(o, "--note-filesz"))
			note_filesz = num(v);
		else if (!strcmp(o, "--truncate"))
			truncate_to = num(v);
		else
			die("unknown option", o);
	}

	ehsize = is64 ? 64 : 52;
	phsize = is64 ? 56 : 32;
	shsize = is64 ? 64 : 40;
	nr_ph = load != UNSET ? 2 : 1;
	no_phdrs = sections_only && load == UNSET;
	/*
	 * Layout: ELF header, the PT_NOTE program header (and the PT_LOAD
	 * one), notes, then 3 section headers.
	 */
	if (!notes_at)
		notes_at = ehsize + nr_ph * phsize;
	if (notes_at < ehsize + nr_ph * phsize)
		die("--notes-at overlaps the headers", NULL);

	{
		unsigned char eh[64] = { 0x7f, 'E', 'L', 'F' };
		uint64_t shoff = (notes_at + notes.len + 7) & ~(uint64_t)7;
		int w = is64 ? 8 : 4;
		unsigned char *p = eh + 16;

		eh[4] = is64 ? 2 : 1;
		eh[5] = big ? 2 : 1;
		eh[6] = 1;
		put(p, 2, 2);					/* e_type EXEC */
		put(p + 2, machine, 2);
		put(p + 4, 1, 4);				/* e_version */
		put(p + 8, load != UNSET ? load : 0, w);	/* e_entry */
		put(p + 8 + w, phoff != UNSET ? phoff : (no_phdrs ? 0 : ehsize), w);
		put(p + 8 + 2 * w, shoff, w);
		p += 8 + 3 * w;
		put(p + 4, ehsize, 2);
		put(p + 6, phentsize != UNSET ? phentsize : phsize, 2);
		put(p + 8, phnum != UNSET ? phnum : (no_phdrs ? 0 : nr_ph), 2);
		put(p + 10, shsize, 2);
		put(p + 12, shnum != UNSET ? shnum : 3, 2);	/* e_shnum */
		put(p + 14, shstrndx != UNSET ? shstrndx : 2, 2);	/* e_shstrndx */
		add(&out, eh, ehsize);

		unsigned char ph[56] = { 0 };
		uint64_t off = note_off != UNSET ? note_off : notes_at;
		uint64_t fsz = note_filesz != UNSET ? note_filesz : notes.len;

		put(ph, sections_only ? 0 : 4, 4);		/* PT_NOTE or PT_NULL */
		if (is64) {
			put(ph + 4, 4, 4);
			put(ph + 8, off, 8);
			put(ph + 32, fsz, 8);
			put(ph + 40, fsz, 8);
			put(ph + 48, 4, 8);
		} else {
			put(ph + 4, off, 4);
			put(ph + 16, fsz, 4);
			put(ph + 20, fsz, 4);
			put(ph + 28, 4, 4);
		}
		add(&out, ph, phsize);
		if (load != UNSET)
			add_load_phdr(&out, load, load_pa, phsize);
		add(&out, NULL, notes_at - out.len);
		add(&out, notes.p, notes.len);
		add(&out, NULL, shoff - out.len);

		/* null section, .note.Xen, .shstrtab (whose strings follow the headers) */
		static const char strtab[] = "\0.note.Xen\0.shstrtab";
		unsigned char sh[64];
		uint64_t stroff = shoff + 3 * shsize;

		memset(sh, 0, sizeof(sh));
		add(&out, sh, shsize);
		put(sh, 1, 4);
		put(sh + 4, 7, 4);				/* SHT_NOTE */
		put(sh + (is64 ? 24 : 16), off, w);
		put(sh + (is64 ? 32 : 20), fsz, w);
		add(&out, sh, shsize);
		memset(sh, 0, sizeof(sh));
		put(sh, 11, 4);
		put(sh + 4, 3, 4);				/* SHT_STRTAB */
		put(sh + (is64 ? 24 : 16), stroff, w);
		put(sh + (is64 ? 32 : 20), sizeof(strtab), w);
		add(&out, sh, shsize);
		add(&out, strtab, sizeof(strtab));
	}

	FILE *f = fopen(path, "wb");
	size_t len = out.len < truncate_to ? out.len : (size_t)truncate_to;

	if (!f || fwrite(out.p, 1, len, f) != len || fclose(f))
		die("cannot write", path);
	free(out.p);
	free(notes.p);
	return 0;
}

static int bzimage_main(int argc, char **argv)
{
	FILE *in = fopen(argv[2], "rb"), *out;
	struct buf payload = { 0 }, img = { 0 };
	unsigned char chunk[65536];
	size_t n;
	unsigned int setup = 4, protocol = 0x020f;
	uint64_t pl_off = 0x100;
	uint64_t pl_len = UNSET, pl_off_field = UNSET;

	if (!in)
		die("cannot read", argv[2]);
	while ((n = fread(chunk, 1, sizeof(chunk), in)) > 0)
		add(&payload, chunk, n);
	fclose(in);
	for (int i = 4; i + 1 < argc; i += 2) {
		if (!strcmp(argv[i], "--setup-sects"))
			setup = (unsigned int)num(argv[i + 1]);
		else if (!strcmp(argv[i], "--protocol"))
			protocol = (unsigned int)num(argv[i + 1]);
		else if (!strcmp(argv[i], "--payload-offset"))
			pl_off_field = num(argv[i + 1]);
		else if (!strcmp(argv[i], "--payload-length"))
			pl_len = num(argv[i + 1]);
		else
			die("unknown option", argv[i]);
	}
	big = false;
	/* Boot sector and setup sectors: the header lives in the first two. */
	add(&img, NULL, (size_t)((setup ? setup : 4) + 1) * 512);
	img.p[0x1f1] = (unsigned char)setup;
	put(img.p + 0x1fe, 0xaa55, 2);
	memcpy(img.p + 0x202, "HdrS", 4);
	put(img.p + 0x206, protocol, 2);
	put(img.p + 0x248, pl_off_field != UNSET ? pl_off_field : pl_off, 4);
	put(img.p + 0x24c, pl_len != UNSET ? pl_len : payload.len, 4);
	/* Protected-mode code would come first; a stand-in of the right size. */
	memset(chunk, 0x90, pl_off);
	add(&img, chunk, pl_off);
	add(&img, payload.p, payload.len);
	add(&img, NULL, 16);				/* trailing bytes, as real images have */
	out = fopen(argv[3], "wb");
	if (!out || fwrite(img.p, 1, img.len, out) != img.len || fclose(out))
		die("cannot write", argv[3]);
	free(img.p);
	free(payload.p);
	return 0;
}

/*
 * An ELF64 image of size bytes, all zeros but for its tables, laid out
 * backwards near its end, each STEP bytes below the one that points to
 * it: the program header table 4 KiB from the end; two PT_NOTE segments
 * holding only a GNU note, STEP and 2 STEP from the end; the section
 * header table 3 STEP from the end; the one SHT_NOTE section, with the
 * Xen notes, 4 STEP from the end.  Xen finds no Xen note in the segments
 * and reads the section.  Written sparse, for a compressor to read.
 */
static int scatter_main(int argc, char **argv)
{
	uint64_t size = num(argv[3]), step = num(argv[4]);
	uint64_t phoff = size - 4096, seg1 = size - step, seg2 = size - 2 * step;
	uint64_t shoff = size - 3 * step, sec = size - 4 * step;
	struct buf xen = { 0 }, gnu = { 0 }, eh = { 0 }, ph = { 0 }, sh = { 0 };
	unsigned char e[64] = { 0x7f, 'E', 'L', 'F', 2, 1, 1 }, h[64];
	FILE *f;

	(void)argc;
	if (size < 5 * step || step < 8192)
		die("scatter wants SIZE >= 5 STEP and STEP >= 8192", NULL);
	big = false;
	is64 = true;
	note_arg(&xen, (char[]){ "6:str:linux" });
	note_arg(&xen, (char[]){ "5:str:xen-3.0" });
	note_arg(&xen, (char[]){ "8:str:generic" });
	note_arg(&xen, (char[]){ "10:str:!writable_page_tables" });
	note_arg(&xen, (char[]){ "17:words:0x801" });
	add_uint(&gnu, 4, 4);
	add_uint(&gnu, 4, 4);
	add_uint(&gnu, 3, 4);				/* NT_GNU_BUILD_ID */
	add(&gnu, "GNU", 4);
	add(&gnu, "\x01\x02\x03\x04", 4);

	put(e + 16, 2, 2);				/* ET_EXEC */
	put(e + 18, 62, 2);
	put(e + 20, 1, 4);
	put(e + 24, 0xffffffff80001000ull, 8);
	put(e + 32, phoff, 8);
	put(e + 40, shoff, 8);
	put(e + 52, 64, 2);
	put(e + 54, 56, 2);
	put(e + 56, 3, 2);
	put(e + 58, 64, 2);
	put(e + 60, 2, 2);
	add(&eh, e, 64);
	for (int i = 0; i < 2; i++) {
		memset(h, 0, sizeof(h));
		put(h, 4, 4);				/* PT_NOTE */
		put(h + 4, 4, 4);
		put(h + 8, i ? seg1 : seg2, 8);
		put(h + 32, gnu.len, 8);
		put(h + 40, gnu.len, 8);
		put(h + 48, 4, 8);
		add(&ph, h, 56);
	}
	add_load_phdr(&ph, 0xffffffff80001000ull, 0x1000, 56);
	memset(h, 0, sizeof(h));
	add(&sh, h, 64);
	put(h + 4, 7, 4);				/* SHT_NOTE */
	put(h + 24, sec, 8);
	put(h + 32, xen.len, 8);
	put(h + 48, 4, 8);
	add(&sh, h, 64);

	f = fopen(argv[2], "wb");
	if (!f || fwrite(eh.p, 1, eh.len, f) != eh.len ||
	    fseeko(f, (off_t)sec, SEEK_SET) || fwrite(xen.p, 1, xen.len, f) != xen.len ||
	    fseeko(f, (off_t)shoff, SEEK_SET) || fwrite(sh.p, 1, sh.len, f) != sh.len ||
	    fseeko(f, (off_t)seg2, SEEK_SET) || fwrite(gnu.p, 1, gnu.len, f) != gnu.len ||
	    fseeko(f, (off_t)seg1, SEEK_SET) || fwrite(gnu.p, 1, gnu.len, f) != gnu.len ||
	    fseeko(f, (off_t)phoff, SEEK_SET) || fwrite(ph.p, 1, ph.len, f) != ph.len ||
	    fseeko(f, (off_t)size - 1, SEEK_SET) || fputc(0, f) == EOF || fclose(f))
		die("cannot write", argv[2]);
	free(xen.p);
	free(gnu.p);
	free(eh.p);
	free(ph.p);
	free(sh.p);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc >= 3 && !strcmp(argv[1], "elf"))
		return elf_main(argc, argv);
	if (argc >= 4 && !strcmp(argv[1], "bzimage"))
		return bzimage_main(argc, argv);
	if (argc == 5 && !strcmp(argv[1], "scatter"))
		return scatter_main(argc, argv);
	if (argc == 3 && !strcmp(argv[1], "le32")) {
		unsigned char t[4];
		uint64_t v = num(argv[2]);

		big = false;
		put(t, v, 4);
		return fwrite(t, 1, 4, stdout) != 4;
	}
	die("usage: craft elf OUT [...] | craft bzimage PAYLOAD OUT [...] | craft scatter OUT SIZE STEP | craft le32 N", NULL);
	return 2;
}
