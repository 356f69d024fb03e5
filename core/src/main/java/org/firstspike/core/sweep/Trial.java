package org.firstspike.core.sweep;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.firstspike.core.config.Settings;

/**
 * One point of a sweep: its searched parameters and the complete settings it trains with. The id hashes the complete
 * settings (not only the searched values), so a rerun after editing the base config or a {@code set.*} key trains
 * again instead of reusing results of other settings.
 */
public record Trial(String id, Map<String, String> params, Map<String, String> settings) implements Serializable {
    public static Trial of(Map<String, String> params, Settings settings) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(settings.values()).forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return new Trial(HexFormat.of().formatHex(hash, 0, 5), Map.copyOf(params), settings.values());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public int epochs() {
        return Integer.parseInt(settings.get("train.epochs"));
    }
}
