package io.github.sncamunda.servicenow.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sncamunda.servicenow.auth.OAuthJwtBearerAuthentication;
import io.github.sncamunda.servicenow.client.ServiceNowConnection;
import io.github.sncamunda.servicenow.client.ServiceNowEndpoint;
import io.github.sncamunda.servicenow.table.Table;
import io.github.sncamunda.servicenow.table.TableInputs;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Each template pattern says yes exactly where the connector's own rule says yes, on valid and
 * invalid samples (Modeler skips patterns for FEEL values; an empty optional field must pass).
 * {@link Pattern#matches} reads these patterns as JavaScript's anchored {@code test} does.
 */
class FieldPatternsTest {

  /** A rule accepts a value when it does not throw. */
  private static boolean accepts(Consumer<String> rule, String value) {
    try {
      rule.accept(value);
      return true;
    } catch (RuntimeException refused) {
      return false;
    }
  }

  /** A template number field sends text; the runtime binds it to an Integer or refuses it. */
  private static Consumer<String> number(Consumer<Integer> rule) {
    return text -> rule.accept(Integer.valueOf(text));
  }

  private static void agree(
      String pattern, Consumer<String> rule, List<String> valid, List<String> invalid) {
    Pattern compiled = Pattern.compile(pattern);
    for (String value : valid) {
      assertThat(accepts(rule, value)).as("the connector accepts %s", value).isTrue();
      assertThat(compiled.matcher(value).matches()).as("the pattern accepts %s", value).isTrue();
    }
    for (String value : invalid) {
      assertThat(accepts(rule, value)).as("the connector refuses %s", value).isFalse();
      assertThat(compiled.matcher(value).matches()).as("the pattern refuses %s", value).isFalse();
    }
    assertThat(compiled.matcher("=someVariable").matches()).as("FEEL").isTrue();
  }

  /**
   * An optional field's pattern accepts an empty field as either panel tests it: '' (Modeler 5.49)
   * and "undefined" (newer bpmn-js-element-templates test String(undefined)); otherwise the panel
   * shows the field red while it is empty.
   */
  private static void acceptsAnEmptyField(String pattern) {
    assertThat(matches(pattern, "")).as("empty, as Modeler 5.49's panel tests it").isTrue();
    assertThat(matches(pattern, "undefined")).as("empty, as the newer panel tests it").isTrue();
  }

  private static boolean matches(String pattern, String value) {
    return Pattern.compile(pattern).matcher(value).matches();
  }

  @Test
  void instanceName() {
    agree(
        FieldPatterns.INSTANCE_NAME,
        ServiceNowEndpoint::forInstance,
        List.of("dev12345", "acme-prod", "A1", "x", "a".repeat(63)),
        List.of(
            "a.b",
            "dev12345.service-now.com",
            "https://dev12345.service-now.com",
            "host:8080",
            "user@host",
            "-dev",
            "dev-",
            "dev 1",
            "a".repeat(64),
            "dev/1"));
    // empty is fine in the template (a base URL may be set); a secret reference too
    acceptsAnEmptyField(FieldPatterns.INSTANCE_NAME);
    assertThat(matches(FieldPatterns.INSTANCE_NAME, "{{secrets.snInstance}}")).isTrue();
    assertThat(matches(FieldPatterns.INSTANCE_NAME, "{{secrets.snInstance}}.x")).isFalse();
  }

  @Test
  void baseAndTokenUrls() {
    agree(
        FieldPatterns.URL,
        value -> UrlRules.checked(value, "Base URL"),
        List.of(
            "https://itsm.example.com",
            "https://itsm.example.com/",
            "https://gw.example.com:8443/servicenow",
            "https://dev12345.service-now.com/oauth_token.do",
            "https://[2001:db8::1]/sn",
            "http://localhost:8080",
            "http://127.0.0.1:9000/x"),
        List.of(
            "http://itsm.example.com",
            "ftp://itsm.example.com",
            "itsm.example.com",
            "https://user:pw@itsm.example.com",
            "https://itsm.example.com/?x=1",
            "https://itsm.example.com/#top",
            "https://itsm.example.com//x",
            "https://itsm.example.com/a/../b",
            "https://itsm.example.com/a/./b",
            "https://itsm.example.com/%2e%2e/x",
            "https://itsm.example.com/a\\b"));
    acceptsAnEmptyField(FieldPatterns.URL);
    assertThat(matches(FieldPatterns.URL, "{{secrets.snBaseUrl}}")).isTrue();
  }

  @Test
  void responseTimeout() {
    agree(
        FieldPatterns.TIMEOUT_SECONDS,
        number(
            seconds ->
                new ServiceNowConnection(null, null, seconds)
                    .responseTimeout(Duration.ofSeconds(60))),
        List.of("1", "9", "60", "999", "1000", "2999", "3599", "3600"),
        List.of("0", "3601", "4000", "10000", "-1", "1.5", "sixty", "60s"));
    acceptsAnEmptyField(FieldPatterns.TIMEOUT_SECONDS);
  }

  @Test
  void jwtLifetime() {
    agree(
        FieldPatterns.JWT_LIFETIME_SECONDS,
        number(
            seconds ->
                new OAuthJwtBearerAuthentication(
                        "client", "secret", "user", "key", null, null, null, seconds)
                    .validate()),
        List.of("30", "99", "100", "300", "999", "1000", "3600"),
        List.of("0", "29", "3601", "9999", "-30", "300s"));
    acceptsAnEmptyField(FieldPatterns.JWT_LIFETIME_SECONDS);
  }

  @Test
  void sysId() {
    agree(
        FieldPatterns.SYS_ID,
        value -> TableInputs.sysId(value, Table.INCIDENT),
        List.of("46d44e2ba9fe1981009d6a8c4e2f7a76", "glide.maint-1_a", "a", "a".repeat(32)),
        List.of("", "a".repeat(33), "../sys_user", "abc/def", "abc def", "abc%2Fdef", "abc?x=1"));
  }

  @Test
  void limitsAndOffsets() {
    List<String> counts = List.of("1", "10", "999", "1000", "9999", "10000");
    List<String> notCounts = List.of("0", "10001", "-1", "12.5", "ten");
    agree(FieldPatterns.COUNT, number(TableInputs::limit), counts, notCounts);
    agree(FieldPatterns.OPTIONAL_COUNT, number(TableInputs::limit), counts, notCounts);
    assertThat(matches(FieldPatterns.COUNT, "")).as("required").isFalse();
    assertThat(matches(FieldPatterns.COUNT, "undefined")).as("required").isFalse();
    acceptsAnEmptyField(FieldPatterns.OPTIONAL_COUNT);
    agree(
        FieldPatterns.OFFSET,
        number(TableInputs::offset),
        List.of("0", "1", "500", "999999999"),
        List.of("-1", "1.5", "next"));
    acceptsAnEmptyField(FieldPatterns.OFFSET);
  }

  @Test
  void fieldsAndOrderBy() {
    agree(
        FieldPatterns.FIELD_LIST,
        TableInputs::fields,
        List.of(
            "",
            "sys_id",
            "sys_id,number,state",
            " sys_id, number ,short_description,",
            "caller_id.name",
            ","),
        List.of("number,sys_id&x=1", "a b", "sys_id;number", "state^1"));
    agree(
        FieldPatterns.FIELD_NAME,
        TableInputs::orderField,
        List.of("", "  ", "sys_created_on", "caller_id.name"),
        List.of("sys_created_on,number", "a b", "number^1", "DESC(number)"));
    acceptsAnEmptyField(FieldPatterns.FIELD_LIST);
    acceptsAnEmptyField(FieldPatterns.FIELD_NAME);
  }

  @Test
  void correlationId() {
    agree(
        FieldPatterns.CORRELATION_ID,
        TableInputs::correlationId,
        List.of("", "disk-full-db01", "order 4711 / line 2", "x".repeat(100)),
        List.of("a^b", "^", "x".repeat(101)));
    acceptsAnEmptyField(FieldPatterns.CORRELATION_ID);
  }
}
