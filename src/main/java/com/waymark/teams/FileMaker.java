package com.waymark.teams;

import com.waymark.programme.Participant;

/**
 * A file a slice offers through Teams' file consent flow ({@link FileOffers#offer(long, String, String, String,
 * long, String)}): made afresh, from what is stored then, when the person chooses Allow. Its {@code argument} (what to
 * put in it) travels sealed in the offer for that person only, so nothing is stored between offer and answer.
 */
public interface FileMaker {

    /** The name the sealed offer carries: lower case letters and hyphens, unique among makers. */
    String kind();

    /** The file's bytes for {@code person}; may throw {@link BadInput} with a kind reply. */
    byte[] make(Participant person, String argument);

    /** The reply to Decline. */
    String declined();

    /** The reply when the offer is more than a day old. */
    String expired();
}
