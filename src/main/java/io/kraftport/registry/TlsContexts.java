package io.kraftport.registry;

import io.kraftport.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Arrays;
import java.util.Locale;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Builds the TLS socket factory and trust manager for a registry from its key and trust stores
 * (JKS, PKCS12, or a PEM file of certificates for the trust store). Failures name the store file,
 * never its password.
 */
final class TlsContexts {
  private TlsContexts() {}

  /** The SSL context and the trust manager OkHttp needs alongside it. */
  record Built(SSLContext context, X509TrustManager trustManager) {}

  static Built build(RegistrySettings.Tls tls) {
    try {
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(tls.truststore() == null ? null : load(tls.truststore()));
      X509TrustManager trust =
          Arrays.stream(tmf.getTrustManagers())
              .filter(X509TrustManager.class::isInstance)
              .map(X509TrustManager.class::cast)
              .findFirst()
              .orElseThrow(() -> new InvalidInputException("no X.509 trust manager available"));
      KeyManagerFactory kmf = null;
      if (tls.keystore() != null) {
        kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        RegistrySettings.Secret keyPassword =
            tls.keyPassword() != null ? tls.keyPassword() : tls.keystore().password();
        kmf.init(
            load(tls.keystore()),
            keyPassword == null ? new char[0] : keyPassword.reveal().toCharArray());
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf == null ? null : kmf.getKeyManagers(), new TrustManager[] {trust}, null);
      return new Built(context, trust);
    } catch (GeneralSecurityException e) {
      throw new InvalidInputException(
          "cannot set up TLS for the schema registry: " + e.getMessage(), e);
    }
  }

  private static KeyStore load(RegistrySettings.Store store) {
    Path file = Path.of(store.location());
    String type = store.type().toUpperCase(Locale.ROOT);
    try (InputStream in = Files.newInputStream(file)) {
      if (type.equals("PEM")) {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        int i = 0;
        for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
          ks.setCertificateEntry("cert-" + i++, cert);
        }
        return ks;
      }
      KeyStore ks = KeyStore.getInstance(type);
      ks.load(in, store.password() == null ? null : store.password().reveal().toCharArray());
      return ks;
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(store.location() + ": no such file");
    } catch (IOException | GeneralSecurityException e) {
      // The message of a wrong password names no secret ("keystore password was incorrect").
      throw new InvalidInputException(
          "cannot read " + type + " store " + store.location() + ": " + e.getMessage(), e);
    }
  }
}
