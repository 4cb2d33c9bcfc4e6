package io.custops.connector.taobao.internal;

import java.math.BigDecimal;

/**
 * Maps the seller centre's 订单状态 (with the payment time, refund amount and close reason of
 * the same row) to a canonical status. The table is documented in docs/connectors.md:
 *
 * <ul>
 * <li>交易成功 → paid; refunded when the refund covers the whole payment (a partial refund
 * stays paid, for the net amount);</li>
 * <li>买家已付款，等待卖家发货 / 等待卖家发货 / 卖家已发货，等待买家确认 / 等待买家确认收货 / 部分发货
 * → paid (the money is taken);</li>
 * <li>等待买家付款, and the presale states 等待买家付尾款 / 定金已付 → unpaid, for the order total;</li>
 * <li>付款以后用户退款成功，交易自动关闭 / 退款成功 → refunded;</li>
 * <li>交易关闭 → refunded when the order had been paid (a payment time, a refund amount, or a
 * close reason that speaks of a refund), cancelled (for the order total) otherwise;</li>
 * <li>anything else is not guessed: the row is rejected.</li>
 * </ul>
 */
final class TaobaoStatus {

	/** The outcome: canonical status and the amount to record (the net payment for partial refunds). */
	record Mapped(String status, BigDecimal amount) {
	}

	private TaobaoStatus() {
	}

	/**
	 * @param paid    买家实际支付金额, null when missing or unreadable
	 * @param total   总金额, null when missing or unreadable
	 * @param refund  退款金额, null when missing or unreadable
	 * @return the mapping, or null when the status is unknown
	 */
	static Mapped map(String status, boolean hasPayTime, BigDecimal paid, BigDecimal total, BigDecimal refund,
			String closeReason) {
		String s = status == null ? "" : status.replaceAll("[\\s\u3000]", "").replace(',', '，');
		boolean refundedSomething = refund != null && refund.signum() > 0;
		if (s.isEmpty()) {
			return null;
		}
		if (s.contains("退款成功")) {
			return new Mapped("refunded", paid);
		}
		if (s.startsWith("交易关闭")) {
			boolean reasonIsRefund = closeReason != null && closeReason.contains("退款");
			if (hasPayTime || refundedSomething || reasonIsRefund) {
				return new Mapped("refunded", paid);
			}
			// never paid: the order's worth is its total
			return new Mapped("cancelled", total != null ? total : paid);
		}
		if (s.equals("交易成功")) {
			if (refundedSomething && paid != null && refund.compareTo(paid) >= 0) {
				return new Mapped("refunded", paid);
			}
			if (refundedSomething && paid != null) {
				return new Mapped("paid", paid.subtract(refund));
			}
			return new Mapped("paid", paid);
		}
		if (s.contains("等待买家付款") || s.contains("尾款") || s.contains("定金")) {
			// not (fully) paid yet, a presale deposit at most: the order's worth is its total
			return new Mapped("unpaid", total != null ? total : paid);
		}
		if (s.contains("已付款") || s.contains("发货") || s.contains("确认收货") || s.contains("等待买家确认")) {
			return new Mapped("paid", paid);
		}
		return null;
	}
}
