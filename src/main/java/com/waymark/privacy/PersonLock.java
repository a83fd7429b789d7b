package com.waymark.privacy;

/**
 * Serialises every write about a person with their erasure, so that "erased" means nothing of them is left, whatever
 * arrived at the same moment.
 * <p>
 * Why a lock and not the foreign keys alone: every table about a person already references the participant row with
 * {@code ON DELETE CASCADE}, but a cascade only takes the rows it can see. On H2 a check-in inserted while an erasure
 * was under way passed its foreign-key check against the not-yet-committed delete and outlived the person (2 of 12
 * tries with a double tap on "delete my data"); on PostgreSQL the same race ends in a foreign-key error instead of a
 * kind answer. Locking the identity row ({@code SELECT … FOR UPDATE}) first, in the writer's and in the erasure's
 * transaction, behaves the same on both databases and across instances: a write that got there first commits and is
 * then erased with everything else; a write that comes second waits, finds the person gone and stores nothing.
 * Implemented by the module that owns the identity row.
 */
public interface PersonLock {

    /**
     * Locks the person's identity row until the current transaction ends (there must be one). False when they no
     * longer exist: erased, so nothing may be written about them.
     */
    boolean lock(long participantId);

    /** {@link #lock}, or {@link PersonErased} when the person is gone, so that the caller's transaction writes nothing. */
    default void lockForWrite(long participantId) {
        if (!lock(participantId)) {
            throw new PersonErased();
        }
    }

    /** A write about someone whose data was erased while it was on its way: nothing was stored. */
    final class PersonErased extends RuntimeException {

        /** What the person reads: their message arrived just as (or after) their data was erased. */
        public static final String ANSWER = "Your data has just been erased, so I haven't stored that. If you'd like "
                + "to take part again, say hello and we'll start afresh.";

        public PersonErased() {
            super("the person was erased meanwhile", null, false, false);
        }
    }
}
