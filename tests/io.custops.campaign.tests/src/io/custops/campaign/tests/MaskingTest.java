package io.custops.campaign.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.custops.campaign.Masking;

/** The masking rules of target lists, boundary by boundary. */
class MaskingTest {

	@Test
	void phones() {
		assertEquals("138****5678", Masking.phone("13812345678"));
		assertEquals("138****5678", Masking.phone("138 1234 5678"));
		assertEquals("138****5678", Masking.phone("138-1234-5678"));
		assertEquals("+86****5678", Masking.phone("+86 138 1234 5678"));
		assertEquals("010****5678", Masking.phone("(010) 1234-5678"), "11 characters without the brackets");
		assertEquals("****90", Masking.phone("1234567890"), "10 characters: only the last 2");
		assertEquals("****78", Masking.phone("62345678"));
		assertEquals("****67", Masking.phone("1234567"), "7 characters");
		assertEquals("****", Masking.phone("123456"), "shorter: nothing shown");
		assertEquals("", Masking.phone("  "));
		assertNull(Masking.phone(null));
	}

	@Test
	void names() {
		assertEquals("张*", Masking.name("张三"));
		assertEquals("张**", Masking.name("张三丰"));
		assertEquals("欧***", Masking.name("欧阳娜娜"));
		assertEquals("*", Masking.name("王"));
		assertEquals("A** ***", Masking.name(" Ann Lee "));
		assertEquals("𠀋*", Masking.name("𠀋三"), "a character outside the BMP is one character");
		assertEquals("", Masking.name(""));
		assertNull(Masking.name(null));
	}

	@Test
	void addresses() {
		assertEquals("浙江省杭州市****", Masking.address("浙江省杭州市西湖区文三路100号"));
		assertEquals("浙江省杭州市****", Masking.address("浙江省杭州市西湖区文三路"), "12 characters: the first 6");
		assertEquals("浙江省杭****", Masking.address("浙江省杭州市西湖区"), "9 characters: at most half, 4");
		assertEquals("西****", Masking.address("西湖区"));
		assertEquals("****", Masking.address("X"));
		assertEquals("", Masking.address(" "));
		assertNull(Masking.address(null));
	}

	@Test
	void emailsHandlesAndTheOneListOfPersonalFields() {
		assertEquals("a****@example.com", Masking.email("ann.lee@example.com"));
		assertEquals("a****@x.cn", Masking.email(" a@x.cn "));
		assertEquals("n*****", Masking.email("no-at!"), "without @: like a name");
		assertEquals("wx****", Masking.handle("wxid_ann2026"));
		assertEquals("****", Masking.handle("ab"), "short: nothing shown");
		assertEquals("浙江省杭州市****", Masking.field("address", "浙江省杭州市西湖区文三路100号"));
		assertEquals("a****@example.com", Masking.field("E-mail", "ann.lee@example.com"));
		assertEquals("wx****", Masking.field("wechat", "wxid_ann2026"));
		assertEquals("138****5678", Masking.field("mobile", "13812345678"));
		assertEquals("杭州", Masking.field("city", "杭州"), "not personal: unchanged");
		for (String f : new String[] { "name", "phone", "birthday", "address", "email", "wechat" }) {
			assertTrue(io.custops.core.Masking.personal(f), f);
		}
		assertEquals("1****1", io.custops.core.Masking.masked("birthday", "1990-01-01"),
				"any other personal field keeps its first and last character");
	}

	@Test
	void phonesInAText() {
		assertEquals("amount '138****5678x' is wrong, call +86****5678", io.custops.core.Masking
				.phonesIn("amount '13812345678x' is wrong, call +86 138 1234 5678"));
		assertEquals("order 202601051234567 of 12.50", io.custops.core.Masking.phonesIn("order 202601051234567 of 12.50"),
				"a long order id is no phone");
	}
}
