#!/bin/sh
# Copies the shared Eclipse settings (formatter: tabs, 140 columns, comments kept as written;
# organize imports: static, java, javax, jakarta, org, com, io) into every project's .settings,
# so that every contributor's IDE formats alike. Run it after changing a file of this folder.
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
for manifest in "$root"/bundles/*/META-INF/MANIFEST.MF "$root"/tests/*/META-INF/MANIFEST.MF; do
	project=$(dirname "$(dirname "$manifest")")
	mkdir -p "$project/.settings"
	cp "$here/org.eclipse.jdt.core.prefs" "$here/org.eclipse.jdt.ui.prefs" "$project/.settings/"
done
