package io.github.sncamunda.servicenow.common;

import io.camunda.connector.api.error.ConnectorInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads certificates and private keys users paste into a field or a secret: PEM text (certificates,
 * PKCS#8 private keys) and base64 PKCS#12 keystores, with the JDK only. Every problem is a {@link
 * ConnectorInputException} that names the field and what was expected, and never quotes the value:
 * it may be a private key.
 */
public final class Pem {

  /** How to turn the other common key formats into PKCS#8; part of the error messages. */
  public static final String CONVERT_TO_PKCS8 =
      "openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem";

  private static final Pattern LABEL = Pattern.compile("[A-Z0-9 ]{1,40}");
  private static final String BEGIN = "-----BEGIN ";
  private static final String DASHES = "-----";
  // bounds the scan: each BEGIN without its END costs one pass over the text
  private static final int MAX_BLOCKS = 500;
  private static final Pattern BASE64_BODY = Pattern.compile("[A-Za-z0-9+/=\\s]*");
  private static final int MAX_TEXT = 256 * 1024;

  private Pem() {}

  /** The certificates in {@code text} (one or more PEM {@code CERTIFICATE} blocks), in order. */
  public static List<X509Certificate> certificates(String text, String field) {
    List<X509Certificate> certificates = new ArrayList<>();
    for (Block block : blocks(text, field)) {
      if (!block.label().equals("CERTIFICATE")) {
        continue;
      }
      try {
        certificates.add(
            (X509Certificate)
                x509().generateCertificate(new ByteArrayInputStream(block.der(field))));
      } catch (CertificateException | ClassCastException e) {
        throw new ConnectorInputException(
            field
                + ": certificate "
                + (certificates.size() + 1)
                + " is not a valid X.509 certificate");
      }
    }
    if (certificates.isEmpty()) {
      throw new ConnectorInputException(
          field + " must contain at least one PEM certificate (-----BEGIN CERTIFICATE-----)");
    }
    return List.copyOf(certificates);
  }

  /**
   * The one private key in {@code text}: an unencrypted PKCS#8 PEM block ({@code -----BEGIN PRIVATE
   * KEY-----}) holding an RSA or EC key; other formats are refused with the command that converts
   * them.
   */
  public static PrivateKey privateKey(String text, String field) {
    List<Block> keys = new ArrayList<>();
    for (Block block : blocks(text, field)) {
      if (block.label().endsWith("PRIVATE KEY")) {
        keys.add(block);
      }
    }
    if (keys.isEmpty()) {
      throw new ConnectorInputException(
          field + " must contain a PEM private key (-----BEGIN PRIVATE KEY-----, PKCS#8)");
    }
    if (keys.size() > 1) {
      throw new ConnectorInputException(field + " must contain exactly one private key");
    }
    Block key = keys.get(0);
    switch (key.label()) {
      case "PRIVATE KEY" -> {}
      case "RSA PRIVATE KEY", "EC PRIVATE KEY" ->
          throw new ConnectorInputException(
              field
                  + " is a "
                  + (key.label().startsWith("RSA") ? "PKCS#1 RSA" : "SEC1 EC")
                  + " key; convert it to PKCS#8 (-----BEGIN PRIVATE KEY-----), e.g. with: "
                  + CONVERT_TO_PKCS8);
      case "ENCRYPTED PRIVATE KEY" ->
          throw new ConnectorInputException(
              field
                  + " is encrypted; store it unencrypted as a secret (openssl pkcs8 -in key.pem"
                  + " -out key-pkcs8.pem asks for its password) or use a PKCS#12 keystore with a"
                  + " password");
      default ->
          throw new ConnectorInputException(
              field + " must contain a PKCS#8 private key (-----BEGIN PRIVATE KEY-----)");
    }
    byte[] der = key.der(field);
    for (String algorithm : new String[] {"RSA", "EC"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (InvalidKeySpecException wrongAlgorithm) {
        // try the next one
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("RSA and EC are required by every Java platform", e);
      }
    }
    throw new ConnectorInputException(field + " is not a readable PKCS#8 RSA or EC private key");
  }

  /**
   * A PKCS#12 keystore given as base64 (line breaks allowed), opened with {@code password} (may be
   * empty). A wrong password and a damaged file are reported alike, without either value.
   */
  public static KeyStore pkcs12(String base64, String password, String field) {
    if (base64 == null || base64.isBlank()) {
      throw new ConnectorInputException(field + " is required");
    }
    if (base64.length() > MAX_TEXT) {
      throw new ConnectorInputException(field + " is larger than " + MAX_TEXT / 1024 + " KB");
    }
    byte[] bytes;
    try {
      bytes = Base64.getMimeDecoder().decode(unescape(base64).strip());
    } catch (IllegalArgumentException e) {
      throw new ConnectorInputException(
          field + " must be the keystore file encoded as base64 (base64 -w0 client.p12)");
    }
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(
          new ByteArrayInputStream(bytes), password == null ? new char[0] : password.toCharArray());
      return store;
    } catch (IOException e) {
      boolean wrongPassword =
          e.getCause() instanceof UnrecoverableKeyException
              || e.getCause() instanceof javax.crypto.BadPaddingException;
      throw new ConnectorInputException(
          field
              + (wrongPassword
                  ? ": the keystore password is wrong"
                  : " is not a readable PKCS#12 keystore, or its password is wrong"));
    } catch (GeneralSecurityException e) {
      throw new ConnectorInputException(field + " is not a readable PKCS#12 keystore");
    }
  }

  private static List<Block> blocks(String text, String field) {
    if (text == null || text.isBlank()) {
      throw new ConnectorInputException(field + " is required");
    }
    if (text.length() > MAX_TEXT) {
      throw new ConnectorInputException(field + " is larger than " + MAX_TEXT / 1024 + " KB");
    }
    String pem = unescape(text);
    List<Block> blocks = new ArrayList<>();
    int begins = 0;
    for (int at = pem.indexOf(BEGIN); at >= 0; at = pem.indexOf(BEGIN, at)) {
      if (++begins > MAX_BLOCKS) {
        throw new ConnectorInputException(field + " has more than " + MAX_BLOCKS + " PEM blocks");
      }
      int labelStart = at + BEGIN.length();
      int labelEnd = pem.indexOf(DASHES, labelStart);
      if (labelEnd < 0) {
        break;
      }
      String label = pem.substring(labelStart, labelEnd);
      int bodyStart = labelEnd + DASHES.length();
      String end = "-----END " + label + DASHES;
      int endAt = LABEL.matcher(label).matches() ? pem.indexOf(end, bodyStart) : -1;
      if (endAt < 0) {
        at = labelStart;
        continue;
      }
      blocks.add(new Block(label, pem.substring(bodyStart, endAt)));
      at = endAt + end.length();
    }
    if (blocks.isEmpty()) {
      throw new ConnectorInputException(
          field + " is not PEM text: expected -----BEGIN …----- and -----END …----- lines");
    }
    return blocks;
  }

  /** A secret stored on one line often carries its line breaks as the two characters \n. */
  private static String unescape(String text) {
    return text.indexOf('\\') < 0 ? text : text.replace("\\r", "").replace("\\n", "\n");
  }

  private static CertificateFactory x509() {
    try {
      return CertificateFactory.getInstance("X.509");
    } catch (CertificateException e) {
      throw new IllegalStateException("X.509 is required by every Java platform", e);
    }
  }

  private record Block(String label, String body) {

    byte[] der(String field) {
      if (!BASE64_BODY.matcher(body).matches()) {
        throw new ConnectorInputException(
            field + ": the " + label + " block has characters that are not base64");
      }
      try {
        return Base64.getMimeDecoder().decode(body);
      } catch (IllegalArgumentException e) {
        throw new ConnectorInputException(field + ": the " + label + " block is not valid base64");
      }
    }

    @Override
    public String toString() {
      return "Block[" + label + "]";
    }
  }
}
