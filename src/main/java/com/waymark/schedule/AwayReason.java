package com.waymark.schedule;

/** Why someone noted a day away: on leave (peer coaching leaves them out too), or on call. */
public enum AwayReason { LEAVE, ON_CALL }
