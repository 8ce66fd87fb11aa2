package org.herald.sip.stack;

import gov.nist.core.StackLogger;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends JAIN-SIP's own logging to SLF4J, so the stack needs no log4j 1.x (it fails without one or the other). */
public final class Slf4jStackLogger implements StackLogger {
    private final Logger log = LoggerFactory.getLogger("gov.nist.javax.sip");

    public Slf4jStackLogger() {}

    @Override public void logStackTrace() { logStackTrace(TRACE_DEBUG); }
    @Override public void logStackTrace(int level) { if (log.isTraceEnabled()) log.trace("stack trace", new Exception("stack trace")); }
    @Override public int getLineCount() { return 0; }
    @Override public void logException(Throwable t) { log.warn(t.getMessage(), t); }
    @Override public void logDebug(String m) { log.debug(m); }
    @Override public void logDebug(String m, Exception e) { log.debug(m, e); }
    @Override public void logTrace(String m) { log.trace(m); }
    @Override public void logFatalError(String m) { log.error(m); }
    @Override public void logError(String m) { log.error(m); }
    @Override public void logError(String m, Exception e) { log.error(m, e); }
    @Override public void logWarning(String m) { log.warn(m); }
    @Override public void logInfo(String m) { log.info(m); }
    @Override public boolean isLoggingEnabled() { return log.isErrorEnabled(); }

    @Override
    public boolean isLoggingEnabled(int level) {
        return switch (level) {
            case TRACE_NONE -> false;
            case TRACE_FATAL, TRACE_ERROR -> log.isErrorEnabled();
            case TRACE_WARN -> log.isWarnEnabled();
            case TRACE_INFO -> log.isInfoEnabled();
            case TRACE_DEBUG -> log.isDebugEnabled();
            default -> log.isTraceEnabled();
        };
    }

    @Override public void disableLogging() {}
    @Override public void enableLogging() {}
    @Override public void setBuildTimeStamp(String ts) {}
    @Override public void setStackProperties(Properties p) {}
    @Override public String getLoggerName() { return log.getName(); }
}
