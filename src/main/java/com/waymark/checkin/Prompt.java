package com.waymark.checkin;

/** One reflective question, tagged with the coaching approach it comes from. */
public record Prompt(String id, String approach, String text) {
}
