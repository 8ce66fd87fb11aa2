package org.herald.sip.store.mongo;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;
import org.herald.sip.message.Aor;
import org.herald.sip.message.Flow;

/** Conversions between Herald values and BSON fields shared by the SIP stores. */
final class Fields {
    private Fields() {}

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Instant instant(Document doc, String field) {
        Date d = doc.getDate(field);
        return d == null ? null : d.toInstant();
    }

    static String flow(Flow flow) {
        return flow == null ? null : flow.id();
    }

    static Flow flow(Document doc, String field) {
        String id = doc.getString(field);
        return id == null ? null : Flow.parse(id);
    }

    static Aor aor(Document doc, String field) {
        return Aor.parse(doc.getString(field));
    }

    static byte[] bytes(Document doc, String field) {
        Object v = doc.get(field);
        if (v instanceof Binary b) return b.getData();
        if (v instanceof byte[] b) return b;
        return new byte[0];
    }

    static List<String> strings(Document doc, String field) {
        List<String> list = doc.getList(field, String.class);
        return list == null ? List.of() : list;
    }

    static long longValue(Document doc, String field) {
        Object v = doc.get(field);
        return v instanceof Number n ? n.longValue() : 0L;
    }
}
