/**
 * How the two sides of the test kit talk: the test side (the test's own class path) and the host side (the host and
 * its libraries in a class loader of their own, see {@code dev.workerhost.testkit.host}). Only JDK types and the
 * kit's own types cross, since each side has its own Temporal, gRPC, Guava and Jackson. Not for plugin tests.
 */
package dev.workerhost.testkit.bridge;
