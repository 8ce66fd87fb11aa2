package org.herald.presence.pidf;

/**
 * A contact priority (RFC 3863): a q-value from 0 to 1 with at most three decimals, held in
 * thousandths so that comparing and round-tripping are exact.
 */
public record QValue(int thousandths) implements Comparable<QValue> {

    public static final QValue MAX = new QValue(1000);

    public QValue {
        if (thousandths < 0 || thousandths > 1000) {
            throw new IllegalArgumentException("a q-value lies between 0 and 1: " + thousandths + "/1000");
        }
    }

    /**
     * Parses a decimal between 0 and 1 such as {@code 0.8} or {@code 1.0}. More than three decimals
     * are accepted and rounded to the nearest thousandth: deployed clients send {@code 0.500000}.
     * Returns null for anything that is not a plain decimal in range.
     */
    public static QValue parse(String text) {
        String s = text.strip();
        int n = s.length();
        if (n == 0) return null;
        int i = 0;
        long whole = 0;
        while (i < n && isDigit(s.charAt(i))) {
            whole = Math.min(whole * 10 + (s.charAt(i) - '0'), 10);
            i++;
        }
        if (i == 0 && (n == 1 || s.charAt(0) != '.')) return null;
        long fraction = 0;
        int digits = 0;
        boolean roundUp = false;
        if (i < n) {
            if (s.charAt(i++) != '.') return null;
            for (; i < n; i++) {
                char c = s.charAt(i);
                if (!isDigit(c)) return null;
                if (digits < 3) {
                    fraction = fraction * 10 + (c - '0');
                    digits++;
                } else if (digits++ == 3) {
                    roundUp = c >= '5';
                }
            }
        }
        for (int d = Math.min(digits, 3); d < 3; d++) fraction *= 10;
        long value = whole * 1000 + fraction + (roundUp ? 1 : 0);
        return value <= 1000 ? new QValue((int) value) : null;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The shortest decimal with at least one fraction digit: {@code 0.8}, {@code 0.725}, {@code 1.0}. */
    @Override
    public String toString() {
        if (thousandths == 1000) return "1.0";
        if (thousandths == 0) return "0.0";
        StringBuilder s = new StringBuilder("0.");
        int f = thousandths;
        s.append(f / 100).append(f / 10 % 10).append(f % 10);
        int end = s.length();
        while (s.charAt(end - 1) == '0') end--;
        s.setLength(end);
        return s.toString();
    }

    @Override
    public int compareTo(QValue other) {
        return Integer.compare(thousandths, other.thousandths);
    }
}
