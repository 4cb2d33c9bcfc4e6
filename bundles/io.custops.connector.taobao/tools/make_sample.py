#!/usr/bin/env python3
"""Writes samples/taobao-orders-sample.csv: a made-up seller-centre order export (GBK) for tests
and for users to try the taobao connector. Deterministic: run it again and the file is the same.
The first rows are hand-made cases that the tests check field by field; the rest is random
filler with a few dirty rows. Prints the counts the tests expect."""
import random, os, collections

HEADER = ["订单编号", "买家会员名", "买家支付宝账号", "买家应付货款", "买家应付邮费", "买家支付积分", "总金额", "返点积分",
          "买家实际支付金额", "买家实际支付积分", "订单状态", "买家留言", "收货人姓名", "收货地址 ", "运送方式", "联系电话 ",
          "联系手机", "订单创建时间", "订单付款时间 ", "宝贝标题 ", "宝贝种类 ", "物流单号 ", "物流公司", "订单备注",
          "宝贝总数量", "店铺Id", "店铺名称", "订单关闭原因", "卖家服务费", "买家服务费", "发票抬头", "是否手机订单",
          "分阶段订单信息", "特权订金订单id", "是否上传合同照片", "是否上传小票", "是否代付", "定金排名", "修改后的sku",
          "修改后的收货地址", "异常信息", "天猫卡券抵扣", "集分宝抵扣", "是否是O2O交易", "退款金额", "预约门店",
          "确认收货时间", "打款商家金额"]
IDX = {h.strip(): i for i, h in enumerate(HEADER)}

rng = random.Random(20261123)
SHOP = "悦颜美妆旗舰店"

def q(v):
    v = str(v)
    if any(c in v for c in ',"\n\r'):
        return '"' + v.replace('"', '""') + '"'
    return v

def row(order_id, buyer, status, total, paid, created, pay="", address="", mobile="", receiver="", title="保湿面霜 50g",
        qty=1, refund="0.00", reason="", message="", mobile_order=True, confirm=""):
    r = [""] * len(HEADER)
    r[IDX["订单编号"]] = '="%s"' % order_id
    r[IDX["买家会员名"]] = buyer
    r[IDX["买家支付宝账号"]] = (mobile[:3] + "****" + mobile[-4:]) if len(mobile) == 11 else ""
    r[IDX["买家应付货款"]] = total
    r[IDX["买家应付邮费"]] = "0.00"
    r[IDX["买家支付积分"]] = "0"
    r[IDX["总金额"]] = total
    r[IDX["返点积分"]] = "0"
    r[IDX["买家实际支付金额"]] = paid
    r[IDX["买家实际支付积分"]] = "0"
    r[IDX["订单状态"]] = status
    r[IDX["买家留言"]] = message
    r[IDX["收货人姓名"]] = receiver
    r[IDX["收货地址"]] = address
    r[IDX["运送方式"]] = "快递"
    r[IDX["联系手机"]] = ("'" + mobile) if mobile else ""
    r[IDX["订单创建时间"]] = created
    r[IDX["订单付款时间"]] = pay
    r[IDX["宝贝标题"]] = title
    r[IDX["宝贝种类"]] = "1"
    r[IDX["物流单号"]] = ("No:YT%013d" % rng.randrange(10**12, 10**13)) if pay and "关闭" not in status else ""
    r[IDX["物流公司"]] = rng.choice(["圆通速递", "中通快递", "顺丰速运", "韵达快递"]) if r[IDX["物流单号"]] else ""
    r[IDX["宝贝总数量"]] = str(qty)
    r[IDX["店铺Id"]] = "0"
    r[IDX["店铺名称"]] = SHOP
    r[IDX["订单关闭原因"]] = reason or ("订单未关闭" if "关闭" not in status else "")
    r[IDX["卖家服务费"]] = "0"
    r[IDX["买家服务费"]] = "￥0.00元"
    r[IDX["是否手机订单"]] = "手机订单" if mobile_order else ""
    r[IDX["是否代付"]] = "否"
    r[IDX["天猫卡券抵扣"]] = "0.00"
    r[IDX["集分宝抵扣"]] = "0.00"
    r[IDX["是否是O2O交易"]] = ""
    r[IDX["退款金额"]] = refund
    r[IDX["确认收货时间"]] = confirm
    r[IDX["打款商家金额"]] = ("￥%s元" % paid) if status == "交易成功" else ""
    return r

rows = []          # (cells or raw text, expectation)
expect = collections.Counter()
LINES = []         # the line each row starts on
rejects = []       # line numbers the connector must reject (orders)
line = 1           # the header

def add(cells, outcome, lines=1):
    global line
    line += 1
    rows.append(cells)
    LINES.append(line)
    if outcome == "reject":
        rejects.append(line)
    else:
        expect[outcome] += 1
    line += lines - 1

# ---- hand-made cases: the tests check these field by field (line numbers in comments) ----
add(row("3761234567890123456", "tb_lin2019", "交易成功", "258.00", "258.00", "2026-03-08 10:15:32", "2026-03-08 10:16:01",
        "浙江省 杭州市 西湖区 文三路90号东部软件园(310012)", "13812345678", "林小姐", qty=2, confirm="2026-03-12 09:00:00"), "paid")  # 2
add(row("3761234567890123457", "小鱼儿爱吃糖", "卖家已发货，等待买家确认", "129.00", "129.00", "2026-03-09 21:03:11",
        "2026-03-09 21:03:40", "北京 北京市 朝阳区 建国路88号(100022)", "13900001111", "于晓"), "paid")  # 3
add(row("3761234567890123458", "草原上的风", "买家已付款，等待卖家发货", "89.00", "89.00", "2026-03-10 08:30:00",
        "2026-03-10 08:31:12", "内蒙古自治区 呼和浩特市 赛罕区 大学东街(010020)", "15047000000", "包女士"), "paid")  # 4
add(row("3761234567890123459", "南宁阿妹", "等待买家付款", "129.00", "0.00", "2026-03-10 12:00:00", "",
        "广西壮族自治区 南宁市 青秀区 民族大道(530022)", "17707710000", "黄妹"), "unpaid")  # 5
add(row("3761234567890123460", "shanghai_anna", "交易关闭", "89.00", "0.00", "2026-03-11 13:14:15", "",
        "上海 上海市 浦东新区 世纪大道100号(200120)", "13600000000", "安娜", reason="买家不想买了"), "cancelled")  # 6
add(row("3761234567890123461", "山城小火锅", "交易关闭", "199.00", "199.00", "2026-03-12 19:20:00", "2026-03-12 19:21:00",
        "重庆 重庆市 渝北区 金开大道(401120)", "18623000000", "陈先生", refund="199.00", reason="退款"), "refunded")  # 7
add(row("3761234567890123462", "津门小吃货", "付款以后用户退款成功，交易自动关闭", "59.00", "59.00", "2026-03-13 10:00:00",
        "2026-03-13 10:00:30", "天津 天津市 南开区 鞍山西道(300073)", "13502000000", "刘"), "refunded")  # 8
add(row("3761234567890123463", "天山雪莲", "交易成功", "230.00", "230.00", "2026-03-14 15:00:00", "2026-03-14 15:01:00",
        "新疆维吾尔自治区 乌鲁木齐市 天山区 解放北路(830002)", "13999100000", "古丽", refund="30.00"), "paid")  # 9: paid 200.00
add(row("3761234567890123464", "椰风海韵", "交易成功", "99.00", "99.00", "2026-03-15 09:09:09", "2026-03-15 09:10:00",
        "海南省 省直辖县级行政区划 琼海市 嘉积镇(571400)", "13876000000", "符", refund="99.00"), "refunded")  # 10
add(row("3761234567890123465", "延吉冷面", "等待买家付尾款", "300.00", "50.00", "2026-03-16 20:00:00", "2026-03-16 20:00:20",
        "吉林省延边朝鲜族自治州延吉市公园路(133000)", "13943300000", "金"), "unpaid")  # 11: deposit paid, balance due
add(row("3761234567890123466", "tb_lin2019", "交易成功", "129.00", "129.00", "2026-05-20 20:20:20", "2026-05-20 20:21:00",
        "浙江省 宁波市 鄞州区 天童南路(315100)", "13812345678", "林小姐"), "paid")  # 12: same buyer, moved
add(row("3761234567890123467", "深圳打工人", "交易成功", "459.00", "459.00", "2026-03-17 23:59:59", "2026-03-18 00:00:10",
        "广东省 深圳市 南山区 科技园(518057)", "13510000000", "张三", message="请发顺丰\n谢谢老板", qty=3), "paid", lines=2)  # 13-14
add(row("3761234567890123468", "冻结用户", "已冻结", "88.00", "88.00", "2026-03-18 10:00:00", "2026-03-18 10:00:30",
        "江苏省 南京市 玄武区(210000)", "13770000000", "冯"), "reject")  # 15: unknown status
add(row("3761234567890123469", "数字不对", "交易成功", "abc", "abc", "2026-03-19 10:00:00", "2026-03-19 10:00:30",
        "江苏省 苏州市 工业园区(215000)", "13771000000", "周"), "paid")  # 16: amount passed on as written
add(row("3761234567890123470", "", "交易成功", "66.00", "66.00", "2026-03-20 10:00:00", "2026-03-20 10:00:30",
        "山东省 青岛市 市南区(266000)", "13780000000", "无名"), "paid")  # 17: no buyer (customers: rejected)
add(["=\"3761234567890123471\"", "半截数据", "", "66.00", "0.00", "0"], "reject")  # 18: cut short
add(row("3761234567890123472", "时间穿越者", "交易成功", "66.00", "66.00", "2026-13-45 25:61:00", "",
        "河南省 郑州市 金水区(450000)", "13783000000", "穿越"), "paid")  # 19: impossible time, passed on
add(row("3761234567890123473", "表格党", "交易成功", "76.00", "76.00", "2026/3/9 8:05", "2026/3/9 8:06",
        "湖北省 武汉市 洪山区 珞喻路(430074)", "13871000000", "胡"), "paid")  # 20: Excel-resaved times
add(row("3761234567890123474", "海外代购", "交易成功", "520.00", "520.00", "2026-03-21 11:00:00", "2026-03-21 11:01:00",
        "海外 美国 加利福尼亚州 洛杉矶", "", "Amy"), "paid")  # 21: abroad, no province
add(row("3761234567890123475", "港岛靓女", "交易成功", "199.00", "199.00", "2026-03-22 11:00:00", "2026-03-22 11:01:00",
        "香港特别行政区 九龙 油尖旺区 弥敦道(999077)", "", "陈"), "paid")  # 22
add(row("3761234567890123476", "没有状态", "", "19.90", "19.90", "2026-03-23 11:00:00", "", "福建省 厦门市 思明区(361000)",
        "13850000000", "林"), "reject")  # 23: no status

HANDMADE = line

# ---- random filler: a year of a beauty shop, 6.18 and 11.11 busier, buyers coming back ----
PLACES = [("浙江省", ["杭州市", "宁波市", "温州市"]), ("江苏省", ["苏州市", "南京市", "无锡市"]), ("广东省", ["广州市", "深圳市", "东莞市"]),
          ("上海", ["上海市"]), ("北京", ["北京市"]), ("四川省", ["成都市", "绵阳市"]), ("山东省", ["济南市", "青岛市"]),
          ("湖北省", ["武汉市"]), ("福建省", ["厦门市", "福州市"]), ("河南省", ["郑州市"]), ("湖南省", ["长沙市"]),
          ("重庆", ["重庆市"]), ("天津", ["天津市"]), ("广西壮族自治区", ["南宁市", "桂林市"]), ("内蒙古自治区", ["包头市"]),
          ("宁夏回族自治区", ["银川市"]), ("西藏自治区", ["拉萨市"]), ("云南省", ["昆明市", "大理白族自治州"]), ("陕西省", ["西安市"])]
DISTRICTS = ["中心区", "高新区", "新城区", "开发区", "老城区"]
TITLES = [("保湿面霜 50g", "229.00"), ("精华液 30ml 抗老", "399.00"), ("补水面膜 10片装", "99.00"), ("氨基酸洗面奶 120g", "89.00"),
          ("防晒霜 SPF50+ 50ml", "159.00"), ("丝绒口红 #316", "89.00"), ("粉底液 持妆 30ml", "259.00"), ("洗发水 去屑 500ml", "69.00")]
NICK = "晴天 小熊 月亮 奶茶 柠檬 西瓜 咖啡 星星 猫咪 桃子 糖果 海风 云朵 雪花 叶子".split()
BUYERS = ["tb%09d" % rng.randrange(10**8, 10**9) if i % 3 == 0 else rng.choice(NICK) + rng.choice(NICK) + str(rng.randrange(10, 99))
          for i in range(160)]
BUYER_HOME = {b: (rng.choice(PLACES), "1" + rng.choice("3578") + "%09d" % rng.randrange(10**9), rng.choice("王李张刘陈杨黄赵吴周") + rng.choice(["女士", "先生", "小姐", "丽", "芳", "伟"]))
              for b in BUYERS}
STATUSES = [("交易成功", 70), ("卖家已发货，等待买家确认", 8), ("买家已付款，等待卖家发货", 5), ("等待买家付款", 3),
            ("交易关闭", 8), ("交易关闭/退款", 3), ("付款以后用户退款成功，交易自动关闭", 2), ("部分发货", 1)]
import datetime
start = datetime.datetime(2025, 7, 1)
days = [start + datetime.timedelta(days=d) for d in range(365)]
weights = [8 if (d.month, d.day) == (11, 11) else 5 if (d.month, d.day) == (6, 18) else 2 if d.month in (11, 6) and d.day < 11 else 1 for d in days]
seq = 3761234567890200000
for i in range(400):
    seq += rng.randrange(1, 9999)
    buyer = rng.choice(BUYERS)
    (prov, cities), mobile, receiver = BUYER_HOME[buyer]
    city = cities[0] if len(cities) == 1 else rng.choice(cities)
    address = "%s %s %s %s路%d号(%06d)" % (prov, city, rng.choice(DISTRICTS), rng.choice(["人民", "解放", "中山", "建设"]), rng.randrange(1, 300), rng.randrange(100000, 860000))
    day = rng.choices(days, weights)[0]
    created = day + datetime.timedelta(seconds=rng.randrange(86400))
    title, price = rng.choice(TITLES)
    qty = rng.choice([1, 1, 1, 1, 2, 2, 3])
    total = "%.2f" % (float(price) * qty)
    status = rng.choices([s for s, _ in STATUSES], [w for _, w in STATUSES])[0]
    ts = created.strftime("%Y-%m-%d %H:%M:%S")
    pay = (created + datetime.timedelta(seconds=rng.randrange(5, 600))).strftime("%Y-%m-%d %H:%M:%S")
    refund, reason, paid, outcome = "0.00", "", total, "paid"
    if status in ("等待买家付款",):
        pay, paid, outcome = "", "0.00", "unpaid"
    elif status == "交易关闭":
        pay, paid, outcome, reason = "", "0.00", "cancelled", rng.choice(["买家不想买了", "未及时付款", "拍错了", "其他原因"])
    elif status == "交易关闭/退款":
        status, refund, reason, outcome = "交易关闭", total, "退款", "refunded"
    elif status.startswith("付款以后"):
        refund, outcome = total, "refunded"
    dirty = rng.random()
    if dirty < 0.012:
        status, outcome = "等待确认", "reject"   # not an export status: rejected, not guessed
    cells = row(str(seq), buyer, status, total, paid, ts, pay, address, mobile, receiver, title, qty, refund, reason,
                mobile_order=rng.random() < 0.85)
    if dirty > 0.99:
        cells = cells[:7]                        # a line cut short
        outcome = "reject"
    add(cells, outcome)

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "samples", "taobao-orders-sample.csv")
with open(path, "w", encoding="gbk", newline="") as f:
    f.write(",".join(q(h) for h in HEADER) + "\r\n")
    for cells in rows:
        f.write(",".join(q(c) if not c.startswith('="') else c for c in cells) + "\r\n")
print("data rows", len(rows), "last line", line, "hand-made up to line", HANDMADE)
print("expected", dict(expect), "rejected lines", rejects)
full = [r for r in rows if len(r) == len(HEADER)]
print("customers", len({r[1] for r in full if r[1]}), "customer rejects", [l for l, r in zip(LINES, rows) if len(r) < len(HEADER) or not r[1]])
