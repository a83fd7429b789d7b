package com.waymark.cycle;

/** How a commitment went, as the person said between sessions. */
public enum Progress {
    DONE, PARTLY, NOT_YET, IN_THE_WAY
}
