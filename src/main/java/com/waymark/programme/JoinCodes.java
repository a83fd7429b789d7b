package com.waymark.programme;

import java.security.SecureRandom;

/** Short codes people can type on a phone: no 0/O, 1/I/L, so nobody has to guess. */
final class JoinCodes {

    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private JoinCodes() {
    }

    static String next() {
        StringBuilder code = new StringBuilder(7);
        for (int i = 0; i < 6; i++) {
            if (i == 3) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** Accepts what people actually type: lower case, spaces, a missing dash. */
    static String normalise(String typed) {
        String compact = typed == null ? "" : typed.toUpperCase().replaceAll("[^A-Z0-9]", "");
        return compact.length() == 6 ? compact.substring(0, 3) + "-" + compact.substring(3) : compact;
    }
}
