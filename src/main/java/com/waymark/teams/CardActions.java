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
    static final String USE_PROGRAMME = "useProgramme";

    private CardActions() {
    }
}
