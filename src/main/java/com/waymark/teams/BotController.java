package com.waymark.teams;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.auth0.jwt.exceptions.JWTVerificationException;
import com.microsoft.bot.builder.Bot;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.DeliveryModes;
import com.microsoft.bot.schema.Serialization;
import com.waymark.ops.Foreground;
import com.waymark.teams.BotFrameworkConfiguration.TenantAwareAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/messages}: the one door Teams knocks on. Our own controller because the SDK's was built for
 * Spring 5. In order: size limits (413), a 400 with a reason for malformed bodies, authentication (401, never
 * 500, whatever the token), then for an authentic caller: channel and tenant allow-lists (403), redeliveries
 * (200, nothing done), and only then the turn, where the per-person rate limit applies.
 */
@RestController
class BotController {

    private static final Logger log = LoggerFactory.getLogger(BotController.class);

    private final TenantAwareAdapter adapter;
    private final Bot bot;
    private final BotSettings settings;
    private final BotMetrics metrics;
    private final InboundDedupe dedupe;
    private final Foreground foreground;

    BotController(TenantAwareAdapter adapter, Bot bot, BotSettings settings, BotMetrics metrics, InboundDedupe dedupe,
                  Foreground foreground) {
        this.adapter = adapter;
        this.bot = bot;
        this.settings = settings;
        this.metrics = metrics;
        this.dedupe = dedupe;
        this.foreground = foreground;
    }

    /**
     * The answer: a {@link ResponseEntity} when the turn finished while the request was read (the common case: the SDK
     * runs a turn on this thread, and an {@code expectReplies} turn or one whose replies are already sent is done), so
     * Spring MVC writes it at once; else the {@link CompletableFuture} that ends with it, which Spring MVC answers
     * asynchronously. Declared {@code Object} because Spring MVC picks how to write an answer by its runtime type: a
     * future always took a second pass through the filters and the dispatcher (its async re-dispatch), even when done.
     */
    @PostMapping(path = "/api/messages")
    Object incoming(
            @RequestBody(required = false) byte[] body,
            @RequestHeader(value = "Authorization", defaultValue = "") String authHeader) {
        CompletableFuture<ResponseEntity<String>> answer = answer(body, authHeader);
        return answer.isDone() && !answer.isCompletedExceptionally() ? answer.join() : answer;
    }

    private CompletableFuture<ResponseEntity<String>> answer(byte[] body, String authHeader) {
        if (body == null || body.length == 0) {
            return CompletableFuture.completedFuture(problem(HttpStatus.BAD_REQUEST, "The body is empty."));
        }
        if (body.length > settings.maxBodyBytes()) {
            return CompletableFuture.completedFuture(problem(HttpStatus.PAYLOAD_TOO_LARGE,
                    "The activity is larger than " + settings.maxBodyBytes() + " bytes."));
        }
        Activity activity;
        try {
            activity = InboundActivityReader.read(new String(body, StandardCharsets.UTF_8));
        } catch (InboundActivityReader.Malformed e) {
            return CompletableFuture.completedFuture(problem(HttpStatus.BAD_REQUEST, e.getMessage()));
        }
        var turn = metrics.startTurn();
        foreground.turnStarted();
        String type = activity.getType();
        try {
            return adapter.authenticate(authHeader, activity)
                    .thenCompose(identity -> admit(identity, activity))
                    .exceptionally(BotController::toError)
                    .whenComplete((response, failure) -> foreground.turnEnded())
                    .thenApply(response -> {
                        metrics.turnEnded(turn, type, outcome(response));
                        return response;
                    });
        } catch (RuntimeException e) {
            foreground.turnEnded(); // the chain was never built, so its end will not say so
            throw e;
        }
    }

    /** An authentic caller: is this one for us, and new? Then run the turn. */
    private CompletableFuture<ResponseEntity<String>> admit(ClaimsIdentity identity, Activity activity) {
        if (!settings.localMode() && !settings.allowedChannels().contains(lower(activity.getChannelId()))) {
            log.info("Refused an activity from a channel that is not allowed");
            return CompletableFuture.completedFuture(problem(HttpStatus.FORBIDDEN,
                    "This bot only takes activities from Microsoft Teams."));
        }
        if (!tenantAllowed(activity)) {
            log.info("Refused an activity from a tenant that is not allowed");
            return CompletableFuture.completedFuture(problem(HttpStatus.FORBIDDEN,
                    "This bot does not serve your organisation."));
        }
        InboundDedupe.Claim claim = dedupe.claim(activity);
        if (claim.duplicate()) {
            log.info("Answered a redelivered {} activity without processing it again",
                    BotMetrics.typeTag(activity.getType()));
            return CompletableFuture.completedFuture(duplicateAnswer(activity));
        }
        String type = activity.getType();
        return adapter.process(identity, activity, bot).handle((result, failure) -> {
            if (failure != null || result != null && result.getStatus() >= 500) {
                dedupe.release(claim); // let Teams' retry be processed
            }
            if (failure != null) {
                throw failure instanceof CompletionException ce ? ce : new CompletionException(failure);
            }
            metrics.accepted(type);
            return toResponse(result);
        });
    }

    /** Every tenant id the activity names must be allowed (Teams puts it in two places; they must agree). */
    private boolean tenantAllowed(Activity activity) {
        if (settings.allowedTenants().isEmpty()) {
            return true;
        }
        String inConversation = activity.getConversation() == null ? null : activity.getConversation().getTenantId();
        String inChannelData = TurnFacts.channelDataTenantId(activity);
        if (inConversation == null && inChannelData == null) {
            return false;
        }
        return (inConversation == null || settings.tenantAllowed(inConversation))
                && (inChannelData == null || settings.tenantAllowed(inChannelData));
    }

    /** What a redelivery gets: success and nothing more; an expectReplies caller an empty list of replies. */
    private static ResponseEntity<String> duplicateAnswer(Activity activity) {
        if (DeliveryModes.EXPECT_REPLIES.toString().equals(activity.getDeliveryMode())
                && !activity.isType(ActivityTypes.INVOKE)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body("{\"activities\":[]}");
        }
        return ResponseEntity.ok().build();
    }

    private static String lower(String value) {
        return value == null ? "" : value.trim().toLowerCase(java.util.Locale.ROOT);
    }

    private static String outcome(ResponseEntity<String> response) {
        int status = response.getStatusCode().value();
        if (status == HttpStatus.UNAUTHORIZED.value()) {
            return "unauthorized";
        }
        return status >= 500 ? "error" : status >= 400 ? "rejected" : "ok";
    }

    private static ResponseEntity<String> toResponse(InvokeResponse result) {
        if (result == null) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).build();
        }
        String json = result.getBody() == null ? null : Serialization.toStringSilent(result.getBody());
        return ResponseEntity.status(result.getStatus()).contentType(MediaType.APPLICATION_JSON).body(json);
    }

    private static ResponseEntity<String> toError(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (isAuthentication(cause)) {
            log.info("Refused an activity: {}", cause.getClass().getSimpleName());
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        if (cause instanceof IllegalArgumentException) {
            return problem(HttpStatus.BAD_REQUEST, "The activity could not be processed as sent.");
        }
        log.error("Unexpected failure processing an activity: {}", cause.getClass().getName(), Redacted.of(cause));
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side.");
    }

    /** The SDK wraps verification failures in its own exception, sometimes in a RuntimeException around that. */
    private static boolean isAuthentication(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AuthenticationException || t instanceof JWTVerificationException) {
                return true;
            }
        }
        return false;
    }

    private static ResponseEntity<String> problem(HttpStatus status, String detail) {
        String json = Serialization.toStringSilent(Map.of("status", status.value(), "detail", detail));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(json);
    }
}
