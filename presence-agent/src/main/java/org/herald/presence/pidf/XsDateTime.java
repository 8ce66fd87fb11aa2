package org.herald.presence.pidf;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Reads an xs:dateTime (XML Schema Part 2 §3.2.7) as PIDF's {@code <timestamp>} carries it, by hand:
 * {@code DateTimeFormatter} neither accepts {@code 24:00:00} nor a missing zone, and a regex costs
 * too much on every PUBLISH. A value without a zone is taken as UTC, as most presence servers do;
 * years before 1 are not accepted.
 */
final class XsDateTime {
    private final String s;
    private int pos;

    private XsDateTime(String s) {
        this.s = s;
    }

    /** ISO-8601 in UTC, which is an xs:dateTime except for years past 9999 that Instant signs with '+'. */
    static String format(Instant instant) {
        String s = instant.toString();
        return s.charAt(0) == '+' ? s.substring(1) : s;
    }

    /** The instant, or null if the text is not an xs:dateTime. */
    static Instant parse(String text) {
        try {
            return new XsDateTime(text.strip()).read();
        } catch (DateTimeException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    private Instant read() {
        int yearStart = pos;
        int year = digits(4, 9);
        if (year < 1 || (pos - yearStart > 4 && s.charAt(yearStart) == '0')) return null;
        if (!expect('-')) return null;
        int month = digits(2, 2);
        if (!expect('-')) return null;
        int day = digits(2, 2);
        if (!expect('T')) return null;
        int hour = digits(2, 2);
        if (!expect(':')) return null;
        int minute = digits(2, 2);
        if (!expect(':')) return null;
        int second = digits(2, 2);
        if (month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return null;
        int nanos = 0;
        boolean fractionIsZero = true;
        if (pos < s.length() && s.charAt(pos) == '.') {
            pos++;
            int start = pos;
            int scale = 100_000_000;
            while (pos < s.length() && isDigit(s.charAt(pos))) {
                int d = s.charAt(pos++) - '0';
                nanos += d * scale;
                scale /= 10;
                if (d != 0) fractionIsZero = false;
            }
            if (pos == start) return null;
        }
        int offsetSeconds = 0;
        if (pos < s.length()) {
            char sign = s.charAt(pos++);
            if (sign == 'Z') {
                offsetSeconds = 0;
            } else if (sign == '+' || sign == '-') {
                int oh = digits(2, 2);
                if (!expect(':')) return null;
                int om = digits(2, 2);
                if (oh < 0 || om < 0 || om > 59 || oh > 14 || (oh == 14 && om != 0)) return null;
                offsetSeconds = (sign == '-' ? -1 : 1) * (oh * 3600 + om * 60);
            } else {
                return null;
            }
            if (pos != s.length()) return null;
        }
        boolean endOfDay = hour == 24;
        if (endOfDay && (minute != 0 || second != 0 || !fractionIsZero)) return null;
        LocalDateTime local = LocalDateTime.of(year, month, day, endOfDay ? 0 : hour, minute, second, nanos);
        if (endOfDay) local = local.plusDays(1);
        return local.toInstant(ZoneOffset.ofTotalSeconds(offsetSeconds));
    }

    /** Reads min..max digits as a number; -1 if there are fewer than min. */
    private int digits(int min, int max) {
        int start = pos;
        int value = 0;
        while (pos < s.length() && pos - start < max && isDigit(s.charAt(pos))) {
            value = value * 10 + (s.charAt(pos++) - '0');
        }
        return pos - start < min ? -1 : value;
    }

    private boolean expect(char c) {
        if (pos < s.length() && s.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
