// SPDX-License-Identifier: GPL-2.0
/*
 * /init for the Linux boot tests.  It says, on the console, which kind
 * of Xen domain Linux believes it runs in, with the banner the project's
 * own kernel prints (scripts/xen-boot reads it), then reboots: Xen ends
 * the run when its dom0 reboots.
 *
 * Linux gives the initramfs no /dev, so /init makes the console node.
 * The mode comes from xenfs: its capabilities file says "control_d"
 * in the initial domain only.
 */
#include <fcntl.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

static int console = -1;

static void say(const char *text)
{
	if (console >= 0 && write(console, text, strlen(text)) < 0)
		console = -1;
}

static const char *xen_mode(void)
{
	char caps[64] = "";
	ssize_t len;
	int fd;

	mkdir("/xen", 0755);
	if (mount("xenfs", "/xen", "xenfs", 0, NULL))
		return NULL;
	fd = open("/xen/capabilities", O_RDONLY);
	if (fd < 0)
		return NULL;
	len = read(fd, caps, sizeof(caps) - 1);
	close(fd);
	if (len < 0)
		return NULL;
	caps[len] = '\0';
	return strstr(caps, "control_d") ? "dom0" : "domU";
}

int main(void)
{
	const char *mode;

	mkdir("/dev", 0755);
	mknod("/dev/console", S_IFCHR | 0600, makedev(5, 1));
	console = open("/dev/console", O_WRONLY);

	mode = xen_mode();
	if (mode) {
		say("xen-pv-kernel: mode=");
		say(mode);
		say(" (Linux /init)\n");
	} else {
		say("linux /init: cannot read /xen/capabilities\n");
	}
	sync();
	reboot(RB_AUTOBOOT);
	return 1;
}
