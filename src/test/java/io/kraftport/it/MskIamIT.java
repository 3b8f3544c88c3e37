package io.kraftport.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kraftport.local.SharedStack;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AWS MSK IAM authentication from the packaged jar. No MSK is reachable here, so this proves what
 * can be proved locally: the IAM login module and callback handler load from the shaded jar, and a
 * connection that cannot authenticate ends in one line and exit 3. AWS credentials are kept out of
 * reach (empty config and credentials files, no key variables, instance metadata disabled) and
 * every address is on 127.0.0.1.
 */
@Tag("integration")
class MskIamIT {
  static final String LOGIN_MODULE = "software.amazon.msk.auth.iam.IAMLoginModule";
  static final String HANDLER = "software.amazon.msk.auth.iam.IAMClientCallbackHandler";

  @TempDir Path dir;

  private Path config(String bootstrap, String handler) throws IOException {
    Path file = dir.resolve("iam-" + System.nanoTime() + ".properties");
    Files.writeString(
        file,
        String.join(
            "\n",
            "source.bootstrap.servers=" + bootstrap,
            "source.security.protocol=SASL_SSL",
            "source.sasl.mechanism=AWS_MSK_IAM",
            "source.sasl.jaas.config="
                + LOGIN_MODULE
                + " required awsProfileName=\"kraftport-it\";",
            "source.sasl.client.callback.handler.class=" + handler,
            ""));
    return file;
  }

  /** An environment in which the AWS SDK finds no credentials and asks no metadata service. */
  private Map<String, String> noAwsCredentials() throws IOException {
    Map<String, String> env = new HashMap<>();
    for (String name :
        new String[] {
          "AWS_ACCESS_KEY_ID",
          "AWS_SECRET_ACCESS_KEY",
          "AWS_SESSION_TOKEN",
          "AWS_PROFILE",
          "AWS_ROLE_ARN",
          "AWS_WEB_IDENTITY_TOKEN_FILE",
          "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
          "AWS_CONTAINER_CREDENTIALS_FULL_URI"
        }) {
      env.put(name, "");
    }
    env.put("AWS_CONFIG_FILE", Files.createFile(dir.resolve("aws-config")).toString());
    env.put(
        "AWS_SHARED_CREDENTIALS_FILE", Files.createFile(dir.resolve("aws-credentials")).toString());
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    env.put("AWS_REGION", "us-east-1");
    return env;
  }

  private JarRunner.Run export(Map<String, String> env, Path config) {
    return JarRunner.run(
        env,
        "export",
        "--config",
        config.toString(),
        "-o",
        dir.resolve("out.json").toString(),
        "--timeout",
        "5s");
  }

  private static void assertOneCleanLine(JarRunner.Run r) {
    // Besides the progress line ("Reading topics from ... ..."), stderr holds the error and nothing
    // else.
    assertThat(r.err().lines().filter(l -> !l.isBlank() && !l.endsWith(" ...")).toList())
        .as(r.all())
        .singleElement()
        .asString()
        .startsWith("kraftport: error: source cluster (");
    assertThat(r.all())
        .doesNotContain("\tat ", "Exception", "Caused by", "kraftport-it\"", "aws-credentials");
  }

  @Test
  void theIamClassesLoadFromTheJarAndANonAnsweringBrokerIsExit3() throws Exception {
    // A port that accepts connections and never answers: no TLS handshake, so the client runs out
    // of time.
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      String bootstrap = "127.0.0.1:" + silent.getLocalPort();
      JarRunner.Run r = export(noAwsCredentials(), config(bootstrap, HANDLER));
      // Exit 2 would be a login module or handler class the jar does not hold ("invalid client
      // settings").
      assertThat(r.code()).as(r.all()).isEqualTo(3);
      assertOneCleanLine(r);
      assertThat(r.err())
          .contains(bootstrap + "): cannot describe the cluster: no answer within 5 s");
      assertThat(r.out()).doesNotContain("Wrote");
    }
  }

  @Test
  void aBrokerThatDoesNotSpeakTlsEndsInOneLineAndExit3() throws Exception {
    // The source's PLAINTEXT listener: the IAM client's TLS handshake is refused before any
    // credential is sent.
    String bootstrap = SharedStack.get().sourceBootstrap();
    JarRunner.Run r = export(noAwsCredentials(), config(bootstrap, HANDLER));
    assertThat(r.code()).as(r.all()).isEqualTo(3);
    assertOneCleanLine(r);
  }

  @Test
  void aCallbackHandlerTheJarDoesNotHoldIsInvalidInput() throws Exception {
    JarRunner.Run r =
        export(
            noAwsCredentials(),
            config("127.0.0.1:9", "software.amazon.msk.auth.iam.NoSuchHandler"));
    assertThat(r.code()).as(r.all()).isEqualTo(2);
    assertThat(r.err()).contains("invalid client settings").contains("NoSuchHandler");
  }
}
