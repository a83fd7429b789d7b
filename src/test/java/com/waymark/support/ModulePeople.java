package com.waymark.support;

import java.util.UUID;

import com.waymark.programme.EnrolmentService;
import com.waymark.programme.MembershipInfo;
import com.waymark.programme.ProgrammeService;
import com.waymark.programme.ProgrammeSettings;
import com.waymark.programme.ParticipantService;
import com.waymark.programme.TeamsIdentity;
import com.waymark.privacy.ConsentService;

/**
 * People and programmes for a module test, made through {@code programme}'s and {@code privacy}'s own services (every
 * module under test declares both), as {@link Chat} makes them through the bot for a whole-application test.
 */
public final class ModulePeople {

    private final ParticipantService participants;
    private final ProgrammeService programmes;
    private final EnrolmentService enrolment;
    private final ConsentService consent;

    public ModulePeople(ParticipantService participants, ProgrammeService programmes, EnrolmentService enrolment,
                        ConsentService consent) {
        this.participants = participants;
        this.programmes = programmes;
        this.enrolment = enrolment;
        this.consent = consent;
    }

    /** Someone Teams has told us about, who has not agreed to the notice. */
    public long person(String name) {
        String aad = UUID.randomUUID().toString();
        return participants.recognise(new TeamsIdentity(TeamsClient.TENANT, "29:" + aad, aad, name, "Europe/London"),
                null).getId();
    }

    /** Someone who has agreed to the current notice. */
    public long agreed(String name) {
        long id = person(name);
        consent.consent(id);
        return id;
    }

    /** A programme with a unique name that {@code coach} creates (so coaches it, as its admin). */
    public long programme(long coach, String prefix) {
        return programmes.create(coach, ProgrammeSettings.defaults(Chat.uniqueName(prefix), "Europe/London")).getId();
    }

    /** A new member of {@code programme} who agreed to the notice before joining with its code. */
    public long member(long programme, String name) {
        long id = agreed(name);
        enrolment.enrol(programme, id, MembershipInfo.Via.CODE);
        return id;
    }

    /** A new member of {@code programme}, placed in its group {@code groupId}. */
    public long member(long programme, long groupId, String name) {
        long id = member(programme, name);
        enrolment.assignGroup(programme, id, groupId);
        return id;
    }

    /** A group of {@code programme}, added by its coach. */
    public long group(long coach, long programme, String name) {
        return programmes.newGroup(coach, programme, name).id();
    }
}
