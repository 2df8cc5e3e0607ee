package io.github.sncamunda.servicenow.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.connector.generator.java.annotation.ElementTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * What docs/marketplace.md promises about the listing's assets: SVG icons within the Marketplace's
 * 8 KB (the listing's, and one per connector that its templates embed), screenshots that exist, and
 * links that resolve.
 */
class MarketplaceReadinessTest {

  private static final Path RESOURCES = Path.of("src", "main", "resources");
  private static final Path LISTING_ICON = RESOURCES.resolve("servicenow.svg");
  private static final Path LISTING = Path.of("docs", "marketplace.md");

  @Test
  void everyIconIsASquareSvgOfAtMost8KbWithoutScriptsOrExternalReferences() throws Exception {
    List<Path> icons = new ArrayList<>(List.of(LISTING_ICON));
    connectorTemplates().forEach(t -> icons.add(RESOURCES.resolve(t.icon())));
    for (Path icon : icons) {
      assertThat(Files.size(icon)).as("size in bytes of %s", icon).isLessThanOrEqualTo(8 * 1024);
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Element svg = factory.newDocumentBuilder().parse(icon.toFile()).getDocumentElement();
      assertThat(svg.getLocalName()).isEqualTo("svg");
      assertThat(svg.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
      double[] viewBox =
          Arrays.stream(svg.getAttribute("viewBox").trim().split("[\\s,]+"))
              .mapToDouble(Double::parseDouble)
              .toArray();
      assertThat(viewBox).as("viewBox of %s", icon).hasSize(4);
      assertThat(viewBox[2]).as("square view box of %s", icon).isEqualTo(viewBox[3]).isPositive();
      String text = Files.readString(icon);
      assertThat(text).doesNotContain("<script").doesNotContainPattern("href=\"(https?:)?//");
    }
  }

  @Test
  void eachConnectorHasAnIconOfItsOwn() {
    List<String> icons = connectorTemplates().stream().map(ElementTemplate::icon).toList();
    assertThat(icons)
        .doesNotHaveDuplicates()
        .doesNotContain(RESOURCES.relativize(LISTING_ICON).toString());
    assertThat(icons.stream().map(RESOURCES::resolve)).allSatisfy(p -> assertThat(p).exists());
  }

  @Test
  void everyCurrentTemplateEmbedsItsConnectorsIcon() throws IOException {
    Map<String, String> iconById = new HashMap<>();
    for (ElementTemplate template : connectorTemplates()) {
      iconById.put(
          template.id(),
          "data:image/svg+xml;base64,"
              + Base64.getEncoder()
                  .encodeToString(Files.readAllBytes(RESOURCES.resolve(template.icon()))));
    }
    int checked = 0;
    for (var template : Templates.all().entrySet()) {
      if (template.getKey().toString().contains("versioned")) {
        continue; // frozen copies keep the icon they were released with
      }
      // variants have ids of their own: "<id>:<element type>", "<id>-hybrid"
      String id =
          template.getValue().path("id").asText().replaceFirst("(:[A-Za-z]+)?(-hybrid)?$", "");
      assertThat(iconById).as("connector of %s", template.getKey()).containsKey(id);
      assertThat(template.getValue().path("icon").path("contents").asText())
          .as("icon of %s", template.getKey())
          .isEqualTo(iconById.get(id));
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(connectorTemplates().size());
  }

  /** The @ElementTemplate of every connector the jar registers, outbound and inbound. */
  private static List<ElementTemplate> connectorTemplates() {
    return Connectors.all().stream()
        .map(
            c -> {
              ElementTemplate template = c.getAnnotation(ElementTemplate.class);
              assertThat(template).as("@ElementTemplate on %s", c).isNotNull();
              return template;
            })
        .toList();
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
