package com.waymark.privacy;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

/**
 * The audit's share of the data rights, in two sections: reads that included the person, and reads they
 * made as a coach. Erasure removes them from the first and unlinks them from the second, so a programme's
 * audit still shows that a read happened, and of how many people, without saying who.
 */
final class AuditData {

    private AuditData() {
    }

    @Component
    static class ReadsIncludingYou implements PersonalDataHolder {

        private final AuditRepository events;
        private final NameDirectory names;

        ReadsIncludingYou(AuditRepository events, NameDirectory names) {
            this.events = events;
            this.names = names;
        }

        @Override
        public String name() {
            return "readsIncludingYou";
        }

        @Override
        public List<AuditEntry> export(long participantId) {
            return events.findIncluding(participantId, Pageable.unpaged()).stream()
                    .map(e -> e.toEntry(names)).toList();
        }

        @Override
        public int erase(long participantId) {
            return events.deleteSubject(participantId);
        }
    }

    @Component
    static class ReadsYouMade implements PersonalDataHolder {

        private final AuditRepository events;
        private final NameDirectory names;

        ReadsYouMade(AuditRepository events, NameDirectory names) {
            this.events = events;
            this.names = names;
        }

        @Override
        public String name() {
            return "readsYouMade";
        }

        @Override
        public List<AuditEntry> export(long participantId) {
            return events.findByReader(participantId).stream().map(e -> e.toEntry(names)).toList();
        }

        @Override
        public int erase(long participantId) {
            return events.forgetReader(participantId);
        }
    }
}
