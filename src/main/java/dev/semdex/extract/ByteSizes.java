package dev.semdex.extract;

import java.util.Locale;

/** Sizes written the way people read them in a skip reason, in binary units with at most one decimal. */
final class ByteSizes {

    private static final String[] UNITS = {"bytes", "KB", "MB", "GB", "TB"};

    private ByteSizes() {
    }

    static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        String number = String.format(Locale.ROOT, "%.1f", value);
        if (number.endsWith(".0")) {
            number = number.substring(0, number.length() - 2);
        }
        return number + " " + UNITS[unit];
    }
}
