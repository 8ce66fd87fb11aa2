package org.herald.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PushConfigTest {
    @Test
    void thePublicUrlIsAnOriginWithoutTrailingSlash() {
        assertEquals("https://push.example.com:8443", PushConfig.defaults("https://push.example.com:8443/").publicUrl());
        assertThrows(PushException.class, () -> PushConfig.defaults("push.example.com"));
        assertThrows(PushException.class, () -> PushConfig.defaults("http://push.example.com/base"));
    }

    @Test
    void limitsAndDurationsMustMakeSense() {
        assertThrows(PushException.class, () -> PushConfig.defaults("http://h").withMaxConnections(0));
        assertThrows(PushException.class, () -> PushConfig.defaults("http://h").withRetry(Duration.ZERO, Duration.ofSeconds(1)));
    }
}
