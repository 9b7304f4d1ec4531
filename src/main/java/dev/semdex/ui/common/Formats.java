package dev.semdex.ui.common;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Numbers, durations and times as the window shows them. */
public final class Formats {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private Formats() {}

    public static String count(long n) {
        return String.format(Locale.ENGLISH, "%,d", n);
    }

    public static String plural(long n, String one, String many) {
        return count(n) + " " + (n == 1 ? one : many);
    }

    /** "42 s", "3:07", "1:02:03". */
    public static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ENGLISH, "%d:%02d", s / 60, s % 60);
        }
        return String.format(Locale.ENGLISH, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    /** " · 3:07 left" to end a progress line, or nothing while the time left is unknown (null). */
    public static String timeLeft(Duration eta) {
        return eta == null ? "" : " · " + duration(eta) + " left";
    }

    /** "never", "just now", "5 min ago", "3 h ago", or the date. */
    public static String ago(Instant when, Instant now) {
        if (when == null) {
            return "never";
        }
        long s = Duration.between(when, now).toSeconds();
        if (s < 60) {
            return "just now";
        }
        if (s < 3600) {
            return s / 60 + " min ago";
        }
        if (s < 24 * 3600) {
            return s / 3600 + " h ago";
        }
        return DATE.format(when.atZone(ZoneId.systemDefault()));
    }

    public static String rate(double perSecond) {
        return perSecond >= 10 ? String.format(Locale.ENGLISH, "%.0f", perSecond)
                : String.format(Locale.ENGLISH, "%.1f", perSecond);
    }
}
