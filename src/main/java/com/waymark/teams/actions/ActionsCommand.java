package com.waymark.teams.actions;

import com.waymark.teams.Command;

/** A person's own action plan. */
public sealed interface ActionsCommand extends Command {

    record Add(String text) implements ActionsCommand {
    }

    record List() implements ActionsCommand {
    }

    record Complete(String number) implements ActionsCommand {
    }

    /** What is in the way of one of their actions ("stuck 3 waiting for sign-off"). */
    record Block(String number, String what) implements ActionsCommand {
    }
}
