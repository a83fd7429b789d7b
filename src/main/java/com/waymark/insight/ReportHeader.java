package com.waymark.insight;

import java.time.ZoneId;

/**
 * What every coach report says about itself: whose, which period, and the threshold it kept to.
 *
 * @param heldBack figures hidden by the release ledger: released before over an overlapping period from people
 *                 who differ by fewer than the threshold
 */
public record ReportHeader(String title, String since, InsightPeriod period, ZoneId zone, int threshold,
                           int heldBack) {

    static ReportHeader of(InsightScope scope, int heldBack) {
        return new ReportHeader(scope.title(), scope.since(), scope.period(), scope.zone(), scope.policy().threshold(),
                heldBack);
    }
}
