package io.custops.campaign.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
}
