package com.waymark.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} or {@code --name=value} options of a subcommand; unknown or repeated names are refused. */
final class BenchOptions {

    private final Map<String, String> values;

    private BenchOptions(Map<String, String> values) {
        this.values = values;
    }

    static BenchOptions parse(List<String> args, List<String> known) {
        Map<String, String> values = new LinkedHashMap<>();
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
        return new BenchOptions(values);
    }

    int intOption(String key, int fallback, int min, int max) {
        String raw = values.get(key);
        if (raw == null) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(raw.strip().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be a whole number, not '" + raw + "'");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException("--" + key + " must be between " + min + " and " + max + ", not " + value);
        }
        return (int) value;
    }
}
