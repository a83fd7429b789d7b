package com.waymark.teams;

/** The {@code action} values our cards put in their submit data: the contract between cards and parser. */
final class CardActions {

    static final String CONSENT = "consent";
    static final String START_CHECK_IN = "startCheckIn";
    static final String SUBMIT_CHECK_IN = "checkin";
    static final String COMPLETE_ACTION = "completeAction";
    static final String SHOW_ACTIONS = "showActions";
    static final String SHOW_TREND = "showTrend";

    private CardActions() {
    }
}
