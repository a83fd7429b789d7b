package com.waymark.programme;

/** A group inside a programme (an ICP leadership team, an action learning set) as other modules know it. */
public record GroupInfo(long id, long programmeId, String name) {
}
