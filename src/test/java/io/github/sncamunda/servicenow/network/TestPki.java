package io.github.sncamunda.servicenow.network;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates made at test time (BouncyCastle builds them, the JDK makes the keys): CAs, server
 * certificates for loopback names, client certificates, expired ones. Nothing here is committed;
 * every run has fresh keys.
 */
public final class TestPki {

  private static final AtomicLong SERIALS = new AtomicLong(System.nanoTime());
  public static final String STORE_PASSWORD = "test-store-password";

  private TestPki() {}

  /** A self-signed CA valid for a day around now. */
  public static Ca ca(String name) {
    KeyPair keys = rsa();
    Instant now = Instant.now();
    X500Name subject = new X500Name("CN=" + name + ",O=sncamunda tests");
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            subject,
            serial(),
            Date.from(now.minus(Duration.ofHours(1))),
            Date.from(now.plus(Duration.ofDays(1))),
            subject,
            keys.getPublic());
    try {
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      builder.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return new Ca(new Issued(keys, sign(builder, keys.getPrivate()), List.of()));
  }

  public static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static KeyPair ec() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(256);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** PEM text of certificates. */
  public static String pem(X509Certificate... certificates) {
    StringBuilder out = new StringBuilder();
    for (X509Certificate certificate : certificates) {
      try {
        out.append(block("CERTIFICATE", certificate.getEncoded()));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
    return out.toString();
  }

  /** An unencrypted PKCS#8 PEM private key. */
  public static String pkcs8(PrivateKey key) {
    return block("PRIVATE KEY", key.getEncoded());
  }

  /** The same RSA key in the traditional PKCS#1 form ({@code BEGIN RSA PRIVATE KEY}). */
  public static String pkcs1(PrivateKey key) {
    try {
      return block(
          "RSA PRIVATE KEY",
          PrivateKeyInfo.getInstance(key.getEncoded())
              .parsePrivateKey()
              .toASN1Primitive()
              .getEncoded());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String block(String label, byte[] der) {
    return "-----BEGIN "
        + label
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + label
        + "-----\n";
  }

  /** A PKCS#12 file holding {@code certificates} as trusted entries (a trust store). */
  public static Path trustStore(Path dir, String name, X509Certificate... certificates) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      for (int i = 0; i < certificates.length; i++) {
        store.setCertificateEntry("ca-" + i, certificates[i]);
      }
      return write(store, dir.resolve(name + ".p12"));
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path write(KeyStore store, Path file)
      throws IOException, GeneralSecurityException {
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, STORE_PASSWORD.toCharArray());
    }
    return file;
  }

  private static BigInteger serial() {
    return BigInteger.valueOf(SERIALS.incrementAndGet());
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey) {
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
    } catch (OperatorCreationException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A key pair with its certificate and the chain above it (CA certificates, leaf first). */
  public record Issued(KeyPair keys, X509Certificate certificate, List<X509Certificate> issuers) {

    public String certificatePem() {
      return pem(certificate);
    }

    public String privateKeyPem() {
      return pkcs8(keys.getPrivate());
    }

    /** The key and certificate as a PKCS#12 file's bytes. */
    public byte[] pkcs12(String password) {
      try {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(
            "client",
            keys.getPrivate(),
            password.toCharArray(),
            new X509Certificate[] {certificate});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, password.toCharArray());
        return out.toByteArray();
      } catch (GeneralSecurityException | IOException e) {
        throw new IllegalStateException(e);
      }
    }

    public String pkcs12Base64(String password) {
      return Base64.getEncoder().encodeToString(pkcs12(password));
    }

    /** A TLS context serving this certificate (for test servers of our own). */
    public javax.net.ssl.SSLContext serverContext() {
      try {
        javax.net.ssl.KeyManagerFactory factory =
            javax.net.ssl.KeyManagerFactory.getInstance(
                javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
        factory.init(serverStore(), STORE_PASSWORD.toCharArray());
        javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        return context;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    private KeyStore serverStore() {
      try {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(certificate);
        chain.addAll(issuers);
        store.setKeyEntry(
            "server",
            keys.getPrivate(),
            STORE_PASSWORD.toCharArray(),
            chain.toArray(X509Certificate[]::new));
        return store;
      } catch (GeneralSecurityException | IOException e) {
        throw new IllegalStateException(e);
      }
    }

    /** A PKCS#12 key store file for a server (WireMock's keystorePath). */
    public Path keyStore(Path dir, String name) {
      try {
        return write(serverStore(), dir.resolve(name + ".p12"));
      } catch (GeneralSecurityException | IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** A CA that issues server and client certificates. */
  public record Ca(Issued self) {

    public X509Certificate certificate() {
      return self.certificate();
    }

    public String pem() {
      return TestPki.pem(self.certificate());
    }

    /** A server certificate for {@code names} (DNS names or IPv4 literals). */
    public Issued server(String... names) {
      return issue(
          "CN=" + names[0],
          names,
          KeyPurposeId.id_kp_serverAuth,
          rsa(),
          Instant.now(),
          Duration.ofDays(1));
    }

    public Issued client(String commonName) {
      return issue(
          "CN=" + commonName,
          new String[0],
          KeyPurposeId.id_kp_clientAuth,
          rsa(),
          Instant.now(),
          Duration.ofDays(1));
    }

    public Issued client(String commonName, KeyPair keys) {
      return issue(
          "CN=" + commonName,
          new String[0],
          KeyPurposeId.id_kp_clientAuth,
          keys,
          Instant.now(),
          Duration.ofDays(1));
    }

    /** A client certificate that expired an hour ago. */
    public Issued expiredClient(String commonName) {
      return issue(
          "CN=" + commonName,
          new String[0],
          KeyPurposeId.id_kp_clientAuth,
          rsa(),
          Instant.now().minus(Duration.ofDays(2)),
          Duration.ofDays(1).plusHours(23));
    }

    private Issued issue(
        String subject,
        String[] names,
        KeyPurposeId purpose,
        KeyPair keys,
        Instant from,
        Duration validity) {
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              X500Name.getInstance(self.certificate().getSubjectX500Principal().getEncoded()),
              serial(),
              Date.from(from.minus(Duration.ofMinutes(5))),
              Date.from(from.plus(validity)),
              new X500Name(subject + ",O=sncamunda tests"),
              keys.getPublic());
      try {
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(
            Extension.keyUsage,
            true,
            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
        if (names.length > 0) {
          GeneralName[] alternatives = new GeneralName[names.length];
          for (int i = 0; i < names.length; i++) {
            boolean ip = names[i].matches("[0-9.]+");
            alternatives[i] =
                new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, names[i]);
          }
          builder.addExtension(
              Extension.subjectAlternativeName, false, new GeneralNames(alternatives));
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      return new Issued(keys, sign(builder, self.keys().getPrivate()), List.of(self.certificate()));
    }
  }
}
