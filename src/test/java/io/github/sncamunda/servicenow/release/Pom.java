package io.github.sncamunda.servicenow.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/** Reads the project's pom.xml, for tests that check what is written elsewhere against it. */
final class Pom {

  private static final Document POM = parse();

  private Pom() {}

  /** A property from the pom's {@code <properties>}. */
  static String property(String name) {
    return text("/project/properties/" + name);
  }

  /** The text at an XPath under the pom, e.g. {@code /project/scm/url}; fails when missing. */
  static String text(String xpath) {
    try {
      Node node =
          (Node) XPathFactory.newInstance().newXPath().evaluate(xpath, POM, XPathConstants.NODE);
      assertThat(node).as("pom.xml has %s", xpath).isNotNull();
      String text = node.getTextContent().strip();
      assertThat(text).as("pom.xml %s", xpath).isNotEmpty();
      return text;
    } catch (javax.xml.xpath.XPathExpressionException e) {
      throw new IllegalArgumentException(xpath, e);
    }
  }

  private static Document parse() {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(false);
      return factory.newDocumentBuilder().parse(Path.of("pom.xml").toFile());
    } catch (Exception e) {
      throw new IllegalStateException("cannot read pom.xml", e);
    }
  }
}
