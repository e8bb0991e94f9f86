# shellcheck shell=bash
# shellcheck disable=SC2034 # corpus_* are for the caller
# shellcheck disable=SC2012,SC2010 # package file names are plain
# SPDX-License-Identifier: GPL-2.0
#
# The corpus of real Xen guest images (tests/corpus/run, scripts/bench-corpus):
# which Debian packages hold them, how they are fetched into the cache and
# how the ELF is taken out of a bzImage.
#
# Fetched .deb files sit in the cache directory itself, as the check and
# boot suites keep theirs (XEN_FEAT_CHECK_CACHE, default
# /var/tmp/xen-feat-check-cache), so all three share a download; the few
# files this corpus reads out of each package are kept under corpus/ there,
# so a warm run unpacks no package.  Everything is written to a temporary
# name and renamed, as other suites may fill the same cache at once.

corpus_cache=${XEN_FEAT_CHECK_CACHE:-/var/tmp/xen-feat-check-cache}

# NAME|PACKAGE OR META PACKAGE|REGEX OF ITS .deb|FILES IN THE PACKAGE
# A meta package (linux-image-amd64...) is resolved with apt-cache depends
# to the image package it currently pulls in; when apt-cache cannot answer
# (no lists, no network), the newest cached .deb matching the regex is used.
corpus_images=(
	"debian-6.1-amd64|linux-image-amd64|^linux-image-6\.1\.0-[0-9]+-amd64_.*_amd64\.deb$|boot/vmlinuz-* boot/config-*"
	"debian-6.1-cloud|linux-image-cloud-amd64|^linux-image-6\.1\.0-[0-9]+-cloud-amd64_.*_amd64\.deb$|boot/vmlinuz-* boot/config-*"
	"debian-6.1-rt|linux-image-rt-amd64|^linux-image-6\.1\.0-[0-9]+-rt-amd64_.*_amd64\.deb$|boot/vmlinuz-* boot/config-*"
	"debian-6.12-amd64|linux-image-6.12-amd64|^linux-image-6\.12\.[0-9]+\+deb12-amd64_.*_amd64\.deb$|boot/vmlinuz-* boot/config-*"
	"debian-6.12-cloud|linux-image-6.12-cloud-amd64|^linux-image-6\.12\.[0-9]+\+deb12-cloud-amd64_.*_amd64\.deb$|boot/vmlinuz-* boot/config-*"
	"debian-6.1-686-pae|linux-image-686-pae:i386|^linux-image-6\.1\.0-[0-9]+-686-pae_.*_i386\.deb$|boot/vmlinuz-* boot/config-*"
	"grub-i386-xen|grub-xen-host|^grub-xen-host_.*_amd64\.deb$|usr/lib/grub-xen/grub-i386-xen.bin"
	"grub-i386-xen_pvh|grub-xen-host|^grub-xen-host_.*_amd64\.deb$|usr/lib/grub-xen/grub-i386-xen_pvh.bin"
	"grub-x86_64-xen|grub-xen-host|^grub-xen-host_.*_amd64\.deb$|usr/lib/grub-xen/grub-x86_64-xen.bin"
)

# The i386 kernel needs apt to know the i386 archive.  On a machine with
# i386 as a dpkg architecture the system's lists serve; otherwise,
# XEN_FEAT_CORPUS_I386=1 keeps a private i386 index under the cache
# (apt-get update with Dir::State::Lists there: nothing of the system's apt
# or dpkg state changes).  Without either the i386 image is skipped.
corpus_apt_i386=()
corpus_i386_setup()	# sets corpus_apt_i386, or corpus_why and fails
{
	local d=$corpus_cache/corpus/apt-i386
	corpus_apt_i386=()
	if dpkg --print-foreign-architectures 2>/dev/null | grep -qx i386; then
		return 0
	fi
	if [[ ${XEN_FEAT_CORPUS_I386:-} != 1 ]]; then
		corpus_why="the archive offers no i386 packages here: i386 is not a dpkg architecture on this machine (XEN_FEAT_CORPUS_I386=1 fetches it through a private i386 apt index in the cache)"
		return 1
	fi
	mkdir -p "$d/lists/partial" "$d/archives/partial"
	[[ -f $d/status ]] || : >"$d/status"
	corpus_apt_i386=(-o "Dir::State::Lists=$d/lists" -o "Dir::Cache=$d"
		-o "Dir::State::status=$d/status" -o APT::Architecture=i386
		-o APT::Architectures::=i386)
	# A day-old index is fresh enough; a failed update (mirror mid-sync)
	# leaves what it could fetch, which apt-cache then reads.
	if [[ -z $(find "$d/lists" -maxdepth 1 -name '*_Packages*' -mmin -1440 2>/dev/null) ]]; then
		apt-get "${corpus_apt_i386[@]}" -q update >"$d/update.log" 2>&1 || true
	fi
	return 0
}

# corpus_fetch NAME: fetches image NAME of corpus_images and sets
#   corpus_pkg, corpus_version   the package it comes from
#   corpus_image                 the image file (in the cache)
#   corpus_config                the kernel's /boot/config-*, or ""
# On failure it sets corpus_why (the reason to skip) and fails.
corpus_fetch()
{
	local spec meta regex files pkg deb dir tmp arch=amd64 f
	local -a apt=() debs=()
	corpus_pkg='' corpus_version='' corpus_image='' corpus_config='' corpus_why=''
	for spec in "${corpus_images[@]}"; do
		[[ ${spec%%|*} == "$1" ]] && break
		spec=
	done
	[[ -n $spec ]] || { corpus_why="no corpus image $1"; return 1; }
	IFS="|" read -r _ meta regex files <<<"$spec"

	local no_index=''
	if [[ $meta == *:i386 ]]; then
		arch=i386
		if corpus_i386_setup; then
			apt=("${corpus_apt_i386[@]}")
			[[ ${#apt[@]} -eq 0 ]] || meta=${meta%:i386}
		else
			no_index=$corpus_why
		fi
	fi
	if [[ -n $no_index ]]; then
		pkg=''
	elif [[ ${meta%:i386} == linux-image-* ]]; then
		pkg=$(apt-cache "${apt[@]}" depends "$meta" 2>/dev/null |
		      awk '$1 == "Depends:" && $2 ~ /^linux-image-[0-9]/ { sub(/:.*/, "", $2); print $2; exit }')
	else
		pkg=$(apt-cache "${apt[@]}" show --no-all-versions "$meta" 2>/dev/null |
		      awk '$1 == "Package:" { print $2; exit }')
	fi
	mkdir -p "$corpus_cache/corpus"
	if [[ -n $pkg ]]; then
		mapfile -t debs < <(cd "$corpus_cache" && ls -1 -- "${pkg}"_*_"$arch".deb 2>/dev/null | sort -V)
		if [[ ${#debs[@]} -eq 0 ]]; then
			tmp=$(mktemp -d "$corpus_cache/.download.XXXXXX") || { corpus_why="cannot write to $corpus_cache"; return 1; }
			chmod 755 "$tmp"	# apt's sandbox user writes there
			if ! (cd "$tmp" && apt-get "${apt[@]}" download -q "$pkg:$arch") >"$tmp/log" 2>&1; then
				corpus_why="apt-get download $pkg:$arch failed: $(grep -E '^(E|Err):' "$tmp/log" | tail -n 1 | cut -c1-200)"
				rm -rf "$tmp"
				return 1
			fi
			for f in "$tmp"/*.deb; do mv -f "$f" "$corpus_cache/"; done
			rm -rf "$tmp"
			mapfile -t debs < <(cd "$corpus_cache" && ls -1 -- "${pkg}"_*_"$arch".deb 2>/dev/null | sort -V)
		fi
	else
		# apt-cache cannot say (no lists, no network): what the cache has.
		mapfile -t debs < <(ls -1 "$corpus_cache" 2>/dev/null | grep -E "$regex" | sort -V)
		if [[ ${#debs[@]} -eq 0 ]]; then
			corpus_why=${no_index:-"apt-cache knows no $meta (apt-get update?) and $corpus_cache holds no package for it"}
			return 1
		fi
	fi
	[[ ${#debs[@]} -gt 0 ]] || { corpus_why="no .deb of $pkg in $corpus_cache after apt-get download"; return 1; }
	deb=$corpus_cache/${debs[-1]}
	[[ ${debs[-1]} =~ $regex ]] || { corpus_why="$meta now pulls in ${debs[-1]}, not what $regex expects"; return 1; }
	corpus_pkg=$(dpkg-deb -f "$deb" Package 2>/dev/null)
	corpus_version=$(dpkg-deb -f "$deb" Version 2>/dev/null)
	[[ -n $corpus_pkg ]] || { corpus_why="$deb is not a readable package"; return 1; }

	# The files this corpus reads, out of the package once.
	dir=$corpus_cache/corpus/${debs[-1]%.deb}
	if [[ ! -d $dir ]]; then
		tmp=$(mktemp -d "$corpus_cache/corpus/.unpack.XXXXXX") || { corpus_why="cannot write to $corpus_cache/corpus"; return 1; }
		chmod 755 "$tmp"
		# Every file any image of this package needs (grub-xen-host: three).
		local -a pats=()
		local rx fl
		for spec in "${corpus_images[@]}"; do
			IFS='|' read -r _ _ rx fl <<<"$spec"
			[[ $rx == "$regex" ]] || continue
			for f in $fl; do pats+=("./$f"); done
		done
		dpkg-deb --fsys-tarfile "$deb" 2>/dev/null |
			tar -x -C "$tmp" --wildcards "${pats[@]}" 2>/dev/null
		find "$tmp" -mindepth 2 -type f -exec mv -f {} "$tmp/" \;
		find "$tmp" -mindepth 1 -type d -delete
		if [[ -z $(ls -A "$tmp") ]]; then
			rm -rf "$tmp"
			corpus_why="nothing of $files in $deb"
			return 1
		fi
		mv -T "$tmp" "$dir" 2>/dev/null || rm -rf "$tmp"	# another run was first
	fi
	for f in $files; do
		f=$(basename "$f")
		# shellcheck disable=SC2206 # the pattern is meant to expand
		local -a hit=($dir/$f)
		if [[ ! -f ${hit[0]} ]]; then
			corpus_why="no $f in $deb"
			return 1
		fi
		case $f in
		config-*) corpus_config=${hit[0]} ;;
		*) corpus_image=${hit[0]} ;;
		esac
	done
	corpus_why=''
	return 0
}

# corpus_payload_tool BZIMAGE: the system's decompressor for a bzImage's
# payload, from the payload's magic bytes (as Linux's extract-vmlinux
# recognises them), and the offset and length of the payload, as
# "TOOL OFFSET LENGTH"; fails when BZIMAGE is no bzImage.
corpus_payload_tool()
{
	local f=$1 setup off len magic tool
	[[ $(od -An -tx1 -j $((0x202)) -N4 "$f" | tr -d ' \n') == 48647253 ]] || return 1	# "HdrS"
	setup=$(od -An -tu1 -j $((0x1f1)) -N1 "$f" | tr -d ' ')
	[[ $setup -ne 0 ]] || setup=4
	off=$(od -An -tu4 -j $((0x248)) -N4 "$f" | tr -d ' ')
	len=$(od -An -tu4 -j $((0x24c)) -N4 "$f" | tr -d ' ')
	off=$(( (setup + 1) * 512 + off ))
	magic=$(od -An -tx1 -j "$off" -N6 "$f" | tr -d ' \n')
	case $magic in
	1f8b*)		tool="gzip -dc" ;;
	425a68*)	tool="bzip2 -dc" ;;
	5d0000*)	tool="lzma -dc" ;;
	fd377a585a00)	tool="xz -dc --single-stream" ;;
	894c5a4f*)	tool="lzop -dc" ;;
	02214c18*)	tool="lz4 -dc" ;;
	28b52ffd*)	tool="zstd -q -dc" ;;
	*) return 1 ;;
	esac
	echo "$tool $off $len"
}

# corpus_bytes FILE OFFSET LENGTH: those bytes of FILE.
corpus_bytes()
{
	dd if="$1" iflag=skip_bytes,count_bytes skip="$2" count="$3" bs=1M status=none
}

# corpus_extract BZIMAGE OUT: Linux's extract-vmlinux done by hand.  The
# payload is located from the boot header (setup sectors, payload_offset,
# payload_length), unpacked by the system's tool for its format, and must
# come out as an ELF of exactly the size Linux appends to the payload (a
# little-endian 32-bit word after the compressed stream, which is also why
# the tools may complain about trailing data: their status is not looked
# at, the size is).  Prints the tool; fails with a reason.
corpus_extract()
{
	local f=$1 out=$2 info off len want got
	local -a tool
	info=$(corpus_payload_tool "$f") || { echo "not a bzImage with a payload Linux's compressors make"; return 1; }
	read -r -a tool <<<"${info% * *}"
	read -r off len <<<"${info#"${info% * *} "}"
	want=$(corpus_bytes "$f" $((off + len - 4)) 4 | od -An -tu4 | tr -d ' ')
	corpus_bytes "$f" "$off" "$len" | "${tool[@]}" >"$out" 2>/dev/null
	got=$(stat -c %s "$out")
	if [[ $got -ne $want ]]; then
		echo "${tool[*]} gave $got bytes, the payload says $want"
		return 1
	fi
	if [[ $(head -c 4 "$out" | od -An -tx1 | tr -d ' \n') != 7f454c46 ]]; then
		echo "${tool[*]} gave no ELF"
		return 1
	fi
	echo "${tool[*]}"
}
