package io.glimmer.summary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * R's {@code abbreviate(names, minlength)} (method "left.kept"), which lme4 uses to label the
 * correlation matrix of the fixed effects: "(Intercept)" becomes "(Intr)", "period2" "perid2".
 * Lower-case vowels go first, from the right, then lower-case letters, then anything but the first
 * letter of a word; abbreviations that collide are made one character longer until they differ.
 */
final class Abbreviate {
    private Abbreviate() {
    }

    static List<String> abbreviate(List<String> names, int minLength) {
        List<String> unique = new ArrayList<>(new java.util.LinkedHashSet<>(names.stream().map(String::strip).toList()));
        String[] x = new String[unique.size()];
        boolean[] redo = new boolean[unique.size()];
        java.util.Arrays.fill(redo, true);
        int len = minLength;
        while (true) {
            for (int i = 0; i < x.length; i++) {
                if (redo[i]) {
                    x[i] = one(unique.get(i), len);
                }
            }
            Map<String, Integer> count = new HashMap<>();
            for (String s : x) {
                count.merge(s, 1, Integer::sum);
            }
            boolean any = false;
            for (int i = 0; i < x.length; i++) {
                redo[i] = count.get(x[i]) > 1;
                any |= redo[i];
            }
            if (!any || len > 1000) {
                break;
            }
            len++;
        }
        Map<String, String> byName = new HashMap<>();
        for (int i = 0; i < x.length; i++) {
            byName.put(unique.get(i), x[i]);
        }
        return names.stream().map(n -> byName.get(n.strip())).toList();
    }

    /** One name shortened to at most {@code minLength} characters where R's rules allow (R's stripchars). */
    static String one(String name, int minLength) {
        StringBuilder b = new StringBuilder(name.strip());
        if (b.length() <= minLength) {
            return b.toString();
        }
        int spaces = 0;
        for (int i = b.length() - 1; i > 0; i--) {
            if (Character.isWhitespace(b.charAt(i))) {
                spaces++;
            }
        }
        if (b.length() - spaces <= minLength) {
            return done(b, minLength);
        }
        Rule[] rules = {
            (s, i) -> vowel(s.charAt(i)) && last(s, i),
            (s, i) -> vowel(s.charAt(i)) && !first(s, i),
            (s, i) -> lower(s.charAt(i)) && last(s, i),
            (s, i) -> lower(s.charAt(i)) && !first(s, i),
            (s, i) -> !first(s, i) && !Character.isWhitespace(s.charAt(i)),
        };
        for (Rule rule : rules) {
            for (int i = b.length() - 1; i > 0; i--) {
                if (i < b.length() && rule.drop(b, i)) {
                    b.deleteCharAt(i);
                }
                if (b.length() - spaces <= minLength) {
                    return done(b, minLength);
                }
            }
        }
        return done(b, minLength);
    }

    private static String done(StringBuilder b, int minLength) {
        if (b.length() > minLength) {
            for (int i = b.length() - 1; i > 0; i--) {
                if (Character.isWhitespace(b.charAt(i))) {
                    b.deleteCharAt(i);
                }
            }
        }
        return b.toString();
    }

    private interface Rule {
        boolean drop(StringBuilder s, int i);
    }

    private static boolean vowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }

    private static boolean lower(char c) {
        return c >= 'a' && c <= 'z';
    }

    /** The first character of a word (after a space). */
    private static boolean first(StringBuilder s, int i) {
        return Character.isWhitespace(s.charAt(i - 1));
    }

    /** The last character of a word of more than one character. */
    private static boolean last(StringBuilder s, int i) {
        return !Character.isWhitespace(s.charAt(i - 1)) && (i + 1 == s.length() || Character.isWhitespace(s.charAt(i + 1)));
    }
}
