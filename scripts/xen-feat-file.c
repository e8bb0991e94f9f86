// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xen-feat-file.h"

const char *xfc_file_kind(mode_t mode)
{
	if (S_ISDIR(mode))
		return "a directory";
	if (S_ISFIFO(mode))
		return "a FIFO (named pipe)";
	if (S_ISCHR(mode))
		return "a character device";
	if (S_ISBLK(mode))
		return "a block device";
	if (S_ISSOCK(mode))
		return "a socket";
	if (S_ISLNK(mode))
		return "a symbolic link";
	return "a special file";
}

/*
 * Reads fd to its end: size bytes, as fstat() said, or more or fewer if
 * the file changes meanwhile; more than max is too big.
 */
static enum xfc_file_status read_all(int fd, size_t size, size_t max, char **text,
				     size_t *len, struct xfc_file_failure *why)
{
	size_t cap = size + 1, used = 0;
	char *buf = malloc(cap), *bigger;

	while (buf) {
		ssize_t got;
		char extra;

		/* Full: one byte more says whether the file goes on. */
		if (used == cap - 1)
			got = read(fd, &extra, 1);
		else
			got = read(fd, buf + used, cap - 1 - used);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			why->errnum = errno;
			free(buf);
			return XFC_FILE_READ_ERROR;
		}
		if (got == 0) {
			buf[used] = '\0';
			*text = buf;
			*len = used;
			return XFC_FILE_OK;
		}
		if (used < cap - 1) {
			used += (size_t)got;
			continue;
		}
		if (used >= max) {
			free(buf);
			return XFC_FILE_TOO_BIG;
		}
		cap = used > max / 2 ? max + 1 : 2 * cap;
		bigger = realloc(buf, cap);
		if (!bigger)
			break;
		buf = bigger;
		buf[used++] = extra;
	}
	free(buf);
	return XFC_FILE_NO_MEMORY;
}

enum xfc_file_status xfc_file_read(const char *path, size_t max, char **text,
				   size_t *len, struct xfc_file_failure *why)
{
	/* O_NONBLOCK: a FIFO must not hang us before fstat() turns it away. */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	enum xfc_file_status status;
	struct stat st;

	*text = NULL;
	*len = 0;
	why->errnum = 0;
	why->mode = 0;
	if (fd < 0 || fstat(fd, &st)) {
		why->errnum = errno;
		if (fd >= 0)
			close(fd);
		return XFC_FILE_CANNOT_OPEN;
	}
	why->mode = st.st_mode;
	if (!S_ISREG(st.st_mode))
		status = XFC_FILE_NOT_REGULAR;
	else if ((uint64_t)st.st_size > max)
		status = XFC_FILE_TOO_BIG;
	else
		status = read_all(fd, (size_t)st.st_size, max, text, len, why);
	close(fd);
	return status;
}
