package dev.renacer.cli;

/** STUB: the renacer command line. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(0);
    }
}
