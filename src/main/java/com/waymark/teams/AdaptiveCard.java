package com.waymark.teams;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Attachment;

/**
 * A small builder for Adaptive Cards 1.5, the version Teams renders. Cards are built as Jackson trees, so
 * every value is escaped properly (a name with a quote or a dollar sign can't break a card).
 */
public final class AdaptiveCard {

    public static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** One option of a choice set. */
    public record Choice(String title, String value) {
    }

    private ArrayNode body = JSON.arrayNode();
    private ArrayNode actions = JSON.arrayNode();
    /**
     * Whether {@link #toJson} handed {@link #body} and {@link #actions} out: a card is nearly always built, turned
     * into JSON once and dropped, so the JSON takes them as they are, and only a builder used again after that copies
     * them first (copy on write), so what it handed out never changes.
     */
    private boolean handedOut;

    private AdaptiveCard() {
    }

    public static AdaptiveCard create() {
        return new AdaptiveCard();
    }

    public AdaptiveCard heading(String text) {
        body().add(textBlock(text).put("size", "Medium").put("weight", "Bolder").put("style", "heading"));
        return this;
    }

    public AdaptiveCard text(String text) {
        body().add(textBlock(text));
        return this;
    }

    public AdaptiveCard subtle(String text) {
        body().add(textBlock(text).put("isSubtle", true).put("size", "Small"));
        return this;
    }

    public AdaptiveCard emphasis(String text) {
        body().add(textBlock(text).put("weight", "Bolder"));
        return this;
    }

    public AdaptiveCard facts(Map<String, String> facts) {
        body().add(factSet(facts));
        return this;
    }

    /** One point of a chart: a label on the x axis and its value. */
    public record Point(String x, double y) {
    }

    /**
     * A Teams chart ({@code Chart.Line}, one line per series) with a FactSet as its fallback, which clients
     * without chart support render instead. Charts are drawn by the client from numbers: no image, no data URI.
     */
    public AdaptiveCard lineChart(String title, String xTitle, String yTitle, Map<String, List<Point>> series) {
        return lineChart(title, xTitle, yTitle, series, null);
    }

    /** The y axis of a chart fixed to a scale, such as the 1–5 of a rating, instead of fitted to the data. */
    public record Scale(int min, int max) {
    }

    /**
     * A line chart whose y axis runs over {@code scale} ({@code yMin}, {@code yMax} of Teams' {@code Chart.Line}):
     * fitted to the data, a line of means between 3.1 and 4.2 sat on an axis from 0 to 4.2, which reads as a
     * scale other than the 1–5 people answered on.
     */
    public AdaptiveCard lineChart(String title, String xTitle, String yTitle, Map<String, List<Point>> series, Scale scale) {
        ArrayNode data = JSON.arrayNode();
        Map<String, String> fallback = new LinkedHashMap<>();
        series.forEach((legend, points) -> {
            ArrayNode values = JSON.arrayNode();
            points.forEach(p -> values.add(JSON.objectNode().put("x", p.x()).put("y", p.y())));
            data.add(JSON.objectNode().put("legend", legend).set("values", values));
            points.forEach(p -> fallback.merge(p.x(), legend + " " + number(p.y()), (a, b) -> a + ", " + b));
        });
        ObjectNode chart = JSON.objectNode().put("type", "Chart.Line").put("title", title)
                .put("xAxisTitle", xTitle).put("yAxisTitle", yTitle);
        if (scale != null) {
            chart.put("yMin", scale.min()).put("yMax", scale.max());
        }
        chart.set("data", data);
        chart.set("fallback", factSet(fallback));
        body().add(chart);
        return this;
    }

    /** A Teams {@code Chart.VerticalBar} with a FactSet fallback. */
    public AdaptiveCard barChart(String title, String xTitle, String yTitle, List<Point> bars) {
        ArrayNode data = JSON.arrayNode();
        Map<String, String> fallback = new LinkedHashMap<>();
        bars.forEach(p -> {
            data.add(JSON.objectNode().put("x", p.x()).put("y", p.y()));
            fallback.put(p.x(), number(p.y()));
        });
        ObjectNode chart = JSON.objectNode().put("type", "Chart.VerticalBar").put("title", title)
                .put("xAxisTitle", xTitle).put("yAxisTitle", yTitle);
        chart.set("data", data);
        chart.set("fallback", factSet(fallback));
        body().add(chart);
        return this;
    }

    /**
     * A Teams {@code Chart.HorizontalBar} with a FactSet fallback: each label beside its bar, at its full width
     * (under a vertical bar a label longer than the bar is cut: "Workloa…"), and the value at the bar's end
     * ({@code AbsoluteNoAxis}) rather than on an axis to read across to.
     */
    public AdaptiveCard horizontalBarChart(String title, List<Point> bars) {
        ArrayNode data = JSON.arrayNode();
        Map<String, String> fallback = new LinkedHashMap<>();
        bars.forEach(p -> {
            data.add(JSON.objectNode().put("x", p.x()).put("y", p.y()));
            fallback.put(p.x(), number(p.y()));
        });
        // One colour for every bar: a bar of its own colour reads as meaning something the others don't.
        ObjectNode chart = JSON.objectNode().put("type", "Chart.HorizontalBar").put("title", title)
                .put("displayMode", "AbsoluteNoAxis").put("color", "categoricalBlue");
        chart.set("data", data);
        chart.set("fallback", factSet(fallback));
        body().add(chart);
        return this;
    }

    private static ObjectNode factSet(Map<String, String> facts) {
        ArrayNode list = JSON.arrayNode();
        facts.forEach((title, value) -> list.add(JSON.objectNode().put("title", title).put("value", value)));
        return JSON.objectNode().put("type", "FactSet").set("facts", list);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    public AdaptiveCard choices(String id, String label, List<Choice> choices, String errorMessage) {
        ArrayNode list = JSON.arrayNode();
        choices.forEach(c -> list.add(JSON.objectNode().put("title", c.title()).put("value", c.value())));
        ObjectNode input = JSON.objectNode().put("type", "Input.ChoiceSet").put("id", id).put("label", label)
                .put("style", "expanded").put("isRequired", true).put("errorMessage", errorMessage);
        input.set("choices", list);
        body().add(input);
        return this;
    }

    public AdaptiveCard textInput(String id, String label, String placeholder, int maxLength) {
        body().add(JSON.objectNode().put("type", "Input.Text").put("id", id).put("label", label)
                .put("placeholder", placeholder).put("isMultiline", true).put("maxLength", maxLength));
        return this;
    }

    public AdaptiveCard toggle(String id, String title) {
        body().add(JSON.objectNode().put("type", "Input.Toggle").put("id", id).put("title", title)
                .put("value", "false").put("valueOn", "true").put("valueOff", "false"));
        return this;
    }

    /** A single-line text input, prefilled with {@code value} when there is one. */
    public AdaptiveCard field(String id, String label, String value, String placeholder, int maxLength, boolean required) {
        ObjectNode input = JSON.objectNode().put("type", "Input.Text").put("id", id).put("label", label)
                .put("maxLength", maxLength);
        if (value != null) {
            input.put("value", value);
        }
        if (placeholder != null) {
            input.put("placeholder", placeholder);
        }
        if (required) {
            input.put("isRequired", true).put("errorMessage", label + " is needed.");
        }
        body().add(input);
        return this;
    }

    public AdaptiveCard date(String id, String label, String isoValue) {
        ObjectNode input = JSON.objectNode().put("type", "Input.Date").put("id", id).put("label", label);
        if (isoValue != null) {
            input.put("value", isoValue);
        }
        body().add(input);
        return this;
    }

    public AdaptiveCard number(String id, String label, int value, int min, int max) {
        body().add(JSON.objectNode().put("type", "Input.Number").put("id", id).put("label", label)
                .put("value", value).put("min", min).put("max", max));
        return this;
    }

    /** A drop-down (or multi-select) choice; {@code value} preselects, comma-separated for multi-select. */
    public AdaptiveCard pick(String id, String label, List<Choice> choices, String value, boolean required, boolean multi) {
        ArrayNode list = JSON.arrayNode();
        choices.forEach(c -> list.add(JSON.objectNode().put("title", c.title()).put("value", c.value())));
        ObjectNode input = JSON.objectNode().put("type", "Input.ChoiceSet").put("id", id).put("label", label)
                .put("style", "compact").put("isMultiSelect", multi);
        if (value != null) {
            input.put("value", value);
        }
        if (required) {
            input.put("isRequired", true).put("errorMessage", "Please choose " + label.toLowerCase() + ".");
        }
        input.set("choices", list);
        body().add(input);
        return this;
    }

    /** An Action.Submit: Teams sends {@code data} (plus the card's inputs) back as a message's value. */
    public AdaptiveCard submit(String title, String action, Map<String, String> extraData) {
        ObjectNode data = JSON.objectNode().put("action", action);
        extraData.forEach(data::put);
        ObjectNode submit = JSON.objectNode().put("type", "Action.Submit").put("title", title);
        submit.set("data", data);
        actions().add(submit);
        return this;
    }

    public AdaptiveCard submit(String title, String action) {
        return submit(title, action, Map.of());
    }

    /**
     * A submit that sends only its own data: the card's inputs are neither sent nor checked, so a required choice
     * elsewhere on the card does not stand in the way of this button.
     */
    public AdaptiveCard submitAlone(String title, String action, Map<String, String> data) {
        submit(title, action, data);
        ((ObjectNode) actions().get(actions.size() - 1)).put("associatedInputs", "none");
        return this;
    }

    /** An Action.OpenUrl: Teams opens the link (a deep link into Teams itself, or a web page). */
    public AdaptiveCard openUrl(String title, String url) {
        actions().add(JSON.objectNode().put("type", "Action.OpenUrl").put("title", title).put("url", url));
        return this;
    }

    public ObjectNode toJson() {
        ObjectNode json = JSON.objectNode().put("type", "AdaptiveCard")
                .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json").put("version", "1.5");
        json.set("body", body);
        if (!actions.isEmpty()) {
            json.set("actions", actions);
        }
        handedOut = true;
        return json;
    }

    private ArrayNode body() {
        ownParts();
        return body;
    }

    private ArrayNode actions() {
        ownParts();
        return actions;
    }

    /** Before changing a card whose parts {@link #toJson} handed out: a copy of its own to change. */
    private void ownParts() {
        if (handedOut) {
            body = body.deepCopy();
            actions = actions.deepCopy();
            handedOut = false;
        }
    }

    public Attachment toAttachment() {
        Attachment attachment = new Attachment();
        attachment.setContentType(CONTENT_TYPE);
        attachment.setContent(toJson());
        return attachment;
    }

    private static ObjectNode textBlock(String text) {
        return JSON.objectNode().put("type", "TextBlock").put("text", text).put("wrap", true);
    }
}
