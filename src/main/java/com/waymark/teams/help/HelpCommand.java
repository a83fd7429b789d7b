package com.waymark.teams.help;

import com.waymark.teams.Command;

/** Asking what the bot can do. */
public sealed interface HelpCommand extends Command {

    /** "help": in a 1:1 chat the card fitted to who asks; in a team or group chat what works there. */
    record Show() implements HelpCommand, Command.AnsweredByWelcome {
    }
}
