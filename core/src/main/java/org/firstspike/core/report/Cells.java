package org.firstspike.core.report;

import com.fasterxml.jackson.databind.JsonNode;

/** Table cells of a report: numbers that may not exist (NaN, JSON null) print as "-". */
final class Cells {
    private Cells() {}

    static String number(double v, String format) {
        return Double.isFinite(v) ? String.format(format, v) : "-";
    }

    static String number(JsonNode v, String format) {
        return number(v == null || v.isNull() ? Double.NaN : v.asDouble(), format);
    }

    static String percent(double fraction) {
        return number(100 * fraction, "%.2f%%");
    }

    static String percent(JsonNode fraction) {
        return percent(fraction == null || fraction.isNull() ? Double.NaN : fraction.asDouble());
    }

    /** A JSON value as written: text without quotes, arrays and numbers as JSON. */
    static String text(JsonNode v) {
        return v == null || v.isNull() ? "-" : v.isTextual() ? v.asText() : v.toString();
    }
}
