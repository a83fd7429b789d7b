package com.waymark.teams.datarights;

import com.waymark.teams.Command;

/** The rights the privacy notice promises, and a programme admin's audit of reads. */
public sealed interface DataRightsCommand extends Command {

    /** Everything stored about the person: a summary card and the full export as JSON. */
    record MyData() implements DataRightsCommand {
    }

    /** Asks for confirmation before erasing anything. */
    record DeleteMyData() implements DataRightsCommand {
    }

    /** "Yes, erase everything" on the confirmation card. */
    record ConfirmErase() implements DataRightsCommand {
    }

    record WhoHasSeenMyData() implements DataRightsCommand {
    }

    /** A programme admin reviews recent reads of their programme's data. */
    record ShowAudit() implements DataRightsCommand {
    }
}
