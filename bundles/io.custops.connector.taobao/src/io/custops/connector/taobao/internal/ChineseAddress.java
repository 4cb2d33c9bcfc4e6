package io.custops.connector.taobao.internal;

import java.util.List;

/**
 * Splits a Chinese postal address into province and city. Seller-centre exports write
 * {@code 浙江省 杭州市 西湖区 文三路 90 号(310012)}: province, city and district separated by
 * spaces; municipalities repeat themselves ({@code 北京 北京市 朝阳区 …}); county-level cities
 * governed by the province sit behind {@code 省直辖县级行政区划}. Addresses typed by hand run
 * together ({@code 浙江省杭州市西湖区…}); those are split by the administrative suffixes.
 *
 * <p>Provinces come out short ({@code 浙江}, {@code 内蒙古}, {@code 北京}), cities as written
 * with their suffix ({@code 杭州市}, {@code 北京市}, {@code 延边朝鲜族自治州}).
 */
final class ChineseAddress {

	/** Province and city; either may be empty when the address does not say. */
	record Region(String province, String city) {
		static final Region UNKNOWN = new Region("", "");
	}

	/** Short name and the full official name of each province-level division. */
	private record Division(String shortName, String fullName, boolean municipality) {
	}

	private static final List<Division> DIVISIONS = List.of(//
			new Division("北京", "北京市", true), new Division("天津", "天津市", true),
			new Division("上海", "上海市", true), new Division("重庆", "重庆市", true),
			new Division("河北", "河北省", false), new Division("山西", "山西省", false),
			new Division("辽宁", "辽宁省", false), new Division("吉林", "吉林省", false),
			new Division("黑龙江", "黑龙江省", false), new Division("江苏", "江苏省", false),
			new Division("浙江", "浙江省", false), new Division("安徽", "安徽省", false),
			new Division("福建", "福建省", false), new Division("江西", "江西省", false),
			new Division("山东", "山东省", false), new Division("河南", "河南省", false),
			new Division("湖北", "湖北省", false), new Division("湖南", "湖南省", false),
			new Division("广东", "广东省", false), new Division("海南", "海南省", false),
			new Division("四川", "四川省", false), new Division("贵州", "贵州省", false),
			new Division("云南", "云南省", false), new Division("陕西", "陕西省", false),
			new Division("甘肃", "甘肃省", false), new Division("青海", "青海省", false),
			new Division("台湾", "台湾省", false), new Division("内蒙古", "内蒙古自治区", false),
			new Division("广西", "广西壮族自治区", false), new Division("西藏", "西藏自治区", false),
			new Division("宁夏", "宁夏回族自治区", false), new Division("新疆", "新疆维吾尔自治区", false),
			new Division("香港", "香港特别行政区", false), new Division("澳门", "澳门特别行政区", false));

	/** City-level suffixes (州 alone is left out: 广州市 would be cut after 广州). */
	private static final String[] CITY_SUFFIXES = { "自治州", "地区", "市", "盟" };

	private ChineseAddress() {
	}

	static Region split(String address) {
		if (address == null) {
			return Region.UNKNOWN;
		}
		String text = address.replace('\u3000', ' ').strip();
		Division division = null;
		int after = 0;
		for (Division d : DIVISIONS) {
			// the full name first: 内蒙古自治区 must not leave 自治区 behind as if it were the city
			if (text.startsWith(d.fullName())) {
				division = d;
				after = d.fullName().length();
				break;
			}
			if (text.startsWith(d.shortName()) && (division == null || d.shortName().length() > after)) {
				division = d;
				after = d.shortName().length();
			}
		}
		if (division == null) {
			return Region.UNKNOWN; // abroad, or not an address
		}
		String rest = text.substring(after).strip();
		if (division.municipality()) {
			return new Region(division.shortName(), division.fullName());
		}
		String city = city(rest);
		if (city.isEmpty() && (division.shortName().equals("香港") || division.shortName().equals("澳门"))) {
			city = division.shortName();
		}
		return new Region(division.shortName(), city);
	}

	private static String city(String rest) {
		if (rest.isEmpty()) {
			return "";
		}
		String[] tokens = rest.split("\\s+");
		int i = 0;
		// 省直辖县级行政区划 / 自治区直辖县级行政区划: the county-level city follows
		while (i < tokens.length && tokens[i].endsWith("行政区划")) {
			i++;
		}
		if (i >= tokens.length) {
			return "";
		}
		String first = tokens[i];
		// cut after the first city-level suffix within a city name's length (addresses typed
		// without spaces run on into the district)
		int best = -1;
		for (String suffix : CITY_SUFFIXES) {
			int at = first.indexOf(suffix);
			if (at > 0 && at <= 10 && (best < 0 || at + suffix.length() < best)) {
				best = at + suffix.length();
			}
		}
		if (best > 0) {
			return first.substring(0, best);
		}
		// the export's form puts the city in a token of its own even without a suffix (香港 九龙 …)
		return tokens.length - i > 1 ? first : "";
	}
}
