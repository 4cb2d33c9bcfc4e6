package io.custops.report.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** pdftotext, pdfimages and pdftoppm (Debian's poppler-utils, installed by test.sh). */
final class Poppler {

	private Poppler() {
	}

	static String text(Path pdf) throws IOException, InterruptedException {
		return run("pdftotext", "-enc", "UTF-8", pdf.toString(), "-");
	}

	/** The text with each line laid out as on the page: a table row is one line, its cells separated by spaces. */
	static String layoutText(Path pdf) throws IOException, InterruptedException {
		return run("pdftotext", "-layout", "-enc", "UTF-8", pdf.toString(), "-");
	}

	/** Width × height of every image in the PDF (soft masks left out). */
	static List<int[]> images(Path pdf) throws IOException, InterruptedException {
		List<int[]> sizes = new ArrayList<>();
		String[] lines = run("pdfimages", "-list", pdf.toString()).split("\n");
		for (int i = 2; i < lines.length; i++) { // two header lines
			String[] f = lines[i].trim().split("\\s+");
			if (f.length > 4 && f[2].equals("image")) { // not the soft masks of transparent PNGs
				sizes.add(new int[] { Integer.parseInt(f[3]), Integer.parseInt(f[4]) });
			}
		}
		return sizes;
	}

	static String fonts(Path pdf) throws IOException, InterruptedException {
		return run("pdffonts", pdf.toString());
	}

	/** Renders every page to prefix-N.png at 80 dpi, for a person to look at. */
	static void pages(Path pdf, Path prefix) throws IOException, InterruptedException {
		run("pdftoppm", "-png", "-r", "80", pdf.toString(), prefix.toString());
	}

	private static String run(String... command) throws IOException, InterruptedException {
		Process process;
		try {
			process = new ProcessBuilder(command).redirectErrorStream(true).start();
		} catch (IOException e) {
			throw new IOException(command[0] + " is missing: install poppler-utils (./test.sh does)", e);
		}
		byte[] out = process.getInputStream().readAllBytes();
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IOException(String.join(" ", command) + " failed: " + new String(out, StandardCharsets.UTF_8));
		}
		return new String(out, StandardCharsets.UTF_8);
	}
}
