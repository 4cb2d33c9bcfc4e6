package io.custops.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;

/**
 * What kind of file a user handed to a connector, guessed from its first bytes or its header,
 * so that a connector given the wrong file can name the connector that reads it instead of
 * failing on its bytes.
 *
 * @since 1.1
 */
public final class FileKinds {

	/** Columns only a Taobao/Tmall seller-centre order export has (one suffices with an order id). */
	private static final Set<String> TAOBAO_COLUMNS = Set.of("买家会员名", "买家会员名称", "买家实际支付金额", "订单创建时间",
			"订单付款时间", "收货人姓名", "联系手机", "宝贝标题", "订单状态");
	private static final Set<String> TAOBAO_ORDER_IDS = Set.of("订单编号", "订单号");

	private FileKinds() {
	}

	/**
	 * Whether the file is a zip container, as an Excel workbook (xlsx) is: its first four bytes
	 * are {@code PK\3\4} (an empty zip, {@code PK\5\6}, counts too).
	 */
	public static boolean isZip(Path file) {
		byte[] head = new byte[4];
		try (InputStream in = Files.newInputStream(file)) {
			if (in.readNBytes(head, 0, 4) < 4) {
				return false;
			}
		} catch (IOException e) {
			return false;
		}
		return head[0] == 'P' && head[1] == 'K' && (Arrays.equals(head, new byte[] { 'P', 'K', 3, 4 })
				|| Arrays.equals(head, new byte[] { 'P', 'K', 5, 6 }));
	}

	/** Whether the file is an old binary Excel workbook (xls, an OLE2 compound file). */
	public static boolean isOle2(Path file) {
		byte[] head = new byte[8];
		try (InputStream in = Files.newInputStream(file)) {
			if (in.readNBytes(head, 0, 8) < 8) {
				return false;
			}
		} catch (IOException e) {
			return false;
		}
		return Arrays.equals(head, new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
				(byte) 0xE1 });
	}

	/** Whether a header row is a Taobao/Tmall seller-centre order export's (an order id and one of its own columns). */
	public static boolean isTaobaoExport(Collection<String> header) {
		boolean id = false;
		boolean own = false;
		for (String column : header) {
			String c = column == null ? "" : column.strip();
			id |= TAOBAO_ORDER_IDS.contains(c);
			own |= TAOBAO_COLUMNS.contains(c);
		}
		return id && own;
	}
}
