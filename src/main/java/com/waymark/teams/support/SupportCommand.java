package com.waymark.teams.support;

import com.waymark.teams.Command;

/** Duty of care's commands. */
public sealed interface SupportCommand extends Command {

    /** "support", or "Where to find support" on a card: every place to turn, at any time. */
    record Show() implements SupportCommand {
    }

    /** "Please ask my coach to call me" on a support card. */
    record RequestCoachCall() implements SupportCommand {
    }
}
