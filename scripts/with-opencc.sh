#!/usr/bin/env bash
# Run a command with the official OpenCC 1.4.2 C++ library set up for the cargo feature `opencc-sys`.
#
#   scripts/with-opencc.sh cargo build --release --features opencc-sys
#   scripts/with-opencc.sh cargo test --features opencc-sys --test script
#
# Why: `opencc-rust` 2.x needs OpenCC >= 1.4, and Debian 12 ships 1.1.6. PyPI's `opencc` 1.4.2 wheel carries a
# static build of the library (libopencc.a, libmarisa.a), its headers and its dictionaries, for manylinux x86_64
# and aarch64 and for any Python version (the C++ parts do not depend on Python). This script
#   1. downloads that wheel once with pip (hash-checked, whatever Python runs pip) and unpacks the library, the
#      headers and share/opencc into a cache folder (default: <cargo target dir>/opencc-cache; set
#      CLEANALIGN_OPENCC_CACHE to put it elsewhere). A later run finds the cache and downloads nothing;
#   2. exports what opencc-rust's build script reads (OPENCC_LIB_DIRS, OPENCC_INCLUDE_DIRS, OPENCC_LIBS,
#      OPENCC_STATIC, OPENCC_DYLIB_STDCPP) and CLEANALIGN_OPENCC_BUILD_DATA, the dictionary folder the build
#      records in the binary, so the binary finds the dictionaries on this machine with no variable set;
#   3. runs the command; when it succeeds, copies the dictionaries to `opencc-data/` beside every cleanalign
#      binary in the target dir, so target/<profile>/cleanalign plus its opencc-data/ can be moved elsewhere.
# The binary then links OpenCC statically and needs only libstdc++ at run time; never Python.
#
# Offline: CLEANALIGN_OPENCC_WHEEL=/path/to/opencc-1.4.2-...-manylinux2014_<arch>...whl uses that file
# (its hash is still checked). PYTHON chooses the interpreter that runs pip (default python3).
# Nothing outside the cache folder and the target dir is written; nothing is installed system-wide.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
me="with-opencc.sh"
fail() {
  echo "$me: error: $*" >&2
  exit 1
}

if (($# == 0)); then
  echo "usage: scripts/with-opencc.sh CMD [ARG...]   e.g. scripts/with-opencc.sh cargo build --release --features opencc-sys" >&2
  exit 2
fi

version="1.4.2"
case "$(uname -s)/$(uname -m)" in
  Linux/x86_64) arch=x86_64 sha256=794afd1f5254b22fb7e8655d3e60f0467e4a1ad5ebbd62f9efdd2dd421dd43db ;;
  Linux/aarch64 | Linux/arm64) arch=aarch64 sha256=689eea00ddfdaa3ba0b78426da34759dcb07db52b2fc1c660fa62b3d94ee4f04 ;;
  *) fail "no OpenCC $version wheel with a static library for $(uname -s)/$(uname -m) (only Linux x86_64 and aarch64).
  Install OpenCC >= 1.4 yourself and set OPENCC_DIR (or OPENCC_LIB_DIRS, OPENCC_INCLUDE_DIRS, OPENCC_LIBS) for
  opencc-rust, and CLEANALIGN_OPENCC_DATA to its share/opencc at run time." ;;
esac
wheel_name="opencc-$version-cp311-cp311-manylinux2014_$arch.manylinux_2_17_$arch.whl"

target_dir="${CARGO_TARGET_DIR:-$root/target}"
case "$target_dir" in /*) ;; *) target_dir="$root/$target_dir" ;; esac
cache_root="${CLEANALIGN_OPENCC_CACHE:-$target_dir/opencc-cache}"
prefix="$cache_root/opencc-$version-$arch"
stamp="$prefix/.complete"
# Files the build and the conversions cleanalign uses cannot do without; a cache missing any is rebuilt.
required=(lib/libopencc.a lib/libmarisa.a include/opencc/opencc.h
  share/opencc/t2s.json share/opencc/tw2s.json share/opencc/hk2s.json share/opencc/s2t.json
  share/opencc/s2tw.json share/opencc/s2twp.json share/opencc/s2hk.json)

cache_ok() {
  [[ -f "$stamp" && "$(cat "$stamp")" == "$sha256" ]] || return 1
  local f
  for f in "${required[@]}"; do [[ -s "$prefix/$f" ]] || return 1; done
}

if ! cache_ok; then
  python="${PYTHON:-python3}"
  command -v "$python" >/dev/null 2>&1 || fail "$python not found: pip is needed once to fetch the opencc wheel (set PYTHON)."
  mkdir -p "$cache_root"
  work="$(mktemp -d "$cache_root/.tmp.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  if [[ -n "${CLEANALIGN_OPENCC_WHEEL:-}" ]]; then
    [[ -f "$CLEANALIGN_OPENCC_WHEEL" ]] || fail "CLEANALIGN_OPENCC_WHEEL=$CLEANALIGN_OPENCC_WHEEL: no such file."
    wheel="$CLEANALIGN_OPENCC_WHEEL"
  else
    "$python" -m pip --version >/dev/null 2>&1 || fail "'$python -m pip' does not work: install pip (apt-get install python3-pip) or set PYTHON."
    echo "$me: fetching opencc==$version ($arch) from PyPI into $cache_root" >&2
    printf 'opencc==%s --hash=sha256:%s\n' "$version" "$sha256" >"$work/requirements.txt"
    # The wheel for CPython 3.11 whatever Python runs pip: the static library in it is the same for every
    # Python version, and one pinned file can be hash-checked.
    "$python" -m pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: \
      --implementation cp --python-version 3.11 --abi cp311 --platform "manylinux2014_$arch" \
      --require-hashes -r "$work/requirements.txt" -d "$work/wheel" ||
      fail "pip could not download opencc==$version for manylinux2014_$arch (see pip's message above).
  Check the connection to PyPI (or PIP_INDEX_URL), or download $wheel_name elsewhere and set CLEANALIGN_OPENCC_WHEEL."
    wheel="$work/wheel/$wheel_name"
    [[ -f "$wheel" ]] || fail "pip reported success but $wheel_name is not in $work/wheel."
  fi
  got="$(sha256sum "$wheel" | cut -d' ' -f1)"
  [[ "$got" == "$sha256" ]] || fail "$wheel: sha256 $got, expected $sha256 (opencc $version, $arch)."
  # Unpack the library, headers, dictionaries and licence with Python's zipfile (unzip may be absent).
  "$python" - "$wheel" "$work/prefix" <<'PY' || fail "could not unpack $wheel (see the message above)."
import sys, zipfile
from pathlib import Path

wheel, out = sys.argv[1], Path(sys.argv[2])
moves = {"opencc/clib/lib64/": "lib/", "opencc/clib/include/": "include/", "opencc/clib/share/": "share/"}
with zipfile.ZipFile(wheel) as z:
    for info in z.infolist():
        name = info.filename
        if info.is_dir():
            continue
        dest = None
        for src, dst in moves.items():
            if name.startswith(src):
                dest = dst + name[len(src):]
        if name.endswith(".dist-info/licenses/LICENSE"):
            dest = "share/opencc/LICENSE"
        if dest is None or "/cmake/" in dest or "/pkgconfig/" in dest:
            continue
        path = out / dest
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(z.read(info))
PY
  for f in "${required[@]}"; do
    [[ -s "$work/prefix/$f" ]] || fail "the opencc $version wheel has no $f: its layout changed; this script needs updating."
  done
  printf '%s\n' "$sha256" >"$work/prefix/.complete"
  rm -rf "$prefix"
  mv "$work/prefix" "$prefix" || cache_ok || fail "could not move the unpacked library to $prefix."
  echo "$me: OpenCC $version ready in $prefix" >&2
fi

export OPENCC_LIB_DIRS="$prefix/lib"
export OPENCC_INCLUDE_DIRS="$prefix/include"
export OPENCC_LIBS="opencc:marisa"
export OPENCC_STATIC=1
# The wheel's static library is C++ built with GCC: link the C++ runtime dynamically (libstdc++ is everywhere).
export OPENCC_DYLIB_STDCPP=1
# Recorded in the binary at compile time (src/stages/script/system.rs): where its dictionaries are on this machine.
export CLEANALIGN_OPENCC_BUILD_DATA="$prefix/share/opencc"

status=0
"$@" || status=$?

# Bundle the dictionaries beside each cleanalign binary in the target dir (debug, release, and per-target
# triples), so a binary copied together with its opencc-data/ folder still finds them.
if ((status == 0)); then
  for bin in "$target_dir"/*/cleanalign "$target_dir"/*/*/cleanalign; do
    [[ -f "$bin" && -x "$bin" ]] || continue
    data="$(dirname "$bin")/opencc-data"
    if ! cmp -s "$data/.complete" "$stamp" 2>/dev/null; then
      rm -rf "$data.tmp"
      cp -R "$prefix/share/opencc" "$data.tmp"
      cp "$stamp" "$data.tmp/.complete"
      rm -rf "$data"
      mv "$data.tmp" "$data"
    fi
  done
fi
exit "$status"
