package com.waymark.teams.trend;

import java.util.List;
import java.util.Optional;

import com.microsoft.bot.schema.Activity;
import com.waymark.checkin.CheckInService;
import com.waymark.teams.CardSubmit;
import com.waymark.teams.FeatureSlice;
import com.waymark.teams.HelpLine;
import com.waymark.teams.Phrase;
import com.waymark.teams.Reply;
import com.waymark.teams.Turn;
import com.waymark.teams.WaymarkCards;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** "my trend": the person's own wellbeing and energy over time, from their check-ins. Waits for consent. */
@Component
@Order(30)
public class TrendSlice implements FeatureSlice<TrendCommand> {

    public static final String SHOW_TREND = "showTrend";

    private final CheckInService checkIns;

    TrendSlice(CheckInService checkIns) {
        this.checkIns = checkIns;
    }

    @Override
    public Optional<TrendCommand> parse(Phrase phrase) {
        return phrase.is("my trend", "trend", "my progress", "progress", "my wellbeing")
                ? Optional.of(new TrendCommand.Show()) : Optional.empty();
    }

    @Override
    public Optional<TrendCommand> parseCard(CardSubmit submit) {
        return SHOW_TREND.equals(submit.action()) ? Optional.of(new TrendCommand.Show()) : Optional.empty();
    }

    @Override
    public boolean needsConsent(Turn turn, TrendCommand command) {
        return true;
    }

    @Override
    public List<HelpLine> help() {
        return List.of(HelpLine.participant("**my trend** – your own wellbeing and energy over time"));
    }

    @Override
    public List<Activity> handle(Turn turn, TrendCommand command) {
        return List.of(Reply.card(WaymarkCards.trend(checkIns.trend(turn.participantId()))));
    }
}
