#!/usr/bin/env bash
# The checks of the packages `make package` built (README: Packages). Run by `make test`
# as `make package-check`.
# usage: tests/package/check.sh DEB RPM
# - the desktop entry inside the .deb passes desktop-file-validate;
# - lintian reports no error (its warnings and notes are printed);
# - apt-get resolves the .deb's dependencies (--dry-run: nothing is installed);
# - the binary unpacked from the .deb with dpkg-deb -x draws the first screen under Xvfb;
# - the .rpm holds the same files, and its desktop entry passes desktop-file-validate too;
# - only when CI=true: the real install, /usr/bin/ladder started from it, and removal.
#   Never on a developer's machine, where it would replace their own Ladder.
set -euo pipefail
# Absolute, because later steps run from other folders (make passes target/… relative).
deb=$(realpath "${1:?usage: check.sh DEB RPM}")
rpm=$(realpath "${2:?usage: check.sh DEB RPM}")
here=$(cd "$(dirname "$0")" && pwd)
shots=${PACKAGE_SHOTS:-$(dirname "$deb")}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sudo_=""; [ "$(id -u)" = 0 ] || sudo_=sudo

echo "== desktop-file-validate (the .deb's desktop entry)"
dpkg-deb -x "$deb" "$work/deb"
desktop=$(find "$work/deb/usr/share/applications" -name '*.desktop')
[ "$(echo "$desktop" | wc -l)" = 1 ] || { echo "expected one desktop entry, found: $desktop"; exit 1; }
desktop-file-validate "$desktop"
cat "$desktop"
for s in 16 32 48 64 128 256 512; do
  [ -f "$work/deb/usr/share/icons/hicolor/${s}x${s}/apps/ladder.png" ] || { echo "no ${s}x${s} icon in the .deb"; exit 1; }
done

echo "== lintian"
# --fail-on error: warnings are printed and looked at (README: Packages), not fatal.
lintian --fail-on error --info "$deb"

echo "== apt-get install --dry-run"
# Resolves Depends against what is installed and the configured sources; installs nothing.
apt-get install --dry-run -q "$(realpath "$deb")" >"$work/dry-run.txt" 2>&1 || { cat "$work/dry-run.txt"; exit 1; }
grep -E '^(Inst|Conf) ' "$work/dry-run.txt"

echo "== the unpacked binary starts"
"$here/first-screen.sh" "$work/deb/usr/bin/ladder" "$shots/first-screen-unpacked.png"

echo "== the .rpm"
rpm -qp --queryformat '%{NAME} %{VERSION}-%{RELEASE} %{ARCH} %{LICENSE}\n' "$rpm"
rpm -qpl "$rpm" >"$work/rpm-files.txt"
grep -qx /usr/bin/ladder "$work/rpm-files.txt" || { echo "no /usr/bin/ladder in the .rpm"; exit 1; }
mkdir "$work/rpm"
# Debian's rpm2cpio exits 1 on the bundler's .rpm although the archive it writes is whole
# (cpio reads it cleanly); what was extracted is checked file by file below.
(cd "$work/rpm" && { rpm2cpio "$rpm" || true; } | cpio -id --quiet)
desktop-file-validate "$work/rpm"/usr/share/applications/*.desktop
[ -x "$work/rpm/usr/bin/ladder" ] || { echo "the .rpm has no executable /usr/bin/ladder"; exit 1; }
echo "Requires: $(rpm -qp --requires "$rpm" | grep -v '^rpmlib(' | tr '\n' ' ')"

if [ "${CI:-}" = true ]; then
  echo "== CI: install the .deb, start /usr/bin/ladder, remove it"
  $sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$(realpath "$deb")"
  removed=
  remove() { [ -n "$removed" ] || $sudo_ env DEBIAN_FRONTEND=noninteractive apt-get remove -y -q ladder; removed=1; }
  trap 'remove; rm -rf "$work"' EXIT
  [ -x /usr/bin/ladder ] || { echo "the .deb did not install /usr/bin/ladder"; exit 1; }
  "$here/first-screen.sh" /usr/bin/ladder "$shots/first-screen-installed.png"
  remove
  [ ! -e /usr/bin/ladder ] || { echo "apt-get remove left /usr/bin/ladder behind"; exit 1; }
else
  echo "(the real install, start from /usr/bin/ladder and removal run only with CI=true)"
fi
echo "package-check: the .deb and the .rpm passed."
