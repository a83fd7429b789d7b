package com.waymark.privacy;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Everything stored about one person, as one JSON document, with how many records of each kind it holds.
 *
 * @param document the export: {@code exportedAt}, {@code noticeVersion}, then one section per data holder
 * @param counts   records per section, in export order (a single record counts as one, an empty one as zero)
 */
public record DataExport(Instant exportedAt, ObjectNode document, Map<String, Integer> counts) {
}
