# SPDX-License-Identifier: GPL-2.0
#
# A minimal Xen PV kernel whose ELF notes say where it may run.
# Built in kbuild's manner: `make help` lists the targets.

PHONY := __all
__all:

MAKEFLAGS += -rR --no-print-directory

# V=1 shows every command; otherwise one short line per step.
ifeq ("$(origin V)", "command line")
  KBUILD_VERBOSE := $(V)
endif
ifeq ($(KBUILD_VERBOSE),1)
  quiet :=
  Q :=
else
  quiet := quiet_
  Q := @
endif
# make -s: not even the short lines.
ifneq ($(findstring s,$(firstword -$(MAKEFLAGS))),)
  quiet := silent_
endif

# Several goals at once, such as `make defconfig all` or `make deps check`,
# run one after another: each may need what the one before made.
ifneq ($(word 2,$(MAKECMDGOALS)),)
PHONY += $(MAKECMDGOALS) __one-by-one
$(filter-out __one-by-one,$(MAKECMDGOALS)) __all: __one-by-one
	@:
__one-by-one:
	$(Q)set -e; for goal in $(MAKECMDGOALS); do $(MAKE) -f $(firstword $(MAKEFILE_LIST)) $$goal; done
skip-makefile := 1
endif

# make splits paths at spaces and colons: refuse them up front, as Linux does.
ifneq ($(words $(subst :, ,$(CURDIR))),1)
$(error the source tree's path "$(CURDIR)" contains a space or a colon, which make cannot handle: move the tree)
endif

# O=dir: build in dir, leaving the source tree as it is.
ifeq ($(skip-makefile)$(KBUILD_SRC),)
ifeq ("$(origin O)", "command line")
KBUILD_OUTPUT := $(O)
endif
ifneq ($(KBUILD_OUTPUT),)
ifneq ($(words $(subst :, ,$(KBUILD_OUTPUT))),1)
$(error the output directory "$(KBUILD_OUTPUT)" contains a space or a colon, which make cannot handle: choose another O=)
endif
abs_objtree := $(shell mkdir -p '$(KBUILD_OUTPUT)' && cd '$(KBUILD_OUTPUT)' && pwd)
$(if $(abs_objtree),,$(error cannot create output directory "$(KBUILD_OUTPUT)"))
PHONY += $(MAKECMDGOALS) __sub-make
$(filter-out __sub-make,$(MAKECMDGOALS)) __all: __sub-make
	@:
__sub-make:
	$(Q)$(MAKE) -C $(abs_objtree) -f $(CURDIR)/Makefile KBUILD_SRC=$(CURDIR) $(MAKECMDGOALS)
skip-makefile := 1
endif
endif

ifeq ($(skip-makefile),)

srctree := $(if $(KBUILD_SRC),$(KBUILD_SRC),$(CURDIR))
export srctree

__all: all

# ---------------------------------------------------------------------------
# Architecture, chosen as in Linux: ARCH=x86_64 or ARCH=i386 forces it;
# without ARCH the configuration decides (64-bit unless told otherwise).
ifneq ($(filter command line environment,$(origin ARCH)),)
  ifeq ($(filter x86_64 i386 x86,$(ARCH)),)
    $(error ARCH=$(ARCH) is not supported: use ARCH=x86_64 or ARCH=i386)
  endif
else
  ARCH := x86
endif
export ARCH

KCONFIG_CONFIG := .config
export KCONFIG_CONFIG

# With O=, the source tree must hold no configuration or build of its
# own: its files would shadow the output directory's.  Checked for the
# configuration targets too, so that the first step already says so.
goals := $(if $(MAKECMDGOALS),$(MAKECMDGOALS),all)
tree-free-goals := clean mrproper distclean help deps check check-% bench install uninstall
ifneq ($(KBUILD_SRC),)
ifneq ($(filter-out $(tree-free-goals),$(goals)),)
ifneq ($(wildcard $(srctree)/.config $(srctree)/include/config $(srctree)/vmlinux),)
$(error source tree $(srctree) is not clean: run 'make mrproper' there before building with O=)
endif
endif
endif
Kconfig := $(srctree)/Kconfig
# make -s: kconfig says nothing either.
CONF = kconfig-conf$(if $(filter silent_,$(quiet)), -s)
MCONF := kconfig-mconf
NCONF := kconfig-nconf

# kconfig names the Kconfig files it read relative to srctree.
vpath %Kconfig $(srctree)
vpath %Kconfig.xen $(srctree)

# ---------------------------------------------------------------------------
# Helpers in kbuild's manner: $(call cmd,foo) runs cmd_foo, echoing
# quiet_cmd_foo (or, with V=1, the command itself).
squote := '
define newline


endef
escsq = $(subst $(squote),'\$(squote)',$1)
echo-cmd = $(if $($(quiet)cmd_$(1)),echo '$(if $(quiet),  )$(call escsq,$($(quiet)cmd_$(1)))';)
cmd = @set -e; $(echo-cmd) $(cmd_$(1))

# $(call if_changed,foo): run cmd_foo when a prerequisite is newer or the
# command line differs from the one that built the target last time.
dot-target = $(dir $@).$(notdir $@)
cmd-changed = $(filter-out $(savedcmd_$@),$(cmd_$(1)))$(filter-out $(cmd_$(1)),$(savedcmd_$@))
if_changed = $(if $(filter-out FORCE,$?)$(strip $(call cmd-changed,$(1))), \
	@set -e; $(echo-cmd) $(cmd_$(1)); \
	printf '%s\n' 'savedcmd_$@ := $(call escsq,$(cmd_$(1)))' > $(dot-target).cmd, @:)

PHONY += FORCE
FORCE:

# ---------------------------------------------------------------------------
# Configuration targets

config-targets := config menuconfig nconfig oldconfig olddefconfig silentoldconfig \
	defconfig %_defconfig savedefconfig listnewconfig randconfig \
	allnoconfig allyesconfig alldefconfig
no-dot-config-targets := $(config-targets) clean mrproper distclean help deps \
	check check-% bench scripts scripts/xen-feat-note install uninstall

PHONY += $(filter-out %_defconfig,$(config-targets))

menuconfig:
	$(Q)$(MCONF) $(Kconfig)

nconfig:
	$(Q)$(NCONF) $(Kconfig)

config:
	$(Q)$(CONF) --oldaskconfig $(Kconfig)

oldconfig olddefconfig listnewconfig randconfig allnoconfig allyesconfig alldefconfig:
	$(Q)$(CONF) --$@ $(Kconfig)

silentoldconfig:
	$(Q)mkdir -p include/config include/generated
	$(Q)$(CONF) --silentoldconfig $(Kconfig)

defconfig-file = $(srctree)/configs/$(if $(filter i386,$(ARCH)),i386,x86_64)_defconfig

defconfig:
	$(Q)$(CONF) --defconfig=$(defconfig-file) $(Kconfig)

%_defconfig:
	$(Q)test -f $(srctree)/configs/$@ || { echo >&2 "*** configs/$@ does not exist; see configs/"; exit 1; }
	$(Q)$(CONF) --defconfig=$(srctree)/configs/$@ $(Kconfig)

savedefconfig:
	$(Q)$(CONF) --savedefconfig=defconfig $(Kconfig)

# ---------------------------------------------------------------------------
# The build proper reads the configuration.

ifneq ($(filter-out $(no-dot-config-targets),$(goals)),)

ifeq ($(wildcard $(KCONFIG_CONFIG)),)
$(error no configuration ($(CURDIR)/$(KCONFIG_CONFIG)): run 'make defconfig', 'make NAME_defconfig' or 'make menuconfig' first)
endif

# auto.conf is remade (and make restarts) whenever .config, a Kconfig
# file or ARCH changed; auto.conf.cmd, written by kconfig, says which.
-include include/config/auto.conf
-include include/config/auto.conf.cmd

$(KCONFIG_CONFIG) include/config/auto.conf.cmd: ;

# Options .config does not answer yet (after a Kconfig change or an ARCH
# switch) take their defaults, as `make olddefconfig` would set them.
include/config/%.conf: $(KCONFIG_CONFIG) include/config/auto.conf.cmd
	$(Q)mkdir -p include/config include/generated
	$(Q)$(CONF) -s --olddefconfig $(Kconfig)
	$(Q)$(CONF) -s --silentoldconfig $(Kconfig)

endif

# ---------------------------------------------------------------------------
# Host program: the note generator and checker

# HOSTCC, HOSTCFLAGS and HOSTLDFLAGS on the command line add to these, as
# in kbuild.
HOSTCC ?= gcc
KBUILD_HOSTCFLAGS := -std=c11 -Wall -Wextra -Werror -O2 -D_POSIX_C_SOURCE=200809L \
	-I$(srctree)/include -I$(srctree)/scripts $(HOSTCFLAGS)
KBUILD_HOSTLDFLAGS := $(HOSTLDFLAGS)
xen-feat-note-srcs := xen-feat-note.c xen-feat-table.c xen-feat-config.c xen-feat-generate.c \
	xen-feat-check.c xen-feat-error.c xen-feat-magic.c xen-feat-bzimage.c \
	xen-feat-source.c xen-feat-elf.c xen-feat-decode.c xen-feat-verdict.c \
	xen-feat-expect.c xen-feat-kconfig.c xen-feat-hypervisor.c xen-feat-report.c \
	xen-feat-report-text.c xen-feat-report-json.c xen-feat-file.c
HOSTLDLIBS_xen-feat-note :=

# XEN_FEAT_NO_UNPACK=1: libc only, for use inside other trees; `check`
# then reads uncompressed ELF only.  Otherwise Debian's decompression
# libraries read compressed images and bzImage payloads.
ifeq ($(XEN_FEAT_NO_UNPACK),1)
KBUILD_HOSTCFLAGS += -DXEN_FEAT_NO_UNPACK
else
xen-feat-note-srcs += xen-feat-unpack.c xen-feat-stream.c \
	xen-feat-unpack-gzip.c xen-feat-unpack-bzip2.c xen-feat-unpack-xz.c \
	xen-feat-unpack-lzo.c xen-feat-unpack-lz4.c xen-feat-unpack-zstd.c
HOSTLDLIBS_xen-feat-note := -lz -lbz2 -llzma -llzo2 -llz4 -lzstd
endif

xen-feat-note-src-paths := $(addprefix $(srctree)/scripts/,$(xen-feat-note-srcs))

quiet_cmd_hostcc = HOSTCC  $@
      cmd_hostcc = mkdir -p $(dir $@) && $(HOSTCC) $(KBUILD_HOSTCFLAGS) $(KBUILD_HOSTLDFLAGS) \
		   -o $@ $(xen-feat-note-src-paths) $(HOSTLDLIBS_xen-feat-note)

scripts/xen-feat-note: $(xen-feat-note-src-paths) $(wildcard $(srctree)/scripts/xen-feat-*.h) \
		$(wildcard $(srctree)/include/xen/interface/*.h) FORCE
	$(call if_changed,hostcc)

# ---------------------------------------------------------------------------
# Generated header, as kbuild's filechk does it: the generator runs on every
# build and replaces the header only when its content differs from what the
# configuration gives (so a damaged header is repaired, and a configuration
# change that leaves the notes alone rebuilds nothing).  GEN is shown only
# when it did: the header is then a new file.

gen-header := include/generated/xen-feat-note.h

quiet_cmd_gen_feat_note = GEN     $(gen-header)
      cmd_gen_feat_note = scripts/xen-feat-note generate include/config/auto.conf $(gen-header)

inode-of = $$(ls -di $(1) 2>/dev/null || :)

$(gen-header): include/config/auto.conf scripts/xen-feat-note FORCE
	$(Q)mkdir -p $(dir $@)
	@set -e; before="$(call inode-of,$@)"; \
	$(if $(quiet),,echo '$(call escsq,$(cmd_gen_feat_note))';) $(cmd_gen_feat_note); \
	$(if $(filter quiet_,$(quiet)),[ "$$before" = "$(call inode-of,$@)" ] || \
		echo '  $(call escsq,$(quiet_cmd_gen_feat_note))';) :

# Tests may assemble the notes from a header of their own.
XEN_FEAT_NOTE_H ?= $(gen-header)

# ---------------------------------------------------------------------------
# The kernel image

ifeq ($(CONFIG_X86_64),y)
KBUILD_CPPFLAGS := -m64 -DCONFIG_X86_64
KBUILD_CFLAGS := -mno-red-zone -mcmodel=kernel
LD_EMULATION := elf_x86_64
else
KBUILD_CPPFLAGS := -m32 -DCONFIG_X86_32
KBUILD_CFLAGS := -march=i686
LD_EMULATION := elf_i386
endif

CC := gcc
LD := ld
KBUILD_CPPFLAGS += -nostdinc -isystem $(shell $(CC) -print-file-name=include) \
	-I$(srctree)/include -Iinclude -ffile-prefix-map=$(srctree)/=
KBUILD_CFLAGS += $(KBUILD_CPPFLAGS) -std=gnu11 -Wall -Wextra -Werror -O2 \
	-ffreestanding -fno-pic -fno-pie -fno-stack-protector -fno-asynchronous-unwind-tables \
	-fno-common -mgeneral-regs-only
KBUILD_AFLAGS := $(KBUILD_CPPFLAGS) -D__ASSEMBLY__ -fno-pic

head-obj := arch/x86/xen/xen-head.o
c-objs := $(patsubst $(srctree)/%.c,%.o,$(sort $(wildcard $(srctree)/arch/x86/xen/*.c)))
vmlinux-objs := $(head-obj) $(c-objs)
lds := arch/x86/xen/vmlinux.lds

quiet_cmd_as_o_S = AS      $@
      cmd_as_o_S = mkdir -p $(dir $@) && $(CC) $(KBUILD_AFLAGS) -include $(XEN_FEAT_NOTE_H) \
		   -MD -MF $(dot-target).d -c -o $@ $<

quiet_cmd_cc_o_c = CC      $@
      cmd_cc_o_c = mkdir -p $(dir $@) && $(CC) $(KBUILD_CFLAGS) -MD -MF $(dot-target).d -c -o $@ $<

quiet_cmd_cpp_lds_S = LDS     $@
      cmd_cpp_lds_S = mkdir -p $(dir $@) && $(CC) -E -P $(KBUILD_CPPFLAGS) -D__ASSEMBLY__ \
		      -MD -MF $(dot-target).d -MT $@ -o $@ $<

# After linking, the image must carry the notes the configuration gives
# and start as it asks on every Xen from the floor on; a test's own note
# header skips that.
xen-expect := $(if $(CONFIG_XEN_DOM0),$(if $(CONFIG_XEN_DOMU),both,dom0),domU)
XEN_FEAT_POSTLINK_CHECK ?= $(if $(filter $(gen-header),$(XEN_FEAT_NOTE_H)),1,0)
cmd_postlink = $(if $(filter 1,$(XEN_FEAT_POSTLINK_CHECK)), \
	&& scripts/xen-feat-note check -q --expect $(xen-expect) --floor $(CONFIG_XEN_COMPAT) \
	   --config include/config/auto.conf $@)

quiet_cmd_link_vmlinux = LD      $@
      cmd_link_vmlinux = $(LD) -m $(LD_EMULATION) --build-id=none -n -T $(lds) -o $@ \
			 $(vmlinux-objs) $(cmd_postlink)

$(head-obj): $(srctree)/arch/x86/xen/xen-head.S $(XEN_FEAT_NOTE_H) FORCE
	$(call if_changed,as_o_S)

arch/x86/xen/%.o: $(srctree)/arch/x86/xen/%.c FORCE
	$(call if_changed,cc_o_c)

$(lds): $(srctree)/arch/x86/xen/vmlinux.lds.S FORCE
	$(call if_changed,cpp_lds_S)

vmlinux: $(vmlinux-objs) $(lds) scripts/xen-feat-note FORCE
	$(call if_changed,link_vmlinux)

PHONY += all scripts prepare
all: vmlinux
scripts: scripts/xen-feat-note
prepare: $(gen-header)

# ---------------------------------------------------------------------------
# Booting, tests, set-up

XEN_BOOT_FLAGS ?=
PHONY += run
run: vmlinux
	$(Q)$(srctree)/scripts/xen-boot $(XEN_BOOT_FLAGS) vmlinux

PHONY += check check-linux deps bench
check:
	$(Q)$(srctree)/tests/run

check-linux:
	$(Q)$(srctree)/tests/run linux

bench:
	$(Q)$(srctree)/scripts/bench

deps:
	$(Q)apt-get update -qq
	$(Q)DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
		-o DPkg::Lock::Timeout=600 $$(grep -v '^#' $(srctree)/scripts/debian-packages)

# ---------------------------------------------------------------------------
# Installing the host program, its manual page, its bash completion and the
# kernel install hook, as Debian packaging expects: PREFIX (default
# /usr/local), DESTDIR for staging, SYSCONFDIR (or sysconfdir) for /etc.

PREFIX ?= /usr/local
DESTDIR ?=
bindir := $(PREFIX)/bin
man1dir := $(PREFIX)/share/man/man1
bashcompdir := $(PREFIX)/share/bash-completion/completions
# /etc for PREFIX=/usr, as Debian packages have it, and for /usr/local too:
# the kernel's postinst runs hooks from /etc/kernel/postinst.d and from no
# other place. PREFIX/etc for any other PREFIX.
SYSCONFDIR ?= $(if $(filter /usr /usr/ /usr/local /usr/local/,$(PREFIX)),/etc,$(PREFIX)/etc)
sysconfdir ?= $(SYSCONFDIR)
kernelhookdir := $(sysconfdir)/kernel/postinst.d

# destination:mode:source, one per installed file
install-files := \
	$(bindir)/xen-feat-note:0755:scripts/xen-feat-note \
	$(man1dir)/xen-feat-note.1:0644:$(srctree)/Documentation/xen-feat-note.1 \
	$(bashcompdir)/xen-feat-note:0644:$(srctree)/scripts/bash-completion/xen-feat-note \
	$(kernelhookdir)/xen-feat-note:0755:$(srctree)/scripts/kernel-hooks/xen-feat-note

install-dest = $(DESTDIR)$(word 1,$(subst :, ,$(1)))
install-mode = $(word 2,$(subst :, ,$(1)))
install-src = $(word 3,$(subst :, ,$(1)))

quiet_cmd_install = INSTALL $(call install-dest,$(f))
      cmd_install = install -D -m $(call install-mode,$(f)) $(call install-src,$(f)) \
		    $(call install-dest,$(f))

quiet_cmd_uninstall = RM      $(call install-dest,$(f))
      cmd_uninstall = rm -f $(call install-dest,$(f))

PHONY += install uninstall
# The full program, with the decompressors: never the libc-only build.
ifneq ($(filter install,$(MAKECMDGOALS)),)
ifeq ($(XEN_FEAT_NO_UNPACK),1)
$(error install ships the full program, with the decompressors: drop XEN_FEAT_NO_UNPACK=1)
endif
endif
install: scripts/xen-feat-note
	$(foreach f,$(install-files),$(call cmd,install)$(newline))

uninstall:
	$(foreach f,$(install-files),$(call cmd,uninstall)$(newline))

# ---------------------------------------------------------------------------
# Cleaning

PHONY += clean mrproper distclean
clean:
	$(Q)rm -f vmlinux .vmlinux.cmd scripts/xen-feat-note scripts/.xen-feat-note.*
	$(Q)rm -f arch/x86/xen/*.o arch/x86/xen/.*.cmd arch/x86/xen/.*.d $(lds)

mrproper distclean: clean
	$(Q)rm -rf include/config include/generated
	$(Q)rm -f .config .config.old defconfig

PHONY += help
help:
	@echo 'Configuration:'
	@echo '  menuconfig      - configure with a menu (ncurses)'
	@echo '  nconfig         - configure with the newer ncurses menu'
	@echo '  config          - configure line by line'
	@echo '  oldconfig       - update .config, asking about new options'
	@echo '  olddefconfig    - update .config, new options at their defaults'
	@echo '  defconfig       - configs/x86_64_defconfig (configs/i386_defconfig with ARCH=i386)'
	@echo '  NAME_defconfig  - configs/NAME_defconfig:' $(notdir $(wildcard $(srctree)/configs/*_defconfig))
	@echo '  savedefconfig   - write the minimal configuration to ./defconfig'
	@echo '  listnewconfig   - list options .config does not answer yet'
	@echo '  randconfig      - random configuration (seed: KCONFIG_SEED=n)'
	@echo ''
	@echo 'Building:'
	@echo '  all             - scripts/xen-feat-note, the generated header and vmlinux (default)'
	@echo '  run             - boot vmlinux as dom0 on Xen 4.17 under QEMU (XEN_BOOT_FLAGS=...)'
	@echo '  clean           - remove what the build made, keep the configuration'
	@echo '  mrproper        - remove everything the build and configuration made'
	@echo '  install         - install xen-feat-note, its manual page, bash completion and'
	@echo '                    kernel hook (PREFIX=/usr/local, DESTDIR=staging directory,'
	@echo '                    SYSCONFDIR=/etc for PREFIX /usr and /usr/local)'
	@echo '  uninstall       - remove what install installed'
	@echo ''
	@echo 'Testing and set-up:'
	@echo '  deps            - apt-get install every package the build and tests use'
	@echo '  check           - run every quick test suite (tests/*/run)'
	@echo '  check-linux     - build real Linux kernels with the drop-in and boot them (slow)'
	@echo '  bench           - measure boot time, build time and the test suite (scripts/bench)'
	@echo ''
	@echo '  make V=1 ...    - show each command'
	@echo '  make O=dir ...  - build in dir, leave the source tree untouched'
	@echo '  make ARCH=i386  - 32-bit PAE kernel (ARCH=x86_64: 64-bit)'

-include $(wildcard scripts/.*.cmd arch/x86/xen/.*.cmd .*.cmd)
-include $(wildcard scripts/.*.d arch/x86/xen/.*.d)

.DELETE_ON_ERROR:

endif # skip-makefile

.PHONY: $(PHONY)
