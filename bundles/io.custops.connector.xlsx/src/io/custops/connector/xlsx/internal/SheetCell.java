package io.custops.connector.xlsx.internal;

/**
 * One cell as the sheet holds it. {@code DATE} is a number shown with a date format (Excel keeps
 * dates as serial numbers: days since 1900-01-00, the fraction being the time of day).
 */
record SheetCell(Kind kind, String text, double number) {

	enum Kind {
		TEXT, NUMBER, DATE, BOOLEAN, ERROR
	}

	static SheetCell text(String text) {
		return new SheetCell(Kind.TEXT, text, Double.NaN);
	}

	static SheetCell number(double value, boolean dateFormatted) {
		return new SheetCell(dateFormatted ? Kind.DATE : Kind.NUMBER, null, value);
	}
}
