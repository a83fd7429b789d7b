package com.waymark.teams;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one person wrote, made safe to show to another. Teams reads a message's text and an Adaptive Card's TextBlock
 * and Fact values as Markdown (bold, italic, lists, {@code [title](url)} links; messages also take headings, code and
 * HTML tags such as {@code <at>} mentions) and turns anything that looks like a URL or a domain into a live link. So a
 * reflection saying {@code [Coaching survey - please sign in](https://evil.example/phish)} would reach a coach as a
 * clickable link under Waymark's name. This keeps every character legible but inert:
 * <ul>
 * <li>line breaks become spaces, and a line-start marker (heading, list, quote) is preceded by an invisible
 * zero-width space, so the text is one plain line;</li>
 * <li>{@code *}, {@code _}, {@code ~} and backticks become look-alikes that Markdown ignores (∗ ˍ ∼ ˋ);</li>
 * <li>{@code <} and {@code >} become ‹ and ›, so no tag, mention or angle-bracket link forms;</li>
 * <li>{@code ](} is split by a zero-width space, so neither a link nor an image forms;</li>
 * <li>URLs and domains are "defanged" the way security teams share them ({@code https[:]//evil[.]example}), so
 * nothing is autolinked while a reader still sees what was written;</li>
 * <li>Adaptive Cards' {@code {{DATE(…)}}} functions and bidirectional overrides (which can make text read backwards)
 * are broken or dropped.</li>
 * </ul>
 * Used wherever the edge shows one person's words to someone else: quotes, theme and group names, programme names,
 * people's names, roles and organisations. Our own text keeps its Markdown.
 */
public final class PlainText {

    private static final String ZWSP = "\u200B";
    private static final Pattern BIDI = Pattern.compile("[\\u202A-\\u202E\\u2066-\\u2069]");
    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*[\\r\\n\\u2028\\u2029]+\\s*");
    private static final Pattern SCHEME = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]{1,20}):(//)?");
    private static final Pattern KNOWN_SCHEMES = Pattern.compile(
            "(?i)https?|ftp|file|mailto|tel|sip|callto|javascript|data|vbscript|msteams|ms-[a-z-]+|onenote|teams");
    /** A dot inside something a linkifier would take for a host name: letters or digits on both sides. */
    private static final Pattern DOMAIN = Pattern.compile(
            "(?i)\\b[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\\.[a-z]{2,24}\\b");
    private static final Pattern LINE_START = Pattern.compile("^(?:#|[-+]|\\d{1,9}[.)])");

    private PlainText() {
    }

    /** Null stays null (an unknown name is rendered by the caller's own fallback). */
    public static String of(String text) {
        if (text == null) {
            return null;
        }
        String plain = BIDI.matcher(text).replaceAll("");
        plain = LINE_BREAKS.matcher(plain).replaceAll(" ").strip();
        plain = plain.replace('*', '∗').replace('_', 'ˍ').replace('~', '∼').replace('`', 'ˋ')
                .replace('<', '‹').replace('>', '›')
                .replace("](", "]" + ZWSP + "(")
                .replace("{{", "{" + ZWSP + "{");
        plain = SCHEME.matcher(plain).replaceAll(m -> Matcher.quoteReplacement(
                KNOWN_SCHEMES.matcher(m.group(1)).matches() ? m.group(1) + "[:]" + (m.group(2) == null ? "" : "//")
                        : m.group()));
        plain = DOMAIN.matcher(plain).replaceAll(m -> Matcher.quoteReplacement(m.group().replace(".", "[.]")));
        if (LINE_START.matcher(plain).find()) {
            plain = ZWSP + plain;
        }
        return plain;
    }
}
