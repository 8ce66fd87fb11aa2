package org.herald.sip.event;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.herald.sip.message.ParameterizedValue;

/**
 * Notification rate control (RFC 6446) asked for by a subscriber in the Event header of its SUBSCRIBE:
 * <ul>
 *   <li>{@code min-interval=S}: never two NOTIFYs caused by state changes closer than S seconds (changes
 *       in between coalesce into one NOTIFY of the newest state, sent when the interval is over);</li>
 *   <li>{@code max-interval=S}: a NOTIFY at least every S seconds, repeating the state if nothing changed;</li>
 *   <li>{@code adaptive-min-rate=R}: at least R NOTIFYs per second on average over the subscription's
 *       life: when state changes did not bring that many, the state is repeated;</li>
 *   <li>{@code max-rate=R} (the name in the drafts before RFC 6446): taken as {@code min-interval=1/R}.</li>
 * </ul>
 * The NOTIFY answering a SUBSCRIBE, one reporting a change of subscription state and the final NOTIFY
 * are never delayed. Durations are kept in milliseconds so the record persists exactly.
 *
 * @param minIntervalMillis 0: none asked
 * @param maxIntervalMillis 0: none asked
 * @param adaptiveMinRate   NOTIFYs per second, 0: none asked
 */
public record RateControl(long minIntervalMillis, long maxIntervalMillis, double adaptiveMinRate) {
    public static final RateControl NONE = new RateControl(0, 0, 0);
    /** Longer intervals are shortened to this (a day): a subscription this long would have been refreshed anyway. */
    static final long MAX_MILLIS = 86_400_000L;

    public RateControl {
        if (minIntervalMillis < 0 || maxIntervalMillis < 0 || adaptiveMinRate < 0 || Double.isNaN(adaptiveMinRate)) {
            throw new IllegalArgumentException("negative rate control");
        }
    }

    /**
     * Reads the Event header's parameters.
     *
     * @throws IllegalArgumentException a value that is not a positive number, max-interval below
     *                                  min-interval, or max-interval together with adaptive-min-rate
     */
    public static RateControl parse(ParameterizedValue event) {
        long min = seconds(event.param("min-interval"), "min-interval");
        String maxRate = event.param("max-rate");
        if (maxRate != null) min = Math.max(min, Math.round(1000 / positive(maxRate, "max-rate")));
        long max = seconds(event.param("max-interval"), "max-interval");
        String adaptive = event.param("adaptive-min-rate");
        double rate = adaptive == null ? 0 : positive(adaptive, "adaptive-min-rate");
        if (max > 0 && rate > 0) throw new IllegalArgumentException("max-interval and adaptive-min-rate exclude each other");
        if (max > 0 && min > max) throw new IllegalArgumentException("max-interval is below min-interval");
        return new RateControl(min, max, rate);
    }

    public boolean isNone() {
        return equals(NONE);
    }

    public Duration minInterval() {
        return Duration.ofMillis(minIntervalMillis);
    }

    /** This control with a minimum interval of at least {@code floor} (the package's own limit). */
    public RateControl atLeast(Duration floor) {
        return floor.toMillis() <= minIntervalMillis ? this
                : new RateControl(floor.toMillis(), maxIntervalMillis == 0 ? 0 : Math.max(maxIntervalMillis, floor.toMillis()),
                        adaptiveMinRate);
    }

    /**
     * When the next NOTIFY repeating the state is due if nothing changes, or null for never.
     *
     * @param lastSent when the last NOTIFY went out
     * @param since    when the subscription (or its last refresh) began
     * @param sent     NOTIFYs sent since then
     */
    public Instant heartbeatDue(Instant lastSent, Instant since, long sent) {
        if (maxIntervalMillis > 0) return lastSent.plusMillis(maxIntervalMillis);
        if (adaptiveMinRate > 0) {
            // the n-th NOTIFY is due n / rate seconds after the start, never sooner than min-interval after the last
            Instant due = since.plusMillis(Math.round((sent + 1) * 1000 / adaptiveMinRate));
            Instant floor = lastSent.plusMillis(Math.max(minIntervalMillis, 1));
            return due.isBefore(floor) ? floor : due;
        }
        return null;
    }

    /** The parameters echoed in Subscription-State, e.g. {@code ;min-interval=5}; empty when none were asked. */
    public String subscriptionStateParams() {
        StringBuilder b = new StringBuilder();
        if (minIntervalMillis > 0) b.append(";min-interval=").append(secondsText(minIntervalMillis));
        if (maxIntervalMillis > 0) b.append(";max-interval=").append(secondsText(maxIntervalMillis));
        if (adaptiveMinRate > 0) b.append(";adaptive-min-rate=").append(number(adaptiveMinRate));
        return b.toString();
    }

    private static long seconds(String text, String name) {
        if (text == null) return 0;
        return Math.min(MAX_MILLIS, Math.round(positive(text, name) * 1000));
    }

    private static double positive(String text, String name) {
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad " + name + ": " + text);
        }
        if (!(v > 0) || Double.isInfinite(v)) throw new IllegalArgumentException("bad " + name + ": " + text);
        return v;
    }

    private static String secondsText(long millis) {
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : number(millis / 1000.0);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3f", v).replaceAll("0+$", "");
    }
}
