package com.waymark.teams;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.auth0.jwt.exceptions.JWTVerificationException;
import com.microsoft.bot.builder.Bot;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.integration.BotFrameworkHttpAdapter;
import com.microsoft.bot.schema.Serialization;
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
 * {@code POST /api/messages}: the one door Teams knocks on. Our own controller because the SDK's was
 * built for Spring 5; it adds what Teams traffic needs at the edge: size limits, a 400 with a reason for
 * malformed bodies, and 401 (never 500) for any authentication failure.
 */
@RestController
class BotController {

    private static final Logger log = LoggerFactory.getLogger(BotController.class);

    private final BotFrameworkHttpAdapter adapter;
    private final Bot bot;
    private final BotSettings settings;
    private final BotMetrics metrics;

    BotController(BotFrameworkHttpAdapter adapter, Bot bot, BotSettings settings, BotMetrics metrics) {
        this.adapter = adapter;
        this.bot = bot;
        this.settings = settings;
        this.metrics = metrics;
    }

    @PostMapping(path = "/api/messages")
    CompletableFuture<ResponseEntity<String>> incoming(
            @RequestBody(required = false) byte[] body,
            @RequestHeader(value = "Authorization", defaultValue = "") String authHeader) {
        if (body == null || body.length == 0) {
            return CompletableFuture.completedFuture(problem(HttpStatus.BAD_REQUEST, "The body is empty."));
        }
        if (body.length > settings.maxBodyBytes()) {
            return CompletableFuture.completedFuture(problem(HttpStatus.PAYLOAD_TOO_LARGE,
                    "The activity is larger than " + settings.maxBodyBytes() + " bytes."));
        }
        com.microsoft.bot.schema.Activity activity;
        try {
            activity = InboundActivityReader.read(new String(body, StandardCharsets.UTF_8));
        } catch (InboundActivityReader.Malformed e) {
            return CompletableFuture.completedFuture(problem(HttpStatus.BAD_REQUEST, e.getMessage()));
        }
        var turn = metrics.startTurn();
        String type = activity.getType();
        CompletableFuture<InvokeResponse> processing;
        try {
            processing = adapter.processIncomingActivity(authHeader, activity, bot);
        } catch (RuntimeException e) {
            processing = CompletableFuture.failedFuture(e);
        }
        return processing.handle((result, failure) -> {
            if (failure == null) {
                metrics.accepted(type);
            }
            ResponseEntity<String> response = failure == null ? toResponse(result) : toError(failure);
            metrics.turnEnded(turn, type, outcome(response.getStatusCode().value()));
            return response;
        });
    }

    private static String outcome(int status) {
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
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof AuthenticationException || cause instanceof JWTVerificationException) {
            log.info("Refused an activity: {}", cause.getClass().getSimpleName());
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        if (cause instanceof IllegalArgumentException) {
            return problem(HttpStatus.BAD_REQUEST, "The activity could not be processed as sent.");
        }
        log.error("Unexpected failure processing an activity: {}", cause.getClass().getName(), Redacted.of(cause));
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side.");
    }

    private static ResponseEntity<String> problem(HttpStatus status, String detail) {
        String json = Serialization.toStringSilent(java.util.Map.of("status", status.value(), "detail", detail));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(json);
    }
}
