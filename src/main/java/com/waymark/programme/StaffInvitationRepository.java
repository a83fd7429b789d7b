package com.waymark.programme;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface StaffInvitationRepository extends JpaRepository<StaffInvitation, Long> {

    Optional<StaffInvitation> findByCodeHash(String codeHash);

    @Query("select i from StaffInvitation i where i.invitedBy = :participantId order by i.id")
    List<StaffInvitation> findByInvitedBy(long participantId);

    /** 1 for the one caller that uses the invitation up, 0 for anyone racing it: single use without a lock. */
    @Modifying
    @Query("delete from StaffInvitation i where i.id = :id")
    int deleteOne(long id);

    @Modifying
    @Query("delete from StaffInvitation i where i.invitedBy = :participantId")
    int deleteByInvitedBy(long participantId);
}
