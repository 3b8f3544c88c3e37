package io.kraftport.local;

import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A stand-in server for {@link ManagedProcessTest}, run in a child JVM: {@code serve PORT} listens
 * until killed, {@code fail} logs a line and exits with 3, {@code sleep} does nothing until killed.
 */
public final class FakeServer {
  private FakeServer() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "serve" -> {
        try (ServerSocket socket =
            new ServerSocket(Integer.parseInt(args[1]), 50, InetAddress.getByName("127.0.0.1"))) {
          System.out.println("listening on " + socket.getLocalPort());
          System.out.flush();
          Thread.sleep(Long.MAX_VALUE);
        }
      }
      case "fail" -> {
        System.out.println("starting");
        System.err.println("java.net.BindException: Address already in use");
        System.exit(3);
      }
      default -> Thread.sleep(Long.MAX_VALUE);
    }
  }
}
