# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0
# Helpers of the boot tests (tests/boot/run): boots in the background, at
# most two at once, and a tiny initramfs writer.  Needs TEST_TMP and
# xen_boot.
# shellcheck disable=SC2034 # boot_status, boot_ms and verdict are for the caller
# shellcheck disable=SC2154 # xen_boot is the caller's

# At most this many QEMUs (or other background runs) at once.
max_runs=2

now_ms()
{
	local t=${EPOCHREALTIME/[.,]/}
	echo $(( t / 1000 ))
}

# bg NAME COMMAND...: runs COMMAND in the background once a slot is free;
# its output goes to $TEST_TMP/NAME.out, "STATUS MILLISECONDS" to
# $TEST_TMP/NAME.status.
bg()
{
	local name=$1
	shift
	while (( $(jobs -pr | wc -l) >= max_runs )); do
		wait -n || true
	done
	rm -f "$TEST_TMP/$name.status"
	(
		start=$(now_ms)
		"$@" >"$TEST_TMP/$name.out" 2>&1
		status=$?
		echo "$status $(( $(now_ms) - start ))" >"$TEST_TMP/$name.status"
	) &
}

# spawn NAME IMAGE [xen-boot options]: boots IMAGE in the background; the
# transcript goes to $TEST_TMP/NAME.serial.
spawn()
{
	local name=$1 image=$2
	shift 2
	bg "$name" "$xen_boot" -q --log "$TEST_TMP/$name.serial" "$@" "$image"
}

# result NAME: waits for every background run, then sets boot_status,
# boot_ms and verdict (xen-boot's verdict line, without its prefix) of NAME.
result()
{
	wait
	boot_status=255
	boot_ms=0
	[[ ! -f $TEST_TMP/$1.status ]] || read -r boot_status boot_ms <"$TEST_TMP/$1.status"
	verdict=$(sed -n 's/^xen-boot: verdict: //p' "$TEST_TMP/$1.out" 2>/dev/null | tail -n 1)
}

# newc_file NAME FILE: one file entry of a "newc" cpio archive on stdout.
newc_file()
{
	local name=$1 file=$2 size namesize pad
	size=$(stat -L -c %s "$file")
	namesize=$(( ${#name} + 1 ))
	printf '070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X' \
		1 $(( 8#100755 )) 0 0 1 0 "$size" 0 0 0 0 "$namesize" 0
	printf '%s\0' "$name"
	pad=$(( (4 - (110 + namesize) % 4) % 4 ))
	head -c "$pad" /dev/zero
	cat "$file"
	head -c $(( (4 - size % 4) % 4 )) /dev/zero
}

# initramfs OUT FILE: a cpio archive holding FILE as /init.
initramfs()
{
	{
		newc_file init "$2"
		printf '070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X' \
			0 0 0 0 1 0 0 0 0 0 0 11 0
		printf 'TRAILER!!!\0'
		head -c 3 /dev/zero	# 110 + 11 bytes, padded to 124
	} >"$1"
}
