package com.waymark.teams;

/** The {@code action} values our cards put in their submit data: the contract between cards and parser. */
final class CardActions {

    static final String CONSENT = "consent";
    static final String SAVE_PROGRAMME = "saveProgramme";
    static final String EDIT_PROGRAMME = "editProgramme";
    static final String SHOW_PEOPLE = "showPeople";
    static final String DESCRIBE_MEMBER = "describeMember";
    static final String SET_STAFF = "setStaff";
    static final String INVITE_STAFF = "inviteStaff";
    static final String ENROL_SELECTED = "enrolSelected";
    static final String CORRECT_DETAILS = "correctDetails";
    static final String USE_PROGRAMME = "useProgramme";
    static final String SNOOZE = "snooze";
    static final String SKIP = "skip";
    static final String SAVE_SCHEDULE = "saveSchedule";
    static final String SAVE_PEER_COACHING = "savePeerCoaching";
    static final String SHOW_FORBID_PAIR = "showForbidPair";
    static final String FORBID_PAIR = "forbidPair";
    static final String PAIR_NOW = "pairNow";
    static final String CANT_THIS_ROUND = "pairingCantThisRound";
    static final String PAIRING_OPT_OUT = "pairingOptOut";
    static final String PAIRING_FOLLOW_UP = "pairingFollowUp";
    static final String MY_PAIRINGS = "myPairings";

    private CardActions() {
    }
}
