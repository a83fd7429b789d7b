package com.waymark.privacy;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AuditRepository extends JpaRepository<AuditEvent, Long> {

    @Query("select e from AuditEvent e join e.subjects s where s = :participantId order by e.at desc, e.id desc")
    List<AuditEvent> findIncluding(long participantId, Pageable page);

    @Query("select e from AuditEvent e where e.programmeId = :programmeId order by e.at desc, e.id desc")
    List<AuditEvent> findRecent(long programmeId, Pageable page);

    @Query("select e from AuditEvent e where e.actorId = :actorId order by e.at desc, e.id desc")
    List<AuditEvent> findByReader(long actorId);

    @Modifying
    @Query(value = "delete from audit_subject where participant_id = :participantId", nativeQuery = true)
    int deleteSubject(long participantId);

    @Modifying
    @Query("update AuditEvent e set e.actorId = null where e.actorId = :participantId")
    int forgetReader(long participantId);
}
