package com.waymark.privacy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The right of access and the right to erasure, over every module's {@link PersonalDataHolder}. */
@Service
public class DataRightsService {

    private final List<PersonalDataHolder> holders;
    private final ObjectMapper json;
    private final Clock clock;
    private final PersonLock people;

    public DataRightsService(List<PersonalDataHolder> holders, ObjectMapper json, Clock clock, PersonLock people) {
        this.people = people;
        this.holders = holders.stream()
                .sorted(Comparator.comparingInt(PersonalDataHolder::order).thenComparing(PersonalDataHolder::name))
                .toList();
        this.json = json;
        this.clock = clock;
    }

    /** One consistent snapshot of everything about the person. */
    @Transactional(readOnly = true)
    public DataExport export(long participantId) {
        var now = clock.instant();
        ObjectNode document = json.createObjectNode();
        document.put("exportedAt", now.toString());
        document.put("privacyNoticeVersion", PrivacyNotice.VERSION);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (PersonalDataHolder holder : holders) {
            if (!holder.exported()) {
                continue;
            }
            JsonNode section = json.valueToTree(holder.export(participantId));
            document.set(holder.name(), section);
            counts.put(holder.name(), count(section));
        }
        return new DataExport(now, document, counts);
    }

    /**
     * Erases every row about the person in one transaction: either all of it goes, or none of it does.
     * The identity row goes last so nothing is left pointing at it. Returns rows touched per section.
     * <p>
     * It starts by locking the person's row ({@link PersonLock}): a write about them already under way finishes
     * first and is erased with the rest; one arriving meanwhile waits, then finds them gone and stores nothing.
     * Someone already erased (a second tap on the button) has nothing left to erase.
     */
    @Transactional
    public Map<String, Integer> erase(long participantId) {
        Map<String, Integer> touched = new LinkedHashMap<>();
        if (!people.lock(participantId)) {
            return touched;
        }
        List<PersonalDataHolder> lastFirst = new ArrayList<>(holders);
        Collections.reverse(lastFirst);
        for (PersonalDataHolder holder : lastFirst) {
            touched.put(holder.name(), holder.erase(participantId));
        }
        return touched;
    }

    /**
     * Entries in a section as a person would count them: a list counts its items; a section made of lists (peer
     * coaching's rounds and answers, the schedule's settings and days away) counts the items of all of them, so
     * empty lists make 0, not 1; a single record (the profile) counts as one.
     */
    static int count(JsonNode section) {
        if (section == null || section.isNull() || section.isMissingNode()) {
            return 0;
        }
        if (section.isArray()) {
            return section.size();
        }
        boolean madeOfLists = false;
        int entries = 0;
        for (JsonNode field : section) {
            if (field.isArray()) {
                madeOfLists = true;
                entries += field.size();
            }
        }
        return madeOfLists ? entries : 1;
    }
}
