package io.custops.connector.demo.internal;

import java.util.List;

/**
 * The fixed facts of the demo shop: a beauty and personal-care brand selling on several
 * platforms. Products carry a usage cycle (how many days one unit lasts) that drives repeat
 * purchases; regions follow the rough shape of Chinese online retail (the coastal provinces
 * and the big cities buy most).
 */
final class ShopModel {

	/** One product: id, category, list price in cents, usage days of one unit, search words. */
	record Product(String id, String category, long priceCents, int usageDays, String query) {
	}

	static final List<String> CATEGORIES = List.of("skincare", "makeup", "haircare", "bodycare", "beauty-tools");
	static final double[] CATEGORY_WEIGHTS = Rng.cumulative(0.45, 0.20, 0.15, 0.15, 0.05);

	static final Product[][] PRODUCTS = {
			{ // skincare: creams, serums and masks, 30–90 days
					new Product("SK-101", "skincare", 22900, 60, "保湿面霜"),
					new Product("SK-102", "skincare", 39900, 45, "精华液 抗老"),
					new Product("SK-103", "skincare", 9900, 30, "补水面膜"),
					new Product("SK-104", "skincare", 8900, 60, "氨基酸洗面奶"),
					new Product("SK-105", "skincare", 15900, 90, "防晒霜 spf50"),
					new Product("SK-106", "skincare", 13900, 60, "爽肤水 补水"),
					new Product("SK-107", "skincare", 29900, 90, "眼霜 淡化细纹") },
			{ // makeup: slower cycles
					new Product("MU-201", "makeup", 8900, 180, "口红 哑光"),
					new Product("MU-202", "makeup", 25900, 90, "粉底液 持妆"),
					new Product("MU-203", "makeup", 4900, 120, "眉笔 防水"),
					new Product("MU-204", "makeup", 11900, 120, "睫毛膏 纤长"),
					new Product("MU-205", "makeup", 16900, 120, "散粉 控油") },
			{ // haircare
					new Product("HC-301", "haircare", 6900, 60, "洗发水 去屑"),
					new Product("HC-302", "haircare", 5900, 60, "护发素 柔顺"),
					new Product("HC-303", "haircare", 8900, 45, "发膜 修护") },
			{ // bodycare
					new Product("BC-401", "bodycare", 7900, 60, "身体乳 香味持久"),
					new Product("BC-402", "bodycare", 5900, 60, "沐浴露 大瓶"),
					new Product("BC-403", "bodycare", 4900, 45, "护手霜 礼盒") },
			{ // beauty tools: bought once a year at most
					new Product("TL-501", "beauty-tools", 39900, 365, "洁面仪"),
					new Product("TL-502", "beauty-tools", 129900, 365, "美容仪 射频"),
					new Product("TL-503", "beauty-tools", 12900, 365, "化妆刷 套装") } };

	/** Words typed in the shop's search box without a product in mind. */
	static final String[] BROWSE_QUERIES = { "新品", "套装 送礼", "敏感肌", "学生党 平价", "双十一 预售", "旗舰店 正品",
			"小样 试用装", "男士 护肤", "618 活动" };

	/** Source channels of customers (and of most of their orders). */
	static final String[] CHANNELS = { "tmall", "taobao", "douyin", "jd", "wechat", "offline" };
	static final double[] CHANNEL_WEIGHTS = Rng.cumulative(0.38, 0.17, 0.20, 0.12, 0.09, 0.04);

	/** Province (short name), weight in %, and its main cities with their weights. */
	record Province(String name, double weight, String[] cities, double[] cityWeights) {
	}

	private static Province p(String name, double weight, Object... citiesAndWeights) {
		String[] cities = new String[citiesAndWeights.length / 2];
		double[] w = new double[cities.length];
		for (int i = 0; i < cities.length; i++) {
			cities[i] = (String) citiesAndWeights[2 * i];
			w[i] = ((Number) citiesAndWeights[2 * i + 1]).doubleValue();
		}
		return new Province(name, weight, cities, Rng.cumulative(w));
	}

	static final Province[] PROVINCES = { //
			p("广东", 13.0, "广州市", 30, "深圳市", 32, "东莞市", 10, "佛山市", 10, "珠海市", 4, "汕头市", 4, "惠州市", 5, "中山市", 5),
			p("浙江", 9.0, "杭州市", 38, "宁波市", 18, "温州市", 14, "金华市", 12, "嘉兴市", 8, "绍兴市", 10),
			p("江苏", 9.0, "苏州市", 26, "南京市", 24, "无锡市", 14, "常州市", 10, "南通市", 10, "徐州市", 8, "扬州市", 8),
			p("山东", 6.0, "济南市", 26, "青岛市", 30, "烟台市", 14, "潍坊市", 14, "临沂市", 16),
			p("上海", 5.5, "上海市", 100),
			p("北京", 5.0, "北京市", 100),
			p("四川", 5.0, "成都市", 70, "绵阳市", 10, "宜宾市", 8, "南充市", 12),
			p("河南", 5.0, "郑州市", 45, "洛阳市", 18, "新乡市", 12, "南阳市", 13, "商丘市", 12),
			p("湖北", 4.0, "武汉市", 65, "宜昌市", 12, "襄阳市", 13, "荆州市", 10),
			p("福建", 4.0, "厦门市", 28, "福州市", 32, "泉州市", 30, "漳州市", 10),
			p("湖南", 3.5, "长沙市", 55, "株洲市", 15, "衡阳市", 15, "岳阳市", 15),
			p("河北", 3.5, "石家庄市", 35, "保定市", 22, "唐山市", 20, "廊坊市", 23),
			p("安徽", 3.0, "合肥市", 55, "芜湖市", 18, "阜阳市", 14, "安庆市", 13),
			p("陕西", 2.5, "西安市", 75, "咸阳市", 13, "宝鸡市", 12),
			p("辽宁", 2.5, "沈阳市", 45, "大连市", 45, "鞍山市", 10),
			p("重庆", 2.5, "重庆市", 100),
			p("江西", 2.0, "南昌市", 50, "赣州市", 30, "九江市", 20),
			p("广西", 2.0, "南宁市", 50, "柳州市", 25, "桂林市", 25),
			p("云南", 2.0, "昆明市", 70, "曲靖市", 15, "大理白族自治州", 15),
			p("天津", 1.5, "天津市", 100),
			p("山西", 1.5, "太原市", 60, "大同市", 20, "运城市", 20),
			p("黑龙江", 1.5, "哈尔滨市", 70, "大庆市", 15, "齐齐哈尔市", 15),
			p("贵州", 1.5, "贵阳市", 65, "遵义市", 35),
			p("吉林", 1.0, "长春市", 65, "吉林市", 35),
			p("内蒙古", 1.0, "呼和浩特市", 45, "包头市", 35, "鄂尔多斯市", 20),
			p("新疆", 0.8, "乌鲁木齐市", 70, "伊犁哈萨克自治州", 15, "昌吉回族自治州", 15),
			p("甘肃", 0.8, "兰州市", 75, "天水市", 25),
			p("海南", 0.7, "海口市", 65, "三亚市", 35),
			p("宁夏", 0.3, "银川市", 100),
			p("青海", 0.2, "西宁市", 100),
			p("西藏", 0.1, "拉萨市", 100),
			p("香港", 0.1, "香港", 100) };
	static final double[] PROVINCE_WEIGHTS;

	static {
		double[] w = new double[PROVINCES.length];
		for (int i = 0; i < w.length; i++) {
			w[i] = PROVINCES[i].weight();
		}
		PROVINCE_WEIGHTS = Rng.cumulative(w);
	}

	static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
			"郭", "何", "林", "高", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "潘",
			"袁", "蔡", "蒋", "余", "于", "杜", "叶", "程", "魏", "苏", "吕", "丁", "任", "沈", "欧阳", "司马" };
	static final double[] SURNAME_WEIGHTS;

	static {
		// the commonest surnames are much commoner: weights fall off roughly as 1/(rank+3)
		double[] w = new double[SURNAMES.length];
		for (int i = 0; i < w.length; i++) {
			w[i] = SURNAMES[i].length() > 1 ? 0.15 : 1.0 / (i + 3);
		}
		SURNAME_WEIGHTS = Rng.cumulative(w);
	}

	static final String FEMALE_GIVEN = "婷雪静丽娜敏燕芳颖琳欣怡佳雨萱梦瑶思晨露倩洁慧悦诗涵可馨月玲";
	static final String MALE_GIVEN = "伟强磊军勇杰涛斌超明浩宇鹏飞俊凯晨阳帆睿博文轩子然志";
	static final String[] MOBILE_PREFIXES = { "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151",
			"152", "155", "157", "158", "159", "166", "176", "177", "180", "181", "182", "185", "186", "187", "188", "189",
			"191", "198", "199" };

	/** Orders (and visits) by hour of day: a late-morning bump, a big evening peak. */
	static final double[] HOUR_WEIGHTS = Rng.cumulative(0.6, 0.3, 0.15, 0.1, 0.08, 0.1, 0.25, 0.5, 0.8, 1.0, 1.2, 1.2,
			1.1, 1.1, 1.1, 1.1, 1.0, 0.9, 0.9, 1.1, 1.4, 1.6, 1.5, 1.0);
	/** On a festival's day the first hour after midnight is the busiest of the year. */
	static final double[] PEAK_HOUR_WEIGHTS = Rng.cumulative(9.0, 1.5, 0.4, 0.2, 0.1, 0.1, 0.25, 0.5, 0.8, 1.0, 1.2,
			1.2, 1.1, 1.1, 1.1, 1.1, 1.0, 0.9, 0.9, 1.2, 1.6, 2.0, 2.2, 1.6);

	/** Age bands at the end of the data and their shares among customers who gave a birthday. */
	static final int[][] AGE_BANDS = { { 18, 24 }, { 25, 29 }, { 30, 34 }, { 35, 39 }, { 40, 49 }, { 50, 60 } };
	static final double[] AGE_WEIGHTS = Rng.cumulative(0.22, 0.27, 0.22, 0.13, 0.11, 0.05);

	private ShopModel() {
	}
}
