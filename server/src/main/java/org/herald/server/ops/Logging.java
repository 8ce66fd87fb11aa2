package org.herald.server.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.herald.server.config.HeraldConfig;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code log.*}: a level per logger (package) and the line format, text (the logback.xml
 * pattern) or JSON, one object a line, for log shippers.
 */
public final class Logging {
    private Logging() {}

    public static void apply(HeraldConfig.Log config) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) return; // another SLF4J binding
        for (String entry : config.levels()) {
            int eq = entry.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("log.levels: '" + entry + "' is not logger=LEVEL");
            Level level = Level.toLevel(entry.substring(eq + 1).strip(), null);
            if (level == null) throw new IllegalArgumentException("log.levels: unknown level in '" + entry + "'");
            String logger = entry.substring(0, eq).strip();
            context.getLogger(logger.equals("root") ? org.slf4j.Logger.ROOT_LOGGER_NAME : logger).setLevel(level);
        }
        switch (config.format()) {
            case "text" -> { }
            case "json" -> json(context);
            default -> throw new IllegalArgumentException("log.format: '" + config.format() + "' is not text or json");
        }
    }

    private static void json(LoggerContext context) {
        var root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (var it = root.iteratorForAppenders(); it.hasNext(); ) {
            Appender<ILoggingEvent> appender = it.next();
            if (appender instanceof ConsoleAppender<ILoggingEvent> console) {
                JsonLayout layout = new JsonLayout();
                layout.setContext(context);
                layout.start();
                LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
                encoder.setContext(context);
                encoder.setLayout(layout);
                encoder.start();
                console.stop();
                console.setEncoder(encoder);
                console.start();
            }
        }
    }

    /** {"time", "level", "logger", "thread", "message", "error"?} and a newline. */
    static final class JsonLayout extends LayoutBase<ILoggingEvent> {
        private static final JsonFactory factory = new JsonFactory();

        @Override
        public String doLayout(ILoggingEvent event) {
            StringWriter out = new StringWriter(256);
            try (JsonGenerator g = factory.createGenerator(out)) {
                g.writeStartObject();
                g.writeStringField("time", Instant.ofEpochMilli(event.getTimeStamp()).toString());
                g.writeStringField("level", event.getLevel().toString());
                g.writeStringField("logger", event.getLoggerName());
                g.writeStringField("thread", event.getThreadName());
                g.writeStringField("message", event.getFormattedMessage());
                IThrowableProxy error = event.getThrowableProxy();
                if (error != null) g.writeStringField("error", ThrowableProxyUtil.asString(error));
                List<org.slf4j.event.KeyValuePair> pairs = event.getKeyValuePairs();
                if (pairs != null) for (var kv : pairs) g.writeStringField(kv.key, String.valueOf(kv.value));
                g.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.append('\n').toString();
        }
    }
}
