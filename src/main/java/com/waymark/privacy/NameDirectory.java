package com.waymark.privacy;

import java.util.Optional;

/**
 * Names for the ids privacy keeps (a reader, a programme), so what people are shown about reads of their data
 * says who and where in words, not internal numbers. Implemented by the module that owns those names.
 */
public interface NameDirectory {

    Optional<String> personName(long participantId);

    Optional<String> programmeName(long programmeId);
}
