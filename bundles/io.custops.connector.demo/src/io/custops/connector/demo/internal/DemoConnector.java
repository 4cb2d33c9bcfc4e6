package io.custops.connector.demo.internal;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import io.custops.connector.demo.internal.CampaignPlan.Campaign;
import io.custops.connector.demo.internal.Shopper.Event;
import io.custops.connector.demo.internal.Shopper.Membership;
import io.custops.connector.demo.internal.Shopper.Order;
import io.custops.core.LocalizedText;
import io.custops.core.ProgressMonitor;
import io.custops.core.data.FactKind;
import io.custops.core.param.ParameterSpec;
import io.custops.core.param.ParameterType;
import io.custops.core.param.Parameters;
import io.custops.core.spi.ConnectorException;
import io.custops.core.spi.DataConnector;
import io.custops.core.spi.ImportRequest;
import io.custops.core.spi.RecordSink;

/**
 * Generates a whole demo shop — customers, orders, behaviour events, campaigns and their
 * members, manual tags — from a seed. Each customer is generated on its own from (seed, index), so every
 * kind streams one customer at a time in constant memory, and separate reads of different
 * kinds describe the same customers.
 */
@Component(service = DataConnector.class)
public class DemoConnector implements DataConnector {

	static final String SEED = "seed";
	static final String CUSTOMERS = "customers";
	static final String END = "end";
	static final String YEARS = "years";

	private static final List<ParameterSpec> PARAMETERS = List.of(
			ParameterSpec.builder(SEED, ParameterType.INTEGER).defaultValue("42").label("Seed", "随机种子")
					.description("The same seed gives the same shop, row for row.", "相同的种子生成完全相同的数据。").build(),
			ParameterSpec.builder(CUSTOMERS, ParameterType.INTEGER).defaultValue("10000").min(1).max(50_000_000)
					.label("Customers", "客户数")
					.description("How many customers the shop has (orders and events grow with it).",
							"客户数量（订单和行为事件随之增长）。")
					.build(),
			ParameterSpec.builder(END, ParameterType.DATE).label("End date", "截止日期")
					.description("Everything happens before this day (default: today).", "所有数据都早于这一天（默认今天）。")
					.build(),
			ParameterSpec.builder(YEARS, ParameterType.INTEGER).defaultValue("2").min(1).max(10)
					.label("Years of history", "历史年数").description("How far back the data goes.", "数据覆盖的年数。")
					.build());

	@Override
	public String id() {
		return "demo";
	}

	@Override
	public LocalizedText name() {
		return LocalizedText.of("Demo shop", "演示店铺");
	}

	@Override
	public LocalizedText description() {
		return LocalizedText.of(
				"A generated beauty shop on several platforms: customers, orders with 6.18 and 11.11 peaks, "
						+ "behaviour events, campaigns with control groups, manual tags. Seeded: the same seed gives the same data.",
				"生成的多平台美妆店铺：客户、含 618 和双11 高峰的订单、行为事件、带对照组的营销活动、手工标签。相同种子生成相同数据。");
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
	public boolean needsFile() {
		return false;
	}

	@Override
	public void read(ImportRequest request, RecordSink sink) throws ConnectorException {
		Parameters p = request.parameters();
		long seed = p.integer(SEED);
		long customers = p.integer(CUSTOMERS);
		LocalDate end = p.has(END) ? p.date(END) : LocalDate.now(request.zone());
		LocalDate start = end.minusYears(p.integer(YEARS));
		ShopCalendar calendar = new ShopCalendar(start, end);
		CampaignPlan plan = new CampaignPlan(seed, calendar, customers);
		Emitter out = new Emitter(sink);
		ProgressMonitor monitor = request.monitor();
		if (request.kind() == FactKind.CAMPAIGNS) {
			for (Campaign c : plan.campaigns) {
				out.row("campaign_id", c.id(), "name", c.name(), "start", LocalDate.ofEpochDay(c.startDay()).toString(),
						"end", LocalDate.ofEpochDay(c.endDay()).toString(), "cost", Text.cents(c.costCents()), "margin",
						c.margin().toPlainString(), "segment", c.segment().id, "description", c.description());
			}
			return;
		}
		int width = Math.max(7, Long.toString(customers).length());
		monitor.begin("Generating the demo shop's " + request.kind().id(), customers);
		for (int i = 0; i < customers; i++) {
			if ((i & 1023) == 0 && i > 0) {
				monitor.checkCanceled();
				monitor.worked(1024);
			}
			Shopper s = new Shopper(seed, i, Text.padded('C', i + 1, width), calendar, plan);
			switch (request.kind()) {
			case CUSTOMERS -> customer(out, s);
			case ORDERS -> orders(out, s);
			case EVENTS -> events(out, s);
			case CAMPAIGN_MEMBERS -> {
				for (Membership m : s.memberships) {
					out.row("campaign_id", m.campaign().id(), "customer_id", s.id, "group",
							m.control() ? "control" : "treatment");
				}
			}
			case TAGS -> tags(out, s);
			case CAMPAIGNS -> throw new IllegalStateException(); // handled above
			}
		}
		monitor.done();
	}

	private static void customer(Emitter out, Shopper s) {
		long firstOrder = s.orders.isEmpty() ? Long.MAX_VALUE : Math.floorDiv(s.orders.get(0).time(), 86_400L);
		out.row("customer_id", s.id, "name", s.name, "phone", s.phone, "gender", s.gender, "birthday",
				s.birthday == null ? "" : s.birthday.toString(), "province", s.province.name(), "city", s.city,
				"channel", s.channel, "first_seen", LocalDate.ofEpochDay(Math.min(s.firstSeenDay, firstOrder)).toString(),
				"member_level", s.memberLevel());
	}

	private static void orders(Emitter out, Shopper s) {
		int seq = 0;
		for (Order o : s.orders) {
			seq++;
			out.row("order_id", "O" + s.id.substring(1) + "-" + (seq < 10 ? "0" + seq : Integer.toString(seq)),
					"customer_id", s.id, "order_time", Text.dateTime(o.time()), "amount", Text.cents(o.amountCents()),
					"status", o.status().id, "quantity", Integer.toString(o.quantity()), "product_id", o.product().id(),
					"category", o.product().category(), "channel", o.channel(), "usage_days",
					Integer.toString(o.product().usageDays()), "province", s.province.name(), "city", s.city,
					"unit_price", Text.cents(o.unitPriceCents()), "pay_time",
					o.payTime() < 0 ? "" : Text.dateTime(o.payTime()));
		}
	}

	/**
	 * Manual tags as a service team would set them, derived from what the shopper did (no random
	 * draw, so the other kinds stay as they were): fans are looked after by the VIP care team, a
	 * refund leaves a complaint.
	 */
	private static void tags(Emitter out, Shopper s) {
		StringBuilder tags = new StringBuilder();
		if (s.archetype == Shopper.Archetype.FAN) {
			tags.append("vip-care");
		}
		if (s.orders.stream().anyMatch(o -> o.status() == Shopper.Status.REFUNDED)) {
			tags.append(tags.isEmpty() ? "" : ";").append("complaint");
		}
		if (!tags.isEmpty()) {
			out.row("customer_id", s.id, "tags", tags.toString());
		}
	}

	private static void events(Emitter out, Shopper s) {
		String sessionPrefix = "S" + s.id.substring(1) + "-";
		for (Event e : s.events()) {
			out.row("customer_id", s.id, "event_time", Text.dateTime(e.time()), "event_type", e.type(), "item_id",
					e.itemId() == null ? "" : e.itemId(), "session_id", sessionPrefix + e.session(), "channel",
					e.channel(), "query", e.query() == null ? "" : e.query());
		}
	}

	/** Numbers rows from 1 and renders each one as a CSV-like raw line, empty fields left out of the map. */
	private static final class Emitter {
		private final RecordSink sink;
		private long line;
		private final StringBuilder raw = new StringBuilder(160);

		Emitter(RecordSink sink) {
			this.sink = sink;
		}

		void row(String... keysAndValues) {
			Map<String, String> fields = new LinkedHashMap<>(keysAndValues.length);
			raw.setLength(0);
			for (int i = 0; i < keysAndValues.length; i += 2) {
				String value = keysAndValues[i + 1];
				if (i > 0) {
					raw.append(',');
				}
				raw.append(value);
				if (!value.isEmpty()) {
					fields.put(keysAndValues[i], value);
				}
			}
			sink.accept(++line, fields, raw.toString());
		}
	}
}
