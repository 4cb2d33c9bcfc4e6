package io.custops.example.repurchase.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Orders from a JSON-lines file: one flat JSON object per line, e.g.
 * {@code {"order_id":"A1","customer_id":"C1","order_time":"2026-03-01 10:00:00","amount":"129.00","status":"paid"}}.
 * Keys are the canonical order fields; {@code map.<field>=<key>} reads a field from a differently
 * named key. Blank lines are skipped; a line that is not a flat JSON object is rejected with its
 * line number and why, and the import goes on.
 */
@Component(service = DataConnector.class)
public class JsonLinesOrdersConnector implements DataConnector {

	private static final List<ParameterSpec> PARAMETERS = List.of(
			ParameterSpec.builder("encoding", ParameterType.STRING).defaultValue("UTF-8").label("Encoding", "文件编码")
					.build(),
			ParameterSpec.builder("map.*", ParameterType.STRING).label("Key of a field", "字段对应的键")
					.description("map.customer_id=buyer reads customer_id from the key \"buyer\"",
							"map.customer_id=buyer 表示从键 buyer 读取 customer_id")
					.build());

	@Override
	public String id() {
		return "orders-jsonl";
	}

	@Override
	public LocalizedText name() {
		return LocalizedText.of("Orders, JSON lines", "订单（JSON 行）");
	}

	@Override
	public List<ParameterSpec> parameters() {
		return PARAMETERS;
	}

	@Override
	public Set<FactKind> supportedKinds() {
		return Set.of(FactKind.ORDERS);
	}

	@Override
	public void read(ImportRequest request, RecordSink sink) throws ConnectorException {
		if (request.kind() != FactKind.ORDERS) {
			throw new ConnectorException("orders-jsonl reads orders only, not " + request.kind().id());
		}
		Path file = request.file().orElseThrow(() -> new ConnectorException("orders-jsonl needs a file"));
		Charset charset;
		try {
			charset = Charset.forName(request.parameters().string("encoding"));
		} catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
			throw new ConnectorException("unknown encoding '" + request.parameters().string("encoding") + "'");
		}
		Map<String, String> keyOfField = new LinkedHashMap<>();
		for (String field : FactKind.ORDERS.requiredFields()) {
			keyOfField.put(field, field);
		}
		for (String field : FactKind.ORDERS.optionalFields()) {
			keyOfField.put(field, field);
		}
		request.parameters().family("map").forEach((field, key) -> {
			keyOfField.put(field, key);
		});
		var decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
		try (BufferedReader in = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), decoder))) {
			long lineNumber = 0;
			for (String line; (line = in.readLine()) != null;) {
				lineNumber++;
				if ((lineNumber & 0xfff) == 0) {
					request.monitor().checkCanceled();
				}
				if (line.isBlank()) {
					continue;
				}
				Map<String, String> object;
				try {
					object = FlatJson.parseObject(line);
				} catch (FlatJson.JsonException e) {
					sink.reject(lineNumber, null, "not a flat JSON object: " + e.getMessage(), line);
					continue;
				}
				Map<String, String> fields = new LinkedHashMap<>();
				keyOfField.forEach((field, key) -> {
					String value = object.get(key);
					if (value != null) {
						fields.put(field, value);
					}
				});
				sink.accept(lineNumber, fields, line);
			}
		} catch (CharacterCodingException e) {
			throw new ConnectorException(file + " is not valid " + charset.name() + " (choose another encoding=)", e);
		} catch (IOException e) {
			throw new ConnectorException("cannot read " + file + ": " + e.getMessage(), e);
		}
	}
}
