package com.waymark.insight;

import java.time.ZoneId;

/** What every coach report says about itself: whose, which period, and the threshold it kept to. */
public record ReportHeader(String title, String since, InsightPeriod period, ZoneId zone, int threshold) {

    static ReportHeader of(InsightScope scope) {
        return new ReportHeader(scope.title(), scope.since(), scope.period(), scope.zone(), scope.policy().threshold());
    }
}
