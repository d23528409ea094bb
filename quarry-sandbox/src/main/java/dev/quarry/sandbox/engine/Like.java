package dev.quarry.sandbox.engine;

import java.util.Locale;
import java.util.regex.Pattern;

/** SQL LIKE matching for SHOW ... LIKE, case-insensitive as MySQL's SHOW statements are. */
final class Like {
    private Like() {}

    static boolean matches(String pattern, String value) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                re.append(".*");
            } else if (c == '_') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL | Pattern.CASE_INSENSITIVE)
                .matcher(value.toLowerCase(Locale.ROOT))
                .matches();
    }
}
