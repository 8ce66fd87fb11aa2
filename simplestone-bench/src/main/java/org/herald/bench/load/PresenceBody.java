package org.herald.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * PIDF/RPID bodies for the loader and the version marker the handler reads back from NOTIFYs.
 * Each version differs from the one before (basic open/closed and the activity alternate, the
 * marker changes), so a server that skips unchanged documents still owes a NOTIFY for every PUBLISH.
 * A template file may use {@code {entity}}, {@code {basic}}, {@code {activity}} and must contain
 * {@code {marker}} (inside a {@code <note>}, which presence servers carry through to watchers).
 * The marker names the run, so a publication a previous run left behind (its removal failed) and
 * that a server merges into the composed document cannot pose as a newer version.
 */
public final class PresenceBody {
    private final String template;
    private final int targetSize;
    private final String runId;

    private PresenceBody(String template, int targetSize, String runId) {
        this.template = template;
        this.targetSize = targetSize;
        this.runId = runId;
    }

    private static String marker(String runId) {
        return "run=" + runId + " ss-v=";
    }

    public static PresenceBody generated(int size, String runId) {
        return new PresenceBody("""
                <?xml version="1.0" encoding="UTF-8"?>
                <presence xmlns="urn:ietf:params:xml:ns:pidf" xmlns:dm="urn:ietf:params:xml:ns:pidf:data-model" \
                xmlns:rpid="urn:ietf:params:xml:ns:pidf:rpid" entity="{entity}">
                <tuple id="t1"><status><basic>{basic}</basic></status><note>{marker}</note></tuple>
                <dm:person id="p1"><rpid:activities><rpid:{activity}/></rpid:activities><dm:note>{pad}</dm:note></dm:person>
                </presence>
                """, size, runId);
    }

    public static PresenceBody fromFile(Path file, String runId) throws IOException {
        String t = Files.readString(file);
        if (!t.contains("{marker}")) throw new IllegalArgumentException(file + ": a body template must contain {marker}");
        return new PresenceBody(t, 0, runId);
    }

    public String render(String entity, int presentity, int version) {
        boolean odd = (version & 1) == 1;
        String s = template.replace("{entity}", entity)
                .replace("{basic}", odd ? "open" : "closed")
                .replace("{activity}", odd ? "on-the-phone" : "away")
                .replace("{marker}", "SIMPLEStone p=" + presentity + " " + marker(runId) + version);
        if (!s.contains("{pad}")) return s;
        int pad = Math.max(0, targetSize - (s.length() - "{pad}".length()));
        return s.replace("{pad}", "x".repeat(pad));
    }

    /** The newest version of run {@code runId} named in a NOTIFY body, 0 if none (the server may merge publications). */
    public static int version(String body, String runId) {
        String marker = marker(runId);
        int best = 0;
        for (int at = body.indexOf(marker); at >= 0; at = body.indexOf(marker, at + 1)) { // indexOf: hot, once per NOTIFY
            long v = 0;
            int i = at + marker.length();
            int digits = 0;
            while (i < body.length() && Character.isDigit(body.charAt(i)) && digits < 10) {
                v = v * 10 + (body.charAt(i++) - '0');
                digits++;
            }
            boolean tooLong = i < body.length() && Character.isDigit(body.charAt(i));
            if (digits > 0 && !tooLong && v <= Integer.MAX_VALUE) best = Math.max(best, (int) v);
        }
        return best;
    }
}
