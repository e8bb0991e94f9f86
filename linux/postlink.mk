# SPDX-License-Identifier: GPL-2.0
#
# Included by arch/x86/Makefile.postlink (installed by the xen-feat-note
# project's scripts/linux-integrate): after vmlinux is linked, check that
# its Xen feature notes agree with the configuration and let every Xen
# from the configured oldest one on start it as the configuration
# promises.  A PV-less kernel has no PV notes to check.

ifdef CONFIG_XEN_PV
xen-feat-expect := $(if $(CONFIG_XEN_DOM0),$(if $(CONFIG_XEN_DOMU),both,dom0),domU)

quiet_cmd_xen_feat_check = XENFEAT $@
      cmd_xen_feat_check = scripts/xen-feat/xen-feat-note check -q \
			   --expect $(xen-feat-expect) --floor $(CONFIG_XEN_COMPAT) \
			   --config include/config/auto.conf $@
endif
