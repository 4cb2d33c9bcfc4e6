package io.custops.campaign.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.custops.core.param.ParameterException;

/**
 * A list of customers in a CSV file (RFC 4180, read with Commons CSV): a header row, a
 * {@code customer_id} column (or the one named by {@code column}) and optionally a
 * {@code segment} column. Parameters: {@code column}, {@code delimiter} (a character or
 * {@code tab}, {@code semicolon}), {@code encoding} (UTF-8 by default; a byte-order mark is skipped).
 */
public final class ListFile {

	/** Customer ids in file order with their 1-based line numbers and segments (null when none). */
	public record Rows(List<String> ids, List<Long> lines, List<String> segments) {
	}

	private ListFile() {
	}

	public static Rows read(Path file, Map<String, String> params, String prefix) throws IOException {
		String column = "customer_id";
		char delimiter = ',';
		Charset charset = StandardCharsets.UTF_8;
		for (Map.Entry<String, String> p : params.entrySet()) {
			String value = p.getValue().strip();
			switch (p.getKey()) {
			case "column" -> column = value;
			case "delimiter" -> delimiter = switch (value.toLowerCase(Locale.ROOT)) {
			case "tab", "\\t" -> '\t';
			case "semicolon" -> ';';
			case "comma" -> ',';
			case "pipe" -> '|';
			default -> {
				if (value.length() != 1) {
					throw new ParameterException(prefix + "delimiter", "'" + value + "' is not one character");
				}
				yield value.charAt(0);
			}
			};
			case "encoding" -> {
				try {
					charset = Charset.forName(value);
				} catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
					throw new ParameterException(prefix + "encoding", "unknown encoding '" + value + "'");
				}
			}
			default -> throw new ParameterException(prefix + p.getKey(),
					"unknown; a list file takes column, delimiter, encoding");
			}
		}
		if (!Files.isRegularFile(file)) {
			throw new IOException(Files.exists(file) ? "not a file" : "no such file");
		}
		CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreSurroundingSpaces(true).get();
		List<String> ids = new ArrayList<>();
		List<Long> lines = new ArrayList<>();
		List<String> segments = new ArrayList<>();
		try (InputStream in = Files.newInputStream(file);
				Reader reader = new InputStreamReader(skipBom(in, charset), charset.newDecoder()
						.onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
				CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
			int idColumn = -1;
			int segmentColumn = -1;
			boolean header = true;
			long previous = 0; // line breaks read up to the end of the previous record
			for (CSVRecord record : parser) {
				long line = previous + 1;
				previous = parser.getCurrentLineNumber();
				if (header) {
					header = false;
					for (int i = 0; i < record.size(); i++) {
						String name = record.get(i).strip();
						if (name.equalsIgnoreCase(column)) {
							idColumn = i;
						} else if (name.equalsIgnoreCase("segment")) {
							segmentColumn = i;
						}
					}
					if (idColumn < 0) {
						throw new IOException("no column '" + column + "' in the header " + record.toList()
								+ (params.containsKey("column") ? "" : "; name the column with --param " + prefix
										+ "column=NAME"));
					}
					continue;
				}
				if (record.size() == 1 && record.get(0).isBlank()) {
					continue; // a blank line
				}
				String id = idColumn < record.size() ? record.get(idColumn).strip() : "";
				if (id.isEmpty()) {
					throw new IOException("line " + line + ": missing customer_id");
				}
				ids.add(wholeNumber(id));
				lines.add(line);
				String segment = segmentColumn >= 0 && segmentColumn < record.size() ? record.get(segmentColumn).strip()
						: "";
				segments.add(segment.isEmpty() ? null : segment);
			}
			if (header) {
				throw new IOException("the file is empty (no header row)");
			}
		} catch (CharacterCodingException e) {
			throw new IOException("not valid " + charset.name() + " text; name the encoding with --param " + prefix
					+ "encoding=GBK (or another)");
		} catch (java.io.UncheckedIOException e) {
			if (e.getCause() instanceof CharacterCodingException) {
				throw new IOException("not valid " + charset.name() + " text; name the encoding with --param " + prefix
						+ "encoding=GBK (or another)");
			}
			throw new IOException("not valid CSV: " + e.getCause().getMessage());
		} catch (IllegalStateException e) {
			throw new IOException("not valid CSV: " + e.getMessage());
		}
		return new Rows(ids, lines, segments);
	}

	/** {@code 12923.0}, as spreadsheets write numbers, is customer {@code 12923} (as imports read it). */
	private static String wholeNumber(String id) {
		int dot = id.indexOf('.');
		if (dot > 0 && id.substring(dot + 1).chars().allMatch(ch -> ch == '0') && dot < id.length() - 1
				&& id.substring(0, dot).chars().allMatch(Character::isDigit)) {
			return id.substring(0, dot);
		}
		return id;
	}

	private static InputStream skipBom(InputStream in, Charset charset) throws IOException {
		if (!charset.equals(StandardCharsets.UTF_8)) {
			return in;
		}
		java.io.PushbackInputStream pushback = new java.io.PushbackInputStream(in, 3);
		byte[] head = pushback.readNBytes(3);
		if (!(head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF)) {
			pushback.unread(head);
		}
		return pushback;
	}
}
