package com.waymark.cycle;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Teams meeting, however it was named: a coach pastes a join link or a meeting id; Teams' meeting-end event
 * carries the meeting's chat thread id ({@code 19:meeting_…@thread.v2}), its join link and a base64 meeting id. A
 * classic join link holds the thread id (percent-encoded), so the thread id is the key wherever there is one; a link
 * without one (the newer short links) is kept without its query, and anything else as given.
 */
final class MeetingKey {

    static final int MAX_CHARS = 600;
    private static final Pattern THREAD = Pattern.compile("19:meeting_[A-Za-z0-9_=-]+@thread\\.v2");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9+/=_:@.-]{8," + MAX_CHARS + "}");
    private static final Pattern LINK = Pattern.compile("https://(?:[a-z0-9-]+\\.)*(?:teams\\.microsoft\\.com|"
            + "teams\\.live\\.com|gov\\.teams\\.microsoft\\.us|dod\\.teams\\.microsoft\\.us)/\\S+",
            Pattern.CASE_INSENSITIVE);

    private MeetingKey() {
    }

    /** The key for what a coach gave, or null when it is neither a Teams join link nor a meeting id. */
    static String of(String given) {
        if (given == null || given.isBlank() || given.length() > 2000) {
            return null;
        }
        String text = given.strip();
        String decoded = decode(text);
        Matcher thread = THREAD.matcher(decoded);
        if (thread.find()) {
            return thread.group();
        }
        if (LINK.matcher(text).matches()) {
            String noQuery = text.split("[?#]", 2)[0];
            return noQuery.length() <= MAX_CHARS ? noQuery.toLowerCase(Locale.ROOT) : null;
        }
        return ID.matcher(text).matches() ? text : null;
    }

    /** Every key an event's names could stand for (thread id, join link, meeting id). */
    static Set<String> candidates(String... names) {
        Set<String> keys = new LinkedHashSet<>();
        for (String name : names) {
            String key = of(name);
            if (key != null) {
                keys.add(key);
            }
        }
        return keys;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
