package io.ringbridge.bench;

/**
 * A benchmark's one-line result: its figure beside a reference measured in the same run on the same machine, and
 * the ratio of the two. Absolute figures differ from machine to machine; the ratio is what compares across them.
 * {@code bench/api-throughput.sh} prints the same line from the shell.
 */
record Summary(String benchmark, String figure, double value, String reference, double referenceValue, String unit) {

    double ratio() {
        return value / referenceValue;
    }

    void print() {
        System.out.printf("%nRESULT %s: %s %.1f %s | reference, %s %.1f %s | ratio %.2f%n", benchmark, figure, value,
                unit, reference, referenceValue, unit, ratio());
    }
}
