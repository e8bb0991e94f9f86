# SPDX-License-Identifier: GPL-2.0
# Reading a kernel image's Xen notes back with binutils' readelf alone.

# readelf_note_hex IMAGE TYPE: the descriptor bytes ("21 77 72 ...") of the
# first note owned by "Xen" whose type is TYPE (a number), or nothing.
readelf_note_hex() {
	local image=$1 type
	type=$(printf '0x%08x' "$2")
	readelf -n --wide "$image" | awk -v t="($type)" '
		/^  Xen / { want = index($0, t) > 0 }
		want && /description data:/ { sub(/.*description data: */, ""); print; exit }'
}

# readelf_note_string IMAGE TYPE: a string note's text.
readelf_note_string() {
	local byte out=""
	for byte in $(readelf_note_hex "$1" "$2"); do
		[ "$byte" = 00 ] && break
		out+=$(printf "\\x$byte")
	done
	printf '%s' "$out"
}

# readelf_note_words IMAGE TYPE: a little-endian 32-bit word array, as
# "0x%08x" words separated by spaces.
readelf_note_words() {
	local -a b
	local i words=()
	read -r -a b <<< "$(readelf_note_hex "$1" "$2")"
	for ((i = 0; i + 3 < ${#b[@]}; i += 4)); do
		words+=("0x${b[i+3]}${b[i+2]}${b[i+1]}${b[i]}")
	done
	echo "${words[*]}"
}

# config_value FILE NAME: the value of CONFIG_NAME in a .config, or "n".
config_value() {
	local line
	line=$(grep -E "^CONFIG_$2=" "$1" | tail -n 1)
	if [ -n "$line" ]; then echo "${line#*=}"; else echo n; fi
}
