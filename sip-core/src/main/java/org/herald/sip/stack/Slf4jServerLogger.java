package org.herald.sip.stack;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import java.util.Properties;
import javax.sip.SipStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Message trace of the stack at DEBUG on logger {@code gov.nist.javax.sip.MESSAGES}. */
public final class Slf4jServerLogger implements ServerLogger {
    private final Logger log = LoggerFactory.getLogger("gov.nist.javax.sip.MESSAGES");

    public Slf4jServerLogger() {}

    @Override public void closeLogFile() {}
    @Override public void logMessage(SIPMessage m, String from, String to, boolean sender, long time) { logMessage(m, from, to, null, sender); }
    @Override public void logMessage(SIPMessage m, String from, String to, String status, boolean sender, long time) { logMessage(m, from, to, status, sender); }

    @Override
    public void logMessage(SIPMessage m, String from, String to, String status, boolean sender) {
        if (log.isDebugEnabled()) log.debug("{} {} -> {}\n{}", sender ? "SENT" : "RECV", from, to, m.encode());
    }

    @Override public void logException(Exception e) { log.warn(e.getMessage(), e); }
    @Override public void setStackProperties(Properties p) {}
    @Override public void setSipStack(SipStack s) {}
}
