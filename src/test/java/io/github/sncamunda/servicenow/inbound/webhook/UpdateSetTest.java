package io.github.sncamunda.servicenow.inbound.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sncamunda.servicenow.inbound.webhook.UpdateSet.Update;
import org.junit.jupiter.api.Test;

/** The shipped update set parses as ServiceNow update-set XML and holds what the README says. */
class UpdateSetTest {

  @Test
  void itIsAnUnloadOfOneRemoteUpdateSetAndFourUpdatesThatPointAtIt() throws Exception {
    UpdateSet set = UpdateSet.read();
    assertThat(set.updateSet())
        .containsEntry("sys_class_name", "sys_remote_update_set")
        .containsEntry("state", "loaded")
        .containsEntry("application_scope", "global")
        .containsEntry("name", "Camunda ServiceNow Webhook 1.0");
    assertThat(set.updates())
        .extracting(Update::payloadTable)
        .containsExactly("sys_script_include", "sys_script", "sys_properties", "sys_properties");
    for (Update update : set.updates()) {
      assertThat(update.field("remote_update_set")).isEqualTo(set.updateSet().get("sys_id"));
      assertThat(update.field("action")).isEqualTo("INSERT_OR_UPDATE");
      // ServiceNow names an update after the record it installs: <table>_<sys_id>
      assertThat(update.field("name"))
          .isEqualTo(update.record().get("sys_update_name"))
          .isEqualTo(update.payloadTable() + "_" + update.record().get("sys_id"));
      assertThat(update.record().get("sys_id")).matches("[0-9a-f]{32}");
      assertThat(update.record()).containsEntry("sys_class_name", update.payloadTable());
      assertThat(update.field("target_name")).isEqualTo(update.record().get("sys_name"));
    }
    assertThat(set.updates())
        .extracting(u -> u.field("sys_id"))
        .doesNotHaveDuplicates()
        .allMatch(id -> id.matches("[0-9a-f]{32}"));
  }

  @Test
  void theScriptIncludeIsAServerSideClassThatSendsAsynchronously() throws Exception {
    Update include = UpdateSet.read().update("sys_script_include", "CamundaWebhook");
    assertThat(include.field("type")).isEqualTo("Script Include");
    assertThat(include.record())
        .containsEntry("name", "CamundaWebhook")
        .containsEntry("api_name", "global.CamundaWebhook")
        .containsEntry("active", "true")
        .containsEntry("client_callable", "false");
    assertThat(include.record().get("script"))
        .contains("var CamundaWebhook = Class.create();")
        .contains("new sn_ws.RESTMessageV2()", ".executeAsync()")
        .contains("generateMac(key, 'HmacSHA256', timestamp + '.' + body)")
        .contains("'X-SN-Timestamp'", "'X-SN-Signature'", "'v1=' + mac")
        .doesNotContain(".execute()");
  }

  @Test
  void theBusinessRuleIsAnInactiveAsyncExampleOnInsertAndUpdate() throws Exception {
    Update rule = UpdateSet.read().update("sys_script", "Camunda webhook: change request changed");
    assertThat(rule.field("type")).isEqualTo("Business Rule");
    assertThat(rule.record())
        .containsEntry("collection", "change_request")
        .containsEntry("when", "async")
        .containsEntry("action_insert", "true")
        .containsEntry("action_update", "true")
        .containsEntry("action_delete", "false")
        .containsEntry("action_query", "false")
        .containsEntry("advanced", "true")
        .containsEntry("active", "false");
    assertThat(rule.record().get("script")).contains("new CamundaWebhook().send(current, [");
  }

  @Test
  void theSecretIsAPrivateEncryptedPropertyShippedEmpty() throws Exception {
    UpdateSet set = UpdateSet.read();
    Update secret = set.update("sys_properties", "sncamunda.webhook.secret");
    assertThat(secret.field("type")).isEqualTo("System Property");
    assertThat(secret.record())
        .containsEntry("name", "sncamunda.webhook.secret")
        .containsEntry("type", "password2")
        .containsEntry("is_private", "true")
        .containsEntry("value", "")
        .containsEntry("read_roles", "admin");
    Update url = set.update("sys_properties", "sncamunda.webhook.url");
    assertThat(url.record())
        .containsEntry("type", "string")
        .containsEntry("value", "")
        .containsEntry("is_private", "true");
  }
}
