package io.github.sncamunda.servicenow.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * What docs/marketplace.md promises about the listing's assets: an SVG icon within the
 * Marketplace's 8 KB that every template embeds, screenshots that exist, and links that resolve.
 */
class MarketplaceReadinessTest {

  private static final Path ICON = Path.of("src", "main", "resources", "servicenow.svg");
  private static final Path LISTING = Path.of("docs", "marketplace.md");

  @Test
  void iconIsASquareSvgOfAtMost8KbWithoutScriptsOrExternalReferences() throws Exception {
    assertThat(Files.size(ICON)).as("icon size in bytes").isLessThanOrEqualTo(8 * 1024);
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Element svg = factory.newDocumentBuilder().parse(ICON.toFile()).getDocumentElement();
    assertThat(svg.getLocalName()).isEqualTo("svg");
    assertThat(svg.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
    double[] viewBox =
        Arrays.stream(svg.getAttribute("viewBox").trim().split("[\\s,]+"))
            .mapToDouble(Double::parseDouble)
            .toArray();
    assertThat(viewBox).as("viewBox").hasSize(4);
    assertThat(viewBox[2]).as("square view box").isEqualTo(viewBox[3]).isPositive();
    String text = Files.readString(ICON);
    assertThat(text).doesNotContain("<script").doesNotContainPattern("href=\"(https?:)?//");
  }

  @Test
  void everyTemplateEmbedsTheListingIcon() throws IOException {
    String expected =
        "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(ICON));
    for (var template : Templates.all().entrySet()) {
      assertThat(template.getValue().path("icon").path("contents").asText())
          .as("icon of %s", template.getKey())
          .isEqualTo(expected);
    }
  }

  @Test
  void listingLinksAndScreenshotsResolve() throws IOException {
    String listing = Files.readString(LISTING);
    Matcher links = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)\\s]*)?\\)").matcher(listing);
    int relative = 0;
    while (links.find()) {
      String target = links.group(1);
      if (target.startsWith("http")) {
        continue;
      }
      relative++;
      Path file = LISTING.getParent().resolve(target).normalize();
      assertThat(file).as("link %s in docs/marketplace.md", target).exists();
      if (target.endsWith(".png")) {
        byte[] head = Arrays.copyOf(Files.readAllBytes(file), 8);
        assertThat(head)
            .as("%s is a PNG", target)
            .isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
      }
    }
    assertThat(relative).as("the listing links its assets").isGreaterThanOrEqualTo(10);
    assertThat(listing).contains("](images/flow-starter-panel.png)");
  }
}
