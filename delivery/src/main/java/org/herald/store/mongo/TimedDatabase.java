package org.herald.store.mongo;

import com.mongodb.client.model.IndexOptions;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.herald.metrics.Metrics;

/**
 * Times every store operation into {@code herald_store_operation_seconds{collection, operation}}: what
 * an operator needs to tell a slow disk or a distant MongoDB from a slow Herald.
 */
public final class TimedDatabase implements DocumentDatabase {
    private static final double[] BOUNDS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};

    private final DocumentDatabase inner;
    private final Metrics.Histogram latency;

    public TimedDatabase(DocumentDatabase inner, Metrics metrics) {
        this.inner = inner;
        this.latency = metrics.histogram("herald_store_operation_seconds", "Time of one store operation", BOUNDS,
                "collection", "operation");
    }

    @Override
    public DocumentCollection collection(String name) {
        DocumentCollection c = inner.collection(name);
        return new DocumentCollection() {
            @Override
            public Document byId(String id) {
                return timed(name, "get", () -> c.byId(id));
            }

            @Override
            public <T> List<T> find(Bson filter, int limit, Function<Document, T> decode) {
                return timed(name, "find", () -> c.find(filter, limit, decode));
            }

            @Override
            public void replace(String id, Document document) {
                timed(name, "replace", () -> {
                    c.replace(id, document);
                    return null;
                });
            }

            @Override
            public boolean delete(String id) {
                return timed(name, "delete", () -> c.delete(id));
            }

            @Override
            public long count() {
                return timed(name, "count", c::count);
            }

            @Override
            public void createIndex(Bson keys, IndexOptions options) {
                c.createIndex(keys, options);
            }
        };
    }

    @Override
    public void flush() {
        timed("*", "flush", () -> {
            inner.flush();
            return null;
        });
    }

    @Override
    public void close() {
        inner.close();
    }

    private <T> T timed(String collection, String operation, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            latency.observe((System.nanoTime() - start) / 1e9, collection, operation);
        }
    }
}
