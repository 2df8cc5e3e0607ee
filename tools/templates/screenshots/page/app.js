// Browser entry for the screenshot page: bpmn-js Modeler with the real properties panel and
// the Camunda 8 (cloud) element-templates provider, as in Camunda Modeler. Bundled by
// ../shoot.mjs with esbuild; the templates themselves are handed in by the driver.
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-element-templates/dist/assets/element-templates.css';

import Modeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  ZeebePropertiesProviderModule
} from 'bpmn-js-properties-panel';
import { CloudElementTemplatesPropertiesProviderModule } from 'bpmn-js-element-templates';
import { CreateAppendAnythingModule, CreateAppendElementTemplatesModule } from 'bpmn-js-create-append-anything';
import CamundaCloudBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-cloud';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';

const diagramXml = (platformVersion) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
  xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:modeler="http://camunda.org/schema/modeler/1.0"
  id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn"
  modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="${platformVersion}">
  <bpmn:process id="Process_1" isExecutable="true">
    <bpmn:startEvent id="StartEvent_1"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:task id="Task_1"><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:task>
    <bpmn:endEvent id="EndEvent_1"><bpmn:incoming>Flow_2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Task_1"/>
    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_1" targetRef="EndEvent_1"/>
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="Process_1">
      <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1"><dc:Bounds x="52" y="102" width="36" height="36"/></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Task_1_di" bpmnElement="Task_1"><dc:Bounds x="140" y="80" width="100" height="80"/></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="EndEvent_1_di" bpmnElement="EndEvent_1"><dc:Bounds x="292" y="102" width="36" height="36"/></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="Flow_1_di" bpmnElement="Flow_1"><di:waypoint x="88" y="120"/><di:waypoint x="140" y="120"/></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="Flow_2_di" bpmnElement="Flow_2"><di:waypoint x="240" y="120"/><di:waypoint x="292" y="120"/></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`;

let modeler;

/** Fresh modeler with a start -> Task_1 -> end diagram and the given templates registered. */
window.setup = async ({ templates, platformVersion = '8.8.0' }) => {
  if (modeler) modeler.destroy();
  modeler = new Modeler({
    container: '#canvas',
    propertiesPanel: { parent: '#panel' },
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      ZeebePropertiesProviderModule,
      CloudElementTemplatesPropertiesProviderModule,
      CamundaCloudBehaviorsModule,
      // the create/append/replace menus with element templates and their steps, as in Desktop Modeler
      CreateAppendAnythingModule,
      CreateAppendElementTemplatesModule
    ],
    moddleExtensions: { zeebe: zeebeModdle },
    elementTemplates: templates
  });
  window.modeler = modeler;
  await modeler.importXML(diagramXml(platformVersion));
  modeler.get('elementTemplates').set(templates);
  modeler.get('elementTemplates').setEngines({ camunda: platformVersion });
};

/** Apply a template to Task_1, like picking it from the "change element" menu. Returns the new element id. */
window.applyTemplate = (templateId) => {
  const elementTemplates = modeler.get('elementTemplates');
  const template = elementTemplates.getLatest(templateId, { deprecated: true })[0];
  if (!template) throw new Error(`template ${templateId} not registered`);
  const task = modeler.get('elementRegistry').get('Task_1');
  const applied = elementTemplates.applyTemplate(task, template);
  return applied.id;
};

/** Select an element (must run in its own evaluate after import, otherwise the panel ignores it). */
window.select = (id) => {
  const element = modeler.get('elementRegistry').get(id);
  modeler.get('selection').select(element);
  modeler.get('canvas').zoom(1, 'auto');
};

window.saveXML = async () => (await modeler.saveXML({ format: true })).xml;

/** Open the append menu next to an element, as its context pad's "Append element" does. */
window.openAppendMenu = (id) => {
  const element = modeler.get('elementRegistry').get(id);
  const box = modeler.get('canvas').getGraphics(element).getBoundingClientRect();
  modeler.get('popupMenu').open(element, 'bpmn-append', { x: box.right + 10, y: box.top, cursor: { x: box.right, y: box.top } }, {
    title: 'Append element',
    width: 340,
    search: true
  });
};
