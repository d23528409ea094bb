package dev.quarry.starrocks;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A StarRocks release number, compared numerically (3.10 is newer than 3.9).
 *
 * @param major the major version
 * @param minor the minor version
 * @param patch the patch version
 */
public record StarRocksVersion(int major, int minor, int patch) implements Comparable<StarRocksVersion> {

    /** The newest release this module knows the syntax of; used when the caller does not probe the cluster. */
    public static final StarRocksVersion LATEST = new StarRocksVersion(4, 1, 0);

    // current_version() answers e.g. "3.3.5-5ab9a8b"; @@version_comment "StarRocks version 2.5.3".
    private static final Pattern NUMBER = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    public StarRocksVersion {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException(
                    "StarRocks version parts must not be negative: " + major + "." + minor + "." + patch);
        }
    }

    /** Reads the first {@code major.minor[.patch]} in {@code text}, e.g. {@code "3.3.5-5ab9a8b"}. */
    public static StarRocksVersion parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("StarRocks version is null");
        }
        Matcher m = NUMBER.matcher(text);
        if (m.find()) {
            try {
                return new StarRocksVersion(
                        Integer.parseInt(m.group(1)),
                        Integer.parseInt(m.group(2)),
                        m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
            } catch (NumberFormatException e) {
                // a part beyond int range: no release number, so the text as a whole is not a version
            }
        }
        throw new InvalidSpecException("not a StarRocks version: '" + text + "'");
    }

    public boolean atLeast(StarRocksVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(StarRocksVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c != 0 ? c : Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
