package io.custops.connector.csv.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import io.custops.core.LocalizedText;
import io.custops.core.data.FactKind;
import io.custops.core.param.ParameterSpec;
import io.custops.core.param.ParameterType;
import io.custops.core.spi.ConnectorException;
import io.custops.core.spi.DataConnector;
import io.custops.core.spi.ImportRequest;
import io.custops.core.spi.RecordSink;

/**
 * Reads delimited text files (CSV, TSV, …) of any kind of fact: maps the file's columns to the
 * canonical fields and hands their text to the workspace, which checks the values. Parsing is
 * Apache Commons CSV's (RFC 4180 quoting).
 */
@Component(service = DataConnector.class)
public class CsvConnector implements DataConnector {

	static final List<ParameterSpec> PARAMETERS = List.of(
			ParameterSpec.builder("delimiter", ParameterType.STRING).defaultValue(",")
					.label("Delimiter", "分隔符")
					.description("The character between fields: a character, or tab, comma, semicolon, pipe, space.",
							"字段之间的分隔字符：一个字符，或 tab、comma、semicolon、pipe、space。")
					.build(),
			ParameterSpec.builder("quote", ParameterType.STRING).defaultValue("\"")
					.label("Quote character", "引号字符")
					.description("The character around fields holding delimiters, quotes or line breaks; none for no quoting.",
							"包含分隔符、引号或换行的字段两侧的字符；none 表示不使用引号。")
					.build(),
			ParameterSpec.builder("header", ParameterType.BOOLEAN).defaultValue("true")
					.label("First row is a header", "首行为列名")
					.description("Whether the first row names the columns; without one, columns are named by the columns parameter or numbered 1, 2, …",
							"首行是否为列名；否则列由 columns 参数命名，或按 1、2、…… 编号。")
					.build(),
			ParameterSpec.builder("columns", ParameterType.LIST)
					.label("Column names", "列名")
					.description("Names for the columns of a file without a header, comma-separated, in file order.",
							"无列名文件的各列名称，按文件顺序，以逗号分隔。")
					.build(),
			ParameterSpec.builder("encoding", ParameterType.STRING).defaultValue("auto")
					.label("Encoding", "字符编码")
					.description("The file's character encoding: auto (a byte order mark, else UTF-8 when the bytes are valid UTF-8, else GB18030; the import says which), or UTF-8, GBK, GB18030, UTF-16, ISO-8859-1, …",
							"文件的字符编码：auto（按字节顺序标记；否则字节是合法 UTF-8 即为 UTF-8，否则为 GB18030；导入结果会说明所用编码），或 UTF-8、GBK、GB18030、UTF-16、ISO-8859-1 等。")
					.build(),
			ParameterSpec.builder("skipLines", ParameterType.INTEGER).defaultValue("0").min(0)
					.label("Lines to skip", "跳过行数")
					.description("Lines before the header (titles, export notes) to skip.",
							"列名之前需要跳过的行（标题、导出说明）。")
					.build(),
			ParameterSpec.builder("map.*", ParameterType.STRING)
					.label("Column of a field", "字段对应的列")
					.description("map.FIELD=COLUMN: the file column (name, or number from 1) holding a canonical field; columns named like a field are taken without it.",
							"map.字段=列：存放某个标准字段的文件列（列名，或从 1 开始的列号）；与字段同名的列无需映射。")
					.build(),
			ParameterSpec.builder("default.*", ParameterType.STRING)
					.label("Default value of a field", "字段默认值")
					.description("default.FIELD=VALUE: the value when the file has no such column or the cell is empty (e.g. default.status=paid).",
							"default.字段=值：文件没有该列或单元格为空时使用的值（如 default.status=paid）。")
					.build(),
			ParameterSpec.builder("recode.*", ParameterType.STRING)
					.label("Value mapping of a field", "字段值映射")
					.description("recode.FIELD=FROM:TO,FROM:TO: replaces values; FROM may end in * (prefix) or be * (any other value). E.g. recode.status=C*:cancelled,*:paid.",
							"recode.字段=原值:新值,原值:新值：替换取值；原值可以 * 结尾（前缀）或为 *（其他任何值）。如 recode.status=C*:cancelled,*:paid。")
					.build(),
			ParameterSpec.builder("dateFormat", ParameterType.STRING)
					.label("Date format", "日期格式")
					.description("Patterns of the file's dates and times (java.time, e.g. dd/MM/yyyy HH:mm), several separated by |; without it dates must be ISO (yyyy-MM-dd HH:mm:ss).",
							"文件中日期时间的格式（java.time 模式，如 dd/MM/yyyy HH:mm），多个以 | 分隔；不设置时须为 ISO 格式（yyyy-MM-dd HH:mm:ss）。")
					.build());

	@Override
	public String id() {
		return "csv";
	}

	@Override
	public LocalizedText name() {
		return LocalizedText.of("CSV files", "CSV 文件");
	}

	@Override
	public LocalizedText description() {
		return LocalizedText.of(
				"Delimited text files (CSV, TSV) with any delimiter, quoting, encoding and column names.",
				"任意分隔符、引号、编码和列名的分隔文本文件（CSV、TSV）。");
	}

	@Override
	public List<ParameterSpec> parameters() {
		return PARAMETERS;
	}

	@Override
	public Set<FactKind> supportedKinds() {
		return EnumSet.allOf(FactKind.class);
	}

	@Override
	public void read(ImportRequest request, RecordSink sink) throws ConnectorException {
		new CsvReading(request, sink).run();
	}
}
