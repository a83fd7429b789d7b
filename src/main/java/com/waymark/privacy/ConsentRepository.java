package com.waymark.privacy;

import org.springframework.data.jpa.repository.JpaRepository;

interface ConsentRepository extends JpaRepository<ConsentRecord, Long> {

    boolean existsByParticipantIdAndNoticeVersionAndWithdrawnAtIsNull(long participantId, int noticeVersion);
}
