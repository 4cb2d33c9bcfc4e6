package io.custops.report.schedule.tests;

final class Placeholder {
}
