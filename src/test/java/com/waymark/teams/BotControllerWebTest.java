package com.waymark.teams;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.microsoft.bot.builder.Bot;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.waymark.ops.Foreground;
import com.waymark.teams.BotFrameworkConfiguration.TenantAwareAdapter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The door's own rules, with only Spring MVC and {@link BotController} started: the SDK adapter, the bot, the
 * redelivery store and the meters are mocks, so each refusal is shown to happen before any of them is reached.
 * (The whole turn over real HTTP is what the chat tests do.)
 */
@WebMvcTest(controllers = BotController.class, properties = {
        "waymark.bot.max-body-bytes=2000", "waymark.bot.allowed-tenants=72f988bf-86f1-41af-91ab-2d7cd011db47"})
class BotControllerWebTest {

    @TestConfiguration
    @EnableConfigurationProperties(BotSettings.class)
    static class Settings {
    }

    @Autowired
    MockMvc mvc;
    @MockitoBean
    TenantAwareAdapter adapter;
    @MockitoBean
    Bot bot;
    @MockitoBean
    BotMetrics metrics;
    @MockitoBean
    InboundDedupe dedupe;
    @MockitoBean
    Foreground foreground;

    @Test
    void anEmptyBodyIsABadRequestWithAReason() throws Exception {
        answer(post("/api/messages").contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The body is empty."));
        verifyNoInteractions(adapter, bot);
    }

    @Test
    void aBodyOverTheLimitIsRefusedUnread() throws Exception {
        answer(post("/api/messages").contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"" + "x".repeat(2000)
                + "\"}"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.detail").value("The activity is larger than 2000 bytes."));
        verifyNoInteractions(adapter, bot);
    }

    @Test
    void malformedJsonIsABadRequestNeverA500() throws Exception {
        answer(post("/api/messages").contentType(MediaType.APPLICATION_JSON).content("{\"type\": \"message\","))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verifyNoInteractions(adapter, bot);
    }

    @Test
    void aTokenThatFailsVerificationIs401AndNoTurnRuns() throws Exception {
        when(adapter.authenticate(anyString(), any()))
                .thenReturn(CompletableFuture.failedFuture(new AuthenticationException("bad token")));

        answer(post("/api/messages").contentType(MediaType.APPLICATION_JSON).header("Authorization", "Bearer junk")
                .content(message("72f988bf-86f1-41af-91ab-2d7cd011db47")))
                .andExpect(status().isUnauthorized());
        verify(adapter, never()).process(any(), any(), any());
        verify(foreground).turnEnded();
    }

    @Test
    void anAuthenticCallerFromAnotherTenantIs403AndNothingIsStored() throws Exception {
        when(adapter.authenticate(anyString(), any()))
                .thenReturn(CompletableFuture.completedFuture(new ClaimsIdentity("anonymous")));

        answer(post("/api/messages").contentType(MediaType.APPLICATION_JSON).content(message("another-tenant")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("This bot does not serve your organisation."));
        verifyNoInteractions(dedupe, bot);
        verify(adapter, never()).process(any(), any(), any());
    }

    @Test
    void aTurnDoneWithinTheRequestIsAnsweredWithoutAnAsyncDispatch() throws Exception {
        authentic();
        when(adapter.process(any(), any(), any())).thenReturn(CompletableFuture.completedFuture(
                new InvokeResponse(200, Map.of("activities", List.of()))));

        mvc.perform(post("/api/messages").contentType(MediaType.APPLICATION_JSON)
                        .content(message("72f988bf-86f1-41af-91ab-2d7cd011db47")))
                .andExpect(request().asyncNotStarted())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.activities").isArray());
        verify(foreground).turnEnded();
    }

    @Test
    void aTurnStillRunningIsAnsweredAsynchronouslyWhenItEnds() throws Exception {
        authentic();
        CompletableFuture<InvokeResponse> running = new CompletableFuture<>();
        when(adapter.process(any(), any(), any())).thenReturn(running);

        MvcResult started = mvc.perform(post("/api/messages").contentType(MediaType.APPLICATION_JSON)
                        .content(message("72f988bf-86f1-41af-91ab-2d7cd011db47")))
                .andExpect(request().asyncStarted()).andReturn();
        running.complete(null);
        mvc.perform(asyncDispatch(started)).andExpect(status().isAccepted());
        verify(foreground).turnEnded();
    }

    private void authentic() {
        when(adapter.authenticate(anyString(), any()))
                .thenReturn(CompletableFuture.completedFuture(new ClaimsIdentity("anonymous")));
        when(dedupe.claim(any())).thenReturn(InboundDedupe.Claim.UNTRACKED);
    }

    /**
     * An answer as Spring MVC gives it: at once when the turn was done within the request (as every refusal here is),
     * else asynchronously, dispatching its result.
     */
    private org.springframework.test.web.servlet.ResultActions answer(RequestBuilder request) throws Exception {
        org.springframework.test.web.servlet.ResultActions sent = mvc.perform(request);
        MvcResult result = sent.andReturn();
        return result.getRequest().isAsyncStarted() ? mvc.perform(asyncDispatch(result)) : sent;
    }

    private static String message(String tenant) {
        return """
                {"type": "message", "id": "f:1", "channelId": "msteams", "serviceUrl": "http://127.0.0.1:1/",
                 "text": "hello", "from": {"id": "29:someone", "aadObjectId": "a1"},
                 "recipient": {"id": "28:waymark-bot"},
                 "conversation": {"id": "a:personal-a1", "conversationType": "personal", "tenantId": "%s"},
                 "channelData": {"tenant": {"id": "%s"}}}
                """.formatted(tenant, tenant);
    }
}
