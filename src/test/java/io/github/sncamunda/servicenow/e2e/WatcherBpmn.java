package io.github.sncamunda.servicenow.e2e;

/**
 * A process started by the ServiceNow Record Watcher on the incident table, for the end-to-end and
 * replica tests: message name = process id, the incident in {@code incident}, basic authentication
 * with the test secrets {@code snUser} / {@code snPwd}.
 */
public final class WatcherBpmn {

  private WatcherBpmn() {}

  public static String incidents(
      String processId, String filter, String baseUrl, String interval, int pageSize) {
    return """
    <?xml version="1.0" encoding="UTF-8"?>
    <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
        xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://bpmn.io/schema/bpmn">
      <bpmn:message id="m" name="%1$s"/>
      <bpmn:process id="%1$s" isExecutable="true">
        <bpmn:startEvent id="incidentChanged">
          <bpmn:extensionElements><zeebe:properties>
        %2$s
            <zeebe:property name="messageTtl" value="PT1H"/>
            <zeebe:property name="resultVariable" value="incident"/>
          </zeebe:properties></bpmn:extensionElements>
          <bpmn:outgoing>f</bpmn:outgoing>
          <bpmn:messageEventDefinition messageRef="m"/>
        </bpmn:startEvent>
        <bpmn:sequenceFlow id="f" sourceRef="incidentChanged" targetRef="done"/>
        <bpmn:endEvent id="done"><bpmn:incoming>f</bpmn:incoming></bpmn:endEvent>
      </bpmn:process>
    </bpmn:definitions>
    """
        .formatted(
            processId, properties(filter, "number,short_description", baseUrl, interval, pageSize));
  }

  /** The watcher's properties on the incident table, basic authentication with the test secrets. */
  public static String properties(
      String filter, String fields, String baseUrl, String interval, int pageSize) {
    return """
        <zeebe:property name="inbound.type" value="io.github.sncamunda:servicenow-record-watcher:1"/>
        <zeebe:property name="table.table" value="incident"/>
        <zeebe:property name="watch.filter" value="%1$s"/>
        <zeebe:property name="watch.fields" value="%2$s"/>
        <zeebe:property name="watch.pollingInterval" value="%4$s"/>
        <zeebe:property name="watch.window" value="PT1M"/>
        <zeebe:property name="watch.pageSize" value="%5$d"/>
        <zeebe:property name="connection.baseUrl" value="%3$s"/>
        <zeebe:property name="authentication.type" value="basic"/>
        <zeebe:property name="authentication.username" value="{{secrets.snUser}}"/>
        <zeebe:property name="authentication.password" value="{{secrets.snPwd}}"/>
    """
        .formatted(filter, fields, baseUrl, interval, pageSize);
  }
}
