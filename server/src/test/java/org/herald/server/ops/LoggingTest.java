package org.herald.server.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.herald.server.config.HeraldConfig;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoggingTest {

    @Test
    void levelsPerLoggerAreApplied() {
        Logging.apply(new HeraldConfig.Log("text", List.of("org.herald.test.quiet=ERROR", "org.herald.test.loud = TRACE")));
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        assertEquals(Level.ERROR, context.getLogger("org.herald.test.quiet").getLevel());
        assertEquals(Level.TRACE, context.getLogger("org.herald.test.loud").getLevel());
        assertThrows(IllegalArgumentException.class, () -> Logging.apply(new HeraldConfig.Log("text", List.of("nolevel"))));
        assertThrows(IllegalArgumentException.class, () -> Logging.apply(new HeraldConfig.Log("text", List.of("x=LOUDEST"))));
        assertThrows(IllegalArgumentException.class, () -> Logging.apply(new HeraldConfig.Log("xml", List.of())));
    }

    @Test
    void jsonIsOneObjectALine() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        LoggingEvent event = new LoggingEvent("x", context.getLogger("org.herald.sip.Registrar"), Level.WARN,
                "binding {} dropped \"quoted\"\nsecond line", new IllegalStateException("boom"), new Object[] {"sip:a@b"});
        event.setTimeStamp(0);
        String line = new Logging.JsonLayout().doLayout(event);
        assertTrue(line.endsWith("}\n") && line.indexOf('\n') == line.length() - 1, line);
        JsonNode json = new ObjectMapper().readTree(line);
        assertEquals("1970-01-01T00:00:00Z", json.path("time").asText());
        assertEquals("WARN", json.path("level").asText());
        assertEquals("org.herald.sip.Registrar", json.path("logger").asText());
        assertEquals("binding sip:a@b dropped \"quoted\"\nsecond line", json.path("message").asText());
        assertTrue(json.path("error").asText().contains("IllegalStateException: boom"));
    }
}
