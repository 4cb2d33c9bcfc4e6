package io.custops.store.internal;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rejected row's reason in the user's terms (docs/formats.md, "The rejects file"): the
 * source's own column instead of the canonical field, the source's own text instead of the
 * value a connector converted, and the same reason in Chinese for the {@code reason_zh} column
 * and the workbench in 中文.
 */
final class Reasons {

	private Reasons() {
	}

	/**
	 * The reason naming {@code column} where it names {@code field} at its start ({@code amount
	 * 'x' is …}, {@code missing amount}): reasons name their field first, so nothing inside a
	 * quoted value is touched.
	 */
	static String withColumn(String reason, String field, Map<String, String> columns) {
		if (field == null || field.isEmpty() || reason == null) {
			return reason;
		}
		String column = columns.get(field);
		if (column == null || column.isEmpty() || column.equals(field)) {
			return reason;
		}
		if (reason.startsWith(field + " ")) {
			return column + reason.substring(field.length());
		}
		String missing = "missing " + field;
		if (reason.equals(missing) || reason.startsWith(missing + " ")) {
			return "missing " + column + reason.substring(missing.length());
		}
		return reason;
	}

	/**
	 * The reason quoting the source's text where it quotes the converted value (a Taobao time
	 * {@code 2026-02-30 10:00:00} the connector handed on as {@code 2026-02-30T10:00:00}).
	 */
	static String withSourceValue(String reason, String converted, String source) {
		if (converted == null || source == null || reason == null) {
			return reason;
		}
		String from = Canonical.quote(converted.strip());
		String to = Canonical.quote(source.strip());
		int at = reason.indexOf(from);
		return at < 0 || from.equals(to) ? reason : reason.substring(0, at) + to + reason.substring(at + from.length());
	}

	/** An English reason's pattern and its Chinese form ({@code $1} … the pattern's groups). */
	private record Zh(Pattern pattern, String zh) {
	}

	// the subject (a column name) may hold spaces; a quoted value is '…' up to the last quote before the predicate
	private static final String V = "('.*'(?: \\(\\d+ characters\\))?)";
	private static final List<Zh> ZH = List.of(//
			zh("missing (.+?) \\(and no quantity and unit_price to compute it\\)", "缺少 $1（也没有数量和单价可供计算）"),
			zh("missing tag \\(a tag column or tags separated by ;\\)", "缺少标签（需要 tag 列，或以 ; 分隔的 tags）"),
			zh("missing (.+)", "缺少 $1"), //
			zh("(.+?) " + V + " is not a decimal number", "$1 的值 $2 不是数字"),
			zh("(.+?) " + V + " has more than (\\d+) decimal places", "$1 的值 $2 超过 $3 位小数"),
			zh("(.+?) " + V + " is too large", "$1 的值 $2 太大"),
			zh("(.+?) " + V + " is not a whole number", "$1 的值 $2 不是整数"),
			zh("(.+?) " + V + " is not a ratio such as 0.35 or 35%", "$1 的值 $2 不是 0.35 或 35% 这样的比例"),
			zh("(.+?) " + V + " is not between 0 and 1 \\(0% and 100%\\)", "$1 的值 $2 不在 0 到 1（0% 到 100%）之间"),
			zh("(.+?) " + V + " is not an ISO date \\(yyyy-MM-dd\\)", "$1 的值 $2 不是 ISO 日期（yyyy-MM-dd）"),
			zh("(.+?) " + V + " is not an ISO date or date-time \\(yyyy-MM-dd HH:mm:ss\\)",
					"$1 的值 $2 不是 ISO 日期或日期时间（yyyy-MM-dd HH:mm:ss）"),
			zh("(.+?) " + V + " is not a valid date", "$1 的值 $2 不是有效的日期"),
			zh("(.+?) " + V + " is not a valid date or time", "$1 的值 $2 不是有效的日期或时间"),
			zh("(.+?) " + V + " is outside the years (\\d+)–(\\d+)", "$1 的值 $2 超出 $3–$4 年的范围"),
			zh("(.+?) " + V + " is not one of paid, unpaid, refunded, cancelled",
					"$1 的值 $2 不是 paid、unpaid、refunded、cancelled 之一"),
			zh("(.+?) " + V + " matches none of the date formats (.*)", "$1 的值 $2 不符合任何日期格式 $3"),
			zh("(.+?) " + V + " is not treatment or control", "$1 的值 $2 不是 treatment 或 control"),
			zh("tag " + V + " is not one word \\(no spaces, ; , or quotes\\)", "标签 $1 不是一个词（不能含空格、;、, 或引号）"),
			zh("(.+?) longer than (\\d+) characters", "$1 超过 $2 个字符"),
			zh("(.+?) is (\\d+) characters long; a field holds at most (\\d+) \\(64 KiB\\)",
					"$1 长 $2 个字符；一个字段最多 $3 个字符（64 KiB）"),
			zh("the row is (\\d+) characters long; a row holds at most (\\d+) \\(1 MiB\\)",
					"该行长 $1 个字符；一行最多 $2 个字符（1 MiB）"),
			zh("has (\\d+) fields?, the header has (\\d+)", "有 $1 个字段，表头有 $2 个"),
			zh("has (\\d+) fields?, the file's first row has (\\d+)", "有 $1 个字段，文件第一行有 $2 个"),
			zh("(.+?) (\\S+) is negative for a (paid|unpaid) order \\(only refunded or cancelled orders may be negative\\)",
					"$3 订单的 $1 $2 为负数（只有已退款或已取消的订单可为负数）"),
			zh("(.+?) (\\S+) of a (paid|unpaid) order must be at least 1", "$3 订单的 $1 $2 至少应为 1"),
			zh("(.+?) (\\S+) is negative", "$1 $2 为负数"),
			zh("(.+?) (\\S+) is before (.+?) (\\S+)", "$1 $2 早于 $3 $4"),
			zh("unknown campaign_id (.+) \\(import the campaigns first\\)", "未知的活动 campaign_id $1（请先导入活动）"),
			zh("(.+) appears again with other values \\(first on line (\\d+)\\)", "$1 再次出现且取值不同（首次出现在第 $2 行）"),
			zh("order (.+) has (customer_id|status) (.+) \\(line (\\d+)\\), not (.+)", "订单 $1 的 $2 为 $3（第 $4 行），不是 $5"),
			zh("attribute name longer than (\\d+) characters", "属性名超过 $1 个字符"),
			// the taobao connector's own
			zh("the row has (\\d+) fields, the header (\\d+) \\(a line cut short\\?\\)", "该行有 $1 个字段，表头有 $2 个（行被截断了？）"),
			zh("unknown order status " + V + " \\(see the status table of the taobao connector\\)", "未知的订单状态 $1（见淘宝连接器的状态表）"),
			zh("no order status", "没有订单状态"),
			zh("no buyer name: the row cannot be given to a customer", "没有买家会员名：该行无法归到某位客户"));

	private static Zh zh(String regex, String zh) {
		return new Zh(Pattern.compile(regex, Pattern.DOTALL), zh);
	}

	/**
	 * The reason in Chinese, or as it is when no pattern knows it (a plugin connector's own
	 * words, which may already be Chinese).
	 */
	static String zh(String reason) {
		if (reason == null) {
			return "";
		}
		for (Zh z : ZH) {
			Matcher m = z.pattern.matcher(reason);
			if (m.matches()) {
				// one pass over the template, so that a value holding "$1" stays as written
				StringBuilder out = new StringBuilder();
				String t = z.zh;
				for (int i = 0; i < t.length(); i++) {
					char c = t.charAt(i);
					if (c == '$' && i + 1 < t.length() && Character.isDigit(t.charAt(i + 1))) {
						out.append(m.group(t.charAt(++i) - '0'));
					} else {
						out.append(c);
					}
				}
				return out.toString();
			}
		}
		return reason;
	}
}
