package io.custops.connector.demo.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;

/**
 * The days of the demo's time span and how busy each one is: a growing shop, a weekly rhythm,
 * the months (a dip around the Spring Festival), and the shopping festivals — 3.8, the 6.18
 * presale and its day, 9.9, the 11.11 presale and its day (by far the busiest), 12.12.
 */
final class ShopCalendar {

	final long startDay;
	final long endDay; // exclusive
	private final double[] cumulative;

	ShopCalendar(LocalDate start, LocalDate end) {
		this.startDay = start.toEpochDay();
		this.endDay = end.toEpochDay();
		int days = (int) (endDay - startDay);
		double[] w = new double[days];
		for (int i = 0; i < days; i++) {
			LocalDate d = LocalDate.ofEpochDay(startDay + i);
			double trend = 1.0 + 0.35 * i / days;
			w[i] = trend * weekday(d) * month(d) * festival(d);
		}
		this.cumulative = Rng.cumulative(w);
	}

	int days() {
		return (int) (endDay - startDay);
	}

	/** A day drawn in proportion to how busy the shop is. */
	long drawDay(Rng rng) {
		return startDay + rng.pick(cumulative);
	}

	/** A day in [from, to) drawn in proportion to how busy the shop is. */
	long drawDay(Rng rng, long from, long to) {
		from = Math.max(from, startDay);
		to = Math.min(to, endDay);
		if (to <= from) {
			return from;
		}
		double lo = from == startDay ? 0 : cumulative[(int) (from - startDay) - 1];
		double hi = cumulative[(int) (to - startDay) - 1];
		double x = lo + rng.nextDouble() * (hi - lo);
		int a = (int) (from - startDay);
		int b = (int) (to - startDay) - 1;
		while (a < b) {
			int mid = (a + b) >>> 1;
			if (cumulative[mid] > x) {
				b = mid;
			} else {
				a = mid + 1;
			}
		}
		return startDay + a;
	}

	/** A second of the day: evening peak normally, the midnight rush on festival days. */
	static int drawSecondOfDay(Rng rng, long day) {
		int hour = rng.pick(isPeakDay(day) ? ShopModel.PEAK_HOUR_WEIGHTS : ShopModel.HOUR_WEIGHTS);
		return hour * 3600 + rng.nextInt(3600);
	}

	static boolean isPeakDay(long epochDay) {
		LocalDate d = LocalDate.ofEpochDay(epochDay);
		return (d.getMonth() == Month.NOVEMBER && d.getDayOfMonth() == 11)
				|| (d.getMonth() == Month.JUNE && d.getDayOfMonth() == 18);
	}

	/** The festival discount of a day, as a ratio off the list price. */
	static double festivalDiscount(long epochDay) {
		LocalDate d = LocalDate.ofEpochDay(epochDay);
		int m = d.getMonthValue();
		int dom = d.getDayOfMonth();
		if ((m == 11 && dom <= 11) || (m == 10 && dom >= 20)) {
			return 0.20;
		}
		if (m == 6 && dom <= 18) {
			return 0.15;
		}
		if ((m == 3 && dom <= 8) || (m == 9 && dom == 9) || (m == 12 && dom == 12)) {
			return 0.10;
		}
		return 0.0;
	}

	/**
	 * The festival peak day a planned repeat purchase is pulled to (stocking up when a festival
	 * is near), or -1: up to 25 days early or 10 days late.
	 */
	static long nearbyPeak(long plannedDay) {
		LocalDate d = LocalDate.ofEpochDay(plannedDay);
		for (LocalDate peak : new LocalDate[] { LocalDate.of(d.getYear(), 6, 18), LocalDate.of(d.getYear(), 11, 11),
				LocalDate.of(d.getYear() + 1, 6, 18), LocalDate.of(d.getYear() - 1, 11, 11) }) {
			long diff = plannedDay - peak.toEpochDay();
			if (diff >= -10 && diff <= 25) {
				return peak.toEpochDay();
			}
		}
		return -1;
	}

	private static double weekday(LocalDate d) {
		DayOfWeek w = d.getDayOfWeek();
		return switch (w) {
		case SATURDAY, SUNDAY -> 1.12;
		case MONDAY -> 1.02;
		case FRIDAY -> 0.94;
		default -> 0.97;
		};
	}

	private static double month(LocalDate d) {
		return switch (d.getMonth()) {
		case JANUARY -> 1.05;
		case FEBRUARY -> 0.78; // couriers stop around the Spring Festival
		case MARCH, MAY -> 1.0;
		case APRIL, SEPTEMBER, OCTOBER -> 0.95;
		case JUNE -> 1.05;
		case JULY, AUGUST -> 0.9;
		case NOVEMBER -> 1.1;
		case DECEMBER -> 1.05;
		};
	}

	private static double festival(LocalDate d) {
		int m = d.getMonthValue();
		int dom = d.getDayOfMonth();
		if (m == 11 && dom == 11) {
			return 7.0;
		}
		if (m == 11 && dom <= 10) {
			return dom <= 3 ? 2.2 : 1.3; // the first wave of the presale pays out on 31.10–3.11
		}
		if (m == 10 && dom >= 20) {
			return 1.4;
		}
		if (m == 11 && dom == 12) {
			return 1.6;
		}
		if (m == 6 && dom == 18) {
			return 4.5;
		}
		if (m == 6 && dom == 1) {
			return 2.2;
		}
		if (m == 6 && dom < 18) {
			return 1.25;
		}
		if (m == 3 && dom == 8) {
			return 2.0;
		}
		if (m == 3 && dom >= 5 && dom < 8) {
			return 1.3;
		}
		if (m == 9 && dom == 9) {
			return 1.6;
		}
		if (m == 12 && dom == 12) {
			return 2.2;
		}
		return 1.0;
	}
}
