/* SPDX-License-Identifier: GPL-2.0 */
/*
 * `xen-feat-note generate AUTO_CONF HEADER`: the header xen-head.S
 * assembles the FEATURES and SUPPORTED_FEATURES notes from.  main() in
 * xen-feat-note.c hands over argv with argv[0] == "generate".
 */
#ifndef XEN_FEAT_GENERATE_H
#define XEN_FEAT_GENERATE_H

#include <stddef.h>

#include "xen-feat-config.h"

int xen_feat_generate_main(int argc, char **argv);

/* The header for these notes; -1 when it does not fit in size bytes. */
int xen_feat_render_header(const struct xen_config_notes *notes, char *buf, size_t size);

#endif /* XEN_FEAT_GENERATE_H */
