package io.github.sncamunda.servicenow.inbound.webhook;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The shipped update set read as ServiceNow reads an imported one: an {@code <unload>} with one
 * {@code sys_remote_update_set} and {@code sys_update_xml} records, each carrying in {@code
 * payload} the XML of the record it installs ({@code <record_update table="...">}).
 */
record UpdateSet(Map<String, String> updateSet, List<Update> updates) {

  static final Path FILE = Path.of("servicenow", "camunda-webhook-update-set.xml");

  /** One sys_update_xml record: its own fields, and the fields of the record in its payload. */
  record Update(Map<String, String> fields, String payloadTable, Map<String, String> record) {

    String field(String name) {
      return fields.get(name);
    }
  }

  static UpdateSet read() throws Exception {
    Element root;
    try (InputStream in = Files.newInputStream(FILE)) {
      root = parse(in).getDocumentElement();
    }
    if (!root.getTagName().equals("unload")) {
      throw new IllegalStateException("root element is " + root.getTagName() + ", not unload");
    }
    Map<String, String> updateSet = null;
    List<Update> updates = new ArrayList<>();
    for (Element child : children(root)) {
      switch (child.getTagName()) {
        case "sys_remote_update_set" -> {
          if (updateSet != null) {
            throw new IllegalStateException("more than one sys_remote_update_set");
          }
          updateSet = fields(child);
        }
        case "sys_update_xml" -> updates.add(update(child));
        default -> throw new IllegalStateException("unexpected element " + child.getTagName());
      }
    }
    if (updateSet == null) {
      throw new IllegalStateException("no sys_remote_update_set");
    }
    return new UpdateSet(updateSet, updates);
  }

  /** The one update for a record of {@code table} named {@code targetName}. */
  Update update(String table, String targetName) {
    return updates.stream()
        .filter(u -> u.payloadTable().equals(table) && targetName.equals(u.field("target_name")))
        .reduce(
            (a, b) -> {
              throw new IllegalStateException("two updates for " + table + " " + targetName);
            })
        .orElseThrow(() -> new IllegalStateException("no update for " + table + " " + targetName));
  }

  private static Update update(Element element) throws Exception {
    Map<String, String> fields = fields(element);
    Element recordUpdate =
        parse(new ByteArrayInputStream(fields.get("payload").getBytes(StandardCharsets.UTF_8)))
            .getDocumentElement();
    if (!recordUpdate.getTagName().equals("record_update")) {
      throw new IllegalStateException("payload root is " + recordUpdate.getTagName());
    }
    String table = recordUpdate.getAttribute("table");
    List<Element> records = children(recordUpdate);
    if (records.size() != 1 || !records.get(0).getTagName().equals(table)) {
      throw new IllegalStateException("payload must hold exactly one <" + table + "> record");
    }
    if (!"INSERT_OR_UPDATE".equals(records.get(0).getAttribute("action"))) {
      throw new IllegalStateException("payload record action is not INSERT_OR_UPDATE");
    }
    return new Update(fields, table, fields(records.get(0)));
  }

  private static Map<String, String> fields(Element element) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (Element field : children(element)) {
      if (fields.put(field.getTagName(), field.getTextContent()) != null) {
        throw new IllegalStateException(
            "field " + field.getTagName() + " twice in " + element.getTagName());
      }
    }
    return fields;
  }

  private static List<Element> children(Element parent) {
    List<Element> children = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        children.add(e);
      }
    }
    return children;
  }

  private static Document parse(InputStream in) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setNamespaceAware(false);
    DocumentBuilder builder = factory.newDocumentBuilder();
    return builder.parse(in);
  }
}
