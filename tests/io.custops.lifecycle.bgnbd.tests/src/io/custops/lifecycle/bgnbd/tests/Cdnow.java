package io.custops.lifecycle.bgnbd.tests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.FrameworkUtil;

import io.custops.core.data.CustomerDataset;
import io.custops.core.data.CustomerDatasetBuilder;
import io.custops.core.data.OrderStatus;

/** The CDNOW sample shipped in this bundle's data/ folder. */
final class Cdnow {

	static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
	static final LocalDate AS_OF = LocalDate.of(1998, 7, 1);

	/** One line of CDNOW_sample.txt: sample id (the customer), date, dollar value in cents. */
	record Transaction(String customer, LocalDate date, long cents) {
	}

	private static List<Transaction> transactions;
	private static CustomerDataset dataset;

	private Cdnow() {
	}

	static synchronized List<Transaction> transactions() throws IOException {
		if (transactions == null) {
			List<Transaction> list = new ArrayList<>();
			for (String line : lines("data/CDNOW_sample.txt")) {
				if (line.isBlank()) {
					continue;
				}
				String[] f = line.trim().split("\\s+");
				// the sample id without its leading zeros is the ID of the published summaries
				list.add(new Transaction(Integer.toString(Integer.parseInt(f[1])),
						LocalDate.parse(f[2], DateTimeFormatter.BASIC_ISO_DATE),
						new BigDecimal(f[4]).movePointRight(2).longValueExact()));
			}
			transactions = list;
		}
		return transactions;
	}

	/** Every transaction a paid order at the start of its day, in the order of the file. */
	static synchronized CustomerDataset dataset() throws IOException {
		if (dataset == null) {
			CustomerDatasetBuilder builder = CustomerDataset.builder(ZoneOffset.UTC);
			for (Transaction t : transactions()) {
				builder.order(t.customer(), CustomerDataset.localSeconds(t.date().atStartOfDay()), t.cents(),
						OrderStatus.PAID, 1, 0, null);
			}
			dataset = builder.build();
		}
		return dataset;
	}

	static List<String> lines(String entry) throws IOException {
		URL url = FrameworkUtil.getBundle(Cdnow.class).getEntry(entry);
		if (url == null) {
			throw new IOException(entry + " is not in the test bundle (build.properties bin.includes?)");
		}
		List<String> lines = new ArrayList<>();
		try (BufferedReader in = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				lines.add(line);
			}
		}
		return lines;
	}
}
