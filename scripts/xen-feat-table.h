/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What Xen makes of a guest's feature notes: one table of features and
 * one of hypervisor generations.  The generator and the checker both
 * read these and nothing else; a new Xen release is an edit here.
 */
#ifndef XEN_FEAT_TABLE_H
#define XEN_FEAT_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <xen/interface/features.h>

/* Words in the SUPPORTED_FEATURES bit array; tests may build with more. */
#ifndef XEN_FEAT_NR_WORDS
#define XEN_FEAT_NR_WORDS XENFEAT_NR_SUBMAPS
#endif

#define XEN_VERSION_CODE(major, minor, rel) \
	(((uint32_t)(major) << 16) | ((uint32_t)(minor) << 8) | (uint32_t)(rel))

struct xen_feature {
	const char *name;
	unsigned int nr;		/* XENFEAT_* */
	uint32_t string_since;		/* first Xen whose FEATURES parser knows it; 0: none does */
};

/* What a generation's FEATURES parser does with a name it does not know. */
enum xen_unknown_name {
	XEN_UNKNOWN_WARNS,		/* logs it, loads the image */
	XEN_UNKNOWN_REJECTS,		/* rejects the image, says nothing */
	XEN_UNKNOWN_IGNORED,		/* ignored, unless required ('!') */
};

/* How a generation reads the PAE_MODE string. */
enum xen_pae_reading {
	XEN_PAE_BEGINS_YES,		/* 3.0.3: PAE when it begins "yes" */
	XEN_PAE_BEGINS_BIMODAL_OR_YES,	/* 3.0.4: bimodal when it begins "bimodal", else as 3.0.3 */
	XEN_PAE_IS_YES_HAS_BIMODAL,	/* libelf: PAE when it is "yes", bimodal when it holds "bimodal";
					 * every PAE_MODE note is read and one that is neither changes nothing */
};

/* What the kernel says of PAE, as one generation reads it. */
enum xen_pae_mode {
	XEN_PAE_NO,
	XEN_PAE_YES,
	XEN_PAE_BIMODAL,		/* runs with or without PAE */
};

/*
 * One row per change in how Xen reads a guest's notes.  The messages are
 * what that Xen prints when it turns an image away; NULL where it checks
 * nothing of the kind.
 */
struct xen_generation {
	const char *label;		/* "3.2-4.1" */
	uint32_t first;			/* oldest release of the generation */
	uint32_t last;			/* newest; UINT32_MAX: open-ended */
	const char *source;		/* where xen-project/xen decides all this */
	bool reads_notes;		/* false: only the __xen_guest section (3.0.2) */
	bool old_parser;		/* 3.0.x: a piece matches any name it begins; ',' ends the string */
	bool checks_elf_header;		/* 3.0.x: class, machine, byte order and ET_EXEC must be the build's own */
	bool needs_shstrndx;		/* refuses an image whose e_shstrndx is SHN_UNDEF */
	bool notes_in_sections_only;	/* 3.0.x: notes come from SHT_NOTE sections, never from PT_NOTE */
	bool toolstack_needs_shstrtab;	/* domU refused when e_shstrndx names no section header */
	bool notes_needed_on_x86_only;	/* an image without any note area is refused only when x86 */
	bool arm_skips_note_check;	/* EM_ARM: no LOADER, GUEST_OS or XEN_VERSION needed */
	enum xen_pae_reading pae_reading;
	bool pae_must_match;		/* 3.0.x: dom0 and domU PAE must be the build's paging mode */
	enum xen_unknown_name unknown_name;
	bool dom0_refuses_required;	/* dom0 builder panics when FEATURES requires anything */
	bool reads_supported_features;	/* reads the type 17 bit array */
	bool dom0_needs_bit;		/* refuses dom0 without XENFEAT_dom0 when type 17 is present */
	bool required_dom0_refuses_domu;/* '!dom0' stops the toolstack building a domU */
	bool checks_xen_version;	/* refuses XEN_VERSION other than "xen-3.0" */
	bool toolstack_checks_xen_version; /* so does the domU builder (3.0.x: only it) */
	bool dom0_refuses_big_endian;	/* the dom0 builder wants a little-endian kernel */
	uint64_t hv_start_low_max;	/* a 32-bit dom0's HV_START_LOW rounded up to 2 MiB may not pass it; 0: unchecked */
	bool runs_32bit_on_64bit;	/* an x86_64 build runs 32-bit PAE PV guests */
	bool pv32_off_by_default;	/* CONFIG_PV32 defaults to n */
	const char *msg_no_notes;	/* neither notes nor __xen_guest */
	const char *msg_loader;		/* LOADER not "generic" and GUEST_OS not "linux" */
	const char *msg_xen_version;	/* XEN_VERSION not "xen-3.0" */
	const char *msg_required;	/* dom0_refuses_required */
	const char *msg_no_pv32;	/* 32-bit dom0 on an x86_64 build without 32-bit PV */
	const char *msg_elf_header;	/* checks_elf_header: not the build's kind of ELF */
	const char *msg_dom0_mismatch;	/* dom0 of a word size, machine or PAE mode the build does not run */
};

/* A kind of hypervisor build: which guests its word size lets it run. */
enum xen_build_kind {
	XEN_BUILD_X86_64,		/* 64-bit; 32-bit PV too where the generation has it */
	XEN_BUILD_X86_64_NO_PV32,	/* 64-bit, CONFIG_PV32=n */
	XEN_BUILD_X86_32,		/* 32-bit PAE hypervisor */
};

struct xen_build {
	enum xen_build_kind kind;
	const char *label;		/* "x86_64 without 32-bit PV" */
	const char *key;		/* "x86_64-nopv32", for scripts */
	uint32_t first, last;		/* releases built this way */
	const char *source;
};

extern const struct xen_feature xen_features[];
extern const size_t xen_nr_features;
extern const struct xen_generation xen_generations[];
extern const size_t xen_nr_generations;
extern const struct xen_build xen_builds[];
extern const size_t xen_nr_builds;

const struct xen_feature *xen_feature_by_name(const char *name, size_t len);
const struct xen_feature *xen_feature_by_nr(unsigned int nr);
const struct xen_generation *xen_generation_of(uint32_t version);
const struct xen_build *xen_build_by_kind(enum xen_build_kind kind);
bool xen_build_exists(const struct xen_build *build, const struct xen_generation *gen);
/* Whether a build of this generation runs PV guests of that word size. */
bool xen_build_runs(const struct xen_build *build, const struct xen_generation *gen,
		    bool guest64);
bool xen_generation_knows(const struct xen_generation *gen,
			  const struct xen_feature *feat);

/* "3.0.2", "4.1", "4.17": 0 and *end unchanged when it is not a version. */
uint32_t xen_parse_version(const char *text, const char **end);
/* "3.0.2" or "4.17" into buf; returns buf. */
const char *xen_format_version(uint32_t version, char *buf, size_t size);

/*
 * One generation's reading of a FEATURES string, as its parser would do it.
 * supported/required: XEN_FEAT_NR_WORDS words each.
 */
enum xen_string_verdict {
	XEN_STRING_OK,
	XEN_STRING_UNKNOWN_WARNED,	/* loads; an unknown name was logged */
	XEN_STRING_UNKNOWN_REJECTED,	/* 3.1-4.1: any unknown name */
	XEN_STRING_REQUIRED_UNKNOWN,	/* 4.2+: '!name' it does not know */
};

struct xen_string_reading {
	enum xen_string_verdict verdict;
	uint32_t supported[XEN_FEAT_NR_WORDS];
	uint32_t required[XEN_FEAT_NR_WORDS];
	char culprit[64];		/* the name behind a non-OK verdict */
};

void xen_read_feature_string(const struct xen_generation *gen,
			     const char *str, size_t len,
			     struct xen_string_reading *out);

/*
 * A PAE_MODE string (text, len: up to its NUL) as this generation reads
 * it, after earlier PAE_MODE notes left the mode at before.
 */
enum xen_pae_mode xen_read_pae_mode(const struct xen_generation *gen,
				    const char *text, size_t len,
				    enum xen_pae_mode before);
/* Whether a 32-bit dom0 whose HV_START_LOW note says value is refused. */
bool xen_hv_start_low_too_high(const struct xen_generation *gen, uint64_t value);

/* How Xen's loader reads a note's descriptor. */
enum xen_note_kind {
	XEN_NOTE_STRING,		/* NUL-terminated text */
	XEN_NOTE_NUMBER,		/* 1, 2, 4 or 8 bytes; other sizes read as 0 */
	XEN_NOTE_BIT_ARRAY,		/* SUPPORTED_FEATURES: see xen_read_supported_features() */
	XEN_NOTE_NUMBER_LIST,		/* L1_MFN_VALID: mask and value, 32- or 64-bit by the descriptor's size */
	XEN_NOTE_PHYS32_RELOC,		/* presence, then up to three 32-bit words: align, min, max */
};

struct xen_note_type {
	const char *name;		/* "FEATURES": the XEN_ELFNOTE_* suffix */
	unsigned int type;		/* XEN_ELFNOTE_* */
	enum xen_note_kind kind;
};

extern const struct xen_note_type xen_note_types[];
extern const size_t xen_nr_note_types;
const struct xen_note_type *xen_note_type_by_nr(unsigned int type);

/*
 * One generation's reading of a SUPPORTED_FEATURES descriptor of descsz
 * bytes whose whole 32-bit words (descsz / 4 of them, already in host
 * order) are in words[]: out[] (XEN_FEAT_NR_WORDS words) gets what it ORs
 * into its supported set.
 */
void xen_read_supported_features(const struct xen_generation *gen,
				 const uint32_t *words, size_t descsz,
				 uint32_t out[XEN_FEAT_NR_WORDS]);

#endif /* XEN_FEAT_TABLE_H */
