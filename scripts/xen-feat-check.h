/* SPDX-License-Identifier: GPL-2.0 */
/*
 * `xen-feat-note check IMAGE...`: decode the Xen notes of built kernels
 * (ELF, compressed ELF, or x86 bzImage) and say what each generation of
 * Xen does with them.  main() in xen-feat-note.c hands over argv with
 * argv[0] == "check".
 */
#ifndef XEN_FEAT_CHECK_H
#define XEN_FEAT_CHECK_H

int xen_feat_check_main(int argc, char **argv);

#endif /* XEN_FEAT_CHECK_H */
