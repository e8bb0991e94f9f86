/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The version of xen-feat-note, the one place it is written:
 * `xen-feat-note --version` prints it, and the newest entry of
 * debian/changelog must name the same (tests/install checks both).
 */
#ifndef XEN_FEAT_VERSION_H
#define XEN_FEAT_VERSION_H

#define XEN_FEAT_NOTE_VERSION "1.0.0"

#endif
