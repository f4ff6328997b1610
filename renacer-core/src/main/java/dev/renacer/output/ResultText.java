package dev.renacer.output;

/** Reads what the machine-readable formats need out of strace's result text. */
final class ResultText {
    private ResultText() {}

    /**
     * Copies the errno name of a failed call's result ({@code -1 ENOENT (No such file or directory)}
     * gives {@code ENOENT}) into {@code into}; returns its length, 0 when the result names none.
     * Read from the text so that the name is exactly the one printed in the trace line.
     */
    static int errnoName(CharSequence result, char[] into) {
        int n = result.length();
        if (n < 4 || result.charAt(0) != '-' || result.charAt(1) != '1' || result.charAt(2) != ' ') return 0;
        int length = 0;
        for (int i = 3; i < n && length < into.length; i++) {
            char c = result.charAt(i);
            if (c == ' ') break;
            into[length++] = c;
        }
        return length > 0 && Character.isUpperCase(into[0]) ? length : 0;
    }
}
