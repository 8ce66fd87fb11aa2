package org.herald.presence.rls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.herald.presence.xcap.store.DocumentKey;
import org.herald.presence.xml.XmlLimits;
import org.herald.sip.message.Aor;
import org.junit.jupiter.api.Test;

/** RFC 4826 rls-services documents as the RLS reads them (the examples of RFC 4826 §4.3, adapted). */
class ServiceDirectoryTest {
    private static final String SERVICES = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rls-services xmlns="urn:ietf:params:xml:ns:rls-services" xmlns:rl="urn:ietf:params:xml:ns:resource-lists">
             <service uri="sip:mybuddies@example.com">
              <resource-list>http://xcap.example.com/xcap-root/resource-lists/users/sip:joe@example.com/index/~~/resource-lists/list%5b@name=%22l1%22%5d</resource-list>
              <packages><package>presence</package></packages>
             </service>
             <service uri="sip:marketing@example.com">
              <list name="marketing">
               <rl:entry uri="sip:joe@example.com"/>
               <rl:list name="nested"><rl:entry uri="sip:sudhir@example.com"/><rl:entry uri="sip:joe@example.com"/></rl:list>
              </list>
             </service>
             <service uri="sip:calls@example.com">
              <list name="c"><rl:entry uri="sip:a@example.com"/></list>
              <packages><package>dialog</package></packages>
             </service>
            </rls-services>
            """;
    private static final String LISTS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists">
             <list name="l1"><entry uri="sip:bill@example.com"/><entry uri="sip:petri@example.com"/></list>
             <list name="l2"><entry uri="sip:other@example.com"/></list>
            </resource-lists>
            """;

    @Test
    void readsInlineNestedAndReferencedListsForPresenceOnly() {
        ServiceDirectory directory = new ServiceDirectory();
        DocumentKey joeLists = DocumentKey.user("resource-lists", "sip:joe@example.com", "index");
        directory.reload(Map.of("sip:joe@example.com", SERVICES.getBytes(StandardCharsets.UTF_8)),
                key -> key.equals(joeLists) ? Optional.of(LISTS.getBytes(StandardCharsets.UTF_8)) : Optional.empty(),
                XmlLimits.DEFAULT);
        ListService buddies = directory.find(Aor.parse("sip:mybuddies@example.com")).orElseThrow();
        assertEquals(Aor.parse("sip:joe@example.com"), buddies.owner());
        assertEquals(List.of(Aor.parse("sip:bill@example.com"), Aor.parse("sip:petri@example.com")), buddies.members());
        assertEquals(List.of(Aor.parse("sip:joe@example.com"), Aor.parse("sip:sudhir@example.com")),
                directory.find(Aor.parse("sip:marketing@example.com")).orElseThrow().members(), "nested, each once");
        assertTrue(directory.find(Aor.parse("sip:calls@example.com")).isEmpty(), "a dialog list is not served");
    }
}
