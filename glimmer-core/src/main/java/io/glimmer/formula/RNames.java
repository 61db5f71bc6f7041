package io.glimmer.formula;

/** R's rules for syntactic names, so deparse backquotes exactly the names R would. */
final class RNames {
    private RNames() {
    }

    /** True when R can read {@code name} without backquotes. */
    static boolean isSyntactic(String name) {
        if (name.isEmpty()) {
            return false;
        }
        char first = name.charAt(0);
        if (!Character.isLetter(first) && first != '.') {
            return false;
        }
        // ".5x" would lex as a number
        if (first == '.' && name.length() > 1 && name.charAt(1) >= '0' && name.charAt(1) <= '9') {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (!Lexer.isNameChar(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The name as R deparses it: bare when syntactic, otherwise `backquoted`. */
    static String deparse(String name) {
        if (isSyntactic(name)) {
            return name;
        }
        return "`" + name.replace("\\", "\\\\").replace("`", "\\`") + "`";
    }
}
