package com.tradesignal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportTest {
    @Test
    void aPartialRunReplacesItsOwnSectionsAndKeepsTheOthersInPlace() {
        Report first = new Report().preamble("# old");
        first.section("Machine").paragraph("old machine");
        first.startPart("replay", "Measured then.");
        first.section("1. Replay").paragraph("old replay figures");
        first.startPart("latency", "Measured then.");
        first.section("2. Latency").paragraph("old latency figures").table(List.of("a", "b"), List.of(List.of("1", "2")));
        first.section("2b. More latency").paragraph("old extra");
        first.startPart("profile", "Measured then.");
        first.section("4. Profile").paragraph("old profile");

        Report second = new Report().preamble("# new");
        second.section("Machine").paragraph("new machine");
        second.startPart("latency", "Measured now.");
        second.section("2. Latency").paragraph("new latency figures");

        String merged = second.mergedWith(first.toMarkdown(), Set.of("latency"));
        assertThat(merged).startsWith("# new").contains("new machine").doesNotContain("old machine");
        assertThat(merged).contains("old replay figures", "old profile", "new latency figures", "Measured now.")
                .doesNotContain("old latency figures", "old extra");
        assertThat(merged.indexOf("1. Replay")).isLessThan(merged.indexOf("2. Latency"));
        assertThat(merged.indexOf("2. Latency")).isLessThan(merged.indexOf("4. Profile"));
    }
}
