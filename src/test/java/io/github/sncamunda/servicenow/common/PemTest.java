package io.github.sncamunda.servicenow.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.connector.api.error.ConnectorInputException;
import io.github.sncamunda.servicenow.network.TestPki;
import org.junit.jupiter.api.Test;

/**
 * PEM blocks are found in one pass per marker, and hostile text is refused, not scanned for long.
 */
class PemTest {

  private final TestPki.Ca first = TestPki.ca("first");
  private final TestPki.Ca second = TestPki.ca("second");

  @Test
  void readsEveryCertificateOfABundleInOrderAndSkipsTextAroundThem() {
    String bundle = "# our CAs\n" + first.pem() + "\nsome comment\n" + second.pem();

    assertThat(Pem.certificates(bundle, "CA bundle"))
        .containsExactly(first.certificate(), second.certificate());
  }

  @Test
  void aBeginWithoutItsEndDoesNotHideTheBlocksAfterIt() {
    String bundle = "-----BEGIN X509 CRL-----\nMIIB-cut-off\n" + first.pem();

    assertThat(Pem.certificates(bundle, "CA bundle")).containsExactly(first.certificate());
  }

  @Test
  void aBlockEndsOnlyAtTheEndOfItsOwnLabel() {
    String bundle = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END PRIVATE KEY-----\n" + second.pem();

    // the first BEGIN runs to the first END CERTIFICATE: one (unreadable) block, not two
    assertThatThrownBy(() -> Pem.certificates(bundle, "CA bundle"))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("CERTIFICATE block has characters that are not base64");
  }

  @Test
  void thousandsOfUnterminatedBeginMarkersAreRefusedWithoutScanningEachToTheEnd() {
    String hostile = "-----BEGIN A-----\n".repeat(14_000); // about 250 KB, under the size cap

    assertThatThrownBy(() -> Pem.certificates(hostile, "CA bundle"))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage("CA bundle has more than 500 PEM blocks");
  }
}
