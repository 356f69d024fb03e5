package org.firstspike.core.sweep;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How random search draws one {@code random.<key>} value: {@code uniform(a,b) | loguniform(a,b) | choice(a, b, ...) | int(a,b)}. */
public sealed interface Distribution {
    String EXPECTED = "expected uniform(a,b), loguniform(a,b), choice(a, b, ...) or int(a,b)";

    /** A value as the config would hold it. */
    String sample(Random random);

    record Uniform(double low, double high) implements Distribution {
        public String sample(Random random) { return decimal(low + (high - low) * random.nextDouble()); }
    }

    record LogUniform(double low, double high) implements Distribution {
        public String sample(Random random) {
            return decimal(Math.exp(Math.log(low) + (Math.log(high) - Math.log(low)) * random.nextDouble()));
        }
    }

    record Choice(List<String> values) implements Distribution {
        public String sample(Random random) { return values.get(random.nextInt(values.size())); }
    }

    /** Integers from {@code low} to {@code high} inclusive. */
    record IntRange(long low, long high) implements Distribution {
        public String sample(Random random) { return Long.toString(low + (long) (random.nextDouble() * (high - low + 1))); }
    }

    /** Parses a distribution; {@code where} (file and key) starts every error message. */
    static Distribution parse(String text, String where) {
        Matcher m = Pattern.compile("(\\w+)\\s*\\((.*)\\)").matcher(text.trim());
        if (!m.matches()) throw new IllegalArgumentException(where + ": '" + text + "': " + EXPECTED);
        String name = m.group(1);
        List<String> args = Arrays.stream(m.group(2).split(",", -1)).map(String::trim).toList();
        if (args.stream().anyMatch(String::isEmpty))
            throw new IllegalArgumentException(where + ": '" + text + "': empty argument; " + EXPECTED);
        switch (name) {
            case "choice":
                return new Choice(args);
            case "uniform", "loguniform", "int":
                if (args.size() != 2) throw new IllegalArgumentException(where + ": '" + text + "': " + name + " takes two bounds (a,b)");
                break;
            default:
                throw new IllegalArgumentException(where + ": '" + text + "': unknown distribution '" + name + "'; " + EXPECTED);
        }
        try {
            if (name.equals("int")) {
                long a = Long.parseLong(args.get(0)), b = Long.parseLong(args.get(1));
                if (a > b) throw new IllegalArgumentException(where + ": '" + text + "': expected a <= b");
                return new IntRange(a, b);
            }
            double a = Double.parseDouble(args.get(0)), b = Double.parseDouble(args.get(1));
            if (!Double.isFinite(a) || !Double.isFinite(b) || a > b)
                throw new IllegalArgumentException(where + ": '" + text + "': expected finite bounds a <= b");
            if (name.equals("loguniform") && a <= 0)
                throw new IllegalArgumentException(where + ": '" + text + "': loguniform needs bounds > 0");
            return name.equals("uniform") ? new Uniform(a, b) : new LogUniform(a, b);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": '" + text + "': " + name + " bounds must be "
                    + (name.equals("int") ? "integers" : "numbers"));
        }
    }

    /** Four significant digits: readable in tables and trial parameters, and as exact as a sweep needs. */
    private static String decimal(double v) {
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
