package dev.hookcheck.cli;

/**
 * Stops the selector threads of the JDK HTTP clients a command used, just before the process exits.
 * JDK 17's {@code HttpClient} has no {@code close()}: its selector thread stays in {@code epoll_wait}, a
 * native call, and the JVM's exit waits up to 300 ms for threads in native code before it gives up on
 * them (a third of a whole {@code check} run's start-up and shutdown). An interrupted selector thread
 * shuts its client down and ends at once. Only called once the command is done with every client.
 */
final class ClientThreads {
    private static final String SELECTOR = "jdk.internal.net.http.HttpClientImpl$SelectorManager";

    private ClientThreads() {}

    static void stop() {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getClass().getName().equals(SELECTOR)) {
                thread.interrupt();
                try {
                    thread.join(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
