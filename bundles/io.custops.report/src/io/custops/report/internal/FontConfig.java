package io.custops.report.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the BIRT font configuration used for PDF: the default PDF fonts are the base-14 fonts,
 * which drop every character outside Latin-1, so Latin text is mapped to DejaVu and Chinese to a
 * CJK TrueType font from Debian's packages (fonts-wqy-microhei, or fonts-noto-cjk); PDF embeds
 * what it uses. BIRT's font-folder scan does not recurse: each folder is listed.
 * {@code -Dcustops.report.fontPaths=dir1:dir2} adds folders (searched first).
 */
final class FontConfig {

	/** A CJK family and the file that proves it is installed, in order of preference. */
	private static final String[][] CJK = {
			{ "WenQuanYi Micro Hei", "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc" },
			{ "WenQuanYi Zen Hei", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc" },
			{ "Noto Sans CJK SC", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc" },
			{ "AR PL UMing CN", "/usr/share/fonts/truetype/arphic/uming.ttc" } };

	private static final String[] LATIN_FOLDERS = { "/usr/share/fonts/truetype/dejavu" };

	final String cjkFamily;
	final List<String> folders;

	private FontConfig(String cjkFamily, List<String> folders) {
		this.cjkFamily = cjkFamily;
		this.folders = folders;
	}

	static FontConfig detect() {
		Set<String> folders = new LinkedHashSet<>();
		String extra = System.getProperty("custops.report.fontPaths", "");
		for (String folder : extra.split(java.io.File.pathSeparator)) {
			if (!folder.isBlank()) {
				folders.add(folder.trim());
			}
		}
		String cjk = null;
		for (String[] candidate : CJK) {
			Path file = Path.of(candidate[1]);
			if (Files.isRegularFile(file)) {
				if (cjk == null) {
					cjk = candidate[0];
				}
				folders.add(file.getParent().toString());
			}
		}
		for (String folder : LATIN_FOLDERS) {
			if (Files.isDirectory(Path.of(folder))) {
				folders.add(folder);
			}
		}
		return new FontConfig(cjk, new ArrayList<>(folders));
	}

	boolean hasLatin() {
		return folders.stream().anyMatch(f -> f.endsWith("/dejavu"));
	}

	String xml() {
		StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<font>\n");
		if (hasLatin()) {
			x.append("  <font-aliases>\n");
			x.append("    <mapping name=\"serif\" font-family=\"DejaVu Serif\"/>\n");
			x.append("    <mapping name=\"sans-serif\" font-family=\"DejaVu Sans\"/>\n");
			x.append("    <mapping name=\"monospace\" font-family=\"DejaVu Sans Mono\"/>\n");
			x.append("  </font-aliases>\n");
		}
		String western = hasLatin() ? "DejaVu Sans" : cjkFamily;
		x.append("  <composite-font name=\"all-fonts\"").append(western == null ? "" : " default=\"" + western + "\"")
				.append(">\n");
		if (western != null) {
			x.append("    <font font-family=\"").append(western).append("\" catalog=\"Western\"/>\n");
		}
		if (cjkFamily != null) {
			x.append("    <font font-family=\"").append(cjkFamily).append("\" catalog=\"Chinese\"/>\n");
		}
		x.append("  </composite-font>\n  <font-paths>\n");
		for (String folder : folders) {
			x.append("    <path path=\"").append(folder.replace("&", "&amp;").replace("\"", "&quot;")).append("\"/>\n");
		}
		x.append("  </font-paths>\n</font>\n");
		return x.toString();
	}

	Path write(Path folder) throws IOException {
		Path file = folder.resolve("fontsConfig.xml");
		Files.writeString(file, xml(), StandardCharsets.UTF_8);
		return file;
	}
}
