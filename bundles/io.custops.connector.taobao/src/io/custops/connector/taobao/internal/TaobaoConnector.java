package io.custops.connector.taobao.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.osgi.service.component.annotations.Component;

import io.custops.core.FileKinds;
import io.custops.core.LocalizedText;
import io.custops.core.data.FactKind;
import io.custops.core.param.ParameterSpec;
import io.custops.core.param.ParameterType;
import io.custops.core.spi.ConnectorException;
import io.custops.core.spi.DataConnector;
import io.custops.core.spi.ImportRequest;
import io.custops.core.spi.RecordSink;

/**
 * Reads the order export of the Taobao/Tmall seller centre (已卖出的宝贝 → 批量导出 → 订单报表,
 * {@code ExportOrderList*.csv}): GBK text, Chinese headers (some with trailing spaces), values
 * wrapped as {@code ="…"} or prefixed with {@code '} so that Excel keeps their digits. Orders
 * come out one per row; customers one per buyer (买家会员名), with the latest address and phone.
 */
@Component(service = DataConnector.class)
public class TaobaoConnector implements DataConnector {

	static final String ENCODING = "encoding";
	static final String CHANNEL = "channel";

	// the export's columns, by the names this connector reads (aliases of older/other exports after them)
	static final String ORDER_ID = "订单编号";
	static final String BUYER = "买家会员名";
	static final String PAID = "买家实际支付金额";
	static final String TOTAL = "总金额";
	static final String STATUS = "订单状态";
	static final String CREATED = "订单创建时间";
	static final String PAY_TIME = "订单付款时间";
	static final String ADDRESS = "收货地址";
	static final String MOBILE = "联系手机";
	static final String RECEIVER = "收货人姓名";
	static final String QUANTITY = "宝贝总数量";
	static final String REFUND = "退款金额";
	static final String CLOSE_REASON = "订单关闭原因";
	static final String ALIPAY = "买家支付宝账号";

	/** Where seller-centre exports are written: their times are China time. */
	static final ZoneId EXPORT_ZONE = ZoneId.of("Asia/Shanghai");

	private static final Map<String, List<String>> ALIASES = Map.ofEntries(//
			Map.entry(ORDER_ID, List.of("订单编号", "订单号")), //
			Map.entry(BUYER, List.of("买家会员名", "买家会员名称", "买家昵称")), //
			Map.entry(PAID, List.of("买家实际支付金额", "买家实付金额", "实付金额")), //
			Map.entry(TOTAL, List.of("总金额", "订单金额")), //
			Map.entry(STATUS, List.of("订单状态", "交易状态")), //
			Map.entry(CREATED, List.of("订单创建时间", "下单时间", "创建时间")), //
			Map.entry(PAY_TIME, List.of("订单付款时间", "付款时间")), //
			Map.entry(ADDRESS, List.of("收货地址")), //
			Map.entry(MOBILE, List.of("联系手机", "手机")), //
			Map.entry(RECEIVER, List.of("收货人姓名", "收货人")), //
			Map.entry(QUANTITY, List.of("宝贝总数量", "宝贝数量")), //
			Map.entry(REFUND, List.of("退款金额")), //
			Map.entry(CLOSE_REASON, List.of("订单关闭原因")), //
			Map.entry(ALIPAY, List.of("买家支付宝账号")));

	private static final List<String> ORDER_COLUMNS = List.of(ORDER_ID, BUYER, PAID, STATUS, CREATED);
	private static final List<String> CUSTOMER_COLUMNS = List.of(BUYER);

	private static final List<ParameterSpec> PARAMETERS = List.of(
			ParameterSpec.builder(ENCODING, ParameterType.CHOICE).choices("GBK", "GB18030", "UTF-8").defaultValue("GBK")
					.label("Encoding", "文件编码")
					.description("The seller centre writes GBK; a UTF-8 byte-order mark always wins.",
							"卖家中心导出为 GBK；文件带 UTF-8 BOM 时按 UTF-8 读取。")
					.build(),
			ParameterSpec.builder(CHANNEL, ParameterType.STRING).defaultValue("taobao").label("Channel", "渠道")
					.description("The channel recorded for these orders and customers (taobao, tmall, …).",
							"记录到订单和客户上的渠道（taobao、tmall 等）。")
					.build());

	@Override
	public String id() {
		return "taobao";
	}

	@Override
	public LocalizedText name() {
		return LocalizedText.of("Taobao/Tmall order export", "淘宝/天猫订单报表");
	}

	@Override
	public LocalizedText description() {
		return LocalizedText.of(
				"The seller centre's order export (ExportOrderList*.csv, GBK): orders, and customers by buyer name.",
				"卖家中心导出的订单报表（ExportOrderList*.csv，GBK 编码）：导入订单，或按买家会员名导入客户。");
	}

	@Override
	public List<ParameterSpec> parameters() {
		return PARAMETERS;
	}

	@Override
	public Set<FactKind> supportedKinds() {
		return EnumSet.of(FactKind.ORDERS, FactKind.CUSTOMERS);
	}

	@Override
	public void read(ImportRequest request, RecordSink sink) throws ConnectorException {
		Path file = request.file()
				.orElseThrow(() -> new ConnectorException("the taobao connector reads a file: give the seller centre's order export"));
		if (!supportedKinds().contains(request.kind())) {
			throw new ConnectorException(file + ": the taobao order export holds orders and customers, not " + request.kind().id());
		}
		if (FileKinds.isZip(file) || FileKinds.isOle2(file)) {
			// seller centre exports are CSV; a workbook is the user's own copy, read by the xlsx connector
			throw new ConnectorException(file + ": an Excel workbook, not the seller centre's CSV export: import it with the xlsx connector"
					+ " (--connector xlsx" + (FileKinds.isOle2(file) ? ", after saving it as xlsx" : "")
					+ ", mapping the columns with --param map.order_id=订单编号 …), or export the orders again as CSV");
		}
		Charset charset = Charset.forName(request.parameters().string(ENCODING));
		String channel = request.parameters().string(CHANNEL).strip();
		try (InputStream in = open(file)) {
			if (skipUtf8Bom(in)) {
				charset = StandardCharsets.UTF_8;
			}
			CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT);
			Reader reader = new InputStreamReader(in, decoder);
			CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();
			try (CSVParser parser = format.parse(reader)) {
				new Reading(file, charset, channel, request, sink, parser).run();
			} catch (UncheckedIOException e) {
				throw problem(file, charset, e.getCause());
			}
		} catch (NoSuchFileException e) {
			throw new ConnectorException(file + ": no such file");
		} catch (IOException e) {
			throw problem(file, charset, e);
		}
	}

	private static InputStream open(Path file) throws IOException {
		if (Files.isDirectory(file)) {
			throw new IOException("is a directory, not an order export");
		}
		return new BufferedInputStream(Files.newInputStream(file), 1 << 16);
	}

	private static boolean skipUtf8Bom(InputStream in) throws IOException {
		in.mark(3);
		byte[] head = in.readNBytes(3);
		if (head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
			return true;
		}
		in.reset();
		return false;
	}

	private static ConnectorException problem(Path file, Charset charset, IOException e) {
		if (e instanceof CharacterCodingException) {
			return new ConnectorException(file + ": not readable as " + charset.name()
					+ " (bytes that are not " + charset.name() + " text); try --param encoding=GB18030 or UTF-8", e);
		}
		return new ConnectorException(file + ": " + e.getMessage(), e);
	}

	/** One pass over one file. */
	private static final class Reading {
		private final Path file;
		private final Charset charset;
		private final String channel;
		private final ImportRequest request;
		private final RecordSink sink;
		private final CSVParser parser;
		private final Map<String, Integer> columns = new HashMap<>();
		/** Each read column's name as this file's header writes it (an older export's alias, trailing spaces trimmed). */
		private final Map<String, String> headerNames = new HashMap<>();
		private int headerSize;
		private int lastUsedColumn;

		Reading(Path file, Charset charset, String channel, ImportRequest request, RecordSink sink, CSVParser parser) {
			this.file = file;
			this.charset = charset;
			this.channel = channel;
			this.request = request;
			this.sink = sink;
			this.parser = parser;
		}

		void run() throws ConnectorException {
			Iterator<CSVRecord> records = parser.iterator();
			if (!records.hasNext()) {
				throw new ConnectorException(file + ": empty file, no header row");
			}
			readHeader(records.next());
			noteZone();
			boolean orders = request.kind() == FactKind.ORDERS;
			Map<String, Buyer> buyers = orders ? null : new LinkedHashMap<>();
			long rows = 0;
			while (true) {
				long line = parser.getCurrentLineNumber() + 1;
				if (!records.hasNext()) {
					break;
				}
				CSVRecord record = records.next();
				if (++rows % 4096 == 0) {
					request.monitor().checkCanceled();
				}
				String raw = record.stream().collect(() -> new StringBuilder(),
						(b, v) -> (b.isEmpty() ? b : b.append(',')).append(quote(v)), StringBuilder::append).toString();
				if (record.size() <= lastUsedColumn) {
					sink.reject(line, "", "the row has " + record.size() + " fields, the header " + headerSize
							+ " (a line cut short?)", raw);
					continue;
				}
				if (orders) {
					order(line, record, raw);
				} else {
					customer(line, record, raw, buyers);
				}
			}
			noteMasked();
			if (buyers != null) {
				for (Map.Entry<String, Buyer> e : buyers.entrySet()) {
					Buyer b = e.getValue();
					Map<String, String> fields = new LinkedHashMap<>();
					fields.put("customer_id", e.getKey());
					put(fields, "name", b.name);
					put(fields, "phone", b.phone);
					put(fields, "province", b.region.province());
					put(fields, "city", b.region.city());
					put(fields, "channel", channel);
					if (b.firstSeen != null) {
						put(fields, "first_seen", b.firstSeen.length() >= 10 ? b.firstSeen.substring(0, 10) : b.firstSeen);
					}
					sink.accept(b.line, fields, b.raw);
				}
			}
		}

		/** The export's times are China time: a workspace in another zone would keep them hours off. */
		private void noteZone() {
			ZoneId zone = request.zone();
			if (!zone.getRules().equals(EXPORT_ZONE.getRules())) {
				sink.note("the seller centre writes China time (Asia/Shanghai) but the workspace's time zone is " + zone.getId()
						+ ": the times are kept as written, as " + zone.getId() + " times; set the workspace's zone with"
						+ " ./custops workspace zone Asia/Shanghai before the first orders are imported"
						+ " / 淘宝导出的时间为北京时间（Asia/Shanghai），而工作区时区为 " + zone.getId()
						+ "：时间按原样作为 " + zone.getId() + " 时间保存；请在首次导入订单前用 ./custops workspace zone Asia/Shanghai 设置工作区时区");
			}
		}

		private void readHeader(CSVRecord header) throws ConnectorException {
			headerSize = header.size();
			Map<String, Integer> byName = new HashMap<>();
			for (int i = 0; i < header.size(); i++) {
				byName.putIfAbsent(Cells.header(header.get(i)), i);
			}
			for (Map.Entry<String, List<String>> alias : ALIASES.entrySet()) {
				for (String name : alias.getValue()) {
					Integer index = byName.get(name);
					if (index != null) {
						columns.put(alias.getKey(), index);
						headerNames.put(alias.getKey(), name);
						break;
					}
				}
			}
			List<String> required = request.kind() == FactKind.ORDERS ? ORDER_COLUMNS : CUSTOMER_COLUMNS;
			List<String> missing = new ArrayList<>();
			for (String column : required) {
				if (!columns.containsKey(column)) {
					missing.add(column);
				}
			}
			if (!missing.isEmpty()) {
				String found = String.join(",", header.stream().limit(8).toList());
				throw new ConnectorException(file + ": required column" + (missing.size() > 1 ? "s " : " ")
						+ String.join(", ", missing) + " missing from the header (read as " + charset.name() + ": '"
						+ found + (header.size() > 8 ? ",…" : "") + "'); is this the seller centre's order export"
						+ (charset.equals(StandardCharsets.UTF_8) ? "?" : ", and is it " + charset.name() + "? (--param encoding=UTF-8)"));
			}
			sink.sourceColumns(sourceColumns(request.kind() == FactKind.ORDERS));
			// a row that stops before a column this connector reads is a broken line, not a short row
			lastUsedColumn = columns.values().stream().mapToInt(Integer::intValue).max().orElse(0);
		}

		/** The file's column of each canonical field it fills, so that the workspace's reasons name it. */
		private Map<String, String> sourceColumns(boolean orders) {
			Map<String, String> of = new HashMap<>();
			BiConsumer<String, String> put = (field, column) -> {
				String name = headerNames.get(column);
				if (name != null) {
					of.put(field, name);
				}
			};
			put.accept("customer_id", BUYER);
			if (orders) {
				put.accept("order_id", ORDER_ID);
				put.accept("order_time", CREATED);
				put.accept("pay_time", PAY_TIME);
				put.accept("amount", PAID);
				put.accept("status", STATUS);
				put.accept("quantity", QUANTITY);
			} else {
				put.accept("name", RECEIVER);
				put.accept("phone", MOBILE);
				put.accept("first_seen", CREATED);
			}
			return of;
		}

		private String get(CSVRecord record, String column) {
			Integer index = columns.get(column);
			return index == null || index >= record.size() ? "" : Cells.clean(record.get(index));
		}

		private void order(long line, CSVRecord record, String raw) {
			String statusText = get(record, STATUS);
			String paidText = get(record, PAID);
			BigDecimal paid = Cells.amount(paidText);
			String payTime = get(record, PAY_TIME);
			TaobaoStatus.Mapped mapped = TaobaoStatus.map(statusText, !payTime.isEmpty(), paid,
					Cells.amount(get(record, TOTAL)), Cells.amount(get(record, REFUND)), get(record, CLOSE_REASON));
			if (mapped == null) {
				sink.reject(line, STATUS, statusText.isEmpty() ? "no order status"
						: "unknown order status '" + statusText + "' (see the status table of the taobao connector)", raw);
				return;
			}
			Map<String, String> fields = new LinkedHashMap<>();
			put(fields, "order_id", get(record, ORDER_ID));
			put(fields, "customer_id", buyerKey(record));
			put(fields, "order_time", Cells.dateTime(get(record, CREATED)));
			// an unreadable amount goes on as written: the workspace rejects it with its own message
			put(fields, "amount", mapped.amount() != null ? mapped.amount().toPlainString() : paidText);
			put(fields, "status", mapped.status());
			put(fields, "quantity", get(record, QUANTITY));
			put(fields, "channel", channel);
			ChineseAddress.Region region = ChineseAddress.split(get(record, ADDRESS));
			put(fields, "province", region.province());
			put(fields, "city", region.city());
			put(fields, "pay_time", Cells.dateTime(payTime));
			// the times as the file writes them, for a reason to quote ('2026-02-30 10:00:00', not the ISO form)
			Map<String, String> source = new HashMap<>(4);
			putIfConverted(source, fields, "order_time", get(record, CREATED));
			putIfConverted(source, fields, "pay_time", payTime);
			sink.accept(line, fields, source, raw);
		}

		private void customer(long line, CSVRecord record, String raw, Map<String, Buyer> buyers) {
			if (get(record, BUYER).isEmpty()) {
				sink.reject(line, BUYER, "no buyer name: the row cannot be given to a customer", raw);
				return;
			}
			String buyer = buyerKey(record);
			String created = Cells.dateTime(get(record, CREATED));
			Buyer b = buyers.computeIfAbsent(buyer, k -> new Buyer(line, raw));
			if (isTime(created) && (b.firstSeen == null || created.compareTo(b.firstSeen) < 0)) {
				b.firstSeen = created;
			}
			// the most recent order's contact details win; rows are not in time order in every export
			if (b.latest == null || !isTime(created) || created.compareTo(b.latest) >= 0) {
				if (isTime(created)) {
					b.latest = created;
				}
				String name = get(record, RECEIVER);
				String phone = get(record, MOBILE);
				ChineseAddress.Region region = ChineseAddress.split(get(record, ADDRESS));
				if (!name.isEmpty()) {
					b.name = name;
				}
				if (!phone.isEmpty()) {
					b.phone = phone;
				}
				if (!region.province().isEmpty()) {
					b.region = region;
				}
			}
		}

		private static void putIfConverted(Map<String, String> source, Map<String, String> fields, String field, String written) {
			String value = fields.get(field);
			if (value != null && !value.equals(written)) {
				source.put(field, written);
			}
		}

		/** Masked nicknames met (t**1) and the customers they were keyed into. */
		private final Map<String, java.util.Set<String>> masked = new HashMap<>();
		private long maskedRows;

		/**
		 * The customer of a row: the buyer's nickname, or, when the export masks it ({@code t**1},
		 * which many buyers share), the nickname with a digest of the row's other identity fields
		 * (买家支付宝账号, 收货人姓名, 联系手机; the order itself when it has none), so that two buyers
		 * are never merged because their masked nicknames agree (docs/connectors.md).
		 */
		private String buyerKey(CSVRecord record) {
			String nick = get(record, BUYER);
			if (!Cells.isMasked(nick)) {
				return nick;
			}
			String identity = String.join("\u0001", get(record, ALIPAY), get(record, RECEIVER), get(record, MOBILE));
			if (identity.replace("\u0001", "").isEmpty()) {
				identity = "order\u0001" + get(record, ORDER_ID);
			}
			String key = nick + "#" + Cells.digest(identity);
			maskedRows++;
			masked.computeIfAbsent(nick, k -> new java.util.HashSet<>()).add(key);
			return key;
		}

		/** Says how many rows had a masked nickname and what became of them. */
		private void noteMasked() {
			if (maskedRows == 0) {
				return;
			}
			long customers = masked.values().stream().mapToLong(java.util.Set::size).sum();
			String example = masked.keySet().stream().sorted().findFirst().orElse("");
			sink.note(maskedRows + " row" + (maskedRows == 1 ? " has" : "s have") + " a masked buyer nickname (" + example
					+ "), " + masked.size() + " different nickname" + (masked.size() == 1 ? "" : "s") + ": the customers are told apart by"
					+ " 买家支付宝账号, 收货人姓名 and 联系手机 (" + customers + " customer" + (customers == 1 ? "" : "s")
					+ ", ids like " + example + "#…); a buyer who changed these counts twice"
					+ " / " + maskedRows + " 行的买家会员名已打码（如 " + example + "）：按买家支付宝账号、收货人姓名和联系手机区分客户，共 "
					+ customers + " 位客户；更换过这些信息的买家会被计为多位客户");
		}

		private static boolean isTime(String iso) {
			return iso.length() >= 10 && iso.charAt(4) == '-' && iso.charAt(7) == '-';
		}

		private static void put(Map<String, String> fields, String key, String value) {
			if (value != null && !value.isEmpty()) {
				fields.put(key, value);
			}
		}

		private static String quote(String value) {
			// as the export writes it: ="…" cells stand unquoted, only separators and line breaks need quotes
			if (value.indexOf(',') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0 && !value.startsWith("\"")) {
				return value;
			}
			return '"' + value.replace("\"", "\"\"") + '"';
		}
	}

	/** What the export tells of one buyer, gathered over their rows. */
	private static final class Buyer {
		final long line;
		final String raw;
		String firstSeen;
		String latest;
		String name = "";
		String phone = "";
		ChineseAddress.Region region = ChineseAddress.Region.UNKNOWN;

		Buyer(long line, String raw) {
			this.line = line;
			this.raw = raw;
		}
	}
}
