package com.waymark.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} (or {@code --name=value}) options of a subcommand, checked against the names it knows. */
final class BenchOptions {

    private final Map<String, String> values = new LinkedHashMap<>();

    BenchOptions(List<String> args, List<String> known) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            String key = arg.substring(2);
            String value;
            int eq = key.indexOf('=');
            if (eq >= 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new IllegalArgumentException("--" + key + " needs a value");
            }
            if (!known.contains(key)) {
                throw new IllegalArgumentException("unknown option --" + key + " (expected --" + String.join(" --", known) + ")");
            }
            if (values.put(key, value) != null) {
                throw new IllegalArgumentException("--" + key + " given twice");
            }
        }
    }

    static BenchOptions parse(List<String> args, List<String> known) {
        return new BenchOptions(args, known);
    }

    int intOption(String key, int fallback, int min, int max) {
        return integer(key, fallback, min, max);
    }

    Map<String, String> values() {
        return Map.copyOf(values);
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    String text(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    int integer(String key, int fallback, int min, int max) {
        double value = number(key, fallback);
        if (value != Math.rint(value) || value < min || value > max) {
            throw new IllegalArgumentException("--" + key + " must be a whole number from " + min + " to " + max);
        }
        return (int) value;
    }

    double number(String key, double fallback) {
        String raw = values.get(key);
        if (raw == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be a number, not '" + raw + "'");
        }
    }
}
