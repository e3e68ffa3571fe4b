package dev.hookcheck.cli;

/** Quoting for POSIX shells, so that what is printed can be pasted as it is. */
final class Shell {
    private Shell() {}

    /** One shell word: {@code it's} becomes {@code 'it'\''s'}; newlines and everything else stay literal. */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
