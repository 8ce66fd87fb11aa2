package org.herald.push.store.mongo;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/** Field conversions shared by the push stores. */
final class Bson {
    private Bson() {}

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Instant instant(Document d, String key) {
        Date date = d.getDate(key);
        return date == null ? null : date.toInstant();
    }

    static Integer integer(Document d, String key) {
        Object v = d.get(key);
        return v == null ? null : ((Number) v).intValue();
    }

    static long longValue(Document d, String key) {
        Object v = d.get(key);
        return v == null ? 0 : ((Number) v).longValue();
    }
}
