/**
 * The host side of the test kit: runs in the kit's own class loader among the host's libraries (see
 * {@code HostSideLoader}), drives the host's {@code PluginLifecycle} on the SDK's test server, and hands the test side
 * only JDK types and the kit's own (exceptions included).
 */
package dev.workerhost.testkit.host;
