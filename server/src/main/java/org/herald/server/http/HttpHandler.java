package org.herald.server.http;

/** Answers a request. Runs on a virtual thread, so it may block (storage); what it throws is a 500. */
@FunctionalInterface
public interface HttpHandler {
    HttpResponse handle(HttpRequest request);
}
