package com.waymark.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Searches every column of every table in the schema, Flyway's history and Quartz's tables included (they hold no
 * personal data today; scheduling's jobs will, so they are scanned rather than excused). Text columns are searched
 * for each needle, whole-number columns for the ids, binary columns (Quartz job data, sealed vectors) for the
 * needles' UTF-8 bytes. A column of a type the scan can't read fails it rather than being skipped.
 */
public final class EveryColumn {

    private static final Set<String> TEXT_TYPES = Set.of("CHARACTER VARYING", "CHARACTER", "VARCHAR",
            "CHARACTER LARGE OBJECT", "CLOB", "VARCHAR_IGNORECASE");
    private static final Set<String> NUMBER_TYPES = Set.of("BIGINT", "INTEGER", "SMALLINT", "TINYINT", "NUMERIC",
            "DECIMAL");
    private static final Set<String> BINARY_TYPES = Set.of("BINARY LARGE OBJECT", "BLOB", "BINARY VARYING",
            "VARBINARY", "BINARY");
    /** Types that can't hold a name, an id or text. */
    private static final Set<String> CANNOT_HOLD_IT = Set.of("BOOLEAN", "DATE", "TIMESTAMP",
            "TIMESTAMP WITH TIME ZONE", "TIME", "TIME WITH TIME ZONE", "REAL", "DOUBLE PRECISION");

    private EveryColumn() {
    }

    /** Where any needle or id is found, as {@code "TABLE"."COLUMN" contains …}; empty when nowhere. */
    public static List<String> scan(JdbcTemplate db, List<String> needles, Collection<Long> ids) {
        List<Map<String, Object>> columns = db.queryForList("select table_name, column_name, data_type "
                + "from information_schema.columns where table_schema = 'PUBLIC' order by table_name, column_name");
        assertThat(columns).extracting(c -> c.get("TABLE_NAME"))
                .contains("PARTICIPANT", "CONSENT_RECORD", "CHECK_IN", "ACTION_ITEM", "ACTION_EVENT", "MEMBERSHIP",
                        "PROGRAMME_STAFF", "AUDIT_EVENT", "AUDIT_SUBJECT", "COACH_CALL_REQUEST", "QRTZ_JOB_DETAILS",
                        "REFLECTION_EMBEDDING", "flyway_schema_history");
        String idList = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        List<String> found = new ArrayList<>();
        int scanned = 0;
        for (Map<String, Object> column : columns) {
            String table = "\"" + column.get("TABLE_NAME") + "\"";
            String name = "\"" + column.get("COLUMN_NAME") + "\"";
            String type = (String) column.get("DATA_TYPE");
            if (TEXT_TYPES.contains(type)) {
                scanned++;
                for (String needle : needles) {
                    Integer hits = db.queryForObject("select count(*) from " + table + " where " + name
                            + " like ?", Integer.class, "%" + needle.replace("%", "\\%").replace("_", "\\_") + "%");
                    if (hits > 0) {
                        found.add(table + "." + name + " contains " + needle);
                    }
                }
            } else if (NUMBER_TYPES.contains(type)) {
                scanned++;
                if (!ids.isEmpty()) {
                    db.queryForList("select distinct " + name + " from " + table + " where " + name + " in (" + idList
                            + ")", Long.class).forEach(id -> found.add(table + "." + name + " = " + id));
                }
            } else if (BINARY_TYPES.contains(type)) {
                scanned++;
                for (byte[] value : db.queryForList("select " + name + " from " + table + " where " + name
                        + " is not null", byte[].class)) {
                    String bytes = new String(value, StandardCharsets.ISO_8859_1);
                    needles.stream().filter(n -> bytes.contains(new String(n.getBytes(StandardCharsets.UTF_8),
                            StandardCharsets.ISO_8859_1))).forEach(n -> found.add(table + "." + name + " holds " + n));
                }
            } else {
                assertThat(CANNOT_HOLD_IT).as("a column type the scan doesn't read: %s.%s", table, name)
                        .contains(type);
            }
        }
        assertThat(scanned).as("columns scanned").isGreaterThan(100);
        return found;
    }
}
