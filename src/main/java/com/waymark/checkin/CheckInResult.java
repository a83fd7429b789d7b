package com.waymark.checkin;

import java.util.List;

/** What happened to a submitted check-in: saved (with the person's trend) or refused with reasons. */
public sealed interface CheckInResult {

    record Saved(CheckIn checkIn, Trend trend) implements CheckInResult {
    }

    /** Nothing was stored; each problem is a sentence the participant can act on. */
    record Rejected(List<String> problems) implements CheckInResult {
    }
}
