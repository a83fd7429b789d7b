package com.waymark.pairing;

/** Whether a group met, as a follow-up was answered. */
public enum Met { YES, NO, NOT_YET }
