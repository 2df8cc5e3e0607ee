// What ../shoot.mjs photographs. Paths are relative to the repository root.
//
// steps: what a user does in the properties panel, in order.
//   { label, value }            type into the field with that label (among the visible ones);
//                               a value starting with "=" is a FEEL expression: in a field that
//                               is always FEEL (shown with the fx editor) only the part after
//                               "=" is typed, in an optional-FEEL field typing "=" switches it
//                               to the FEEL editor, as in Modeler.
//   { label, choose }           pick the dropdown option with that visible text
//   { group, label, ... }       restrict the label lookup to one group (by its title)
//   { group, value }            without label: the only field of that group
// open: group titles to expand (everything else stays collapsed).
// tooltip: { label, group?, shows }: hover that field's label; its tooltip must contain `shows`.
// menu: { element, templates, search, expect }: an append-menu scenario instead (see shoot.mjs).
// expect: zeebe:input target -> source that the saved BPMN must contain afterwards
//         ("taskDefinition.type": the job type).

const TEMPLATE_GROUPS = [ 'General', 'Template' ];

export default [
  {
    name: 'flow-starter-panel',
    template: 'element-templates/servicenow-flow-starter.json',
    open: [ ...TEMPLATE_GROUPS, 'Instance', 'Flow trigger', 'Authentication', 'Connection',
      'Output mapping', 'Error handling', 'Retries' ],
    steps: [
      { group: 'General', label: 'Name', value: 'Start ServiceNow flow' },
      { label: 'Instance name', value: 'your-instance-name' },
      { label: 'REST API trigger path', value: '/api/camun/your_flow_name' },
      { label: 'Method', choose: 'POST' },
      { label: 'Headers', value: '={"hello":"header"}' },
      { label: 'Query parameters', value: '={"hello":"query"}' },
      { label: 'Request body', value: '={"correlationValue": camId}' },
      { label: 'Authentication', choose: 'Basic (username and password)' },
      { label: 'Username', value: '{{secrets.snUser}}' },
      { label: 'Password', value: '{{secrets.snPwd}}' },
      { label: 'Result variable', value: 'flowResponse' }
    ],
    expect: {
      'connection.instanceName': 'your-instance-name',
      'flow.path': '/api/camun/your_flow_name',
      'flow.method': 'POST',
      'flow.headers': '={"hello":"header"}',
      'flow.queryParameters': '={"hello":"query"}',
      'flow.body': '={"correlationValue": camId}',
      'authentication.type': 'basic',
      'authentication.username': '{{secrets.snUser}}',
      'authentication.password': '{{secrets.snPwd}}'
    }
  },
  {
    name: 'incident-handler-create-panel',
    template: 'element-templates/servicenow-incident-handler.json',
    open: [ ...TEMPLATE_GROUPS, 'Instance', 'Authentication', 'Operation', 'Table options', 'Connection',
      'Output mapping', 'Error handling', 'Retries' ],
    steps: [
      { group: 'General', label: 'Name', value: 'Create incident' },
      { label: 'Instance name', value: 'your-instance-name' },
      { label: 'Username', value: '{{secrets.snUser}}' },
      { label: 'Password', value: '{{secrets.snPwd}}' },
      { label: 'Operation', choose: 'Create' },
      { label: 'Payload', value: '={"short_description": "Create ServiceNow Incident (from Camunda)"}' },
      { label: 'Result variable', value: 'incident' }
    ],
    expect: {
      'connection.instanceName': 'your-instance-name',
      'authentication.username': '{{secrets.snUser}}',
      'authentication.password': '{{secrets.snPwd}}',
      'operation.operation': 'create',
      'operation.payload': '={"short_description": "Create ServiceNow Incident (from Camunda)"}'
    }
  },
  {
    name: 'incident-handler-update-panel',
    template: 'element-templates/servicenow-incident-handler.json',
    open: [ ...TEMPLATE_GROUPS, 'Instance', 'Authentication', 'Operation', 'Table options' ],
    steps: [
      { group: 'General', label: 'Name', value: 'Raise incident priority' },
      { label: 'Instance name', value: 'your-instance-name' },
      { label: 'Username', value: '{{secrets.snUser}}' },
      { label: 'Password', value: '{{secrets.snPwd}}' },
      { label: 'Operation', choose: 'Update' },
      { label: 'Sys ID', value: '=incidentSysId' },
      { label: 'Payload', value: '={"priority": "2"}' }
    ],
    expect: {
      'operation.operation': 'update',
      'operation.sysId': '=incidentSysId',
      'operation.payload': '={"priority": "2"}'
    }
  },
  {
    name: 'incident-handler-tooltip',
    template: 'element-templates/servicenow-incident-handler.json',
    open: [ 'Operation' ],
    steps: [
      { group: 'General', label: 'Name', value: 'Read incident' },
      { label: 'Operation', choose: 'Read' },
      { label: 'Sys ID', value: 'INC0010001/comments' }
    ],
    tooltip: { label: 'Sys ID', shows: 'usually mapped from an earlier step' },
    expect: {
      'operation.operation': 'read',
      'operation.sysId': 'INC0010001/comments'
    }
  },
  {
    name: 'append-menu-search',
    menu: {
      element: 'Task_1',
      templates: [ 'element-templates/servicenow-record-handler.json', 'element-templates/servicenow-incident-handler.json',
        'element-templates/servicenow-flow-starter.json', 'element-templates/servicenow-flow-starter-send-task.json',
        'element-templates/servicenow-flow-starter-message-throw-event.json' ],
      search: 'work note',
      expect: [ 'Add work note' ]
    }
  },
  {
    name: 'incident-handler-hybrid-panel',
    template: 'element-templates/hybrid/servicenow-incident-handler-hybrid.json',
    open: [ 'General', 'Task definition type', 'Instance' ],
    steps: [
      { group: 'General', label: 'Name', value: 'Create incident' },
      { group: 'Task definition type', value: 'io.github.sncamunda:servicenow-incident:1-onprem' },
      { label: 'Instance name', value: 'your-instance-name' }
    ],
    expect: {
      'taskDefinition.type': 'io.github.sncamunda:servicenow-incident:1-onprem',
      'connection.instanceName': 'your-instance-name'
    }
  }
];
