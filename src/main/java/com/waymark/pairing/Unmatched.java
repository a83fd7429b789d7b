package com.waymark.pairing;

/** Someone the round could not place, said out loud rather than left out silently. */
public record Unmatched(long id, Reason reason) {

    public enum Reason {
        /** The only active participant: there is nobody to meet. */
        ALONE,
        /** A line-management relation or a coach's rule blocks every other participant. */
        NO_ALLOWED_PARTNER,
        /**
         * Someone allowed exists, but every way of joining a group would put them with a person the rules
         * keep them from, without leaving someone else out instead.
         */
        NO_ALLOWED_GROUP
    }
}
