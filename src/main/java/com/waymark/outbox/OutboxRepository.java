package com.waymark.outbox;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface OutboxRepository extends JpaRepository<OutboxMessage, Long> {

    boolean existsByIdempotencyKey(String key);

    List<OutboxMessage> findByOccurrenceIdAndStatus(long occurrenceId, OutboxMessage.Status status);

    long countByStatus(OutboxMessage.Status status);
}
