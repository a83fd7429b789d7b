package com.waymark.schedule;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;

import com.waymark.privacy.ProgrammeDataHolder;
import com.waymark.programme.ProgrammeRetention;
import com.waymark.programme.ProgrammeRetention.Expired;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the retention promise on the programme card: once a programme's end date plus its retention days have
 * passed, every module's share of its people's answers is erased ({@link ProgrammeDataHolder}). Runs daily (Quartz,
 * {@link SchedulingJobs}); erasing what is already gone erases nothing, so running again, or on two instances, is
 * harmless. One transaction per programme: a programme is swept whole or not at all, and one that fails does not hold
 * the others back.
 */
@Service
public class RetentionSweep {

    private static final Logger log = LoggerFactory.getLogger(RetentionSweep.class);

    /** What one sweep did: programmes past retention, and rows erased across every module. */
    public record Outcome(int programmes, int rows) {
    }

    private final ProgrammeRetention retention;
    private final List<ProgrammeDataHolder> holders;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public RetentionSweep(ProgrammeRetention retention, List<ProgrammeDataHolder> holders,
                          PlatformTransactionManager transactions, Clock clock) {
        this.retention = retention;
        this.holders = holders.stream().sorted(Comparator.comparing(ProgrammeDataHolder::name)).toList();
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    public Outcome sweep() {
        List<Expired> due = retention.pastRetention(clock.instant());
        int rows = 0;
        for (Expired programme : due) {
            try {
                rows += transaction.execute(tx -> erase(programme));
            } catch (RuntimeException e) {
                // Rolled back whole; the next sweep tries again. The type only: messages may quote row values.
                log.warn("Retention sweep: programme {} not erased this time ({})", programme.programmeId(),
                        e.getClass().getSimpleName());
            }
        }
        if (rows > 0) {
            // Ids and counts only: nothing here names anyone.
            log.info("Retention sweep: erased {} rows of {} programmes past their retention", rows, due.size());
        }
        return new Outcome(due.size(), rows);
    }

    private int erase(Expired programme) {
        int rows = 0;
        for (ProgrammeDataHolder holder : holders) {
            for (long person : programme.lastProgrammeOf()) {
                rows += holder.eraseAfterLastProgramme(person);
            }
            rows += holder.eraseProgrammeData(programme.programmeId());
        }
        return rows;
    }
}
