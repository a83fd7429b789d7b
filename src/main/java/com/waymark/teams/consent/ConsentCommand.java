package com.waymark.teams.consent;

import com.waymark.teams.Command;

/** Reading the privacy notice and agreeing to it. */
public sealed interface ConsentCommand extends Command {

    /** "privacy": the notice, or what they agreed to and when. */
    record ShowNotice() implements ConsentCommand {
    }

    /** "I agree", or the notice's button. */
    record Agree() implements ConsentCommand, Command.Agreement {
    }
}
