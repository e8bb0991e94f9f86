/* SPDX-License-Identifier: GPL-2.0 */
#ifndef XEN_FEAT_CHECK_H
#define XEN_FEAT_CHECK_H

/* `xen-feat-note check ...`: argv[0] is "check". Returns the exit status. */
int xen_feat_check_main(int argc, char **argv);

#endif /* XEN_FEAT_CHECK_H */
