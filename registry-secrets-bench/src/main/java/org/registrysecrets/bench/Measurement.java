package org.registrysecrets.bench;

/**
 * What one run of one scenario measured.
 *
 * @param throughput requests (or transactions) per second
 * @param p50 latency in milliseconds, likewise {@code p99} and {@code p999}
 */
record Measurement(
    String name,
    int connections,
    double throughput,
    double p50,
    double p99,
    double p999,
    long errors) {}
