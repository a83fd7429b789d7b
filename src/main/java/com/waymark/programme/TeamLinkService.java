package com.waymark.programme;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Remembers the teams and group chats the bot is in, and which programme each one enrols into. */
@Service
public class TeamLinkService {

    private final TeamLinkRepository links;
    private final Clock clock;

    public TeamLinkService(TeamLinkRepository links, Clock clock) {
        this.links = links;
        this.clock = clock;
    }

    /** Returns true when this is news (first time, or back after removal): the hello goes out once. */
    @Transactional
    public boolean botAdded(TeamConversation conversation) {
        Optional<TeamLink> existing = links.findByConversationId(conversation.conversationId());
        if (existing.isPresent()) {
            boolean wasActive = existing.get().isActive();
            existing.get().refresh(conversation);
            return !wasActive;
        }
        links.save(new TeamLink(conversation, clock.instant()));
        return true;
    }

    /** The bot left the team or chat: every link to it (by channel or by team) goes quiet. */
    @Transactional
    public void botRemoved(TeamConversation conversation) {
        links.findByConversationId(conversation.conversationId()).ifPresent(link -> link.deactivate(clock.instant()));
        if (conversation.teamId() != null) {
            links.findByTeamId(conversation.teamId()).forEach(link -> link.deactivate(clock.instant()));
        }
    }

    /** Links the team to a programme (the coach ran "enrol" there), registering it if we missed the install. */
    @Transactional
    public TeamLink link(TeamConversation conversation, long programmeId) {
        TeamLink link = links.findByConversationId(conversation.conversationId())
                .orElseGet(() -> links.save(new TeamLink(conversation, clock.instant())));
        link.refresh(conversation);
        link.linkTo(programmeId);
        return link;
    }
}
