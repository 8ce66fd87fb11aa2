package org.herald.server.http;

/**
 * Which requests a handler takes: one method and exact path, or every method on a path prefix
 * (the prefix itself and everything below it, e.g. {@code /xcap-root} and {@code /xcap-root/...}).
 *
 * @param method  the method, or null for any (prefix routes)
 * @param maxBody the largest body the handler accepts; a larger one is answered 413
 */
public record HttpRoute(String method, String path, boolean prefix, int maxBody, HttpHandler handler) {
    /** The body limit of routes that do not say. */
    public static final int DEFAULT_MAX_BODY = 64 * 1024;

    public HttpRoute {
        if (!path.startsWith("/")) throw new IllegalArgumentException("a route path starts with /: " + path);
        if (maxBody < 0) throw new IllegalArgumentException("negative body limit");
    }

    public static HttpRoute exact(String method, String path, HttpHandler handler) {
        return new HttpRoute(method, path, false, DEFAULT_MAX_BODY, handler);
    }

    public static HttpRoute prefix(String path, int maxBody, HttpHandler handler) {
        return new HttpRoute(null, path, true, maxBody, handler);
    }

    /** Whether it takes a request for this method and (encoded) path. */
    public boolean matches(String requestMethod, String requestPath) {
        if (method != null && !method.equals(requestMethod)) return false;
        return prefix ? requestPath.equals(path) || requestPath.startsWith(path.endsWith("/") ? path : path + "/")
                : requestPath.equals(path);
    }
}
