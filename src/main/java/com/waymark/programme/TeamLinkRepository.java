package com.waymark.programme;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface TeamLinkRepository extends JpaRepository<TeamLink, Long> {

    Optional<TeamLink> findByConversationId(String conversationId);

    List<TeamLink> findByTeamId(String teamId);
}
