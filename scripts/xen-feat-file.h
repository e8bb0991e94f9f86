/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Reading a small file whole: a kernel configuration, a hypervisor image.
 * What is not a regular file is refused without blocking on it (a FIFO,
 * a terminal), and so is a file larger than the bound the caller gives.
 */
#ifndef XEN_FEAT_FILE_H
#define XEN_FEAT_FILE_H

#include <stddef.h>
#include <sys/types.h>

enum xfc_file_status {
	XFC_FILE_OK,
	XFC_FILE_CANNOT_OPEN,		/* errnum says why */
	XFC_FILE_NOT_REGULAR,		/* mode says what it is */
	XFC_FILE_TOO_BIG,
	XFC_FILE_READ_ERROR,		/* errnum says why */
	XFC_FILE_NO_MEMORY,
};

struct xfc_file_failure {
	int errnum;
	mode_t mode;
};

/*
 * The whole of path, at most max bytes, in *text (NUL-terminated, to be
 * freed) and *len; on failure, what went wrong in *why.
 */
enum xfc_file_status xfc_file_read(const char *path, size_t max, char **text,
				   size_t *len, struct xfc_file_failure *why);
/* "a directory", "a FIFO (named pipe)", ...: what a file that is not regular is. */
const char *xfc_file_kind(mode_t mode);

#endif /* XEN_FEAT_FILE_H */
