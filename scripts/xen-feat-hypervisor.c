// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef XEN_FEAT_NO_UNPACK
#include <zlib.h>
#endif

#include "xen-feat-file.h"
#include "xen-feat-hypervisor.h"
#include "xen-feat-table.h"

#define CONFIG_BANNER "# Xen/x86 "

static const char *find_bytes(const char *hay, size_t len, const char *needle)
{
	size_t n = strlen(needle);

	for (size_t i = 0; n <= len && i <= len - n; i++)
		if (hay[i] == needle[0] && !memcmp(hay + i, needle, n))
			return hay + i;
	return NULL;
}

/* "# Xen/x86 4.17.7 Configuration" and CONFIG_PV32, from a config's text. */
static bool read_config_text(const char *text, size_t len, struct xfc_hypervisor *hv)
{
	const char *p = find_bytes(text, len < 512 ? len : 512, CONFIG_BANNER);
	const char *end;
	size_t n;

	if (!p)
		return false;
	p += strlen(CONFIG_BANNER);
	end = memchr(p, ' ', (size_t)(text + len - p));
	if (!end)
		return false;
	n = (size_t)(end - p);
	if (n >= sizeof(hv->version_text))
		return false;
	memcpy(hv->version_text, p, n);
	hv->version_text[n] = '\0';
	hv->version = xen_parse_version(hv->version_text, NULL);
	if (!hv->version)
		return false;
	if (find_bytes(text, len, "\nCONFIG_PV32=y\n"))
		hv->pv32 = XFC_PV32_YES;
	else if (find_bytes(text, len, "\n# CONFIG_PV32 is not set\n"))
		hv->pv32 = XFC_PV32_NO;
	return true;
}

static int read_file(const char *path, size_t max, unsigned char **out, size_t *len,
		     struct xfc_error *err)
{
	struct xfc_file_failure why;
	char *text;

	switch (xfc_file_read(path, max, &text, len, &why)) {
	case XFC_FILE_OK:
		*out = (unsigned char *)text;
		return XFC_OK;
	case XFC_FILE_CANNOT_OPEN:
		return xfc_fail(err, XFC_ERR_IO, "%s: cannot open: %s", path, strerror(why.errnum));
	case XFC_FILE_NOT_REGULAR:
		return xfc_fail(err, XFC_ERR_IO, "%s: %s, not a regular file", path,
				xfc_file_kind(why.mode));
	case XFC_FILE_TOO_BIG:
		return xfc_fail(err, XFC_ERR_LIMIT, "%s: larger than %zu MiB", path, max >> 20);
	case XFC_FILE_READ_ERROR:
		return xfc_fail(err, XFC_ERR_IO, "%s: read error: %s", path, strerror(why.errnum));
	case XFC_FILE_NO_MEMORY:
		break;
	}
	return xfc_fail(err, XFC_ERR_LIMIT, "%s: out of memory", path);
}

#ifndef XEN_FEAT_NO_UNPACK
/* Inflates one gzip member at data into at most max bytes; returns bytes out. */
static size_t gunzip(const unsigned char *data, size_t len, unsigned char *out, size_t max,
		     bool *whole)
{
	z_stream z;
	size_t n;
	int ret;

	memset(&z, 0, sizeof(z));
	*whole = false;
	if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK)
		return 0;
	z.next_in = (unsigned char *)data;
	z.avail_in = len > UINT32_MAX ? UINT32_MAX : (unsigned int)len;
	z.next_out = out;
	z.avail_out = (unsigned int)max;
	ret = inflate(&z, Z_FINISH);
	*whole = ret == Z_STREAM_END;
	n = max - z.avail_out;
	inflateEnd(&z);
	return ret == Z_STREAM_END || ret == Z_BUF_ERROR || ret == Z_OK ? n : 0;
}

/* The .config a HYPFS_CONFIG build keeps, gzip'ed, among its data. */
static bool find_embedded_config(const unsigned char *img, size_t len, struct xfc_hypervisor *hv)
{
	unsigned char *text = malloc(XFC_XEN_CONFIG_MAX);
	bool found = false;

	if (!text)
		return false;
	for (size_t i = 0; !found && i + 10 < len; i++) {
		const unsigned char *p = memchr(img + i, 0x1f, len - i);
		bool whole;
		size_t n;

		if (!p || (size_t)(p - img) + 10 >= len)
			break;
		i = (size_t)(p - img);
		if (p[1] != 0x8b || p[2] != 8)
			continue;
		n = gunzip(p, len - i, text, XFC_XEN_CONFIG_MAX - 1, &whole);
		if (whole && n && read_config_text((char *)text, n, hv))
			found = true;
	}
	free(text);
	return found;
}

/* The hypervisor image, gunzip'ed when it is gzip'ed as in /boot. */
static int load_image(const char *path, unsigned char **img, size_t *len, struct xfc_error *err)
{
	unsigned char *raw, *out;
	size_t raw_len, n;
	bool whole;
	int ret = read_file(path, XFC_HYPERVISOR_MAX, &raw, &raw_len, err);

	if (ret)
		return ret;
	if (raw_len < 3 || raw[0] != 0x1f || raw[1] != 0x8b) {
		*img = raw;
		*len = raw_len;
		return XFC_OK;
	}
	out = malloc(XFC_HYPERVISOR_MAX);
	if (!out) {
		free(raw);
		return xfc_fail(err, XFC_ERR_LIMIT, "%s: out of memory", path);
	}
	n = gunzip(raw, raw_len, out, XFC_HYPERVISOR_MAX, &whole);
	free(raw);
	if (!whole) {
		free(out);
		return xfc_fail(err, XFC_ERR_STREAM_CORRUPT,
				"%s: not a whole gzip stream of at most %u MiB", path,
				XFC_HYPERVISOR_MAX >> 20);
	}
	*img = out;
	*len = n;
	return XFC_OK;
}
#endif

/* /boot/xen-4.17-amd64.gz -> /boot/xen-4.17-amd64.config */
static bool read_config_beside(const char *path, struct xfc_hypervisor *hv)
{
	char name[4096];
	size_t len = strlen(path);
	unsigned char *text = NULL;
	size_t text_len = 0;
	struct xfc_error ignored = { XFC_OK, "" };
	bool found;

	if (len > 3 && !strcmp(path + len - 3, ".gz"))
		len -= 3;
	if (len + sizeof(".config") > sizeof(name))
		return false;
	memcpy(name, path, len);
	strcpy(name + len, ".config");
	if (read_file(name, XFC_XEN_CONFIG_MAX, &text, &text_len, &ignored))
		return false;
	found = read_config_text((char *)text, text_len, hv);
	free(text);
	if (found)
		snprintf(hv->found_in, sizeof(hv->found_in), "%.500s", name);
	return found;
}

int xfc_hypervisor_read(const char *path, struct xfc_hypervisor *hv, struct xfc_error *err)
{
	memset(hv, 0, sizeof(*hv));
#ifndef XEN_FEAT_NO_UNPACK
	unsigned char *img = NULL;
	size_t len = 0;
	int ret = load_image(path, &img, &len, err);

	if (ret)
		return ret;
	if (find_embedded_config(img, len, hv))
		snprintf(hv->found_in, sizeof(hv->found_in), "the .config built into %.500s", path);
	free(img);
	if (hv->version)
		return XFC_OK;
#else
	if (access(path, R_OK))
		return xfc_fail(err, XFC_ERR_IO, "%s: cannot read: %s", path, strerror(errno));
#endif
	if (read_config_beside(path, hv))
		return XFC_OK;
	return xfc_fail(err, XFC_ERR_FORMAT,
			"%s: no Xen version found: the image carries no .config (Xen before 4.14, or built without CONFIG_HYPFS_CONFIG) and there is no .config beside it; say which Xen it is with --xen-version",
			path);
}
